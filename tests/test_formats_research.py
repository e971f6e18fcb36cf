"""The research annotation formats: ELAN ``.eaf`` and Transcriber ``.trs``,
read from samples written by hand from ELAN's EAF schema (3.0) and
Transcriber's trans-14.dtd (tests/research/), and from small documents
written here for the edge cases."""

from __future__ import annotations

import io
import json
import warnings

import pytest

import transcripts
from transcripts.cli import main

from .conftest import ROOT

SAMPLES = ROOT / "tests" / "research"
EAF = SAMPLES / "harbour.eaf"
TRS = SAMPLES / "port.trs"


def cli(argv):
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def eaf(slots: str, tiers: str, header: str = '<HEADER TIME_UNITS="milliseconds"/>') -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<ANNOTATION_DOCUMENT AUTHOR="" DATE="2024-01-01T00:00:00+00:00" FORMAT="3.0" VERSION="3.0">\n'
        f"{header}\n<TIME_ORDER>\n{slots}\n</TIME_ORDER>\n{tiers}\n</ANNOTATION_DOCUMENT>\n"
    )


def slot(ident: str, ms=None) -> str:
    return f'<TIME_SLOT TIME_SLOT_ID="{ident}"' + (f' TIME_VALUE="{ms}"' if ms is not None else "") + "/>"


def tier(ident: str, *annotations: tuple[str, str, str, str], participant=None) -> str:
    who = f' PARTICIPANT="{participant}"' if participant else ""
    body = "".join(
        f'<ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="{a}" TIME_SLOT_REF1="{r1}" TIME_SLOT_REF2="{r2}"><ANNOTATION_VALUE>{v}</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>\n'
        for a, r1, r2, v in annotations
    )
    return f'<TIER LINGUISTIC_TYPE_REF="utterance" TIER_ID="{ident}"{who}>\n{body}</TIER>'


def trs(body: str, speakers: str = '<Speaker id="spk1" name="Ada Lind"/><Speaker id="spk2" name="Bo Chen"/>') -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE Trans SYSTEM "trans-14.dtd">\n<Trans xml:lang="en">\n'
        f"<Speakers>{speakers}</Speakers>\n<Episode>\n<Section type=\"report\" startTime=\"0\" endTime=\"100\">\n{body}\n</Section>\n</Episode>\n</Trans>\n"
    )


# ------------------------------------------------------------------ ELAN


def test_eaf_sample_top_level_tiers_are_the_speakers_in_time_order():
    reading = transcripts.read(EAF.read_bytes(), filename=str(EAF))
    assert reading.format == "eaf"
    t = reading.transcript
    assert [(s.id, s.name) for s in t.speakers] == [("ada-lind", "Ada Lind"), ("ingrid-solberg", "Ingrid Solberg"), ("interviewer-2", "Interviewer 2")]
    got = [(u.speaker, u.paragraphs, u.start, u.end, u.timing) for u in t.turns]
    assert got == [
        ("ada-lind", ("When did you first take a ferry out?",), 0.5, 3.2, "given"),
        ("ingrid-solberg", ("At twelve, on my father's boat.",), 3.4, 5.1, "given"),
        ("interviewer-2", ("Mm-hm.",), 5.1, 5.6, "given"),
        # ts6 has no time: halfway between ts5 (5.6 s) and ts7 (9.8 s).
        ("ada-lind", ("Alone?",), 5.6, 7.7, "estimated"),
        # Ada's empty annotation is no turn; each of Ingrid's annotations is one.
        ("ingrid-solberg", ("Never alone: fog, gulls and a radio that never worked.",), 7.7, 9.8, "estimated"),
        ("ingrid-solberg", ("Still broken.",), 12.0, 12.5, "given"),
    ]
    assert [(u.lines.start, u.lines.end) for u in t.turns][:2] == [(23, 25), (40, 42)]
    assert t.metadata.language == "eng" and t.metadata.source == str(EAF)
    [block] = t.blocks
    assert block.kind == "metadata" and block.text.splitlines() == [
        "MEDIA_URL: file:///corpus/harbour-07.wav (MIME_TYPE=audio/x-wav)",
        "URN: urn:nl-mpi-tools-elan-eaf:0b5d2c1e-harbour-07",
        "AUTHOR: Ines Caro",
        "DATE: 2024-03-05T10:12:00+01:00",
    ]
    # The translation tier is reported once, with its line; the empty note tier is not.
    assert [(e.line, e.column) for e in reading.skipped] == [(63, 5)]
    assert "child tier 'B-nob' (translation) of 'B' ignored" in str(reading.skipped[0])


@pytest.mark.filterwarnings("ignore::transcripts.SkippedCueWarning")
def test_eaf_cues_are_the_annotations():
    found = transcripts.cues(EAF.read_text(encoding="utf-8"), filename="harbour.eaf")
    assert [(c.start, c.end, c.voice) for c in found][:3] == [(0.5, 3.2, "Ada Lind"), (3.4, 5.1, "Ingrid Solberg"), (5.1, 5.6, "Interviewer 2")]
    assert found[0].identifier == "a1" and len(found) == 6


def test_eaf_overlapping_speech_stays_separate_turns_in_start_order():
    text = eaf(
        "\n".join(slot(f"t{k}", ms) for k, ms in enumerate((0, 1000, 1500, 4000, 5000, 6000))),
        tier("A", ("a1", "t0", "t3", "one"), ("a2", "t4", "t5", "three")) + tier("B", ("b1", "t1", "t2", "two"), participant="Bo"),
    )
    t = transcripts.loads(text, "eaf")
    assert [(u.speaker, u.paragraphs[0], u.start, u.end) for u in t.turns] == [("a", "one", 0.0, 4.0), ("bo", "two", 1.0, 1.5), ("a", "three", 5.0, 6.0)]


def test_eaf_unaligned_slots_between_aligned_ones_are_spread_evenly():
    text = eaf(
        "\n".join([slot("t0", 1000), slot("t1"), slot("t2"), slot("t3", 4000)]),
        tier("A", ("a1", "t0", "t1", "one"), ("a2", "t1", "t2", "two"), ("a3", "t2", "t3", "three")),
    )
    reading = transcripts.read(text, "eaf")
    assert not reading.skipped
    [turn] = reading.transcript.turns
    assert (turn.start, turn.end, turn.timing, turn.paragraphs) == (1.0, 4.0, "estimated", ("one two three",))
    assert [(c.start, c.end) for c in transcripts.cues(text, "eaf")] == [(1.0, 2.0), (2.0, 3.0), (3.0, 4.0)]


def test_eaf_unaligned_slots_listed_last_are_placed_along_their_tiers_chain():
    # Some converters put the unaligned slots at the end of the time order.
    text = eaf(
        "\n".join([slot("t0", 1000), slot("t3", 4000), slot("t1"), slot("t2")]),
        tier("A", ("a1", "t0", "t1", "one"), ("a2", "t1", "t2", "two"), ("a3", "t2", "t3", "three")),
    )
    reading = transcripts.read(text, "eaf")
    assert not reading.skipped
    assert [(c.start, c.end) for c in transcripts.cues(text, "eaf")] == [(1.0, 2.0), (2.0, 3.0), (3.0, 4.0)]
    assert reading.transcript.turns[0].timing == "estimated"


def test_eaf_slot_without_an_aligned_slot_after_it_takes_the_other_end_and_says_so():
    text = eaf("\n".join([slot("t0", 1000), slot("t1")]), tier("A", ("a1", "t0", "t1", "one")))
    reading = transcripts.read(text, "eaf")
    [turn] = reading.transcript.turns
    assert (turn.start, turn.end, turn.timing) == (1.0, 1.0, "estimated")
    [note] = reading.skipped
    assert "a1: its end slot has no time" in str(note) and (note.line, note.column) == (9, 13)


@pytest.mark.parametrize(
    "slots, annotations, message, where",
    [
        (slot("t0", 0) + slot("t1", 900), ("a1", "t0", "t9", "x"), "TIME_SLOT_REF2='t9' names no time slot", (10, 13)),
        (slot("t0", 2000) + slot("t1", 900), ("a1", "t0", "t1", "x"), r"a1 ends \(0.9 s\) before it starts \(2 s\)", (10, 13)),
        (slot("t0", "soon") + slot("t1", 900), ("a1", "t0", "t1", "x"), "time slot 't0' has TIME_VALUE 'soon', no time", (6, 1)),
        (slot("t0") + slot("t1"), ("a1", "t0", "t1", "x"), "a1 has no time", (10, 13)),
    ],
)
def test_eaf_bad_times_are_errors_naming_the_annotation_or_skipped_when_lenient(slots, annotations, message, where):
    good = ("a0", "g0", "g1", "kept")
    text = eaf(slot("g0", 0) + slot("g1", 500) + "\n" + slots, tier("A", good, annotations))
    with pytest.raises(transcripts.ParseError, match=message) as info:
        transcripts.loads(text, "eaf", filename="bad.eaf")
    assert (info.value.filename, info.value.line, info.value.column) == ("bad.eaf", *where)
    reading = transcripts.read(text, "eaf", lenient=True)
    assert [u.paragraphs for u in reading.transcript.turns] == [("kept",)] and len(reading.skipped) == 1


@pytest.mark.parametrize(
    "text, where",
    [
        ("<ANNOTATION_DOCUMENT><HEADER/><TIER>\n</ANNOTATION_DOCUMENT>", (2, 3)),
        ('<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "aaaa">]>\n<ANNOTATION_DOCUMENT/>', (2, 25)),
        ('<!DOCTYPE ANNOTATION_DOCUMENT SYSTEM "eaf.dtd">\n<ANNOTATION_DOCUMENT>&nbsp;</ANNOTATION_DOCUMENT>', (2, 22)),
        ("<TT/>", (1, 1)),
        ('<ANNOTATION_DOCUMENT><HEADER TIME_UNITS="fortnights"/></ANNOTATION_DOCUMENT>', (1, 22)),
    ],
)
def test_eaf_malformed_documents_are_errors_with_a_position(text, where):
    with pytest.raises(transcripts.ParseError) as info:
        transcripts.loads(text, "eaf", filename="x.eaf", lenient=True)
    assert (info.value.line, info.value.column) == where, str(info.value)


def test_eaf_frames_as_time_units():
    text = eaf(slot("t0", 25) + slot("t1", 50), tier("A", ("a1", "t0", "t1", "hi")), '<HEADER TIME_UNITS="PAL-frames"/>')
    [turn] = transcripts.loads(text, "eaf").turns
    assert (turn.start, turn.end) == (1.0, 2.0)


# ----------------------------------------------------------- Transcriber


def test_trs_sample_in_latin_1_reads_through_load():
    assert TRS.read_bytes().startswith(b'<?xml version="1.0" encoding="ISO-8859-1"?>') and "Inès".encode("latin-1") in TRS.read_bytes()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        t = transcripts.load(TRS)
    assert [(s.id, s.name, s.aliases) for s in t.speakers] == [("ada-lind", "Ada Lind", ("spk1",)), ("ines-solere", "Inès Solère", ("spk2",))]
    assert [(u.speaker, u.paragraphs, u.start, u.end) for u in t.turns] == [
        ("ada-lind", ("Quand êtes-vous montée sur un bateau pour la première fois ?",), 1.2, 4.5),
        ("ines-solere", ("À douze ans, sur le bateau de mon père.",), 4.5, 8.1),
        # speaker="spk1 spk2": each Who's text a turn of its own, at the same times.
        ("ada-lind", ("Seule ?",), 8.1, 9.75),
        ("ines-solere", ("Jamais seule.",), 8.1, 9.75),
        ("ines-solere", ("La radio n'a never marché. Toujours en panne.",), 9.75, 14.0),
    ]
    md = t.metadata
    assert (md.language, md.show, md.published) == ("fr", "Ports du Nord", "2024-03-01")
    assert [(b.kind, b.text, b.turn) for b in t.blocks] == [
        ("metadata", "audio_filename: port-03\nscribe: Inès Caro\nversion: 4\nversion_date: 240305", None),
        ("event", "[background: music, low]", None),
        ("event", "[rire]", 1),
        ("note", "[Comment: bruit de moteur au loin]", 1),
        ("event", "[language: en, begin]", 4),
        ("event", "[language: en, end]", 4),
    ]
    assert [(p.title, p.source, p.turns, p.start, p.lines.start) for p in t.topics] == [
        ("Le premier bateau", "heading", (0, 1, 2, 3), 0.0, 13),
        ("La radio", "heading", (4,), 9.75, 38),
    ]


def test_trs_through_the_command_line(tmp_path):
    code, out, err = cli(["convert", str(TRS), "--to", "json"])
    assert code == 0, err
    doc = json.loads(out)
    assert doc["speakers"][1]["name"] == "Inès Solère" and doc["metadata"]["language"] == "fr"
    code, out, err = cli(["convert", str(TRS), "--to", "text"])
    assert code == 0 and "Ada Lind: Quand êtes-vous montée" in out and "[rire]" in out


def test_trs_cues_are_the_sync_stretches():
    text = trs('<Turn speaker="spk1" startTime="0" endTime="5"><Sync time="0"/>one<Sync time="2"/>\n<Sync time="3"/>two</Turn>')
    assert [(c.start, c.end, c.text) for c in transcripts.cues(text, "trs")] == [(0.0, 2.0, "one"), (3.0, 5.0, "two")]
    [turn] = transcripts.loads(text, "trs").turns
    assert (turn.start, turn.end, turn.paragraphs) == (0.0, 5.0, ("one two",))


def test_trs_consecutive_turns_of_one_speaker_stay_two_and_no_speaker_is_unknown():
    text = trs(
        '<Turn speaker="spk1" startTime="0" endTime="1"><Sync time="0"/>one</Turn>\n'
        '<Turn speaker="spk1" startTime="1" endTime="2"><Sync time="1"/>two</Turn>\n'
        '<Turn startTime="2" endTime="3"><Sync time="2"/>three</Turn>\n'
        '<Turn speaker="spk9" startTime="3" endTime="4"><Sync time="3"/>four</Turn>'
    )
    t = transcripts.loads(text, "trs")
    assert [(u.speaker, u.paragraphs) for u in t.turns] == [("ada-lind", ("one",)), ("ada-lind", ("two",)), ("unknown-speaker", ("three",)), ("spk9", ("four",))]


@pytest.mark.parametrize(
    "body, message, where",
    [
        ('<Turn speaker="spk1" startTime="soon" endTime="2">x</Turn>', "startTime='soon' is no number of seconds", (7, 1)),
        ('<Turn speaker="spk1" startTime="3" endTime="2">x</Turn>', "ends \\(2 s\\) before it starts \\(3 s\\)", (7, 1)),
        ('<Turn speaker="spk1" startTime="0" endTime="2">x\n<Sync time="7"/>y</Turn>', "time='7' is outside its turn", (8, 1)),
        ('<Turn speaker="spk1" startTime="0" endTime="2"><Sync time="1"/>x\n<Sync time="0.5"/>y</Turn>', "goes back in time", (8, 1)),
        ('<Turn speaker="spk1 spk2" startTime="0" endTime="2">\n<Who nb="3"/>x</Turn>', "nb='3' names none of the turn's 2 speakers", (8, 1)),
    ],
)
def test_trs_bad_times_are_errors_with_a_position(body, message, where):
    text = trs(body + '\n<Turn speaker="spk2" startTime="5" endTime="6">kept</Turn>')
    with pytest.raises(transcripts.ParseError, match=message) as info:
        transcripts.loads(text, "trs", filename="bad.trs")
    assert (info.value.filename, info.value.line, info.value.column) == ("bad.trs", *where)
    reading = transcripts.read(text, "trs", lenient=True)
    assert reading.transcript.turns[-1].paragraphs == ("kept",) and len(reading.skipped) == 1


@pytest.mark.parametrize(
    "text, where",
    [
        ('<Trans><Episode><Section type="report" startTime="0" endTime="1"><Turn startTime="0" endTime="1">x</Section></Episode></Trans>', (1, 101)),
        ('<?xml version="1.0"?>\n<!DOCTYPE Trans SYSTEM "trans-14.dtd">\n<Trans>&eacute;</Trans>', (3, 8)),
        ('<!DOCTYPE Trans [<!ENTITY a "a">]><Trans/>', (1, 29)),
        ("<Transcript/>", (1, 1)),
    ],
)
def test_trs_malformed_documents_are_errors_with_a_position(text, where):
    with pytest.raises(transcripts.ParseError) as info:
        transcripts.loads(text, "trs", lenient=True)
    assert (info.value.line, info.value.column) == where, str(info.value)


def test_trs_what_is_not_transcriber_is_reported():
    text = trs('stray words\n<Turn speaker="spk1" startTime="0" endTime="1">hi <b>there</b></Turn>\n<Note/>')
    reading = transcripts.read(text, "trs")
    assert [u.paragraphs for u in reading.transcript.turns] == [("hi",)]
    assert [(e.line, e.column, e.message.split(":")[0]) for e in reading.skipped] == [
        (6, 1, "text outside a turn ignored"),
        (8, 51, "<b> in a turn ignored"),
        (9, 1, "<Note> in <Section> ignored"),
    ]


# ------------------------------------------------------------- detection


def test_each_sample_is_claimed_by_its_own_reader_alone_and_claims_nothing_else():
    readers = [f for f in transcripts.formats.FORMATS.values() if f.sniff is not None and not f.binary]
    for path, fmt in ((EAF, "eaf"), (TRS, "trs")):
        text = path.read_bytes().decode("latin-1" if fmt == "trs" else "utf-8")
        assert [f.name for f in readers if f.sniff(text)] == [fmt]
        assert transcripts.formats.detect("export.xml", text).name == fmt
        assert transcripts.formats.detect(None, text).name == fmt
    from .fuzzing import seeds

    for name in ("eaf", "trs"):
        sniff = transcripts.formats.get(name).sniff
        assert not [fmt for fmt, text in seeds() if fmt != name and sniff(text)], name


@pytest.mark.parametrize(
    "text, root",
    [
        ('\ufeff<?xml version="1.0"?>\n<!-- ELAN -->\n<ANNOTATION_DOCUMENT DATE="x">', "eaf"),
        ('<?xml version="1.0" encoding="ISO-8859-1"?>\n<!DOCTYPE Trans SYSTEM "trans-14.dtd">\n<Trans>', "trs"),
        ("<!DOCTYPE Trans [\n<!ELEMENT Trans ANY>\n]>\n<Trans/>", "trs"),
        ("<Transcript><Trans/></Transcript>", None),
        ("<tt><ANNOTATION_DOCUMENT/></tt>", None),
        ("Ann: <Trans> is a tag", None),
    ],
)
def test_the_content_check_looks_at_the_root_element_only(text, root):
    claims = [n for n in ("eaf", "trs") if transcripts.formats.get(n).sniff(text)]
    assert claims == ([root] if root else [])


def test_an_xml_declaration_names_the_encoding_of_bytes_that_are_not_utf8():
    body = '<?xml version="1.0" encoding="{}"?>\n<a>Søren</a>\n'
    assert transcripts._source.decode(body.format("ISO-8859-1").encode("latin-1")) == body.format("ISO-8859-1")
    # UTF-8 bytes under a Latin-1 declaration (an editor kept it) are read as UTF-8.
    assert transcripts._source.decode(body.format("ISO-8859-1").encode("utf-8")) == body.format("ISO-8859-1")
    with pytest.raises(transcripts.ParseError, match="not UTF-8 text.*looks like Latin-1"):
        transcripts._source.decode(body.format("UTF-8").encode("latin-1"))
    with pytest.raises(transcripts.ParseError, match="not UTF-8 text"):
        transcripts._source.decode(b"<a>S\xf8ren</a>")


# ------------------------------------------------------------ the EAF writer


def test_eaf_written_is_a_tier_per_speaker_and_reads_back():
    t = transcripts.parse("Ada Lindqvist: The tide <comes> in & out.\n\nInes Caro: Twice a day.\n\nAda Lindqvist: Always.\n")
    timed = transcripts.estimate_times(t, 160)
    out = transcripts.convert(timed, "eaf")
    assert out.dropped == ()
    assert out.text.count("<TIER ") == 2 and 'PARTICIPANT="Ines Caro"' in out.text and "&lt;comes&gt; in &amp; out." in out.text
    back = transcripts.loads(out.text, "eaf")
    names = {s.id: s.name for s in back.speakers}
    assert [(names[u.speaker], u.paragraphs, u.start, u.end) for u in back.turns] == [
        ({s.id: s.name for s in t.speakers}[u.speaker], u.paragraphs, round(u.start, 3), round(u.end, 3)) for u in timed.turns
    ]
    assert transcripts.formats.detect("x.eaf", out.text).name == "eaf"


def test_eaf_writer_says_what_it_drops_and_keeps_the_language():
    t = transcripts.Transcript(
        metadata=transcripts.Metadata(title="Tides", language="nb", recorded="2024-03-05"),
        speakers=[transcripts.Speaker("ada", "Ada")],
        turns=[transcripts.Turn(0, "ada", ("One.", "Two."), 1.0, 2.0, "given")],
    )
    out = transcripts.convert(t, "eaf")
    assert {d.what for d in out.dropped} == {"title", "recorded", "paragraph break"}
    assert 'DATE="2024-03-05T00:00:00+00:00"' in out.text and 'LANG_REF="nb"' in out.text
    back = transcripts.loads(out.text, "eaf")
    assert back.metadata.language == "nb" and back.turns[0].paragraphs == ("One. Two.",)
