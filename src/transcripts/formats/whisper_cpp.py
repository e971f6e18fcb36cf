"""whisper.cpp's JSON output (``-oj``, and ``-ojf`` with tokens), read only.

``{"systeminfo", "model", "params": {"language", …}, "result":
{"language"}, "transcription": [{"timestamps": {"from", "to"}, "offsets":
{"from", "to"}, "text", "tokens": [{"text", "offsets", "p"}],
"speaker_turn_next"}]}``: ``offsets`` in milliseconds (the ``timestamps``,
``00:00:01,234``, when there are none).  Each segment's text is speech of
one unnamed speaker; ``speaker_turn_next`` (tinydiarize, ``-tdrz``) ends a
turn after its segment.  With ``-ojf`` the tokens give the words' times
(a token opening with a space opens a word; special tokens such as
``[_BEG_]`` are left out; a word's confidence is its least token
probability), kept where they agree with the segment's text.  The
language is the detected one, else the one asked for.  Recognised by its
shape.
"""

from __future__ import annotations

from typing import Any, Optional

from ..model import Metadata, Transcript, Word
from ..times import parse_time
from ._asr import Said, build, confidence, language, on_tokens, seconds, shape
from ._json import decode, objects
from ._registry import Format, ReadContext, register

__all__ = ["read"]


def _is(data: Any) -> bool:
    segments = data.get("transcription") if isinstance(data, dict) else None
    if not isinstance(segments, list):
        return False
    first = next((s for s in segments if isinstance(s, dict)), None)
    if first is None:
        return "systeminfo" in data or "params" in data
    return "text" in first and ("offsets" in first or "timestamps" in first)


def _span(segment: dict[str, Any]) -> tuple[Optional[float], Optional[float]]:
    offsets = segment.get("offsets")
    if isinstance(offsets, dict):
        return seconds(offsets.get("from"), 0.001), seconds(offsets.get("to"), 0.001)
    stamps = segment.get("timestamps")
    if isinstance(stamps, dict):
        start, end = stamps.get("from"), stamps.get("to")
        return (parse_time(start) if isinstance(start, str) else None), (parse_time(end) if isinstance(end, str) else None)
    return None, None


def _token_words(tokens: Any) -> list[Word]:
    """Words from whisper's sub-word tokens (see the module's doc)."""
    words: list[list[Any]] = []  # text, start, end, confidence
    for tok in tokens if isinstance(tokens, list) else []:
        if not isinstance(tok, dict) or not isinstance(tok.get("text"), str):
            continue
        piece = tok["text"]
        if piece.startswith("[_") or piece.startswith("<|") or not piece.strip():
            continue
        start, end = _span(tok)
        p = confidence(tok.get("p"))
        if piece[:1].isspace() or not words:
            words.append([piece.strip(), start, end, p])
        else:
            w = words[-1]
            w[0] += piece
            w[2] = end if end is not None else w[2]
            w[3] = None if w[3] is None or p is None else min(w[3], p)
    return [Word(t, s, e if e is None or s is None else max(s, e), c) for t, s, e, c in words]


def read(text: str, ctx: ReadContext) -> Transcript:
    data = decode(text, ctx)
    if not _is(data):
        raise ctx.error('not whisper.cpp output: expected {"transcription": [{"offsets", "text"}]}', 1, 1)
    said: list[Said] = []
    turn_ends = False
    for where, line, segment in objects(ctx, text, data["transcription"], "transcription"):
        words_text = segment.get("text")
        start, end = _span(segment)
        if not isinstance(words_text, str) or start is None or end is None:
            ctx.bad_cue(f"{where}: expected text and offsets (or timestamps)", line)
            continue
        spoken = " ".join(words_text.split())
        if spoken:
            words = on_tokens(spoken, _token_words(segment.get("tokens")))
            said.append(Said(None, words, spoken, start, max(start, end), new_turn=turn_ends, line=line))
            turn_ends = segment.get("speaker_turn_next") is True
    result, params = data.get("result"), data.get("params")
    lang = language(result.get("language")) if isinstance(result, dict) else None
    if lang is None and isinstance(params, dict) and params.get("language") != "auto":
        lang = language(params.get("language"))
    return build(said, Metadata(source=ctx.filename, language=lang))


def _sniff(text: str) -> bool:
    return _is(shape(text))


register(Format("whisper-cpp", (), None, read, _sniff))
