"""What the corpus exports (csv, tsv, jsonl, convokit, rttm) share: an
episode's id, one utterance per turn or paragraph, times as text, and the
report of what they leave out."""

from __future__ import annotations

import os
from typing import Iterator, Optional, Sequence

import attrs

from ..model import Speaker, Transcript, Turn
from ..names import slug, unique_ids
from ._registry import Corpus, Dropped, Episode, WriteOptions, base_name, merge_dropped
from ._report import Holds, lost

__all__ = ["Utterance", "clock", "corpus_of", "episode_id", "unique_ids", "utterances"]


def episode_id(t: Transcript) -> str:
    """An id for a transcript written on its own: the base name of the file
    it was read from, else its title as a slug, else ``"episode"``."""
    if t.metadata.source:
        return base_name(os.path.basename(t.metadata.source)) or "episode"
    return slug(t.metadata.title or "") or "episode"


@attrs.frozen(slots=True)
class Utterance:
    """One row of an export: a turn, or one paragraph of it."""

    episode: str
    turn: Turn
    speaker: Optional[Speaker]
    text: str
    start: Optional[float]
    end: Optional[float]
    paragraph: Optional[int] = None

    @property
    def speaker_name(self) -> str:
        return self.speaker.name if self.speaker else self.turn.speaker

    @property
    def role(self) -> str:
        return self.speaker.role if self.speaker else "unknown"


def utterances(episode: Episode, rows: str = "turns") -> Iterator[Utterance]:
    """The episode's turns as utterances, or with ``rows="paragraphs"`` one
    per paragraph (the turn's start on its first paragraph, its end on the
    last: a paragraph's own times are not known)."""
    t = episode.transcript
    speakers = {s.id: s for s in t.speakers}
    for u in t.turns:
        who = speakers.get(u.speaker)
        if rows == "paragraphs":
            last = len(u.paragraphs) - 1
            for k, p in enumerate(u.paragraphs):
                yield Utterance(episode.id, u, who, p, u.start if k == 0 else None, u.end if k == last else None, k)
        else:
            yield Utterance(episode.id, u, who, "\n".join(u.paragraphs), u.start, u.end)


def clock(seconds: Optional[float]) -> str:
    """Seconds as text with at most three decimals (``12.5``, ``0``); empty
    when unknown."""
    if seconds is None:
        return ""
    text = f"{seconds:.3f}".rstrip("0").rstrip(".")
    return text or "0"


#: What a turn-per-row export holds: turns, speakers' names and roles,
#: times and (joined by newlines) paragraphs.
ROW_HOLDS = Holds(paragraphs=True, times=True, empty_turns=True)


def lost_in_rows(t: Transcript, holds: Holds = ROW_HOLDS) -> tuple[Dropped, ...]:
    """What a row export leaves out: metadata, topics, blocks, aliases and
    descriptions (the role is a column)."""
    return tuple(d for d in lost(t, holds) if d.what != "speaker role")


def corpus_of(t: Transcript) -> Sequence[Episode]:
    """A transcript on its own as a one-episode corpus."""
    return (Episode(episode_id(t), t),)


def single(write_corpus, name: str):  # type: ignore[no-untyped-def]
    """The one-transcript writer of a one-file corpus format."""
    from ._registry import Conversion

    def write(t: Transcript, options: WriteOptions) -> Conversion:
        corpus: Corpus = write_corpus(corpus_of(t), options)
        return Conversion(corpus.files[0][1], name, corpus.dropped)

    return write


def dropped_over(episodes: Sequence[Episode], holds: Holds = ROW_HOLDS) -> tuple[Dropped, ...]:
    return merge_dropped(lost_in_rows(e.transcript, holds) for e in episodes)
