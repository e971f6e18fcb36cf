"""The format registry: one :class:`Format` per module, looked up by name,
file extension or content, and the small classes that cross between the
codecs and :mod:`transcripts.io`.

A codec's writer takes a transcript and :class:`WriteOptions` and returns a
:class:`Conversion` (the text, and what the format could not hold); its
reader takes text and a :class:`ReadContext` (the file name, whether to be
lenient, and where skipped cues are recorded) and returns a transcript.
"""

from __future__ import annotations

import os
from typing import Any, Callable, Iterable, Optional

import attrs

from ..errors import ParseError
from ..model import Transcript

__all__ = [
    "FORMATS",
    "Conversion",
    "Dropped",
    "Format",
    "ReadContext",
    "Reading",
    "WriteOptions",
    "base_name",
    "detect",
    "get",
    "register",
]

#: The default speaking rate used to estimate missing times.
DEFAULT_WPM = 160.0


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return value if type(value) is tuple else tuple(value)


def _dropped(value: Iterable[Dropped]) -> tuple[Dropped, ...]:
    return value if type(value) is tuple else tuple(value)


def _errors(value: Iterable[ParseError]) -> tuple[ParseError, ...]:
    return value if type(value) is tuple else tuple(value)


@attrs.frozen(slots=True)
class WriteOptions:
    """How to write: the caption ``profile`` (None: the format's default)
    and the speaking rate used to estimate times the transcript lacks."""

    profile: Optional[str] = None
    wpm: float = DEFAULT_WPM


@attrs.frozen(slots=True)
class Dropped:
    """Something the target format cannot hold: ``count`` items of one
    kind (``what``, singular, e.g. "editor note"), with up to three
    ``examples`` of their text."""

    what: str
    count: int
    examples: tuple[str, ...] = attrs.field(default=(), converter=_strings)

    def __str__(self) -> str:
        what = self.what if self.count == 1 else _plural(self.what)
        shown = "; ".join(_shorten(e) for e in self.examples)
        return f"{self.count} {what}" + (f" ({shown})" if shown else "")


def _plural(what: str) -> str:
    """"topic" → "topics", "speaker role" → "speaker roles", "topic
    without a time" → "topics without a time"."""
    head, sep, tail = what.partition(" without ")
    if sep:
        return _plural(head) + sep + tail
    *first, word = what.split(" ")
    return " ".join([*first, _plural_word(word)])


def _plural_word(word: str) -> str:
    if word.endswith("y") and not word.endswith("ey"):
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


def _shorten(text: str, limit: int = 48) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


@attrs.frozen(slots=True)
class Conversion:
    """A written transcript: the ``text``, its ``format`` name and what
    the format could not hold (``dropped``; empty when nothing was lost)."""

    text: str
    format: str
    dropped: tuple[Dropped, ...] = attrs.field(default=(), converter=_dropped)


@attrs.frozen(slots=True)
class Reading:
    """A read transcript, the ``format`` it was read as, and the malformed
    cues a lenient reader ``skipped`` (each a :class:`ParseError` naming
    file, line and column)."""

    transcript: Transcript
    format: str
    skipped: tuple[ParseError, ...] = attrs.field(default=(), converter=_errors)


@attrs.define(slots=True)
class ReadContext:
    """What a reader needs besides the text: the ``filename`` for error
    messages and, when ``lenient``, a list that collects the malformed
    cues it skipped (each a :class:`ParseError` naming where)."""

    filename: Optional[str] = None
    lenient: bool = False
    skipped: list[ParseError] = attrs.field(factory=list)

    def error(self, message: str, line: Optional[int] = None, column: Optional[int] = None) -> ParseError:
        return ParseError(message, self.filename, line, column)

    def bad_cue(self, message: str, line: Optional[int] = None, column: Optional[int] = None) -> None:
        """A malformed cue: raise, or when lenient record it and return so
        that the reader skips the cue."""
        err = self.error(message, line, column)
        if not self.lenient:
            raise err
        self.skipped.append(err)

    def ignored(self, message: str, line: Optional[int] = None, column: Optional[int] = None) -> None:
        """Input the format's own rules say to skip (a WebVTT block that is
        not a cue): recorded, lenient or not, so that it is never lost
        without a word."""
        self.skipped.append(self.error(message, line, column))


Writer = Callable[[Transcript, WriteOptions], Conversion]
Reader = Callable[[str, ReadContext], Transcript]


@attrs.frozen(slots=True)
class Format:
    """A codec.  ``write`` or ``read`` is ``None`` for a format that is only
    read or only written.  ``extensions`` are file-name suffixes, the first
    one used for outputs; ``sniff`` recognises the format's content;
    ``profiles`` names the caption profiles its writer accepts (the first
    is the default); ``cues`` reads a caption format's cues."""

    name: str
    extensions: tuple[str, ...]
    write: Optional[Writer]
    read: Optional[Reader]
    sniff: Optional[Callable[[str], bool]] = None
    profiles: tuple[str, ...] = ()
    #: A caption format's cue reader (``transcripts.cues``): text and a
    #: ReadContext to a tuple of :class:`~._caption.Cue`.
    cues: Optional[Callable[[str, "ReadContext"], tuple[Any, ...]]] = None

    def dumps(self, t: Transcript) -> str:
        """The transcript in this format, with the default options."""
        if self.write is None:
            raise ValueError(f"format {self.name!r} can be read but not written")
        return self.write(t, WriteOptions()).text

    def loads(self, text: str, filename: Optional[str] = None) -> Transcript:
        """Read text in this format; malformed cues raise ParseError."""
        if self.read is None:
            raise ValueError(f"format {self.name!r} can be written but not read")
        return self.read(text, ReadContext(filename))


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


def _by_extension(filename: Optional[str]) -> list[Format]:
    """Formats claiming the file's suffix, the longest suffix first
    (``ep.chapters.json`` is chapters before it is JSON)."""
    if not filename:
        return []
    low = filename.lower()
    hits = [(len(ext), i, f) for i, f in enumerate(FORMATS.values()) for ext in f.extensions if low.endswith(ext)]
    seen: list[Format] = []
    for _, _, f in sorted(hits, key=lambda h: (-h[0], h[1])):
        if f not in seen:
            seen.append(f)
    return seen


def detect(filename: Optional[str], text: Optional[str] = None) -> Format:
    """The format of a file: from the extension, then from the content.

    The formats claiming the extension are asked first whether they
    recognise the content; then every other format that is read another
    way is asked (a ``.txt`` holding SRT cues is SRT, but one with a
    markdown heading stays text: both are read by the parser); then the
    extension's own format decides; and what is left is speaker-labelled
    text."""
    candidates = _by_extension(filename)
    if text is not None:
        for fmt in candidates:
            if fmt.sniff is not None and fmt.read is not None and fmt.sniff(text):
                return fmt
        readers = {f.read for f in candidates}
        for fmt in FORMATS.values():
            if fmt.sniff is not None and fmt.read is not None and fmt.read not in readers and fmt.sniff(text):
                return fmt
    for fmt in candidates:
        if text is None or fmt.read is not None:
            return fmt
    return FORMATS["text"]


def base_name(filename: str) -> str:
    """The file's name without its directory and without the longest
    format extension it ends with (``ep.chapters.json`` → ``ep``)."""
    name = os.path.basename(filename)
    low = name.lower()
    ext = max((e for f in FORMATS.values() for e in f.extensions if low.endswith(e) and len(e) < len(name)), key=len, default=None)
    if ext is None:
        return os.path.splitext(name)[0] or name
    return name[: -len(ext)]
