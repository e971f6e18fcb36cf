"""TTML / DFXP timed text, Apple's variants included (reader and writer).

Reading: every ``<p>`` of the body is a cue, ``<br/>`` breaks its lines
and whitespace collapses as TTML's default says.  Times are clock times
(``00:00:01.500``, ``00:00:01:12`` in frames at ``ttp:frameRate``) or
offsets (``1.5s``, ``1500ms``, ``2m``, ``30f``, ``90000t`` in ticks at
``ttp:tickRate``, and a bare ``19.764`` as Apple writes it), read as
times on the media's clock: a ``<p>`` without its own times takes its
``<div>``'s, and begin plus ``dur`` gives the end.  ``ttm:agent`` names
the speaker: the ``ttm:name`` of the agent declared in the head, else the
agent's id (Apple Podcasts' ``SPEAKER_1``).  Timed ``<span>`` elements
give the words' times (Apple's word-timed TTML, a span per word or
syllable).  The title is ``ttm:title``, the language ``xml:lang``.  Each
``<div>`` directly in the body starts a turn and a ``<div>`` inside it
ends a paragraph.  Without agents, speaker prefixes name the speakers as
in SRT.  Malformed XML is an error naming line and column; a ``<p>``
whose times are no time, or missing, is an error naming its line (with
``lenient``, a warning and the cue is skipped).

Writing: the TTML Apple Podcasts and broadcast tools take — agents in the
head (``ttm:agent`` with ``ttm:name``), a ``<div ttm:agent>`` per turn, a
``<div>`` per paragraph, a ``<p>`` per cue of the caption profile with
clock times and ``<br/>`` between its lines, and where a turn has its
words' times a ``<span>`` per word.
"""

from __future__ import annotations

from typing import Optional

import attrs
import regex

from ..model import Metadata, Transcript, Word
from ..names import slug
from ._build import from_cues
from ._caption import Cue
from ._cues import layout
from ._profiles import PODCAST, PROFILES, profile
from ._registry import Conversion, Format, ReadContext, WriteOptions, register
from ._report import Holds, lost
from ._timestamps import cue_stamps, format_timestamp
from ._xml import NOT_XML as _NOT_XML
from ._xml import Node as _Node
from ._xml import escape, quoteattr
from ._xml import find as _find
from ._xml import parse as _parse_xml
from ._xml import text_of as _text_of

__all__ = ["cues", "read", "write"]

TT = "http://www.w3.org/ns/ttml"
TTM = "http://www.w3.org/ns/ttml#metadata"
TTP = "http://www.w3.org/ns/ttml#parameter"
TTS = "http://www.w3.org/ns/ttml#styling"
XML = "http://www.w3.org/XML/1998/namespace"

# A clock time: hours, minutes, seconds, then a fraction or frames.
_CLOCK = regex.compile(
    r"^(?:(?P<h>[0-9]{1,4}):)?(?P<m>[0-9]{1,2}):(?P<s>[0-9]{1,2})(?:(?P<f>\.[0-9]{1,9})|:(?P<frames>[0-9]{1,4})(?:\.(?P<sub>[0-9]{1,4}))?)?$"
)
# An offset time: a number and a metric (none: seconds, as Apple writes).
_OFFSET = regex.compile(r"^(?P<n>[0-9]{1,12}(?:\.[0-9]{1,9})?)(?P<unit>h|ms|m|s|f|t)?$")


def _seconds(text: Optional[str], frame_rate: float, tick_rate: float) -> Optional[float]:
    """Seconds of a TTML time expression; None when it is not one."""
    if text is None:
        return None
    text = text.strip()
    m = _CLOCK.match(text)
    if m is not None:
        if int(m["m"]) > 59 or int(m["s"]) > 59:
            return None
        whole = int(m["h"] or 0) * 3600 + int(m["m"]) * 60 + int(m["s"])
        if m["f"]:
            # As one division, so that "01.235" is the float nearest 1.235.
            digits = m["f"][1:]
            return (whole * 10 ** len(digits) + int(digits)) / 10 ** len(digits)
        if m["frames"]:
            return whole + (int(m["frames"]) + (float("0." + m["sub"]) if m["sub"] else 0.0)) / frame_rate
        return float(whole)
    m = _OFFSET.match(text)
    if m is None:
        return None
    n = float(m["n"])
    scale = {"h": 3600.0, "m": 60.0, "s": 1.0, "ms": 0.001, None: 1.0}
    if m["unit"] == "f":
        return n / frame_rate
    if m["unit"] == "t":
        return n / tick_rate
    return n * scale[m["unit"]]


@attrs.define(slots=True)
class _Run:
    """Text of a paragraph with the time of its innermost timed span."""

    text: str
    begin: Optional[float]
    end: Optional[float]


def _runs(node: _Node, rates: tuple[float, float], begin: Optional[float], end: Optional[float], out: list[_Run]) -> None:
    for child in node.children:
        if isinstance(child, str):
            out.append(_Run(child, begin, end))
        elif child.local == "br":
            out.append(_Run("\n", None, None))
        elif child.local == "span":
            b = _seconds(child.get("", "begin"), *rates)
            e = _seconds(child.get("", "end"), *rates)
            if b is not None and e is None:
                dur = _seconds(child.get("", "dur"), *rates)
                e = b + dur if dur is not None else None
            timed = b is not None
            _runs(child, rates, b if timed else begin, e if timed else end, out)
        elif child.local not in ("metadata", "set", "animate"):
            _runs(child, rates, begin, end, out)


def _collapse(runs: list[_Run]) -> tuple[str, list[Optional[tuple[Optional[float], Optional[float]]]]]:
    """The text shown (lines at ``<br/>``, spaces collapsed) and, for each
    of its characters, the time of the span it came from."""
    chars: list[str] = []
    times: list[Optional[tuple[Optional[float], Optional[float]]]] = []
    for run in runs:
        if run.text == "\n":
            while chars and chars[-1] == " ":
                chars.pop()
                times.pop()
            if chars and chars[-1] != "\n":  # an empty line holds nothing
                chars.append("\n")
                times.append(None)
            continue
        for ch in run.text:
            if ch in " \t\r\n":
                if chars and chars[-1] not in (" ", "\n"):
                    chars.append(" ")
                    times.append(None)
            else:
                chars.append(ch)
                times.append((run.begin, run.end) if run.begin is not None else None)
    while chars and chars[-1] in (" ", "\n"):
        chars.pop()
        times.pop()
    return "".join(chars), times


def _words(text: str, times: list[Optional[tuple[Optional[float], Optional[float]]]]) -> tuple[Word, ...]:
    """One word per token where every token has a timed span."""
    out = []
    for m in regex.finditer(r"\S+", text):
        first, last = times[m.start()], times[m.end() - 1]
        if first is None or last is None:
            return ()
        out.append(Word(m.group(), first[0], last[1]))
    return tuple(out)


def _scan(text: str, ctx: ReadContext) -> tuple[list[Cue], list[tuple[int, ...]], Metadata]:
    root = _parse_xml(text, ctx)
    tt = next((c for c in root.children if isinstance(c, _Node)), None)
    if tt is None or tt.local != "tt":
        raise ctx.error("not TTML: the document element must be <tt>", tt.line if tt else 1, tt.column if tt else 1)
    frame_rate = float(tt.get(TTP, "frameRate") or 30) or 30.0
    multiplier = (tt.get(TTP, "frameRateMultiplier") or "1 1").split()
    if len(multiplier) == 2 and all(x.isdigit() and int(x) > 0 for x in multiplier):
        frame_rate *= int(multiplier[0]) / int(multiplier[1])
    tick_rate = float(tt.get(TTP, "tickRate") or 1) or 1.0
    rates = (frame_rate, tick_rate)
    names: dict[str, str] = {}
    title = None
    head = _find(tt, "head")
    if head is not None:
        for node in _walk(head):
            if node.local == "agent" and node.ns == TTM:
                ident = node.get(XML, "id")
                name = _find(node, "name")
                if ident:
                    names[ident] = " ".join(_text_of(name).split()) if name is not None and _text_of(name).strip() else ident
            elif node.local == "title" and node.ns == TTM and title is None:
                title = " ".join(_text_of(node).split()) or None
    language = (tt.get(XML, "lang") or "").strip() or None
    body = _find(tt, "body")
    found: list[Cue] = []
    paths: list[tuple[int, ...]] = []
    if body is not None:
        _cues_of(body, ctx, rates, names, found, paths, [], None, None)
    return found, paths, Metadata(title=title, source=ctx.filename, language=language)


def _walk(node: _Node):  # type: ignore[no-untyped-def]
    for child in node.children:
        if isinstance(child, _Node):
            yield child
            yield from _walk(child)


def _agent(node: _Node, names: dict[str, str]) -> Optional[str]:
    ref = (node.get(TTM, "agent") or "").split()
    return names.get(ref[0], ref[0]) if ref else None


def _cues_of(
    node: _Node,
    ctx: ReadContext,
    rates: tuple[float, float],
    names: dict[str, str],
    found: list[Cue],
    paths: list[tuple[int, ...]],
    divs: list[int],
    begin: Optional[float],
    end: Optional[float],
    agent: Optional[str] = None,
) -> None:
    """The cues under ``node``; ``divs`` is the path of div ordinals that
    leads here, recorded with each cue to find turns and paragraphs."""
    count = 0
    for child in node.children:
        if not isinstance(child, _Node):
            continue
        b = _seconds(child.get("", "begin"), *rates)
        e = _seconds(child.get("", "end"), *rates)
        if b is not None and e is None and child.get("", "dur") is not None:
            d = _seconds(child.get("", "dur"), *rates)
            e = b + d if d is not None else None
        if child.local == "div":
            count += 1
            _cues_of(child, ctx, rates, names, found, paths, [*divs, count], b if b is not None else begin, e if e is not None else end, _agent(child, names) or agent)
        elif child.local == "p":
            b = b if b is not None else begin
            e = e if e is not None else end
            for key in ("begin", "end"):
                raw = child.get("", key)
                if raw is not None and _seconds(raw, *rates) is None:
                    ctx.bad_cue(f"<p> {key}={raw!r} is no time expression", child.line, child.column)
                    break
            else:
                if b is None or e is None:
                    ctx.bad_cue("<p> has no begin and end (nor a timed div around it)", child.line, child.column)
                    continue
                runs: list[_Run] = []
                _runs(child, rates, None, None, runs)
                shown, times = _collapse(runs)
                settings = {k: v for k, v in (("region", child.get("", "region")), ("style", child.get("", "style"))) if v}
                voice = _agent(child, names) or agent
                ident = child.get(XML, "id")
                found.append(Cue(b, max(b, e), shown, voice, settings=settings, identifier=ident, words=_words(shown, times), line=child.line, end_line=child.end_line))
                paths.append(tuple(divs))


def _structure(paths: list[tuple[int, ...]]) -> list[tuple[bool, bool]]:
    """(starts a turn, ends a paragraph) per cue from the div paths: a new
    top-level div starts a turn, the end of an inner div a paragraph."""
    out = []
    for k, path in enumerate(paths):
        starts = k > 0 and path[:1] != paths[k - 1][:1]
        ends = len(path) > 1 and (k + 1 == len(paths) or paths[k + 1] != path)
        out.append((starts, ends))
    return out


def cues(text: str, ctx: ReadContext) -> tuple[Cue, ...]:
    """The paragraphs (``<p>``) of a TTML document as cues."""
    return tuple(_scan(text, ctx)[0])


def read(text: str, ctx: ReadContext) -> Transcript:
    found, paths, metadata = _scan(text, ctx)
    return from_cues(found, metadata, evidence=True, breaks=_structure(paths))


def _sniff(text: str) -> bool:
    head = text.lstrip("\ufeff").lstrip()[:1000]
    if head.startswith("<?xml"):
        head = head[head.find("?>") + 2 :].lstrip()
        while head.startswith("<!--"):
            head = head[head.find("-->") + 3 :].lstrip()
    return head.startswith("<tt") and (TT in text[:2000] or "ttml" in head[:300])


# --------------------------------------------------------------- writing


def _plain(t: Transcript) -> bool:
    """Whether :func:`escape` leaves every paragraph as it is (and so every
    line of a cue: its characters are a paragraph's).  A printable
    character is never one XML cannot hold."""
    return not any(
        "&" in p or "<" in p or ">" in p or not (p.isprintable() or _NOT_XML.search(p) is None) for u in t.turns for p in u.paragraphs
    )


def _clock(ms: int) -> str:
    return format_timestamp(ms, ".")


def _ids(t: Transcript) -> dict[str, str]:
    """An xml:id (an XML name) for each speaker."""
    out = {}
    for s in t.speakers:
        ident = slug(s.id) or "speaker"
        out[s.id] = ident if regex.match(r"^[A-Za-z_]", ident) else "s" + ident
    return out


def write(t: Transcript, options: WriteOptions) -> Conversion:
    prof = profile(options.profile, PODCAST)
    laid = layout(t, prof, wpm=options.wpm)
    ids = _ids(t)
    plain = _plain(t)
    md = t.metadata
    lang = " ".join((md.language or "").split())
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<tt xmlns="{TT}" xmlns:ttm="{TTM}" xmlns:ttp="{TTP}" ttp:timeBase="media" xml:lang={quoteattr(lang)}>',
        "  <head>",
        "    <metadata>",
    ]
    if md.title:
        out.append(f"      <ttm:title>{escape(' '.join(md.title.split()))}</ttm:title>")
    speaking = {c.speaker.id for c in laid}
    for s in t.speakers:
        if s.id in speaking:
            out.append(f'      <ttm:agent xml:id="{ids[s.id]}" type="person"><ttm:name type="full">{escape(s.name)}</ttm:name></ttm:agent>')
    out += ["    </metadata>", "  </head>", "  <body>"]
    words = {i: u.words for i, u in enumerate(t.turns) if u.words and len(u.words) == sum(len(p.split()) for p in u.paragraphs)}
    at: dict[int, int] = {}
    turn: Optional[int] = None
    in_paragraph = False
    for cue, (begin, end) in zip(laid, cue_stamps(laid, ".")):
        agent = ids.get(cue.speaker.id, "speaker")
        if cue.turn != turn:
            if in_paragraph:
                out.append("      </div>")
            if turn is not None:
                out.append("    </div>")
            out.append(f'    <div ttm:agent="{agent}">')
            turn, in_paragraph = cue.turn, False
        if not in_paragraph:
            out.append("      <div>")
            in_paragraph = True
        turn_words = words.get(cue.turn) if words else None
        if turn_words is None:
            # The lines hold their words joined by single spaces.
            body = "<br/>".join(cue.lines) if plain else escape("\n".join(cue.lines)).replace("\n", "<br/>")
        else:
            rows = []
            for line in cue.lines:
                tokens = line.split()
                k = at.get(cue.turn, 0)
                rows.append(" ".join(_span(tok, turn_words[k + j] if k + j < len(turn_words) else None) for j, tok in enumerate(tokens)))
                at[cue.turn] = k + len(tokens)
            body = "<br/>".join(rows)
        out.append(f'        <p begin="{begin}" end="{end}" ttm:agent="{agent}">{body}</p>')
        if cue.ends_paragraph:
            out.append("      </div>")
            in_paragraph = False
    if in_paragraph:
        out.append("      </div>")
    if turn is not None:
        out.append("    </div>")
    out += ["  </body>", "</tt>"]
    holds = Holds(metadata=("title", "language"), paragraphs=True, times=True, words=bool(words))
    return Conversion("\n".join(out) + "\n", "ttml", lost(t, holds))


def _span(token: str, word: Optional[Word]) -> str:
    if word is None or word.start is None or word.end is None:
        return escape(token)
    begin, end = int(round(word.start * 1000)), int(round(max(word.end, word.start) * 1000))
    return f'<span begin="{_clock(begin)}" end="{_clock(end)}">{escape(token)}</span>'


register(Format("ttml", (".ttml", ".dfxp", ".xml"), write, read, _sniff, tuple(PROFILES), cues))
