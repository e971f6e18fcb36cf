"""The Podcasting 2.0 JSON transcript (``schemas/podcast-transcript.schema.json``).

``{"version": "1.0.0", "segments": [{"speaker", "startTime", "endTime",
"body"}]}`` with times as float seconds.  Writing: one segment per cue of
the profile (``podcast`` by default), the last segment of a paragraph
ending in a newline; a transcript whose every turn has its words' times
is written as word-level segments, one word each.  Segments cannot mark
where one turn ends and the next of the same speaker begins: the
conversion says how many such boundaries are merged.  Reading:
consecutive segments of one speaker merge into a turn, bodies joined by a
space; a body ending in a newline ends a paragraph; a segment without a
speaker continues the previous one; one-word segments give the words'
times.
"""

from __future__ import annotations

import json
import math
from json.encoder import encode_basestring
from typing import Any, Iterator, Optional

from ..model import Metadata, Transcript, Word
from ._build import Piece, TurnBuilder
from ._caption import Cue
from ._cues import Cue as LaidCue
from ._cues import layout
from ._profiles import PODCAST, PROFILES, profile
from ._json import decode, number, objects
from ._registry import Conversion, Format, ReadContext, WriteOptions, register
from ._report import Holds, lost

__all__ = ["VERSION", "cues", "read", "write"]

VERSION = "1.0.0"


def _word_segments(t: Transcript) -> "list[dict[str, Any]] | None":
    """One segment per word, when every turn with speech has all its
    words' times; None otherwise."""
    names = {s.id: s.name for s in t.speakers}
    segments: list[dict[str, Any]] = []
    for u in t.turns:
        paragraphs = [p.split() for p in u.paragraphs if p.split()]
        if not paragraphs:
            continue
        if len(u.words) != sum(map(len, paragraphs)) or any(w.start is None or w.end is None for w in u.words):
            return None
        at = 0
        for tokens in paragraphs:
            for k, _ in enumerate(tokens):
                w = u.words[at + k]
                body = w.text + ("\n" if k + 1 == len(tokens) else "")
                segments.append({"speaker": names.get(u.speaker, u.speaker), "startTime": w.start, "endTime": max(w.end, w.start), "body": body})
            at += len(tokens)
    return segments or None


def write(t: Transcript, options: WriteOptions) -> Conversion:
    segments = _word_segments(t)
    by_word = segments is not None
    if segments is not None:
        text = _dumps(segments)
    else:
        prof = profile(options.profile, PODCAST)
        text = _cue_segments(layout(t, prof, wpm=options.wpm))
    holds = Holds(paragraphs=True, times=True, turn_boundaries=False, words=by_word)
    return Conversion(text, "podcast-json", lost(t, holds))


def _cue_segments(laid: "tuple[LaidCue, ...]") -> str:
    """:func:`_dumps` of one segment per cue: its speaker, times in seconds
    and text, a newline after a paragraph's last."""
    speakers: dict[str, str] = {}
    rows = []
    append = rows.append
    last, last_text = -1, ""
    for cue in laid:
        name = cue.speaker.name
        speaker = speakers.get(name)
        if speaker is None:
            speaker = speakers[name] = encode_basestring(name)
        body = encode_basestring(cue.text + "\n" if cue.ends_paragraph else cue.text)
        # A cue mostly starts where the one before it ends.
        start = last_text if cue.start == last else repr(cue.start / 1000)
        last, last_text = cue.end, repr(cue.end / 1000)
        append(f'    {{\n      "speaker": {speaker},\n      "startTime": {start},\n      "endTime": {last_text},\n      "body": {body}\n    }}')
    return _document(rows)


def _number(value: Any) -> Optional[str]:
    """A time as ``json.dumps`` writes it; None for anything but a finite
    number."""
    if type(value) is float and math.isfinite(value):
        return float.__repr__(value)
    if type(value) is int:
        return int.__repr__(value)
    return None


def _dumps(segments: "list[dict[str, Any]]") -> str:
    """``json.dumps({"version", "segments"}, ensure_ascii=False,
    indent=2)`` and a newline, the same text, each string written by the
    C encoder rather than the indenting one."""
    rows = []
    for seg in segments:
        speaker, start, end, body = seg["speaker"], _number(seg["startTime"]), _number(seg["endTime"]), seg["body"]
        if len(seg) != 4 or type(speaker) is not str or type(body) is not str or start is None or end is None:
            return json.dumps({"version": VERSION, "segments": segments}, ensure_ascii=False, indent=2) + "\n"
        rows.append(
            f'    {{\n      "speaker": {encode_basestring(speaker)},\n      "startTime": {start},\n'
            f'      "endTime": {end},\n      "body": {encode_basestring(body)}\n    }}'
        )
    return _document(rows)


def _document(rows: list[str]) -> str:
    """The transcript of :func:`_dumps` around its segments' rows."""
    listed = "[\n" + ",\n".join(rows) + "\n  ]" if rows else "[]"
    return f'{{\n  "version": {encode_basestring(VERSION)},\n  "segments": {listed}\n}}\n'


def _segments(text: str, ctx: ReadContext) -> Iterator[tuple[Cue, Optional[float]]]:
    """Each segment as a cue, with its end as written (None: none)."""
    data = decode(text, ctx)
    if not isinstance(data, dict) or not isinstance(data.get("segments"), list):
        raise ctx.error('not a Podcasting 2.0 transcript: expected an object with a "segments" list', 1, 1)
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
        tokens = body.split()
        words = (Word(tokens[0], start, end),) if len(tokens) == 1 and end is not None else ()
        yield Cue(start, start if end is None else end, body, speaker or None, words=words, line=line, end_line=line), end


def cues(text: str, ctx: ReadContext) -> tuple[Cue, ...]:
    """The segments as cues: the speaker is the voice; the body is the
    text as written (a final newline ends a paragraph); a segment without
    an end ends where it starts."""
    return tuple(cue for cue, _ in _segments(text, ctx))


def read(text: str, ctx: ReadContext) -> Transcript:
    b = TurnBuilder()
    for cue, end in _segments(text, ctx):
        b.add(Piece(cue.voice, cue.text, cue.start, end, cue.line, cue.end_line, cue.text.endswith("\n"), cue.words))
    return b.build(Metadata(source=ctx.filename))


def _sniff(text: str) -> bool:
    head = text.lstrip("\ufeff").lstrip()[:2000]
    return head.startswith("{") and '"segments"' in head and '"body"' in head


register(Format("podcast-json", (".transcript.json",), write, read, _sniff, tuple(PROFILES), cues))
