"""RTTM, the NIST diarisation format: one ``SPEAKER`` line per timed turn,

    SPEAKER <episode> 1 <start> <duration> <NA> <NA> <speaker id> <NA> <NA>

with seconds to the millisecond.  A turn with a start but no end ends where
the next turn starts, or after its words at ``wpm``; a turn without a start
(or of no duration) is left out and reported (``--wpm`` estimates the
missing times first)."""

from __future__ import annotations

import attrs

from ..model import Transcript
from ._estimate import estimate_times
from ._export import episode_id, lost_in_rows
from ._registry import Conversion, Dropped, Format, WriteOptions, register
from ._report import Holds

__all__ = ["write"]

_HOLDS = Holds(paragraphs=False, times=True, empty_turns=True)


def _field(text: str) -> str:
    """A field without whitespace (RTTM fields are separated by spaces)."""
    return "_".join(text.split()) or "NA"


def write(t: Transcript, options: WriteOptions) -> Conversion:
    timed = [u for u in t.turns if u.start is not None]
    ended = estimate_times(attrs.evolve(t, turns=tuple(timed)), options.wpm).turns if timed else ()
    file_id = _field(episode_id(t))
    lines = []
    short = 0
    for u in ended:
        assert u.start is not None and u.end is not None
        duration = u.end - u.start
        if duration <= 0:
            short += 1
            continue
        lines.append(f"SPEAKER {file_id} 1 {u.start:.3f} {duration:.3f} <NA> <NA> {_field(u.speaker)} <NA> <NA>\n")
    dropped = [d for d in lost_in_rows(t, _HOLDS) if d.what not in ("speaker", "speaker name")]
    if t.turns:
        dropped.append(Dropped("turn text", len(t.turns)))
    untimed = len(t.turns) - len(timed)
    if untimed:
        dropped.append(Dropped("turn without a time", untimed))
    if short:
        dropped.append(Dropped("turn without a duration", short))
    return Conversion("".join(lines), "rttm", tuple(dropped))


register(Format("rttm", (".rttm",), write, None))
