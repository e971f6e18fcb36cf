"""Speaker-labelled text: read by the parser, written as "Name: paragraph"
with blank lines between paragraphs.

The writer puts back what the page had around the dialogue (the blocks:
title, intro, topic lists, editor notes, paywall) in document order, a
block inside a turn between its paragraphs, so the parser finds the same
speakers, turns, paragraphs and blocks, and the context (title, guests,
topics) it found before; a paragraph that would read as a label is written
behind a backslash (``\\Bridges: we will…``), or, where it opens with a
list's mark or markup, with its first colon escaped (``- **Suggestion\\:**
…``, which markdown shows as it was); the parser takes either backslash
off.  The front matter the parser kept as a metadata block goes first,
where the parser looks for it, and the talk of the one person it names,
opening the dialogue, goes without a label, as the parser reads it.  A
block, a heading too, is written as its text is.  :mod:`.markdown` writes
the same document with bold labels.
"""

from __future__ import annotations

import functools
from typing import Callable, Optional, Union

import attrs

from ..model import Block, Transcript, Turn
from ..paragraphs import first_colon
from ._registry import Conversion, Format, ReadContext, WriteOptions, register
from ._report import Holds, lost

__all__ = ["Style", "read", "render", "write"]


@attrs.frozen(slots=True)
class Style:
    """How a document is spelled: the label before a turn's first
    paragraph, and the title line written for a title that no block
    holds.  A block, a heading too, is written as its text is ("## Part
    One", "Part One"): marking it up would change the text it reads back
    as."""

    name: str
    label: Callable[[str], str]
    title: Callable[[str], str]


PLAIN = Style("text", lambda name: f"{name}: ", lambda s: s)


def escaped(text: str, speech: bool = True) -> str:
    """A paragraph the parser would read as a label ("Bridges: we will
    build them." inside a turn), or that opens with a backslash, behind a
    backslash: the parser reads it back as it is, never as a label.  One
    that opens with markup or a list's mark ("- **Suggestion:** do X",
    "**Break:** \\[13:19\\]") has its first colon escaped instead
    ("- **Suggestion\\:** do X"), which the parser takes off too: a
    backslash before the mark would undo the list or the bold in markdown
    (and stay in the text).  A block is escaped only for labels with
    markup or a delimiter (a heading may look like a name alone on its
    line, and reads back as before)."""
    if text[:1] == "\\" and text[1:2].isalnum():
        return "\\" + text
    find, bare = _rules()
    if text[:1] == "\\" and not text[1:2].isspace():
        rest = text.lstrip("\\")
        if rest[:1] and not rest[:1].isalnum() and find(rest):
            return "\\" + text  # the parser takes one off ("\\| Route |")
    colon = first_colon(text)
    if colon > 0 and text[colon - 1] == "\\":
        return text[:colon] + "\\" + text[colon:]  # (the parser takes one off)
    if any(speech or label.rule not in bare for label in find(text)):
        if colon > 0 and not text[:1].isalnum():
            return text[:colon] + "\\" + text[colon:]
        return "\\" + text
    return text


def kept(text: str) -> str:
    """A heading or a title, never a label, as the parser reads it back: a
    backslash before its first colon doubled (the parser takes one off)."""
    colon = first_colon(text)
    if colon > 0 and text[colon - 1] == "\\":
        return text[:colon] + "\\" + text[colon:]
    return text


@functools.lru_cache(maxsize=None)
def _rules() -> tuple[Callable[[str], tuple], frozenset[str]]:  # type: ignore[type-arg]
    """The parser's label finder and its bare rules' names, imported when
    first needed (a batch's parent process, which never parses, loads this
    module without the parser)."""
    from ..rules import DEFAULT_RULES

    return DEFAULT_RULES.find_labels, frozenset(r.name for r in DEFAULT_RULES.label_rules if r.bare)


def _inside(t: Transcript) -> dict[int, list[tuple[int, Block]]]:
    """The blocks inside a turn (before its speech or between two of its
    paragraphs), by turn: (how many of its paragraphs come before the
    block, the block), in document order."""
    out: dict[int, list[tuple[int, Block]]] = {}
    for b in t.blocks:
        if b.paragraph is not None and b.turn is not None and 0 <= b.turn < len(t.turns) and 0 <= b.paragraph < len(t.turns[b.turn].paragraphs):
            out.setdefault(b.turn, []).append((b.paragraph, b))
    return out


def _order(t: Transcript, inside: dict[int, list[tuple[int, Block]]]) -> list[tuple[tuple[int, int, int], Union[Turn, Block]]]:
    """Turns and blocks in document order, but the blocks ``inside`` the
    turns (which :func:`render` writes between their paragraphs): a block
    inside the dialogue follows its turn (or precedes it, when its source
    lines do); one outside goes before or after the dialogue by its source
    lines (before, when it has none)."""
    items: list[tuple[tuple[int, int, int], Union[Turn, Block]]] = []
    n = len(t.turns)
    spans = [(u.lines.start, u.lines.end) for u in t.turns if u.lines is not None]
    for k, u in enumerate(t.turns):
        items.append(((k, 0, 0), u))
    within = {id(b) for blocks in inside.values() for _, b in blocks}
    for seq, b in enumerate(t.blocks):
        if id(b) in within:
            continue
        if b.turn is not None and 0 <= b.turn < n:
            at = t.turns[b.turn].lines
            # After its turn, or before it when its lines come first (a
            # dateline between a name on its own line and the speech).
            before = b.lines is not None and at is not None and b.lines.start < at.start
            key = (b.turn, -1 if before else 1, seq)
        elif b.lines is not None and spans and b.lines.start > spans[0][0]:
            earlier = sum(1 for s, _ in spans if s < b.lines.start)
            key = (earlier - 1, 1, seq) if earlier < len(spans) else (n, 1, seq)
        else:
            key = (-1, 1, seq)
        items.append((key, b))
    items.sort(key=lambda item: item[0])
    return items


def _block_text(b: Block, title: Optional[str]) -> str:
    """A block as written: as its text is, escaped where it would read as
    a label."""
    text = b.text.strip()
    return escaped(text, speech=False) if text != title else kept(text)


def _holds_title(b: Block, title: str) -> bool:
    """Whether a block is the title: its text, or a heading's without its
    markup ("# Title", "**Title**")."""
    text = b.text.strip()
    if text == title:
        return True
    if b.kind != "heading":
        return False
    from .._patterns import MD_HEADING

    m = MD_HEADING.match(text)
    return (m["text"] if m else text).strip("*_ ").strip() == title


def _on_label_line(b: Block, u: Turn) -> bool:
    """Whether a block before a turn's speech was on its label's line (an
    aside split off the speech it opened)."""
    return b.lines is not None and u.lines is not None and b.lines.start == u.lines.start


def _front_matter(t: Transcript) -> tuple[Optional[Block], Optional[str], Optional[str]]:
    """The block the parser kept as the document's front matter (a
    metadata block that reads as front matter again), the title it gives,
    and the one person it names, when it names one: :func:`render` writes
    it first, where the parser looks for it."""
    from .._source import split_lines
    from ..frontmatter import front_matter

    for b in t.blocks:
        if b.kind == "metadata" and b.turn is None and b.text.startswith("---\n"):
            matter, _ = front_matter(split_lines(b.text))
            if matter is not None:
                return b, matter.title, matter.people[0][0] if len(matter.people) == 1 else None
    return None, None, None


def _unlabelled(text: str) -> bool:
    """Whether a paragraph reads as prose no label opens: the parser gives
    such a paragraph before the first label to the one person the front
    matter names, and their talk goes on from there."""
    find, _ = _rules()
    from ..rules import DEFAULT_RULES

    return text[:1] != "\\" and not find(text) and DEFAULT_RULES.classify_block(text) == "prose"


def render(t: Transcript, style: Style) -> str:
    """The transcript as labelled text in ``style``.  A block inside a
    turn (a note, an event, a time between two of its paragraphs) is
    written where it sits: an aside that opened the turn's speech on the
    label's line ("Ann Lee: (Laughs.) Yes.") there again, a block between
    the label and the speech below the label alone."""
    names = {s.id: s.name for s in t.speakers}
    out: list[str] = []
    title = t.metadata.title
    matter, matter_title, lead = _front_matter(t)
    if matter is not None:
        out.append(matter.text.strip())
    if title and title != matter_title and not any(_holds_title(b, title) for b in t.blocks):
        out.append(style.title(kept(title)))
    inside = _inside(t)
    for (k, _, _), item in _order(t, inside):
        if item is matter:
            continue
        if isinstance(item, Block):
            if item.text.strip():
                out.append(_block_text(item, title))
            continue
        texts = [p.strip() for p in item.paragraphs]
        spoken = [j for j, p in enumerate(texts) if p]
        label = style.label(names.get(item.speaker, item.speaker))
        if (
            k == 0
            and lead is not None
            and names.get(item.speaker) == lead
            and spoken
            and not any(at <= spoken[0] for at, _ in inside.get(k, []))
            and _unlabelled(texts[spoken[0]])
        ):
            # The talk of the one person the front matter names, opening
            # the dialogue: written as it is read, without a label (one
            # label written once is no evidence of a convention).
            label = ""
        if not spoken:
            out.append(label.rstrip())  # a label alone: a turn without words
            continue
        pending = inside.get(k, [])
        first = [b for at, b in pending if at <= spoken[0] and b.text.strip()]
        pending = [(at, b) for at, b in pending if at > spoken[0]]
        inline = [b for b in first if _on_label_line(b, item)]
        opening = " ".join([b.text.strip() for b in inline] + [texts[spoken[0]]])
        below = [b for b in first if not _on_label_line(b, item)]
        if below:
            out.append(label.rstrip())
            out.extend(_block_text(b, title) for b in below)
            out.append(escaped(opening))
        else:
            out.append(label + opening)
        for j in spoken[1:]:
            # The blocks that sit before this paragraph, then the paragraph.
            out.extend(_block_text(b, title) for at, b in pending if at <= j and b.text.strip())
            pending = [(at, b) for at, b in pending if at > j]
            out.append(escaped(texts[j]))
        out.extend(_block_text(b, title) for _, b in pending if b.text.strip())
    return "\n\n".join(out) + ("\n" if out else "")


_HOLDS = Holds(topics=False, blocks=True, paragraphs=True, times=False, speaker_details=True, by_text=True, empty_turns=True)


def writer(style: Style) -> Callable[[Transcript, WriteOptions], Conversion]:
    def write(t: Transcript, options: WriteOptions) -> Conversion:
        text = render(t, style)
        return Conversion(text, style.name, lost(t, _HOLDS, text))

    return write


def read(text: str, ctx: ReadContext) -> Transcript:
    from ..parser import parse

    return parse(text, source=ctx.filename)


write = writer(PLAIN)

register(Format("text", (".txt", ".text"), write, read))
