"""The caption files of peer libraries (../shared/fixtures/peers, see its
MANIFEST.tsv and licences): read with the cues and words the peer's own
tests expect, malformed ones giving a positioned ParseError or a lenient
reading, and never a traceback.  Expectations are written here from the
peers' tests (quoted by their file and test name) or worked out from the
files with a few lines of independent code."""

from __future__ import annotations

import re
import warnings

import pytest

import transcripts

from .conftest import SHARED, shared_path
from .formats_support import spoken

PEERS = SHARED / "fixtures" / "peers"


def _manifest() -> list[str]:
    path = PEERS / "MANIFEST.tsv"
    if not path.exists():
        return []
    rows = path.read_text(encoding="utf-8").splitlines()[1:]
    return [row.split("\t")[0] for row in rows if row.strip()]


def _cues(name: str, fmt=None):
    path = shared_path("fixtures", "peers", *name.split("/"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", transcripts.SkippedCueWarning)
        return transcripts.cues(path.read_text(encoding="utf-8"), fmt, filename=path.name)


FILES = _manifest()


@pytest.mark.parametrize("name", FILES)
def test_every_peer_file_reads_or_fails_with_a_position(name):
    path = shared_path("fixtures", "peers", *name.split("/"))
    for lenient in (False, True):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", transcripts.SkippedCueWarning)
                t = transcripts.load(path, lenient=lenient)
        except transcripts.ParseError as exc:
            assert exc.filename == str(path) and exc.line is not None, str(exc)
        else:
            assert isinstance(t, transcripts.Transcript)


# ------------------------------------------------------------- ASS and TTML


def _ass_reference(name: str) -> list[tuple[int, int, str]]:
    """(start cs, end cs, text) of each Dialogue line of pysubs2's own
    reference .ass, read here independently."""
    out = []
    text = shared_path("fixtures", "peers", "pysubs2", name).read_text(encoding="utf-8-sig")
    for line in text.splitlines():
        if line.startswith("Dialogue:"):
            fields = line[len("Dialogue:") :].split(",", 9)
            start, end = (_cs(x) for x in fields[1:3])
            out.append((start, end, fields[9].replace("\\N", "\n")))
    return out


def _centi(seconds: float) -> int:
    """Seconds to hundredths as ASS writes them (half a hundredth up)."""
    return (round(seconds * 1000) + 5) // 10


def _cs(stamp: str) -> int:
    h, m, s = stamp.strip().split(":")
    return round((int(h) * 3600 + int(m) * 60 + float(s)) * 100)


@pytest.mark.parametrize("stem", ["ttml_example", "ttml_example2", "ttml_example_apple"])
def test_ttml_reads_as_pysubs2_converts_it(stem):
    # pysubs2 tests/test_ttml.py converts each .ttml and compares it with
    # the .ass beside it.
    expected = _ass_reference(f"tests_data_{stem}.ass")
    found = _cues(f"pysubs2/tests_data_{stem}.ttml")
    assert [(_centi(c.start), _centi(c.end), c.text) for c in found] == expected
    # Our ASS reader reads the reference the same way.
    ref = _cues(f"pysubs2/tests_data_{stem}.ass")
    assert [(_centi(c.start), _centi(c.end), c.text) for c in ref] == expected


def test_apple_ttml_agents_and_word_spans():
    found = _cues("pysubs2/tests_data_ttml_example_apple.ttml")
    assert {c.voice for c in found} == {"Radiohead"}
    # Every <span> is a word (or syllable) with its own times.
    first = found[0]
    assert [w.text for w in first.words] == first.text.split()
    assert first.words[0].start == first.start and all(w.end >= w.start for w in first.words)
    t = transcripts.load(shared_path("fixtures", "peers", "pysubs2", "tests_data_ttml_example_apple.ttml"))
    assert t.metadata.language == "en" and [s.name for s in t.speakers] == ["Radiohead"]
    words = [w for u in t.turns for w in u.words]
    assert len(words) == sum(len(" ".join(u.paragraphs).split()) for u in t.turns) > 100
    # The words' times survive JSON and YAML.
    for fmt in ("json", "yaml"):
        assert transcripts.loads(transcripts.dumps(t, fmt), fmt) == t


@pytest.mark.parametrize(
    "name, events",
    [
        # pysubs2 tests/test_attachments.py: the fonts and images files
        # hold one event; their events survive the attachments.
        ("tests_data_subtitle_with_attached_fonts_aegisub.ass", [(0, 500, "Test subtitle.")]),
        ("tests_data_subtitle_with_attached_fonts_pysubs2_ref.ass", [(0, 500, "Test subtitle.")]),
        ("tests_data_subtitle_with_attached_fonts_no_events.ass", []),
        ("tests_data_subtitle_with_attached_images_aegisub.ass", [(0, 500, "")]),
        ("tests_data_subtitle_with_attached_images_pysubs2_ref.ass", [(0, 500, "")]),
    ],
)
def test_ass_attachments_are_skipped(name, events):
    found = _cues(f"pysubs2/{name}")
    assert [(_centi(c.start), _centi(c.end), c.text) for c in found] == events


# ------------------------------------------------------- pycaption's example


PYCAPTION = ["examples_example.srt", "examples_example.vtt", "examples_example.xml", "examples_example.sub"]


def test_pycaption_example_reads_alike_in_every_format():
    # pycaption ships one programme in SRT, WebVTT, DFXP, SAMI and MicroDVD
    # (a shorter excerpt at 25 frames per second).
    srt = _cues("pycaption/examples_example.srt")
    assert len(srt) > 1000
    for name in PYCAPTION[1:]:
        other = _cues(f"pycaption/{name}")
        tolerance = 0.04 if name.endswith(".sub") else 0.0005
        assert len(other) == len(srt) or name.endswith(".sub")
        for a, b in zip(srt, other):
            assert b.text == a.text, name
            assert abs(a.start - b.start) <= tolerance and abs(a.end - b.end) <= tolerance, (name, a, b)
    sami = _cues("pycaption/examples_example.sami")
    assert len(sami) == len(srt) and [c.start for c in sami] == [c.start for c in srt]
    t = transcripts.load(shared_path("fixtures", "peers", "pycaption", "examples_example.sami"))
    assert t.metadata.language == "en-US" and t.metadata.title
    # "MAN:" on a caption's first line names its speaker, for the
    # captions after it too.
    names = {s.name for s in t.speakers}
    assert {"MAN", "Man 2", "Actor As Einstein"} <= names


def test_scc_is_refused_by_name():
    with pytest.raises(transcripts.ParseError, match="SCC .* not read") as info:
        transcripts.load(shared_path("fixtures", "peers", "pycaption", "examples_example.scc"))
    assert (info.value.line, info.value.column) == (1, 1)


# -------------------------------------------------------------- YouTube SBV


def test_sbv_as_webvtt_py_reads_it():
    # webvtt-py tests/sbv_parser.py
    found = _cues("webvttpy/tests_subtitles_sample.sbv")
    assert len(found) == 5
    assert (found[1].start, found[1].end, found[1].text) == (11.378, 12.305, "Caption text #2")
    assert found[2].text == "Caption text #3 (line 1)\nCaption text #3 (line 2)"
    assert len(_cues("webvttpy/tests_subtitles_two_captions.sbv")) == 2


@pytest.mark.parametrize(
    "name, where",
    [
        ("tests_subtitles_invalid_format.sbv", (1, 1)),
        ("tests_subtitles_missing_timeframe.sbv", (4, 1)),
        ("tests_subtitles_invalid_timeframe.sbv", (7, 1)),
    ],
)
def test_sbv_malformed_files_name_line_and_column(name, where):
    # webvtt-py raises MalformedFileError / MalformedCaptionError for these.
    path = shared_path("fixtures", "peers", "webvttpy", name)
    with pytest.raises(transcripts.ParseError) as info:
        transcripts.load(path)
    assert (info.value.line, info.value.column) == where
    reading = transcripts.read(path.read_text(), filename=name, lenient=True)
    assert [(e.line, e.column) for e in reading.skipped] == [where]


def test_sbv_cue_without_text_is_read_leniently():
    # webvtt-py refuses it; here the cue is kept, empty.
    found = _cues("webvttpy/tests_subtitles_missing_caption_text.sbv")
    assert [c.text for c in found] == ["Caption text #1", "", "Caption text #3", "Caption text #4", "Caption text #5"]


# --------------------------------------------------------------------- SRT


def test_srt_malformed_as_pysubs2_reads_it():
    # pysubs2 tests/formats/test_subrip.py::test_read_malformed: no number,
    # no blank line, leading whitespace, "->", short hours and fraction.
    found = _cues("pysubs2_inline/test_subrip_L105.srt", "srt")
    assert [(c.start, c.end, c.text) for c in found] == [(0.0, 60.0, "An example subtitle."), (60.0, 120.0, "Subtitle number\ntwo.")]


@pytest.mark.parametrize(
    "name, texts",
    [
        # test_read_position_styling: coordinates ignored, tags removed.
        ("test_subrip_L124.srt", ["Elephant's Dream", "At the left we can see..."]),
        # test_read_bad_tags: missing, badly nested and spaced tags.
        ("test_subrip_L145.srt", ["Elephant's Dream Is Long And Badly Nested"]),
        ("test_subrip_L160.srt", ["italic bold underline strikethrough"]),
        # test_keep_unknown_html_tags (default): <sub> removed too.
        ("test_subrip_L200.srt", ["Elephant's Little Dream", "At the left we can see..."]),
        # test_keep_ssa_tags: override blocks removed.
        ("test_subrip_L256.srt", ["An example subtitle.", "Subtitle number\ntwo."]),
    ],
)
def test_srt_tags_as_pysubs2_reads_them(name, texts):
    assert [c.text for c in _cues(f"pysubs2_inline/{name}", "srt")] == texts


def test_srt_empty_cues_and_short_fractions():
    # test_empty_subtitles: "00:29:27,46" is 27.46 s; empty cues are kept.
    found = _cues("pysubs2_inline/test_subrip_L177.srt", "srt")
    assert [(c.start, c.end, c.text) for c in found] == [(1767.46, 1769.83, "I'm Liza Minnelli.."), (0.0, 0.0, ""), (0.0, 0.0, "")]
    assert found[0].identifier == "392"


def test_srt_coordinates_are_settings():
    found = _cues("pysubs2_inline/test_subrip_L124.srt", "srt")
    assert found[0].settings == {"coordinates": "X1:63 X2:223 Y1:43 Y2:58"}


# ------------------------------------------------------------------ WebVTT


def test_webvtt_py_expectations():
    # webvtt-py tests/webvtt_parser.py
    assert len(_cues("webvttpy/tests_subtitles_captions_with_bom.vtt")) == 4
    netflix = _cues("webvttpy/tests_subtitles_netflix_chicas_del_cable.vtt")
    assert netflix[0].text == "[Alba] En 1928,"
    assert netflix[-2].text == "Diez años no son suficientes\npara olvidarte..."
    # webvtt-py's captions[2]; the specification makes the timing line that
    # follows "what" without a blank line a cue of its own, one more here.
    youtube = _cues("webvttpy/tests_subtitles_youtube_dl.vtt")
    assert youtube[3].text == "this will happen is I'm telling\n "
    assert youtube[1].text == "yeah\nwhat"
    # YouTube's word timestamps are the words' times.
    assert [(w.text, w.start) for w in youtube[2].words][:3] == [("this", 304.08), ("will", 304.199), ("happen", 304.379)]


def test_awsbites_speaker_map_json_and_vtt():
    t = transcripts.load(shared_path("fixtures", "peers", "awsbites", "src__transcripts_11.json"))
    assert [s.name for s in t.speakers] == ["Luciano", "Eoin"]
    v = transcripts.load(shared_path("fixtures", "peers", "awsbites", "src__transcripts_107.vtt"))
    assert v.turns and not any(re.match(r"^re$", s.name) for s in v.speakers)


@pytest.mark.parametrize(
    "name",
    [
        "pysubs2/tests_data_ttml_example.ttml",
        "pysubs2/tests_data_ttml_example_apple.ttml",
        "pysubs2/tests_data_ttml_example2.ass",
        "webvttpy/tests_subtitles_sample.sbv",
        "pycaption/examples_example.xml",
        "pycaption/examples_example.sub",
    ],
)
def test_read_formats_round_trip_through_ttml_json_and_srt(name):
    t = transcripts.load(shared_path("fixtures", "peers", *name.split("/")))
    assert t.turns
    for fmt in ("ttml", "json", "srt"):
        back = transcripts.loads(transcripts.dumps(t, fmt), fmt)
        assert spoken(back) == spoken(t), fmt
    # The words' times of Apple's spans survive TTML.
    back = transcripts.loads(transcripts.dumps(t, "ttml"), "ttml")
    assert [w.text for u in back.turns for w in u.words] == [w.text for u in t.turns for w in u.words]
