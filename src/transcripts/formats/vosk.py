"""Vosk's recognition results (read only).

What ``KaldiRecognizer.Result()`` returns with ``SetWords(True)``:
``{"result": [{"conf", "start", "end", "word"}], "text"}``, times in
seconds, or a JSON array of such results, one per utterance, as programs
collect them (``FinalResult()`` included).  Vosk names no speakers: each
result is a turn of one unnamed speaker, its words with their times and
confidence; a result without words gives its ``text`` alone; results of
``SetMaxAlternatives`` read their first alternative.  Recognised by its
shape.
"""

from __future__ import annotations

from typing import Any, Iterator, Optional

from ..model import Metadata, Transcript, Word
from ._asr import Said, build, confidence, seconds, shape
from ._json import decode
from ._registry import Format, ReadContext, register

__all__ = ["read"]


def _best(result: Any) -> Any:
    alternatives = result.get("alternatives") if isinstance(result, dict) else None
    if isinstance(alternatives, list) and alternatives and isinstance(alternatives[0], dict):
        return alternatives[0]
    return result


def _one(data: Any) -> bool:
    data = _best(data)
    if not isinstance(data, dict) or not isinstance(data.get("text"), str) or not data.keys() <= {"result", "text", "spk", "spk_frames", "confidence"}:
        return False
    words = data.get("result")
    if words is None:
        return False
    return isinstance(words, list) and all(isinstance(w, dict) and "word" in w and "start" in w for w in words[:5])


def _results(data: Any) -> Optional[list[Any]]:
    if isinstance(data, list):
        return data if data and any(_one(r) for r in data[:5]) and all(_one(r) or _empty(r) for r in data[:20]) else None
    return [data] if _one(data) else None


def _empty(result: Any) -> bool:
    """A result of silence: ``{"text": ""}``."""
    return isinstance(result, dict) and result.get("text") == "" and "result" not in result


def _words(result: dict[str, Any], where: str, ctx: ReadContext) -> Iterator[Word]:
    for i, w in enumerate(result.get("result") or []):
        said = w.get("word") if isinstance(w, dict) else None
        start, end = (seconds(w.get("start")), seconds(w.get("end"))) if isinstance(w, dict) else (None, None)
        if not isinstance(said, str) or start is None or end is None:
            ctx.bad_cue(f"{where}result[{i}]: expected word, start and end")
            continue
        for token in said.split():
            yield Word(token, start, max(start, end), confidence(w.get("conf")))


def read(text: str, ctx: ReadContext) -> Transcript:
    results = _results(decode(text, ctx))
    if results is None:
        raise ctx.error('not a Vosk result: expected {"result": [{"word", "start", "end", "conf"}], "text"}', 1, 1)
    said = []
    for k, result in enumerate(results):
        where = f"[{k}]." if len(results) > 1 or not isinstance(result, dict) else ""
        if not isinstance(result, dict):
            ctx.bad_cue(f"[{k}]: expected a result object")
            continue
        best = _best(result)
        words = tuple(_words(best, where, ctx))
        if words:
            said.append(Said(None, words, new_turn=True))
        elif isinstance(best.get("text"), str) and best["text"].strip():
            said.append(Said(None, text=" ".join(best["text"].split()), new_turn=True))
    return build(said, Metadata(source=ctx.filename))


def _sniff(text: str) -> bool:
    return _results(shape(text)) is not None


register(Format("vosk", (), None, read, _sniff))
