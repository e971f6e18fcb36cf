"""Clock times as people write them in transcripts ("1:42", "01:02:03",
"[08:02]"): read to seconds, and written."""

from __future__ import annotations

import math
from typing import Any, Optional

from ._patterns import LEADING_TIME, TIME_ONLY, TIME_SPAN_REST, TIMECODE_SPAN

__all__ = ["FRAME_RATE", "MAX_SECONDS", "format_clock", "leading_time", "parse_time", "seconds", "stamp_time"]

#: The frames a second of an editor's timecode is taken to hold (its rate
#: is not written; 30 or 29.97 is the common one, and at 25 the error is
#: under a fifth of a second).
FRAME_RATE = 30

#: The largest time (and, negated, the earliest) that readers accept, in
#: seconds: about 31 years.  No recording is longer, and a time past it
#: (``1e308``) is an input error rather than a writer's overflow.
MAX_SECONDS = 1e9


def seconds(value: Any, scale: float = 1.0) -> Optional[float]:
    """A time a format writes as a number (or a string of one: AWS's JSON,
    XML attributes), in seconds after ``scale``: finite, not negative and
    at most :data:`MAX_SECONDS`; None otherwise."""
    if isinstance(value, str):
        try:
            value = float(value)
        except ValueError:
            return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        out = float(value) * scale
    except OverflowError:
        return None
    return out if math.isfinite(out) and 0 <= out <= MAX_SECONDS else None


def parse_time(text: str) -> Optional[float]:
    """Seconds in a clock time; ``None`` when ``text`` is not one.

    Two fields are minutes and seconds, three hours too, four days too
    (mission time: "00:00:01:23"); a leading minus counts down
    ("-00:00:00:04", before lift-off)."""
    text = text.strip().strip("[]()\\ ")
    sign = 1.0
    if text[:1] == "-":
        sign, text = -1.0, text[1:]
    if not TIME_ONLY.match(text):
        return None
    fields = text.replace(",", ".").split(":")
    seconds = float(fields[-1])
    scale = (60, 3600, 86400)
    for k, field in enumerate(reversed(fields[:-1])):
        seconds += int(field) * scale[k]
    return sign * seconds


def stamp_time(text: str) -> Optional[float]:
    """The time a timestamp line gives the speech below it: a time alone
    ("[00:01:02]"), the first of a span ("00:01:02 - 00:01:09"), or the
    first of an editor's timecode span ("00:00:05:12 - 00:00:09:20": a span
    of four fields is hours, minutes, seconds and frames, where a time
    alone of four is a mission's days, hours, minutes and seconds)."""
    m = TIMECODE_SPAN.match(text)
    if m is not None:
        return round(int(m["h"]) * 3600 + int(m["m"]) * 60 + int(m["s"]) + int(m["f"]) / FRAME_RATE, 3)
    m = TIME_SPAN_REST.match(text)
    return parse_time(m["a"] if m is not None else text)


def leading_time(text: str) -> Optional[tuple[float, str, str]]:
    """``(seconds, stamp, rest)`` for a paragraph that opens with a
    bracketed time ("\\[08:02\\] So…", "(00:00:27) Today…"), else None."""
    if text[:1] not in ("[", "(", "\\"):
        return None
    m = LEADING_TIME.match(text)
    if m is None:
        return None
    seconds = parse_time(m["a"] or m["b"])
    return (seconds, m["stamp"], text[m.end() :]) if seconds is not None else None


def format_clock(seconds: float) -> str:
    """A time as people write it: ``0:09``, ``1:42``, ``1:02:03`` (whole
    seconds; :func:`parse_time` reads it back)."""
    s = int(seconds)
    m, s = divmod(s, 60)
    h, m = divmod(m, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"
