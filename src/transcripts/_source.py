"""Input hygiene: bytes or text in, numbered and normalised lines out.

Handles byte-order marks (UTF-8, UTF-16, UTF-32), CRLF and lone CR line ends, no-break and
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
_LEADING = _SPACES + " "  # what a line's indent is made of


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


#: Byte-order marks and their encodings, longest first (a UTF-32-LE mark
#: starts with the UTF-16-LE one).
_BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
)

#: How much of a file the encoding guesses look at.
_SAMPLE = 8192


def _position(text: str) -> tuple[int, int]:
    """(line, column) just after ``text``, in characters, any line end counting."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.count("\n") + 1, len(text) - (text.rfind("\n") + 1) + 1


def _utf16_without_bom(data: bytes) -> Optional[str]:
    """``"UTF-16-LE"``/``"UTF-16-BE"`` (or UTF-32) when the bytes look like
    mostly-ASCII text in that encoding without a byte-order mark: a NUL in
    every other byte (every fourth for UTF-32)."""
    sample = data[:_SAMPLE]
    n = len(sample) - len(sample) % 4
    if n < 4 or b"\x00" not in sample:
        return None
    quads = [sample[k:n:4].count(0) for k in range(4)]
    third = n // 4 * 0.3
    few = n // 4 * 0.05 + 1
    if quads[1] > third and quads[2] > third and quads[3] > third and quads[0] < few:
        return "UTF-32-LE"
    if quads[0] > third and quads[1] > third and quads[2] > third and quads[3] < few:
        return "UTF-32-BE"
    odd, even = quads[1] + quads[3], quads[0] + quads[2]
    if odd > n / 2 * 0.3 and even < n / 2 * 0.05 + 1:
        return "UTF-16-LE"
    if even > n / 2 * 0.3 and odd < n / 2 * 0.05 + 1:
        return "UTF-16-BE"
    return None


def _guess(data: bytes) -> Optional[str]:
    """A likely encoding for bytes that are not UTF-8, for the error message."""
    wide = _utf16_without_bom(data)
    if wide:
        return wide
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return "Latin-1"
    return "Latin-1" if not any(0x80 <= b < 0xA0 for b in data[:_SAMPLE * 8]) else "Windows-1252"


def _advice(name: str) -> str:
    return f"looks like {name}; give the encoding (--encoding {name.lower()}, or encoding={name.lower()!r})"


# An XML declaration naming its encoding: ``<?xml version="1.0" encoding="ISO-8859-1"?>``.
_XML_DECLARATION = re.compile(rb"""^[ \t\r\n]*<\?xml[ \t\r\n][^>]{0,200}?encoding[ \t\r\n]*=[ \t\r\n]*["']([A-Za-z][A-Za-z0-9._-]{0,40})["']""")


def _declared(data: bytes) -> Optional[str]:
    """The encoding an XML declaration at the start of the bytes names, when
    Python knows it, it is not UTF-8 and it reads ASCII as ASCII (the
    declaration could be read at all): Transcriber's ``.trs`` files, and
    other XML, are often ISO-8859-1 and say so."""
    m = _XML_DECLARATION.match(data[:300])
    if m is None:
        return None
    import codecs

    try:
        info = codecs.lookup(m.group(1).decode("ascii"))
        if not getattr(info, "_is_text_encoding", True) or info.name.startswith(("utf-8", "utf-16", "utf-32")):
            return None
        if m.group(0).decode(info.name) != m.group(0).decode("ascii"):
            return None
    except (LookupError, UnicodeError):
        return None
    return info.name


def decode(data: bytes, filename: Optional[str] = None, encoding: Optional[str] = None) -> str:
    """Bytes to text.

    Without ``encoding``: UTF-8, or UTF-8, UTF-16 or UTF-32 with a
    byte-order mark; bytes that are not UTF-8 but open with an XML
    declaration naming another encoding are read in it (an ISO-8859-1
    Transcriber file).  UTF-16 without a mark, and bytes that are not UTF-8,
    are a ParseError naming the line and column of the first bad byte and
    the encoding the bytes look like ("looks like UTF-16-LE", "looks like
    Latin-1").  With ``encoding`` (any name Python knows), the bytes are
    decoded in it; a mark at the start is dropped."""
    if encoding is not None:
        import codecs

        codec = codecs.lookup(encoding).name  # LookupError for an unknown name
        if codec == "utf-8":
            codec = "utf-8-sig"
        return _decode(data, codec, filename, guess=False)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            if codec == "utf-32-le" and len(data) % 4:
                continue  # FF FE 00 00 also opens UTF-16-LE text whose first character is NUL
            if codec == "utf-32-le":
                try:
                    return data[4:].decode(codec)
                except UnicodeDecodeError:
                    continue
            return _decode(data[len(bom):], codec, filename, guess=False)
    declared = _declared(data)
    if declared is not None:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return _decode(data, declared, filename, guess=False)
    text = _decode(data, "utf-8", filename, guess=True)
    if "\x00" in text:
        wide = _utf16_without_bom(data)
        if wide:
            raise ParseError(f"not UTF-8 text: NUL bytes throughout; {_advice(wide)}", filename, 1, 1)
    return text


def _decode(data: bytes, codec: str, filename: Optional[str], guess: bool) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        line, column = _position(data[: exc.start].decode(codec, "replace"))
        shown = "UTF-8" if codec.startswith("utf-8") else codec.upper()
        message = f"not {shown} text: byte 0x{data[exc.start]:02x} cannot be decoded"
        hint = _guess(data) if guess else None
        if hint and hint.startswith("UTF"):
            line, column = 1, 1  # the whole file is in another encoding
        raise ParseError(message + (f"; {_advice(hint)}" if hint else ""), filename, line, column) from None


# A run of spaces, folded to one (a regex rather than split and join, which
# would make an object of every word of a long line).
_RUN = re.compile(" {2,}")


def normalise(raw: str) -> str:
    """Fold whitespace runs to one space and strip both ends."""
    return _RUN.sub(" ", _unusual_spaces(raw)).strip(" ")


def split_lines(text: str) -> tuple[Line, ...]:
    """The non-blank lines of ``text``, numbered from 1 and normalised.

    CRLF, CR and LF all end a line.  Blank lines are left out: a gap in the
    numbers is a blank line.  So is a blockquote's empty line (">" alone),
    which in markdown separates the quote's paragraphs."""
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
        if not norm or norm == ">":
            continue
        if raw is norm and norm[0] != " " and norm[-1] != " " and "  " not in norm:
            append(Line(number, raw, norm, 0))  # the common case: nothing to fold
            continue
        norm = norm.strip(" ")
        if "  " in norm:
            norm = _RUN.sub(" ", norm)
        if norm and norm != ">":  # (raw keeps its trailing spaces: two of them are a hard break)
            append(Line(number, raw, norm, len(raw) - len(raw.lstrip(_LEADING))))
    return tuple(out)
