"""Speech under times, without labels: a transcript copied from a video
page ("0:00" on its own line, the words below), or a recogniser's plain
export ("00:00:07 Welcome back…" on each line).

No label names a speaker, so every stretch is the unknown speaker's
(:data:`transcripts.model.UNKNOWN_SPEAKER`); each time opens a turn of its
own with that start, so that the times survive (a chapter list, whose
lines are titles rather than speech, stays a list).  :func:`is_timed`
reads the evidence; :func:`assemble_timed` builds the turns.
"""

from __future__ import annotations

from typing import Optional, Sequence

from . import _patterns as P
from .assemble import UNLABELLED, Dialogue
from .items import Item
from .model import UNKNOWN_SPEAKER, Span, Speaker, Turn
from .names import unique_slugs
from .times import parse_time, stamp_time

__all__ = ["assemble_timed", "is_timed", "stamp"]

#: How many times a document needs before its times make it timed speech.
MIN_STAMPS = 3

#: What a line of speech may open with besides a digit: a bracket, a
#: parenthesis, a markdown escape.
_OPENERS = frozenset("[(\\0123456789")

#: The kinds a stretch of speech under a time has (a short line without a
#: closing stop reads as a heading; a line under its time as a chapter).
_SPEECH = frozenset({"prose", "heading", "topic_list"})

#: The sentence ends of speech (a chapter's title has none).
_STOPS = frozenset(".?!…\"”")


def stamp(text: str) -> Optional[tuple[float, str]]:
    """``(seconds, rest)`` for a line of speech that opens with its time,
    bare or bracketed ("00:00:07 Welcome…", "[0:07] Welcome…")."""
    if text[:1] not in _OPENERS:
        return None
    m = P.TIMED_LINE.match(text)
    if m is None:
        return None
    seconds = parse_time(m["time"])
    return (seconds, text[m.end() :]) if seconds is not None else None


def _spoken(texts: Sequence[str], words_each: int) -> bool:
    """Whether lines under times are speech rather than a chapter list's
    titles: ``words_each`` words or more on average, or most of them
    closing a sentence or going on in lower case."""
    if not texts:
        return False
    words = sum(t.count(" ") + 1 for t in texts)
    ends = sum(1 for t in texts if t[-1:] in _STOPS)
    lower = sum(1 for t in texts if t[:1].islower())
    return words >= words_each * len(texts) or 2 * ends > len(texts) or 2 * lower > len(texts)


def is_timed(items: Sequence[Item]) -> Optional[str]:
    """How a document without labels is speech under times, if it is:
    ``"alone"`` when most of at least :data:`MIN_STAMPS` times alone on
    their lines have speech below them, ``"inline"`` when at least as many
    lines open with a time and read as speech
    (:func:`_spoken`: a chapter list's lines are short titles; under a time
    alone on its line a title is rare, and speech needs fewer words)."""
    alone = 0
    below: list[str] = []
    opening: list[str] = []
    for k, it in enumerate(items):
        kind = it.kind
        if kind == "timestamp":
            alone += 1
            nxt = items[k + 1] if k + 1 < len(items) else None
            if nxt is not None and nxt.kind in _SPEECH and nxt.text[:1] != "#" and stamp(nxt.text) is None:
                below.append(nxt.text)
        elif kind in _SPEECH and it.text[:1] in _OPENERS:
            got = stamp(it.text)
            if got is not None and got[1]:
                opening.append(got[1])
    if alone >= MIN_STAMPS and 3 * len(below) >= 2 * alone and _spoken(below, 4):
        return "alone"
    return "inline" if len(opening) >= MIN_STAMPS and _spoken(opening, 7) else None


def assemble_timed(items: Sequence[Item], form: str) -> Dialogue:
    """The turns of timed speech, all the unknown speaker's: each time
    (alone on its line; in the ``"inline"`` form of :func:`is_timed` also
    one opening a line) opens a turn with that start, ending where the
    next starts; prose that follows without a time goes on the turn.  (In
    the ``"alone"`` form a line opening with its time is a chapter's.)
    Items are marked as speech of their turn, blocks with the turn they
    follow."""
    inline = form == "inline"
    speaker = Speaker(unique_slugs([UNKNOWN_SPEAKER])[0], UNKNOWN_SPEAKER)
    who: list[list[str]] = []
    starts: list[Optional[float]] = []
    spans: list[list[int]] = []
    first: Optional[int] = None
    pending: Optional[Item] = None  # a time alone, for the speech below it
    last = -1
    for i, it in enumerate(items):
        kind = it.kind
        if kind == "timestamp":
            if pending is not None:  # a time with no speech below: a block
                pending.turn = len(who) - 1 if who else None
            pending = it
            continue
        got = stamp(it.text) if inline and kind in _SPEECH and it.text[:1] in _OPENERS else None
        if got is not None or (pending is not None and kind in _SPEECH and it.text[:1] != "#" and stamp(it.text) is None):
            top = it.line
            if got is not None:
                start, text = got
            else:
                # The time alone on its line is the turn's, as a label is.
                start, text, top = stamp_time(pending.text), it.text, pending.line
                pending.speech, pending.turn = True, len(who)
                first = pending.index if first is None else first
            if pending is not None and not pending.speech:
                pending.turn = len(who) - 1 if who else None
            pending = None
            who.append([text])
            starts.append(start)
            spans.append([top, it.last])
        elif who and kind == "prose":
            who[-1].append(it.text)
            spans[-1][1] = it.last
        else:
            it.turn = len(who) - 1 if who else None
            continue
        if first is None:
            first = i
        it.speech, it.turn, last = True, len(who) - 1, i
    if pending is not None:
        pending.turn = len(who) - 1 if who else None
    turns = []
    for j, paras in enumerate(who):
        start = starts[j]
        nxt = starts[j + 1] if j + 1 < len(who) else None
        end = nxt if start is not None and nxt is not None and nxt >= start else None
        turns.append(Turn(j, speaker.id, tuple(paras), start, end, "given" if start is not None else None, Span(*spans[j])))
    if not turns:
        return Dialogue(None)
    return Dialogue(UNLABELLED, (speaker,), tuple(turns), first, last + 1)
