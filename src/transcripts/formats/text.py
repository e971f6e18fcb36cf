"""Speaker-labelled text: read by the parser."""

from __future__ import annotations

from typing import Optional

from ..model import Transcript
from ..parser import parse
from ._registry import Format, register

__all__ = ["loads"]


def loads(text: str, filename: Optional[str] = None) -> Transcript:
    return parse(text, source=filename)


register(Format("text", (".txt", ".md", ".markdown", ".text"), None, loads))
