"""Reading and writing transcripts by format name or file name."""

from __future__ import annotations

import os
import tempfile
from typing import Optional, Union

from .errors import ParseError
from .formats import detect, get
from .model import Transcript
from .parser import read_text

__all__ = ["atomic_write", "dump", "dumps", "load", "loads"]

PathLike = Union[str, "os.PathLike[str]"]


def dumps(t: Transcript, fmt: str = "json") -> str:
    """The transcript written in format ``fmt`` ("json", "yaml", …)."""
    writer = get(fmt).dumps
    if writer is None:
        raise ValueError(f"format {fmt!r} can be read but not written")
    return writer(t)


def loads(text: str, fmt: Optional[str] = None, *, filename: Optional[str] = None) -> Transcript:
    """Read a transcript from text in format ``fmt``; by default the format
    is detected from ``filename`` and the content.  ``"text"`` parses
    speaker-labelled text."""
    codec = get(fmt) if fmt else detect(filename, text)
    if codec.loads is None:
        raise ValueError(f"format {codec.name!r} can be written but not read")
    try:
        return codec.loads(text, filename)
    except ParseError as exc:
        raise exc.with_filename(filename) if filename else exc


def load(path: PathLike, fmt: Optional[str] = None) -> Transcript:
    """Read a transcript file; the format comes from the extension and the
    content unless ``fmt`` names it."""
    name = os.fspath(path)
    return loads(read_text(name), fmt, filename=name)


def atomic_write(path: PathLike, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same
    folder and a rename, so that a failure never leaves a partial file."""
    name = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(name))
    fd, tmp = tempfile.mkstemp(prefix="." + os.path.basename(name) + ".", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, name)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def dump(t: Transcript, path: PathLike, fmt: Optional[str] = None) -> None:
    """Write a transcript file atomically; the format comes from the
    extension unless ``fmt`` names it."""
    name = os.fspath(path)
    atomic_write(name, dumps(t, fmt or detect(name).name))
