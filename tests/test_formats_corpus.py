"""Real published files from ../shared/corpus read into the right speakers
and turns.  The expected structure is worked out here from the files
themselves with a few lines of independent code (their text is not
copied into the repository)."""

from __future__ import annotations

import html
import json
import re

import transcripts

from .conftest import shared_path


def _srt_expected(text: str) -> list[tuple[str, list[str], float]]:
    """(name, words, start) per turn: a "Name:" on a cue's first line starts
    a turn; the cues after it continue it."""
    turns: list[tuple[str, list[str], float]] = []
    for block in text.strip().split("\n\n"):
        number, timing, *lines = block.split("\n")
        h, m, s = timing.split(" --> ")[0].replace(",", ".").split(":")
        start = int(h) * 3600 + int(m) * 60 + float(s)
        first = re.match(r"^(\w+): (.*)$", lines[0])
        if first:
            turns.append((first.group(1), [], start))
            lines = [first.group(2)] + lines[1:]
        turns[-1][1].extend(" ".join(lines).split())
    return turns


def test_srt_name_prefix_carries_over_to_the_following_cues():
    path = shared_path("corpus", "srt_name_prefix", "buzzsprout-10-things-example.srt")
    expected = _srt_expected(path.read_text(encoding="utf-8"))
    t = transcripts.load(path)
    assert [s.name for s in t.speakers] == list(dict.fromkeys(name for name, _, _ in expected))
    names = {s.id: s.name for s in t.speakers}
    assert [(names[u.speaker], " ".join(u.paragraphs).split(), u.start) for u in t.turns] == expected
    assert all(u.timing == "given" and u.end > u.start for u in t.turns)
    assert len(t.turns) == 10


def _html_expected(text: str) -> list[tuple[str, list[str], str]]:
    found = re.findall(r"<cite>([^<]*):</cite>\s*<time>([^<]*)</time>\s*<p>([^<]*)</p>", text)
    return [(html.unescape(name).strip(), html.unescape(p).split(), when) for name, when, p in found]


def test_html_cite_time_p_reads_speakers_turns_and_times():
    path = shared_path("corpus", "html_cite_podcasting20", "buzzsprout-10-things-example.html")
    expected = _html_expected(path.read_text(encoding="utf-8"))
    t = transcripts.load(path)
    names = {s.id: s.name for s in t.speakers}
    assert [(names[u.speaker], " ".join(u.paragraphs).split()) for u in t.turns] == [(n, w) for n, w, _ in expected]
    for u, (_, _, when) in zip(t.turns, expected):
        m, s = when.split(":")
        assert u.start == int(m) * 60 + int(s)
    # Entities are decoded: the file writes apostrophes as &#39;.
    assert "it's" in t.turns[0].paragraphs[0]


def test_srt_and_html_of_one_episode_agree():
    srt = transcripts.load(shared_path("corpus", "srt_name_prefix", "buzzsprout-10-things-example.srt"))
    page = transcripts.load(shared_path("corpus", "html_cite_podcasting20", "buzzsprout-10-things-example.html"))
    assert [(u.speaker, " ".join(u.paragraphs).split()) for u in srt.turns] == [(u.speaker, " ".join(u.paragraphs).split()) for u in page.turns]
    assert all(abs(a.start - b.start) < 1 for a, b in zip(srt.turns, page.turns))


def test_json_speaker_label_map_reads_named_speakers_and_merged_turns():
    path = shared_path("corpus", "json_speakerlabel_map", "awsbites-10.json")
    doc = json.loads(path.read_text(encoding="utf-8"))
    expected: list[tuple[str, list[str], float, float]] = []
    for seg in doc["segments"]:
        name = doc["speakers"][seg["speakerLabel"]]
        if expected and expected[-1][0] == name:
            expected[-1][1].extend(seg["text"].split())
            expected[-1] = (name, expected[-1][1], expected[-1][2], seg["end"])
        else:
            expected.append((name, seg["text"].split(), seg["start"], seg["end"]))
    reading = transcripts.read(path.read_text(encoding="utf-8"), filename=str(path))
    assert reading.format == "asr-json"
    t = reading.transcript
    assert [s.name for s in t.speakers] == list(doc["speakers"].values())
    names = {s.id: s.name for s in t.speakers}
    assert [(names[u.speaker], " ".join(u.paragraphs).split(), u.start, u.end) for u in t.turns] == expected
    # Turns point at the source lines of their segments.
    assert t.turns[0].lines.start == path.read_text(encoding="utf-8").split("\n").index('    {') + 1


def test_corpus_files_convert_to_every_format():
    for parts in (
        ("srt_name_prefix", "buzzsprout-10-things-example.srt"),
        ("html_cite_podcasting20", "buzzsprout-10-things-example.html"),
        ("json_speakerlabel_map", "awsbites-10.json"),
    ):
        t = transcripts.load(shared_path("corpus", *parts))
        for fmt in ("srt", "vtt", "podcast-json", "html", "text", "markdown"):
            back = transcripts.loads(transcripts.dumps(t, fmt), fmt)
            assert [(s.name) for s in back.speakers] == [s.name for s in t.speakers], (parts, fmt)
            assert len(back.turns) == len(t.turns), (parts, fmt)
