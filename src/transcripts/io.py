"""Reading and writing transcripts by format name or file name."""

from __future__ import annotations

import os
import tempfile
import warnings
from typing import Optional, Union

from .errors import ParseError, SkippedCueWarning
from .formats import Conversion, Reading, ReadContext, WriteOptions, detect, estimate_times, get
from .formats._registry import DEFAULT_WPM
from .model import Transcript
from .parser import read_text

__all__ = ["atomic_write", "convert", "dump", "dumps", "load", "loads", "read"]

PathLike = Union[str, "os.PathLike[str]"]


def convert(t: Transcript, fmt: str, *, profile: Optional[str] = None, wpm: Optional[float] = None) -> Conversion:
    """Write the transcript in format ``fmt`` and say what was lost.

    Returns a :class:`~transcripts.formats.Conversion`: ``.text`` and
    ``.dropped``, the parts of the transcript the format cannot hold (an
    empty tuple when nothing was lost).  ``profile`` chooses the caption
    profile of srt, vtt and podcast-json (``podcast``, ``netflix``,
    ``bbc``).  Timed formats estimate missing times at ``wpm`` words per
    minute (default 160); given for any other format, ``wpm`` fills in the
    missing times too (marked ``timing="estimated"``)."""
    codec = get(fmt)
    if codec.write is None:
        raise ValueError(f"format {fmt!r} can be read but not written")
    if profile is not None and profile not in codec.profiles:
        raise ValueError(f"format {fmt!r} has no profile {profile!r}" + (f"; known: {', '.join(codec.profiles)}" if codec.profiles else ""))
    if wpm is not None:
        t = estimate_times(t, wpm)
    options = WriteOptions(profile, DEFAULT_WPM if wpm is None else float(wpm))
    return codec.write(t, options)


def dumps(t: Transcript, fmt: str = "json", *, profile: Optional[str] = None, wpm: Optional[float] = None) -> str:
    """The transcript written in format ``fmt`` ("json", "yaml", "srt", …);
    see :func:`convert` for the options and for what a format drops."""
    return convert(t, fmt, profile=profile, wpm=wpm).text


def read(text: str, fmt: Optional[str] = None, *, filename: Optional[str] = None, lenient: bool = False) -> Reading:
    """Read a transcript from text in format ``fmt`` (by default detected
    from ``filename``, then the content).  Malformed cues raise
    :class:`ParseError` naming file and line; with ``lenient`` they are
    skipped and listed in the result's ``.skipped``."""
    codec = get(fmt) if fmt else detect(filename, text)
    if codec.read is None:
        raise ValueError(f"format {codec.name!r} can be written but not read")
    ctx = ReadContext(filename, lenient)
    try:
        t = codec.read(text, ctx)
    except ParseError as exc:
        raise exc.with_filename(filename) if filename else exc
    return Reading(t, codec.name, tuple(ctx.skipped))


def loads(text: str, fmt: Optional[str] = None, *, filename: Optional[str] = None, lenient: bool = False) -> Transcript:
    """Read a transcript from text in format ``fmt``; by default the format
    is detected from ``filename`` and the content.  ``"text"`` parses
    speaker-labelled text.  With ``lenient``, malformed cues are skipped,
    each with a :class:`SkippedCueWarning` (see :func:`read`)."""
    reading = read(text, fmt, filename=filename, lenient=lenient)
    for err in reading.skipped:
        warnings.warn(SkippedCueWarning(str(err)), stacklevel=2)
    return reading.transcript


def load(path: PathLike, fmt: Optional[str] = None, *, lenient: bool = False) -> Transcript:
    """Read a transcript file; the format comes from the extension and the
    content unless ``fmt`` names it."""
    name = os.fspath(path)
    return loads(read_text(name), fmt, filename=name, lenient=lenient)


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


def dump(t: Transcript, path: PathLike, fmt: Optional[str] = None, *, profile: Optional[str] = None, wpm: Optional[float] = None) -> Conversion:
    """Write a transcript file atomically; the format comes from the
    extension unless ``fmt`` names it.  Returns the conversion (what the
    format dropped), as :func:`convert` does."""
    name = os.fspath(path)
    conversion = convert(t, fmt or detect(name).name, profile=profile, wpm=wpm)
    atomic_write(name, conversion.text)
    return conversion
