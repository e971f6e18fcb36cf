"""Normalised lines to paragraphs.

A paragraph is a run of consecutive non-blank lines.  Most documents put one paragraph
on a line; when a document is hard-wrapped (its lines stop near one width,
~72 columns say) the lines of a run are joined back into one paragraph,
except where a line opens a new item (a label, a bullet, a note), which the
caller tells with ``opens_item``, and after a line that stands alone: an
item the caller tells with ``is_item``, a markdown heading (``### Ada
Lind``) or a line in bold and nothing else (``**Ada Lind**``), which no
sentence wraps into.
"""

from __future__ import annotations

from typing import Callable, Iterator, Optional, Sequence

import attrs

from ._source import Line

__all__ = ["Paragraph", "first_colon", "paragraphs", "wrap_width"]


def first_colon(text: str) -> int:
    """Where a paragraph's first colon (":" or a full-width "：") is; -1
    when it has none.  A backslash before it says the paragraph is no
    label (see :func:`transcripts.items.classify`)."""
    a, b = text.find(":"), text.find("：")
    return a if b < 0 or 0 <= a < b else b


# Made by the thousand per document: a plain slotted class (attrs'
# frozen classes cost twice as much to build).  Treat as immutable.
@attrs.define(slots=True, eq=True)
class Paragraph:
    """Consecutive source lines read as one paragraph: the first as written
    (what the rules that read a raw line see), the last one's number, the
    text joined.  (No tuple of its lines: one per paragraph of a file of
    short lines costs more than the line.)"""

    first: Line
    last: int
    text: str


def wrap_width(lines: Sequence[Line]) -> Optional[int]:
    """The column a hard-wrapped document breaks at, or None when it is not
    hard-wrapped: most of its lines that are followed by another non-blank
    line end within 20 columns of one width no wider than 100 (a heading
    or a bold line above its text is no wrapped line)."""
    lengths = []
    for a, b in zip(lines, lines[1:]):
        if b.number == a.number + 1 and not (a.text[:1] in _ALONE_FIRST and _stands_alone(a)):
            lengths.append(len(a.text))
    if len(lengths) < 8:
        return None
    lengths.sort()
    width = lengths[int(len(lengths) * 0.9)]
    if not 40 <= width <= 100:
        return None
    near = sum(1 for n in lengths if width - 20 <= n <= width + 2)
    return width if near >= 0.6 * len(lengths) else None


#: Last characters of a line that ends a sentence.
_SENTENCE_END = frozenset(".!?:…\"”’)")


def _ends_paragraph(line: Line, width: int) -> bool:
    """Whether a line of hard-wrapped text ends its paragraph: it ends a
    sentence and stops short of the width, or with a hard break (two
    spaces, as markdown writes it).  A short line that stops mid-sentence
    ("Why is this now the", "hasn't traveled to China") goes on in the
    next."""
    text = line.text
    if text[-1] not in _SENTENCE_END:
        return False
    return len(text) < width - 20 or line.raw.endswith("  ")


def _wrapped_number(before: Line, line: Line) -> bool:
    """A line that opens with a number ("17.  This led me…") after a line
    that stops mid-sentence ("…a rate of") goes on with that sentence: it
    is no numbered item."""
    return line.text[:1].isdigit() and before.text[-1:].islower()


#: The first characters of a line that stands alone.
_ALONE_FIRST = frozenset("#*_")


def _stands_alone(line: Line) -> bool:
    """A markdown heading, or a line wholly in bold: the end of its
    paragraph in hard-wrapped text."""
    text = line.text
    first = text[:1]
    if first == "#":
        return text.lstrip("#")[:1] == " " and len(text) - len(text.lstrip("#")) <= 6
    if first in "*_" and len(text) > 4:
        mark = text[:2]
        return mark in ("**", "__") and text.endswith(mark) and mark not in text[2:-2] and text[2:3] != " "
    return False


_BULLETS = frozenset("-*+")
_ITEM_OPENINGS = frozenset(" 0123456789") | _BULLETS


def _item_indent(line: Line) -> int:
    """The column where the text of a markdown list item starts ("- ",
    "  * ", "1. "), or -1 for a line that is no list item."""
    raw = line.raw
    if raw[:1] not in _ITEM_OPENINGS:
        return -1  # (the common case: no indent, no bullet, no number)
    lead = len(raw) - len(raw.lstrip(" "))
    rest = raw[lead:]
    if rest[:1] in _BULLETS and rest[1:2] == " " and rest[2:3] not in ("", " "):
        return lead + 2
    digits = len(rest) - len(rest.lstrip("0123456789"))
    if 0 < digits <= 3 and rest[digits : digits + 2] in (". ", ") "):
        return lead + digits + 2
    return -1


def _goes_on(line: Line, indent: int) -> bool:
    """Whether a line goes on with the list item above it: indented to its
    text or deeper, opening with no bullet of its own ("- when new
    features are proposed, discuss how to evaluate" / "    and have a
    consistent approach")."""
    raw = line.raw
    lead = len(raw) - len(raw.lstrip(" "))
    return lead >= indent and bool(line.text) and _item_indent(line) < 0


def _joined(run: Sequence[Line]) -> Paragraph:
    first = run[0]
    if len(run) == 1:
        return Paragraph(first, first.number, first.text)
    return Paragraph(first, run[-1].number, " ".join(l.text for l in run))


def paragraphs(
    lines: Sequence[Line],
    opens_item: Callable[[Line], bool] = lambda line: False,
    is_item: Callable[[Line], bool] = lambda line: False,
) -> Iterator[Paragraph]:
    """Group ``lines`` into paragraphs (see the module docstring).
    ``opens_item`` says a line starts a new item; ``is_item`` that a line
    is an item of its own (a label alone, "[00:00:03] Ada Lindqvist"), so
    the line after it starts another."""
    width = wrap_width(lines)
    if width is None:
        # Not hard-wrapped: every line is a paragraph, but for the lines
        # a list's item wraps into, indented under its text.
        run: list[Line] = []
        indent = -1
        for line in lines:
            if run and indent >= 0 and line.number == run[-1].number + 1 and _goes_on(line, indent):
                run.append(line)
                continue
            if run:
                yield _joined(run)
            run = [line]
            indent = _item_indent(line)
        if run:
            yield _joined(run)
        return
    run: list[Line] = []
    for line in lines:
        if run and (
            line.number != run[-1].number + 1
            or _ends_paragraph(run[-1], width)
            or (opens_item(line) and not _wrapped_number(run[-1], line))
            or (len(run) == 1 and (is_item(run[-1]) or _stands_alone(run[-1])))
        ):
            yield _joined(run)
            run = []
        run.append(line)
    if run:
        yield _joined(run)
