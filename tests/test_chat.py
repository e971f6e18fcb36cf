"""CHAT (TalkBank, CHILDES): participants as speakers, utterances as
turns with their time bullets, headers and tiers kept or reported, errors
with their line."""

from __future__ import annotations

import pytest

import transcripts
from transcripts.formats import detect

B = "\x15"
SAMPLE = (
    "@UTF8\n"
    "@Begin\n"
    "@Languages:\teng\n"
    "@Participants:\tINV Ada_Lindqvist Investigator, PAR Participant, MOT Mother\n"
    "@ID:\teng|tides|INV|||||Investigator|||\n"
    "@Media:\tharbour-07, audio\n"
    "@Date:\t07-MAR-2019\n"
    "@Comment:\tRecorded at the harbour office.\n"
    f"*INV:\tso tell me about the flood . {B}1200_3400{B}\n"
    "%mor:\tadv|so v|tell pro|me prep|about det|the n|flood .\n"
    f"*PAR:\twell &-um the water came up <to the> [/] to the wall\n"
    f"\tand stayed there . {B}3500_9100{B}\n"
    "%com:\tpoints at the window\n"
    "%mor:\tco|well det|the n|water .\n"
    f"*PAR:\txxx . {B}9100_9800{B}\n"
    "*MOT:\tthat was the spring tide .\n"
    "@End\n"
)


def _people(t):
    return [(s.name, s.aliases, s.role, s.description) for s in t.speakers]


def test_participants_name_the_speakers():
    t = transcripts.read(SAMPLE, "chat").transcript
    assert _people(t) == [
        ("Ada Lindqvist", ("INV",), "host", "Investigator"),
        ("Participant", ("PAR",), "unknown", None),
        ("Mother", ("MOT",), "unknown", None),
    ]


def test_utterances_are_turns_with_their_times():
    t = transcripts.read(SAMPLE, "chat").transcript
    names = {s.id: s.name for s in t.speakers}
    assert [(names[u.speaker], u.paragraphs, u.start, u.end) for u in t.turns] == [
        ("Ada Lindqvist", ("so tell me about the flood .",), 1.2, 3.4),
        ("Participant", ("well &-um the water came up <to the> [/] to the wall and stayed there .",), 3.5, 9.1),
        ("Participant", ("xxx .",), 9.1, 9.8),
        ("Mother", ("that was the spring tide .",), None, None),
    ]
    assert t.turns[1].lines == transcripts.Span(11, 12)


def test_headers_and_tiers_are_kept_or_reported():
    got = transcripts.read(SAMPLE, "chat")
    t = got.transcript
    assert t.metadata.language == "eng" and t.metadata.recorded == "2019-03-07"
    kinds = [(b.kind, b.text, b.turn) for b in t.blocks]
    assert ("note", "Recorded at the harbour office.", None) in kinds
    assert ("note", "points at the window", 1) in kinds
    assert ("metadata", "@Media: harbour-07, audio", None) in kinds
    assert [(e.message, e.line) for e in got.skipped] == [("%mor tier ignored (2 lines)", 10)]


def test_detected_by_its_first_line():
    assert detect(None, SAMPLE).name == "chat" and detect("x.txt", SAMPLE).name == "chat"
    assert detect(None, "@Begin is how we start.\nAda: hi\n").name != "chat"


def test_a_line_that_is_not_chat_is_an_error_with_its_place():
    bad = SAMPLE.replace("*MOT:", "MOT:")
    with pytest.raises(transcripts.ParseError, match="not a CHAT line") as err:
        transcripts.loads(bad, "chat", filename="ep.cha")
    assert (err.value.filename, err.value.line, err.value.column) == ("ep.cha", 16, 1)
    got = transcripts.read(bad, "chat", lenient=True)
    assert len(got.transcript.turns) == 3 and any("not a CHAT line" in e.message for e in got.skipped)


def test_a_bullet_that_ends_before_it_starts():
    with pytest.raises(transcripts.ParseError, match="ends .* before it starts"):
        transcripts.loads(f"@Begin\n*INV:\thello . {B}5000_1000{B}\n@End\n", "chat")


def test_the_command_line_reads_it(tmp_path):
    path = tmp_path / "interview.cha"
    path.write_text(SAMPLE, encoding="utf-8")
    from transcripts.cli import main

    assert main(["convert", str(path), "-o", str(tmp_path / "out.json")]) == 0
    assert transcripts.load(str(tmp_path / "out.json")).turns[0].start == 1.2
