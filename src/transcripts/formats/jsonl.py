"""JSON Lines: one utterance (turn) per line, for streaming tools.

Each line is an object: ``episode``, ``turn`` (the index), ``speaker`` (the
id), ``speaker_name``, ``role``, ``start``, ``end`` (seconds or null),
``timing``, ``text`` (the paragraphs joined by newlines) and
``paragraphs``.  Many transcripts make one file.

Read, each line is a record whose fields are found by name as a table's
columns are (:func:`.rows.records`: ``text`` or ``paragraphs``,
``speaker_name``/``speaker``, ``start``/``end``, ``turn``, ``role``), so
that our own files and a dataset's utterances alike read; a line that is
not a JSON object is an error naming it (``lenient``: skipped), and a file
of several episodes is refused rather than merged.
"""

from __future__ import annotations

import json
from typing import Any, Sequence

from ..model import Metadata, Transcript
from ._export import dropped_over, single, utterances
from ._registry import Corpus, Episode, Format, ReadContext, WriteOptions, register
from .rows import Record, records

__all__ = ["read", "write_corpus"]

_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode


def write_corpus(episodes: Sequence[Episode], options: WriteOptions) -> Corpus:
    lines = []
    for e in episodes:
        for r in utterances(e):
            lines.append(
                _encode(
                    {
                        "episode": r.episode,
                        "turn": r.turn.index,
                        "speaker": r.turn.speaker,
                        "speaker_name": r.speaker_name,
                        "role": r.role,
                        "start": r.start,
                        "end": r.end,
                        "timing": r.turn.timing,
                        "text": r.text,
                        "paragraphs": list(r.turn.paragraphs),
                    }
                )
            )
    return Corpus((("", "".join(line + "\n" for line in lines)),), "jsonl", dropped_over(episodes))


def read(text: str, ctx: ReadContext) -> Transcript:
    found: list[Record] = []
    names: dict[str, None] = {}
    for number, line in enumerate(text.lstrip("\ufeff").split("\n"), 1):
        if not line.strip():
            continue
        try:
            value: Any = json.loads(line)
        except (ValueError, RecursionError) as exc:
            ctx.bad_cue(f"invalid JSON: {getattr(exc, 'msg', str(exc).split(';')[0])}", number, getattr(exc, "colno", None))
            continue
        if not isinstance(value, dict):
            ctx.bad_cue("expected a JSON object on each line", number, 1)
            continue
        names.update(dict.fromkeys(k for k in value if isinstance(k, str)))
        found.append((number, value))
    if not found:
        return Transcript(metadata=Metadata(source=ctx.filename))  # no utterances (as written of a transcript without turns)
    return records(found, list(names), ctx, what="field")


register(Format("jsonl", (".jsonl",), single(write_corpus, "jsonl"), read, write_corpus=write_corpus))  # fmt: skip
