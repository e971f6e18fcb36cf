"""Praat TextGrid: the long and short text formats, speakers from tier
names, an aligner's word and phone tiers, errors with line and column,
and the writer read back."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import transcripts
from transcripts.formats import detect

from .formats_support import spoken


def _long(tiers: list[tuple[str, str, list[tuple[float, float, str]]]], xmax: float = 10.0) -> str:
    out = ['File type = "ooTextFile"', 'Object class = "TextGrid"', "", "xmin = 0 ", f"xmax = {xmax} ", "tiers? <exists> ", f"size = {len(tiers)} ", "item []: "]
    for n, (kind, name, items) in enumerate(tiers, 1):
        out += [f"    item [{n}]:", f'        class = "{kind}" ', f'        name = "{name}" ', "        xmin = 0 ", f"        xmax = {xmax} "]
        if kind == "IntervalTier":
            out.append(f"        intervals: size = {len(items)} ")
            for k, (a, b, text) in enumerate(items, 1):
                out += [f"        intervals [{k}]:", f"            xmin = {a} ", f"            xmax = {b} ", f'            text = "{text}" ']
        else:
            out.append(f"        points: size = {len(items)} ")
            for k, (a, _, text) in enumerate(items, 1):
                out += [f"        points [{k}]:", f"            number = {a} ", f'            mark = "{text}" ']
    return "\n".join(out) + "\n"


def _short(tiers: list[tuple[str, str, list[tuple[float, float, str]]]], xmax: float = 10.0) -> str:
    out = ['File type = "ooTextFile"', 'Object class = "TextGrid"', "", "0", str(xmax), "<exists>", str(len(tiers))]
    for kind, name, items in tiers:
        out += [f'"{kind}"', f'"{name}"', "0", str(xmax), str(len(items))]
        for a, b, text in items:
            out += [str(a), str(b), f'"{text}"'] if kind == "IntervalTier" else [str(a), f'"{text}"']
    return "\n".join(out) + "\n"


TWO = [
    ("IntervalTier", "Ada Lindqvist", [(0, 2.5, "Welcome back to the harbour."), (2.5, 4, ""), (4, 6.5, 'She said ""no"" twice.')]),
    ("IntervalTier", "Ines Caro", [(0, 2.6, ""), (2.6, 3.9, "Thanks, Ada."), (3.9, 10, "")]),
]


def _turns(t):
    names = {s.id: s.name for s in t.speakers}
    return [(names[u.speaker], u.paragraphs, u.start, u.end) for u in t.turns]


@pytest.mark.parametrize("layout", [_long, _short])
def test_tiers_name_the_speakers_and_turns_come_in_time_order(layout):
    t = transcripts.loads(layout(TWO), "textgrid")
    assert _turns(t) == [
        ("Ada Lindqvist", ("Welcome back to the harbour.",), 0.0, 2.5),
        ("Ines Caro", ("Thanks, Ada.",), 2.6, 3.9),
        ("Ada Lindqvist", ('She said "no" twice.',), 4.0, 6.5),
    ]
    assert all(u.timing == "given" for u in t.turns)


def test_detected_from_its_header_in_utf16():
    text = _short(TWO)
    assert detect(None, text).name == "textgrid" and detect("x.txt", text).name == "textgrid"
    t = transcripts.loads(text.encode("utf-16"))
    assert [s.name for s in t.speakers] == ["Ada Lindqvist", "Ines Caro"]


def test_an_aligners_word_tiers_give_the_words_and_phones_are_reported():
    tiers = [
        ("IntervalTier", "Ada - words", [(0, 0.4, "the"), (0.4, 0.9, "tide"), (0.9, 3.0, ""), (3.0, 3.5, "rises")]),
        ("IntervalTier", "Ada - phones", [(0, 0.1, "DH"), (0.1, 0.4, "AH0")]),
        ("IntervalTier", "Ada", [(0, 0.9, "the tide"), (3.0, 3.5, "rises")]),
    ]
    got = transcripts.read(_long(tiers), "textgrid")
    t = got.transcript
    assert [u.paragraphs for u in t.turns] == [("the tide",), ("rises",)]
    assert [(w.text, w.start, w.end) for w in t.turns[0].words] == [("the", 0.0, 0.4), ("tide", 0.4, 0.9)]
    assert any("phones are not speech" in e.message for e in got.skipped)


def test_words_alone_make_turns_broken_at_long_silences():
    tiers = [("IntervalTier", "words", [(0, 0.4, "the"), (0.4, 0.9, "tide"), (0.9, 1.1, ""), (1.1, 1.5, "rises"), (1.5, 3.0, ""), (3.0, 3.4, "again")])]
    t = transcripts.loads(_long(tiers), "textgrid")
    assert [u.paragraphs for u in t.turns] == [("the tide rises",), ("again",)]
    assert [len(u.words) for u in t.turns] == [3, 1] and t.turns[1].start == 3.0


def test_a_content_tier_leaves_the_speakers_to_the_prefixes():
    tiers = [("IntervalTier", "transcription", [(0, 2, "Ada: The tide comes in."), (2, 4, "Ines: Twice a day."), (4, 6, "Ada: Always."), (6, 8, "Ines: Yes.")])]
    t = transcripts.loads(_long(tiers), "textgrid")
    assert [(s.name) for s in t.speakers] == ["Ada", "Ines"] and len(t.turns) == 4


def test_word_times_that_do_not_match_the_text_are_reported():
    tiers = [("IntervalTier", "Ada", [(0, 2, "The tide comes in.")]), ("IntervalTier", "Ada - words", [(0, 0.5, "the"), (0.5, 1.0, "tide")])]
    got = transcripts.read(_long(tiers), "textgrid")
    assert got.transcript.turns[0].words == ()
    assert [e.message for e in got.skipped] == ["word tier 'Ada - words': 2 of its words do not match the text's, their times left out"]


def test_point_tiers_are_reported_as_ignored():
    got = transcripts.read(_long([*TWO, ("TextTier", "events", [(3.0, 3.0, "door")])]), "textgrid")
    assert len(got.transcript.turns) == 3
    [note] = got.skipped
    assert "point tier 'events' ignored" in note.message and note.line is not None


def test_a_truncated_file_is_an_error_with_its_place():
    text = _long(TWO)
    cut = text[: text.index("Thanks")]
    with pytest.raises(transcripts.ParseError, match="closing quote") as err:
        transcripts.loads(cut, "textgrid", filename="ep.TextGrid")
    assert err.value.line == cut.count("\n") + 1 and err.value.filename == "ep.TextGrid"
    with pytest.raises(transcripts.ParseError, match="expected a start time, found the end of the file"):
        transcripts.loads(text[: text.index("        intervals [2]:")], "textgrid")


def test_an_interval_that_ends_before_it_starts_is_skipped_when_lenient():
    tiers = [("IntervalTier", "Ada", [(0, 2, "One."), (5, 3, "Backwards."), (5, 6, "Three.")])]
    with pytest.raises(transcripts.ParseError, match="ends .* before it starts"):
        transcripts.loads(_long(tiers), "textgrid")
    got = transcripts.read(_long(tiers), "textgrid", lenient=True)
    assert [u.paragraphs for u in got.transcript.turns] == [("One.",), ("Three.",)] and len(got.skipped) == 1


def test_not_a_textgrid():
    with pytest.raises(transcripts.ParseError, match="not a TextGrid: object class 'Pitch'"):
        transcripts.loads('File type = "ooTextFile"\nObject class = "Pitch"\n', "textgrid")


def test_the_writer_fills_the_gaps_and_reads_back():
    t = transcripts.loads(_long(TWO), "textgrid")
    out = transcripts.convert(t, "textgrid")
    assert out.dropped == ()
    back = transcripts.loads(out.text, "textgrid")
    assert _turns(back) == _turns(t)


def test_an_untimed_transcript_is_timed_at_the_speaking_rate():
    t = transcripts.parse("Ada: The tide comes in.\n\nInes: Twice a day, every day.\n\nAda: Always.\n")
    back = transcripts.loads(transcripts.dumps(t, "textgrid"), "textgrid")
    assert spoken(back) == spoken(t)
    assert all(u.start is not None for u in back.turns)


def test_a_turn_inside_the_speakers_previous_one_is_reported():
    t = transcripts.Transcript(
        speakers=[transcripts.Speaker("ada", "Ada")],
        turns=[transcripts.Turn(0, "ada", ("Long one.",), 0.0, 10.0, "given"), transcripts.Turn(1, "ada", ("Inside.",), 2.0, 3.0, "given")],
    )
    out = transcripts.convert(t, "textgrid")
    assert [str(d) for d in out.dropped] == ["1 turn without a time span of its own"]


_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=30).map(lambda s: " ".join(s.split())).filter(bool)


@given(st.lists(st.tuples(st.sampled_from(["Ada", "Ines Caro", 'Bo "B" Chen']), st.lists(_text, min_size=1, max_size=3), st.floats(0.1, 30)), min_size=1, max_size=8))
@settings(max_examples=60, deadline=None)
def test_round_trip_keeps_speakers_paragraphs_and_times(turns):
    speakers = {name: transcripts.Speaker(f"s{k}", name) for k, name in enumerate(dict.fromkeys(n for n, _, _ in turns))}
    clock, out = 0.0, []
    for i, (name, paragraphs, length) in enumerate(turns):
        out.append(transcripts.Turn(i, speakers[name].id, tuple(paragraphs), round(clock, 3), round(clock + length, 3), "given"))
        clock += length + 0.5
    t = transcripts.Transcript(speakers=list(speakers.values()), turns=out)
    back = transcripts.loads(transcripts.dumps(t, "textgrid"), "textgrid")
    assert _turns(back) == _turns(t)
