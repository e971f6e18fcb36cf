"""Word documents (``.docx``, read only): the transcripts that
transcription services and meeting tools deliver as Word files.

The document's paragraphs, in order (table cells' too), are read as the
text parser reads any document, as :mod:`.html` reads a page: bold runs
as ``**bold**`` (so ``**Name:**`` labels read as in markdown), headings
(the built-in "heading N" and "Title" styles, whatever the language of
Word that wrote them) as ``#`` lines, list paragraphs as ``-`` lines, tabs
as spaces and line breaks inside a paragraph kept.  A "line" in positions
is a paragraph of the document.  The document's title property is the
title when the text gives none.

A file that is no Word document (not a zip archive, or one without
``word/document.xml``), or whose XML is malformed, is an error naming the
file; parts larger than :data:`MAX_PART` bytes are refused rather than
inflated (a zip bomb).  Comments, tracked deletions, headers, footers and
footnotes are left out; a text box's paragraphs are read once, in place.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from typing import Iterator, Optional
from xml.etree import ElementTree

import attrs

from ..model import Transcript
from ._registry import Format, ReadContext, register
from .html import Paragraph, read_paragraphs

__all__ = ["MAX_PART", "paragraphs", "read"]

#: The largest part of a document read (bytes, inflated).
MAX_PART = 256 * 2**20

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_OFF = ("0", "false", "off", "none")
# What the zip module raises on a damaged archive (it is not one error type).
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, struct.error, OSError, EOFError, ValueError, NotImplementedError, RuntimeError, KeyError, IndexError, OverflowError)


def _part(archive: zipfile.ZipFile, name: str, ctx: ReadContext) -> Optional[ElementTree.Element]:
    """A part of the archive as XML (None when it has no such part)."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    too_big = ctx.error(f"not read: {name} inflates to more than {MAX_PART} bytes")
    if info.file_size > MAX_PART:
        raise too_big
    try:
        with archive.open(info) as f:
            xml = f.read(MAX_PART + 1)  # the size the archive states may lie
    except _ZIP_ERRORS as exc:
        raise ctx.error(f"not a Word document: {name} cannot be read ({exc})") from None
    if len(xml) > MAX_PART:
        raise too_big
    try:
        return ElementTree.fromstring(xml)
    except ElementTree.ParseError as exc:
        raise ctx.error(f"not a Word document: {name} is malformed XML ({exc})") from None


def _headings(styles: Optional[ElementTree.Element]) -> dict[str, int]:
    """The heading level of each paragraph style id: the built-in names
    ("heading 2", "Title"), which Word writes in English whatever the
    language of its menus, or the style's outline level."""
    out: dict[str, int] = {}
    if styles is None:
        return out
    for style in styles.iter(_W + "style"):
        sid = style.get(_W + "styleId")
        name_el = style.find(_W + "name")
        name = (name_el.get(_W + "val") or "").strip().lower() if name_el is not None else ""
        outline = style.find(f"{_W}pPr/{_W}outlineLvl")
        if sid is None:
            continue
        if name == "title":
            out[sid] = 1
        elif name.startswith("heading ") and name[8:].isdigit():
            out[sid] = max(1, min(6, int(name[8:])))
        elif outline is not None and (outline.get(_W + "val") or "").isdigit() and int(outline.get(_W + "val") or "9") < 6:
            out[sid] = int(outline.get(_W + "val") or "0") + 1
    return out


def _bold(run: ElementTree.Element) -> bool:
    b = run.find(f"{_W}rPr/{_W}b")
    return b is not None and (b.get(_W + "val") or "true").lower() not in _OFF


# What a paragraph's runs are not looked for in: a paragraph inside it (a
# text box's, read as a paragraph of its own), and tracked deletions and
# moves away (the text is where it went).
_SKIPPED = frozenset({_W + "p", _W + "del", _W + "moveFrom"})


def _run_elements(el: ElementTree.Element) -> Iterator[ElementTree.Element]:
    """A paragraph's runs, in order, hyperlinks' and fields' included."""
    for child in el:
        if child.tag == _W + "r":
            yield child
        elif child.tag not in _SKIPPED:
            yield from _run_elements(child)


def _runs(p: ElementTree.Element) -> list[tuple[str, bool]]:
    """The text of a paragraph's runs, each with whether it is bold."""
    out: list[tuple[str, bool]] = []
    for run in _run_elements(p):
        pieces = []
        for child in run:
            tag = child.tag
            if tag == _W + "t":
                pieces.append(child.text or "")
            elif tag == _W + "tab":
                pieces.append(" ")
            elif tag in (_W + "br", _W + "cr"):
                pieces.append("\n")
            elif tag in (_W + "noBreakHyphen", _W + "softHyphen"):
                pieces.append("-" if tag == _W + "noBreakHyphen" else "")
        if pieces:
            out.append(("".join(pieces), _bold(run)))
    return out


def _marked(runs: list[tuple[str, bool]]) -> tuple[str, str]:
    """A paragraph's text, and the same with its bold stretches marked
    ``**…**`` (consecutive bold runs are one stretch; the spaces around a
    stretch stay outside its marks)."""
    plain = "".join(text for text, _ in runs)
    out: list[str] = []
    k = 0
    while k < len(runs):
        text, bold = runs[k]
        if not bold:
            out.append(text)
            k += 1
            continue
        stretch = []
        while k < len(runs) and runs[k][1]:
            stretch.append(runs[k][0])
            k += 1
        joined = "".join(stretch)
        core = joined.strip()
        if not core or "\n" in core:
            out.append(joined)
            continue
        lead = joined[: len(joined) - len(joined.lstrip())]
        trail = joined[len(joined.rstrip()) :]
        out.append(f"{lead}**{core}**{trail}")
    return plain, "".join(out)


def _tidy(text: str) -> str:
    """Each line's spaces folded, blank lines dropped."""
    return "\n".join(" ".join(line.split()) for line in text.split("\n") if line.strip())


def paragraphs(data: bytes, ctx: ReadContext) -> tuple[list[Paragraph], Optional[str]]:
    """The document's paragraphs, numbered from 1, and its title property."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except _ZIP_ERRORS:
        raise ctx.error("not a Word document: not a zip archive (a .docx file is one)") from None
    with archive:
        document = _part(archive, "word/document.xml", ctx)
        if document is None:
            raise ctx.error("not a Word document: the archive has no word/document.xml")
        levels = _headings(_part(archive, "word/styles.xml", ctx))
        core = _part(archive, "docProps/core.xml", ctx)
    title = None
    if core is not None:
        found = core.find(_DC + "title")
        title = " ".join((found.text or "").split()) or None if found is not None else None
    body = document.find(_W + "body")
    out: list[Paragraph] = []
    for number, p in enumerate(body.iter(_W + "p") if body is not None else (), 1):
        plain, marked = _marked(_runs(p))
        plain, marked = _tidy(plain), _tidy(marked)
        if not plain:
            continue
        style = p.find(f"{_W}pPr/{_W}pStyle")
        level = levels.get(style.get(_W + "val") or "", 0) if style is not None else 0
        if level:
            kind = "heading"
        elif p.find(f"{_W}pPr/{_W}numPr") is not None:
            kind = "item"
        else:
            kind = "p"
        out.append(Paragraph(kind, plain, marked, number, number, level))
    return out, title


def read(data: bytes, ctx: ReadContext) -> Transcript:
    if isinstance(data, str):
        raise ctx.error("a Word document is read from its bytes, not from text")
    found, title = paragraphs(data, ctx)
    t = read_paragraphs(found, ctx)
    if title and not t.metadata.title:
        t = attrs.evolve(t, metadata=attrs.evolve(t.metadata, title=title))
    return t


def _sniff(data: bytes) -> bool:
    """A zip archive that holds word/document.xml."""
    if data[:4] != b"PK\x03\x04":
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except _ZIP_ERRORS:
        return False


register(Format("docx", (".docx",), None, read, _sniff, binary=True))  # type: ignore[arg-type]
