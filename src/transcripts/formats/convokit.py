"""ConvoKit: a corpus directory as ConvoKit's documentation lays it out,
loadable with ``convokit.Corpus(filename=DIR)``::

    DIR/utterances.jsonl    one utterance (turn) per line: id, speaker,
                            conversation_id, reply_to, timestamp, text, meta
    DIR/speakers.json       {speaker id: {"meta": {...}, "vectors": []}}
    DIR/conversations.json  {conversation id: {"meta": {...}, "vectors": []}}
    DIR/corpus.json         the corpus's own metadata
    DIR/index.json          the type of every metadata field

Each transcript is a conversation whose id is its first utterance's id;
an utterance's id is ``<episode>-<turn index>`` and it replies to the turn
before it.  Its ``timestamp`` is the turn's start in seconds when every
turn of the episode has one, else the turn's index (so that ConvoKit's
chronological order holds); ``meta.start`` and ``meta.end`` are seconds or
null.  Speakers are shared across the corpus by id (the same name in
two episodes is one speaker).  The episode's metadata and topics go in the
conversation's meta, the turn's times, timing and paragraphs in the
utterance's; the blocks around the dialogue are left out (and reported).
"""

from __future__ import annotations

import json
from typing import Any, Sequence

from .. import __version__
from ._export import dropped_over, utterances
from ._registry import Corpus, Episode, Format, WriteOptions, register
from ._report import Holds

__all__ = ["FILES", "write_corpus"]

#: The files of a corpus directory, in the order they are written.
FILES = ("utterances.jsonl", "speakers.json", "conversations.json", "corpus.json", "index.json")

_HOLDS = Holds(metadata=("title", "subtitle", "show", "recorded", "published", "truncated"), topics=True,
               paragraphs=True, times=True, empty_turns=True)  # fmt: skip
_line = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1, allow_nan=False) + "\n"


def _types(index: dict[str, list[str]], meta: dict[str, Any]) -> None:
    """Record each field's Python type as ConvoKit's index does."""
    for key, value in meta.items():
        kind = str(type(value))
        kinds = index.setdefault(key, [])
        if kind not in kinds:
            kinds.append(kind)


def write_corpus(episodes: Sequence[Episode], options: WriteOptions) -> Corpus:
    utterance_lines: list[str] = []
    speakers: dict[str, dict[str, Any]] = {}
    conversations: dict[str, dict[str, Any]] = {}
    index: dict[str, Any] = {"utterances-index": {}, "speakers-index": {}, "conversations-index": {}, "overall-index": {}}
    for e in episodes:
        t = e.transcript
        rows = list(utterances(e))
        if not rows:
            continue
        conversation = f"{e.id}-{rows[0].turn.index}"
        timed = all(r.start is not None for r in rows)
        previous = None
        for r in rows:
            uid = f"{e.id}-{r.turn.index}"
            meta = {
                "episode": e.id,
                "turn": r.turn.index,
                "speaker_name": r.speaker_name,
                "role": r.role,
                "start": r.start,
                "end": r.end,
                "timing": r.turn.timing,
                "paragraphs": list(r.turn.paragraphs),
            }
            _types(index["utterances-index"], meta)
            utterance_lines.append(
                _line({"id": uid, "speaker": r.turn.speaker, "conversation_id": conversation, "reply_to": previous,
                       "timestamp": r.start if timed else r.turn.index, "text": r.text, "meta": meta, "vectors": []})  # fmt: skip
            )
            previous = uid
        for s in t.speakers:
            if s.id in speakers:
                known = speakers[s.id]["meta"]
                known["aliases"] = sorted(set(known["aliases"]) | set(s.aliases))
                continue
            meta = {"name": s.name, "aliases": list(s.aliases), "description": s.description}
            _types(index["speakers-index"], meta)
            speakers[s.id] = {"meta": meta, "vectors": []}
        m = t.metadata
        meta = {
            "episode": e.id,
            "title": m.title,
            "subtitle": m.subtitle,
            "show": m.show,
            "recorded": m.recorded,
            "published": m.published,
            "source": m.source,
            "convention": m.convention,
            "truncated": m.truncated,
            "topics": [{"title": p.title, "source": p.source, "in_text": p.in_text, "start": p.start} for p in t.topics],
        }
        _types(index["conversations-index"], meta)
        conversations[conversation] = {"meta": meta, "vectors": []}
    overall = {"generator": f"transcripts {__version__}", "conversations": len(conversations)}
    _types(index["overall-index"], overall)
    index["version"] = 1
    index["vectors"] = []
    files = (
        ("utterances.jsonl", "".join(line + "\n" for line in utterance_lines)),
        ("speakers.json", _dump(speakers)),
        ("conversations.json", _dump(conversations)),
        ("corpus.json", _dump(overall)),
        ("index.json", _dump(index)),
    )
    return Corpus(files, "convokit", dropped_over(episodes, _HOLDS))


register(Format("convokit", (), None, None, write_corpus=write_corpus, directory=True))  # fmt: skip
