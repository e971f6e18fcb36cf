"""SAMI captions (Microsoft's ``.smi``/``.sami``; read only).

``<SYNC Start=ms><P Class=ENCC>text</P></SYNC>``: a caption shows from its
SYNC's start to the next SYNC's; a SYNC holding only ``&nbsp;`` clears the
screen.  ``<br>`` breaks a line, other tags are removed.  A file with
captions in several languages (P classes) is read in the first one; its
``lang`` in the STYLE block gives the language and ``<TITLE>`` the title.
A SYNC without a numeric start is an error naming its line (with
``lenient``, a warning and it is skipped).  Speakers come from prefixes as
in SRT.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Optional

import regex

from ..model import Transcript
from ..times import MAX_SECONDS
from ._build import reading
from ._caption import Cue
from ._registry import Format, ReadContext, register

__all__ = ["cues", "read"]

# A class rule of the STYLE block: ".ENCC {Name: English; lang: en-US; ...}".
_CLASS = regex.compile(r"\.(?P<name>[A-Za-z0-9_-]{1,40})[ \t]{0,8}\{(?P<body>[^{}]{0,1000})\}")
_LANG = regex.compile(r"(?i:lang)[ \t]{0,8}:[ \t]{0,8}(?P<lang>[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8}){0,4})")


class _Reader(HTMLParser):
    def __init__(self, ctx: ReadContext) -> None:
        super().__init__(convert_charrefs=True)
        self.ctx = ctx
        self.syncs: list[tuple[int, int, str, Optional[str]]] = []  # start ms, line, text, class
        self.start: Optional[int] = None
        self.line = 0
        self.text: list[str] = []
        self.klass: Optional[str] = None
        self.where: Optional[str] = None  # "title", "style" or None
        self.title: list[str] = []
        self.style: list[str] = []

    def _close(self) -> None:
        if self.start is not None:
            self.syncs.append((self.start, self.line, "".join(self.text), self.klass))
        self.start, self.text, self.klass = None, [], None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, Optional[str]]]) -> None:
        values = {k.lower(): v for k, v in attrs}
        if tag == "sync":
            self._close()
            line, column = self.getpos()
            start = (values.get("start") or "").strip()
            if not start.isdigit():
                self.ctx.bad_cue(f"SYNC without a start time in milliseconds: {start!r}", line, column + 1)
                return
            if len(start) > 13 or int(start) > MAX_SECONDS * 1000:
                self.ctx.bad_cue(f"SYNC time past any recording (more than {MAX_SECONDS:.0e} seconds)", line, column + 1)
                return
            self.start, self.line = int(start), line
        elif tag == "p" and self.start is not None:
            self.klass = self.klass or values.get("class")
        elif tag == "br":
            self.text.append("\n")
        elif tag in ("title", "style"):
            self.where = tag

    def handle_endtag(self, tag: str) -> None:
        if tag in ("title", "style"):
            self.where = None
        elif tag == "body":
            self._close()

    def handle_data(self, data: str) -> None:
        if self.where == "title":
            self.title.append(data)
        elif self.where == "style":
            self.style.append(data)
        elif self.start is not None:
            self.text.append(data)


def _scan(text: str, ctx: ReadContext) -> tuple[tuple[Cue, ...], Optional[str], Optional[str]]:
    reader = _Reader(ctx)
    reader.feed(text.lstrip("\ufeff"))
    reader.close()
    reader._close()
    classes = [k for _, _, _, k in reader.syncs if k]
    chosen = classes[0] if classes else None
    syncs = [s for s in reader.syncs if s[3] in (chosen, None)]
    out: list[Cue] = []
    for k, (start, line, said, _) in enumerate(syncs):
        shown = "\n".join(x for x in (" ".join(row.split()) for row in said.split("\n")) if x)
        if not shown:
            continue  # &nbsp;: the screen cleared
        end = syncs[k + 1][0] if k + 1 < len(syncs) else start
        out.append(Cue(start / 1000, max(start, end) / 1000, shown, line=line, end_line=line, settings={"class": chosen} if chosen else {}))
    language = None
    for m in _CLASS.finditer("".join(reader.style)):
        if chosen is not None and m["name"].lower() == chosen.lower():
            found = _LANG.search(m["body"])
            language = found["lang"] if found else None
    title = " ".join("".join(reader.title).split()) or None
    return tuple(out), title, language


def cues(text: str, ctx: ReadContext) -> tuple[Cue, ...]:
    """The captions of a SAMI file, in its first language."""
    return _scan(text, ctx)[0]


def read(text: str, ctx: ReadContext) -> Transcript:
    found, title, language = _scan(text, ctx)
    return reading(found, ctx, title, language)


def _sniff(text: str) -> bool:
    return text.lstrip("\ufeff").lstrip()[:20].upper().startswith("<SAMI")


register(Format("sami", (".smi", ".sami"), None, read, _sniff, (), cues))
