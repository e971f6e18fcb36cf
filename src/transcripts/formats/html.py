"""The Podcasting 2.0 HTML transcript.

Each turn is ``<cite>Name:</cite>``, ``<time>M:SS</time>`` (its start) and
one ``<p>`` per paragraph, text escaped.  Reading accepts that fragment or
a whole page: the speaker of a ``<p>`` is the last ``<cite>`` before it,
consecutive blocks of one speaker make one turn, ``<br>`` is a space and
other inline tags are dropped; a ``<title>`` or ``<h1>`` gives the title.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser
from typing import Optional

from ..model import Metadata, Transcript
from ._build import Piece, TurnBuilder
from ._cues import estimate_times, format_clock, parse_clock
from ._registry import Conversion, Format, ReadContext, WriteOptions, register
from ._report import Holds, lost

__all__ = ["read", "write"]


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


class _Reader(HTMLParser):
    """Collects cites, times and paragraphs as pieces, in order."""

    def __init__(self, ctx: ReadContext) -> None:
        super().__init__(convert_charrefs=True)
        self.ctx = ctx
        self.builder = TurnBuilder()
        self.capture: Optional[str] = None  # the element whose text we collect
        self.buffer: list[str] = []
        self.opened_at = (1, 0)
        self.speaker: Optional[str] = None
        self.time: Optional[float] = None
        self.title: Optional[str] = None
        self.skip = 0  # inside <script> or <style>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, Optional[str]]]) -> None:
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in ("cite", "time", "p", "title", "h1"):
            if self.capture == "p" and tag != "p":
                return  # a <cite> or <time> inside a paragraph is its text
            self._finish()
            self.capture, self.buffer, self.opened_at = tag, [], self.getpos()
        elif tag == "br" and self.capture is not None:
            self.buffer.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag == self.capture:
            self._finish()

    def handle_data(self, data: str) -> None:
        if self.capture is not None and not self.skip:
            self.buffer.append(data)

    def _finish(self) -> None:
        tag, text = self.capture, " ".join("".join(self.buffer).split())
        self.capture, self.buffer = None, []
        line, column = self.opened_at
        if tag == "cite":
            self.speaker = text.rstrip(":").strip() or None
            self.time = None
            self.builder.speak(self.speaker)
        elif tag == "time":
            if not text:
                return
            seconds = parse_clock(text)
            if seconds is None:
                self.ctx.bad_cue(f"bad time {text!r} (expected M:SS or H:MM:SS)", line, column + 1)
                return
            self.time = seconds
        elif tag == "p":
            end_line = self.getpos()[0]
            self.builder.add(Piece(self.speaker, text, self.time, None, line, end_line, True))
            self.time = None
        elif tag in ("title", "h1") and self.title is None and text:
            self.title = text


def read(text: str, ctx: ReadContext) -> Transcript:
    reader = _Reader(ctx)
    reader.feed(text.lstrip("\ufeff"))
    reader.close()
    reader._finish()
    return reader.builder.build(Metadata(title=reader.title, source=ctx.filename))


def _sniff(text: str) -> bool:
    head = text.lstrip("\ufeff").lstrip()[:4000].lower()
    return head.startswith("<") and ("<cite" in head or "<html" in head or head.startswith("<!doctype html") or head.startswith("<p"))


register(Format("html", (".html", ".htm"), write, read, _sniff))
