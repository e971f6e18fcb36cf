"""RTTM, the NIST diarisation format: one ``SPEAKER`` line per timed turn,

    SPEAKER <episode> 1 <start> <duration> <NA> <NA> <speaker id> <NA> <NA>

with seconds to the millisecond.  A turn with a start but no end ends where
the next turn starts, or after its words at ``wpm``; a turn without a start
(or of no duration) is left out and reported (``--wpm`` estimates the
missing times first).

Read, each ``SPEAKER`` line is a turn without words (a diariser's output:
who spoke when), in order of start, its speaker named by the line's
speaker field; ``;;`` comments and blank lines are skipped, lines of the
other RTTM types (``SPKR-INFO``, ``LEXEME``, …) are reported as ignored,
and a ``SPEAKER`` line without a start, a duration or a speaker is an
error naming its line and column (with ``lenient``, skipped and
reported)."""

from __future__ import annotations


import attrs

from ..model import Metadata, Span, Speaker, Transcript, Turn
from ..names import unique_slugs
from ..times import seconds
from ._estimate import estimate_times
from ._export import episode_id, lost_in_rows
from ._registry import Conversion, Dropped, Format, ReadContext, WriteOptions, register
from ._report import Holds
from ._timecodes import lines as text_lines

__all__ = ["read", "write"]

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


def _column(line: str, field: int) -> int:
    """The column where a line's ``field``-th whitespace-separated field
    starts (one past the end when it has fewer)."""
    at = 0
    for _ in range(field + 1):
        while at < len(line) and line[at].isspace():
            at += 1
        start = at
        while at < len(line) and not line[at].isspace():
            at += 1
    return start + 1


def read(text: str, ctx: ReadContext) -> Transcript:
    found: list[tuple[float, int, float, str]] = []  # start, line, end, speaker
    for number, line in enumerate(text_lines(text.lstrip("\ufeff")), 1):
        fields = line.split()
        if not fields or fields[0].startswith(";;"):
            continue
        if fields[0] != "SPEAKER":
            ctx.ignored(f"RTTM {fields[0]} line ignored: only SPEAKER lines are turns", number, _column(line, 0))
            continue
        if len(fields) < 8:
            ctx.bad_cue("SPEAKER line has too few fields: expected type, file, channel, start, duration, <NA>, <NA>, speaker", number, _column(line, len(fields)))
            continue
        start, duration = seconds(fields[3]), seconds(fields[4])
        if start is None or duration is None:
            field = 3 if start is None else 4
            ctx.bad_cue(f"{'start' if field == 3 else 'duration'} is not a number of seconds: {fields[field]!r}", number, _column(line, field))
            continue
        found.append((start, number, round(start + duration, 6), fields[7]))
    found.sort()
    names = list(dict.fromkeys(who for *_, who in found))
    ids = dict(zip(names, unique_slugs(names)))
    turns = tuple(Turn(i, ids[who], (), start, end, "given", Span(line, line)) for i, (start, line, end, who) in enumerate(found))
    speakers = tuple(Speaker(ids[name], name) for name in names)
    return Transcript(metadata=Metadata(source=ctx.filename), speakers=speakers, turns=turns)


def _sniff(text: str) -> bool:
    for line in text_lines(text.lstrip("\ufeff")[:400]):
        fields = line.split()
        if fields and not fields[0].startswith(";;"):
            return fields[0] == "SPEAKER" and len(fields) >= 8 and seconds(fields[3]) is not None and seconds(fields[4]) is not None
    return False


register(Format("rttm", (".rttm",), write, read, _sniff))
