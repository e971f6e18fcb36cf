"""SRT, WebVTT, the Podcasting 2.0 JSON and HTML, chapters: properties over
generated transcripts (speakers and words survive, cues obey their
profile, times never go backwards, every output is read back), and the
readers' conventions and errors."""

from __future__ import annotations

import json
import warnings

import attrs

import pytest
from hypothesis import given
from hypothesis import strategies as st

import transcripts
from transcripts import Metadata, Speaker, Topic, Transcript, Turn
from transcripts.strategies import transcripts as gen_transcripts

from .formats_support import limit_problems, spoken, srt_cues, vtt_cues

PROFILES = ["podcast", "netflix", "bbc"]


def _check_times(cues) -> None:
    previous = 0
    for cue in cues:
        assert cue.start >= previous, f"cue starts at {cue.start} ms, before the previous one ends ({previous} ms)"
        assert cue.end > cue.start
        previous = cue.end


# --------------------------------------------------------------- properties


def _untagged(t: Transcript) -> Transcript:
    """The transcript as SRT holds it: SubRip has no escape, so tag-shaped
    text ("</v>", "<b>"), which players hide, is not written (and reported)."""
    from transcripts.formats.srt import untag

    turns = [attrs.evolve(u, paragraphs=tuple(untag(p) for p in u.paragraphs)) for u in t.turns]
    return attrs.evolve(t, turns=turns)


def _check_srt(t: Transcript, profile: str) -> None:
    conversion = transcripts.convert(t, "srt", profile=profile)
    out = conversion.text
    back = transcripts.loads(out, "srt")
    assert spoken(back) == spoken(_untagged(t)), profile
    if _untagged(t) != t:
        assert "tag-like text" in {d.what for d in conversion.dropped}
    cues = srt_cues(out)
    for cue in cues:
        assert limit_problems(cue, profile) == [], (profile, cue)
    _check_times(cues)
    if t.turns and all(u.start is not None for u in t.turns):
        assert all(u.timing == "given" for u in back.turns)


def _check_vtt(t: Transcript, profile) -> None:
    out = transcripts.convert(t, "vtt", profile=profile).text
    back = transcripts.loads(out, "vtt")
    # WebVTT reads a NUL as U+FFFD, so the writer writes that.
    assert spoken(back) == [(n, [w.replace("\0", "\ufffd") for w in ws]) for n, ws in spoken(t)], profile
    title, cues = vtt_cues(out)
    names = {s.id: s.name for s in t.speakers}
    for voice, cue in cues:
        assert voice in names.values()
        assert limit_problems(cue, profile or "web") == [], (profile, cue)
    _check_times([c for _, c in cues])
    if t.metadata.title and t.metadata.title.split():
        # WebVTT reads a NUL as U+FFFD, so the writer writes that.
        assert title == " ".join(t.metadata.title.split()).replace("-->", "->").replace("\0", "\ufffd")
        assert back.metadata.title == title


# One transcript drawn, every caption format and profile checked: drawing
# whole transcripts is the costly part of these properties.
@given(t=gen_transcripts())
def test_srt_and_vtt_keep_speakers_and_words_and_obey_their_profiles(t):
    for profile in PROFILES:
        _check_srt(t, profile)
    for profile in (None, "netflix"):
        _check_vtt(t, profile)


#: Words that look like what the readers treat specially: speaker labels,
#: dual-speaker dashes, arrows, entities, markup, long words.
_TRICKY = (
    "Word:", "NAME:", "[Ann]:", "Ann:", "-", "-x", "--", "—", "-->", "&amp;", "&", "<", ">", "<v", "</v>",
    ">>", ">>>", "1", "00:00:01,000", "WEBVTT", "NOTE", "\u200b", "https://example.com/a/rather/long/address/for/an/episode",
    "word", "words.", "and", "the", "Marisol", "Vega,",
)  # fmt: skip


@st.composite
def tricky_transcripts(draw: st.DrawFn) -> Transcript:
    """Small transcripts whose speech is made of tricky words."""
    from transcripts.strategies import speakers

    people = draw(speakers(1, 3))
    turns = []
    for i in range(draw(st.integers(1, 6))):
        paras = draw(st.lists(st.lists(st.sampled_from(_TRICKY), min_size=1, max_size=14).map(" ".join), min_size=1, max_size=3))
        turns.append(Turn(i, draw(st.sampled_from(people)).id, tuple(paras)))
    return Transcript(speakers=people, turns=tuple(turns))


@given(t=tricky_transcripts())
def test_words_that_look_like_labels_dashes_or_markup_survive(t):
    for profile in PROFILES:
        _check_srt(t, profile)
    _check_vtt(t, None)
    for fmt in ("podcast-json", "html"):
        assert spoken(transcripts.loads(transcripts.dumps(t, fmt), fmt)) == spoken(t)


def _check_podcast_json(t: Transcript, validate) -> None:
    out = transcripts.convert(t, "podcast-json").text
    doc = json.loads(out)
    validate(doc, "podcast-transcript.schema.json")
    assert doc["version"] == "1.0.0"
    previous = 0.0
    for seg in doc["segments"]:
        assert set(seg) == {"speaker", "startTime", "endTime", "body"}
        assert seg["startTime"] >= previous and seg["endTime"] > seg["startTime"]
        previous = seg["endTime"]
        body = seg["body"].rstrip("\n")
        assert len(body) <= 2 * 32 + 1 or len(body.split()) <= 2  # one cue of the podcast profile
    back = transcripts.loads(out, "podcast-json")
    assert spoken(back) == spoken(t)
    # Paragraphs survive too, within each (merged) turn.
    assert _paragraph_runs(back) == _paragraph_runs(t)


def _paragraph_runs(t: Transcript) -> list[tuple[str, list[str]]]:
    names = {s.id: s.name for s in t.speakers}
    out: list[tuple[str, list[str]]] = []
    for u in t.turns:
        paras = [" ".join(p.split()) for p in u.paragraphs if p.split()]
        if not paras:
            continue
        if out and out[-1][0] == names[u.speaker]:
            out[-1][1].extend(paras)
        else:
            out.append((names[u.speaker], paras))
    return out


def _check_html(t: Transcript) -> None:
    out = transcripts.convert(t, "html").text
    back = transcripts.loads(out, "html")
    assert spoken(back) == spoken(t)
    assert _paragraph_runs(back) == _paragraph_runs(t)
    times = [u.start for u in back.turns]
    assert all(x is not None for x in times)
    assert times == sorted(times)


def _check_chapters(t: Transcript, validate) -> None:
    conversion = transcripts.convert(t, "chapters")
    doc = json.loads(conversion.text)
    validate(doc, "podcast-chapters.schema.json")
    starts = [c["startTime"] for c in doc["chapters"]]
    assert starts == sorted(starts)
    for c in doc["chapters"]:
        assert c.get("endTime", c["startTime"]) >= c["startTime"]
    # Every topic is a chapter, or reported as dropped.
    unplaced = sum(d.count for d in conversion.dropped if d.what == "topic without a time")
    assert len(doc["chapters"]) + unplaced == len(t.topics)
    assert sum(1 for c in doc["chapters"] if c.get("toc") is False) == sum(1 for p in t.topics if not p.in_text)
    # Read back: the chapters as topics.
    back = transcripts.loads(conversion.text, "chapters")
    assert [(p.title, p.start, p.in_text) for p in back.topics] == [(c["title"], c["startTime"], c.get("toc", True)) for c in doc["chapters"]]


@given(t=gen_transcripts())
def test_podcast_json_html_and_chapters_keep_what_they_hold(validate, t):
    _check_podcast_json(t, validate)
    _check_html(t)
    _check_chapters(t, validate)


@given(t=gen_transcripts(), wpm=st.floats(60, 400))
def test_every_writer_output_is_accepted_by_its_reader_and_estimates_are_marked(t, wpm):
    for fmt in (f for f in transcripts.formats.writable() if f in transcripts.formats.readable()):
        out = transcripts.convert(t, fmt).text
        reading = transcripts.read(out, fmt)
        assert reading.skipped == () and reading.format == fmt
        # ... and the format is recognised from its extension and content.
        ext = transcripts.formats.get(fmt).extensions[0]
        assert transcripts.read(out, filename="episode" + ext).format == fmt
    timed = transcripts.estimate_times(t, wpm)
    clock = 0.0
    for before, after in zip(t.turns, timed.turns):
        assert after.start is not None and after.end is not None and after.end >= after.start
        if before.start is not None:
            assert (after.start, after.timing) == (before.start, before.timing or "given")
        else:
            assert after.timing == "estimated" and after.start >= clock
        clock = max(clock, after.end)
    # Written to JSON, the model says which timings were estimated.
    doc = json.loads(transcripts.dumps(t, "json", wpm=wpm))
    assert [u["timing"] for u in doc["turns"]] == [u.timing for u in timed.turns]


# ------------------------------------------------------------ dropped parts


def _episode() -> Transcript:
    ann, bo = Speaker("ann", "Ann Lee", role="host"), Speaker("bo", "Bo Chen", role="guest", description="a baker")
    return Transcript(
        Metadata(title="Bread", subtitle="On flour"),
        (ann, bo),
        (Turn(0, "ann", ("Hello there.", "Second paragraph.")), Turn(1, "bo", ("Hi, Ann.",)), Turn(2, "ann", ("Bye.",))),
        (Topic("Flour", turns=(1,)), Topic("Ovens", in_text=False)),
        (transcripts.Block("note", "[Ann: recorded in a bakery]", turn=0),),
    )


def test_srt_reports_editor_notes_and_topics_dropped():
    c = transcripts.convert(_episode(), "srt")
    dropped = {d.what: d for d in c.dropped}
    assert dropped["editor note"].count == 1 and dropped["editor note"].examples == ("[Ann: recorded in a bakery]",)
    assert dropped["topic"].count == 2
    assert dropped["title"].examples == ("Bread",)
    assert dropped["paragraph break"].count == 1
    assert "speaker role" in dropped and "speaker description" in dropped
    assert str(dropped["topic"]) == "2 topics ('Flour'; 'Ovens')"


def test_vtt_keeps_the_title_and_reports_topics_dropped():
    c = transcripts.convert(_episode(), "vtt")
    whats = {d.what for d in c.dropped}
    assert "topic" in whats and "title" not in whats and "subtitle" in whats
    assert transcripts.loads(c.text, "vtt").metadata.title == "Bread"


def test_lossless_formats_report_nothing():
    t = _episode()
    for fmt in ("json", "yaml"):
        assert transcripts.convert(t, fmt).dropped == ()


def test_chapters_keep_paywalled_topics_silent_and_report_unplaced():
    t = _episode()
    t = Transcript(t.metadata, t.speakers, t.turns, t.topics + (Topic("Somewhere"),), t.blocks)
    c = transcripts.convert(t, "chapters")
    doc = json.loads(c.text)
    assert doc["title"] == "Bread"
    assert [(ch["title"], ch.get("toc", True)) for ch in doc["chapters"]] == [("Flour", True), ("Ovens", False)]
    # "Flour" covers turn 1 (Bo), estimated after Ann's first turn.
    flour = doc["chapters"][0]
    assert flour["startTime"] > 0 and flour["endTime"] > flour["startTime"]
    assert [d for d in c.dropped if d.what == "topic without a time"][0].examples == ("Somewhere",)


def test_dumps_still_takes_just_a_format():
    t = _episode()
    assert transcripts.dumps(t, "srt") == transcripts.convert(t, "srt").text
    assert transcripts.formats.get("srt").dumps(t) == transcripts.dumps(t, "srt")


def test_unknown_profile_and_profile_for_untimed_format():
    with pytest.raises(ValueError, match="no profile"):
        transcripts.convert(_episode(), "json", profile="netflix")
    with pytest.raises(ValueError, match="no profile"):
        transcripts.convert(_episode(), "srt", profile="youtube")


# ------------------------------------------------------------------ writers


def test_srt_labels_each_turns_first_cue_only():
    words = " ".join(["word"] * 30) + "."
    t = Transcript(
        speakers=(Speaker("a", "Ann Lee"), Speaker("b", "Bo Chen")),
        turns=(Turn(0, "a", (words,)), Turn(1, "b", ("Short.",))),
    )
    cues = srt_cues(transcripts.dumps(t, "srt"))
    assert cues[0].lines[0].startswith("Ann Lee: ")
    assert not any(line.startswith("Ann Lee:") for c in cues[1:-1] for line in c.lines)
    assert cues[-1].lines == ("Bo Chen: Short.",)


def test_srt_never_breaks_inside_a_name_and_prefers_punctuation():
    text = "I was talking to Marisol Vega about the harbour, and she said that the silt comes from upstream."
    t = Transcript(speakers=(Speaker("a", "Ann Lee"), Speaker("m", "Marisol Vega")), turns=(Turn(0, "a", (text,)),))
    for profile in PROFILES:
        lines = [line for c in srt_cues(transcripts.dumps(t, "srt", profile=profile)) for line in c.lines]
        assert not any(line.endswith("Marisol") for line in lines), lines
        # Lines never end on an article here.
        assert not any(line.split()[-1] in ("the", "a", "an") for line in lines), lines
    # A name the transcript does not know is kept together where it can be.
    mention = "Yesterday we had a long conversation with Dr. Amara Okafor about the state of the harbour walls."
    t = Transcript(speakers=(Speaker("a", "Ann Lee"),), turns=(Turn(0, "a", (mention,)),))
    for profile in PROFILES:
        lines = [line for c in srt_cues(transcripts.dumps(t, "srt", profile=profile)) for line in c.lines]
        assert any("Dr. Amara Okafor" in line for line in lines), (profile, lines)
    two = "The river brings the sand down every spring, and the harbour fills up with it again."
    t = Transcript(speakers=(Speaker("a", "Ann Lee"),), turns=(Turn(0, "a", (two,)),))
    lines = [line for c in srt_cues(transcripts.dumps(t, "srt", profile="netflix")) for line in c.lines]
    assert lines == ["Ann Lee: The river brings the sand down", "every spring, and the harbour fills up", "with it again."] or any(
        line.endswith("spring,") for line in lines
    ), lines


def test_srt_given_times_are_kept():
    t = Transcript(
        speakers=(Speaker("a", "Ann Lee"), Speaker("b", "Bo Chen")),
        turns=(Turn(0, "a", ("Hello.",), 1.5, 3.0, "given"), Turn(1, "b", ("Hi there.",), 62.25, 64.0, "given")),
    )
    cues = srt_cues(transcripts.dumps(t, "srt"))
    assert [(c.start, c.end) for c in cues] == [(1500, 3000), (62250, 64000)]
    back = transcripts.loads(transcripts.dumps(t, "srt"), "srt")
    assert [(u.start, u.end, u.timing) for u in back.turns] == [(1.5, 3.0, "given"), (62.25, 64.0, "given")]


def test_times_are_estimated_at_the_wpm_rate():
    t = Transcript(speakers=(Speaker("a", "Ann Lee"),), turns=(Turn(0, "a", (" ".join(["word"] * 80) + ".",)),))
    for wpm, seconds in ((160, 30.0), (120, 40.0)):
        cues = srt_cues(transcripts.dumps(t, "srt", wpm=wpm))
        assert cues[-1].end == pytest.approx(seconds * 1000, abs=1)


def test_vtt_escapes_text_and_voices():
    t = Transcript(speakers=(Speaker("a", "Ann <&> Lee"),), turns=(Turn(0, "a", ("1 < 2 & 3 > 2 --> done",)),))
    out = transcripts.dumps(t, "vtt")
    assert "<v Ann &lt;&amp;&gt; Lee>1 &lt; 2 &amp; 3 &gt; 2 --&gt; done" in out
    back = transcripts.loads(out, "vtt")
    assert back.speakers[0].name == "Ann <&> Lee" and back.turns[0].paragraphs == ("1 < 2 & 3 > 2 --> done",)


def test_html_escapes_and_has_the_podcasting20_shape():
    t = Transcript(speakers=(Speaker("a", "Ann & Bo"),), turns=(Turn(0, "a", ("<b>bold</b> & more", "Two."), 75.0, 80.0, "given"),))
    out = transcripts.dumps(t, "html")
    assert out == "<cite>Ann &amp; Bo:</cite>\n<time>1:15</time>\n<p>&lt;b&gt;bold&lt;/b&gt; &amp; more</p>\n<p>Two.</p>\n"


# ------------------------------------------------------------------ readers


SRT = """\
1
00:00:01,000 --> 00:00:02,000
Ann Lee: Hello and

2
00:00:02,000 --> 00:00:03,500
welcome.

3
00:00:04,000 --> 00:00:05,000
[Bo Chen]: Thanks.

4
00:00:05,000 --> 00:00:06,000
ANN LEE: Good.

5
00:00:06,000 --> 00:00:07,000
- So, Bo?
- Yes?

6
00:00:07,000 --> 00:00:08,000
- Ann Lee: Go on.
- Bo Chen: I will.
"""


def test_srt_speaker_prefixes_carry_over_and_merge():
    t = transcripts.loads(SRT, "srt")
    assert [s.name for s in t.speakers] == ["Ann Lee", "Bo Chen"]
    got = [(u.speaker, u.paragraphs, u.start, u.end) for u in t.turns]
    assert got == [
        ("ann-lee", ("Hello and welcome.",), 1.0, 3.5),
        ("bo-chen", ("Thanks.",), 4.0, 5.0),
        ("ann-lee", ("Good. So, Bo?",), 5.0, 7.0),
        ("bo-chen", ("Yes?",), 6.0, 7.0),
        ("ann-lee", ("Go on.",), 7.0, 8.0),
        ("bo-chen", ("I will.",), 7.0, 8.0),
    ]
    assert t.turns[0].lines == transcripts.Span(1, 7)
    assert t.speakers[0].aliases == ("ANN LEE",)


def test_srt_tolerates_markup_crlf_bom_and_missing_numbers():
    text = "\ufeff00:00:01,000 --> 00:00:02,000\r\n<i>Ann Lee:</i> Hi {\\an8}there.\r\n\r\n00:00:02,500 --> 00:00:03,000 X1:40\r\nBye.\r\n"
    t = transcripts.loads(text, "srt")
    assert [(u.speaker, u.paragraphs) for u in t.turns] == [("ann-lee", ("Hi there. Bye.",))]


@pytest.mark.parametrize(
    "cue, message, where",
    [
        ("1\n00:00:01,000 => 00:00:02,000\nHi.\n", "missing '-->'", (2, 1)),
        ("1\n00:00:01,000 --> 00:00:62,000\nHi.\n", "bad timestamp '00:00:62,000'", (2, 18)),
        ("1\n00:00:03,000 --> 00:00:02,000\nHi.\n", "before it starts", (2, 18)),
        ("1\n00:00:01,000 --> \nHi.\n", "malformed timing line", (2, 1)),
        ("1\nAnn: Hi.\n", "missing '-->'", (2, 1)),
    ],
)
def test_srt_malformed_cues_name_file_line_column(cue, message, where):
    text = "1\n00:00:00,000 --> 00:00:01,000\nAnn Lee: Fine.\n\n" + cue.replace("1\n", "2\n", 1)
    shifted = (where[0] + 4, where[1])
    with pytest.raises(transcripts.ParseError, match=message) as info:
        transcripts.loads(text, "srt", filename="ep.srt")
    assert (info.value.filename, info.value.line, info.value.column) == ("ep.srt", *shifted)
    # Lenient: a warning, the cue skipped, the rest kept.
    reading = transcripts.read(text, "srt", filename="ep.srt", lenient=True)
    assert [p.paragraphs for p in reading.transcript.turns] == [("Fine.",)]
    assert [(e.line, e.column) for e in reading.skipped] == [shifted]
    with pytest.warns(transcripts.SkippedCueWarning, match="ep.srt:"):
        transcripts.loads(text, "srt", filename="ep.srt", lenient=True)


def test_lenient_never_returns_silently_empty():
    text = "1\n00:00:03,000 --> 00:00:02,000\nAnn: Hi.\n"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = transcripts.loads(text, "srt", lenient=True)
    assert t.turns == () and len(caught) == 1


VTT = """\
WEBVTT - an episode
Kind: captions

STYLE
::cue { color: white }

NOTE
Title: Bread and Salt

NOTE a comment
over two lines

intro
00:01.000 --> 00:02.000 align:start position:10%
<v.loud Ann Lee>Hello <c.yellow>and</c>
welcome.</v>

00:00:02.000 --> 00:00:03.000
still Ann &amp; more.

00:00:03.000 --> 00:00:04.000
<v Bo Chen><i>Thanks</i>, <00:00:03.500>Ann.
<v Ann Lee>You're welcome.

REGION
id:fred
"""


def test_vtt_voices_notes_styles_and_settings():
    t = transcripts.loads(VTT, "vtt")
    assert t.metadata.title == "Bread and Salt"
    assert [(u.speaker, u.paragraphs, u.start) for u in t.turns] == [
        ("ann-lee", ("Hello and welcome. still Ann & more.",), 1.0),
        ("bo-chen", ("Thanks, Ann.",), 3.0),
        ("ann-lee", ("You're welcome.",), 3.0),
    ]


@pytest.mark.parametrize(
    "cue, message, line, kept",
    [
        # The specification keeps a cue that ends before it starts ...
        ("00:03.000 --> 00:02.000\n<v Ann>x\n", None, None, [("x",), ("ok",)]),
        # ... skips one with malformed timings, and a block that is no cue.
        ("00:03.000 --> 00:0x.000\n<v Ann>x\n", "malformed cue timings", 3, [("ok",)]),
        ("just text\n<v Ann>x\n", "text outside a cue", 3, [("ok",)]),
    ],
)
def test_vtt_skipped_blocks_are_reported_never_raised(cue, message, line, kept):
    text = "WEBVTT\n\n" + cue + "\n00:05.000 --> 00:06.000\n<v Bo>ok\n"
    reading = transcripts.read(text, "vtt", filename="ep.vtt")
    assert [u.paragraphs for u in reading.transcript.turns] == kept
    if message is None:
        assert reading.skipped == ()
    else:
        [err] = reading.skipped
        assert message in str(err) and (err.filename, err.line, err.column) == ("ep.vtt", line, 1)


def test_vtt_needs_its_header():
    with pytest.raises(transcripts.ParseError, match="WEBVTT"):
        transcripts.loads("00:01.000 --> 00:02.000\nHi\n", "vtt")


def test_podcast_json_segments_merge_and_newlines_end_paragraphs():
    doc = {
        "version": "1.0.0",
        "segments": [
            {"speaker": "Darth Vader", "startTime": 0.5, "endTime": 0.75, "body": "I"},
            {"speaker": "Darth Vader", "startTime": 1, "endTime": 1.25, "body": "am"},
            {"speaker": "Darth Vader", "startTime": 1.5, "endTime": 2.0, "body": "your"},
            {"speaker": "Darth Vader", "startTime": 2.25, "endTime": 2.5, "body": "father.\n"},
            {"speaker": "Darth Vader", "startTime": 2.5, "endTime": 2.75, "body": "Join me."},
            {"speaker": "Luke", "startTime": 2.75, "endTime": 3.0, "body": "Nooooo"},
            {"startTime": 3.0, "body": " no!"},
        ],
    }
    t = transcripts.loads(json.dumps(doc), "podcast-json")
    assert [(u.speaker, u.paragraphs, u.start, u.end) for u in t.turns] == [
        ("darth-vader", ("I am your father.", "Join me."), 0.5, 2.75),
        ("luke", ("Nooooo no!",), 2.75, 3.0),
    ]


def test_podcast_json_bad_segment_names_its_line():
    text = '{"version": "1.0.0",\n "segments": [\n  {"speaker": "A", "startTime": 1, "body": "x"},\n  {"speaker": "A", "startTime": 3, "endTime": 2, "body": "y"}\n]}'
    with pytest.raises(transcripts.ParseError, match=r"segments\[1\].*before it starts") as info:
        transcripts.loads(text, "podcast-json", filename="t.json")
    assert (info.value.filename, info.value.line) == ("t.json", 4)
    assert transcripts.read(text, "podcast-json", lenient=True).transcript.turns[0].paragraphs == ("x",)


def test_whisperx_segments_with_speaker():
    doc = {
        "segments": [
            {"start": 0.0, "end": 1.0, "text": " Hello there.", "speaker": "SPEAKER_00", "words": []},
            {"start": 1.0, "end": 2.0, "text": " General Kenobi.", "speaker": "SPEAKER_01"},
            {"start": 2.0, "end": 2.5, "text": " You are a bold one."},
        ]
    }
    reading = transcripts.read(json.dumps(doc), filename="x.json")
    assert reading.format == "asr-json"
    t = reading.transcript
    assert [(s.name, s.id) for s in t.speakers] == [("SPEAKER_00", "speaker-00"), ("SPEAKER_01", "speaker-01")]
    assert [u.paragraphs for u in t.turns] == [("Hello there.",), ("General Kenobi. You are a bold one.",)]


def test_html_reader_takes_whole_pages_and_bad_times():
    page = "<!DOCTYPE html><html><head><title>Ep 1</title><style>p{}</style></head><body>\n<cite>Ann :</cite><time>0:09</time><p>Hi<br>there &amp; <em>you</em>.</p>\n<p>More.</p><cite>Bo:</cite>\n<time>1:02:03</time><p>Yo.</p></body></html>"
    t = transcripts.loads(page, filename="ep.html")
    assert t.metadata.title == "Ep 1"
    assert [(u.speaker, u.paragraphs, u.start) for u in t.turns] == [("ann", ("Hi there & you.", "More."), 9.0), ("bo", ("Yo.",), 3723.0)]
    with pytest.raises(transcripts.ParseError, match="bad time 'soon'") as info:
        transcripts.loads("<cite>A:</cite>\n<time>soon</time><p>x</p>", "html", filename="e.html")
    assert (info.value.line, info.value.column) == (2, 1)


@pytest.mark.parametrize(
    "name, text, fmt",
    [
        ("ep.srt", "1\n00:00:00,000 --> 00:00:01,000\nA: x\n", "srt"),
        ("ep.txt", "1\n00:00:00,000 --> 00:00:01,000\nA: x\n", "srt"),
        ("ep", "WEBVTT\n\n00:00.000 --> 00:01.000\n<v A>x\n", "vtt"),
        ("ep.json", '{"version": "1.0.0", "segments": [{"speaker": "A", "startTime": 0, "body": "x"}]}', "podcast-json"),
        ("ep.json", '{"speakers": {"spk_0": "A"}, "segments": [{"speakerLabel": "spk_0", "start": 0, "end": 1, "text": "x"}]}', "asr-json"),
        ("ep.html", "<cite>A:</cite><p>x</p>", "html"),
        ("ep.md", "**Ann Lee:** Hi.\n\n**Bo Chen:** Hello.\n", "markdown"),
        ("ep.txt", "Ann Lee: Hi.\n\nBo Chen: Hello.\n", "text"),
        ("ep.txt", "# Title\n\nAnn Lee: Hi.\n\nBo Chen: Hello.\n", "text"),
        (None, "Ann Lee: Hi.\n\nBo Chen: Hello.\n", "text"),
        ("ep.yaml", "# my notes\n---\nformat: transcripts\n", "yaml"),
        ("ep.chapters.json", '{"version": "1.2.0", "chapters": [{"startTime": 0, "title": "Intro"}]}', "chapters"),
    ],
)
def test_detection_from_extension_then_content(name, text, fmt):
    assert transcripts.read(text, filename=name).format == fmt


def test_from_overrides_detection():
    text = "1\n00:00:00,000 --> 00:00:01,000\nAnn Lee: x\n"
    assert transcripts.read(text, "text", filename="ep.srt").format == "text"
