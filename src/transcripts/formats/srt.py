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
from ._build import DASH, LABEL, ambiguous, from_cues, paused_gc
from ._caption import Cue
from ._cues import layout
from ._profiles import PODCAST, PROFILES, profile
from ._registry import Conversion, Dropped, Format, ReadContext, WriteOptions, register
from ._report import Holds, lost
from ._timecodes import Timing, TimingError, lines, srt_timing
from ._timestamps import cue_stamps, srt_timestamp

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

# The start of a timing line: a timestamp and an arrow.
_TIMING_START = regex.compile(r"^(?P<time>[^\s>]{1,20}?)[ \t\f]{0,8}-{1,2}>")


def _timing_like(text: str) -> bool:
    """Whether a line starting with ``text`` could read as a timing line."""
    if "->" not in text:
        return False
    m = _TIMING_START.match(text)
    return m is not None and srt_timestamp(m["time"]) is not None


def _dash(text: str) -> bool:
    """Whether no line but a cue's first may start with ``text``: a
    dual-speaker line, or what reads as a timing line."""
    return (text[:1] == "-" and DASH.match(text) is not None) or _timing_like(text)


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
    # Markup opens with "<" or "{".
    return [m.group() for u in t.turns for p in u.paragraphs if "<" in p or "{" in p for m in MARKUP.finditer(p)]


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
    laid = layout(_untagged(t) if tags else t, prof, wpm=options.wpm, label=_label, ambiguous=_needs_label, bad_start=_dash)
    blocks = []
    append = blocks.append
    for n, (cue, (start, end)) in enumerate(zip(laid, cue_stamps(laid)), 1):
        rows, label = cue[3], cue[4]
        first = (label + rows[0]).rstrip() if label else rows[0]  # the label opens the first line
        if len(rows) == 1:
            append(f"{n}\n{start} --> {end}\n{first}\n")
        elif len(rows) == 2:
            append(f"{n}\n{start} --> {end}\n{first}\n{rows[1]}\n")
        else:
            append(f"{n}\n{start} --> {end}\n{first}\n" + "\n".join(rows[1:]) + "\n")
    dropped = list(lost(t, Holds(times=True)))
    boundaries = _turn_boundaries_lost(t, [bool(c.label) for c in laid])
    if boundaries is not None:
        dropped.append(boundaries)
    if tags:
        # SubRip has no escape: players (and readers) hide anything shaped
        # like a tag, so it is not written.
        dropped.append(Dropped("tag-like text", len(tags), tuple(tags[:3])))
    return Conversion("\n".join(blocks), "srt", tuple(dropped))


def _is_number(text: str) -> bool:
    """Whether ``text`` is a cue number: 1 to 9 ASCII digits."""
    return text.isdigit() and text.isascii() and len(text) <= 9


def _timing_at(lines: list[str], at: int, stop: int) -> Optional[int]:
    """Where the timing line of the block ``lines[at:stop]`` should be:
    first, or after a cue number or identifier; None when neither line has
    an arrow and the block does not start with a number."""
    if "->" in lines[at]:
        return at
    if stop - at > 1 and (_is_number(lines[at].strip()) or "->" in lines[at + 1]):
        return at + 1
    return None


# A timing line as writers write it: "00:00:01,000 --> 00:00:02,500".
_PLAIN_TIMING = regex.compile(r"^[0-9]{2}:[0-5][0-9]:[0-5][0-9][,.][0-9]{3} --> [0-9]{2}:[0-5][0-9]:[0-5][0-9][,.][0-9]{3}$")
# What separates the digits of such a line.
_NOT_DIGITS = str.maketrans("", "", ":,. ->")


def _plain_timing(line: str) -> Optional[tuple[int, int]]:
    """Start and end (ms) of a timing line as writers write it, when it is
    one and does not end before it starts; None otherwise (read it with
    :func:`srt_timing`)."""
    if len(line) != 29 or _PLAIN_TIMING.match(line) is None:
        return None
    # The eighteen digits as one number: HHMMSSmmm twice.
    a, b = divmod(int(line.translate(_NOT_DIGITS)), 1_000_000_000)
    start = ((a // 10_000_000 * 60 + a // 100_000 % 100) * 60 + a // 1000 % 100) * 1000 + a % 1000
    end = ((b // 10_000_000 * 60 + b // 100_000 % 100) * 60 + b // 1000 % 100) * 1000 + b % 1000
    return (start, end) if end >= start else None


def _clean(line: str) -> str:
    if "<" in line or "{" in line:
        line = MARKUP.sub("", line)
    return " ".join(line.split())


def cues(text: str, ctx: ReadContext) -> tuple[Cue, ...]:
    """The cues of an SRT file (see the module's doc)."""
    with paused_gc():
        return _cues(text, ctx)


def _cues(text: str, ctx: ReadContext) -> tuple[Cue, ...]:
    text = text.lstrip("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    rows = text.split("\n")  # rows[k] is line k + 1
    out: list[Cue] = []
    append = out.append
    count = len(rows)
    k = 0
    while k < count:
        # A run of non-blank lines: rows[k:stop].
        line = rows[k]
        if not line or line.isspace():
            k += 1
            continue
        begin = k
        k += 1
        while k < count and rows[k] and not rows[k].isspace():
            k += 1
        stop = k
        at = _timing_at(rows, begin, stop)
        plain = _plain_timing(rows[at]) if at is not None else None
        if plain is not None and at == begin + 1 and "->" not in "".join(rows[at + 1 : stop]):
            # The usual cue: a number, a timing line as writers write it,
            # the text.
            if stop - at == 2:
                shown = _clean(rows[at + 1])
            else:
                shown = "\n".join([c for c in map(_clean, rows[at + 1 : stop]) if c])
            append(Cue(plain[0] / 1000, plain[1] / 1000, shown, settings={}, identifier=rows[begin].strip(), line=begin + 1, end_line=stop if stop > at + 1 else at + 1))
            continue
        if at is None and out and not _is_number(rows[begin].strip()) and out[-1].end_line == begin - 1:
            # Text after a blank line inside a cue (no number, no timing):
            # the cue's, as players show it; said, never merged silently.
            more = [c for c in map(_clean, rows[begin:stop]) if c]
            last = out[-1]
            out[-1] = attrs.evolve(last, text="\n".join([last.text, *more]) if last.text else "\n".join(more), end_line=stop)
            ctx.ignored(f"text after a blank line kept as the text of the cue above (line {last.line})", begin + 1, 1)
            continue
        if plain is None and (at is None or srt_timing(rows[at]) is None):
            ctx.bad_cue("cue has no timing line: missing '-->'", (at if at is not None else begin) + 1, 1)
            continue
        # Further cues inside the block: a valid timing line, perhaps after
        # a cue number (cues written without a blank line between them).
        starts = [at]
        for j in range(at + 1, stop):
            if "->" in rows[j] and (_plain_timing(rows[j]) is not None or isinstance(srt_timing(rows[j]), Timing)):
                starts.append(j)
        last_start = len(starts) - 1
        for n, j in enumerate(starts):
            end_at = starts[n + 1] if n < last_start else stop
            body_stop = end_at
            if n < last_start and body_stop > j + 1 and _is_number(rows[body_stop - 1].strip()):
                body_stop -= 1  # the next cue's number
            # The identifier: the line before the first timing line, or a
            # cue number before a later one (removed from the text above).
            if n == 0:
                ident = rows[j - 1].strip() if j > begin else None
            else:
                prev = rows[j - 1].strip()
                ident = prev if _is_number(prev) and j - 1 > starts[n - 1] else None
            if n == 0 and plain is not None:
                start, end = plain
                settings: dict[str, str] = {}
            else:
                got = _plain_timing(rows[j])
                if got is not None:
                    (start, end), settings = got, {}
                else:
                    timing = srt_timing(rows[j])
                    if isinstance(timing, TimingError):
                        ctx.bad_cue(timing.message, j + 1, timing.column)
                        continue
                    assert timing is not None
                    start, end = timing.start, timing.end
                    settings = {"coordinates": timing.settings} if timing.settings else {}
            if body_stop - j == 2:
                shown = _clean(rows[j + 1])
            else:
                shown = "\n".join([c for c in map(_clean, rows[j + 1 : body_stop]) if c])
            first = j if ident is not None else j + 1
            last = body_stop if body_stop > j + 1 else j + 1
            append(Cue(start / 1000, end / 1000, shown, settings=settings, identifier=ident, line=first, end_line=last))
    return tuple(out)


def read(text: str, ctx: ReadContext) -> Transcript:
    with paused_gc():
        return from_cues(_cues(text, ctx), Metadata(source=ctx.filename), disambiguates=_needs_label)


def _sniff(text: str) -> bool:
    head = [s.strip() for s in lines(text.lstrip("\ufeff")[:2000])[:6] if s.strip()]
    if not head:
        return False
    if _is_number(head[0]) and len(head) > 1:
        head = head[1:]
    timing = srt_timing(head[0])
    return isinstance(timing, Timing) and "," in head[0]


register(Format("srt", (".srt",), write, read, _sniff, tuple(PROFILES), cues))
