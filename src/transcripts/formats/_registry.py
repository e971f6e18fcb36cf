"""The format registry: one :class:`Format` per module, looked up by name,
file extension or content."""

from __future__ import annotations

import os
from typing import Callable, Optional

import attrs

from ..model import Transcript

__all__ = ["FORMATS", "Format", "detect", "get", "register"]

Writer = Callable[[Transcript], str]
Reader = Callable[[str, Optional[str]], Transcript]


@attrs.frozen(slots=True)
class Format:
    """A codec: ``dumps`` writes text, ``loads(text, filename)`` reads it.
    Either may be ``None`` for a format that is only read or only written."""

    name: str
    extensions: tuple[str, ...]
    dumps: Optional[Writer]
    loads: Optional[Reader]
    sniff: Optional[Callable[[str], bool]] = None


FORMATS: dict[str, Format] = {}


def register(fmt: Format) -> Format:
    if fmt.name in FORMATS:
        raise ValueError(f"format {fmt.name!r} registered twice")
    FORMATS[fmt.name] = fmt
    return fmt


def get(name: str) -> Format:
    try:
        return FORMATS[name]
    except KeyError:
        raise ValueError(f"unknown format {name!r}; known: {', '.join(sorted(FORMATS))}") from None


def detect(filename: Optional[str], text: Optional[str] = None) -> Format:
    """The format of a file: by content when a format recognises it, else by
    extension, else speaker-labelled text."""
    if text is not None:
        for fmt in FORMATS.values():
            if fmt.sniff is not None and fmt.sniff(text):
                return fmt
    if filename:
        ext = os.path.splitext(filename)[1].lower()
        for fmt in FORMATS.values():
            if ext in fmt.extensions:
                return fmt
    return FORMATS["text"]
