"""Scenarist SCC (CEA-608 broadcast captions): recognised, not read.

SCC holds the byte pairs a television decoder receives (control codes,
pop-on and roll-up modes, frame-accurate timecodes), not text; decoding
them is a project of its own.  A file with the ``Scenarist_SCC V1.0``
header (or the ``.scc`` extension) is refused by name, so that it is not
taken for speaker-labelled text.
"""

from __future__ import annotations

from ..model import Transcript
from ._registry import Format, ReadContext, register

__all__ = ["read"]

HEADER = "Scenarist_SCC V1.0"


def read(text: str, ctx: ReadContext) -> Transcript:
    raise ctx.error(
        "SCC (Scenarist CEA-608) captions are not read: convert them to SRT or WebVTT first (ffmpeg, pycaption, CCExtractor)",
        1,
        1,
    )


def _sniff(text: str) -> bool:
    return text.lstrip("\ufeff").lstrip().startswith(HEADER)


register(Format("scc", (".scc",), None, read, _sniff))
