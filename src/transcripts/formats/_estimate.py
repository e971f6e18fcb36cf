"""Time estimation: the times a transcript lacks, from word counts at a
speaking rate."""

from __future__ import annotations

import math

import attrs

from ..model import Transcript, Turn
from ._profiles import word_count
from ._registry import DEFAULT_WPM

__all__ = ["estimate_times"]


def _turn_words(u: Turn) -> int:
    return sum(word_count(p) for p in u.paragraphs)


def estimate_times(t: Transcript, wpm: float = DEFAULT_WPM) -> Transcript:
    """The transcript with every turn timed.

    Times the transcript has are kept.  A turn without a start begins where
    the previous one ended and lasts its word count at ``wpm`` words per
    minute; it is marked ``timing="estimated"``.  A turn with a start but
    no end ends where the next turn starts (when that is given and later)
    or after its words at ``wpm``; its timing stays "given"."""
    if wpm <= 0 or not math.isfinite(wpm):
        raise ValueError(f"words per minute must be a positive number, not {wpm}")
    if all(u.start is not None and u.end is not None and u.timing for u in t.turns):
        return t
    turns = list(t.turns)
    clock = 0.0
    for i, u in enumerate(turns):
        duration = max(_turn_words(u), 1) * 60.0 / wpm
        if u.start is not None:
            start, timing = u.start, u.timing or "given"
            if u.end is not None and u.end >= start:
                end = u.end
            else:
                nxt = turns[i + 1].start if i + 1 < len(turns) else None
                end = nxt if nxt is not None and nxt > start else start + duration
        else:
            start, timing = clock, "estimated"
            end = u.end if u.end is not None and u.end > start else start + duration
        clock = max(clock, end)
        if (start, end, timing) != (u.start, u.end, u.timing):
            turns[i] = attrs.evolve(u, start=start, end=end, timing=timing)
    return attrs.evolve(t, turns=tuple(turns))
