"""Transcriber transcriptions (``.trs``, the ``trans-14.dtd`` format), read.

A ``Trans`` document lists its ``Speakers`` (``id`` and ``name``) and
``Topics`` (``id`` and ``desc``), then an ``Episode`` of ``Section``
elements holding ``Turn`` elements.  Each ``Turn`` is a turn of its
``speaker`` from ``startTime`` to ``endTime`` (seconds); its text is cut
into timed stretches by ``<Sync time="…"/>``, and in a turn of several
speakers (``speaker="spk1 spk2"``, overlapping speech) ``<Who nb="1"/>``
says whose the following text is: each speaker's stretch becomes a turn
of their own, in the order written.  A turn without a ``speaker`` is the
unknown speaker's where it holds text.  A speaker id the ``Speakers``
list lacks is a speaker named by the id; a name the list gives keeps the
id as an alias.  The ``check``, ``type``, ``dialect``, ``accent`` and
``scope`` of a speaker have no place in the model and are left out.

``<Event>`` (noise, lexical, pronunciation, language and named-entity
marks) and ``<Vocal>`` are kept as event blocks (``[rire]``,
``[language: en, begin]``), ``<Background>`` as an event block naming the
background (``[background: music, high]``), ``<Comment>`` as an editor
note (``[Comment: …]``); each block follows the turn it sits in.  A section's ``topic`` is a
topic (``source: heading``) with the section's start and turns.  The
language is ``xml:lang``, the show the episode's ``program``, published
its ``air_date``; ``audio_filename``, ``scribe``, ``version`` and
``version_date`` are kept as a metadata block.  The times inside a turn
(its ``Sync`` points) are not kept on the turn, as a caption file's cue
times are not once consecutive cues make one turn; :func:`cues` gives
each timed stretch with its times.

Malformed XML is an error naming line and column (no DTD or external
entity is read: an entity the DTD might declare is an error); a turn
whose times are no number of seconds or end before they start, a
``Sync`` outside its turn or going back in time, and a ``Who`` naming no
speaker of the turn are malformed (an error naming the element's line and
column; with ``lenient``, the turn or the ``Sync`` is skipped, and the
text after a bad ``Who`` is the unknown speaker's, each reported), as is
a section's start that is no number (its topic then has no start).  An ISO-8859-1 file that says so in its XML
declaration is decoded as such (see :func:`transcripts._source.decode`).
"""

from __future__ import annotations

import bisect
from typing import Optional

import attrs

from ..model import Block, Metadata, Span, Topic, Transcript
from ..names import name_key
from ..times import seconds
from ._build import UNKNOWN, from_cues, paused_gc
from ._caption import Cue, Part
from ._registry import Format, ReadContext, register
from ._xml import Node, parse, root_element

__all__ = ["cues", "read"]

XML = "http://www.w3.org/XML/1998/namespace"


def _nodes(node: Node, local: str) -> list[Node]:
    return [c for c in node.children if isinstance(c, Node) and c.local == local]


def _attr(node: Node, name: str) -> str:
    return " ".join((node.get("", name) or "").split())


@attrs.define(slots=True)
class _Stretch:
    """Text of a turn from one time to the next: (voice, text) parts."""

    start: float
    line: int
    parts: list[list[str]] = attrs.field(factory=list)  # [voice, text]
    end_line: int = 0
    stop: Optional[float] = None

    def said(self) -> bool:
        return any(text.strip() for _, text in self.parts)


def _event(node: Node) -> Optional[str]:
    """An event's text as a block holds it."""
    desc = _attr(node, "desc")
    if node.local == "Vocal":
        return f"[{desc}]" if desc else None
    if node.local == "Background":
        kinds = ", ".join(_attr(node, "type").split()) or "background"
        level = _attr(node, "level")
        if level == "off":
            return f"[background off: {kinds}]"
        return f"[background: {kinds}{', ' + level if level else ''}]"
    if not desc:
        return None
    kind = _attr(node, "type") or "noise"
    extent = _attr(node, "extent") or "instantaneous"
    inner = desc if kind == "noise" else f"{kind}: {desc}"
    return f"[{inner}{'' if extent == 'instantaneous' else ', ' + extent}]"


class _Reader:
    def __init__(self, ctx: ReadContext) -> None:
        self.ctx = ctx
        self.names: dict[str, str] = {}  # speaker id -> name
        self.cues: list[Cue] = []
        self.breaks: list[tuple[bool, bool]] = []
        self.blocks: list[Block] = []
        # (title, section line, section end line, start) of each topic's section
        self.sections: list[tuple[str, int, int, Optional[float]]] = []

    def speakers(self, trans: Node) -> None:
        for group in _nodes(trans, "Speakers"):
            for s in _nodes(group, "Speaker"):
                ident = (s.get("", "id") or "").strip()
                if ident and ident not in self.names:
                    self.names[ident] = _attr(s, "name") or ident

    def voice(self, ident: str) -> str:
        return self.names.get(ident) or ident

    def turn(self, node: Node) -> None:
        ctx = self.ctx
        start, end = seconds(node.get("", "startTime")), seconds(node.get("", "endTime"))
        for key, value in (("startTime", start), ("endTime", end)):
            if value is None:
                raw = node.get("", key)
                ctx.bad_cue(f"<Turn> {key}={raw!r} is no number of seconds" if raw is not None else f"<Turn> has no {key}", node.line, node.column)
                return
        assert start is not None and end is not None
        if end < start:
            ctx.bad_cue(f"<Turn> ends ({end:g} s) before it starts ({start:g} s)", node.line, node.column)
            return
        ids = (node.get("", "speaker") or "").split()
        voices = [self.voice(i) for i in ids]
        voice = voices[0] if voices else UNKNOWN
        stretches = [_Stretch(start, node.line)]
        for child in node.children:
            current = stretches[-1]
            if isinstance(child, str):
                if current.parts and current.parts[-1][0] == voice:
                    current.parts[-1][1] += child
                else:
                    current.parts.append([voice, child])
                continue
            if child.local == "Sync":
                t = seconds(child.get("", "time"))
                if t is None or not current.start <= t <= end:
                    raw = child.get("", "time")
                    why = "is no number of seconds" if t is None else "is outside its turn" if t > end or t < start else "goes back in time"
                    ctx.bad_cue(f"<Sync> time={raw!r} {why}", child.line, child.column)
                    continue
                if current.said():
                    current.end_line = max(current.line, child.line - 1)
                    current.stop = t
                    stretches.append(_Stretch(t, child.line))
                else:
                    current.start = t
            elif child.local == "Who":
                nb = (child.get("", "nb") or "").strip()
                if not nb.isdigit() or not 1 <= int(nb) <= len(voices):
                    ctx.bad_cue(f"<Who> nb={child.get('', 'nb')!r} names none of the turn's {len(voices)} speaker{'s' if len(voices) != 1 else ''}", child.line, child.column)
                    voice = UNKNOWN
                    continue
                voice = voices[int(nb) - 1]
            elif child.local in ("Event", "Vocal", "Background"):
                said = _event(child)
                if said:
                    self.blocks.append(Block("event", said, Span(child.line, child.line)))
            elif child.local == "Comment":
                said = _attr(child, "desc")
                if said:
                    self.blocks.append(Block("note", f"[Comment: {said}]", Span(child.line, child.line)))
            else:
                ctx.ignored(f"<{child.local}> in a turn ignored: not Transcriber's", child.line, child.column)
        stretches[-1].end_line = max(stretches[-1].line, node.end_line)
        first = True
        for s in stretches:
            if not s.said():
                continue
            stop = s.stop if s.stop is not None else end
            parts = [Part(v, " ".join(text.split())) for v, text in s.parts if text.strip()]
            text = " ".join(p.text for p in parts)
            self.cues.append(Cue(s.start, max(s.start, stop), text, parts[0].voice, tuple(parts) if len(parts) > 1 else (), line=s.line, end_line=s.end_line))
            self.breaks.append((first, False))
            first = False

    def section(self, node: Node, topics: dict[str, str]) -> None:
        for child in node.children:
            if isinstance(child, str):
                if child.strip():
                    self.ctx.ignored(f"text outside a turn ignored: {' '.join(child.split())[:40]!r}", node.line, node.column)
            elif child.local == "Turn":
                self.turn(child)
            elif child.local == "Section":
                self.section(child, topics)
            else:
                self.ctx.ignored(f"<{child.local}> in <{node.local}> ignored: only turns hold speech", child.line, child.column)
        ref = (node.get("", "topic") or "").strip()
        if node.local == "Section" and ref:
            start = seconds(node.get("", "startTime"))
            if start is None:
                self.ctx.bad_cue(f"<Section> startTime={node.get('', 'startTime')!r} is no number of seconds", node.line, node.column)
            self.sections.append((topics.get(ref) or ref, node.line, max(node.line, node.end_line), start))


def _scan(text: str, ctx: ReadContext) -> tuple[_Reader, Node]:
    root = parse(text, ctx, "Transcriber file")
    trans = next((c for c in root.children if isinstance(c, Node)), None)
    if trans is None or trans.local != "Trans":
        raise ctx.error("not a Transcriber file: the document element must be <Trans>", trans.line if trans else 1, trans.column if trans else 1)
    reader = _Reader(ctx)
    reader.speakers(trans)
    topics: dict[str, str] = {}
    for group in _nodes(trans, "Topics"):
        for topic in _nodes(group, "Topic"):
            ident = (topic.get("", "id") or "").strip()
            if ident and ident not in topics:
                topics[ident] = _attr(topic, "desc") or ident
    for episode in _nodes(trans, "Episode"):
        reader.section(episode, topics)
    return reader, trans


def cues(text: str, ctx: ReadContext) -> tuple[Cue, ...]:
    """The timed stretches of a Transcriber file's turns as cues, in file
    order (a stretch's parts say who speaks where a turn has several)."""
    with paused_gc():
        return tuple(_scan(text, ctx)[0].cues)


def read(text: str, ctx: ReadContext) -> Transcript:
    with paused_gc():
        return _read(text, ctx)


def _read(text: str, ctx: ReadContext) -> Transcript:
    reader, trans = _scan(text, ctx)
    episode = next(iter(_nodes(trans, "Episode")), None)
    metadata = Metadata(
        show=_attr(episode, "program") or None if episode is not None else None,
        published=_attr(episode, "air_date") or None if episode is not None else None,
        source=ctx.filename,
        language=_attr(trans, f"{XML} lang") or _attr(trans, "lang") or None,
    )
    t = from_cues(reader.cues, metadata, breaks=reader.breaks) if reader.cues else Transcript(metadata=metadata)
    # A block belongs to the last turn that starts on or before its line,
    # a section's topic to the turns that start inside it.
    starts = [u.lines.start if u.lines is not None else 0 for u in t.turns]  # in order: turns follow the file

    def turn_at(line: int) -> Optional[int]:
        k = bisect.bisect_right(starts, line)
        return k - 1 if k else None

    blocks = [attrs.evolve(b, turn=turn_at(b.lines.start)) if b.lines is not None else b for b in reader.blocks]
    held = [f"{key}: {_attr(trans, key)}" for key in ("audio_filename", "scribe", "version", "version_date") if _attr(trans, key)]
    if held:
        blocks.insert(0, Block("metadata", "\n".join(held), Span(trans.line, trans.line)))
    topics = []
    for title, line, end_line, start in reader.sections:
        covered = tuple(range(bisect.bisect_left(starts, line), bisect.bisect_right(starts, end_line)))
        topics.append(Topic(title, "heading", True, covered, start, Span(line, end_line), 1.0))
    speakers = tuple(
        attrs.evolve(s, aliases=s.aliases + tuple(i for i, n in reader.names.items() if name_key(n) == name_key(s.name) and i != s.name and i not in s.aliases))
        for s in t.speakers
    )
    return attrs.evolve(t, speakers=speakers, blocks=tuple(blocks), topics=tuple(topics))


def _sniff(text: str) -> bool:
    return root_element(text) == "Trans"


register(Format("trs", (".trs",), None, read, _sniff, (), cues, summary="Transcriber transcriptions: turns, speakers, sections as topics"))
