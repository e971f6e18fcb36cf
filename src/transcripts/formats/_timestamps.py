"""Caption timestamps, read and written: the one home of each format.

* SubRip's ``HH:MM:SS,mmm`` — written by :func:`format_timestamp`, read by
  :func:`srt_timestamp` as tolerantly as players read it (short hours and
  fractions, ``.`` for ``,``); SRT and SBV timing lines build on it
  (:mod:`._timecodes`).
* WebVTT's ``HH:MM:SS.mmm`` (hours optional) — written by
  :func:`format_timestamp` with ``sep="."`` (TTML's clock times are the
  same), read by :func:`vtt_timestamp`, the specification's "collect a
  WebVTT timestamp".

Every function here counts whole milliseconds.  The clock times of the
transcripts' text ("1:42") live in :mod:`transcripts.times`.
"""

from __future__ import annotations

import functools
from typing import Any, Iterable, Optional, Sequence

import regex

__all__ = ["VTT_TIME", "cue_stamps", "format_timestamp", "srt_timestamp", "vtt_ms", "vtt_timestamp"]


def format_timestamp(ms: int, sep: str = ",") -> str:
    """``HH:MM:SS,mmm`` (SRT) or, with ``sep="."``, WebVTT's form."""
    s, f = divmod(ms, 1000)
    return _clock(s) + sep + _MILLIS[f]


@functools.lru_cache(maxsize=1 << 15)
def _clock(seconds: int) -> str:
    """``HH:MM:SS`` of whole seconds (captions count a few thousand)."""
    m, s = divmod(seconds, 60)
    h, m = divmod(m, 60)
    return f"{h:02d}:{m:02d}:{s:02d}"


_MILLIS = [f"{f:03d}" for f in range(1000)]


def cue_stamps(cues: Iterable[Sequence[Any]], sep: str = ",") -> list[tuple[str, str]]:
    """:func:`format_timestamp` of the start and end (ms, a cue's first two
    fields) of each cue.  Laid-out cues mostly follow one another without a
    gap, so a start equal to the previous cue's end reuses its text."""
    out = []
    append = out.append
    last, last_text = -1, ""
    clock, millis = _clock, _MILLIS
    for cue in cues:
        start, end = cue[0], cue[1]
        if start != last:
            s, f = divmod(start, 1000)
            last_text = clock(s) + sep + millis[f]
        s, f = divmod(end, 1000)
        text = clock(s) + sep + millis[f]
        append((last_text, text))
        last, last_text = end, text
    return out


# A SubRip timestamp as players accept it: hours (1-3 digits, may be
# missing), minutes and seconds of 1-2 digits, a fraction of 1-3 digits
# after "," or "." (may be missing: whole seconds).  "0:01:00,00",
# "00:00:00.000" and "00:00:01" are all read.
_SRT_TIME = regex.compile(
    r"""^(?:(?P<h>[0-9]{1,3}):)?   # hours
        (?P<m>[0-9]{1,2}):         # minutes
        (?P<s>[0-9]{1,2})          # seconds
        (?:[,.](?P<f>[0-9]{1,3}))?$  # fraction
    """,
    regex.VERBOSE,
)


def srt_timestamp(text: str) -> Optional[int]:
    """Milliseconds of a SubRip timestamp (see :data:`_SRT_TIME`); None
    when ``text`` is not one or its minutes or seconds exceed 59."""
    m = _SRT_TIME.match(text)
    if m is None:
        return None
    minutes, seconds = int(m["m"]), int(m["s"])
    if minutes > 59 or seconds > 59:
        return None
    frac = (m["f"] or "0").ljust(3, "0")
    return ((int(m["h"] or 0) * 60 + minutes) * 60 + seconds) * 1000 + int(frac)


#: What "collect a WebVTT timestamp" accepts: digits, ":", two digits,
# perhaps ":" and two more, "." and three; each run of digits whole.
VTT_TIME = r"([0-9]+):([0-9]{2})(?![0-9])(?::([0-9]{2})(?![0-9]))?\.([0-9]{3})(?![0-9])"
_VTT_TIME = regex.compile(VTT_TIME)


def vtt_timestamp(s: str, i: int) -> Optional[tuple[int, int]]:
    """The specification's "collect a WebVTT timestamp" at ``s[i:]``:
    (milliseconds, the index after it), or None when it fails.  The first
    number is hours when it is not two digits or exceeds 59, and then
    seconds must follow the minutes; minutes and seconds are at most 59."""
    m = _VTT_TIME.match(s, i)
    if m is None:
        return None
    ms = vtt_ms(*m.groups())
    return None if ms is None else (ms, m.end())


def vtt_ms(first: str, second: str, third: Optional[str], fraction: str) -> Optional[int]:
    """Milliseconds of the fields of a :data:`VTT_TIME` match; None when
    they break the rules."""
    if third is not None:
        hours, minutes, seconds = int(first), int(second), int(third)
    elif len(first) != 2 or int(first) > 59:
        return None  # hours without seconds
    else:
        hours, minutes, seconds = 0, int(first), int(second)
    if minutes > 59 or seconds > 59:
        return None
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + int(fraction)
