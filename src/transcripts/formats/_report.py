"""What a conversion loses: the :class:`~._registry.Dropped` list.

Each writer says which parts of the model its format holds (:class:`Holds`);
:func:`lost` lists everything else the transcript has, so the caller can
warn about it."""

from __future__ import annotations

import attrs

from ..model import Transcript
from ._registry import Dropped

__all__ = ["Holds", "lost"]

#: Metadata fields worth reporting (convention and source describe the
#: reading, not the episode).
_METADATA = ("title", "subtitle", "show", "recorded", "published")

#: How each kind of block is named in a report.
_BLOCK_NAMES = {
    "heading": "heading",
    "prose": "prose paragraph",
    "topic_list": "topic list line",
    "list_item": "list item",
    "note": "editor note",
    "elision": "elision mark",
    "paywall": "paywall notice",
    "event": "event",
    "break": "break",
    "chrome": "page chrome line",
    "date": "dateline",
    "metadata": "metadata line",
    "timestamp": "timestamp line",
}


@attrs.frozen(slots=True)
class Holds:
    """The parts of a transcript a format can hold.  Speaker names and the
    words of every turn are held by every format that writes turns."""

    metadata: tuple[str, ...] = ()
    topics: bool = False
    blocks: bool = False
    paragraphs: bool = False
    times: bool = True
    turns: bool = True
    speaker_details: bool = False
    #: A turn without words (a label alone) is written.
    empty_turns: bool = False
    #: Text formats: a metadata value or topic title counts as held when
    #: it appears in the written text (the page's own lines carry them).
    by_text: bool = False
    #: Consecutive turns of one speaker stay two turns when read back.
    turn_boundaries: bool = True
    #: The words' times of a turn are written.
    words: bool = False
    #: And their confidence.
    word_confidence: bool = False


def lost(t: Transcript, holds: Holds, written: str = "") -> tuple[Dropped, ...]:
    """Everything in ``t`` that a format holding ``holds`` leaves out of
    ``written``."""
    out: list[Dropped] = []
    md = t.metadata
    for field in _METADATA:
        value = getattr(md, field)
        if value and field not in holds.metadata and not (holds.by_text and value in written):
            out.append(Dropped(field, 1, (value,)))
    if md.language and "language" not in holds.metadata:
        out.append(Dropped("language", 1, (md.language,)))
    if md.truncated and "truncated" not in holds.metadata and not holds.by_text:
        out.append(Dropped("truncation mark", 1, ("the text stops where the free part ends",)))
    topics = [p.title for p in t.topics if not holds.topics and not (holds.by_text and p.title in written)]
    if topics:
        out.append(Dropped("topic", len(topics), tuple(topics[:3])))
    if t.blocks and not holds.blocks:
        kinds: dict[str, list[str]] = {}
        for b in t.blocks:
            kinds.setdefault(b.kind, []).append(b.text)
        for kind, texts in kinds.items():
            out.append(Dropped(_BLOCK_NAMES.get(kind, kind), len(texts), tuple(texts[:3])))
    if not holds.turns:
        if t.turns:
            out.append(Dropped("turn", len(t.turns)))
        return tuple(out)
    if not holds.paragraphs:
        breaks = sum(max(0, len([p for p in u.paragraphs if p.strip()]) - 1) for u in t.turns)
        if breaks:
            out.append(Dropped("paragraph break", breaks))
    if not holds.times:
        timed = sum(1 for u in t.turns if u.start is not None or u.end is not None)
        if timed:
            out.append(Dropped("turn time", timed))
    if not holds.turn_boundaries:
        spoken = [u.speaker for u in t.turns if any(p.strip() for p in u.paragraphs)]
        merged = sum(1 for a, b in zip(spoken, spoken[1:]) if a == b)
        if merged:
            out.append(Dropped("turn boundary", merged))
    if not holds.words:
        timed = sum(len(u.words) for u in t.turns)
        if timed:
            out.append(Dropped("word time", timed))
    elif not holds.word_confidence:
        sure = sum(1 for u in t.turns for w in u.words if w.confidence is not None)
        if sure:
            out.append(Dropped("word confidence", sure))
    empty = [u for u in t.turns if not any(p.strip() for p in u.paragraphs)]
    if empty and not holds.empty_turns:
        out.append(Dropped("turn without words", len(empty)))
    if not holds.speaker_details:
        for what, values in (
            ("speaker role", [f"{s.name}: {s.role}" for s in t.speakers if s.role != "unknown"]),
            ("speaker description", [f"{s.name}: {s.description}" for s in t.speakers if s.description]),
            ("speaker alias", [f"{s.name}: {a}" for s in t.speakers for a in s.aliases]),
        ):
            if values:
                out.append(Dropped(what, len(values), tuple(values[:3])))
    speaking = {u.speaker for u in t.turns if holds.empty_turns or any(p.strip() for p in u.paragraphs)}
    silent = [s.name for s in t.speakers if s.id not in speaking]
    if silent:
        out.append(Dropped("speaker without a turn", len(silent), tuple(silent[:3])))
    return tuple(out)
