"""The one place that knows the shape of a transcript as plain data.

:func:`to_data` turns a :class:`~transcripts.model.Transcript` into dicts,
lists, strings, numbers, booleans and ``None`` (the document that
``schemas/transcript.schema.json`` describes); :func:`from_data` reads it
back, checking every field and naming the path of anything wrong.  The JSON
and YAML codecs are thin layers over these two functions.
"""

from __future__ import annotations

import builtins
import math
from typing import Any, Callable, Iterator, Optional, Sequence, TypeVar, Union

from ..errors import ParseError
from ..times import MAX_SECONDS
from ..model import BLOCK_KINDS, ROLES, TIMINGS, TOPIC_SOURCES, Block, Metadata, Span, Speaker, Topic, Transcript, Turn, Word

__all__ = ["FORMAT_NAME", "FORMAT_VERSION", "Locate", "Path", "Rows", "WordData", "dotted", "from_data", "to_data"]

FORMAT_NAME = "transcripts"
#: 1.1 added ``metadata.language``, ``metadata.episode``,
#: ``metadata.season``, ``turns[].words`` and ``topics[].confidence``; 1.0 documents (without them) are read unchanged.
FORMAT_VERSION = "1.2"

T = TypeVar("T")


def _span(span: Optional[Span]) -> Optional[dict[str, int]]:
    return None if span is None else {"start": span.start, "end": span.end}


class WordData(dict):  # type: ignore[type-arg]
    """One entry of ``turns[].words``: a plain dict, marked so that the
    YAML writer can put each word on one line."""


def _word(w: Word) -> WordData:
    d = WordData(text=w.text, start=w.start, end=w.end)
    if w.confidence is not None:
        d["confidence"] = w.confidence
    return d


def _turn(u: Turn) -> dict[str, Any]:
    d: dict[str, Any] = {
        "index": u.index,
        "speaker": u.speaker,
        "paragraphs": list(u.paragraphs),
        "start": u.start,
        "end": u.end,
        "timing": u.timing,
        "lines": _span(u.lines),
    }
    if u.words:
        d["words"] = [_word(w) for w in u.words]
    return d


class Rows:
    """The data of a list of records, made one record at a time as a
    writer walks it (``to_data(t, lazy=True)``): a writer that encodes each
    record as it comes never holds the data of them all at once."""

    __slots__ = ("_make", "_records")

    def __init__(self, make: Callable[[Any], dict[str, Any]], records: Sequence[Any]) -> None:
        self._make = make
        self._records = records

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return map(self._make, self._records)

    def __len__(self) -> int:
        return len(self._records)


def _block(b: Block) -> dict[str, Any]:
    d = {"kind": b.kind, "text": b.text, "lines": _span(b.lines), "turn": b.turn}
    if b.paragraph is not None:
        d["paragraph"] = b.paragraph  # (1.2: only for a block inside its turn)
    return d


def _topic(p: Topic) -> dict[str, Any]:
    return {
        "title": p.title,
        "source": p.source,
        "in_text": p.in_text,
        "turns": list(p.turns),
        "start": p.start,
        "lines": _span(p.lines),
        "confidence": p.confidence,
    }


def to_data(t: Transcript, lazy: bool = False) -> dict[str, Any]:
    """The transcript as JSON-ready data; with ``lazy``, the turns, the
    topics and the blocks are :class:`Rows` rather than lists (a page of
    many headings has as many topics)."""
    m = t.metadata
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "metadata": {
            "title": m.title,
            "subtitle": m.subtitle,
            "show": m.show,
            "recorded": m.recorded,
            "published": m.published,
            "convention": m.convention,
            "truncated": m.truncated,
            "source": m.source,
            "language": m.language,
            "episode": m.episode,
            "season": m.season,
        },
        "speakers": [
            {"id": s.id, "name": s.name, "aliases": list(s.aliases), "role": s.role, "description": s.description}
            for s in t.speakers
        ],
        "turns": Rows(_turn, t.turns) if lazy else [_turn(u) for u in t.turns],
        "topics": Rows(_topic, t.topics) if lazy else [_topic(p) for p in t.topics],
        "blocks": Rows(_block, t.blocks) if lazy else [_block(b) for b in t.blocks],
    }


Path = tuple[Union[str, int], ...]
#: Finds the (line, column) of the value at a path in the source text.
Locate = Callable[[Path], Optional[tuple[int, int]]]


def dotted(path: Path) -> str:
    """``("turns", 3, "speaker")`` → ``"turns[3].speaker"``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out or "document"


class _Invalid(Exception):
    def __init__(self, path: Path, message: str) -> None:
        super().__init__(path, message)
        self.path = path
        self.message = message


#: The keys each object of the document may have (its version's; a
#: document of a later minor version may have more, and they are ignored).
_KEYS: dict[str, frozenset[str]] = {
    "document": frozenset({"format", "version", "metadata", "speakers", "turns", "topics", "blocks"}),
    "metadata": frozenset({"title", "subtitle", "show", "recorded", "published", "convention", "truncated", "source", "language", "episode", "season"}),
    "speaker": frozenset({"id", "name", "aliases", "role", "description"}),
    "turn": frozenset({"index", "speaker", "paragraphs", "start", "end", "timing", "lines", "words"}),
    "word": frozenset({"text", "start", "end", "confidence"}),
    "topic": frozenset({"title", "source", "in_text", "turns", "start", "lines", "confidence"}),
    "block": frozenset({"kind", "text", "lines", "turn", "paragraph"}),
    "span": frozenset({"start", "end"}),
}


class _Reader:
    """Typed access to a data tree, raising :class:`_Invalid` with the path."""

    def __init__(self, strict_keys: bool) -> None:
        self.strict_keys = strict_keys

    def obj(self, value: Any, path: Path, kind: builtins.str) -> dict[builtins.str, Any]:
        if not isinstance(value, dict):
            raise _Invalid(path, f"expected an object, got {_kind(value)}")
        if self.strict_keys:
            extra = [k for k in value if k not in _KEYS[kind]]
            if extra:
                raise _Invalid(path + (builtins.str(extra[0]),), f"unknown key {extra[0]!r} (a {kind} has {', '.join(sorted(_KEYS[kind]))})")
        return value

    def list(self, value: Any, path: Path) -> builtins.list[Any]:
        if not isinstance(value, builtins.list):
            raise _Invalid(path, f"expected a list, got {_kind(value)}")
        return value

    def str(self, d: dict[builtins.str, Any], key: builtins.str, path: Path, optional: bool = False) -> Any:
        value = d.get(key)
        if value is None and optional:
            return None
        if not isinstance(value, builtins.str):
            raise _Invalid(path + (key,), "expected a string" + (" or null" if optional else "") + f", got {_kind(value)}")
        return value

    def int(self, value: Any, path: Path, optional: bool = False, minimum: builtins.int = 0) -> Any:
        if value is None and optional:
            return None
        if isinstance(value, bool) or not isinstance(value, builtins.int):
            raise _Invalid(path, "expected an integer" + (" or null" if optional else "") + f", got {_kind(value)}")
        if value < minimum:
            raise _Invalid(path, f"expected an integer of at least {minimum}, got {value}")
        return value

    def time(self, value: Any, path: Path) -> Optional[float]:
        if value is None:
            return None
        if not isinstance(value, bool) and isinstance(value, (builtins.int, float)):
            try:
                seconds = float(value)
            except OverflowError:
                seconds = math.inf
            if math.isfinite(seconds) and abs(seconds) <= MAX_SECONDS:
                return seconds  # (negative before the count's zero: "[-00:00:00:04]")
        raise _Invalid(path, f"expected seconds (a number of at most {MAX_SECONDS:.0e} either way) or null, got {_short(value)}")

    def choice(self, d: dict[builtins.str, Any], key: builtins.str, path: Path, choices: tuple[builtins.str, ...], default: Optional[builtins.str]) -> Any:
        value = d.get(key, default)
        if value is None and default is None:
            return None
        if not isinstance(value, builtins.str) or value not in choices:
            raise _Invalid(path + (key,), f"expected one of {', '.join(choices)}, got {_short(value)}")
        return value

    def bool(self, d: dict[builtins.str, Any], key: builtins.str, path: Path, default: builtins.bool) -> builtins.bool:
        value = d.get(key, default)
        if not isinstance(value, builtins.bool):
            raise _Invalid(path + (key,), f"expected true or false, got {_short(value)}")
        return value

    def span(self, value: Any, path: Path) -> Optional[Span]:
        if value is None:
            return None
        d = self.obj(value, path, "span")
        start = self.int(d.get("start"), path + ("start",), minimum=1)
        end = self.int(d.get("end"), path + ("end",), minimum=1)
        if end < start:
            raise _Invalid(path, f"bad line span {start}-{end}: it ends before it starts")
        return Span(start, end)

    def items(self, d: dict[builtins.str, Any], key: builtins.str, read: Callable[[Any, Path], T], path: Path = ()) -> tuple[T, ...]:
        values = self.list(d.get(key, []), path + (key,))
        return tuple(read(v, path + (key, i)) for i, v in enumerate(values))

    def fraction(self, d: dict[builtins.str, Any], key: builtins.str, path: Path) -> Optional[float]:
        """A number from 0 to 1, or null (a confidence)."""
        value = d.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (builtins.int, float)) or not 0 <= value <= 1:
            raise _Invalid(path + (key,), f"expected a number from 0 to 1 or null, got {_short(value)}")
        return float(value)

    def strings(self, value: Any, path: Path) -> tuple[builtins.str, ...]:
        values = self.list(value, path)
        for i, v in enumerate(values):
            if not isinstance(v, builtins.str):
                raise _Invalid(path + (i,), f"expected a string, got {_kind(v)}")
        return tuple(values)


def _kind(value: Any) -> str:
    return {type(None): "null", bool: "a boolean", int: "an integer", float: "a number", str: "a string", list: "a list", dict: "an object"}.get(
        type(value), type(value).__name__
    )


def _short(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return _kind(value)
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _version(doc: dict[str, Any]) -> tuple[int, int]:
    """The document's (major, minor) version; _Invalid when it is not one
    this library reads."""
    fmt = doc.get("format", FORMAT_NAME)
    if fmt != FORMAT_NAME:
        raise _Invalid(("format",), f"expected {FORMAT_NAME!r}, got {_short(fmt)}: not a transcripts document")
    version = doc.get("version", FORMAT_VERSION)
    major, _, minor = version.partition(".") if isinstance(version, str) else ("", "", "")
    ours = FORMAT_VERSION.split(".")
    if not (major.isdigit() and minor.isdigit() and len(minor) < 6) or major != ours[0]:
        raise _Invalid(("version",), f"unsupported format version {_short(version)} (this library reads {ours[0]}.x, writes {FORMAT_VERSION})")
    return int(major), int(minor)


def from_data(data: Any, filename: Optional[str] = None, locate: Optional[Locate] = None) -> Transcript:
    """Read data shaped as :func:`to_data` writes it, checking what
    ``schemas/transcript.schema.json`` says and what the schema cannot:
    unique speaker ids and turn indexes, turns of known speakers, topics and
    blocks pointing at existing turns, no turn ending before it starts.
    Keys the document's version does not have are refused (a later minor
    version's are ignored).  Anything wrong is a ParseError naming the path
    ("turns[3].speaker") and, when ``locate`` finds it, the line."""
    try:
        return _read(data)
    except _Invalid as exc:
        where = locate(exc.path) if locate is not None else None
        line, column = where if where else (None, None)
        raise ParseError(f"{dotted(exc.path)}: {exc.message}", filename, line, column) from None


def _read(data: Any) -> Transcript:
    if not isinstance(data, dict):
        raise _Invalid((), f"expected an object (a transcripts document), got {_kind(data)}")
    _, minor = _version(data)
    r = _Reader(strict_keys=minor <= builtins.int(FORMAT_VERSION.split(".")[1]))
    doc = r.obj(data, (), "document")
    md = r.obj(doc.get("metadata", {}), ("metadata",), "metadata")
    metadata = Metadata(
        **{k: r.str(md, k, ("metadata",), optional=True) for k in ("title", "subtitle", "show", "recorded", "published", "convention", "source", "language", "episode", "season")},
        truncated=r.bool(md, "truncated", ("metadata",), False),
    )

    def speaker(v: Any, path: Path) -> Speaker:
        d = r.obj(v, path, "speaker")
        sid = r.str(d, "id", path)
        if not sid:
            raise _Invalid(path + ("id",), "expected a non-empty id")
        return Speaker(
            id=sid,
            name=r.str(d, "name", path),
            aliases=r.strings(d.get("aliases", []), path + ("aliases",)),
            role=r.choice(d, "role", path, ROLES, "unknown"),
            description=r.str(d, "description", path, optional=True),
        )

    def word(v: Any, path: Path) -> Word:
        d = r.obj(v, path, "word")
        return Word(
            text=r.str(d, "text", path),
            start=r.time(d.get("start"), path + ("start",)),
            end=r.time(d.get("end"), path + ("end",)),
            confidence=r.fraction(d, "confidence", path),
        )

    def turn(v: Any, path: Path) -> Turn:
        d = r.obj(v, path, "turn")
        start, end = r.time(d.get("start"), path + ("start",)), r.time(d.get("end"), path + ("end",))
        if start is not None and end is not None and end < start:
            raise _Invalid(path + ("end",), f"the turn ends ({end:g} s) before it starts ({start:g} s)")
        return Turn(
            index=r.int(d.get("index"), path + ("index",)),
            speaker=r.str(d, "speaker", path),
            paragraphs=r.strings(d.get("paragraphs"), path + ("paragraphs",)),
            start=start,
            end=end,
            timing=r.choice(d, "timing", path, TIMINGS, None),
            lines=r.span(d.get("lines"), path + ("lines",)),
            words=r.items(d, "words", word, path),
        )

    def topic(v: Any, path: Path) -> Topic:
        d = r.obj(v, path, "topic")
        turns = r.list(d.get("turns", []), path + ("turns",))
        return Topic(
            title=r.str(d, "title", path),
            source=r.choice(d, "source", path, TOPIC_SOURCES, "announced"),
            in_text=r.bool(d, "in_text", path, True),
            turns=tuple(r.int(x, path + ("turns", i)) for i, x in enumerate(turns)),
            start=r.time(d.get("start"), path + ("start",)),
            lines=r.span(d.get("lines"), path + ("lines",)),
            confidence=r.fraction(d, "confidence", path),
        )

    def block(v: Any, path: Path) -> Block:
        d = r.obj(v, path, "block")
        return Block(
            kind=r.choice(d, "kind", path, BLOCK_KINDS, None) or "prose",
            text=r.str(d, "text", path),
            lines=r.span(d.get("lines"), path + ("lines",)),
            turn=r.int(d.get("turn"), path + ("turn",), optional=True),
            paragraph=r.int(d.get("paragraph"), path + ("paragraph",), optional=True),
        )

    speakers = r.items(doc, "speakers", speaker)
    turns = r.items(doc, "turns", turn)
    topics = r.items(doc, "topics", topic)
    blocks = r.items(doc, "blocks", block)
    ids: set[str] = set()
    for i, s in enumerate(speakers):
        if s.id in ids:
            raise _Invalid(("speakers", i, "id"), f"speaker id {s.id!r} is used twice")
        ids.add(s.id)
    indexes: set[int] = set()
    for i, u in enumerate(turns):
        if u.speaker not in ids:
            raise _Invalid(("turns", i, "speaker"), f"no speaker has id {u.speaker!r}")
        if u.index in indexes:
            raise _Invalid(("turns", i, "index"), f"turn index {u.index} is used twice")
        indexes.add(u.index)
    for i, p in enumerate(topics):
        for k, x in enumerate(p.turns):
            if x not in indexes:
                raise _Invalid(("topics", i, "turns", k), f"no turn has index {x}")
    for i, b in enumerate(blocks):
        if b.turn is not None and b.turn not in indexes:
            raise _Invalid(("blocks", i, "turn"), f"no turn has index {b.turn}")
    return Transcript(metadata=metadata, speakers=speakers, turns=turns, topics=topics, blocks=blocks)
