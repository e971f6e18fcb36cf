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

from typing import Any, Optional

from ..model import Metadata, Transcript
from ._asr import shape
from ._json import array_lines, load
from ._registry import Format, ReadContext, register
from .rows import Record, fields, records

__all__ = ["read"]


def _is(data: Any) -> bool:
    if not isinstance(data, list) or not data:
        return False
    head = data[:5]
    if not all(isinstance(item, dict) for item in head):
        return False
    role = fields([k for item in head for k in item if isinstance(k, str)])
    return "text" in role and ("start" in role or "speaker" in role)


def read(text: str, ctx: ReadContext) -> Transcript:
    data = load(text, ctx.filename)
    if not isinstance(data, list):
        raise ctx.error("expected a JSON array of utterance records", 1, 1)
    lines = array_lines(text, None)
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
    return _is(shape(text))


register(Format("json-records", (".records.json",), None, read, _sniff))
