"""Line numbers in the margin: a court reporter's transcript (a deposition,
a hearing) numbers every line of each page, 1 to 25 or so, and starts
again on the next page::

     1        Q.   Where were you on the night of the
     2   fourteenth?
     3        A.   At home.

The numbers are layout, not text: where most lines open with one and they
count up page by page, :func:`unnumbered` takes them off, keeping each
line's indentation after its number (a question's "Q." stands further in
than the line that wraps it).
"""

from __future__ import annotations

from typing import Sequence

import regex

from ._source import Line, normalise

__all__ = ["unnumbered"]

#: A line's margin number: one or two digits, then spaces or the line's end.
_NUMBER = regex.compile(r"^[ \t]{0,8}([0-9]{1,2})(?=[ \t]|$)")

#: The fewest lines a numbered document has (a page of them, nearly).
MIN_LINES = 10


def _number(line: Line) -> int:
    """The margin number of a line, or -1."""
    if not line.text[:1].isdigit():
        return -1
    m = _NUMBER.match(line.raw)
    return int(m[1]) if m is not None else -1


def unnumbered(lines: Sequence[Line]) -> Sequence[Line]:
    """``lines`` without their margin numbers, when the document has them:
    at least :data:`MIN_LINES` lines, four in five of them numbered, and
    nine in ten of those one more than the numbered line before or 1 (a new
    page).  Otherwise ``lines`` as they are."""
    if len(lines) < MIN_LINES or not lines[0].text[:1].isdigit() and not lines[1].text[:1].isdigit():
        return lines
    numbers = [_number(line) for line in lines]
    numbered = [n for n in numbers if n >= 0]
    if 5 * len(numbered) < 4 * len(lines):
        return lines
    counting = sum(1 for a, b in zip(numbered, numbered[1:]) if b == a + 1 or b == 1)
    if 10 * counting < 9 * (len(numbered) - 1):
        return lines
    out = []
    for line, n in zip(lines, numbers):
        if n < 0:
            out.append(line)
            continue
        raw = line.raw[_NUMBER.match(line.raw).end() :]  # type: ignore[union-attr]
        text = normalise(raw)
        if text:  # (a number alone is a blank line of the page)
            out.append(Line(line.number, raw, text, len(raw) - len(raw.lstrip(" \t"))))
    return tuple(out)
