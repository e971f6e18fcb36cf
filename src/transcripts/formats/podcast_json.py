"""The Podcasting 2.0 JSON transcript (``schemas/podcast-transcript.schema.json``).

``{"version": "1.0.0", "segments": [{"speaker", "startTime", "endTime",
"body"}]}`` with times as float seconds.  Writing: one segment per cue of
the profile (``podcast`` by default), the last segment of a paragraph
ending in a newline.  Reading: consecutive segments of one speaker merge
into a turn, bodies joined by a space; a body ending in a newline ends a
paragraph; a segment without a speaker continues the previous one.
"""

from __future__ import annotations

import json

from ..model import Metadata, Transcript
from ._build import Piece, TurnBuilder
from ._cues import PODCAST, PROFILES, layout, profile
from ._json import decode, number, objects
from ._registry import Conversion, Format, ReadContext, WriteOptions, register
from ._report import Holds, lost

__all__ = ["VERSION", "read", "write"]

VERSION = "1.0.0"


def write(t: Transcript, options: WriteOptions) -> Conversion:
    prof = profile(options.profile, PODCAST)
    _, cues = layout(t, prof, wpm=options.wpm)
    segments = [
        {
            "speaker": cue.speaker.name,
            "startTime": cue.start / 1000,
            "endTime": cue.end / 1000,
            "body": cue.text + ("\n" if cue.ends_paragraph else ""),
        }
        for cue in cues
    ]
    text = json.dumps({"version": VERSION, "segments": segments}, ensure_ascii=False, indent=2) + "\n"
    return Conversion(text, "podcast-json", lost(t, Holds(paragraphs=True, times=True)))


def read(text: str, ctx: ReadContext) -> Transcript:
    data = decode(text, ctx)
    if not isinstance(data, dict) or not isinstance(data.get("segments"), list):
        raise ctx.error('not a Podcasting 2.0 transcript: expected an object with a "segments" list', 1, 1)
    b = TurnBuilder()
    for where, line, seg in objects(ctx, text, data["segments"], "segments"):
        body = seg.get("body")
        if not isinstance(body, str):
            ctx.bad_cue(f"{where}.body: expected a string", line)
            continue
        start, end = number(seg.get("startTime")), seg.get("endTime")
        if start is None:
            ctx.bad_cue(f"{where}.startTime: expected seconds (a number, not negative)", line)
            continue
        if end is not None:
            end = number(end)
            if end is None:
                ctx.bad_cue(f"{where}.endTime: expected seconds (a number, not negative)", line)
                continue
            if end < start:
                ctx.bad_cue(f"{where}: segment ends ({end}) before it starts ({start})", line)
                continue
        speaker = seg.get("speaker")
        if speaker is not None and not isinstance(speaker, str):
            ctx.bad_cue(f"{where}.speaker: expected a string", line)
            continue
        ends = body.endswith("\n")
        b.add(Piece(speaker or None, body, start, end, line, line, ends))
    return b.build(Metadata(source=ctx.filename))


def _sniff(text: str) -> bool:
    head = text.lstrip("\ufeff").lstrip()[:2000]
    return head.startswith("{") and '"segments"' in head and '"body"' in head


register(Format("podcast-json", (".transcript.json",), write, read, _sniff, tuple(PROFILES)))
