"""A JSON array of utterance records (read only): ``[{"text": "…",
"start": 0.0, "duration": 1.5}, …]`` as youtube-transcript-api gives a
video's transcript, and as many datasets give their utterances (with a
``speaker``, ``end``, ``turn``…).

The fields are found by name as a table's columns are
(:func:`.rows.records`); an element that is not an object is a malformed
cue naming its line (``lenient``: skipped).  Detected by its shape: a
top-level array whose first objects have a text field and a start or a
speaker.
"""

from __future__ import annotations

import json
from typing import Any, Optional

from ..model import Metadata, Transcript
from ._json import load
from ._registry import Format, ReadContext, register
from .rows import Record, fields, records

__all__ = ["read"]


def _element_lines(text: str) -> list[int]:
    """The line on which each element of a top-level array starts (one
    pass, minding strings)."""
    out: list[int] = []
    depth = 0
    line = 1
    in_string = escaped = False
    expect = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
            elif ch == "\n":
                line += 1
            continue
        if ch == "\n":
            line += 1
        elif ch in " \t\r":
            continue
        elif depth == 1 and expect:
            out.append(line)
            expect = False
        if ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth == 1:
                expect = True
        elif ch in "]}":
            depth -= 1
        elif ch == "," and depth == 1:
            expect = True
    return out


def _is(data: Any) -> bool:
    if not isinstance(data, list) or not data:
        return False
    head = data[:5]
    if not all(isinstance(item, dict) for item in head):
        return False
    role = fields([k for item in head for k in item if isinstance(k, str)])
    return "text" in role and ("start" in role or "speaker" in role)


_LAST: list[Any] = [None, None]


def _shape(text: str) -> Any:
    """The JSON value of a text that is a JSON array (None otherwise), the
    last one asked about remembered."""
    if _LAST[0] is text:
        return _LAST[1]
    value = None
    if text.lstrip("\ufeff").lstrip()[:1] == "[":
        try:
            value = json.loads(text.lstrip("\ufeff"))
        except (ValueError, RecursionError):
            value = None
    _LAST[0], _LAST[1] = text, value
    return value


def read(text: str, ctx: ReadContext) -> Transcript:
    data = load(text, ctx.filename)
    if not isinstance(data, list):
        raise ctx.error("expected a JSON array of utterance records", 1, 1)
    lines = _element_lines(text)
    found: list[Record] = []
    names: dict[str, None] = {}
    for i, item in enumerate(data):
        line: Optional[int] = lines[i] if i < len(lines) else None
        if not isinstance(item, dict):
            ctx.bad_cue(f"[{i}]: expected an object", line)
            continue
        names.update(dict.fromkeys(k for k in item if isinstance(k, str)))
        found.append((line or 1, item))
    if not found:
        return Transcript(metadata=Metadata(source=ctx.filename))
    return records(found, list(names), ctx, what="field")


def _sniff(text: str) -> bool:
    return _is(_shape(text))


register(Format("json-records", (".records.json",), None, read, _sniff))
