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
# scatter through the text are dropped.  Most documents hold none of these,
# so each is looked for with a fast substring test before any rewriting.
_CONTROL_SPACES = "\t\x0b\x0c\x1c\x1d\x1e\x1f"  # tab, form feed and other spacing controls
_SPACES = _CONTROL_SPACES + "\u0085\u00a0\u2002\u2003\u2007\u2009\u200a\u202f\u3000"
_INVISIBLE = "\ufeff\u200b"


def _unusual_spaces(text: str) -> str:
    """``text`` with unusual spaces made ASCII and invisible marks removed."""
    chars = _CONTROL_SPACES if text.isascii() else _SPACES + _INVISIBLE
    found = [c for c in chars if c in text]
    if not found:
        return text
    table = {ord(c): (None if c in _INVISIBLE else " ") for c in found}
    pattern = re.compile("[" + re.escape("".join(found)) + "]")
    return pattern.sub(lambda m: table[ord(m.group())] or "", text)


# Made by the thousand per document: a plain slotted class (attrs'
# frozen classes cost twice as much to build).  Treat as immutable.
@attrs.define(slots=True, eq=True)
class Line:
    """One source line: ``number`` is 1-based; ``text`` is normalised."""

    number: int
    raw: str
    text: str
    indent: int


def decode(data: bytes, filename: Optional[str] = None) -> str:
    """UTF-8 (with or without a BOM) to text; a bad byte is a ParseError
    naming its line and column."""
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        # Line and column in characters, any line end counting.
        good = body[: exc.start].decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
        line = good.count("\n") + 1
        column = len(good) - (good.rfind("\n") + 1) + 1
        raise ParseError(
            f"not UTF-8 text: byte 0x{body[exc.start]:02x} cannot be decoded",
            filename,
            line,
            column,
        ) from None


def normalise(raw: str) -> str:
    """Fold whitespace runs to one space and strip both ends."""
    return " ".join(filter(None, _unusual_spaces(raw).split(" ")))


def split_lines(text: str) -> tuple[Line, ...]:
    """The non-blank lines of ``text``, numbered from 1 and normalised.

    CRLF, CR and LF all end a line.  Blank lines are left out: a gap in the
    numbers is a blank line."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    raws = text.split("\n")
    clean = _unusual_spaces(text)
    norms = raws if clean is text else clean.split("\n")
    out: list[Line] = []
    append = out.append
    for number, (raw, norm) in enumerate(zip(raws, norms), 1):
        if not norm:
            continue
        if raw is norm and norm[0] != " " and norm[-1] != " " and "  " not in norm:
            append(Line(number, raw, norm, 0))  # the common case: nothing to fold
            continue
        norm = " ".join(filter(None, norm.split(" ")))
        if norm:  # (raw keeps its trailing spaces: two of them are a hard break)
            append(Line(number, raw, norm, len(raw) - len(raw.lstrip(_SPACES + " "))))
    return tuple(out)
