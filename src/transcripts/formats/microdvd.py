"""MicroDVD captions (read only): ``{start}{end}text`` in frames.

``|`` breaks a line; style codes (``{y:i}``, ``{c:$0000ff}``) are removed.
A first cue ``{1}{1}23.976`` gives the frame rate; without one the file is
read at 25 frames per second (the rate the PAL files the format comes from
use).  A line that is not a cue is an error naming it (with ``lenient``, a
warning and the line is skipped).  Speakers come from prefixes as in SRT.
"""

from __future__ import annotations

from typing import Optional

import regex

from ..model import Transcript
from ._build import reading
from ._caption import Cue
from ._registry import Format, ReadContext, register
from ._timecodes import lines

__all__ = ["DEFAULT_FPS", "cues", "read"]

#: Frames per second when the file does not say.
DEFAULT_FPS = 25.0

_CUE = regex.compile(r"^\{(?P<start>[0-9]{1,9})\}\{(?P<end>[0-9]{0,9})\}(?P<text>.*)$")
_STYLE = regex.compile(r"\{[A-Za-z]:[^{}]{0,100}\}")
_RATE = regex.compile(r"^[0-9]{1,3}(?:\.[0-9]{1,6})?$")


def cues(text: str, ctx: ReadContext) -> tuple[Cue, ...]:
    """The cues of a MicroDVD file."""
    fps: Optional[float] = None
    out: list[Cue] = []
    for number, line in enumerate(lines(text.lstrip("\ufeff")), 1):
        if not line.strip():
            continue
        m = _CUE.match(line.strip())
        if m is None:
            ctx.bad_cue("not a MicroDVD cue: expected '{start}{end}text'", number, 1)
            continue
        body = m["text"].strip()
        if fps is None and not out and m["start"] in ("0", "1") and _RATE.match(body) and float(body) > 0:
            fps = float(body)
            continue
        rate = fps or DEFAULT_FPS
        start = int(m["start"]) / rate
        end = int(m["end"]) / rate if m["end"] else start
        shown = "\n".join(" ".join(part.split()) for part in _STYLE.sub("", body).split("|"))
        out.append(Cue(start, max(start, end), shown, identifier=None, line=number, end_line=number))
    return tuple(out)


def read(text: str, ctx: ReadContext) -> Transcript:
    return reading(cues(text, ctx), ctx)


def _sniff(text: str) -> bool:
    for line in lines(text.lstrip("\ufeff")[:400]):
        if line.strip():
            return _CUE.match(line.strip()) is not None
    return False


register(Format("microdvd", (".sub",), None, read, _sniff, (), cues))
