"""YouTube SBV captions (read only).

A cue is a timing line ``0:00:01.000,0:00:02.500`` followed by its text
lines, cues separated by blank lines.  Times are read as SRT's are; an end
before the start is kept as YouTube's own files have it (the cue ends
where it starts).  A block without a timing line, or a timestamp that is
no time, is an error naming line and column (with ``lenient``, a warning
and the cue is skipped).  Speakers come from prefixes as in SRT.
"""

from __future__ import annotations

from ..model import Transcript
from ._build import reading
from ._caption import Cue
from ._registry import Format, ReadContext, register
from ._timecodes import TimingError, lines, sbv_timing

__all__ = ["cues", "read"]


def cues(text: str, ctx: ReadContext) -> tuple[Cue, ...]:
    """The cues of an SBV file."""
    out: list[Cue] = []
    block: list[tuple[int, str]] = []
    for number, line in [*enumerate(lines(text.lstrip("\ufeff")), 1), (0, "")]:
        if line.strip():
            block.append((number, line))
            continue
        if not block:
            continue
        first, head = block[0]
        timing = sbv_timing(head)
        if timing is None:
            ctx.bad_cue("cue has no timing line: expected 'start,end' such as 0:00:01.000,0:00:02.500", first, 1)
        elif isinstance(timing, TimingError):
            ctx.bad_cue(timing.message, first, timing.column)
        else:
            shown = "\n".join(" ".join(s.split()) for _, s in block[1:])
            out.append(Cue(timing.start / 1000, timing.end / 1000, shown, line=first, end_line=block[-1][0]))
        block = []
    return tuple(out)


def read(text: str, ctx: ReadContext) -> Transcript:
    return reading(cues(text, ctx), ctx)


def _sniff(text: str) -> bool:
    for line in lines(text.lstrip("\ufeff")[:400]):
        if line.strip():
            timing = sbv_timing(line)
            return timing is not None and not isinstance(timing, TimingError)
    return False


register(Format("sbv", (".sbv",), None, read, _sniff, (), cues))
