"""JSON Lines: one utterance (turn) per line, for streaming tools.

Each line is an object: ``episode``, ``turn`` (the index), ``speaker`` (the
id), ``speaker_name``, ``role``, ``start``, ``end`` (seconds or null),
``timing``, ``text`` (the paragraphs joined by newlines) and
``paragraphs``.  Many transcripts make one file.
"""

from __future__ import annotations

import json
from typing import Sequence

from ._export import dropped_over, single, utterances
from ._registry import Corpus, Episode, Format, WriteOptions, register

__all__ = ["write_corpus"]

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


register(Format("jsonl", (".jsonl",), single(write_corpus, "jsonl"), None, write_corpus=write_corpus))  # fmt: skip
