"""Cues: a transcript's turns laid out as the cues of a caption profile.

Writers of timed formats (SRT, WebVTT, TTML, the Podcasting 2.0 JSON)
call :func:`layout`: every turn is split into cues that obey a profile
(:mod:`._profiles`), with lines broken by :mod:`._linebreak` — after
punctuation and before conjunctions where they can, never inside a
person's name; a cue never holds two speakers, each paragraph starts a
new cue, and cue times never go backwards.  Times a transcript lacks are
estimated first (:mod:`._estimate`); timestamps are written by
:mod:`._timestamps`.

All cue times are whole milliseconds, so that what is written is exactly
what was checked.
"""

from __future__ import annotations

from itertools import chain
from typing import Callable, NamedTuple, Optional

from ..model import UNKNOWN_SPEAKER, Speaker, Transcript
from ._estimate import turn_times
from ._build import paused_gc
from ._linebreak import Names, layout_paragraph, learn, name_tokens
from ._profiles import Profile, word_count
from ._registry import DEFAULT_WPM

__all__ = ["Cue", "layout"]


class Cue(NamedTuple):
    """One cue: times in ms, the speaker, the text ``lines`` (the label,
    when there is one, is in ``label`` and is written before the first
    line), which turn it belongs to, whether it ends a paragraph, and its
    ``text``: the words of its lines joined by single spaces."""

    start: int
    end: int
    speaker: Speaker
    lines: tuple[str, ...]
    label: str
    turn: int
    first_in_turn: bool
    ends_paragraph: bool
    text: str

    @property
    def text_lines(self) -> tuple[str, ...]:
        """The lines as written, the label included."""
        if not self.label:
            return self.lines
        return ((self.label + self.lines[0]).rstrip(),) + self.lines[1:]


_new = tuple.__new__
# A cue of a turn before it is timed: its lines, label, whether it ends its
# paragraph, its words and characters (the label's included) and its text.
_Piece = tuple[tuple[str, ...], str, bool, int, int, str]


def _pieces(
    paragraphs: list[list[str]],
    prof: Profile,
    tag: str,
    tag_words: int,
    ambiguous: Optional[Callable[[str], bool]],
    bad_start: Optional[Callable[[str], bool]],
    names: Names,
    quiet: bool = False,
) -> list[_Piece]:
    """The cues of one turn's paragraphs (their tokens), before they are
    timed; ``quiet``: the turn's first cue has no label unless its text
    needs one."""
    pieces: list[_Piece] = []
    append = pieces.append
    label_len = len(tag)
    for tokens in paragraphs:
        if not tokens:
            continue
        laid, pos = layout_paragraph(tokens, prof, label_len, not pieces and not quiet, ambiguous, bad_start, names)
        # tokens[i:j] joined is text[pos[i]:pos[j] - 1].
        text = " ".join(tokens)
        for labelled, spans in laid:
            if len(spans) == 1:
                (a, d), = spans
                body = text[pos[a] : pos[d] - 1]
                lines: tuple[str, ...] = (body,)
                chars = len(body)
            elif len(spans) == 2:
                (a, b), (c, d) = spans
                body = text[pos[a] : pos[d] - 1]
                one = text[pos[a] : pos[b] - 1] if b > a else ""  # empty: the label alone
                two = text[pos[c] : pos[d] - 1]
                lines = (one, two)
                chars = len(one) + len(two)
            else:
                a, d = spans[0][0], spans[-1][1]
                body = text[pos[a] : pos[d] - 1]
                lines = tuple([text[pos[i] : pos[j] - 1] if j > i else "" for i, j in spans])
                chars = sum(map(len, lines))
            if labelled:
                append((lines, tag, False, d - a + tag_words, chars + label_len, body))
            else:
                append((lines, "", False, d - a, chars, body))
        lines, lab, _, words, chars, body = pieces[-1]
        pieces[-1] = (lines, lab, True, words, chars, body)
    return pieces


def anonymous(t: Transcript) -> bool:
    """Whether no one is named: the only speaker is the unknown speaker
    (captions without speakers, speech under times alone), whom a caption
    writer does not label (a reader gives unnamed speech to that speaker)."""
    return len(t.speakers) == 1 and t.speakers[0].name == UNKNOWN_SPEAKER


def _ms(seconds: Optional[float]) -> int:
    return int(round((seconds or 0.0) * 1000))


def layout(
    t: Transcript,
    prof: Profile,
    *,
    wpm: float = DEFAULT_WPM,
    label: Optional[Callable[[Speaker], str]] = None,
    ambiguous: Optional[Callable[[str], bool]] = None,
    bad_start: Optional[Callable[[str], bool]] = None,
) -> tuple[Cue, ...]:
    """The transcript's turns as cues obeying ``prof``.

    Turns are timed as :func:`._estimate.estimate_times` times them.
    ``label(speaker)`` is the text written before the first line of a
    turn's first cue ("Name: "), counted in the line's width;
    ``ambiguous(text)`` says whether a cue whose text starts with ``text``
    would be misread (as a label, say) and so needs the label too (the
    only label the unknown speaker gets when no one is named, see
    :func:`anonymous`);
    ``bad_start(text)`` says no other line may start with ``text`` (a
    dual-speaker dash).  Every paragraph starts a new cue; each turn's time
    is shared among its cues by their length, then stretched or cut to the
    profile's durations, never starting before the previous cue ends.

    The cyclic garbage collector is paused meanwhile: the cues and their
    lines are many objects, none in a cycle, and each collection they
    would trigger walks everything the caller holds (the transcripts)."""
    with paused_gc():
        return _layout(t, prof, wpm, label, ambiguous, bad_start)


def _layout(
    t: Transcript,
    prof: Profile,
    wpm: float,
    label: Optional[Callable[[Speaker], str]],
    ambiguous: Optional[Callable[[str], bool]],
    bad_start: Optional[Callable[[str], bool]],
) -> tuple[Cue, ...]:
    split = [[p.split() for p in u.paragraphs] for u in t.turns]
    learn(set(chain.from_iterable(chain.from_iterable(split))))
    times = turn_times(t, wpm, [sum(map(len, paragraphs)) for paragraphs in split])
    speakers = {s.id: s for s in t.speakers}
    names = name_tokens(t.speakers)
    # A profile without reading speeds bounds every cue alike.
    fixed = None if prof.max_cps or prof.max_wpm or prof.min_wpm else prof.duration_bounds(0, 0)
    cues: list[Cue] = []
    append = cues.append
    clock = 0
    tags: dict[str, tuple[Speaker, str, int]] = {}
    # Speech no one is named for goes unlabelled, unless its words would
    # read as a label (then the label says whose they are).
    quiet = anonymous(t)
    for ti, (u, paragraphs, (turn_start, turn_end)) in enumerate(zip(t.turns, split, times)):
        known = tags.get(u.speaker)
        if known is None:
            who = speakers.get(u.speaker) or Speaker(u.speaker, u.speaker)
            tag = label(who) if label is not None else ""
            known = tags[u.speaker] = (who, tag, word_count(tag))
        who, tag, tag_words = known
        pieces = _pieces(paragraphs, prof, tag, tag_words, ambiguous, bad_start, names, quiet)
        if not pieces:
            continue
        begin = _ms(turn_start)
        finish = max(_ms(turn_end), begin)
        span = finish - begin
        total = sum([piece[4] for piece in pieces]) + len(pieces)
        acc = 0
        ideal_start = begin
        for k, (lines, lab, ends, words, chars, body) in enumerate(pieces):
            acc += chars + 1
            ideal_end = begin + span * acc // total
            start = ideal_start if ideal_start > clock else clock
            lo, hi = fixed or prof.duration_bounds(chars, words)
            length = ideal_end - ideal_start
            end = start + (hi if length >= hi else lo if length <= lo else length)
            # tuple.__new__ makes the named tuple without its Python-level
            # constructor (one per cue).
            append(_new(Cue, (start, end, who, lines, lab, ti, k == 0, ends, body)))
            clock = end
            ideal_start = ideal_end
    return tuple(cues)
