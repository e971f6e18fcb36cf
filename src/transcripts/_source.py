"""Input hygiene: bytes or text in, numbered and normalised lines out.

Handles a UTF-8 byte-order mark, CRLF and lone CR line ends, no-break and
other unusual spaces, and trailing whitespace.  Each :class:`Line` keeps the
raw text (indentation and double spaces matter to some conventions) beside a
normalised one (spaces folded) that the rules match against.  Curly quotes
and every other character stay as written.
"""

from __future__ import annotations

import re
from typing import Optional

import attrs
from .errors import ParseError

__all__ = ["Line", "decode", "split_lines"]

# Horizontal whitespace of any kind becomes an ASCII space in Line.text (runs
# are then folded to one); BOMs and zero-width spaces that some exporters
# scatter through the text are dropped.  str.translate does this at C speed.
_SPACES = "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_TABLE = {**{ord(c): " " for c in _SPACES}, 0xFEFF: None, 0x200B: None}
_UNUSUAL = re.compile("[" + _SPACES + "\ufeff\u200b]")


@attrs.frozen(slots=True)
class Line:
    """One source line: ``number`` is 1-based; ``text`` is normalised."""

    number: int
    raw: str
    text: str
    indent: int


def decode(data: bytes, filename: Optional[str] = None) -> str:
    """UTF-8 (with or without a BOM) to text; a bad byte is a ParseError
    naming its line and column."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        good = data[: exc.start]
        line = good.count(b"\n") + 1
        column = len(good) - (good.rfind(b"\n") + 1) + 1
        raise ParseError(
            f"not UTF-8 text: byte 0x{data[exc.start]:02x} cannot be decoded",
            filename,
            line,
            column,
        ) from None


def normalise(raw: str) -> str:
    """Fold whitespace runs to one space and strip both ends."""
    return _fold(raw.translate(_TABLE))


def _fold(text: str) -> str:
    if "  " in text:
        return " ".join(filter(None, text.split(" ")))
    return text.strip(" ")


def split_lines(text: str) -> tuple[Line, ...]:
    """The non-blank lines of ``text``, numbered from 1 and normalised.

    CRLF, CR and LF all end a line.  Blank lines are left out: a gap in the
    numbers is a blank line."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    raws = text.split("\n")
    # Most documents hold no unusual space: then skip translating them.
    unusual = not text.isascii() and _UNUSUAL.search(text) is not None
    norms = text.translate(_TABLE).split("\n") if unusual or "\t" in text else raws
    out = []
    for number, (raw, norm) in enumerate(zip(raws, norms), 1):
        norm = _fold(norm)
        if norm:
            raw = raw.rstrip()
            out.append(Line(number, raw, norm, len(raw) - len(raw.lstrip(" \t\u00a0"))))
    return tuple(out)
