"""HTML: the Podcasting 2.0 HTML transcript, and any transcript page.

Writing: each turn is ``<cite>Name:</cite>``, ``<time>M:SS</time>`` (its
start) and one ``<p>`` per paragraph, text escaped.

Reading a page in that layout (``<cite>`` outside paragraphs): the speaker
of a ``<p>`` is the last ``<cite>`` before it and each ``<cite>`` starts a
turn; a ``<title>`` or ``<h1>`` gives the title; every other text of the
page (``<div>``, ``<li>``, headings, ``<br>``-separated text) is kept as a
block.  Any other page is read as its text paragraphs — a paragraph ends
at a block element (``<p>``, ``<div>``, ``<li>``, ``<blockquote>``,
headings, tables; closed or not) and at ``<br><br>`` — with ``<strong>``
and ``<b>`` as ``**bold**``, headings as ``#`` lines and list items as
``-`` lines, and handed to the text parser like any document (its line
numbers are the page's).  Scripts and styles are skipped.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser
from typing import Optional

import attrs

from ..model import Block, Metadata, Span, Transcript
from ._build import Piece, TurnBuilder
from ..times import format_clock, parse_time
from ._estimate import estimate_times
from ._registry import Conversion, Format, ReadContext, WriteOptions, register
from ._report import Holds, lost

__all__ = ["Paragraph", "paragraphs", "read", "read_paragraphs", "write"]


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


def write(t: Transcript, options: WriteOptions) -> Conversion:
    timed = estimate_times(t, options.wpm)
    names = {s.id: s.name for s in t.speakers}
    out: list[str] = []
    clock = 0.0
    for u in timed.turns:
        paragraphs = [" ".join(p.split()) for p in u.paragraphs if p.strip()]
        if not paragraphs:
            continue
        clock = max(clock, u.start or 0.0)
        out.append(f"<cite>{_escape(names.get(u.speaker, u.speaker))}:</cite>")
        out.append(f"<time>{format_clock(clock)}</time>")
        out.extend(f"<p>{_escape(p)}</p>" for p in paragraphs)
    text = "\n".join(out) + ("\n" if out else "")
    return Conversion(text, "html", lost(t, Holds(paragraphs=True, times=True)))


# ----------------------------------------------------------------- reading

#: Elements that end a paragraph where they open or close.
_BLOCKS = frozenset(
    "address article aside blockquote body caption dd details dialog div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hgroup hr html li main nav ol p pre section summary table tbody td tfoot th thead tr ul".split()
)
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_SKIPPED = frozenset("script style template".split())
_BOLD = frozenset("strong b".split())


@attrs.frozen(slots=True)
class Paragraph:
    """A paragraph of a page: its ``kind`` (``cite``, ``time``, ``p``,
    ``title``, ``heading``, ``item`` or ``text``), the text shown (lines
    joined by ``"\\n"`` where ``<br>`` breaks them), the same with bold
    marked as ``**…**`` (``marked``), its first and last source lines and,
    for ``cite`` and ``time``, whether it sits inside a ``<p>``."""

    kind: str
    text: str
    marked: str
    line: int
    end_line: int
    level: int = 0


class _Walker(HTMLParser):
    """Cuts a page into :class:`Paragraph` records, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[Paragraph] = []
        self.kind = "text"
        self.level = 0
        self.plain: list[str] = []
        self.marked: list[str] = []
        self.opened = 1
        self.skip = 0
        self.in_p = False
        self.breaks = 0  # <br> since the last text
        self.bold_opened = False  # "**" just written: the next text's spaces go before it
        self.stack: list[str] = []  # open cite/time/title

    # the current paragraph

    def _text(self, plain: str, marked: Optional[str] = None) -> None:
        if not self.plain and not plain.strip() and not (marked or "").strip():
            return
        if not self.plain:
            self.opened = self.getpos()[0]
        if marked is None:
            marked = plain
            if self.bold_opened and self.marked and plain.strip():
                # "** Name" → " **Name"
                lead = plain[: len(plain) - len(plain.lstrip())]
                self.marked[-1] = lead + self.marked[-1]
                marked = plain.lstrip()
                self.bold_opened = False
        self.plain.append(plain)
        self.marked.append(marked)

    def _bold(self, opening: bool) -> None:
        if opening:
            self._text("", "**")
            self.bold_opened = True
        elif self.marked:
            # "Name **" → "Name** "
            last = self.marked[-1]
            trail = last[len(last.rstrip()) :]
            self.marked[-1] = last.rstrip()
            self._text("", "**" + trail)

    def flush(self, kind: Optional[str] = None) -> None:
        def norm(chunks: list[str]) -> str:
            lines = "".join(chunks).split("\n")
            return "\n".join(x for x in (" ".join(line.split()) for line in lines) if x)

        text = norm(self.plain)
        if text:
            marked = norm(self.marked).replace("****", "")
            self.out.append(Paragraph(self.kind, text, marked, self.opened, max(self.opened, self.getpos()[0]), self.level))
        self.plain, self.marked = [], []
        self.breaks = 0
        if kind is not None:
            self.kind = kind

    # the parser's events

    def handle_starttag(self, tag: str, attrs: list[tuple[str, Optional[str]]]) -> None:
        if tag in _SKIPPED:
            self.skip += 1
            return
        if self.skip:
            return
        if tag == "br":
            self.breaks += 1
            if self.breaks >= 2:
                kind = self.kind
                self.flush(kind)
            else:
                self._text("\n")
            return
        self.breaks = 0
        if tag in ("cite", "time", "title") and not self.in_p:
            self.flush(tag)
            self.stack.append(tag)
        elif tag in _BLOCKS:
            self.flush("text")
            if tag == "p":
                self.kind, self.in_p = "p", True
            elif tag in _HEADINGS:
                self.kind, self.level = "heading", int(tag[1])
            elif tag == "li":
                self.kind = "item"
        elif tag in _BOLD:
            self._bold(True)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, Optional[str]]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in ("br",) and tag not in _BLOCKS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skip = max(0, self.skip - 1)
            return
        if self.skip:
            return
        if tag in ("cite", "time", "title") and self.stack and self.stack[-1] == tag:
            self.stack.pop()
            self.flush("p" if self.in_p else "text")
        elif tag in _BLOCKS:
            self.flush("text")
            if tag == "p":
                self.in_p = False
            self.level = 0
        elif tag in _BOLD:
            self._bold(False)

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if data.strip():
            self.breaks = 0
        self._text(data)


def paragraphs(text: str) -> list[Paragraph]:
    """The paragraphs of an HTML page, in order (see the module's doc)."""
    walker = _Walker()
    walker.feed(text.lstrip("\ufeff"))
    walker.close()
    walker.flush()
    return walker.out


def _podcasting20(found: list[Paragraph], ctx: ReadContext) -> Transcript:
    b = TurnBuilder()
    blocks: list[Block] = []
    speaker: Optional[str] = None
    time: Optional[float] = None
    new_turn = False
    title: Optional[str] = None
    for para in found:
        if para.kind == "cite":
            speaker = para.text.rstrip(":").strip() or None
            time, new_turn = None, True
            b.speak(speaker)
        elif para.kind == "time":
            seconds = parse_time(para.text)
            if seconds is None or seconds < 0:
                ctx.bad_cue(f"bad time {para.text!r} (expected M:SS or H:MM:SS)", para.line, 1)
                continue
            time = seconds
        elif para.kind == "p":
            b.add(Piece(speaker, para.text.replace("\n", " "), time, None, para.line, para.end_line, True, new_turn=new_turn))
            time, new_turn = None, False
        elif para.kind in ("title", "heading") and title is None and (para.kind == "title" or para.level == 1):
            title = para.text.replace("\n", " ")
        else:
            kind = {"heading": "heading", "item": "list_item", "title": "heading"}.get(para.kind, "prose")
            blocks.append(Block(kind, para.text, Span(para.line, para.end_line), b.turn_index()))
    t = b.build(Metadata(title=title, source=ctx.filename))
    return attrs.evolve(t, blocks=tuple(blocks))


def _as_text(found: list[Paragraph]) -> tuple[str, list[int]]:
    """The page as a text document, and the page line of each of its lines."""
    out: list[str] = []
    where: list[int] = []
    for para in found:
        rows = para.marked.split("\n")
        if para.kind in ("heading", "title"):
            rows = ["#" * max(1, para.level) + " " + " ".join(rows)]
        elif para.kind == "item":
            rows = ["- " + " ".join(rows)]
        if out:
            out.append("")
            where.append(where[-1])
        for k, row in enumerate(rows):
            out.append(row)
            where.append(min(para.end_line, para.line + k))
    return "\n".join(out) + "\n", where


def _moved(span: Optional[Span], where: list[int]) -> Optional[Span]:
    if span is None or not where:
        return span
    start = where[min(span.start, len(where)) - 1]
    end = where[min(span.end, len(where)) - 1]
    return Span(start, max(start, end))


def read_paragraphs(found: list[Paragraph], ctx: ReadContext) -> Transcript:
    """A document's paragraphs (a page's, a Word file's) read by the text
    parser, positions given in the document's own lines."""
    from ..parser import parse

    text, where = _as_text(found)
    t = parse(text, source=ctx.filename)
    turns = tuple(attrs.evolve(u, lines=_moved(u.lines, where)) for u in t.turns)
    topics = tuple(attrs.evolve(p, lines=_moved(p.lines, where)) for p in t.topics)
    blocks = tuple(attrs.evolve(x, lines=_moved(x.lines, where)) for x in t.blocks)
    return attrs.evolve(t, turns=turns, topics=topics, blocks=blocks)


def read(text: str, ctx: ReadContext) -> Transcript:
    found = paragraphs(text)
    if any(p.kind == "cite" for p in found):
        return _podcasting20(found, ctx)
    return read_paragraphs(found, ctx)


def _sniff(text: str) -> bool:
    head = text.lstrip("\ufeff").lstrip()[:4000].lower()
    return head.startswith("<") and ("<cite" in head or "<html" in head or head.startswith("<!doctype html") or head.startswith("<p"))


register(Format("html", (".html", ".htm"), write, read, _sniff))
