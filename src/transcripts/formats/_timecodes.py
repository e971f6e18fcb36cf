"""Reading the timing lines of caption files (SRT, YouTube SBV), and the
lines of a caption file.

The timestamps in them are read (and written) in :mod:`._timestamps`;
ASS, TTML and MicroDVD write times their own way and read them in their
modules.  Every reader here returns whole milliseconds.
"""

from __future__ import annotations

from typing import Optional, Union

import attrs
import regex

from ._timestamps import srt_timestamp

__all__ = ["Timing", "TimingError", "lines", "srt_timing", "sbv_timing"]

# A SubRip timing line: a start, an arrow ("-->", also "->"; spaces around
# it optional), an end, then anything (coordinates "X1:40 ...", settings).
# Each time is a run of at most 20 characters without space or arrow.
_SRT_TIMING = regex.compile(
    r"""^(?P<start>[^\s>]{1,20}?)[ \t\f]{0,8}-{1,2}>[ \t\f]{0,8}(?P<end>[^\s]{1,20})  # start --> end
        (?:[ \t\f]+(?P<settings>.*))?$                                         # the rest
    """,
    regex.VERBOSE,
)

# A YouTube SBV timing line: "0:00:00.378,0:00:11.378".
# Each time is a run without space or comma, read (and reported when bad)
# as a SubRip timestamp.
_SBV_TIMING = regex.compile(r"^(?P<start>[0-9][^\s,]{0,19}:[^\s,]{1,19}),(?P<end>[0-9][^\s,]{0,19})$")

# Line ends: CR LF, CR or LF.
_EOL = regex.compile(r"\r\n|\r|\n")


def lines(text: str) -> list[str]:
    """The lines of a text whose lines end with CR LF, CR or LF."""
    return _EOL.split(text)


@attrs.frozen(slots=True)
class Timing:
    """A parsed timing line: start and end in ms and what follows them."""

    start: int
    end: int
    settings: str


@attrs.frozen(slots=True)
class TimingError:
    """What is wrong with a timing line, and the 1-based column."""

    message: str
    column: int


def _timing(m: "Optional[regex.Match[str]]", line: str, shape: str) -> "Union[Timing, TimingError, None]":
    indent = len(line) - len(line.lstrip())
    if m is None:
        return TimingError(f"malformed timing line {line.strip()!r} (expected {shape})", indent + 1)
    start, end = srt_timestamp(m["start"]), srt_timestamp(m["end"])
    if start is None:
        return TimingError(f"bad timestamp {m['start']!r}", indent + m.start("start") + 1)
    if end is None:
        return TimingError(f"bad timestamp {m['end']!r}", indent + m.start("end") + 1)
    if end < start:
        return TimingError(f"cue ends at {m['end']!r}, before it starts at {m['start']!r}", indent + m.start("end") + 1)
    return Timing(start, end, (m.groupdict().get("settings") or "").strip())


def srt_timing(line: str) -> "Union[Timing, TimingError, None]":
    """A SubRip timing line read: a :class:`Timing`; a :class:`TimingError`
    when the line has an arrow but is malformed; None when it has none."""
    text = line.strip()
    if "->" not in text:
        return None
    return _timing(_SRT_TIMING.match(text), line, "'start --> end'")


def sbv_timing(line: str) -> "Union[Timing, TimingError, None]":
    """A YouTube SBV timing line ("0:00:01.000,0:00:02.500") read; None for
    a line that is not one.  An end before the start is kept (YouTube's
    own files have them): the cue ends where it starts."""
    text = line.strip()
    m = _SBV_TIMING.match(text)
    if m is None:
        return None
    timing = _timing(m, line, "'start,end'")
    if isinstance(timing, TimingError) and timing.message.startswith("cue ends"):
        start = srt_timestamp(m["start"]) or 0
        return Timing(start, start, "")
    return timing
