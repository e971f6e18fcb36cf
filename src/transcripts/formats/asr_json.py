"""Diarised speech-recognition JSON (read only).

Two shapes are read:

* a ``speakers`` map from labels to names (``{"spk_0": "Eoin"}``) with
  ``segments`` of ``{speakerLabel, start, end, text}`` (AWS Transcribe
  merged with Whisper, as podcast sites publish it);
* whisperX-style ``segments`` of ``{start, end, text, speaker}`` (a label
  such as ``SPEAKER_00``; a ``speakers`` map, when present, names it).

Consecutive segments of one speaker make one turn; a segment without a
speaker continues the previous one.
"""

from __future__ import annotations

from typing import Any

from ..model import Metadata, Transcript
from ._build import Piece, TurnBuilder
from ._json import decode, number, objects
from ._registry import Format, ReadContext, register

__all__ = ["read"]

def read(text: str, ctx: ReadContext) -> Transcript:
    data = decode(text, ctx)
    if not isinstance(data, dict) or not isinstance(data.get("segments"), list):
        raise ctx.error('not diarised ASR JSON: expected an object with a "segments" list', 1, 1)
    names: Any = data.get("speakers", {})
    if not isinstance(names, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in names.items()):
        raise ctx.error('"speakers": expected a map from labels to names', 1, 1)
    b = TurnBuilder()
    for where, line, seg in objects(ctx, text, data["segments"], "segments"):
        said = seg.get("text")
        if not isinstance(said, str):
            ctx.bad_cue(f"{where}.text: expected a string", line)
            continue
        start, end = number(seg.get("start")), number(seg.get("end"))
        if start is None or end is None:
            key = "start" if start is None else "end"
            ctx.bad_cue(f"{where}.{key}: expected seconds (a number, not negative)", line)
            continue
        if end < start:
            ctx.bad_cue(f"{where}: segment ends ({end}) before it starts ({start})", line)
            continue
        label = seg.get("speakerLabel", seg.get("speaker"))
        if label is not None and not isinstance(label, str):
            ctx.bad_cue(f"{where}.speakerLabel: expected a string", line)
            continue
        who = names.get(label, label) if label else None
        b.add(Piece(who, said, start, end, line, line))
    return b.build(Metadata(source=ctx.filename))


def _sniff(text: str) -> bool:
    head = text.lstrip("\ufeff").lstrip()[:2000]
    if not head.startswith("{") or '"segments"' not in head or '"body"' in head:
        return False
    return any(f'"{key}"' in head for key in ("speakerLabel", "speaker", "text"))


register(Format("asr-json", (".asr.json",), None, read, _sniff))
