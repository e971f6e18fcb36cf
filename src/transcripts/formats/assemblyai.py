"""AssemblyAI's transcript (read only).

The ``GET /v2/transcript/{id}`` response as AssemblyAI's API reference
documents it (2024–2025): ``{"id", "status", "language_code", "text",
"words": [{"text", "start", "end", "confidence", "speaker"}], "utterances":
[{"speaker", "start", "end", "text", "confidence", "words"}]}`` — times in
**milliseconds**.  With speaker labels, each utterance is a turn of its
speaker ("A" is named "Speaker A"); without, the words make one unnamed
speaker's speech.  ``language_code`` (``en_us``) gives the language
(``en-us``).  Recognised by its shape.
"""

from __future__ import annotations

from typing import Any

from ..model import Metadata, Transcript, Word
from ._asr import Said, build, confidence, label, language, seconds, shape
from ._json import decode, objects
from ._registry import Format, ReadContext, register

__all__ = ["read"]


def _is(data: Any) -> bool:
    if not isinstance(data, dict) or "results" in data or "segments" in data or "monologues" in data:
        return False
    utterances, words = data.get("utterances"), data.get("words")
    first = words[0] if isinstance(words, list) and words else None
    # (ElevenLabs' words, in seconds, have a "type" and a "speaker_id")
    return (isinstance(utterances, list) and bool(utterances)) or (
        isinstance(first, dict) and "text" in first and "start" in first and "type" not in first and "speaker_id" not in first
    )


def _words(ctx: ReadContext, items: Any, where: str) -> tuple[Word, ...]:
    out: list[Word] = []
    for i, w in enumerate(items if isinstance(items, list) else []):
        said = w.get("text") if isinstance(w, dict) else None
        start, end = (seconds(w.get("start"), 0.001), seconds(w.get("end"), 0.001)) if isinstance(w, dict) else (None, None)
        if not isinstance(said, str) or start is None or end is None:
            ctx.bad_cue(f"{where}[{i}]: expected text, start and end (milliseconds)")
            continue
        out.extend(Word(tok, start, max(start, end), confidence(w.get("confidence"))) for tok in said.split())
    return tuple(out)


def read(text: str, ctx: ReadContext) -> Transcript:
    data = decode(text, ctx)
    if not _is(data):
        raise ctx.error('not an AssemblyAI transcript: expected "utterances" or "words"', 1, 1)
    said: list[Said] = []
    if isinstance(data.get("utterances"), list) and data["utterances"]:
        for where, line, u in objects(ctx, text, data["utterances"], "utterances"):
            words = _words(ctx, u.get("words"), f"{where}.words")
            start, end = seconds(u.get("start"), 0.001), seconds(u.get("end"), 0.001)
            body = u.get("text") if isinstance(u.get("text"), str) else ""
            said.append(Said(label(u.get("speaker")), words, "" if words else body, start, end, True, line))
    else:
        for i, w in enumerate(_words(ctx, data.get("words"), "words")):
            said.append(Said(None, (w,)))
    return build(said, Metadata(source=ctx.filename, language=language(data.get("language_code"))))


def _sniff(text: str) -> bool:
    return _is(shape(text))


register(Format("assemblyai", (), None, read, _sniff))
