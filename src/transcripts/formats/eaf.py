"""ELAN annotation documents (``.eaf``, EAF 2.x and 3.0), read.

An ``ANNOTATION_DOCUMENT`` holds a ``TIME_ORDER`` of time slots (in
milliseconds, or in PAL or NTSC frames where the header's ``TIME_UNITS``
says so) and tiers of annotations between two slots.  The top-level tiers
(a ``TIER`` without ``PARENT_REF``) hold the speech: each
``ALIGNABLE_ANNOTATION`` with a value is a cue whose speaker is the tier's
``PARTICIPANT``, else its ``TIER_ID``; the cues of every tier are taken
in order of start (overlapping speech stays two turns, in start order),
each annotation a turn with its own times, as the annotator segmented the
speech (a caption file's cues, display units, merge instead), but for the
parts of a subdivided stretch, which make one.
The child tiers (``PARENT_REF``: translations, glosses, notes on an
utterance) are no speech: each is reported as ignored, with its line.

A time slot without a ``TIME_VALUE`` (ELAN leaves the slots inside a
subdivided stretch unaligned) is placed between the aligned slots before
and after it in the time order, in proportion to its place among the
unaligned ones, or, where the time order has no aligned slot after it
(or before), between the known times along its tier's chain of
annotations (one ending where the next starts); a turn with such a time
says ``timing: estimated``.  A
slot with no aligned slot on one side takes the annotation's other end
(reported as ignored: the time is not known); an annotation with neither
end known, a reference to a slot that does not exist, a time that is no
number, and an end before the start are malformed (an error naming the
annotation's line and column; with ``lenient``, skipped and reported).

The media (``MEDIA_DESCRIPTOR``'s ``MEDIA_URL`` and ``TIME_ORIGIN``, the
older ``MEDIA_FILE``), the document's ``AUTHOR`` and ``DATE`` (when the
file was written, not when it was recorded) and the header's
``PROPERTY`` values are kept as a metadata block; the language is the one
``LANGUAGE`` the speech tiers name (``LANG_REF``), or the only one the
document declares.  Malformed XML is an error naming its line
and column (no DTD or external entity is read)."""

from __future__ import annotations

from typing import Optional

import attrs
import regex

from ..model import Block, Metadata, Span, Transcript
from ..times import seconds
from ._build import Piece, TurnBuilder, paused_gc
from ._caption import Cue
from ._estimate import estimate_times
from ._registry import Conversion, Format, ReadContext, WriteOptions, register
from ._report import Holds, lost
from ._xml import escape, quoteattr
from ._xml import Node as _Node
from ._xml import parse as _parse_xml
from ._xml import root_element
from ._xml import text_of as _text_of

__all__ = ["cues", "read", "write"]

#: Seconds per unit of ``TIME_UNITS``.
_UNITS = {"milliseconds": 0.001, "PAL-frames": 1 / 25, "NTSC-frames": 1001 / 30000}


def _children(node: _Node, local: str) -> list[_Node]:
    return [c for c in node.children if isinstance(c, _Node) and c.local == local]


def _first(node: _Node, local: str) -> Optional[_Node]:
    return next((c for c in node.children if isinstance(c, _Node) and c.local == local), None)


class _Slots:
    """The time order: each slot's time in seconds (None where it cannot be
    placed) and whether it was placed between aligned neighbours."""

    def __init__(self, order: Optional[_Node], unit: float) -> None:
        self.times: dict[str, Optional[float]] = {}
        self.estimated: set[str] = set()
        self.bad: dict[str, _Node] = {}
        if order is None:
            return
        slots = _children(order, "TIME_SLOT")
        values: list[Optional[float]] = []
        for s in slots:
            raw = s.get("", "TIME_VALUE")
            value = seconds(raw, unit) if raw is not None else None
            if raw is not None and value is None:
                self.bad[s.get("", "TIME_SLOT_ID") or ""] = s
            values.append(value)
        k = 0
        while k < len(slots):
            if values[k] is not None or slots[k].get("", "TIME_SLOT_ID") in self.bad:
                k += 1
                continue
            j = k
            while j < len(slots) and values[j] is None:
                j += 1
            before = values[k - 1] if k > 0 else None
            after = values[j] if j < len(slots) else None
            for m in range(k, j):
                if before is not None and after is not None:
                    values[m] = before + (max(after, before) - before) * (m - k + 1) / (j - k + 1)
                    self.estimated.add(slots[m].get("", "TIME_SLOT_ID") or "")
            k = j
        for s, v in zip(slots, values):
            ident = s.get("", "TIME_SLOT_ID")
            if ident is not None and ident not in self.times:
                self.times[ident] = round(v, 6) if v is not None else None

    def fill(self, chain: list[str]) -> None:
        """Place the slots still without a time along a chain of a tier's
        annotations (each ending at the slot where the next starts), between
        the known times before and after them on the chain."""
        known = [k for k, ref in enumerate(chain) if self.times.get(ref) is not None]
        for a, b in zip(known, known[1:]):
            if b - a < 2:
                continue
            before, after = self.times[chain[a]], self.times[chain[b]]
            assert before is not None and after is not None
            for m in range(a + 1, b):
                ref = chain[m]
                if ref in self.times and self.times[ref] is None:
                    self.times[ref] = round(before + (max(after, before) - before) * (m - a) / (b - a), 6)
                    self.estimated.add(ref)


def _metadata_block(doc: _Node, header: Optional[_Node]) -> Optional[Block]:
    """What the document says of its media and itself, as written."""
    lines: list[str] = []
    last = doc.line
    if header is not None:
        last = max(last, header.end_line)
        media = header.get("", "MEDIA_FILE")
        if media and media.strip():
            lines.append(f"MEDIA_FILE: {media.strip()}")
        for d in _children(header, "MEDIA_DESCRIPTOR"):
            url = (d.get("", "MEDIA_URL") or d.get("", "RELATIVE_MEDIA_URL") or "").strip()
            if url:
                extra = [f"{key}={d.get('', key)}" for key in ("MIME_TYPE", "TIME_ORIGIN") if (d.get("", key) or "").strip()]
                lines.append(f"MEDIA_URL: {url}" + (f" ({', '.join(extra)})" if extra else ""))
        for p in _children(header, "PROPERTY"):
            name, value = (p.get("", "NAME") or "").strip(), " ".join(_text_of(p).split())
            if name and value and not name.startswith("lastUsedAnnotationId"):
                lines.append(f"{name}: {value}")
    for key in ("AUTHOR", "DATE"):
        value = (doc.get("", key) or "").strip()
        if value:
            lines.append(f"{key}: {value}")
    if not lines:
        return None
    return Block("metadata", "\n".join(" ".join(line.split()) for line in lines), Span(doc.line, last))


def _language(doc: _Node, speech: list[_Node]) -> Optional[str]:
    declared = [(c.get("", "LANG_ID") or "").strip() for c in _children(doc, "LANGUAGE")]
    declared = [d for d in declared if d]
    refs = {(t.get("", "LANG_REF") or "").strip() for t in speech} - {""}
    if len(refs) == 1:
        return refs.pop()
    if not refs and len(declared) == 1:
        return declared[0]
    return None


def _scan(text: str, ctx: ReadContext) -> tuple[list[tuple[Cue, bool]], Metadata, Optional[Block]]:
    """The speech cues in order of start, each with whether its time was
    estimated; the metadata and the metadata block."""
    root = _parse_xml(text, ctx, "ELAN document")
    doc = next((c for c in root.children if isinstance(c, _Node)), None)
    if doc is None or doc.local != "ANNOTATION_DOCUMENT":
        raise ctx.error("not an ELAN document: the document element must be <ANNOTATION_DOCUMENT>", doc.line if doc else 1, doc.column if doc else 1)
    header = _first(doc, "HEADER")
    units = (header.get("", "TIME_UNITS") if header is not None else None) or "milliseconds"
    if header is not None and units not in _UNITS:
        raise ctx.error(f"unknown TIME_UNITS {units!r}: ELAN's are milliseconds, PAL-frames and NTSC-frames", header.line, header.column)
    slots = _Slots(_first(doc, "TIME_ORDER"), _UNITS[units])
    speech: list[_Node] = []
    found: list[tuple[float, int, int, Cue, bool]] = []
    for tier_no, tier in enumerate(_children(doc, "TIER")):
        tier_id = (tier.get("", "TIER_ID") or "").strip()
        if tier.get("", "PARENT_REF") is not None:
            annotated = sum(1 for a in _children(tier, "ANNOTATION") for v in a.children if isinstance(v, _Node) and _value(v))
            if annotated:
                what = (tier.get("", "LINGUISTIC_TYPE_REF") or "").strip()
                parent = (tier.get("", "PARENT_REF") or "").strip()
                ctx.ignored(
                    f"child tier {tier_id!r}{f' ({what})' if what else ''} of {parent!r} ignored: only top-level tiers are speech "
                    f"({annotated} annotation{'s' if annotated != 1 else ''})",
                    tier.line,
                    tier.column,
                )
            continue
        speech.append(tier)
        _chains(tier, slots)
        who = " ".join((tier.get("", "PARTICIPANT") or "").split()) or " ".join(tier_id.split()) or f"Tier {tier_no + 1}"
        for a_no, annotation in enumerate(_children(tier, "ANNOTATION")):
            for node in annotation.children:
                if not isinstance(node, _Node):
                    continue
                if node.local == "REF_ANNOTATION":
                    if _value(node):
                        ctx.ignored(f"REF_ANNOTATION in top-level tier {tier_id!r} ignored: it has no times of its own", node.line, node.column)
                    continue
                if node.local != "ALIGNABLE_ANNOTATION":
                    continue
                said = _value(node)
                if not said:
                    continue
                timed = _times(node, slots, ctx)
                if timed is None:
                    continue
                start, end, estimated = timed
                cue = Cue(start, end, said, who, identifier=node.get("", "ANNOTATION_ID"), line=node.line, end_line=max(node.line, node.end_line))
                found.append((start, tier_no, a_no, cue, estimated))
    found.sort(key=lambda f: f[:3])
    metadata = Metadata(source=ctx.filename, language=_language(doc, speech))
    return [(f[3], f[4]) for f in found], metadata, _metadata_block(doc, header)


def _chains(tier: _Node, slots: _Slots) -> None:
    """Give the tier's unplaced slots their times along its chains of
    annotations (a stretch ELAN subdivided: a1 ts1→ts2, a2 ts2→ts3, …)."""
    chain: list[str] = []
    for annotation in _children(tier, "ANNOTATION"):
        node = _first(annotation, "ALIGNABLE_ANNOTATION")
        if node is None:
            continue
        ref1, ref2 = node.get("", "TIME_SLOT_REF1"), node.get("", "TIME_SLOT_REF2")
        if ref1 is None or ref2 is None:
            continue
        if not chain or chain[-1] != ref1:
            if len(chain) > 2:
                slots.fill(chain)
            chain = [ref1]
        chain.append(ref2)
    if len(chain) > 2:
        slots.fill(chain)


def _value(node: _Node) -> str:
    value = _first(node, "ANNOTATION_VALUE")
    return " ".join(_text_of(value).split()) if value is not None else ""


def _times(node: _Node, slots: _Slots, ctx: ReadContext) -> Optional[tuple[float, float, bool]]:
    """An annotation's start and end (seconds) and whether either was
    estimated; None (reported) when they are malformed."""
    ident = node.get("", "ANNOTATION_ID") or "annotation"
    ends: list[Optional[float]] = []
    for key in ("TIME_SLOT_REF1", "TIME_SLOT_REF2"):
        ref = node.get("", key)
        if ref is None:
            ctx.bad_cue(f"{ident} has no {key}", node.line, node.column)
            return None
        if ref in slots.bad:
            bad = slots.bad[ref]
            ctx.bad_cue(f"{ident}: time slot {ref!r} has TIME_VALUE {bad.get('', 'TIME_VALUE')!r}, no time", bad.line, bad.column)
            return None
        if ref not in slots.times:
            ctx.bad_cue(f"{ident}: {key}={ref!r} names no time slot", node.line, node.column)
            return None
        ends.append(slots.times[ref])
    start, end = ends
    estimated = any(node.get("", key) in slots.estimated for key in ("TIME_SLOT_REF1", "TIME_SLOT_REF2"))
    if start is None and end is None:
        ctx.bad_cue(f"{ident} has no time: neither of its slots is aligned, nor placed between aligned ones", node.line, node.column)
        return None
    if start is None or end is None:
        ctx.ignored(f"{ident}: its {'start' if start is None else 'end'} slot has no time and no aligned slot on that side; its other end is taken", node.line, node.column)
        start = end if start is None else start
        end = start if end is None else end
        estimated = True
    assert start is not None and end is not None
    if end < start:
        ctx.bad_cue(f"{ident} ends ({end:g} s) before it starts ({start:g} s)", node.line, node.column)
        return None
    return start, end, estimated


def cues(text: str, ctx: ReadContext) -> tuple[Cue, ...]:
    """The speech annotations of an ELAN document as cues, in order of start."""
    with paused_gc():
        return tuple(c for c, _ in _scan(text, ctx)[0])


def read(text: str, ctx: ReadContext) -> Transcript:
    with paused_gc():
        found, metadata, block = _scan(text, ctx)
        b = TurnBuilder()
        estimated: set[int] = set()  # turns holding an estimated time
        previous: Optional[tuple[Cue, bool]] = None
        for cue, guessed in found:
            # An annotation is a turn, but the parts of a subdivided
            # stretch (a chain whose inner slots ELAN left unaligned) make one.
            part = previous is not None and previous[0].voice == cue.voice and previous[0].end == cue.start and (guessed or previous[1])
            b.add(Piece(cue.voice, cue.text, cue.start, cue.end, cue.line, cue.end_line, new_turn=not part))
            previous = cue, guessed
            at = b.turn_index()
            if guessed and at is not None:
                estimated.add(at)
        t = b.build(metadata)
    if estimated:
        t = attrs.evolve(t, turns=tuple(attrs.evolve(u, timing="estimated") if u.index in estimated else u for u in t.turns))
    return attrs.evolve(t, blocks=(block,)) if block is not None else t


# ------------------------------------------------------------ writing

_HOLDS = Holds(metadata=("language",), times=True)
_DAY = regex.compile(r"^\d{4}-\d{2}-\d{2}$")


def write(t: Transcript, options: WriteOptions) -> Conversion:
    """An EAF 3.0 document: a tier per speaker (its ``PARTICIPANT`` the
    speaker's name), an annotation per turn (its paragraphs as lines, which
    read back as one), milliseconds in the time order, the language as the
    tiers' ``LANG_REF``; untimed turns timed at ``wpm``."""
    timed = estimate_times(t, options.wpm)
    names = {s.id: s.name for s in t.speakers}
    order = list(dict.fromkeys(u.speaker for u in timed.turns))
    tier_ids = dict(zip(order, _tier_ids([names.get(who, who) for who in order])))
    slots: list[int] = []
    mine: dict[str, list[str]] = {who: [] for who in order}
    for n, u in enumerate(timed.turns, 1):
        start = round((u.start or 0.0) * 1000)
        end = max(start, round((u.end or 0.0) * 1000))
        slots += [start, end]
        value = escape("\n".join(u.paragraphs))
        mine[u.speaker].append(
            f'        <ANNOTATION>\n            <ALIGNABLE_ANNOTATION ANNOTATION_ID="a{n}" TIME_SLOT_REF1="ts{2 * n - 1}" TIME_SLOT_REF2="ts{2 * n}">\n'
            f"                <ANNOTATION_VALUE>{value}</ANNOTATION_VALUE>\n            </ALIGNABLE_ANNOTATION>\n        </ANNOTATION>"
        )
    lang = t.metadata.language
    # The schema asks for the document's date: the recording's, where known
    # (the date of writing would make every output differ).
    day = t.metadata.recorded if t.metadata.recorded and _DAY.match(t.metadata.recorded) else "1970-01-01"
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<ANNOTATION_DOCUMENT AUTHOR="" DATE="{day}T00:00:00+00:00" FORMAT="3.0" VERSION="3.0"'
        ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://www.mpi.nl/tools/elan/EAFv3.0.xsd">',
        '    <HEADER MEDIA_FILE="" TIME_UNITS="milliseconds"/>',
        "    <TIME_ORDER>",
        *(f'        <TIME_SLOT TIME_SLOT_ID="ts{k}" TIME_VALUE="{ms}"/>' for k, ms in enumerate(slots, 1)),
        "    </TIME_ORDER>",
    ]
    for who in order:
        language = f" LANG_REF={quoteattr(lang)}" if lang else ""
        head = f'    <TIER LINGUISTIC_TYPE_REF="utterance" PARTICIPANT={quoteattr(names.get(who, who))} TIER_ID={quoteattr(tier_ids[who])}{language}>'
        out += [head, *mine[who], "    </TIER>"]
    out.append('    <LINGUISTIC_TYPE GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="utterance" TIME_ALIGNABLE="true"/>')
    if lang:
        out.append(f"    <LANGUAGE LANG_ID={quoteattr(lang)}/>")
    out.append("</ANNOTATION_DOCUMENT>")
    dropped = list(lost(t, _HOLDS))
    return Conversion("\n".join(out) + "\n", "eaf", tuple(dropped))


def _tier_ids(names: list[str]) -> list[str]:
    """A distinct tier id for each speaker's name (ELAN's ids are names)."""
    seen: dict[str, int] = {}
    out = []
    for name in names:
        base = " ".join(name.split()) or "Speaker"
        seen[base] = seen.get(base, 0) + 1
        out.append(base if seen[base] == 1 else f"{base} ({seen[base]})")
    return out


def _sniff(text: str) -> bool:
    return root_element(text) == "ANNOTATION_DOCUMENT"


register(Format("eaf", (".eaf",), write, read, _sniff, (), cues, summary="ELAN annotation documents: top-level tiers as speakers"))
