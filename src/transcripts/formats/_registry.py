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
from importlib import import_module
from typing import Any, Callable, Iterable, Iterator, Literal, Optional, Sequence, get_args

import attrs

from ..errors import ParseError
from ..model import Transcript

__all__ = [
    "FORMATS",
    "FORMAT_NAMES",
    "Conversion",
    "Corpus",
    "Dropped",
    "Episode",
    "Format",
    "FormatName",
    "ReadContext",
    "Reading",
    "WriteOptions",
    "base_name",
    "by_extension",
    "detect",
    "detect_binary",
    "get",
    "register",
]

#: The default speaking rate used to estimate missing times.
DEFAULT_WPM = 160.0
#: Speaking rates accepted for estimating times (words per minute).
WPM_RANGE = (20.0, 1000.0)
#: What ``--rows`` / ``rows=`` accepts for the row exports (csv, tsv).
ROWS = ("turns", "paragraphs")

#: The built-in formats' names, for type checkers (``dumps(t, "yml")`` is
#: caught) and for listing them without importing a codec.
FormatName = Literal[
    "json", "yaml", "text", "markdown", "srt", "vtt", "podcast-json", "asr-json",
    "aws-transcribe", "deepgram", "elevenlabs", "assemblyai", "revai", "speechmatics", "azure-speech", "google-stt", "ibm-watson", "whisper-cpp",
    "vosk", "gladia", "html", "chapters", "sbv", "ass", "ttml", "sami", "microdvd", "scc", "docx", "json-records", "youtube-json3", "youtube-xml",
    "csv", "tsv", "jsonl", "convokit", "rttm", "textgrid", "chat", "eaf", "trs",
]  # fmt: skip
FORMAT_NAMES: tuple[str, ...] = get_args(FormatName)
#: Built-in formats that are only read, or only written (the command line
#: lists its choices from these without importing a codec).
READ_ONLY: tuple[str, ...] = (
    "asr-json", "aws-transcribe", "deepgram", "elevenlabs", "assemblyai", "revai", "speechmatics", "azure-speech", "google-stt", "ibm-watson", "whisper-cpp", "vosk", "gladia", "sbv", "ass", "sami", "microdvd", "scc", "docx", "json-records", "youtube-json3", "youtube-xml", "chat", "trs",
)  # fmt: skip
WRITE_ONLY: tuple[str, ...] = ("convokit",)

#: The modules that register the built-in formats, imported on first use of
#: the registry; detection asks the formats in this order, so the strict
#: content checks (transcripts JSON and YAML, WebVTT's header, SRT's timing
#: lines, …) come before looser ones.
_MODULES = (
    "jsonfmt", "yamlfmt", "textgrid", "chat", "text", "markdown", "srt", "vtt", "podcast_json", "asr_json",
    "aws_transcribe", "deepgram", "elevenlabs", "assemblyai", "revai", "speechmatics", "azure_speech", "google_stt", "ibm_watson", "whisper_cpp", "vosk", "gladia", "html", "chapters",
    "sbv", "ass", "ttml", "sami", "microdvd", "scc", "docx", "json_records", "youtube",
    "rows", "jsonl", "convokit", "rttm", "eaf", "trs",
)  # fmt: skip


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return value if type(value) is tuple else tuple(value)


def _dropped(value: Iterable[Dropped]) -> tuple[Dropped, ...]:
    return value if type(value) is tuple else tuple(value)


def _errors(value: Iterable[ParseError]) -> tuple[ParseError, ...]:
    return value if type(value) is tuple else tuple(value)


@attrs.frozen(slots=True)
class WriteOptions:
    """How to write: the caption ``profile`` (None: the format's default),
    the speaking rate used to estimate times the transcript lacks,
    ``compact`` JSON (no indentation) and the ``rows`` of the row exports
    (one per turn or per paragraph)."""

    profile: Optional[str] = None
    wpm: float = DEFAULT_WPM
    compact: bool = False
    rows: str = "turns"


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


@attrs.frozen(slots=True)
class Episode:
    """One transcript of a corpus, with the ``id`` its rows carry (the
    input's base name)."""

    id: str
    transcript: Transcript


@attrs.frozen(slots=True)
class Corpus:
    """Several transcripts written as one output: ``files`` are (relative
    name, text) pairs, the name ``""`` for a format that is one file (csv,
    jsonl), file names inside a folder otherwise (convokit); ``dropped``
    adds up what the format could not hold over every transcript."""

    files: tuple[tuple[str, str], ...]
    format: str
    dropped: tuple[Dropped, ...] = attrs.field(default=(), converter=_dropped)


def merge_dropped(lists: Iterable[Iterable[Dropped]]) -> tuple[Dropped, ...]:
    """The drops of several conversions, counts added up by kind, the first
    three examples kept."""
    merged: dict[str, tuple[int, list[str]]] = {}
    for dropped in lists:
        for d in dropped:
            count, examples = merged.get(d.what, (0, []))
            examples.extend(e for e in d.examples if len(examples) < 3)
            merged[d.what] = (count + d.count, examples)
    return tuple(Dropped(what, count, tuple(examples)) for what, (count, examples) in merged.items())


Writer = Callable[[Transcript, WriteOptions], Conversion]
Reader = Callable[[str, ReadContext], Transcript]
CorpusWriter = Callable[[Sequence[Episode], WriteOptions], Corpus]


@attrs.frozen(slots=True)
class Format:
    """A codec.  ``write`` or ``read`` is ``None`` for a format that is only
    read or only written.  ``extensions`` are file-name suffixes, the first
    one used for outputs; ``sniff`` recognises the format's content;
    ``profiles`` names the caption profiles its writer accepts (the first
    is the default).  A corpus format (csv, jsonl, convokit) also has
    ``write_corpus``, which writes many transcripts as one output; a
    ``directory`` format writes a folder of files and has no ``write``.
    ``options`` names the other write options it takes (``compact``,
    ``rows``); ``cues`` reads a caption format's cues."""

    name: str
    extensions: tuple[str, ...]
    write: Optional[Writer]
    read: Optional[Reader]
    sniff: Optional[Callable[[str], bool]] = None
    profiles: tuple[str, ...] = ()
    #: A caption format's cue reader (``transcripts.cues``): text and a
    #: ReadContext to a tuple of :class:`~._caption.Cue`.
    cues: Optional[Callable[[str, "ReadContext"], tuple[Any, ...]]] = None
    write_corpus: Optional[CorpusWriter] = None
    directory: bool = False
    options: tuple[str, ...] = ()
    #: One line for ``--list-formats``.
    summary: str = ""
    #: A binary format (a Word document): ``read`` and ``sniff`` take the
    #: file's bytes, not its text (see :func:`detect_binary`).
    binary: bool = False

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


class _Registry(dict):  # type: ignore[type-arg]
    """The formats by name.  The built-in codecs are imported the first time
    the registry is read, so that ``import transcripts`` and ``transcripts
    --version`` import none of them."""

    loaded = False

    def load(self) -> None:
        if not self.loaded:
            self.loaded = True
            for module in _MODULES:
                import_module(f"{__package__}.{module}")

    def __getitem__(self, key: str) -> Format:
        self.load()
        return dict.__getitem__(self, key)  # type: ignore[no-any-return]

    def __contains__(self, key: object) -> bool:
        self.load()
        return dict.__contains__(self, key)

    def __iter__(self) -> Iterator[str]:
        self.load()
        return dict.__iter__(self)

    def __len__(self) -> int:
        self.load()
        return dict.__len__(self)

    def get(self, key: str, default: Any = None) -> Any:
        self.load()
        return dict.get(self, key, default)

    def keys(self) -> Any:
        self.load()
        return dict.keys(self)

    def values(self) -> Any:
        self.load()
        return dict.values(self)

    def items(self) -> Any:
        self.load()
        return dict.items(self)


#: Every registered format by name, in detection order.
FORMATS: dict[str, Format] = _Registry()


def register(fmt: Format) -> Format:
    """Add a format to the registry (after the built-in ones, which keep
    their order however their modules were first imported)."""
    FORMATS.load()  # type: ignore[attr-defined]
    if dict.__contains__(FORMATS, fmt.name):
        raise ValueError(f"format {fmt.name!r} registered twice")
    dict.__setitem__(FORMATS, fmt.name, fmt)
    if fmt.name in FORMAT_NAMES:
        rank = {name: k for k, name in enumerate(FORMAT_NAMES)}
        ordered = sorted(dict.items(FORMATS), key=lambda item: rank.get(item[0], len(rank)))
        dict.clear(FORMATS)
        dict.update(FORMATS, ordered)
    return fmt


def get(name: str) -> Format:
    try:
        return FORMATS[name]
    except KeyError:
        raise ValueError(f"unknown format {name!r}; known: {', '.join(sorted(FORMATS))}") from None


def by_extension(filename: str) -> Format:
    """The format a file name's extension names (the longest match, so
    ``ep.chapters.json`` is chapters); ValueError naming the known
    extensions when none does (``x.docx``)."""
    for fmt in _by_extension(filename):
        if fmt.write is not None or fmt.directory:
            return fmt
    known = sorted({e for f in FORMATS.values() if f.write is not None or f.directory for e in f.extensions})
    raise ValueError(f"cannot tell the format of {filename!r} from its extension; known: {', '.join(known)} (or name the format)")


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


def detect_binary(filename: Optional[str], data: bytes) -> Optional[Format]:
    """The binary format (see :attr:`Format.binary`) of a file's bytes: one
    whose content check recognises them, or, when none does, one whose
    extension the file has; None for a file to be read as text."""
    binary = [f for f in FORMATS.values() if f.binary and f.read is not None]
    for fmt in binary:
        if fmt.sniff is not None and fmt.sniff(data):  # type: ignore[arg-type]
            return fmt
    return next((f for f in _by_extension(filename) if f in binary), None)


def detect(filename: Optional[str], text: Optional[str] = None) -> Format:
    """The format of a file: from the extension, then from the content.

    The formats claiming the extension are asked first whether they
    recognise the content; then every other format that is read another
    way is asked (a ``.txt`` holding SRT cues is SRT, but one with a
    markdown heading stays text: both are read by the parser); then the
    extension's own format decides; and what is left is speaker-labelled
    text."""
    candidates = _by_extension(filename)
    candidates = [f for f in candidates if not f.binary] if text is not None else candidates
    if text is not None:
        for fmt in candidates:
            if fmt.sniff is not None and fmt.read is not None and fmt.sniff(text):
                return fmt
        readers = {f.read for f in candidates}
        for fmt in FORMATS.values():
            if fmt.sniff is not None and fmt.read is not None and not fmt.binary and fmt.read not in readers and fmt.sniff(text):
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
