"""Gladia's pre-recorded transcription result (read only).

``GET /v2/pre-recorded/{id}`` as Gladia's API reference documents it
(2024–2025): ``{"id", "status", "result": {"metadata", "transcription":
{"full_transcript", "languages", "utterances": [{"start", "end",
"confidence", "channel", "speaker", "language", "text", "words":
[{"word", "start", "end", "confidence"}]}]}}}``, times in seconds (the
``result`` alone reads too).  Each utterance is speech of its ``speaker``
(diarisation: 0, 1, … named "Speaker 0"), else of its channel when there
are several ("Channel 1"); its words (which carry their leading spaces)
give their times where they agree with its text.  The first of
``languages`` is the language.  Recognised by its shape.
"""

from __future__ import annotations

from typing import Any, Optional

from ..model import Metadata, Transcript, Word
from ._asr import Said, build, confidence, label, language, on_tokens, seconds, shape
from ._json import decode
from ._registry import Format, ReadContext, register

__all__ = ["read"]


def _transcription(data: Any) -> Any:
    if isinstance(data, dict) and isinstance(data.get("result"), dict):
        data = data["result"]
    return data.get("transcription") if isinstance(data, dict) else None


def _is(data: Any) -> bool:
    found = _transcription(data)
    return isinstance(found, dict) and isinstance(found.get("utterances"), list) and ("full_transcript" in found or "languages" in found)


def _words(items: Any) -> list[Word]:
    out = []
    for w in items if isinstance(items, list) else []:
        said = w.get("word") if isinstance(w, dict) else None
        start, end = (seconds(w.get("start")), seconds(w.get("end"))) if isinstance(w, dict) else (None, None)
        if isinstance(said, str) and said.strip() and start is not None and end is not None:
            out += [Word(token, start, max(start, end), confidence(w.get("confidence"))) for token in said.split()]
    return out


def read(text: str, ctx: ReadContext) -> Transcript:
    data = decode(text, ctx)
    if not _is(data):
        raise ctx.error('not a Gladia result: expected {"result": {"transcription": {"utterances": [...]}}}', 1, 1)
    found = _transcription(data)
    utterances = found["utterances"]
    channels = {u.get("channel") for u in utterances if isinstance(u, dict)}
    said: list[Said] = []
    for i, u in enumerate(utterances):
        where = f"transcription.utterances[{i}]"
        spoken = u.get("text") if isinstance(u, dict) else None
        start, end = (seconds(u.get("start")), seconds(u.get("end"))) if isinstance(u, dict) else (None, None)
        if not isinstance(spoken, str) or start is None or end is None:
            ctx.bad_cue(f"{where}: expected text, start and end")
            continue
        who: Optional[str] = label(u.get("speaker"))
        if who is None and len(channels) > 1 and isinstance(u.get("channel"), int):
            who = f"Channel {u['channel'] + 1}"
        spoken = " ".join(spoken.split())
        if spoken:
            said.append(Said(who, on_tokens(spoken, _words(u.get("words"))), spoken, start, max(start, end)))
    langs = found.get("languages")
    lang = language(langs[0]) if isinstance(langs, list) and langs else None
    return build(said, Metadata(source=ctx.filename, language=lang))


def _sniff(text: str) -> bool:
    return _is(shape(text))


register(Format("gladia", (), None, read, _sniff))
