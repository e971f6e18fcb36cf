"""Normalised lines to paragraphs.

A paragraph is a run of consecutive non-blank lines.  Most documents put one paragraph
on a line; when a document is hard-wrapped (its lines stop near one width,
~72 columns say) the lines of a run are joined back into one paragraph,
except where a line opens a new item (a label, a bullet, a note), which the
caller tells with ``opens_item``.
"""

from __future__ import annotations

from typing import Callable, Iterator, Optional, Sequence

import attrs

from ._source import Line
from .model import Span

__all__ = ["Paragraph", "paragraphs", "wrap_width"]


# Made by the thousand per document: a plain slotted class (attrs'
# frozen classes cost twice as much to build).  Treat as immutable.
@attrs.define(slots=True, eq=True)
class Paragraph:
    """Consecutive source lines read as one paragraph."""

    lines: tuple[Line, ...]
    text: str

    @property
    def first(self) -> Line:
        return self.lines[0]

    @property
    def span(self) -> Span:
        return Span(self.lines[0].number, self.lines[-1].number)


def wrap_width(lines: Sequence[Line]) -> Optional[int]:
    """The column a hard-wrapped document breaks at, or None when it is not
    hard-wrapped: most of its lines that are followed by another non-blank
    line end within 20 columns of one width no wider than 100."""
    lengths = []
    for a, b in zip(lines, lines[1:]):
        if b.number == a.number + 1:
            lengths.append(len(a.text))
    if len(lengths) < 8:
        return None
    lengths.sort()
    width = lengths[int(len(lengths) * 0.9)]
    if not 40 <= width <= 100:
        return None
    near = sum(1 for n in lengths if width - 20 <= n <= width + 2)
    return width if near >= 0.6 * len(lengths) else None


def _joined(run: Sequence[Line]) -> Paragraph:
    return Paragraph(tuple(run), run[0].text if len(run) == 1 else " ".join(l.text for l in run))


def paragraphs(
    lines: Sequence[Line], opens_item: Callable[[Line], bool] = lambda line: False
) -> Iterator[Paragraph]:
    """Group ``lines`` into paragraphs (see the module docstring)."""
    width = wrap_width(lines)
    if width is None:
        # Not hard-wrapped: every line is a paragraph.
        for line in lines:
            yield Paragraph((line,), line.text)
        return
    run: list[Line] = []
    for line in lines:
        if run and (
            line.number != run[-1].number + 1
            or len(run[-1].text) < width - 20
            or opens_item(line)
        ):
            yield _joined(run)
            run = []
        run.append(line)
    if run:
        yield _joined(run)
