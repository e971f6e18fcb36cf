"""Corpus exports, each read back the way its users read it: CSV and TSV
with the csv module, JSON Lines with json, a ConvoKit corpus by the layout
ConvoKit's documentation gives, RTTM by its fields."""

from __future__ import annotations

import csv
import io
import json
import os

import pytest
from hypothesis import given, settings

import transcripts
from transcripts.cli import main
from transcripts.formats.convokit import FILES
from transcripts.formats.rows import HEADER
from transcripts.strategies import transcripts as gen_transcripts

from .conftest import EXAMPLES

ONE = "Ann Lee: Hi, all.\n\nBo Chen: Hello, Ann. Say \"cheese\", then: a comma, a quote.\n\nI have two paragraphs.\n\nAnn Lee: Bye.\n"
TWO = "[00:00:01] Cy Diaz: Welcome back.\n\n[00:00:04] Dee Roy: Thanks.\n\n[00:00:09] Cy Diaz: Shall we?\n"


def cli(argv):
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def inputs(tmp_path):
    (tmp_path / "one.txt").write_text(ONE, encoding="utf-8")
    (tmp_path / "two.txt").write_text(TWO, encoding="utf-8")
    return [str(tmp_path / "one.txt"), str(tmp_path / "two.txt")]


def _rows(text: str, delimiter: str = ","):
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def test_csv_one_row_per_turn_rfc4180(inputs):
    code, out, err = cli(["convert", inputs[0], "--to", "csv"])
    assert code == 0, err
    assert out.startswith(",".join(HEADER) + "\r\n") and "\r\n" in out
    rows = _rows(out)
    assert rows[0] == ["episode", "turn", "speaker", "speaker_name", "role", "start", "end", "text"]
    body = rows[1:]
    assert [(r[0], r[1], r[2], r[3]) for r in body] == [("one", "0", "ann-lee", "Ann Lee"), ("one", "1", "bo-chen", "Bo Chen"), ("one", "2", "ann-lee", "Ann Lee")]
    assert body[1][7] == 'Hello, Ann. Say "cheese", then: a comma, a quote.\nI have two paragraphs.'
    assert '"Hello, Ann. Say ""cheese"", then' in out  # quotes doubled inside a quoted field


def test_csv_rows_per_paragraph(inputs):
    code, out, err = cli(["convert", inputs[0], "--to", "csv", "--rows", "paragraphs"])
    body = _rows(out)[1:]
    assert [(r[1], r[7]) for r in body] == [("0", "Hi, all."), ("1", 'Hello, Ann. Say "cheese", then: a comma, a quote.'), ("1", "I have two paragraphs."), ("2", "Bye.")]


def test_many_inputs_make_one_table_with_times(tmp_path, inputs):
    dst = tmp_path / "all.csv"
    code, out, err = cli(["convert", *inputs, "-o", str(dst)])
    assert code == 0, err
    body = _rows(dst.read_text(encoding="utf-8"))[1:]
    assert [r[0] for r in body] == ["one"] * 3 + ["two"] * 3
    assert [(r[5], r[6]) for r in body[3:]] == [("1", "4"), ("4", "9"), ("9", "")]
    assert "2 converted, 0 failed" in err


def test_tsv_reads_back_with_tabs(inputs):
    code, out, err = cli(["convert", inputs[1], "--to", "tsv"])
    rows = _rows(out, "\t")
    assert rows[0] == list(HEADER) and rows[1][:4] == ["two", "0", "cy-diaz", "Cy Diaz"] and rows[1][7] == "Welcome back."


@settings(max_examples=60)
@given(gen_transcripts())
def test_csv_holds_every_turn_exactly(t):
    rows = _rows(transcripts.dumps(t, "csv"))
    assert rows[0] == list(HEADER)
    names = {s.id: s.name for s in t.speakers}
    assert [(int(r[1]), r[2], r[3], r[7]) for r in rows[1:]] == [(u.index, u.speaker, names[u.speaker], "\n".join(u.paragraphs)) for u in t.turns]
    for r, u in zip(rows[1:], t.turns):
        assert (float(r[5]) if r[5] else None) == (None if u.start is None else round(u.start, 3))


def test_jsonl_one_utterance_per_line(tmp_path, inputs):
    dst = tmp_path / "all.jsonl"
    assert cli(["convert", *inputs, "-o", str(dst)])[0] == 0
    lines = dst.read_text(encoding="utf-8").splitlines()
    utts = [json.loads(line) for line in lines]
    assert len(utts) == 6 and set(utts[0]) >= {"episode", "turn", "speaker", "speaker_name", "role", "start", "end", "text"}
    assert utts[1]["paragraphs"] == ['Hello, Ann. Say "cheese", then: a comma, a quote.', "I have two paragraphs."]
    assert (utts[3]["episode"], utts[3]["start"], utts[3]["end"]) == ("two", 1.0, 4.0)


def test_convokit_corpus_has_the_documented_layout(tmp_path, inputs):
    folder = tmp_path / "corpus"
    code, out, err = cli(["convert", *inputs, "--to", "convokit", "-o", str(folder)])
    assert code == 0, err
    assert sorted(os.listdir(folder)) == sorted(FILES)
    utts = [json.loads(line) for line in (folder / "utterances.jsonl").read_text(encoding="utf-8").splitlines()]
    speakers = json.loads((folder / "speakers.json").read_text(encoding="utf-8"))
    conversations = json.loads((folder / "conversations.json").read_text(encoding="utf-8"))
    corpus = json.loads((folder / "corpus.json").read_text(encoding="utf-8"))
    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    # Six mandatory fields per utterance; ids unique across the corpus.
    for u in utts:
        assert {"id", "speaker", "conversation_id", "reply_to", "timestamp", "text"} <= set(u) and isinstance(u["meta"], dict)
    assert len({u["id"] for u in utts}) == len(utts) == 6
    # conversation_id is the id of the conversation's first utterance; each
    # utterance replies to the one before it in its conversation.
    by_id = {u["id"]: u for u in utts}
    for conv in conversations:
        chain = [u for u in utts if u["conversation_id"] == conv]
        assert chain[0]["id"] == conv and chain[0]["reply_to"] is None
        assert [u["reply_to"] for u in chain[1:]] == [u["id"] for u in chain[:-1]]
        assert all(by_id[u["reply_to"]]["conversation_id"] == conv for u in chain[1:])
    assert list(conversations) == ["one-0", "two-0"]
    assert {u["speaker"] for u in utts} == set(speakers) and speakers["ann-lee"]["meta"]["name"] == "Ann Lee"
    assert conversations["two-0"]["meta"]["episode"] == "two"
    # Timed episodes use seconds as timestamps, untimed ones the turn order.
    assert [u["timestamp"] for u in utts] == [0, 1, 2, 1.0, 4.0, 9.0]
    assert set(index) >= {"utterances-index", "speakers-index", "conversations-index", "overall-index", "version"}
    assert all(isinstance(v, list) for v in index["utterances-index"].values()) and corpus["conversations"] == 2


def test_convokit_needs_a_folder(inputs):
    code, out, err = cli(["convert", inputs[0], "--to", "convokit"])
    assert code == 2 and "-o DIR" in err
    with pytest.raises(ValueError, match="folder"):
        transcripts.dumps(transcripts.parse(ONE), "convokit")


def test_write_corpus_in_the_library(tmp_path):
    a, b = transcripts.parse(ONE), transcripts.parse(TWO)
    c = transcripts.write_corpus([("a", a), ("b", b)], tmp_path / "all.csv")
    assert [r[0] for r in _rows((tmp_path / "all.csv").read_text(encoding="utf-8"))[1:]] == ["a"] * 3 + ["b"] * 3
    assert c.format == "csv"
    transcripts.write_corpus([a, a], tmp_path / "kit", "convokit")
    convs = json.loads((tmp_path / "kit" / "conversations.json").read_text(encoding="utf-8"))
    assert list(convs) == ["episode-0", "episode-2-0"]  # repeated ids get a suffix


def test_rttm_lines(inputs):
    code, out, err = cli(["convert", inputs[1], "--to", "rttm"])
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "SPEAKER two 1 1.000 3.000 <NA> <NA> cy-diaz <NA> <NA>"
    for line in lines:
        fields = line.split(" ")
        assert len(fields) == 10 and fields[0] == "SPEAKER" and float(fields[4]) > 0
    assert len(lines) == 3  # the last turn ends after its words at the default rate


def test_rttm_leaves_out_untimed_turns_and_says_so(inputs):
    code, out, err = cli(["convert", inputs[0], "--to", "rttm"])
    assert code == 0 and out == "" and "3 turns without a time" in err
    code, out, err = cli(["convert", inputs[0], "--to", "rttm", "--wpm", "150"])
    assert len(out.splitlines()) == 3


def test_row_exports_say_what_they_drop():
    t = transcripts.load(EXAMPLES / "tidewater.txt")
    dropped = {d.what for d in transcripts.convert(t, "csv").dropped}
    assert {"title", "topic", "editor note", "speaker description"} <= dropped and "speaker role" not in dropped


def test_out_dir_gives_one_file_per_input_for_row_formats(tmp_path, inputs):
    code, out, err = cli(["convert", *inputs, "--to", "jsonl", "--out-dir", str(tmp_path / "o")])
    assert code == 0 and sorted(os.listdir(tmp_path / "o")) == ["one.jsonl", "two.jsonl"]


def test_rttm_reads_back_who_spoke_when(inputs):
    code, out, err = cli(["convert", inputs[1], "--to", "rttm"])
    back = transcripts.loads(out, "rttm")
    assert [(u.start, u.end) for u in back.turns][0] == (1.0, 4.0)
    assert all(u.paragraphs == () and u.timing == "given" for u in back.turns)
    assert back.turns[0].speaker == "cy-diaz" and transcripts.formats.detect("x.txt", out).name == "rttm"
    again = transcripts.loads(transcripts.dumps(back, "rttm"), "rttm")
    assert [(u.speaker, u.start, u.end) for u in again.turns] == [(u.speaker, u.start, u.end) for u in back.turns]


def test_rttm_reader_sorts_skips_comments_and_positions_errors():
    from transcripts.errors import ParseError

    text = (
        ";; a diariser's output\n"
        "SPEAKER ep 1 5.000 1.000 <NA> <NA> spk_1 <NA> <NA>\n"
        "SPKR-INFO ep 1 <NA> <NA> <NA> unknown spk_1 <NA> <NA>\n"
        "SPEAKER ep 1 0.500 2.250 <NA> <NA> spk_0 <NA> <NA>\n"
    )
    reading = transcripts.read(text, "rttm")
    assert [(e.line, "SPKR-INFO" in str(e)) for e in reading.skipped] == [(3, True)]
    t = reading.transcript
    assert [(t.speaker(u.speaker).name, u.start, u.end, u.lines.start) for u in t.turns] == [("spk_0", 0.5, 2.75, 4), ("spk_1", 5.0, 6.0, 2)]
    with pytest.raises(ParseError) as err:
        transcripts.loads("SPEAKER ep 1 0.5 soon <NA> <NA> spk_0 <NA> <NA>\n", "rttm")
    assert (err.value.line, err.value.column) == (1, 18)


def test_tables_read_back_into_the_transcript_they_were_written_from():
    t = transcripts.load(EXAMPLES / "tidewater.txt")
    for fmt in ("csv", "tsv", "jsonl"):
        for rows in (("turns", "paragraphs") if fmt != "jsonl" else ("turns",)):
            back = transcripts.loads(transcripts.convert(t, fmt, rows=rows).text, fmt)
            assert [u.paragraphs for u in back.turns] == [u.paragraphs for u in t.turns]
            assert [(s.name, s.role) for s in back.speakers] == [(s.name, s.role) for s in t.speakers]


def test_tables_of_other_tools_by_their_column_names():
    sheet = "Speaker,Start Time,End Time,Transcript\nAda Lind,00:00:01,00:00:04,\"Welcome back, Bo.\"\nBo Chen,00:00:04,00:00:06,Thanks.\n"
    t = transcripts.loads(sheet, "csv")
    assert [(t.speaker(u.speaker).name, u.start, u.end, u.paragraphs) for u in t.turns] == [
        ("Ada Lind", 1.0, 4.0, ("Welcome back, Bo.",)),
        ("Bo Chen", 4.0, 6.0, ("Thanks.",)),
    ]
    segments = "start\tend\ttext\n0\t2400\t Welcome back.\n2400\t5100\t Today, the silt\n5100\t8000\t and the wall.\n"
    t = transcripts.loads(segments, "tsv")  # whisper's .tsv: milliseconds, no speakers
    assert [(u.start, u.end, u.paragraphs) for u in t.turns] == [(0.0, 8.0, ("Welcome back. Today, the silt and the wall.",))]


def test_a_table_that_is_no_transcript_or_many_is_a_clear_error():
    from transcripts.errors import ParseError

    with pytest.raises(ParseError, match="no column of text"):
        transcripts.loads("a,b\n1,2\n", "csv")
    with pytest.raises(ParseError, match="2 episodes") as err:
        transcripts.loads("episode,speaker,text\none,Ann,Hi.\ntwo,Bo,Yo.\n", "csv")
    assert err.value.line == 3
    with pytest.raises(ParseError) as err:
        transcripts.loads("speaker,start,text\nAnn,soon,Hi.\n", "csv")
    assert (err.value.line, err.value.column) == (2, 2)


def test_json_lines_of_a_dataset_read_by_their_field_names():
    from transcripts.errors import ParseError

    lines = '{"speaker": "Ada", "text": "Hello.", "start": 0.5}\n\n{"speaker": "Bo", "text": "Hi.", "start": 1.5}\n'
    t = transcripts.loads(lines, "jsonl")
    assert [(t.speaker(u.speaker).name, u.start, u.paragraphs) for u in t.turns] == [("Ada", 0.5, ("Hello.",)), ("Bo", 1.5, ("Hi.",))]
    with pytest.raises(ParseError) as err:
        transcripts.loads(lines + "[1, 2]\n", "jsonl")
    assert err.value.line == 4
    reading = transcripts.read(lines + "{oops\n", "jsonl", lenient=True)
    assert len(reading.transcript.turns) == 2 and reading.skipped[0].line == 4


def test_a_json_array_of_records_reads_and_is_detected():
    from transcripts.errors import ParseError

    doc = '[\n  {"text": "Welcome back.", "start": 0.0, "duration": 2.5},\n  {"text": "Today, the silt.", "start": 2.5, "duration": 2}\n]\n'
    reading = transcripts.read(doc, filename="video.json")
    assert reading.format == "json-records"
    t = reading.transcript
    assert [(u.start, u.end, u.paragraphs) for u in t.turns] == [(0.0, 4.5, ("Welcome back. Today, the silt.",))]
    said = '[{"speaker": "Ada", "text": "Hi."},\n 7,\n {"speaker": "Bo", "text": "Hello."}]'
    with pytest.raises(ParseError) as err:
        transcripts.loads(said, "json-records")
    assert err.value.line == 2
    t = transcripts.read(said, "json-records", lenient=True).transcript
    assert [t.speaker(u.speaker).name for u in t.turns] == ["Ada", "Bo"]


def test_array_lines_find_each_element_of_a_keyed_or_top_level_array():
    from transcripts.formats._json import array_lines

    doc = '{"a": "x [\\n",\n "segments": [\n  {"t": "{,"},\n  7,\n  {"t": "]"}\n ]}'
    assert array_lines(doc, "segments") == [3, 4, 5]
    assert array_lines('[\n {"text": "a, b"},\n\n [1, 2],\n "s"]', None) == [2, 4, 5]
    assert array_lines('{"segments": 3}', "segments") == [] and array_lines("{}", None) == []
