"""IBM Watson Speech to Text response (read only).

The ``/v1/recognize`` response (and a finished asynchronous job's
``results[0]``) as IBM's API reference documents it: ``{"result_index",
"results": [{"final", "alternatives": [{"transcript", "confidence",
"timestamps": [[word, start, end]], "word_confidence": [[word,
confidence]]}]}], "speaker_labels": [{"from", "to", "speaker",
"confidence", "final"}]}``, times in seconds.  The best alternative's
timestamps are the words; ``speaker_labels`` (diarisation) name each
word's speaker by its start ("Speaker 0"); without them each result is a
turn of one unnamed speaker, and an alternative without timestamps gives
its transcript alone.  ``%HESITATION`` marks are left out and counted.
Recognised by its shape.
"""

from __future__ import annotations

from typing import Any, Optional

from ..model import Metadata, Transcript, Word
from ._asr import Said, build, confidence, label, seconds, shape
from ._json import decode, objects
from ._registry import Format, ReadContext, register

__all__ = ["read"]

_HESITATION = "%HESITATION"


def _results(data: Any) -> Any:
    """The results of a response, or of a job's first recognition."""
    if isinstance(data, dict) and isinstance(data.get("results"), list) and data["results"] and isinstance(data["results"][0], dict):
        inner = data["results"][0]
        if "results" in inner and "alternatives" not in inner:
            return inner
    return data


def _is(data: Any) -> bool:
    data = _results(data)
    results = data.get("results") if isinstance(data, dict) else None
    if not isinstance(results, list) or not results or not all(isinstance(r, dict) for r in results[:20]):
        return False
    first = results[0]
    alternatives = first.get("alternatives")
    if not isinstance(alternatives, list) or not alternatives or not isinstance(alternatives[0], dict):
        return False
    return "final" in first or "timestamps" in alternatives[0] or "word_confidence" in alternatives[0] or "speaker_labels" in data or "result_index" in data


def _speakers(ctx: ReadContext, labels: Any) -> dict[float, Optional[str]]:
    out: dict[float, Optional[str]] = {}
    for i, s in enumerate(labels if isinstance(labels, list) else []):
        start = seconds(s.get("from")) if isinstance(s, dict) else None
        if start is None or not isinstance(s.get("speaker"), int) or isinstance(s.get("speaker"), bool):
            ctx.bad_cue(f"speaker_labels[{i}]: expected from and speaker")
            continue
        out[round(start, 3)] = label(s["speaker"])
    return out


def read(text: str, ctx: ReadContext) -> Transcript:
    data = _results(decode(text, ctx))
    if not _is(data):
        raise ctx.error('not an IBM Watson response: expected {"results": [{"alternatives": [{"transcript", "timestamps"}]}]}', 1, 1)
    speakers = _speakers(ctx, data.get("speaker_labels"))
    said: list[Said] = []
    hesitations = 0
    who: Optional[str] = None
    for where, line, result in objects(ctx, text, data["results"], "results"):
        alternatives = result.get("alternatives")
        best = alternatives[0] if isinstance(alternatives, list) and alternatives and isinstance(alternatives[0], dict) else None
        if best is None or not isinstance(best.get("transcript", ""), str):
            ctx.bad_cue(f"{where}: expected alternatives[0].transcript", line)
            continue
        stamps = best.get("timestamps")
        confidences = best.get("word_confidence")
        confidences = confidences if isinstance(confidences, list) and isinstance(stamps, list) and len(confidences) == len(stamps) else None
        if not isinstance(stamps, list) or not stamps:
            spoken = " ".join(t for t in best.get("transcript", "").split() if t != _HESITATION)
            hesitations += len(best.get("transcript", "").split()) - len(spoken.split())
            if spoken:
                said.append(Said(None if not speakers else who, text=spoken, new_turn=not speakers, line=line))
            continue
        for k, stamp in enumerate(stamps):
            ok = isinstance(stamp, list) and len(stamp) == 3 and isinstance(stamp[0], str)
            start, end = (seconds(stamp[1]), seconds(stamp[2])) if ok else (None, None)
            if start is None or end is None:
                ctx.bad_cue(f"{where}.alternatives[0].timestamps[{k}]: expected [word, start, end]", line)
                continue
            if stamp[0] == _HESITATION:
                hesitations += 1
                continue
            pair = confidences[k] if confidences is not None else None
            conf = confidence(pair[1]) if isinstance(pair, list) and len(pair) == 2 else None
            who = speakers.get(round(start, 3), who) if speakers else None
            words = tuple(Word(token, start, max(start, end), conf) for token in stamp[0].split())
            said.append(Said(who, words, new_turn=not speakers and k == 0, line=line))
    if hesitations:
        ctx.ignored(f"{hesitations} %HESITATION mark{'s' if hesitations != 1 else ''} left out")
    return build(said, Metadata(source=ctx.filename))


def _sniff(text: str) -> bool:
    return _is(shape(text))


register(Format("ibm-watson", (), None, read, _sniff))
