"""Rev.ai's transcript JSON (read only).

``GET /speechtotext/v1/jobs/{id}/transcript`` with ``Accept:
application/vnd.rev.transcript.v1.0+json``, as Rev.ai's API reference
documents it (2024–2025): ``{"monologues": [{"speaker", "speaker_name"?,
"elements": [{"type": "text", "value", "ts", "end_ts", "confidence"},
{"type": "punct", "value"}]}]}``, times in seconds.  Each monologue is a
turn of its speaker (``speaker_name``, else "Speaker 0"); punctuation
belongs to the word before it; ``unknown`` elements (``<inaudible>``) are
words without times.  Recognised by its shape.
"""

from __future__ import annotations

from typing import Any

import attrs

from ..model import Metadata, Transcript, Word
from ._asr import Said, build, confidence, label, seconds, shape
from ._json import decode, objects
from ._registry import Format, ReadContext, register

__all__ = ["read"]


def _is(data: Any) -> bool:
    return isinstance(data, dict) and isinstance(data.get("monologues"), list)


def read(text: str, ctx: ReadContext) -> Transcript:
    data = decode(text, ctx)
    if not _is(data):
        raise ctx.error('not a Rev.ai transcript: expected {"monologues": [...]}', 1, 1)
    said: list[Said] = []
    for where, line, mono in objects(ctx, text, data["monologues"], "monologues"):
        name = mono.get("speaker_name") if isinstance(mono.get("speaker_name"), str) and mono["speaker_name"].strip() else None
        speaker = name or label(mono.get("speaker"))
        words: list[Word] = []
        elements = mono.get("elements")
        for i, el in enumerate(elements if isinstance(elements, list) else []):
            value = el.get("value") if isinstance(el, dict) else None
            if not isinstance(value, str):
                ctx.bad_cue(f"{where}.elements[{i}]: expected an object with a value", line)
                continue
            if el.get("type") == "punct":
                if value.strip() and words:
                    words[-1] = attrs.evolve(words[-1], text=words[-1].text + value.strip())
                elif value.strip():
                    words.append(Word(value.strip()))
                continue
            start, end = seconds(el.get("ts")), seconds(el.get("end_ts"))
            if el.get("type") == "text" and (start is None or end is None):
                ctx.bad_cue(f"{where}.elements[{i}]: expected ts and end_ts (seconds)", line)
                continue
            conf = confidence(el.get("confidence"))
            words.extend(Word(tok, start, end if end is None or start is None else max(start, end), conf) for tok in value.split())
        if words:
            said.append(Said(speaker, tuple(words), new_turn=True, line=line))
    return build(said, Metadata(source=ctx.filename))


def _sniff(text: str) -> bool:
    return _is(shape(text))


register(Format("revai", (), None, read, _sniff))
