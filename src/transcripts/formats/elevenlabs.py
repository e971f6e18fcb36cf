"""ElevenLabs Speech-to-Text (Scribe) response (read only).

``POST /v1/speech-to-text`` as ElevenLabs' API reference documents it
(2025): ``{"language_code", "language_probability", "text", "words":
[{"text", "start", "end", "type", "speaker_id", "logprob"}]}``, times in
seconds; with several channels, ``{"transcripts": [...]}`` of such
documents, each with its ``channel_index``.  An item of type ``word`` is
a word, its confidence the probability its ``logprob`` gives; ``spacing``
items are the spaces between words; an ``audio_event`` ("(laughter)") is
kept in the text as written.  ``speaker_id`` (diarisation: "speaker_0")
names the speaker as written; without it, each channel of a multichannel
file is a speaker ("Channel 1").  ``language_code`` gives the language.
Recognised by its shape: words with a ``type`` or a ``speaker_id``, or a
``language_probability`` beside them.
"""

from __future__ import annotations

import math
from typing import Any, Optional

from ..model import Metadata, Transcript, Word
from ._asr import Said, build, label, language, seconds, shape
from ._json import decode
from ._registry import Format, ReadContext, register

__all__ = ["read"]

_KINDS = frozenset({"word", "spacing", "audio_event"})


def _one(data: Any) -> bool:
    if not isinstance(data, dict) or not isinstance(data.get("words"), list):
        return False
    first = next((w for w in data["words"] if isinstance(w, dict)), None)
    if first is None:
        return "language_probability" in data
    return first.get("type") in _KINDS or "speaker_id" in first or ("language_probability" in data and "text" in first)


def _is(data: Any) -> bool:
    if isinstance(data, dict) and isinstance(data.get("transcripts"), list) and data["transcripts"]:
        return all(_one(d) for d in data["transcripts"])
    return _one(data)


def _confidence(logprob: Any) -> Optional[float]:
    """The probability a (natural) log probability gives; None for none."""
    if isinstance(logprob, bool) or not isinstance(logprob, (int, float)) or not math.isfinite(logprob) or logprob > 0:
        return None
    return math.exp(logprob)


def read(text: str, ctx: ReadContext) -> Transcript:
    data = decode(text, ctx)
    if not _is(data):
        raise ctx.error('not an ElevenLabs transcript: expected {"words": [{"text", "start", "end", "type"}]}', 1, 1)
    channels = data["transcripts"] if "transcripts" in data and "words" not in data else [data]
    found: list[tuple[float, int, Optional[str], Word]] = []
    lang = None
    for c, channel in enumerate(channels):
        lang = lang or language(channel.get("language_code"))
        number = channel.get("channel_index", c)
        number = number if isinstance(number, int) and not isinstance(number, bool) else c
        for i, w in enumerate(channel["words"]):
            where = (f"transcripts[{c}]." if len(channels) > 1 or channel is not data else "") + f"words[{i}]"
            if not isinstance(w, dict) or w.get("type") == "spacing":
                if not isinstance(w, dict):
                    ctx.bad_cue(f"{where}: expected an object")
                continue
            said, start, end = w.get("text"), seconds(w.get("start")), seconds(w.get("end"))
            if not isinstance(said, str) or start is None or end is None:
                ctx.bad_cue(f"{where}: expected text, start and end")
                continue
            speaker = label(w.get("speaker_id")) if w.get("speaker_id") is not None else (f"Channel {number + 1}" if len(channels) > 1 else None)
            conf = _confidence(w.get("logprob")) if w.get("type", "word") == "word" else None
            for token in said.split():
                found.append((start, len(found), speaker, Word(token, start, max(start, end), conf)))
    if len(channels) > 1:
        found.sort(key=lambda f: (f[0], f[1]))
    return build([Said(who, (w,)) for _, _, who, w in found], Metadata(source=ctx.filename, language=lang))


def _sniff(text: str) -> bool:
    return _is(shape(text))


register(Format("elevenlabs", (), None, read, _sniff))
