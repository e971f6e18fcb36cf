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

from typing import Optional

import regex

__all__ = ["format_timestamp", "srt_timestamp", "vtt_timestamp"]


def format_timestamp(ms: int, sep: str = ",") -> str:
    """``HH:MM:SS,mmm`` (SRT) or, with ``sep="."``, WebVTT's form."""
    s, f = divmod(ms, 1000)
    m, s = divmod(s, 60)
    h, m = divmod(m, 60)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{f:03d}"


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


def _digits(s: str, i: int) -> int:
    while i < len(s) and "0" <= s[i] <= "9":
        i += 1
    return i


def vtt_timestamp(s: str, i: int) -> Optional[tuple[int, int]]:
    """The specification's "collect a WebVTT timestamp" at ``s[i:]``:
    (milliseconds, the index after it), or None when it fails."""
    j = _digits(s, i)
    if j == i:
        return None
    v1 = int(s[i:j])
    hours = j - i != 2 or v1 > 59
    if j >= len(s) or s[j] != ":":
        return None
    k = _digits(s, j + 1)
    if k - (j + 1) != 2:
        return None
    v2 = int(s[j + 1 : k])
    if hours or (k < len(s) and s[k] == ":"):
        if k >= len(s) or s[k] != ":":
            return None
        m = _digits(s, k + 1)
        if m - (k + 1) != 2:
            return None
        v3 = int(s[k + 1 : m])
    else:
        v1, v2, v3, m = 0, v1, v2, k
    if m >= len(s) or s[m] != ".":
        return None
    f = _digits(s, m + 1)
    if f - (m + 1) != 3:
        return None
    if v2 > 59 or v3 > 59:
        return None
    return ((v1 * 60 + v2) * 60 + v3) * 1000 + int(s[m + 1 : f]), f
