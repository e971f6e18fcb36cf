"""Line breaking: the two-line programme the writers use gives the layout
of the general one (any number of lines per cue, every line tried), and a
one-line paragraph stays on one line."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from transcripts.formats import _linebreak as L
from transcripts.formats._profiles import BBC, NETFLIX, PODCAST, WEB, Profile

WORDS = st.sampled_from(
    "a an the of and but so Dr. Mr. Ada Lindqvist Vega, Vega's — – : Q: -x -- --> 00:01 well, right. ok? fine! … "
    "(yes) [laughs] abcd efgh ijkl mnop qrst, uvwx. extraordinarily-long-hyphenated-compound-words-here when which".split()
)
NAMES = {"Ada": [("Ada", "Lindqvist")], "Dr.": [("Dr.", "Amara", "Okafor")]}


def _asks(text: str) -> bool:
    return text.startswith(("Q:", "-x", "00:01"))


def _general(tokens, prof, label_len, first, ambiguous, bad_start):
    """The general programme on what break_paragraph prepares."""
    got = {}
    saved = L._two_lines

    def capture(n, pos, pen, labelled, bad, p, ll):
        got["args"] = (n, pos, pen, labelled, bad, p, ll)
        return saved(n, pos, pen, labelled, bad, p, ll)

    L._two_lines = capture
    try:
        fast = L.break_paragraph(tokens, prof, label_len, first, ambiguous, bad_start, NAMES)
    finally:
        L._two_lines = saved
    if "args" not in got:
        return fast, fast  # one line: the programme never ran
    return fast, L._any_lines(*got["args"])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(WORDS, min_size=1, max_size=60),
    st.sampled_from([PODCAST, NETFLIX, BBC, WEB]),
    st.sampled_from([0, 5, 15, 40]),
    st.booleans(),
    st.booleans(),
)
def test_two_line_programme_matches_the_general_one(tokens, prof, label_len, first, asks):
    fast, general = _general(tokens, prof, label_len, first, _asks if asks else None, _asks if asks else None)
    assert fast == general


def test_one_line_paragraph():
    assert L.break_paragraph("Yes, right.".split(), PODCAST, 0, False, None, None, {}) == [(False, [(0, 2)])]
    assert L.break_paragraph("Yes, right.".split(), PODCAST, 5, True, None, None, {}) == [(True, [(0, 2)])]


def test_profiles_of_other_line_counts_still_break():
    tokens = ("word " * 40).split()
    for lines in (1, 3):
        cues = L.break_paragraph(tokens, Profile("p", 20, lines), 0, False, None, None, {})
        assert all(1 <= len(spans) <= lines for _, spans in cues)
        assert [s for _, spans in cues for s in spans][-1][1] == len(tokens)
