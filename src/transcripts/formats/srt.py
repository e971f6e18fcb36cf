"""SRT (SubRip) captions.

Writing: cues follow a readability profile (``podcast``, the default, is
the Podcasting 2.0 rule of two lines of 32 characters; ``netflix``; ``bbc``)
and a turn's first cue opens with "Name: ".  Reading is as tolerant as the
common SubRip readers: cue numbers may be missing, cues may follow one
another without a blank line, the arrow may have no spaces around it (or
be ``->``), hours and fractions may be short or missing, markup tags
(``<i>``, ``<font …>``, ``<s>``, ``< /i >``, unknown ones) and ASS override
blocks (``{\\an8}``) are removed.  A timestamp that is no time, an end
before the start, or a cue without a timing line is an error naming line
and column (with ``lenient``, a warning and the cue is skipped).

Speakers: a prefix on a cue's first line — ``Name:``, ``[Name]:``,
``NAME:``, ``SPEAKER_00:`` — names the speaker of that cue and of the cues
after it, until the next prefix; ``-`` lines are the two speakers of a
dual-speaker cue.  A prefix repeating the current speaker starts a new
turn, as the writer marks one; in a file that prefixes every cue (a speech
recogniser's), consecutive cues of one speaker make one turn.
"""

from __future__ import annotations

from typing import Optional

import attrs
import regex

from ..model import Metadata, Speaker, Transcript
from ._build import DASH, LABEL, ambiguous, from_cues
from ._caption import Cue
from ._cues import layout
from ._profiles import PODCAST, PROFILES, profile
from ._registry import Conversion, Dropped, Format, ReadContext, WriteOptions, register
from ._report import Holds, lost
from ._timecodes import Timing, TimingError, lines, srt_timing
from ._timestamps import format_timestamp, srt_timestamp

__all__ = ["LABEL", "MARKUP", "cues", "read", "untag", "write"]

#: Formatting a player may show and a reader removes: a tag (``<i>``,
#: ``</font>``, ``<font color="red">``, ``< /  i >``, ``<c.yellow>``) or an
#: ASS override block such as ``{\\an8}``.
MARKUP = regex.compile(
    r"""<[ ]{0,5}/?[ ]{0,5}[A-Za-z][A-Za-z0-9.]{0,30}(?:[ ]{1,5}[^<>]{0,200})?[ ]{0,5}>  # a tag
      | \{\\[^{}]{0,200}\}                                                    # {\an8}
    """,
    regex.VERBOSE,
)

# A cue number: digits alone on the line.
_NUMBER = regex.compile(r"^[0-9]{1,9}$")


# The start of a timing line: a timestamp and an arrow.
_TIMING_START = regex.compile(r"^(?P<time>[^\s>]{1,20}?)[ \t\f]{0,8}-{1,2}>")


def _timing_like(text: str) -> bool:
    """Whether a line starting with ``text`` could read as a timing line."""
    m = _TIMING_START.match(text)
    return m is not None and srt_timestamp(m["time"]) is not None


def _dash(text: str) -> bool:
    """Whether no line but a cue's first may start with ``text``: a
    dual-speaker line, or what reads as a timing line."""
    return DASH.match(text) is not None or _timing_like(text)


def _needs_label(text: str) -> bool:
    """Whether a cue starting with ``text`` would be misread — as naming a
    speaker, or as the timing line of another cue — so that the writer
    labels it with its speaker."""
    return ambiguous(text) or _timing_like(text)


def _label(s: Speaker) -> str:
    return f"{s.name}: "


def _turn_boundaries_lost(t: Transcript, labelled: list[bool]) -> Optional[Dropped]:
    """When every cue carries a label, the reader takes the file for one
    prefixed per cue and merges consecutive turns of one speaker: say how
    many boundaries that merges."""
    if len(labelled) < 2 or not all(labelled):
        return None
    spoken = [u.speaker for u in t.turns if any(p.strip() for p in u.paragraphs)]
    merged = sum(1 for a, b in zip(spoken, spoken[1:]) if a == b)
    return Dropped("turn boundary", merged) if merged else None


def _tag_like(t: Transcript) -> list[str]:
    return [m.group() for u in t.turns for p in u.paragraphs for m in MARKUP.finditer(p)]


def untag(text: str) -> str:
    """``text`` without anything shaped like markup (removing a tag can
    join the pieces of another)."""
    while MARKUP.search(text):
        text = MARKUP.sub("", text)
    return text


def _untagged(t: Transcript) -> Transcript:
    turns = tuple(attrs.evolve(u, paragraphs=tuple(untag(p) for p in u.paragraphs)) for u in t.turns)
    return attrs.evolve(t, turns=turns)


def write(t: Transcript, options: WriteOptions) -> Conversion:
    prof = profile(options.profile, PODCAST)
    tags = _tag_like(t)
    _, laid = layout(_untagged(t) if tags else t, prof, wpm=options.wpm, label=_label, ambiguous=_needs_label, bad_start=_dash)
    blocks = []
    for n, cue in enumerate(laid, 1):
        head = f"{n}\n{format_timestamp(cue.start)} --> {format_timestamp(cue.end)}\n"
        blocks.append(head + "\n".join(cue.text_lines) + "\n")
    dropped = list(lost(t, Holds(times=True)))
    boundaries = _turn_boundaries_lost(t, [bool(c.label) for c in laid])
    if boundaries is not None:
        dropped.append(boundaries)
    if tags:
        # SubRip has no escape: players (and readers) hide anything shaped
        # like a tag, so it is not written.
        dropped.append(Dropped("tag-like text", len(tags), tuple(tags[:3])))
    return Conversion("\n".join(blocks), "srt", tuple(dropped))


def _timing_at(block: list[tuple[int, str]]) -> Optional[int]:
    """Where a block's timing line should be: first, or after a cue
    number or identifier; None when neither line has an arrow and the
    block does not start with a number."""
    if "->" in block[0][1]:
        return 0
    if len(block) > 1 and (_NUMBER.match(block[0][1].strip()) or "->" in block[1][1]):
        return 1
    return None


def _clean(line: str) -> str:
    return " ".join(MARKUP.sub("", line).split())


def cues(text: str, ctx: ReadContext) -> tuple[Cue, ...]:
    """The cues of an SRT file (see the module's doc)."""
    numbered = list(enumerate(lines(text.lstrip("\ufeff")), 1))
    # Runs of non-blank lines.
    blocks: list[list[tuple[int, str]]] = []
    block: list[tuple[int, str]] = []
    for number, line in numbered:
        if line.strip():
            block.append((number, line))
        elif block:
            blocks.append(block)
            block = []
    if block:
        blocks.append(block)
    out: list[Cue] = []
    for block in blocks:
        at = _timing_at(block)
        if at is None or srt_timing(block[at][1]) is None:
            where = block[at] if at is not None else block[0]
            ctx.bad_cue("cue has no timing line: missing '-->'", where[0], 1)
            continue
        # Further cues inside the block: a valid timing line, perhaps after
        # a cue number (cues written without a blank line between them).
        starts = [at]
        for k in range(at + 1, len(block)):
            if isinstance(srt_timing(block[k][1]), Timing):
                starts.append(k)
        for i, k in enumerate(starts):
            stop = starts[i + 1] if i + 1 < len(starts) else len(block)
            body = block[k + 1 : stop]
            if i + 1 < len(starts) and body and _NUMBER.match(body[-1][1].strip()):
                body = body[:-1]  # the next cue's number
            # The identifier: the line before the first timing line, or a
            # cue number before a later one (removed from the text above).
            if i == 0:
                ident = block[k - 1][1].strip() if k > 0 else None
            else:
                prev = block[k - 1][1].strip()
                ident = prev if _NUMBER.match(prev) and k - 1 > starts[i - 1] else None
            number, line = block[k]
            timing = srt_timing(line)
            if isinstance(timing, TimingError):
                ctx.bad_cue(timing.message, number, timing.column)
                continue
            assert timing is not None
            shown = [c for c in (_clean(s) for _, s in body) if c]
            settings = {"coordinates": timing.settings} if timing.settings else {}
            first = block[k - 1][0] if ident is not None else number
            last = body[-1][0] if body else number
            out.append(Cue(timing.start / 1000, timing.end / 1000, "\n".join(shown), settings=settings, identifier=ident, line=first, end_line=last))
    return tuple(out)


def read(text: str, ctx: ReadContext) -> Transcript:
    return from_cues(cues(text, ctx), Metadata(source=ctx.filename), disambiguates=_needs_label)


def _sniff(text: str) -> bool:
    head = [s.strip() for s in lines(text.lstrip("\ufeff")[:2000])[:6] if s.strip()]
    if not head:
        return False
    if _NUMBER.match(head[0]) and len(head) > 1:
        head = head[1:]
    timing = srt_timing(head[0])
    return isinstance(timing, Timing) and "," in head[0]


register(Format("srt", (".srt",), write, read, _sniff, tuple(PROFILES), cues))
