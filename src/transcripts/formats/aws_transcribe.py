"""AWS Transcribe's job output JSON (read only).

The format of a completed batch job's transcript file (the ``results``
of ``{"jobName", "accountId", "status", "results": {"transcripts",
"items", "speaker_labels", ...}}``, as the Transcribe developer guide
documents it for 2023–2025 output): ``items`` are ``pronunciation`` items
with ``start_time``/``end_time`` (seconds, written as strings) and
``alternatives[0].content`` and ``confidence``, and ``punctuation`` items
that belong to the word before them.  The speaker of an item is its
``speaker_label`` (``spk_0``), or that of the ``speaker_labels.segments``
entry whose time span holds it (older output), or its ``channel_label``
(channel identification).  ``results.language_code`` gives the language.
Recognised by its shape, whatever the file's name.
"""

from __future__ import annotations

from typing import Any, Optional

import attrs

from ..model import Metadata, Transcript, Word
from ._asr import Said, build, confidence, language, seconds, shape
from ._json import decode
from ._registry import Format, ReadContext, register

__all__ = ["read"]


def _is(data: Any) -> bool:
    results = data.get("results") if isinstance(data, dict) else None
    return isinstance(results, dict) and isinstance(results.get("items"), list) and ("transcripts" in results or "jobName" in data)


def _segments(results: dict[str, Any]) -> list[tuple[float, float, str]]:
    labels = results.get("speaker_labels")
    segments = labels.get("segments") if isinstance(labels, dict) else None
    out = []
    for seg in segments if isinstance(segments, list) else []:
        if isinstance(seg, dict) and isinstance(seg.get("speaker_label"), str):
            start, end = seconds(seg.get("start_time")), seconds(seg.get("end_time"))
            if start is not None and end is not None:
                out.append((start, end, seg["speaker_label"]))
    return sorted(out)


def read(text: str, ctx: ReadContext) -> Transcript:
    data = decode(text, ctx)
    if not _is(data):
        raise ctx.error('not AWS Transcribe output: expected {"results": {"transcripts", "items"}}', 1, 1)
    results = data["results"]
    segments = _segments(results)
    at = 0
    words: list[tuple[Optional[str], Word]] = []
    for i, item in enumerate(results["items"]):
        where = f"results.items[{i}]"
        alternatives = item.get("alternatives") if isinstance(item, dict) else None
        best = alternatives[0] if isinstance(alternatives, list) and alternatives and isinstance(alternatives[0], dict) else None
        content = best.get("content") if best is not None else None
        if not isinstance(content, str):
            ctx.bad_cue(f"{where}: expected an object with alternatives[0].content")
            continue
        conf = confidence(best.get("confidence"))
        if item.get("type") == "punctuation":
            if words:
                who, last = words[-1]
                words[-1] = (who, attrs.evolve(last, text=last.text + content.strip()))
            elif content.strip():
                words.append((None, Word(content.strip())))
            continue
        start, end = seconds(item.get("start_time")), seconds(item.get("end_time"))
        if start is None or end is None:
            ctx.bad_cue(f"{where}: expected start_time and end_time (seconds)")
            continue
        speaker = item.get("speaker_label")
        if not isinstance(speaker, str):
            while at < len(segments) and segments[at][1] < start:
                at += 1
            speaker = segments[at][2] if at < len(segments) and segments[at][0] <= start else None
        if speaker is None and isinstance(item.get("channel_label"), str):
            speaker = item["channel_label"]
        for token in content.split():
            words.append((speaker, Word(token, start, max(start, end), conf)))
    said = [Said(who, (w,)) for who, w in words]
    return build(said, Metadata(source=ctx.filename, language=language(results.get("language_code"))))


def _sniff(text: str) -> bool:
    return _is(shape(text))


register(Format("aws-transcribe", (), None, read, _sniff))
