"""The JSON writer: byte for byte what ``json.dumps`` writes of the same
data, indented or compact, though it makes one turn's data at a time."""

from __future__ import annotations

import json

import attrs
from hypothesis import given, settings

from transcripts import strategies
from transcripts.formats import jsonfmt
from transcripts.formats._data import Rows, to_data
from transcripts.model import Word


def _expected(t, compact):  # type: ignore[no-untyped-def]
    data = to_data(t)
    if compact:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


@settings(max_examples=150, deadline=None)
@given(strategies.transcripts())
def test_dumps_is_json_dumps_of_the_data(t):
    assert jsonfmt.dumps(t) == _expected(t, False)
    assert jsonfmt.dumps(t, compact=True) == _expected(t, True)


@settings(max_examples=30, deadline=None)
@given(strategies.transcripts(max_turns=3))
def test_words_are_written_by_the_fast_path_too(t):
    if not t.turns:
        return
    words = (Word("Hello,", 0.0, 0.4, 0.9), Word("there", 0.4, 0.8, None), Word("é", None, None, None))
    t = attrs.evolve(t, turns=(attrs.evolve(t.turns[0], words=words),) + t.turns[1:])
    assert jsonfmt.dumps(t) == _expected(t, False)
    assert jsonfmt.dumps(t, compact=True) == _expected(t, True)


def test_lazy_data_makes_the_rows_as_they_are_walked():
    from transcripts import parse

    t = parse("Ann Lee: Hi.\n\nBo Chen: Hello.\n\n## Notes\n")
    data = to_data(t, lazy=True)
    assert type(data["turns"]) is Rows and len(data["turns"]) == 2
    assert list(data["turns"]) == to_data(t)["turns"]
    assert list(data["blocks"]) == to_data(t)["blocks"]
