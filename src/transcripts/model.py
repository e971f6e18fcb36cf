"""The transcript model: plain, frozen data.

Every class here is a frozen, slotted attrs class holding only numbers,
strings, tuples and other model classes.  Nothing here renders, parses or
knows about a file format; that is the job of :mod:`transcripts.parser` and
:mod:`transcripts.formats`.

Line numbers are 1-based and inclusive, as an editor shows them.  Times are
seconds as floats.
"""

from __future__ import annotations

from typing import Iterable, Literal, Optional

import attrs

__all__ = [
    "BLOCK_KINDS",
    "Role",
    "Block",
    "Metadata",
    "ROLES",
    "Span",
    "Speaker",
    "TIMINGS",
    "TOPIC_SOURCES",
    "Topic",
    "Transcript",
    "Turn",
    "UNKNOWN_SPEAKER",
    "Word",
]

Role = Literal["host", "guest", "unknown"]
ROLES: tuple[str, ...] = ("host", "guest", "unknown")

#: The name of the speaker of speech that no label, voice or field names
#: (a caption file without speakers, speech under times alone).
UNKNOWN_SPEAKER = "Unknown Speaker"

#: How a turn's times were obtained: written in the source, or estimated.
Timing = Literal["given", "estimated"]
TIMINGS: tuple[str, ...] = ("given", "estimated")

#: Where a topic came from: an announced list ("We discuss…"), a list of what
#: paid subscribers get (not in the text), a heading inside the dialogue, or a
#: chapter list.
TopicSource = Literal["announced", "paywalled", "heading", "chapter"]
TOPIC_SOURCES: tuple[str, ...] = ("announced", "paywalled", "heading", "chapter")

#: Kinds of non-dialogue blocks.  Everything in the input that is not a turn's
#: speech is kept as one of these, so nothing is silently dropped.
BLOCK_KINDS: tuple[str, ...] = (
    "heading",  # a title, a section heading
    "prose",  # intro or essay paragraphs outside the dialogue
    "topic_list",  # a "We discuss…" lead-in or one of its bullets
    "list_item",  # any other bullet or numbered item outside the dialogue
    "note",  # an editor note: "[Jordan: …]", "*[Transcript edited]*"
    "elision",  # "(...)": where the free part ends
    "paywall",  # "Paid subscribers get access to the rest…"
    "event",  # "(LAUGHTER)", "[crosstalk]", "(SOUNDBITE OF MUSIC)"
    "break",  # an ad break
    "chrome",  # page navigation, share buttons, footers, URLs
    "date",  # a dateline
    "metadata",  # front matter and other machine metadata lines
    "timestamp",  # a time alone on its line, not attached to a turn
)


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return value if type(value) is tuple else tuple(value)


def _ints(value: Iterable[int]) -> tuple[int, ...]:
    return value if type(value) is tuple else tuple(value)


def _speakers(value: Iterable["Speaker"]) -> tuple["Speaker", ...]:
    return value if type(value) is tuple else tuple(value)


def _turns(value: Iterable["Turn"]) -> tuple["Turn", ...]:
    return value if type(value) is tuple else tuple(value)


def _words(value: Iterable["Word"]) -> tuple["Word", ...]:
    return value if type(value) is tuple else tuple(value)


def _topics(value: Iterable["Topic"]) -> tuple["Topic", ...]:
    return value if type(value) is tuple else tuple(value)


def _blocks(value: Iterable["Block"]) -> tuple["Block", ...]:
    return value if type(value) is tuple else tuple(value)


@attrs.frozen(slots=True)
class Span:
    """A range of source lines, 1-based and inclusive."""

    start: int
    end: int

    def __attrs_post_init__(self) -> None:
        if self.start < 1 or self.end < self.start:
            raise ValueError(f"bad line span {self.start}-{self.end}")


@attrs.frozen(slots=True)
class Speaker:
    """A person (or call sign) who speaks in the transcript."""

    id: str
    name: str
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    role: Role = "unknown"
    description: Optional[str] = None


@attrs.frozen(slots=True)
class Word:
    """One word as a speech recogniser or a timed caption gives it: its
    ``text`` (a whitespace-free token of the turn's paragraphs, punctuation
    attached), ``start``/``end`` in seconds and the recogniser's
    ``confidence`` (0 to 1), each ``None`` where the source has none."""

    text: str
    start: Optional[float] = None
    end: Optional[float] = None
    confidence: Optional[float] = None


@attrs.frozen(slots=True)
class Turn:
    """One speaker's uninterrupted contribution.

    ``paragraphs`` holds the labelled paragraph and the unlabelled paragraphs
    that follow it.  ``start``/``end`` are seconds, ``None`` where unknown.
    ``words`` holds the turn's words with their times where the source has
    them (speech recognisers, word-timed captions), in the order spoken;
    empty otherwise.
    """

    index: int
    speaker: str
    paragraphs: tuple[str, ...] = attrs.field(converter=_strings)
    start: Optional[float] = None
    end: Optional[float] = None
    timing: Optional[Timing] = None
    lines: Optional[Span] = None
    words: tuple[Word, ...] = attrs.field(default=(), converter=_words)


@attrs.frozen(slots=True)
class Topic:
    """A subject of the conversation.

    ``in_text`` is false for topics the document announces but does not
    contain (the part behind a paywall, or never reached).  ``turns`` lists
    the indices of the turns the topic covers, where that is known;
    ``start`` is when it starts (seconds).  ``confidence`` (0 to 1) says how
    sure the placement is: 1.0 where headings or chapter times place the
    topic, lower where it was aligned by the words of its title (see
    :mod:`transcripts.topics`), ``None`` where it was not placed.
    """

    title: str
    source: TopicSource = "announced"
    in_text: bool = True
    turns: tuple[int, ...] = attrs.field(default=(), converter=_ints)
    start: Optional[float] = None
    lines: Optional[Span] = None
    confidence: Optional[float] = None


@attrs.frozen(slots=True)
class Block:
    """A piece of the document that is not speech: see :data:`BLOCK_KINDS`.

    ``turn`` is the index of the turn the block interrupts or follows, when
    it sits inside the dialogue.  ``paragraph`` says where in that turn a
    block that interrupts it sits: how many of the turn's paragraphs come
    before it (0 for one between the label and the speech, such as an
    aside opening it: "Ann Lee: (Laughs.) Yes."; 1 to one less than their
    count for one between two paragraphs); ``None`` for a block that
    follows its turn, and where that is not known.
    """

    kind: str
    text: str
    lines: Optional[Span] = None
    turn: Optional[int] = None
    paragraph: Optional[int] = None


@attrs.frozen(slots=True)
class Metadata:
    """What the document says about itself.

    Dates are kept as written ("Feb. 26"); ``convention`` names the labelling
    convention the parser detected; ``truncated`` says the text stops where
    the free part of the conversation ends; ``language`` is the language
    the source declares (a BCP 47 tag such as "en" or "en-US", as written);
    ``episode`` and ``season`` are as a feed or front matter numbers them.
    """

    title: Optional[str] = None
    subtitle: Optional[str] = None
    show: Optional[str] = None
    recorded: Optional[str] = None
    published: Optional[str] = None
    convention: Optional[str] = None
    truncated: bool = False
    source: Optional[str] = None
    language: Optional[str] = None
    episode: Optional[str] = None
    season: Optional[str] = None


@attrs.frozen(slots=True)
class Transcript:
    """A parsed transcript: metadata, speakers, turns, topics and blocks."""

    metadata: Metadata = Metadata()
    speakers: tuple[Speaker, ...] = attrs.field(default=(), converter=_speakers)
    turns: tuple[Turn, ...] = attrs.field(default=(), converter=_turns)
    topics: tuple[Topic, ...] = attrs.field(default=(), converter=_topics)
    blocks: tuple[Block, ...] = attrs.field(default=(), converter=_blocks)

    def speaker(self, speaker_id: str) -> Speaker:
        """The speaker with this id (``KeyError`` when there is none)."""
        for s in self.speakers:
            if s.id == speaker_id:
                return s
        raise KeyError(speaker_id)
