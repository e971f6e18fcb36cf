"""Azure AI Speech batch transcription results (read only).

A transcription result file (``"kind": "Transcription"``) as the Speech
service's batch transcription guide and its result schemas document it
(v3.0–v3.2 and 2024-11-15): ``{"source", "timestamp", "durationInTicks",
"duration", "combinedRecognizedPhrases": [{"channel", "lexical", "itn",
"maskedITN", "display"}], "recognizedPhrases": [{"recognitionStatus",
"channel", "speaker", "locale", "offset", "duration", "offsetInTicks",
"durationInTicks", "nBest": [{"confidence", "display", "words": [{"word",
"offsetInTicks", "durationInTicks", "confidence"}], "displayWords":
[{"displayText", ...}]}]}]}``.  Times are 100-nanosecond ticks, else
milliseconds (``offsetMilliseconds``), else ISO 8601 durations
(``"PT1.5S"``).  Each phrase is its best alternative's ``display`` text
(punctuated), with the times of its display words, or of its lexical
words where there is one for each of the text's tokens (and their
confidence); a phrase that was not recognised (``NoMatch``) is passed
over.  The speaker is the phrase's ``speaker`` (diarisation: 1, 2, named
"Speaker 1"), else its channel where there are two ("Channel 1"); the
first phrase's ``locale`` gives the language.  Without phrases, each
channel's combined display text is read.  Recognised by its shape.
"""

from __future__ import annotations

import math
from typing import Any, Optional

from ..model import Metadata, Transcript, Word
from ._asr import Said, build, confidence, iso_duration, label, language, on_tokens, seconds, shape, ticks
from ._json import decode, objects
from ._registry import Format, ReadContext, register

__all__ = ["read"]


def _is(data: Any) -> bool:
    return isinstance(data, dict) and isinstance(data.get("recognizedPhrases"), list) and isinstance(data.get("combinedRecognizedPhrases"), list)


def _time(item: dict[str, Any], key: str) -> Optional[float]:
    """An offset or a duration (``key``: "offset", "duration") in seconds,
    from whichever form the item has."""
    for form, read in ((f"{key}InTicks", ticks), (f"{key}Milliseconds", lambda v: seconds(v, 0.001)), (key, iso_duration)):
        if form in item:
            return read(item[form])
    return None


def _end(start: float, length: Optional[float]) -> Optional[float]:
    """The end of what starts at ``start`` and lasts ``length`` (rounded to
    the tick, so that 2.1 + 0.38 is 2.48); None when it has no length."""
    end = start + length if length is not None else None
    return round(end, 7) if end is not None and math.isfinite(end) else None


def _words(ctx: ReadContext, items: Any, key: str, where: str, line: Optional[int]) -> list[Word]:
    """The timed words of a list of ``words`` or ``displayWords``."""
    out: list[Word] = []
    for i, w in enumerate(items if isinstance(items, list) else []):
        said = w.get(key) if isinstance(w, dict) else None
        start = _time(w, "offset") if isinstance(w, dict) else None
        length = _time(w, "duration") if isinstance(w, dict) else None
        if not isinstance(said, str) or start is None:
            ctx.bad_cue(f"{where}[{i}]: expected {key} and an offset", line)
            continue
        conf = confidence(w.get("confidence"))
        end = _end(start, length)
        end = start if end is None else end
        out.extend(Word(tok, start, end, conf) for tok in said.split())
    return out


def _phrase(ctx: ReadContext, where: str, line: Optional[int], phrase: dict[str, Any], channels: int) -> Optional[Said]:
    status = phrase.get("recognitionStatus", "Success")
    if status != "Success":
        return None  # nothing was recognised: no speech to read
    nbest = phrase.get("nBest")
    best = nbest[0] if isinstance(nbest, list) and nbest and isinstance(nbest[0], dict) else None
    display = best.get("display") if best is not None else None
    if not isinstance(display, str):
        ctx.bad_cue(f"{where}: expected nBest[0].display (a string)", line)
        return None
    start, length = _time(phrase, "offset"), _time(phrase, "duration")
    if start is None:
        ctx.bad_cue(f"{where}: expected offsetInTicks, offsetMilliseconds or offset (an ISO 8601 duration)", line)
        return None
    lexical = _words(ctx, best.get("words"), "word", f"{where}.nBest[0].words", line) if "words" in best else []
    shown = _words(ctx, best.get("displayWords"), "displayText", f"{where}.nBest[0].displayWords", line) if "displayWords" in best else []
    words = ()
    if shown and [w.text for w in shown] == display.split():
        words = on_tokens(display, shown)
        if len(lexical) == len(words):  # their confidence, where the counts agree
            words = tuple(Word(w.text, w.start, w.end, lex.confidence) for w, lex in zip(words, lexical))
    if not words:
        words = on_tokens(display, lexical)
    tag = phrase.get("speaker", best.get("speaker"))
    who = label(tag) if isinstance(tag, (int, str)) and not isinstance(tag, bool) else None
    channel = phrase.get("channel")
    if who is None and channels > 1 and type(channel) is int and channel >= 0:
        who = f"Channel {channel + 1}"
    end = _end(start, length)
    return Said(who, words, "" if words else " ".join(display.split()), start, end, line=line)


def read(text: str, ctx: ReadContext) -> Transcript:
    data = decode(text, ctx)
    if not _is(data):
        raise ctx.error('not an Azure batch transcription: expected "recognizedPhrases" and "combinedRecognizedPhrases"', 1, 1)
    phrases = data["recognizedPhrases"]
    channels = len({p.get("channel") for p in phrases if isinstance(p, dict) and type(p.get("channel")) is int})
    said: list[Said] = []
    lang = None
    for where, line, phrase in objects(ctx, text, phrases, "recognizedPhrases"):
        s = _phrase(ctx, where, line, phrase, channels)
        if s is not None:
            said.append(s)
            lang = lang or language(phrase.get("locale"))
    if channels > 1:  # each channel's phrases, in order of time
        said.sort(key=lambda s: s.start or 0.0)
    if not said and not phrases:
        for where, line, combined in objects(ctx, text, data["combinedRecognizedPhrases"], "combinedRecognizedPhrases"):
            display = combined.get("display")
            if isinstance(display, str) and display.split():
                said.append(Said(None, text=" ".join(display.split()), new_turn=True, line=line))
    return build(said, Metadata(source=ctx.filename, language=lang))


def _sniff(text: str) -> bool:
    return _is(shape(text))


register(Format("azure-speech", (), None, read, _sniff))
