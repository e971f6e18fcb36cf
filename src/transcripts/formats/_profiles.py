"""Caption profiles: the readability limits each cue must obey.

:data:`PROFILES` holds the profiles a writer can be asked for by name
(``podcast``, ``netflix``, ``bbc``); :data:`WEB` is WebVTT's default here.
"""

from __future__ import annotations

import math
from typing import Optional, Sequence

import attrs

__all__ = ["BBC", "NETFLIX", "PODCAST", "PROFILES", "Profile", "WEB", "profile", "word_count"]


def word_count(text: str) -> int:
    return len(text.split())


@attrs.frozen(slots=True)
class Profile:
    """Readability limits for one cue.

    ``max_chars`` per line and ``max_lines`` per cue; optionally a minimum
    and maximum duration (ms), a maximum reading speed in characters per
    second, and a band of words per minute the cue's duration must fall in.
    Characters are counted on the visible text, the speaker label
    included; line ends are not counted."""

    name: str
    max_chars: int
    max_lines: int
    min_ms: int = 1
    max_ms: Optional[int] = None
    max_cps: Optional[float] = None
    min_wpm: Optional[float] = None
    max_wpm: Optional[float] = None

    def duration_bounds(self, chars: int, words: int) -> tuple[int, int]:
        """The shortest and longest duration (ms) a cue of ``chars``
        characters and ``words`` words may have."""
        lo = max(1, self.min_ms)
        if self.max_cps:
            lo = max(lo, math.ceil(chars * 1000 / self.max_cps))
        if self.max_wpm:
            lo = max(lo, math.ceil(max(words, 1) * 60_000 / self.max_wpm))
        hi = self.max_ms if self.max_ms is not None else 1 << 62
        if self.min_wpm:
            hi = min(hi, math.floor(max(words, 1) * 60_000 / self.min_wpm))
        return lo, max(lo, hi)

    def problems(self, lines: Sequence[str], start_ms: int, end_ms: int) -> list[str]:
        """How a cue breaks these limits (empty when it obeys them)."""
        out = []
        if len(lines) > self.max_lines:
            out.append(f"{len(lines)} lines (at most {self.max_lines})")
        for line in lines:
            if len(line) > self.max_chars:
                out.append(f"line of {len(line)} characters (at most {self.max_chars}): {line!r}")
        duration = end_ms - start_ms
        lo, hi = self.duration_bounds(sum(map(len, lines)), word_count(" ".join(lines)))
        if not lo <= duration <= hi:
            out.append(f"lasts {duration} ms (from {lo} to {hi} ms)")
        return out


#: The Podcasting 2.0 SRT rules: two lines of 32 characters.
PODCAST = Profile("podcast", max_chars=32, max_lines=2)
#: Netflix's timed-text style: two lines of 42, 20 characters per second,
#: each cue from 5/6 s to 7 s.
NETFLIX = Profile("netflix", max_chars=42, max_lines=2, min_ms=834, max_ms=7000, max_cps=20)
#: BBC subtitle guidelines: two lines of 37, 160 to 180 words per minute.
BBC = Profile("bbc", max_chars=37, max_lines=2, min_wpm=160, max_wpm=180)
#: WebVTT's default here: two lines of 65 characters.
WEB = Profile("web", max_chars=65, max_lines=2)

PROFILES: dict[str, Profile] = {p.name: p for p in (PODCAST, NETFLIX, BBC)}


def profile(name: Optional[str], default: Profile) -> Profile:
    """The profile called ``name`` (``default`` for None)."""
    if name is None:
        return default
    try:
        return PROFILES[name]
    except KeyError:
        raise ValueError(f"unknown profile {name!r}; known: {', '.join(PROFILES)}") from None
