"""Diarised speech-recognition JSON made of segments (read only).

Three shapes of ``{"segments": [...]}`` are read, recognised by their
shape:

* a ``speakers`` map from labels to names (``{"spk_0": "Eoin"}``) with
  ``segments`` of ``{speakerLabel, start, end, text}`` (AWS Transcribe
  merged with Whisper, as podcast sites publish it);
* whisperX's output, ``segments`` of ``{start, end, text, speaker,
  words}`` with ``words`` of ``{word, start, end, score, speaker}`` (a
  label such as ``SPEAKER_00``; a word whisperX could not align has no
  times), as whisperX 3.x writes it;
* OpenAI's ``diarized_json`` (``gpt-4o-transcribe-diarize``, 2025):
  ``{"text", "segments": [{"type": "transcript.text.segment", "id",
  "start", "end", "text", "speaker"}]}``, speakers "A", "B" named
  "Speaker A", or the names given as known speakers; whisper's
  ``verbose_json`` reads too (one unnamed speaker, its ``language``).

Consecutive segments of one speaker make one turn; a segment without a
speaker continues the previous one; segment words keep their times.
"""

from __future__ import annotations

from typing import Any, Optional

from ..model import Metadata, Transcript, Word
from ._asr import Said, build, confidence, label, language, seconds, shape
from ._json import decode, objects
from ._registry import Format, ReadContext, register

__all__ = ["read"]


#: The keys of a speech recogniser's response that is its text alone
#: (OpenAI's ``json`` and ``verbose_json`` without segments, whisper.cpp's).
_PLAIN_KEYS = frozenset({"text", "task", "language", "duration", "words", "usage", "logprobs", "model"})


def _plain(data: Any) -> bool:
    """Whether ``data`` is a recogniser's text without segments:
    ``{"text": …}`` with at most the other keys such a response has."""
    return isinstance(data, dict) and isinstance(data.get("text"), str) and "segments" not in data and data.keys() <= _PLAIN_KEYS


def _is(data: Any) -> bool:
    if _plain(data):
        return True
    segments = data.get("segments") if isinstance(data, dict) else None
    if not isinstance(segments, list):
        return False
    first = next((s for s in segments if isinstance(s, dict)), None)
    return first is not None and "text" in first and "body" not in first


def _words(ctx: ReadContext, items: Any, where: str, line: Optional[int]) -> tuple[Word, ...]:
    out: list[Word] = []
    for i, w in enumerate(items if isinstance(items, list) else []):
        said = w.get("word", w.get("text")) if isinstance(w, dict) else None
        if not isinstance(said, str):
            ctx.bad_cue(f"{where}[{i}]: expected an object with a word", line)
            continue
        start, end = seconds(w.get("start")), seconds(w.get("end"))
        conf = confidence(w.get("score", w.get("confidence", w.get("probability"))))
        out.extend(Word(tok, start, end if end is None or start is None else max(start, end), conf) for tok in said.split())
    return tuple(out)


def _read_plain(data: dict[str, Any], ctx: ReadContext, text: str) -> Transcript:
    """One unnamed speaker's text; its words' times where there is one word
    for each token of the text (a recogniser's words lack the text's
    punctuation: the text's tokens are kept, with the words' times)."""
    body = " ".join(data["text"].split())
    tokens = body.split()
    words = _words(ctx, data.get("words"), "words", None) if "words" in data else ()
    if words and len(words) == len(tokens):
        words = tuple(Word(tok, w.start, w.end, w.confidence) for tok, w in zip(tokens, words))
    else:
        words = ()
    said = [Said(None, words, "" if words else body, line=1)] if tokens else []
    return build(said, Metadata(source=ctx.filename, language=language(data.get("language"))))


def read(text: str, ctx: ReadContext) -> Transcript:
    data = decode(text, ctx)
    if _plain(data):
        return _read_plain(data, ctx, text)
    if not isinstance(data, dict) or not isinstance(data.get("segments"), list):
        raise ctx.error('not diarised ASR JSON: expected an object with a "segments" list', 1, 1)
    names: Any = data.get("speakers", {})
    if not isinstance(names, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in names.items()):
        raise ctx.error('"speakers": expected a map from labels to names', 1, 1)
    said: list[Said] = []
    for where, line, seg in objects(ctx, text, data["segments"], "segments"):
        body = seg.get("text")
        if not isinstance(body, str):
            ctx.bad_cue(f"{where}.text: expected a string", line)
            continue
        start, end = seconds(seg.get("start")), seconds(seg.get("end"))
        if start is None or end is None:
            key = "start" if start is None else "end"
            ctx.bad_cue(f"{where}.{key}: expected seconds (a number, not negative)", line)
            continue
        if end < start:
            ctx.bad_cue(f"{where}: segment ends ({end}) before it starts ({start})", line)
            continue
        tag = seg.get("speakerLabel", seg.get("speaker"))
        if tag is not None and not isinstance(tag, (str, int)) or isinstance(tag, bool):
            ctx.bad_cue(f"{where}.speakerLabel: expected a string", line)
            continue
        who = names.get(tag) if isinstance(tag, str) and tag in names else label(tag)
        words = _words(ctx, seg.get("words"), f"{where}.words", line)
        if words and len(words) != len(body.split()):
            words = ()  # words that do not spell the segment's text
        said.append(Said(who, words, "" if words else body, start, end, line=line))
    return build(said, Metadata(source=ctx.filename, language=language(data.get("language"))))


def _sniff(text: str) -> bool:
    return _is(shape(text))


register(Format("asr-json", (".asr.json",), None, read, _sniff))
