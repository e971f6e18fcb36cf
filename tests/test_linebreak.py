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


def _arguments(tokens, prof, label_len, first, ambiguous, bad_start):
    """What break_paragraph hands the two-line programme (None: it never
    runs, the paragraph being one line)."""
    got = {}
    saved = L._two_lines

    def capture(*args):
        got["args"] = args
        return saved(*args)

    L._two_lines = capture
    try:
        L.break_paragraph(tokens, prof, label_len, first, ambiguous, bad_start, NAMES)
    finally:
        L._two_lines = saved
    return got.get("args")


@settings(max_examples=400, deadline=None)
@given(
    st.lists(WORDS, min_size=2, max_size=16),
    st.sampled_from([PODCAST, NETFLIX, BBC, WEB, Profile("narrow", 12, 2)]),
    st.sampled_from([0, 5, 15, 40]),
    st.booleans(),
    st.booleans(),
)
def test_one_cue_is_the_programme_s_layout(tokens, prof, label_len, first, asks):
    """Where the one-cue shortcut answers, the full programme (and the
    general one) lays the paragraph out the same."""
    args = _arguments(tokens, prof, label_len, first, _asks if asks else None, _asks if asks else None)
    if args is None:
        return
    n, pos, pen, labelled, bad, p, ll = args
    fast = L._one_cue(n, pos, pen, labelled, bad, p.max_chars, ll)
    if fast is not None:
        assert fast == L._two_lines_programme(*args) == L._any_lines(*args)


def test_one_cue_answers_for_a_short_paragraph():
    args = _arguments("Well, I think that is right and it is fine.".split(), PODCAST, 0, False, None, None)
    n, pos, pen, labelled, bad, p, ll = args
    # "Well, I think that is right" / "and it is fine.": before the
    # conjunction.
    assert L._one_cue(n, pos, pen, labelled, bad, p.max_chars, ll) == [(False, [(0, 6), (6, 10)])]
    assert L._two_lines_programme(*args) == [(False, [(0, 6), (6, 10)])]


TOKEN = st.text(alphabet=st.sampled_from(list("ab's'.,;:!?\"()[]{}_#%&*@/\\-—’…”zZ9é")), max_size=14)


@settings(max_examples=500, deadline=None)
@given(TOKEN)
def test_bare_word_without_the_patterns(token):
    assert L._bare.__wrapped__(token) == L._bare_regex(token)


@settings(max_examples=500, deadline=None)
@given(TOKEN)
def test_sentence_and_clause_ends_without_the_patterns(token):
    want = L.SENTENCE_BREAK if L._SENTENCE_END.search(token) else L.CLAUSE_BREAK if L._CLAUSE_END.search(token) else -1.0
    assert L._ends(token) == want


# Tokens as str.split() gives them: words of the profiles' tests, and any
# text without white space (ASCII letters, capitals, punctuation, other
# scripts).
ANY_TOKEN = st.one_of(
    WORDS,
    TOKEN.filter(lambda t: t != ""),
    st.text(alphabet=st.sampled_from(list("abcXYZ-—–:.,'’\"()é…ßİ1")), min_size=1, max_size=6),
    st.sampled_from(sorted(L.CLINGING | L.CONJUNCTIONS | L.TITLES)).map(lambda w: w.title() if len(w) % 2 else w),
    st.text(min_size=1, max_size=5).map(lambda t: "".join(t.split())).filter(bool),
)


@settings(max_examples=500, deadline=None)
@given(st.lists(ANY_TOKEN, min_size=1, max_size=12), st.sampled_from(["warm", "cold", "learnt at once"]))
def test_penalties_from_classes_are_those_of_the_definition(tokens, how):
    """The penalties read from the tokens' classes are those of
    :func:`_info`, and the classes say which tokens are asked about,
    whether the classes are learnt paragraph by paragraph or for a
    transcript's tokens at once."""
    if how != "warm":
        L.clear_caches()
    if how == "learnt at once":
        L.learn(set(tokens))
    before = L._before_classes(tokens)
    infos = [L._info(t) for t in tokens]
    assert L._penalties(tokens, before, NAMES) == L._penalties_of(tokens, infos, NAMES)
    assert [b >= L._ODD for b in before] == [info[4] for info in infos]
    assert [b >= L._COLON for b in before] == [info[2] for info in infos]
