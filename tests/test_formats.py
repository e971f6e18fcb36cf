"""JSON and YAML: exact round trips, schema validity, clear errors."""

from __future__ import annotations

import json

import pytest
from hypothesis import given

import transcripts
from transcripts.strategies import transcripts as gen_transcripts


@given(gen_transcripts())
def test_json_round_trip(t):
    assert transcripts.loads(transcripts.dumps(t, "json"), "json") == t


@given(gen_transcripts())
def test_yaml_round_trip(t):
    assert transcripts.loads(transcripts.dumps(t, "yaml"), "yaml") == t


@given(gen_transcripts())
def test_json_validates_against_schema(validate, t):
    validate(json.loads(transcripts.dumps(t, "json")))


def test_yaml_uses_block_scalars_for_long_paragraphs():
    t = transcripts.parse("Ann Lee: " + "word " * 40 + "end.\n\nBo Chen: Short.\n\nAnn Lee: Bye.\n")
    out = transcripts.dumps(t, "yaml")
    assert "- >-\n" in out


def test_format_is_detected_from_content():
    t = transcripts.parse("Ann Lee: Hi.\n\nBo Chen: Hello.\n\nAnn Lee: Bye.\n")
    for fmt in ("json", "yaml"):
        assert transcripts.loads(transcripts.dumps(t, fmt)) == t


@pytest.mark.parametrize(
    "text, fmt, where",
    [
        ('{"format": "transcripts",\n "turns": [1,]}', "json", (2, 14)),
        ("format: transcripts\nturns: [\n", "yaml", (3, 1)),
    ],
)
def test_syntax_errors_name_line_and_column(text, fmt, where):
    with pytest.raises(transcripts.ParseError) as info:
        transcripts.loads(text, fmt, filename="ep." + fmt)
    assert info.value.filename == "ep." + fmt
    assert (info.value.line, info.value.column) == where


@pytest.mark.parametrize(
    "doc, message",
    [
        ({"turns": [{"index": 0, "speaker": "nobody", "paragraphs": []}]}, "turns[0].speaker"),
        ({"turns": [{"index": 0, "speaker": "a", "paragraphs": "x"}], "speakers": [{"id": "a", "name": "A"}]}, "turns[0].paragraphs"),
        ({"version": "9.0"}, "version"),
        ({"speakers": [{"id": "a", "name": "A", "role": "boss"}]}, "speakers[0].role"),
        ({"turns": [{"index": 0, "speaker": "a", "paragraphs": [], "start": "1:02"}], "speakers": [{"id": "a", "name": "A"}]}, "turns[0].start"),
    ],
)
def test_structural_errors_name_the_path(doc, message):
    with pytest.raises(transcripts.ParseError, match=message.replace("[", r"\[").replace("]", r"\]")):
        transcripts.loads(json.dumps(doc), "json")


def test_unknown_format():
    t = transcripts.Transcript()
    with pytest.raises(ValueError, match="unknown format"):
        transcripts.dumps(t, "pdf")


def test_import_does_not_import_hypothesis():
    import subprocess
    import sys

    code = "import sys, transcripts; transcripts.parse('A B: x'); print('hypothesis' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
