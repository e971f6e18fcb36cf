"""Time estimation: the times a transcript lacks, from word counts at a
speaking rate."""

from __future__ import annotations

import math
from typing import Optional, Sequence

import attrs

from ..model import Transcript, Turn
from ._profiles import word_count
from ._registry import DEFAULT_WPM

__all__ = ["estimate_times", "turn_times"]


def _turn_words(u: Turn) -> int:
    return sum(word_count(p) for p in u.paragraphs)


def _check(wpm: float) -> None:
    if wpm <= 0 or not math.isfinite(wpm):
        raise ValueError(f"words per minute must be a positive number, not {wpm}")


def _given(t: Transcript) -> bool:
    """Whether every turn has its times (and so keeps them as they are)."""
    return all(u.start is not None and u.end is not None and u.timing for u in t.turns)


def _estimate(turns: Sequence[Turn], wpm: float, counts: Optional[Sequence[int]]) -> list[tuple[float, float, str]]:
    """(start, end, timing) of each turn, by the rules of
    :func:`estimate_times`; ``counts`` are the turns' word counts, when
    known."""
    out = []
    clock = 0.0
    last = len(turns) - 1
    for i, u in enumerate(turns):
        start = u.start
        end = u.end
        if start is not None:
            timing = u.timing or "given"
            if not (end is not None and end >= start):
                nxt = turns[i + 1].start if i < last else None
                if nxt is not None and nxt > start:
                    end = nxt
                else:
                    words = counts[i] if counts is not None else _turn_words(u)
                    end = start + max(words, 1) * 60.0 / wpm
        else:
            start, timing = clock, "estimated"
            if end is None or not end > start:
                words = counts[i] if counts is not None else _turn_words(u)
                end = start + max(words, 1) * 60.0 / wpm
        if end > clock:
            clock = end
        out.append((start, end, timing))
    return out


def turn_times(t: Transcript, wpm: float = DEFAULT_WPM, counts: Optional[Sequence[int]] = None) -> list[tuple[float, float]]:
    """The (start, end) of each turn of :func:`estimate_times`'s
    transcript, without making it; ``counts`` are the turns' word counts
    when the caller has them."""
    _check(wpm)
    if _given(t):
        return [(u.start, u.end) for u in t.turns]  # type: ignore[misc]
    return [(start, end) for start, end, _ in _estimate(t.turns, wpm, counts)]


def estimate_times(t: Transcript, wpm: float = DEFAULT_WPM) -> Transcript:
    """The transcript with every turn timed.

    Times the transcript has are kept.  A turn without a start begins where
    the previous one ended and lasts its word count at ``wpm`` words per
    minute; it is marked ``timing="estimated"``.  A turn with a start but
    no end ends where the next turn starts (when that is given and later)
    or after its words at ``wpm``; its timing stays "given"."""
    _check(wpm)
    if _given(t):
        return t
    turns = list(t.turns)
    for i, (u, (start, end, timing)) in enumerate(zip(t.turns, _estimate(t.turns, wpm, None))):
        if (start, end, timing) != (u.start, u.end, u.timing):
            turns[i] = attrs.evolve(u, start=start, end=end, timing=timing)
    return attrs.evolve(t, turns=tuple(turns))
