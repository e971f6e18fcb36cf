"""Building a transcript from what a timed format holds: pieces of speech,
each with a speaker name, times and source lines.

Readers of SRT, WebVTT, the Podcasting 2.0 JSON and HTML and diarised ASR
JSON all feed :class:`Piece` objects to a :class:`TurnBuilder`, which merges
consecutive pieces of one speaker into one turn, ends paragraphs where the
pieces say so, and gives each distinct name a speaker with a stable id.
"""

from __future__ import annotations

from typing import Optional

import attrs

from ..model import Metadata, Span, Speaker, Timing, Transcript, Turn
from ..names import display_name, name_key, unique_slugs

__all__ = ["UNKNOWN", "Piece", "TurnBuilder"]

#: The speaker of speech that comes before any name.
UNKNOWN = "Unknown Speaker"


@attrs.frozen(slots=True)
class Piece:
    """A stretch of speech: ``speaker`` is a name as written (None: the
    previous piece's speaker continues); times in seconds; the source lines
    it came from; whether it ends a paragraph."""

    speaker: Optional[str]
    text: str
    start: Optional[float] = None
    end: Optional[float] = None
    first_line: Optional[int] = None
    last_line: Optional[int] = None
    ends_paragraph: bool = False


@attrs.define(slots=True)
class _Open:
    """The turn being built."""

    key: str
    paragraphs: list[str]
    current: list[str]
    start: Optional[float]
    end: Optional[float]
    first_line: Optional[int]
    last_line: Optional[int]


class TurnBuilder:
    """Collects pieces into turns.  ``display_case`` writes names given in
    capitals ("STEVE INSKEEP") in normal case, keeping the capitals as an
    alias."""

    def __init__(self, display_case: bool = False) -> None:
        self.display_case = display_case
        self._names: dict[str, str] = {}  # key -> name as first seen
        self._aliases: dict[str, list[str]] = {}
        self._turns: list[tuple[str, _Open]] = []
        self._open: Optional[_Open] = None
        #: The name of the current speaker and of the one before them.
        self.current: Optional[str] = None
        self.previous: Optional[str] = None

    def _key(self, name: str) -> str:
        name = " ".join(name.split())
        shown = display_name(name) if self.display_case else name
        key = name_key(shown)
        if key not in self._names:
            self._names[key] = shown
            self._aliases[key] = []
        if shown != name and name not in self._aliases[key]:
            self._aliases[key].append(name)
        return key

    def speak(self, name: Optional[str]) -> str:
        """Make ``name`` the current speaker (None: keep the current one,
        or the unknown speaker); returns the name in use."""
        if name is None:
            name = self.current or UNKNOWN
        name = " ".join(name.split()) or UNKNOWN
        if self.current is not None and name_key(name) != name_key(self.current):
            self.previous = self.current
        self.current = name
        return name

    def add(self, piece: Piece) -> None:
        name = self.speak(piece.speaker)
        text = " ".join(piece.text.split())
        if not text:
            turn = self._open
            if piece.ends_paragraph and turn is not None and turn.current:
                turn.paragraphs.append(" ".join(turn.current))
                turn.current = []
            return
        key = self._key(name)
        turn = self._open
        if turn is None or turn.key != key:
            self._close()
            turn = self._open = _Open(key, [], [], piece.start, piece.end, piece.first_line, piece.last_line)
        turn.current.append(text)
        if piece.ends_paragraph:
            turn.paragraphs.append(" ".join(turn.current))
            turn.current = []
        if piece.start is not None and turn.start is None:
            turn.start = piece.start
        if piece.end is not None:
            turn.end = piece.end if turn.end is None else max(turn.end, piece.end)
        if piece.first_line is not None and turn.first_line is None:
            turn.first_line = piece.first_line
        if piece.last_line is not None:
            turn.last_line = piece.last_line

    def _close(self) -> None:
        turn = self._open
        if turn is None:
            return
        if turn.current:
            turn.paragraphs.append(" ".join(turn.current))
            turn.current = []
        self._turns.append((turn.key, turn))
        self._open = None

    def build(self, metadata: Metadata = Metadata()) -> Transcript:
        self._close()
        keys = list(self._names)
        ids = dict(zip(keys, unique_slugs(self._names[k] for k in keys)))
        # Every name was registered by a piece with words, so each speaks.
        speakers = tuple(Speaker(ids[k], self._names[k], tuple(self._aliases[k])) for k in keys)
        turns = []
        for i, (key, u) in enumerate(self._turns):
            end = u.end if u.end is None or u.start is None else max(u.end, u.start)
            lines = None
            if u.first_line is not None:
                lines = Span(u.first_line, max(u.first_line, u.last_line or u.first_line))
            timing: Optional[Timing] = "given" if u.start is not None else None
            turns.append(Turn(i, ids[key], tuple(u.paragraphs), u.start, end, timing, lines))
        return Transcript(metadata=metadata, speakers=speakers, turns=tuple(turns))
