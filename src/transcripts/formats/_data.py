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
from typing import Any, Callable, Optional, TypeVar

from ..errors import ParseError
from ..model import BLOCK_KINDS, ROLES, TIMINGS, TOPIC_SOURCES, Block, Metadata, Span, Speaker, Topic, Transcript, Turn, Word

__all__ = ["FORMAT_NAME", "FORMAT_VERSION", "WordData", "from_data", "to_data"]

FORMAT_NAME = "transcripts"
#: 1.1 added ``metadata.language`` and ``turns[].words``; 1.0 documents
#: (without them) are read unchanged.
FORMAT_VERSION = "1.1"

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


def to_data(t: Transcript) -> dict[str, Any]:
    """The transcript as JSON-ready data."""
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
        },
        "speakers": [
            {"id": s.id, "name": s.name, "aliases": list(s.aliases), "role": s.role, "description": s.description}
            for s in t.speakers
        ],
        "turns": [_turn(u) for u in t.turns],
        "topics": [
            {
                "title": p.title,
                "source": p.source,
                "in_text": p.in_text,
                "turns": list(p.turns),
                "start": p.start,
                "lines": _span(p.lines),
                "confidence": p.confidence,
            }
            for p in t.topics
        ],
        "blocks": [{"kind": b.kind, "text": b.text, "lines": _span(b.lines), "turn": b.turn} for b in t.blocks],
    }


class _Reader:
    """Typed access to a data tree, raising ParseError with the path."""

    def __init__(self, filename: Optional[str]) -> None:
        self.filename = filename

    def fail(self, path: str, message: str) -> ParseError:
        return ParseError(f"{path}: {message}", self.filename)

    def obj(self, value: Any, path: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(path, f"expected an object, got {type(value).__name__}")
        return value

    def list(self, value: Any, path: str) -> list[Any]:
        if not isinstance(value, list):
            raise self.fail(path, f"expected a list, got {type(value).__name__}")
        return value

    def str(self, d: dict[str, Any], key: str, path: str, optional: bool = False) -> Any:
        value = d.get(key)
        if value is None and optional:
            return None
        if not isinstance(value, str):
            raise self.fail(f"{path}.{key}", "expected a string" + (" or null" if optional else ""))
        return value

    def int(self, value: Any, path: builtins.str, optional: bool = False) -> Any:
        if value is None and optional:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(path, "expected an integer" + (" or null" if optional else ""))
        return value

    def time(self, value: Any, path: builtins.str) -> Optional[float]:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
            raise self.fail(path, "expected seconds (a number, not negative) or null")
        return float(value)

    def choice(
        self, d: dict[builtins.str, Any], key: builtins.str, path: builtins.str, choices: tuple[builtins.str, ...], default: Optional[builtins.str]
    ) -> Any:
        value = d.get(key, default)
        if value is None and default is None:
            return None
        if value not in choices:
            raise self.fail(f"{path}.{key}", f"expected one of {', '.join(choices)}, got {value!r}")
        return value

    def span(self, value: Any, path: builtins.str) -> Optional[Span]:
        if value is None:
            return None
        d = self.obj(value, path)
        start, end = self.int(d.get("start"), f"{path}.start"), self.int(d.get("end"), f"{path}.end")
        if start < 1 or end < start:
            raise self.fail(path, f"bad line span {start}-{end}")
        return Span(start, end)

    def items(self, d: dict[builtins.str, Any], key: builtins.str, path: builtins.str, read: Callable[[Any, builtins.str], T]) -> tuple[T, ...]:
        values = self.list(d.get(key, []), f"{path}{key}")
        return tuple(read(v, f"{path}{key}[{i}]") for i, v in enumerate(values))

    def strings(self, value: Any, path: builtins.str) -> tuple[builtins.str, ...]:
        values = self.list(value, path)
        for i, v in enumerate(values):
            if not isinstance(v, str):
                raise self.fail(f"{path}[{i}]", "expected a string")
        return tuple(values)


def from_data(data: Any, filename: Optional[str] = None) -> Transcript:
    """Read data shaped as :func:`to_data` writes it; ParseError otherwise."""
    r = _Reader(filename)
    doc = r.obj(data, "document")
    version = doc.get("version", FORMAT_VERSION)
    if not isinstance(version, str) or version.split(".")[0] != FORMAT_VERSION.split(".")[0]:
        raise r.fail("version", f"unsupported format version {version!r} (this library reads {FORMAT_VERSION})")
    md = r.obj(doc.get("metadata", {}), "metadata")
    truncated = md.get("truncated", False)
    if not isinstance(truncated, bool):
        raise r.fail("metadata.truncated", "expected true or false")
    metadata = Metadata(
        **{k: r.str(md, k, "metadata", optional=True) for k in ("title", "subtitle", "show", "recorded", "published", "convention", "source", "language")},
        truncated=truncated,
    )

    def speaker(v: Any, path: str) -> Speaker:
        d = r.obj(v, path)
        return Speaker(
            id=r.str(d, "id", path),
            name=r.str(d, "name", path),
            aliases=r.strings(d.get("aliases", []), f"{path}.aliases"),
            role=r.choice(d, "role", path, ROLES, "unknown"),
            description=r.str(d, "description", path, optional=True),
        )

    def word(v: Any, path: str) -> Word:
        d = r.obj(v, path)
        confidence = d.get("confidence")
        if confidence is not None and (isinstance(confidence, bool) or not isinstance(confidence, (int, float)) or not 0 <= confidence <= 1):
            raise r.fail(f"{path}.confidence", "expected a number from 0 to 1 or null")
        return Word(
            text=r.str(d, "text", path),
            start=r.time(d.get("start"), f"{path}.start"),
            end=r.time(d.get("end"), f"{path}.end"),
            confidence=None if confidence is None else float(confidence),
        )

    def turn(v: Any, path: str) -> Turn:
        d = r.obj(v, path)
        return Turn(
            index=r.int(d.get("index"), f"{path}.index"),
            speaker=r.str(d, "speaker", path),
            paragraphs=r.strings(d.get("paragraphs"), f"{path}.paragraphs"),
            start=r.time(d.get("start"), f"{path}.start"),
            end=r.time(d.get("end"), f"{path}.end"),
            timing=r.choice(d, "timing", path, TIMINGS, None),
            lines=r.span(d.get("lines"), f"{path}.lines"),
            words=r.items(d, "words", f"{path}.", word),
        )

    def topic(v: Any, path: str) -> Topic:
        d = r.obj(v, path)
        in_text = d.get("in_text", True)
        if not isinstance(in_text, bool):
            raise r.fail(f"{path}.in_text", "expected true or false")
        turns = r.list(d.get("turns", []), f"{path}.turns")
        return Topic(
            title=r.str(d, "title", path),
            source=r.choice(d, "source", path, TOPIC_SOURCES, "announced"),
            in_text=in_text,
            turns=tuple(r.int(x, f"{path}.turns[{i}]") for i, x in enumerate(turns)),
            start=r.time(d.get("start"), f"{path}.start"),
            lines=r.span(d.get("lines"), f"{path}.lines"),
            confidence=confidence(d.get("confidence"), f"{path}.confidence"),
        )

    def confidence(value: Any, path: str) -> Optional[float]:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
            raise r.fail(path, "expected a number from 0 to 1, or null")
        return float(value)

    def block(v: Any, path: str) -> Block:
        d = r.obj(v, path)
        return Block(
            kind=r.choice(d, "kind", path, BLOCK_KINDS, None) or "prose",
            text=r.str(d, "text", path),
            lines=r.span(d.get("lines"), f"{path}.lines"),
            turn=r.int(d.get("turn"), f"{path}.turn", optional=True),
        )

    speakers = r.items(doc, "speakers", "", speaker)
    turns = r.items(doc, "turns", "", turn)
    ids = {s.id for s in speakers}
    if len(ids) != len(speakers):
        raise r.fail("speakers", "speaker ids are not unique")
    for i, u in enumerate(turns):
        if u.speaker not in ids:
            raise r.fail(f"turns[{i}].speaker", f"no speaker has id {u.speaker!r}")
    return Transcript(
        metadata=metadata,
        speakers=speakers,
        turns=turns,
        topics=r.items(doc, "topics", "", topic),
        blocks=r.items(doc, "blocks", "", block),
    )
