"""Invariants a parsed episode should satisfy, as findings with line numbers.

Each check is a plain function from a :class:`Document` (the source text
and what the parser made of it) to :class:`Finding` objects; :func:`check_text`
and :func:`check_file` run them all.  A finding is not necessarily an error:
it points at a place a person should look (a speaker who speaks once may be
a caller, or a label the parser missed elsewhere).

Codes (see :data:`CODES`): ``unreadable``, ``unaccounted``, ``unsure``,
``single-label``, ``not-introduced``, ``long-turn``, ``time-backwards``,
``empty-turn``.
"""

from __future__ import annotations

import json
import os
import statistics
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Optional, Sequence, Union, cast

import attrs
import regex

from ._source import decode
from .errors import ParseError
from .model import Transcript, Turn
from .evidence import Unsure
from .parser import analyse

if TYPE_CHECKING:
    from .formats import FormatName

__all__ = [
    "CHECKS",
    "CODES",
    "Document",
    "Finding",
    "check_bytes",
    "check_document",
    "check_file",
    "check_files",
    "check_text",
    "empty_turns",
    "findings_json",
    "long_turns",
    "not_introduced",
    "single_labels",
    "times_backwards",
    "unaccounted",
    "unsure_lines",
]

#: Every finding code and what it means.
CODES: dict[str, str] = {
    "unreadable": "the file cannot be read, is not text in its encoding, or its reader refuses it",
    "unaccounted": "input lines that are in no turn, block or event of the result",
    "unsure": "a line the parser was unsure about (a label-like line it did not accept)",
    "single-label": "a speaker labelled only once: a false speaker, or a label missed elsewhere",
    "not-introduced": "a speaker whose name appears nowhere but in their own labels",
    "long-turn": "a turn far longer than the others, which may hide a missing label",
    "time-backwards": "a turn that starts before the turn before it",
    "empty-turn": "a turn without words",
}

#: A turn is "long" with at least this many words …
LONG_TURN_WORDS = 600
#: … and at least this many times the median turn's words.
LONG_TURN_FACTOR = 8
#: single-label only applies to dialogues with at least this many turns.
SINGLE_LABEL_MIN_TURNS = 4

# Lines: CRLF, CR and LF all end one (as the parser reads them).
_LINE_END = regex.compile(r"\r\n|\r|\n")
# Characters that make no line non-blank: whitespace, a BOM, zero-width space.
_BLANK = regex.compile(r"^[\s\ufeff\u200b]*$")
# A word: a run of letters, marks and digits.
_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")
# Scripts written without spaces between words (a name is a substring there).
_UNSPACED = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
# Words of a name that do not identify anyone on their own.
_NAME_FILLER = frozenset(
    "dr mr mrs ms mx prof rev sen rep gov gen col capt sir dame fr hon amb st jr sr "
    "van von der den de del della di da du dos das la le bin ibn al el ter ten y the".split()
)


@attrs.frozen(slots=True)
class Finding:
    """Something in ``file`` at ``line`` (1-based; ``None`` for the whole
    file) worth a look: ``code`` is one of :data:`CODES`."""

    file: str
    line: Optional[int]
    code: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.code}: {self.message}"


@attrs.frozen(slots=True)
class Document:
    """A source text and what the parser made of it: the transcript, and
    the lines it was unsure about."""

    file: str
    text: str
    transcript: Transcript
    unsure: tuple[Unsure, ...] = ()

    @classmethod
    def parse(cls, text: str, file: str = "<text>", convention: Optional[str] = None) -> "Document":
        """Parse ``text`` (``file`` names it) and keep what the checks need."""
        a = analyse(text, convention=convention, source=file)
        return cls(file, text, a.transcript, a.dialogue.unsure)

    def nonblank_lines(self) -> Iterator[int]:
        """Numbers of the lines holding more than whitespace."""
        for number, line in enumerate(_LINE_END.split(self.text), 1):
            if not _BLANK.match(line):
                yield number


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _turn_words(turn: Turn) -> int:
    return sum(_words(p) for p in turn.paragraphs)


def _line(turn: Turn) -> Optional[int]:
    return turn.lines.start if turn.lines is not None else None


# ---------------------------------------------------------------------------
# The checks
# ---------------------------------------------------------------------------


def unaccounted(doc: Document) -> Iterator[Finding]:
    """Non-blank input lines that no turn and no block (events, notes and
    chrome are blocks) covers: text the result silently lost."""
    t = doc.transcript
    covered: set[int] = set()
    for span in [u.lines for u in t.turns] + [b.lines for b in t.blocks]:
        if span is not None:
            covered.update(range(span.start, span.end + 1))
    run: list[int] = []
    for number in doc.nonblank_lines():
        if number in covered:
            continue
        if run and number != run[-1] + 1:
            yield _unaccounted(doc.file, run)
            run = []
        run.append(number)
    if run:
        yield _unaccounted(doc.file, run)


def _unaccounted(file: str, run: Sequence[int]) -> Finding:
    where = f"line {run[0]}" if len(run) == 1 else f"lines {run[0]}-{run[-1]}"
    return Finding(file, run[0], "unaccounted", f"{where} in no turn, block or event")


def unsure_lines(doc: Document) -> Iterator[Finding]:
    """Lines the parser itself was unsure about, with its reason."""
    for u in doc.unsure:
        yield Finding(doc.file, u.line, "unsure", u.reason)


def single_labels(doc: Document) -> Iterator[Finding]:
    """Speakers with a single turn in a dialogue of several: a false speaker
    ("First, on vaccinations:") or a speaker whose other labels were missed."""
    t = doc.transcript
    if len(t.turns) < SINGLE_LABEL_MIN_TURNS:
        return
    for s in t.speakers:
        mine = [u for u in t.turns if u.speaker == s.id]
        if len(mine) == 1:
            yield Finding(
                doc.file,
                _line(mine[0]),
                "single-label",
                f"{s.name!r} speaks only once (turn {mine[0].index}): a false speaker, or labels missed elsewhere",
            )


def _name_words(name: str) -> list[str]:
    return [w for w in (m.casefold() for m in _WORD.findall(name)) if w not in _NAME_FILLER and (len(w) > 1 or _UNSPACED.match(w))]


def not_introduced(doc: Document) -> Iterator[Finding]:
    """Speakers never named in the text: not by the intro, a participants
    line, an editor note, nor anyone's speech (their full name, an alias,
    or one of their names: a host is often introduced by "Thanks, Jordan").
    A label that names no one the text knows is often not a speaker at all."""
    t = doc.transcript
    if not t.turns:
        return
    said = " ".join([p for u in t.turns for p in u.paragraphs] + [b.text for b in t.blocks]).casefold()
    said_words = set(_WORD.findall(said))
    for s in t.speakers:
        words = {w for n in (s.name,) + s.aliases for w in _name_words(n)}
        # Words of scripts without spaces are looked for inside the text.
        if not any(w in said_words or (_UNSPACED.match(w) and w in said) for w in words):
            first = next((u for u in t.turns if u.speaker == s.id), None)
            if first is None:
                continue  # no label of theirs (a JSON or YAML document may list such a speaker)
            yield Finding(doc.file, _line(first), "not-introduced", f"{s.name!r} is named nowhere but in their labels")


def long_turns(doc: Document) -> Iterator[Finding]:
    """Turns much longer than the median turn: a label inside them may
    have been read as speech."""
    t = doc.transcript
    if len(t.turns) < 4:
        return
    median = statistics.median(_turn_words(u) for u in t.turns)
    for u in t.turns:
        n = _turn_words(u)
        if n >= LONG_TURN_WORDS and n >= LONG_TURN_FACTOR * max(median, 1):
            name = t.speaker(u.speaker).name if any(s.id == u.speaker for s in t.speakers) else u.speaker
            yield Finding(
                doc.file,
                _line(u),
                "long-turn",
                f"turn {u.index} ({name}) has {n} words in {len(u.paragraphs)} paragraphs, the median turn {median:g}: a missing label?",
            )


def times_backwards(doc: Document) -> Iterator[Finding]:
    """Turns that start before the turn before them."""
    prev: Optional[Turn] = None
    for u in doc.transcript.turns:
        if u.start is None:
            continue
        if prev is not None and prev.start is not None and u.start < prev.start:
            yield Finding(
                doc.file,
                _line(u),
                "time-backwards",
                f"turn {u.index} starts at {u.start:g} s, before turn {prev.index} at {prev.start:g} s",
            )
        prev = u


def empty_turns(doc: Document) -> Iterator[Finding]:
    """Turns holding no word: a label with nothing after it."""
    for u in doc.transcript.turns:
        if not any(_WORD.search(p) for p in u.paragraphs):
            yield Finding(doc.file, _line(u), "empty-turn", f"turn {u.index} has no words")


#: Every check, in the order findings are reported for a line.
CHECKS: tuple[Callable[[Document], Iterable[Finding]], ...] = (
    unaccounted,
    unsure_lines,
    single_labels,
    not_introduced,
    long_turns,
    times_backwards,
    empty_turns,
)


# ---------------------------------------------------------------------------
# Running them
# ---------------------------------------------------------------------------


def check_document(doc: Document, ignore: Iterable[str] = ()) -> tuple[Finding, ...]:
    """Every finding of every check, by line; codes in ``ignore`` skipped."""
    skip = frozenset(ignore)
    found = [f for check in CHECKS for f in check(doc) if f.code not in skip]
    order = {check: k for k, check in enumerate(CODES)}
    return tuple(sorted(found, key=lambda f: (f.line or 0, order.get(f.code, 99))))


def check_text(text: str, file: str = "<text>", *, convention: Optional[str] = None, ignore: Iterable[str] = ()) -> tuple[Finding, ...]:
    """Parse ``text`` and check it; ``file`` names it in the findings."""
    return check_document(Document.parse(text, file, convention), ignore)


def check_file(
    path: Union[str, "os.PathLike[str]"],
    *,
    fmt: Optional[str] = None,
    convention: Optional[str] = None,
    encoding: Optional[str] = None,
    ignore: Iterable[str] = (),
) -> tuple[Finding, ...]:
    """Read, parse and check a file in any format the library reads; a
    file that cannot be read or decoded gives one ``unreadable`` finding."""
    name = os.fspath(path)
    try:
        with open(name, "rb") as f:
            data = f.read()
    except OSError as exc:
        return (Finding(name, None, "unreadable", exc.strerror or str(exc)),)
    return check_bytes(data, name, fmt=fmt, convention=convention, encoding=encoding, ignore=ignore)


#: Formats whose transcripts' line spans number the lines of the text read
#: (the others' spans, if any, point into another document).
_LINE_FORMATS = ("text", "markdown", "srt")


def check_bytes(
    data: bytes,
    file: str,
    *,
    fmt: Optional[str] = None,
    convention: Optional[str] = None,
    encoding: Optional[str] = None,
    ignore: Iterable[str] = (),
) -> tuple[Finding, ...]:
    """Decode (UTF-8, or as ``encoding`` says), read (in ``fmt``, else the
    format the name and content show) and check.  Text and markdown are
    parsed with the unsure lines kept; other formats are read by their
    reader.  Bytes that cannot be decoded, and input the reader refuses,
    give one ``unreadable`` finding at their line."""
    from .formats import detect, detect_binary, get
    from .io import read

    name = None if file == "<stdin>" else file
    try:
        binary = get(fmt) if fmt else detect_binary(name, data)
        if binary is not None and binary.binary:
            # A Word document: read from its bytes; its positions are its
            # paragraphs, not lines of a text.
            transcript = read(data, cast("FormatName", binary.name), filename=file).transcript
            return check_document(Document(file, "", transcript), tuple(ignore) + ("unaccounted",))
        text = decode(data, file, encoding)
        codec = get(fmt) if fmt else detect(name, text)
        if codec.name in ("text", "markdown"):
            return check_text(text, file, convention=convention, ignore=ignore)
        transcript = read(text, cast("FormatName", codec.name), filename=file).transcript
    except ParseError as exc:
        where = f" (column {exc.column})" if exc.column is not None else ""
        return (Finding(file, exc.line, "unreadable", f"{exc.message}{where}"),)
    except (ValueError, RecursionError) as exc:
        # Input a reader could not handle and did not place: one finding,
        # so that the other files of a batch are still checked.
        return (Finding(file, None, "unreadable", f"cannot be read: {exc}"),)
    skip = tuple(ignore) + (() if codec.name in _LINE_FORMATS else ("unaccounted",))
    return check_document(Document(file, text, transcript), skip)


def findings_json(findings: Iterable[Finding]) -> str:
    """Findings as a JSON array of ``{"file", "line", "code", "message"}``."""
    return json.dumps([attrs.asdict(f) for f in findings], ensure_ascii=False, indent=2) + "\n"


def check_files(
    paths: Iterable[Union[str, "os.PathLike[str]"]],
    *,
    fmt: Optional[str] = None,
    convention: Optional[str] = None,
    encoding: Optional[str] = None,
    ignore: Iterable[str] = (),
) -> tuple[Finding, ...]:
    """:func:`check_file` over several files, findings in file order."""
    return tuple(f for p in paths for f in check_file(p, fmt=fmt, convention=convention, encoding=encoding, ignore=ignore))
