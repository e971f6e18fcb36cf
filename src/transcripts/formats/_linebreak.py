"""Line breaking: where a paragraph's caption lines and cues end.

:func:`break_paragraph` chooses the lines of one paragraph and which of
them open a cue, by the least total cost over (token, line within its cue)
states: the room left on each line (squared, so that lines are filled
evenly), the quality of each break (after a sentence or a clause, before
a conjunction; never inside a person's name, rarely after an article or
between two capitalised words), one cost per cue, and a cue ending inside
a sentence.

The programme is computed "pulling": each state's cost is the least over
the lines that can end there, with each line's cost added in the same
order of operations as its definition (so that equal costs stay equal
whatever the width).  Among equal costs the first line, in token order, is
taken: the layouts are those of a plain forward programme that keeps the
first of equal costs (the one this module replaced), checked on every
transcript of ../shared/wild in every profile.  :func:`_two_lines` serves
the profiles (two lines a cue); :func:`_any_lines`, simpler and slower,
any number of lines, and is the reference the tests hold the other to.

:func:`_two_lines` skips what provably cannot win.  A paragraph that one
cue of two lines holds at less than any two cues can cost is laid out by
one scan over its breaks (:func:`_one_cue`).  Otherwise, of the lines that
can end before a token only those whose start costs less than every longer
line's are tried: a longer line has less room left, so a start that costs
no less than an earlier one never gives a cheaper line (rounding keeps
that order, and the earlier is first among equals).  Those starts are a
chain of "next start that costs less" links kept as each state is set.
"""

from __future__ import annotations

import functools
from bisect import bisect_left
from itertools import accumulate, compress, islice, repeat
from operator import add, ge, getitem, is_, itemgetter
from typing import Callable, Optional, Sequence

import regex

from .. import words as W
from ..model import Speaker
from ._profiles import Profile

__all__ = ["CLINGING", "CONJUNCTIONS", "Names", "TITLES", "break_paragraph", "layout_paragraph", "learn", "name_tokens"]

#: Words a line may break before: conjunctions and relative pronouns.
CONJUNCTIONS = frozenset(
    "and but or nor so yet because although though while whereas if unless until when whenever where "
    "wherever which who whom whose that than then since after before".split()
)
#: Words a line should not end with: articles, prepositions, possessives,
#: titles.
CLINGING = frozenset(
    "a an the of to in on at by for with from into onto about my your his her its our their this these those "
    "i mr. mrs. ms. dr. prof. st. mr mrs ms dr prof".split()
)
#: Honorifics: a break after one splits a name.
TITLES = frozenset(f"{w}." for w in W.HONORIFICS) | frozenset(("sir", "dame"))

# A token that ends a sentence: ., ?, ! or … possibly followed by closing
# quotes or brackets.
_SENTENCE_END = regex.compile(r"[.?!…][\"”’')\]]{0,3}$")
# A token that ends a clause: comma, semicolon, colon or a dash.
_CLAUSE_END = regex.compile(r"[,;:—–][\"”’')\]]{0,3}$")
# Punctuation and a possessive at the end of a token, to compare a name's
# last word ("Okafor's", "Vega,") with the name.
_TRAILING = regex.compile(r"(?:['’]s)?[\p{P}]{0,4}$")
# Leading punctuation, to find the bare word a token starts with.
_LEADING = regex.compile(r"^[\p{P}]{1,4}")
# The ASCII characters of \p{P}, and the ASCII closing quotes and brackets
# of the two patterns above: what an ASCII token is read with instead.
_ASCII_P = "!\"#%&'()*,-./:;?@[\\]_{}"
_ASCII_CLOSERS = "\"')]"

#: Cost of a break after a sentence, after a clause, before a dash, before
#: a conjunction, after a clinging word, anywhere else.
SENTENCE_BREAK, CLAUSE_BREAK, DASH_BREAK, CONJUNCTION_BREAK, CLINGING_BREAK, PLAIN_BREAK = 0.0, 10.0, 10.0, 15.0, 150.0, 50.0
#: Cost of a break after an honorific.
TITLE_BREAK = 400.0
#: Cost of a break between two capitalised words (a name we do not know).
NAME_BREAK = 250.0
#: Never break here unless a single word is longer than a line.
NEVER = 1_000_000.0
#: Cost of one more cue, so that cues are filled.
CUE_COST = 150.0
#: Weight of the (squared) room left on a line, in 32-character units.
FILL = 0.5
#: The same for a line that closes its cue.
SHORT_LAST = 0.5
#: Weight of the slack of a paragraph's last line when it shares a cue.
BALANCE = 0.25
#: Cost of a label alone on its line.
LABEL_ALONE = 400.0
#: Cost of ending a cue inside a sentence.
MID_SENTENCE = 80.0

#: Multi-word names (and aliases) by their first word, longest first.
Names = dict[str, list[tuple[str, ...]]]

_INF = float("inf")
# Below this, sums of multiples of 1/4 are exact in floating point.
_EXACT = float(2**48)


def _bare_regex(token: str) -> str:
    """:func:`_bare` by its definition: the patterns above."""
    return _TRAILING.sub("", _LEADING.sub("", token)).casefold()


@functools.lru_cache(maxsize=65536)
def _bare(token: str) -> str:
    """The token without up to four leading punctuation marks, then
    without a possessive and up to four punctuation marks at its end,
    case-folded (:func:`_bare_regex`, read without the patterns for an
    ASCII token)."""
    if not token.isascii():
        return _bare_regex(token)
    word = token.lstrip(_ASCII_P)
    if len(token) - len(word) > 4:
        word = token[4:]
    stem = word.rstrip(_ASCII_P)
    marks = len(word) - len(stem)
    # The leftmost end that the trailing pattern matches from: before a
    # possessive followed by every mark, else before at most four marks.
    if marks <= 4:
        return (stem[:-2] if stem.endswith("'s") else stem).lower()
    return word[:-4].lower()


def name_tokens(speakers: Sequence[Speaker]) -> Names:
    """Multi-word names (and aliases) by their first word, longest first."""
    out: Names = {}
    for s in speakers:
        for name in (s.name, *s.aliases):
            words = tuple(name.split())
            if len(words) > 1:
                out.setdefault(words[0], []).append(words)
    for names in out.values():
        names.sort(key=len, reverse=True)
    return out


# What a token says about the breaks next to it, by its definition
# (:func:`_info`):
# (cost of a break after it, or, when that depends on the next token, a
#  negative code: -1 "a name break when the next token is capitalised,
#  else a plain one", -2 "a break after a clinging word", -3 "a plain
#  break", each unless the next token itself says;
#  cost of a break before it that the previous token leaves open, or -1
#  when it is capitalised, -2 when not;
#  whether it holds a colon; whether it opens with neither letter nor
#  digit; either of the two: a cue starting near it must be asked about;
#  whether it opens with a single dash: no line but a cue's first starts
#  with it).
_Info = tuple[float, float, bool, bool, bool, bool]  # the codes are ints
_AFTER = itemgetter(0)
_BEFORE = itemgetter(1)
_DASH = itemgetter(5)
# The cost of a break that neither token decides, by the first token's code
# and then the second's (negative indices).
_UNDECIDED = ((PLAIN_BREAK, PLAIN_BREAK), (CLINGING_BREAK, CLINGING_BREAK), (PLAIN_BREAK, NAME_BREAK))


def _ends(token: str) -> float:
    """The cost of a break after a token that ends a sentence or a clause
    (:data:`_SENTENCE_END`, :data:`_CLAUSE_END`), -1 for any other."""
    if token.isascii():
        stem = token.rstrip(_ASCII_CLOSERS)
        if len(token) - len(stem) > 3 or not stem:
            return -1.0
        last = stem[-1]
        return SENTENCE_BREAK if last in ".?!" else CLAUSE_BREAK if last in ",;:" else -1.0
    if _SENTENCE_END.search(token):
        return SENTENCE_BREAK
    if _CLAUSE_END.search(token):
        return CLAUSE_BREAK
    return -1.0


def _info(token: str) -> _Info:
    """What ``token`` says about the breaks next to it (see above)."""
    folded = token.casefold()
    bare = _bare(token)
    upper = token[:1].isupper()
    if folded in TITLES:
        after = TITLE_BREAK  # "Dr. | Amara": the dot ends no sentence
    else:
        after = _ends(token)
        if after < 0.0:
            after = -2 if bare in CLINGING or folded in CLINGING else -1 if upper else -3
    if token in ("—", "–"):
        before = DASH_BREAK
    elif bare in CONJUNCTIONS:
        before = CONJUNCTION_BREAK
    else:
        before = -1 if upper else -2
    colon, odd = ":" in token, not token[:1].isalnum()
    return (after, before, colon, odd, colon or odd, token[:1] == "-" and token[1:2] != "-")


def _penalties_of(tokens: Sequence[str], infos: Sequence[_Info], names: Names) -> list[float]:
    """``penalty[j]``, the cost of a line break before ``tokens[j]``, from
    the tokens' :func:`_info` by its definition (:func:`_penalties` reads
    it from the tokens' classes)."""
    undecided = _UNDECIDED
    pen = [0.0]
    pen += [
        a if a >= 0 else b if b >= 0 else undecided[a][b]  # type: ignore[index]
        for a, b in zip(map(_AFTER, infos), map(_BEFORE, islice(infos, 1, None)))
    ]
    pen.append(0.0)
    # Never before a dash that would open a line as a second speaker's
    # ("- you know" read back as a dual-speaker line).
    for j in compress(range(1, len(tokens)), map(_DASH, islice(infos, 1, None))):
        pen[j] = NEVER
    _names_unbroken(pen, tokens, names)
    return pen


def _names_unbroken(pen: list[float], tokens: Sequence[str], names: Names) -> None:
    """Set the cost of a break inside a person's name to :data:`NEVER`
    (the name is matched with its last word's punctuation or possessive
    stripped)."""
    if not names:
        return
    n = len(tokens)
    after = 0
    for i in compress(range(n), map(names.__contains__, tokens)):
        if i < after:
            continue
        for words in names[tokens[i]]:
            k = len(words)
            if i + k <= n and tuple(tokens[i : i + k - 1]) == words[:-1]:
                last = tokens[i + k - 1]
                if last == words[-1] or _bare(last) == _bare(words[-1]):
                    for j in range(i + 1, i + k):
                        pen[j] = NEVER
                    after = i + k
                    break


# The same, as two small classes per token, so that a paragraph's
# penalties are read by lookups alone, without a loop in Python: the class
# of the break after a token (an index into _AFTERS, kept as its row of
# _ROWS) and the class of the break before it (an index into _BEFORES, the
# last "never": a token opening with a single dash; plus _ODD when a cue
# starting at it must be asked about, _COLON when it holds a colon and so
# are the cues starting up to seven tokens before it).  A break's cost is
# the before class's entry in the row of the token before it.
_AFTERS = (SENTENCE_BREAK, CLAUSE_BREAK, TITLE_BREAK, -1, -2, -3)
_BEFORES = (DASH_BREAK, CONJUNCTION_BREAK, -1, -2, NEVER)
_ODD, _COLON = 5, 10
# The marks a word may end with and still be read directly.
_MARKS = frozenset(".,?!;:")


def _cost(after: float, before: float) -> float:
    """The cost of a break between a token that says ``after`` and one
    that says ``before`` (as :func:`_penalties_of` reads them)."""
    if before == NEVER:
        return NEVER
    return after if after >= 0 else before if before >= 0 else _UNDECIDED[int(after)][int(before)]


_ROWS = [[_cost(a, _BEFORES[b % 5]) for b in range(15)] for a in _AFTERS]
_AFTER_ROW: dict[str, list[float]] = {}
_BEFORE_CLASS: dict[str, int] = {}
_CLASSES_MAX = 100_000


def clear_caches() -> None:
    """Forget what was learnt about tokens (for benchmarks: every round
    pays for it)."""
    _AFTER_ROW.clear()
    _BEFORE_CLASS.clear()
    _bare.cache_clear()


def _learn(token: str) -> int:
    """Record the classes of ``token`` and return its before class.

    A word of ASCII letters, perhaps followed by one full stop, comma,
    question or exclamation mark, semicolon or colon, is read directly
    (:func:`_info` says the same of it, without the patterns and the
    case-folding); anything else through :func:`_info`."""
    word = token[:-1] if token[-1] in _MARKS else token
    if word.isalpha() and word.isascii():
        low = word.lower()
        upper = word[0] < "a"
        if word is token:
            after = 2 if low in TITLES else 4 if low in CLINGING else 3 if upper else 5
            before = 1 if low in CONJUNCTIONS else 2 if upper else 3
        else:
            mark = token[-1]
            after = 2 if low + mark in TITLES else 0 if mark in ".?!" else 1
            before = (1 if low in CONJUNCTIONS else 2 if upper else 3) + (_COLON if mark == ":" else 0)
    else:
        a, b, colon, odd, _, dash = _info(token)
        after = _AFTERS.index(a)
        before = 4 if dash else _BEFORES.index(b)
        before += _COLON if colon else _ODD if odd else 0
    _AFTER_ROW[token] = _ROWS[after]
    _BEFORE_CLASS[token] = before
    return before


def learn(vocabulary: set[str]) -> None:
    """Learn the classes of the tokens not yet seen: a writer hands over
    every token of a transcript at once, so that no paragraph stops to."""
    new = vocabulary.difference(_BEFORE_CLASS)
    if len(_BEFORE_CLASS) + len(new) > _CLASSES_MAX:
        _AFTER_ROW.clear()
        _BEFORE_CLASS.clear()
        new = vocabulary
    for token in new:
        _learn(token)


def _before_classes(tokens: Sequence[str]) -> list[int]:
    """The before classes of the tokens, learning those not yet seen."""
    try:
        return list(map(_BEFORE_CLASS.__getitem__, tokens))
    except KeyError:
        pass
    if len(_BEFORE_CLASS) >= _CLASSES_MAX:
        _AFTER_ROW.clear()
        _BEFORE_CLASS.clear()
    before = list(map(_BEFORE_CLASS.get, tokens))
    for i in compress(range(len(tokens)), map(is_, before, repeat(None))):
        before[i] = _learn(tokens[i])
    return before  # type: ignore[return-value]


def _penalties(tokens: Sequence[str], before: list[int], names: Names) -> list[float]:
    """``penalty[j]`` is the cost of a line break before ``tokens[j]``
    (:func:`_penalties_of`), from the tokens' before classes."""
    pen = [0.0, *map(getitem, map(_AFTER_ROW.__getitem__, tokens), islice(before, 1, None)), 0.0]
    _names_unbroken(pen, tokens, names)
    return pen


@functools.lru_cache(maxsize=64)
def _rooms(width: int) -> tuple[list[float], list[float], list[float], list[float]]:
    """The squared room left on a line of each length, and its cost on a
    line that a cue goes on after, that closes a cue, that ends a shared
    cue's paragraph."""
    scale = 32.0 / width
    room = [((width - k) * scale) ** 2 for k in range(width + 1)]
    return room, [FILL * sq for sq in room], [SHORT_LAST * sq for sq in room], [BALANCE * sq for sq in room]


#: A cue as laid out: whether it carries the label, and the (start, end)
#: token spans of its lines (an empty first span: the label alone).
CueLines = tuple[bool, list[tuple[int, int]]]


def break_paragraph(
    tokens: Sequence[str],
    prof: Profile,
    label_len: int,
    first_labelled: bool,
    ambiguous: Optional[Callable[[str], bool]],
    bad_start: Optional[Callable[[str], bool]],
    names: Names,
) -> list[CueLines]:
    """The cues of one paragraph and their lines.

    ``label_len`` characters of label open the paragraph's first cue when
    ``first_labelled``, and any cue whose text ``ambiguous`` says would be
    misread; ``bad_start`` says no line but a cue's first may start at a
    token; ``names`` are the speakers' names that no line break splits."""
    return layout_paragraph(tokens, prof, label_len, first_labelled, ambiguous, bad_start, names)[0]


def layout_paragraph(
    tokens: Sequence[str],
    prof: Profile,
    label_len: int,
    first_labelled: bool,
    ambiguous: Optional[Callable[[str], bool]],
    bad_start: Optional[Callable[[str], bool]],
    names: Names,
) -> tuple[list[CueLines], list[int]]:
    """:func:`break_paragraph`, and where each token starts in the tokens
    joined by single spaces (one more: the length of them all, and one)."""
    n = len(tokens)
    width = prof.max_chars
    labels = label_len > 0
    ask_label = ambiguous is not None and labels
    pos = list(accumulate(map(add, map(len, tokens), repeat(1)), initial=0))  # tokens[i:j] is pos[j] - pos[i] - 1 long
    if pos[n] - 1 + label_len <= width:
        # One line, with the label or without: nothing costs less than one
        # cue.  Whether it carries the label is asked as below (token 0 is
        # asked when it or one of the seven after it holds a colon, or when
        # it opens with neither letter nor digit).
        if not labels or first_labelled:
            return [(labels, [(0, n)])], pos
        head = tokens[:8]
        if ask_label and (not head[0][:1].isalnum() or any(":" in t for t in head)):
            assert ambiguous is not None
            return [(ambiguous(" ".join(head)), [(0, n)])], pos
        return [(False, [(0, n)])], pos
    before = _before_classes(tokens)
    # Whether a cue starting at token i would be misread (and so must carry
    # the label), and whether any other line may start there.  Only tokens
    # near a colon or opening with punctuation are asked.
    asked: set[int] = set()
    if (ask_label or bad_start is not None) and max(before) >= _ODD:
        for i in compress(range(n), map(ge, before, repeat(_ODD))):
            if before[i] >= _COLON:
                asked.update(range(max(0, i - 7), i + 1))
            else:
                asked.add(i)
    amb = {i: ambiguous(" ".join(tokens[i : i + 8])) for i in asked} if ambiguous is not None and ask_label else {}
    first = labels and (first_labelled or amb.get(0, False))
    if pos[n] - 1 + (label_len if first else 0) <= width:
        # One line: nothing costs less than one cue.
        return [(first, [(0, n)])], pos
    pen = _penalties(tokens, before, names)
    bad: Optional[list[bool]] = None
    if bad_start is not None:
        marked = [i for i in asked if bad_start(" ".join(tokens[i : i + 2]))]
        if marked:
            bad = [False] * n
            for i in marked:
                bad[i] = True
    labelled = [False] * (n + 1)
    labelled[0] = first
    for i, yes in amb.items():
        if yes:
            labelled[i] = True
    if prof.max_lines == 2 and FILL == SHORT_LAST:
        return _two_lines(n, pos, pen, labelled, bad, prof, label_len), pos
    return _any_lines(n, pos, pen, labelled, bad, prof, label_len), pos


def _mid(p: float) -> float:
    return 0.0 if p == 0.0 else MID_SENTENCE


def _two_lines(
    n: int,
    pos: list[int],
    pen: list[float],
    labelled: list[bool],
    bad: Optional[list[bool]],
    prof: Profile,
    label_len: int,
) -> list[CueLines]:
    """:func:`break_paragraph` for cues of up to two lines whose lines cost
    their room alike whether the cue goes on or closes: one cue when that
    provably wins (:func:`_one_cue`), else the programme
    (:func:`_two_lines_programme`)."""
    width = prof.max_chars
    if pos[n] - 1 + (label_len if labelled[0] else 0) <= 2 * width + 1:
        got = _one_cue(n, pos, pen, labelled, bad, width, label_len)
        if got is not None:
            return got
    return _two_lines_programme(n, pos, pen, labelled, bad, prof, label_len)


def _one_cue(
    n: int,
    pos: list[int],
    pen: list[float],
    labelled: list[bool],
    bad: Optional[list[bool]],
    width: int,
    label_len: int,
) -> Optional[list[CueLines]]:
    """The paragraph as one cue of two lines that both fit, when that costs
    less than any other layout can; None otherwise.

    The lines' cost is the programme's, added in its order: the cue, then
    the first line's break and room, then the last line's room; the first
    of equal costs is kept.  Every other layout pays at least one of: two
    cue costs and, where a cue closes inside the paragraph, that break and
    the cost of ending inside a sentence unless the break is free; a cue
    and the label alone on its line; a line that does not fit, or a second
    line where none may start.  Rounding never takes a sum of costs that
    are not negative below such exactly held terms, so a single cue
    cheaper than all three is the programme's layout."""
    _, room_line, _, room_last = _rooms(width)
    at = pos[n] - 1
    lead = label_len if labelled[0] else 0
    best, best_at = _INF, 0
    for j in range(1, n):
        first = pos[j] - 1 + lead
        if first > width:
            break
        second = at - pos[j]
        if second > width or (bad is not None and bad[j]):
            continue
        cost = CUE_COST + pen[j] + room_line[first] + room_last[second]
        if cost < best:
            best, best_at = cost, j
    if best == _INF:
        return None
    low = min(islice(pen, 1, n))
    bound = min(2 * CUE_COST + (0.0 if low == 0.0 else low + MID_SENTENCE), NEVER)
    if labelled[0]:
        bound = min(bound, CUE_COST + LABEL_ALONE)
    if best < bound:
        return [(labelled[0], [(0, best_at), (best_at, n)])]
    return None


def _two_lines_programme(
    n: int,
    pos: list[int],
    pen: list[float],
    labelled: list[bool],
    bad: Optional[list[bool]],
    prof: Profile,
    label_len: int,
) -> list[CueLines]:
    """The programme of :func:`_two_lines`.

    Each state keeps its cost and the start of the line that reaches it
    most cheaply, the first in token order among equals.  Of the lines that
    can end before a token, the longest is tried, then only those whose
    start costs less than every longer one's: ``next0[k]`` is the first
    start after k whose cost (as a cue's first line) is lower, ``next1[k]``
    the same for any line, each set by a stack of the starts that have
    none yet, their costs rising."""
    width = prof.max_chars
    room, room_line, _, room_last = _rooms(width)
    inf = _INF
    cue = CUE_COST
    never = NEVER
    size = n + 1
    # best0[j]: cost of tokens[:j] with a cue starting at j; best1[j]: with
    # the cue's second line starting at j (kept only where the lines of a
    # labelled cue are pushed, which read it: elsewhere open1 has it), and
    # from1[j] where its first line starts (-1: the label alone).
    # open0[j] is the cost of a cue starting at j, inf when it starts with
    # the label (its lines are longer and are pushed on their own: start0
    # holds its cost); open1[j] the cost of a second line starting at j,
    # least[j] the lesser of the two.
    best0 = [inf] * size
    best1 = [inf] * size
    from0 = [size] * size
    from1 = [size] * size
    open0 = [inf] * size
    open1 = [inf] * size
    least = [inf] * size
    start0 = [inf] * size
    next0 = [size] * size
    next1 = [size] * size
    final, final_from = inf, (0, size)
    # The last token the lines of a labelled cue may reach: later states'
    # costs are set by the pull alone.  A line holds at most (width + 1) / 2
    # tokens, or one long word.
    pushed = -1
    reach = (width + 1) // 2 + 1
    # The state at token 0.
    best0[0] = 0.0
    first = start0[0] = 0.0 + cue
    if labelled[0]:
        final, final_from = _push_two(0, first, pos, pen, best0, best1, from0, from1, final, final_from, prof, label_len, room)
        pushed = reach
        first = inf
    else:
        open0[0] = first
    second = best1[0]
    if bad is not None and bad[0]:
        second += never
    open1[0] = second
    least[0] = second if second < first else first
    lo = 0
    # The starts that have no next0 (next1) yet, their costs rising: the
    # last is always the previous token, whose costs are prev0 and prev1.
    s0 = [0]
    s1 = [0]
    prev0 = open0[0]
    prev1 = least[0]
    mid = MID_SENTENCE
    for j in range(1, n):
        # The lines ending before token j.
        p = pen[j]
        at = pos[j] - 1
        floor = at - width
        while pos[lo] < floor:
            lo += 1
        if lo < j:
            r = room_line[at - pos[lo]]
            keep = open0[lo] + p + r
            keep_at = lo
            k = next0[lo]
            while k < j:
                cost = open0[k] + p + room_line[at - pos[k]]
                if cost < keep:
                    keep = cost
                    keep_at = k
                k = next0[k]
            close = least[lo] + p + r
            close_at = lo
            k = next1[lo]
            while k < j:
                cost = least[k] + p + room_line[at - pos[k]]
                if cost < close:
                    close = cost
                    close_at = k
                k = next1[k]
        else:
            # A word longer than a line: alone on its line.
            k = j - 1
            over = (at - pos[k] - width) * never
            keep = open0[k] + over + p
            close = least[k] + over + p
            keep_at = close_at = k
        if p != 0.0:
            close += mid
        if j > pushed:
            from1[j] = keep_at
            best0[j] = close
            from0[j] = close_at
        else:
            if keep < best1[j] or (keep == best1[j] and keep_at < from1[j]):
                best1[j], from1[j] = keep, keep_at
            else:
                keep = best1[j]
            if close < best0[j] or (close == best0[j] and close_at < from0[j]):
                best0[j], from0[j] = close, close_at
            else:
                close = best0[j]
        # The states at token j.
        first = start0[j] = close + cue
        if labelled[j]:
            if j > pushed:
                best1[j] = keep
            if first < inf:
                final, final_from = _push_two(j, first, pos, pen, best0, best1, from0, from1, final, final_from, prof, label_len, room)
                pushed = j + reach
            first = inf
            keep = best1[j]  # perhaps the label alone
        else:
            open0[j] = first
        if bad is not None and bad[j]:
            keep += never
        open1[j] = keep
        low = keep if keep < first else first
        least[j] = low
        if prev0 > first:
            next0[s0.pop()] = j
            while s0 and open0[s0[-1]] > first:
                next0[s0.pop()] = j
        s0.append(j)
        prev0 = first
        if prev1 > low:
            next1[s1.pop()] = j
            while s1 and least[s1[-1]] > low:
                next1[s1.pop()] = j
        s1.append(j)
        prev1 = low
    # The paragraph's last line, ending at token n.
    i = n - 1
    at = pos[n] - 1
    if at - pos[i] > width:
        over = (at - pos[i] - width) * NEVER
        for c, cost in ((0, open0[i] + over), (1, open1[i] + over)):
            if cost < final or (cost == final and i < final_from[1]):
                final, final_from = cost, (c, i)
    else:
        cost, c_at = _INF, (0, n + 1)
        for i in range(min(bisect_left(pos, at - width), n - 1), n):
            if open0[i] < cost:
                cost, c_at = open0[i], (0, i)
            last = open1[i] + room_last[at - pos[i]]
            if last < cost:
                cost, c_at = last, (1, i)
        if cost < final or (cost == final and c_at[1] < final_from[1]):
            final, final_from = cost, c_at

    # Back from the paragraph's end.
    exact = width == 32  # every cost a multiple of 1/4: sums are exact
    c, i = final_from
    spans = [(i, n, c)]  # start, end, line in cue (-1: the label alone)
    while c or i:
        end = i
        if c:
            k = from1[i]
            if k >= 0:
                c, i = 0, k
                spans.append((i, end, 0))
                continue
            spans.append((i, i, -1))
            if not i:
                break
        # The line that closes the cue before token i: the first, by its
        # start and then its line in the cue, whose cost is the state's.
        # That is where the least cost before the cost of ending inside a
        # sentence was found, unless adding it rounds unequal costs to
        # equal ones (never when there is none, nor when costs are exact).
        target = best0[i]
        mid = _mid(pen[i])
        k = from0[i]
        if mid == 0.0 or (exact and target < _EXACT):
            length = pos[i] - pos[k] - 1 + (label_len if labelled[k] else 0)
            if length <= width:
                cost = start0[k] + pen[i] + SHORT_LAST * room[length] + mid
            else:
                cost = start0[k] + (length - width) * NEVER + pen[i] + SHORT_LAST * 0.0 + mid
            c, i = (0 if cost == target else 1), k
            spans.append((i, end, c))
            continue
        c = -1
        for k in range(min(bisect_left(pos, pos[i] - 1 - width), i - 1), i):
            for c, cost in ((0, start0[k]), (1, open1[k])):
                length = pos[i] - pos[k] - 1 + (label_len if c == 0 and labelled[k] else 0)
                if length <= width:
                    cost = cost + pen[i] + SHORT_LAST * room[length] + mid
                elif k + 1 == i:
                    cost = cost + (length - width) * NEVER + pen[i] + SHORT_LAST * 0.0 + mid
                else:
                    continue
                if cost == target:
                    break
            else:
                continue
            break
        else:  # pragma: no cover
            raise AssertionError("no line closes the cue")
        c, i = c, k
        spans.append((i, end, c))
    return _cues_of(spans, labelled)


def _push_two(
    i: int,
    cost_at: float,
    pos: list[int],
    pen: list[float],
    best0: list[float],
    best1: list[float],
    from0: list[int],
    from1: list[int],
    final: float,
    final_from: tuple[int, int],
    prof: Profile,
    label_len: int,
    room: list[float],
) -> tuple[float, tuple[int, int]]:
    """The lines of a cue that opens at token ``i`` with the label, for
    :func:`_two_lines`: set where they cost less; the final cost."""
    n = len(pos) - 1
    width = prof.max_chars
    alone = _alone(cost_at, prof, label_len)
    if alone < best1[i]:
        best1[i], from1[i] = alone, -1
    length = label_len - 1
    for j in range(i + 1, n + 1):
        length += pos[j] - pos[j - 1]
        if length > width:
            if j > i + 1:
                break
            cost, sq = cost_at + (length - width) * NEVER, 0.0
        else:
            cost, sq = cost_at, room[length]
        if j == n:
            if cost < final:
                final, final_from = cost, (0, i)
            break
        cost += pen[j]
        keep = cost + FILL * sq
        if keep < best1[j]:
            best1[j], from1[j] = keep, i
        close = cost + SHORT_LAST * sq + (0.0 if pen[j] == 0.0 else MID_SENTENCE)
        if close < best0[j]:
            best0[j], from0[j] = close, i
    return final, final_from


def _cues_of(spans: list[tuple[int, int, int]], labelled: list[bool]) -> list[CueLines]:
    """Lines (start, end, line in cue; -1: the label alone), last first, as
    cues."""
    spans.reverse()
    out: list[CueLines] = []
    for i, j, c in spans:
        if c <= 0:
            out.append((c < 0 or labelled[i], [(i, j)]))
        else:
            out[-1][1].append((i, j))
    return out


def _any_lines(
    n: int,
    pos: list[int],
    pen: list[float],
    labelled: list[bool],
    bad: Optional[list[bool]],
    prof: Profile,
    label_len: int,
) -> list[CueLines]:
    """:func:`break_paragraph` for any number of lines in a cue: each
    state's cost is the least over the lines that can end there, and the
    lines of the best layout are found afterwards, walking back."""
    width = prof.max_chars
    max_lines = prof.max_lines
    room, room_keep, room_close, room_last = _rooms(width)
    mid = [_mid(p) for p in pen]
    lens = [pos[k + 1] - pos[k] - 1 for k in range(n)]
    # best[c][i]: cost of tokens[:i] when the next line is line c of its
    # cue; start[c][i]: that, and the cost of starting the line there.
    # open_[i] is start[0][i] for the lines pulled in one pass (inf for a
    # labelled start, whose lines are pushed on their own: they are longer
    # by the label), least[i] the least start cost at i over every c.
    best = [[_INF] * (n + 1) for _ in range(max_lines)]
    start = [[_INF] * (n + 1) for _ in range(max_lines)]
    open_ = [_INF] * (n + 1)
    least = [_INF] * (n + 1)
    best[0][0] = 0.0
    final = _INF
    best0 = best[0]
    best1 = best[1] if max_lines > 1 else best0
    start0 = start[0]
    lo = 0
    for j in range(n + 1):
        if j:
            # The lines ending before token j.
            p, last = pen[j], lens[j - 1]
            if last > width:
                # A word longer than a line: alone on its line.
                i, over = j - 1, (last - width) * NEVER
                if j == n:
                    for c in range(max_lines):
                        cost = (open_[i] if c == 0 else start[c][i]) + over
                        if cost < final:
                            final = cost
                    break
                for c in range(max_lines - 1):
                    keep = open_[i] + over + p if c == 0 else start[c][i] + over + p
                    if keep < best[c + 1][j]:
                        best[c + 1][j] = keep
                close = least[i] + over + p + mid[j]
                if close < best0[j]:
                    best0[j] = close
            else:
                at = pos[j] - 1
                floor = at - width
                while pos[lo] < floor:
                    lo += 1
                if j == n:
                    for i in range(lo, j):
                        cost = open_[i]
                        if cost < final:
                            final = cost
                    for c in range(1, max_lines):
                        row = start[c]
                        for i in range(lo, j):
                            cost = row[i] + room_last[at - pos[i]]
                            if cost < final:
                                final = cost
                    break
                if max_lines == 2:
                    keep = close = _INF
                    for i in range(lo, j):
                        k = at - pos[i]
                        cost = open_[i] + p + room_keep[k]
                        if cost < keep:
                            keep = cost
                        cost = least[i] + p + room_close[k]
                        if cost < close:
                            close = cost
                    if keep < best1[j]:
                        best1[j] = keep
                else:
                    for c in range(max_lines - 1):
                        row = open_ if c == 0 else start[c]
                        keep = _INF
                        for i in range(lo, j):
                            cost = row[i] + p + room_keep[at - pos[i]]
                            if cost < keep:
                                keep = cost
                        if keep < best[c + 1][j]:
                            best[c + 1][j] = keep
                    close = _INF
                    for i in range(lo, j):
                        cost = least[i] + p + room_close[at - pos[i]]
                        if cost < close:
                            close = cost
                close += mid[j]
                if close < best0[j]:
                    best0[j] = close
        # The states at token j.
        base = best0[j]
        if base < _INF:
            cost = base + CUE_COST
            start0[j] = cost
            if labelled[j]:
                final = _push_labelled(j, cost, lens, pen, best, final, prof, label_len, room)
            else:
                open_[j] = cost
        low = open_[j]
        for c in range(1, max_lines):
            cost = best[c][j]
            if cost < _INF:
                if bad is not None and bad[j]:
                    cost += NEVER
                start[c][j] = cost
                if cost < low:
                    low = cost
        least[j] = low
    return _walk_back(n, final, best, start, labelled, pos, pen, mid, prof, label_len, room)


def _push_labelled(
    i: int,
    cost_at: float,
    lens: list[int],
    pen: list[float],
    best: list[list[float]],
    final: float,
    prof: Profile,
    label_len: int,
    room: list[float],
) -> float:
    """The lines of a cue that opens at token ``i`` with the label: its
    costs set where they are lower, and the paragraph's final cost."""
    n = len(lens)
    width = prof.max_chars
    if prof.max_lines > 1:
        # The label alone on the cue's first line, the words below it: for a
        # first word too long to share a line.
        alone = _alone(cost_at, prof, label_len)
        if alone < best[1][i]:
            best[1][i] = alone
    length = label_len - 1
    for j in range(i + 1, n + 1):
        length += lens[j - 1] + 1
        if length > width:
            if j > i + 1:
                break
            cost, sq = cost_at + (length - width) * NEVER, 0.0
        else:
            cost, sq = cost_at, room[length]
        if j == n:
            if cost < final:
                final = cost
            break
        cost += pen[j]
        if prof.max_lines > 1:
            keep = cost + FILL * sq
            if keep < best[1][j]:
                best[1][j] = keep
        close = cost + SHORT_LAST * sq + (0.0 if pen[j] == 0.0 else MID_SENTENCE)
        if close < best[0][j]:
            best[0][j] = close
    return final


def _alone(cost_at: float, prof: Profile, label_len: int) -> float:
    width = prof.max_chars
    slack = max(0, width - label_len + 1) * (32.0 / width)
    return cost_at + LABEL_ALONE + FILL * slack * slack + max(0, label_len - 1 - width) * NEVER


def _walk_back(
    n: int,
    final: float,
    best: list[list[float]],
    start: list[list[float]],
    labelled: list[bool],
    pos: list[int],
    pen: list[float],
    mid: list[float],
    prof: Profile,
    label_len: int,
    room: list[float],
) -> list[CueLines]:
    """The best layout's cues, from the costs: at each state, the first
    line (by its start, then its line within the cue) whose cost gives the
    state's cost."""
    width = prof.max_chars
    max_lines = prof.max_lines

    def line(c: int, i: int, j: int) -> Optional[tuple[float, float]]:
        """Cost before the break, and squared room, of tokens[i:j] as line
        c of its cue (None: the line does not fit)."""
        length = pos[j] - pos[i] - 1 + (label_len if c == 0 and labelled[i] else 0)
        if length > width:
            if j > i + 1:
                return None
            return start[c][i] + (length - width) * NEVER, 0.0
        return start[c][i], room[length]

    def first(j: int) -> int:
        return min(bisect_left(pos, pos[j] - 1 - width), j - 1)

    def keep_from(c: int, i: int) -> Optional[int]:
        """Where line c - 1 of the cue starts whose cost puts line c at
        token i; None: nowhere (the label alone leads there)."""
        target = best[c][i]
        for k in range(first(i), i) if i else ():
            got = line(c - 1, k, i)
            if got is not None and got[0] + pen[i] + FILL * got[1] == target:
                return k
        return None

    def close_from(i: int) -> tuple[int, int]:
        """The line, as (line in cue, start), whose cue's closing puts a
        cue's start at token i."""
        target = best[0][i]
        for k in range(first(i), i):
            for b in range(max_lines):
                got = line(b, k, i)
                if got is not None and got[0] + pen[i] + SHORT_LAST * got[1] + mid[i] == target:
                    return b, k
        raise AssertionError("no line closes the cue")  # pragma: no cover

    # The paragraph's last line.
    last: Optional[tuple[int, int]] = None
    for i in range(first(n), n):
        for c in range(max_lines):
            got = line(c, i, n)
            if got is not None and (got[0] + BALANCE * got[1] if c > 0 else got[0]) == final:
                last = (c, i)
                break
        if last is not None:
            break
    assert last is not None
    c, i = last
    spans = [(i, n, c)]  # start, end, line in cue
    while c or i:
        end = i
        if c:
            k = keep_from(c, i)
            if k is not None:
                c, i = c - 1, k
                spans.append((i, end, c))
                continue
            spans.append((i, i, -1))  # the label alone, as line 0
            if not i:
                break
        c, i = close_from(i)
        spans.append((i, end, c))
    spans.reverse()
    out: list[CueLines] = []
    for i, j, c in spans:
        if c <= 0:
            out.append((c < 0 or labelled[i], [(i, j)]))
        else:
            out[-1][1].append((i, j))
    return out
