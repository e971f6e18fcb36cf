"""Praat TextGrid (``.TextGrid``), the annotation format of phonetics and
of forced aligners (Montreal Forced Aligner, WebMAUS): named tiers of
intervals, each with a start, an end and a text.

Read (the long and the short text format alike; Praat writes either, in
UTF-8 or UTF-16): each non-empty interval of a speech tier is a turn, its
speaker the tier's name, its lines its paragraphs; turns come in order of
start across the tiers.  A tier named for its contents rather than a
person ("transcription", "utterances", "text", …) names no speaker: its
intervals' ``Name:`` prefixes do, as in captions.  An aligner's tiers
follow its own naming: ``words`` / ``NAME - words`` give the words' times
(attached to the speaker's turns when the counts agree; on their own they
make the turns, a new one after a silence of a second or more), and
``phones`` tiers are reported as ignored, as are point tiers (marks
without a duration).  Empty intervals are silences.  The binary and the
chronological variants are errors that say so.

Written: one interval tier per speaker, in order of first turn, covering
the whole recording with empty intervals between turns (as Praat needs);
a turn's paragraphs are the lines of its text and, where turns have words,
a ``NAME - words`` tier follows.  Untimed turns are timed at ``wpm``; a
turn of a speaker that starts inside their previous one starts where that
one ends, and one left without any time of its own is reported dropped.
"""

from __future__ import annotations

import bisect
from typing import Iterator, Optional, Sequence

import attrs
import regex

from ..model import Metadata, Transcript, Word
from ..times import seconds
from ._build import Piece, TurnBuilder, from_cues
from ._caption import Cue
from ._estimate import estimate_times
from ._registry import Conversion, Dropped, Format, ReadContext, WriteOptions, register
from ._report import Holds, lost

__all__ = ["read", "write"]

_HOLDS = Holds(paragraphs=True, times=True, words=True)
_NUMBER = regex.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?")
#: Tiers an aligner names for their units: (speaker, unit).
_UNIT_TIER = regex.compile(r"(?i)^(?:(?P<who>.+?)\s*[-:_/]\s*)?(?P<unit>words?|phones?|phonemes?|segments?|syllables?)$")
#: Tier names that say what a tier holds, not who speaks.
_CONTENT_TIER = regex.compile(
    r"(?i)^(?:transcription|transcript|transcripts|utterances?|text|ortho(?:graphy|graphic)?|sentences?|speech|tx|default|tier\s*\d*)$"
)
#: A silence this long or longer ends a turn made from words alone.
_PAUSE = 1.0


@attrs.frozen(slots=True)
class _Interval:
    start: float
    end: float
    text: str
    line: int


@attrs.frozen(slots=True)
class _Tier:
    kind: str
    name: str
    line: int
    intervals: tuple[_Interval, ...]


class _Tokens:
    """The values of a Praat text file in order: numbers, strings (``""``
    doubles a quote) and ``<flags>``, with everything else (``xmin =``,
    ``item [1]:``, ``!`` comments) skipped, as Praat's own reader does."""

    def __init__(self, text: str, ctx: ReadContext) -> None:
        self.text, self.ctx = text, ctx
        self.at = 0
        self._newlines = [m.start() for m in regex.finditer("\n", text)]

    def where(self, at: Optional[int] = None) -> tuple[int, int]:
        at = self.at if at is None else at
        k = bisect.bisect_left(self._newlines, at)
        return k + 1, at - (self._newlines[k - 1] + 1 if k else 0) + 1

    def _next(self) -> tuple[str, str, int]:
        """(kind, value, offset): kind is "number", "string", "flag" or "end"."""
        text, n = self.text, len(self.text)
        at = self.at
        while at < n:
            c = text[at]
            if c.isspace():
                at += 1
            elif c == '"':
                parts = []
                start = at
                at += 1
                while True:
                    close = text.find('"', at)
                    if close < 0:
                        raise self.ctx.error("string without its closing quote", *self.where(start))
                    parts.append(text[at:close])
                    if text.startswith('"', close + 1):
                        parts.append('"')
                        at = close + 2
                        continue
                    self.at = close + 1
                    return "string", "".join(parts), start
            elif c == "!":
                stop = text.find("\n", at)
                at = n if stop < 0 else stop
            else:
                stop = at
                while stop < n and not text[stop].isspace() and text[stop] != '"':
                    stop += 1
                word = text[at:stop]
                if word[:1] == "<" and word[-1:] == ">":
                    self.at = stop
                    return "flag", word[1:-1], at
                if _NUMBER.fullmatch(word):
                    self.at = stop
                    return "number", word, at
                at = stop
        self.at = n
        return "end", "", n

    def value(self, kind: str, what: str) -> tuple[str, int]:
        got, value, at = self._next()
        if got != kind:
            found = {"end": "the end of the file", "string": "a string", "number": "a number", "flag": "a flag"}[got]
            raise self.ctx.error(f"expected {what}, found {found}", *self.where(at))
        return value, at

    def number(self, what: str) -> tuple[float, int]:
        value, at = self.value("number", what)
        number = seconds(value)
        if number is None:
            raise self.ctx.error(f"{what} is not a time in seconds: {value}", *self.where(at))
        return number, at

    def count(self, what: str) -> int:
        value, at = self.value("number", what)
        if not value.isdigit():
            raise self.ctx.error(f"{what} is not a count: {value}", *self.where(at))
        return int(value)


def _tiers(text: str, ctx: ReadContext) -> list[_Tier]:
    tokens = _Tokens(text.lstrip("\ufeff"), ctx)
    kind, at = tokens.value("string", 'the file type "ooTextFile"')
    if kind != "ooTextFile":
        raise ctx.error(f"not a Praat text file: file type {kind!r}", *tokens.where(at))
    kind, at = tokens.value("string", 'the object class "TextGrid"')
    if kind != "TextGrid":
        raise ctx.error(f"not a TextGrid: object class {kind!r}", *tokens.where(at))
    tokens.number("the start time")
    tokens.number("the end time")
    flag, at = tokens.value("flag", "<exists> or <absent>")
    if flag == "absent":
        return []
    if flag != "exists":
        raise ctx.error(f"expected <exists> or <absent>, found <{flag}>", *tokens.where(at))
    out = []
    for _ in range(tokens.count("the number of tiers")):
        kind, at = tokens.value("string", "a tier's class")
        if kind not in ("IntervalTier", "TextTier"):
            raise ctx.error(f"unknown tier class {kind!r}", *tokens.where(at))
        line = tokens.where(at)[0]
        name, _ = tokens.value("string", "the tier's name")
        tokens.number("the tier's start time")
        tokens.number("the tier's end time")
        intervals = []
        for _ in range(tokens.count("the number of intervals")):
            start, at = tokens.number("a start time")
            if kind == "IntervalTier":
                end, _ = tokens.number("an end time")
                if end < start:
                    ctx.bad_cue(f"interval ends ({end}) before it starts ({start})", *tokens.where(at))
                    tokens.value("string", "the interval's text")
                    continue
            else:
                end = start
            mark, _ = tokens.value("string", "the text")
            intervals.append(_Interval(start, end, mark, tokens.where(at)[0]))
        out.append(_Tier(kind, name, line, tuple(intervals)))
    return out


def _words(intervals: Sequence[_Interval]) -> list[Word]:
    return [Word(" ".join(i.text.split()), i.start, i.end) for i in intervals if i.text.strip()]


def _word_turns(words: Sequence[Word]) -> Iterator[tuple[Word, ...]]:
    """Words in stretches between silences of :data:`_PAUSE` or more."""
    run: list[Word] = []
    for w in words:
        if run and w.start is not None and run[-1].end is not None and w.start - run[-1].end >= _PAUSE:
            yield tuple(run)
            run = []
        run.append(w)
    if run:
        yield tuple(run)


class _WordTier:
    """An aligner's word tier, and how many of its words found their text."""

    def __init__(self, tier: _Tier) -> None:
        self.tier = tier
        self.words = sorted(_words(tier.intervals), key=lambda w: w.start or 0.0)
        self.starts = [w.start or 0.0 for w in self.words]
        self.used = 0

    def within(self, start: float, end: float, tokens: int) -> tuple[Word, ...]:
        """The words in [start, end], when there is one per token of the text."""
        k = bisect.bisect_left(self.starts, start - 1e-6)
        stop = bisect.bisect_left(self.starts, end - 1e-6, k)
        if stop - k != tokens:
            return ()
        self.used += tokens
        return tuple(self.words[k:stop])

    def report(self, ctx: ReadContext) -> None:
        left = len(self.words) - self.used
        if left:
            ctx.ignored(f"word tier {self.tier.name!r}: {left} of its words do not match the text's, their times left out", self.tier.line, 1)


def _cue(i: _Interval, words: Optional[_WordTier]) -> Cue:
    text = i.text.strip()
    found = words.within(i.start, i.end, len(text.split())) if words is not None else ()
    return Cue(i.start, i.end, text, words=found, line=i.line, end_line=i.line)


def read(text: str, ctx: ReadContext) -> Transcript:
    tiers = _tiers(text, ctx)
    words: dict[str, _WordTier] = {}  # by the speaker they name ("" for none)
    speech: list[_Tier] = []
    for tier in tiers:
        unit = _UNIT_TIER.match(tier.name.strip())
        if tier.kind == "TextTier":
            ctx.ignored(f"point tier {tier.name!r} ignored: its marks have no duration", tier.line, 1)
        elif unit is not None and unit["unit"].lower().startswith("word"):
            words[" ".join((unit["who"] or "").split())] = _WordTier(tier)
        elif unit is not None:
            ctx.ignored(f"tier {tier.name!r} ignored: {unit['unit'].lower()} are not speech", tier.line, 1)
        else:
            speech.append(tier)
    metadata = Metadata(source=ctx.filename)
    unnamed = words.pop("", None)
    if len(speech) == 1 and _CONTENT_TIER.match(speech[0].name.strip()):
        # One tier of text named for what it holds: prefixes name the speakers.
        cues = [_cue(i, unnamed) for i in speech[0].intervals if i.text.strip()]
        for tier in [unnamed, *words.values()]:
            if tier is not None:
                tier.report(ctx)
        return from_cues(cues, metadata, evidence=True)
    pieces: list[tuple[float, int, Optional[str], Cue]] = []
    for order, tier in enumerate(speech):
        name = " ".join(tier.name.split()) or f"Tier {order + 1}"
        own = words.pop(name, None) or (unnamed if len(speech) == 1 else None)
        pieces += [(i.start, order, name, _cue(i, own)) for i in tier.intervals if i.text.strip()]
        if own is not None:
            own.report(ctx)
            unnamed = None if own is unnamed else unnamed
    # Word tiers without a tier of text: their words are the speech.
    alone = [(None, unnamed)] if unnamed is not None else []
    for order, (name, tier) in enumerate([*words.items(), *alone], len(speech)):
        for run in _word_turns(tier.words):
            start, end = run[0].start or 0.0, run[-1].end or 0.0
            pieces.append((start, order, name, Cue(start, end, " ".join(w.text for w in run), words=run, line=tier.tier.line)))
    pieces.sort(key=lambda p: (p[0], p[1]))
    b = TurnBuilder()
    for _, _, name, cue in pieces:
        taken = 0
        for k, line in enumerate(x for x in cue.text.splitlines() if x.strip()):
            n = len(line.split())
            own = cue.words[taken : taken + n] if cue.words else ()
            b.add(Piece(name, line, cue.start, cue.end, cue.line, cue.end_line, True, own, k == 0))
            taken += n
    return b.build(metadata)


# ------------------------------------------------------------ writing


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _time(value: float) -> str:
    return f"{value:.6f}".rstrip("0").rstrip(".") or "0"


def _tier(name: str, spans: Sequence[tuple[float, float, str]], total: float) -> tuple[list[str], int]:
    """An interval tier over [0, total]: the spans, gaps filled; and the
    number of spans left out (no time of their own left)."""
    filled: list[tuple[float, float, str]] = []
    clock = 0.0
    left = 0
    for start, end, text in spans:
        start = max(start, clock)
        if end <= start:
            left += 1
            continue
        if start > clock:
            filled.append((clock, start, ""))
        filled.append((start, end, text))
        clock = end
    if clock < total or not filled:
        filled.append((clock, max(total, clock), ""))
    out = [
        '        class = "IntervalTier" ',
        f"        name = {_quoted(name)} ",
        "        xmin = 0 ",
        f"        xmax = {_time(max(total, clock))} ",
        f"        intervals: size = {len(filled)} ",
    ]
    for n, (start, end, text) in enumerate(filled, 1):
        out += [f"        intervals [{n}]:", f"            xmin = {_time(start)} ", f"            xmax = {_time(end)} ", f"            text = {_quoted(text)} "]
    return out, left


def write(t: Transcript, options: WriteOptions) -> Conversion:
    timed = estimate_times(t, options.wpm)
    names = {s.id: s.name for s in t.speakers}
    order: list[str] = list(dict.fromkeys(u.speaker for u in timed.turns))
    total = max((u.end or 0.0 for u in timed.turns), default=0.0)
    tiers: list[tuple[str, list[tuple[float, float, str]], str]] = []
    for who in order:
        mine = [u for u in timed.turns if u.speaker == who]
        name = names.get(who, who)
        tiers.append((name, [(u.start or 0.0, u.end or 0.0, "\n".join(u.paragraphs)) for u in mine], "turn"))
        if any(u.words for u in mine):
            spans = [(w.start, w.end, w.text) for u in mine for w in u.words if w.start is not None and w.end is not None]
            tiers.append((f"{name} - words", spans, "word"))
    out = ['File type = "ooTextFile"', 'Object class = "TextGrid"', "", "xmin = 0 ", f"xmax = {_time(total)} "]
    out += ["tiers? <exists> ", f"size = {len(tiers)} ", "item []: "]
    dropped = list(lost(t, _HOLDS))
    left = {"turn": 0, "word": 0}
    for n, (name, spans, what) in enumerate(tiers, 1):
        out.append(f"    item [{n}]:")
        lines, skipped = _tier(name, spans, total)
        out += lines
        left[what] += skipped
    for what, count in left.items():
        if count:
            dropped.append(Dropped(f"{what} without a time span of its own", count))
    return Conversion("\n".join(out) + "\n", "textgrid", tuple(dropped))


_SNIFF = regex.compile(r'^\s*(?:File\s+type\s*=\s*)?"ooTextFile"\s*(?:Object\s+class\s*=\s*)?"TextGrid"')


def _sniff(text: str) -> bool:
    return _SNIFF.match(text.lstrip("\ufeff")[:200]) is not None


register(Format("textgrid", (".textgrid",), write, read, _sniff))
