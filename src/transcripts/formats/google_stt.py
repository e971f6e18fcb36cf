"""Google Cloud Speech-to-Text recognition responses (read only).

``recognize`` and ``longrunningrecognize`` responses of the v1 and
v1p1beta1 REST APIs as Google's reference documents them (2023–2025),
bare or inside the finished operation (``{"name", "done", "response":
{"@type", "results"}}``): ``{"results": [{"alternatives": [{"transcript",
"confidence", "words": [{"startTime": "1.400s", "endTime", "word",
"confidence", "speakerTag", "speakerLabel"}]}], "channelTag",
"resultEndTime", "languageCode"}]}``; v2's ``startOffset``/``endOffset``
are read too, and times written as ``{"seconds", "nanos"}`` objects.
With diarisation the last result holds every word with its speaker
(``speakerTag`` 1, 2 named "Speaker 1"; a ``speakerLabel`` as
``_asr.label`` names it): those words are read, consecutive words of one
speaker a turn.  Without, each result's best transcript is a turn of one
unnamed speaker (or of its channel, "Channel 2", where there are
several), with its words' times where there is a word for each of the
transcript's tokens.  The first result's ``languageCode`` gives the
language.  Recognised by its shape: the results' and alternatives' keys
are all Google's.
"""

from __future__ import annotations

from typing import Any, Optional, Union

from ..model import Metadata, Transcript, Word
from ._asr import Said, build, confidence, label, language, on_tokens, protobuf_duration, shape
from ._json import array_lines, decode, locate
from ._registry import Format, ReadContext, register

__all__ = ["read"]

_RESULT_KEYS = frozenset({"alternatives", "channelTag", "resultEndTime", "resultEndOffset", "languageCode"})
_ALTERNATIVE_KEYS = frozenset({"transcript", "confidence", "words"})
_OPERATION_KEYS = frozenset({"name", "metadata", "done", "response"})
#: How many results the shape check looks at.
_LOOK = 20
#: How many malformed items are positioned by searching the text for them.
_LOCATED = 100


def _results(data: Any) -> tuple[Any, tuple[str, ...]]:
    """The results list (or None) and the path to it."""
    if isinstance(data, dict) and isinstance(data.get("response"), dict) and data.keys() <= _OPERATION_KEYS:
        return data["response"].get("results"), ("response", "results")
    return (data.get("results") if isinstance(data, dict) else None), ("results",)


def _is(data: Any) -> bool:
    results, _ = _results(data)
    if not isinstance(results, list) or not results:
        return False
    spoken = False
    for r in results[:_LOOK]:
        if not isinstance(r, dict) or not r.keys() <= _RESULT_KEYS:
            return False
        alternatives = r.get("alternatives", [])
        if not isinstance(alternatives, list) or not all(isinstance(a, dict) and a.keys() <= _ALTERNATIVE_KEYS for a in alternatives):
            return False
        spoken = spoken or any("transcript" in a or "words" in a for a in alternatives)
    return spoken


def _best(result: Any) -> Optional[dict[str, Any]]:
    alternatives = result.get("alternatives") if isinstance(result, dict) else None
    best = alternatives[0] if isinstance(alternatives, list) and alternatives else None
    return best if isinstance(best, dict) else None


def _tagged(w: Any) -> bool:
    return isinstance(w, dict) and ("speakerTag" in w or "speakerLabel" in w)


def _speaker(w: dict[str, Any]) -> Optional[str]:
    name = w.get("speakerLabel")
    if isinstance(name, str) and name.strip():
        return label(name)
    tag = w.get("speakerTag")
    return label(tag) if type(tag) is int else None


def _time(w: dict[str, Any], v1: str, v2: str) -> tuple[bool, Optional[float]]:
    """Whether a word's time is well formed (absent, or a duration), and
    the time in seconds."""
    if v1 not in w and v2 not in w:
        return True, None
    t = protobuf_duration(w.get(v1, w.get(v2)))
    return t is not None, t


class _Reader:
    def __init__(self, text: str, ctx: ReadContext, path: tuple[str, ...]) -> None:
        self.text, self.ctx, self.path = text, ctx, path
        self.where = ".".join(path)
        # Each result's line, from one pass (for a bare response).
        self.lines = array_lines(text, "results") if path == ("results",) else []
        self.located = 0

    def result_line(self, i: int) -> Optional[int]:
        return self.lines[i] if i < len(self.lines) else None

    def line(self, *path: Union[str, int]) -> Optional[int]:
        """The line of a part of the results, looked for only for an error
        (each search reads the text: past the first hundred, the result's)."""
        self.located += 1
        if self.located > _LOCATED:
            return self.result_line(path[0]) if path and isinstance(path[0], int) else None
        found = locate(self.text, self.path + path)
        return found[0] if found else None

    def words(self, i: int, items: Any) -> list[tuple[Optional[str], Word]]:
        """The words of result ``i``'s best alternative, with their speakers."""
        out: list[tuple[Optional[str], Word]] = []
        for j, w in enumerate(items if isinstance(items, list) else []):
            said = w.get("word") if isinstance(w, dict) else None
            (good_start, start), (good_end, end) = (_time(w, "startTime", "startOffset"), _time(w, "endTime", "endOffset")) if isinstance(said, str) else ((False, None), (False, None))
            if not isinstance(said, str) or not good_start or not good_end:
                where = f"{self.where}[{i}].alternatives[0].words[{j}]"
                self.ctx.bad_cue(f"{where}: expected a word with startTime and endTime (such as \"1.400s\")", self.line(i, "alternatives", 0, "words", j))
                continue
            if start is not None and end is not None and end < start:
                end = start
            conf = confidence(w.get("confidence"))
            out.extend((_speaker(w), Word(tok, start, end, conf)) for tok in said.split())
        return out


def read(text: str, ctx: ReadContext) -> Transcript:
    data = decode(text, ctx)
    results, path = _results(data)
    if not isinstance(results, list):  # (detection asks more of the results)
        raise ctx.error('not a Google Speech-to-Text response: expected {"results": [{"alternatives": [...]}]}', 1, 1)
    reader = _Reader(text, ctx, path)
    lang = next((language(r.get("languageCode")) for r in results if isinstance(r, dict) and language(r.get("languageCode"))), None)
    # Diarisation: the last result whose words carry speakers holds them all.
    last = next((i for i in range(len(results) - 1, -1, -1) if any(_tagged(w) for w in _listed((_best(results[i]) or {}).get("words")))), None)
    said: list[Said] = []
    if last is not None:
        for who, w in reader.words(last, (_best(results[last]) or {}).get("words")):
            said.append(Said(who, (w,)))
        return build(said, Metadata(source=ctx.filename, language=lang))
    channels = {r.get("channelTag") for r in results if isinstance(r, dict) and type(r.get("channelTag")) is int}
    for i, result in enumerate(results):
        alternatives = result.get("alternatives", []) if isinstance(result, dict) else None
        if not isinstance(alternatives, list) or alternatives and not isinstance(alternatives[0], dict):
            ctx.bad_cue(f"{reader.where}[{i}]: expected an object with alternatives (objects)", reader.line(i))
            continue
        if not alternatives:
            continue  # nothing recognised
        best = alternatives[0]
        transcript = best.get("transcript", "")
        if not isinstance(transcript, str):
            ctx.bad_cue(f"{reader.where}[{i}].alternatives[0].transcript: expected a string", reader.line(i, "alternatives", 0))
            continue
        timed = [w for _, w in reader.words(i, best.get("words"))]
        if not transcript.split():
            transcript = " ".join(w.text for w in timed)
        if not transcript.split():
            continue
        words = on_tokens(transcript, timed)
        tag = result.get("channelTag")
        who = f"Channel {tag}" if len(channels) > 1 and tag in channels else None
        end = None if words else protobuf_duration(result.get("resultEndTime", result.get("resultEndOffset")))
        said.append(Said(who, words, "" if words else " ".join(transcript.split()), end=end, new_turn=True, line=reader.result_line(i)))
    if len(channels) > 1 and all(s.words for s in said):  # each channel's results, in order of time
        said.sort(key=lambda s: s.words[0].start or 0.0)
    return build(said, Metadata(source=ctx.filename, language=lang))


def _listed(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _sniff(text: str) -> bool:
    return _is(shape(text))


register(Format("google-stt", (), None, read, _sniff))
