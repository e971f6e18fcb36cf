"""Deepgram's pre-recorded transcription response (read only).

The ``/v1/listen`` response as Deepgram's API reference documents it
(2024–2025): ``{"metadata": {...}, "results": {"channels": [{"alternatives":
[{"transcript", "confidence", "words": [{"word", "start", "end",
"confidence", "speaker", "punctuated_word"}]}], "detected_language"}]}}``,
times in seconds.  A word's ``speaker`` (diarisation: 0, 1, …) is its
speaker, named "Speaker 0"; without diarisation each channel of a
multichannel file is a speaker ("Channel 1"); the punctuated word is the
word's text.  ``detected_language`` gives the language.  Recognised by its
shape.
"""

from __future__ import annotations

from typing import Any, Optional

from ..model import Metadata, Transcript, Word
from ._asr import Said, build, confidence, label, language, seconds, shape
from ._json import decode
from ._registry import Format, ReadContext, register

__all__ = ["read"]


def _is(data: Any) -> bool:
    results = data.get("results") if isinstance(data, dict) else None
    return isinstance(results, dict) and isinstance(results.get("channels"), list)


def read(text: str, ctx: ReadContext) -> Transcript:
    data = decode(text, ctx)
    if not _is(data):
        raise ctx.error('not a Deepgram response: expected {"results": {"channels": [...]}}', 1, 1)
    channels = data["results"]["channels"]
    found: list[tuple[float, int, Optional[str], Word]] = []
    lang = None
    for c, channel in enumerate(channels):
        alternatives = channel.get("alternatives") if isinstance(channel, dict) else None
        best = alternatives[0] if isinstance(alternatives, list) and alternatives and isinstance(alternatives[0], dict) else None
        if best is None:
            ctx.bad_cue(f"results.channels[{c}]: expected alternatives")
            continue
        lang = lang or language(channel.get("detected_language"))
        words = best.get("words")
        for i, w in enumerate(words if isinstance(words, list) else []):
            where = f"results.channels[{c}].alternatives[0].words[{i}]"
            said = (w.get("punctuated_word") or w.get("word")) if isinstance(w, dict) else None
            start, end = (seconds(w.get("start")), seconds(w.get("end"))) if isinstance(w, dict) else (None, None)
            if not isinstance(said, str) or start is None or end is None:
                ctx.bad_cue(f"{where}: expected word, start and end")
                continue
            speaker = label(w.get("speaker")) if "speaker" in w else (f"Channel {c + 1}" if len(channels) > 1 else None)
            for token in said.split():
                found.append((start, len(found), speaker, Word(token, start, max(start, end), confidence(w.get("confidence")))))
    if len(channels) > 1:
        found.sort(key=lambda f: (f[0], f[1]))
    metadata = data.get("metadata")
    lang = lang or (language(metadata.get("language")) if isinstance(metadata, dict) else None)
    return build([Said(who, (w,)) for _, _, who, w in found], Metadata(source=ctx.filename, language=lang))


def _sniff(text: str) -> bool:
    return _is(shape(text))


register(Format("deepgram", (), None, read, _sniff))
