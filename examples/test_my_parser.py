"""Property-testing a custom parser with generated episodes.

Run with ``pytest examples/test_my_parser.py`` (transcripts and hypothesis
installed).  Each example is a transcript written as "Full Name: text"
(the ``full-name`` variant of the parser's ``name-colon`` convention),
with editor notes, CRLF line ends, a BOM and no-break spaces mixed in; the
parser must give back every turn's speaker and paragraphs.
"""

from hypothesis import given

from my_parser import parse
from transcripts.strategies import episodes


@given(episodes(convention="name-colon", variant="full-name", noise=["notes", "crlf", "bom", "nbsp"]))
def test_reads_every_turn(ep):
    assert parse(ep.text) == ep.dialogue


@given(episodes(convention="name-colon", variant="full-name"))
def test_speakers(ep):
    assert {name for name, _ in parse(ep.text)} == set(ep.speakers)
