"""WebVTT captions with voice spans.

Writing: every cue opens with ``<v Full Name>``; the title goes in a NOTE
block; lines are at most 65 characters unless a profile says otherwise.
Reading: ``<v Name>`` (or ``<v.class Name>``) on any cue line starts that
speaker, ``</v>`` closes the span, and a cue without a voice continues the
previous speaker.  NOTE, STYLE and REGION blocks, cue identifiers and cue
settings are tolerated; other tags (``<c>``, ``<i>``, timestamps) are
removed and character references decoded.
"""

from __future__ import annotations

import html
from typing import Optional

import regex

from ..model import Metadata, Transcript
from ._build import Piece, TurnBuilder
from ._cues import PROFILES, WEB, cue_blocks, format_timestamp, layout, profile, read_timing
from ._registry import Conversion, Format, ReadContext, WriteOptions, register
from ._report import Holds, lost

__all__ = ["read", "write"]

# The file's first line: "WEBVTT", alone or followed by a space or tab and
# a header text.
_HEADER = regex.compile(r"^WEBVTT(?:[ \t].*)?$")

# A block that is not a cue: NOTE (a comment), STYLE or REGION, the word
# alone or followed by a space, a tab or the end of the line.
_NON_CUE = regex.compile(r"^(?P<kind>NOTE|STYLE|REGION)(?:[ \t].*)?$")

# The title line of our NOTE block.
_TITLE = regex.compile(r"^Title:[ ](?P<title>.+)$")

# A tag inside cue text: a voice span opening "<v Name>" or "<v.loud Name>"
# (the annotation is the name), its closing "</v>", or any other tag
# (<c.x>, <i>, <b>, <u>, <lang en>, <ruby>, <rt>, <00:00:01.000>).
_TAG = regex.compile(
    r"""<(?:
          (?P<voice>v(?:\.[^\s<>]{0,100})?(?:[ \t]+(?P<name>[^<>]{0,200}))?)  # <v Name>
        | (?P<close>/v)                                                 # </v>
        | /?[^<>]{0,200}                                                # any other tag
    )>""",
    regex.VERBOSE,
)


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


def write(t: Transcript, options: WriteOptions) -> Conversion:
    prof = profile(options.profile, WEB)
    _, cues = layout(t, prof, wpm=options.wpm)
    out = ["WEBVTT\n"]
    if t.metadata.title:
        title = " ".join(t.metadata.title.split()).replace("-->", "->")
        out.append(f"NOTE\nTitle: {title}\n")
    for cue in cues:
        voice = _escape(" ".join(cue.speaker.name.split()))
        body = "\n".join(_escape(line) for line in cue.lines)
        out.append(f"{format_timestamp(cue.start, '.')} --> {format_timestamp(cue.end, '.')}\n<v {voice}>{body}\n")
    return Conversion("\n".join(out), "vtt", lost(t, Holds(metadata=("title",), times=True)))


def _parts(line: str) -> list[tuple[Optional[str], str]]:
    """A cue line split where voices start: (name or None, text) pairs.
    A part after ``</v>`` has no voice of its own."""
    parts: list[tuple[Optional[str], str]] = []
    who: Optional[str] = None
    said: list[str] = []
    pos = 0
    for m in _TAG.finditer(line):
        said.append(line[pos : m.start()])
        pos = m.end()
        if m["voice"] is not None or m["close"] is not None:
            if "".join(said).strip() or who is not None:
                parts.append((who, "".join(said)))
            said = []
            who = html.unescape(m["name"] or "").strip() or None if m["voice"] is not None else None
    said.append(line[pos:])
    parts.append((who, "".join(said)))
    return [(w, html.unescape(s)) for w, s in parts if w is not None or s.strip()]


def read(text: str, ctx: ReadContext) -> Transcript:
    text = text.lstrip("\ufeff")
    blocks = cue_blocks(text)
    title: Optional[str] = None
    if not blocks or not _HEADER.match(blocks[0][0][1].strip()) or blocks[0][0][0] != 1:
        ctx.bad_cue("not WebVTT: the first line must be 'WEBVTT'", 1, 1)
    elif blocks:
        blocks = blocks[1:]  # the header and its metadata lines
    b = TurnBuilder()
    for block in blocks:
        first = block[0][1].strip()
        kind = _NON_CUE.match(first)
        if kind is not None and "-->" not in first:
            if kind["kind"] == "NOTE":
                for _, line in block:
                    m = _TITLE.match(line.strip())
                    if m is not None and title is None:
                        title = m["title"].strip()
            continue
        at = 0 if "-->" in first or len(block) == 1 else 1
        number, line = block[at]
        timing = read_timing(ctx, line, number)
        if timing is None:
            continue
        start, end = timing.start / 1000, timing.end / 1000
        last = block[-1][0]
        for n, payload in block[at + 1 :]:
            for who, said in _parts(payload):
                b.add(Piece(who, said, start, end, block[0][0], last))
    return b.build(Metadata(title=title, source=ctx.filename))


def _sniff(text: str) -> bool:
    return _HEADER.match(text.lstrip("\ufeff").split("\n", 1)[0].rstrip("\r")) is not None


register(Format("vtt", (".vtt",), write, read, _sniff, tuple(PROFILES)))
