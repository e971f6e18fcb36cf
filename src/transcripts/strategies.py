"""Hypothesis strategies for transcripts (import explicitly: this module
needs hypothesis, which ``import transcripts`` never imports).

    from transcripts.strategies import transcripts
    @given(transcripts())
    def test_round_trip(t): ...
"""

from __future__ import annotations

from typing import Optional

from hypothesis import strategies as st

from .model import BLOCK_KINDS, ROLES, TOPIC_SOURCES, Block, Metadata, Span, Speaker, Topic, Transcript, Turn
from .names import unique_slugs

__all__ = ["blocks", "metadata", "names", "paragraphs", "speakers", "spans", "times", "topics", "transcripts"]

_GIVEN = ["Ann", "Bo", "José", "Ursula", "Mary", "Amara", "Marisol", "Tomás", "Zhang", "Lulu", "Steve", "Ilari", "Søren", "Chloé", "Nguyễn"]
_FAMILY = ["Lee", "Chen", "Álvarez-Ruiz", "van der Berg", "O'Neil", "Okafor", "Vega", "Wei", "Miller", "Inskeep", "Mäkelä", "Kierkegaard", "Dubois", "Văn An"]
_TITLES = ["", "", "", "Dr. ", "Prof. "]


@st.composite
def names(draw: st.DrawFn) -> str:
    """Realistic full names: non-ASCII letters, particles, apostrophes,
    hyphens, titles, and names in CJK script."""
    if draw(st.integers(0, 9)) == 0:
        return draw(st.sampled_from(["张伟", "李娜", "王芳", "佐藤 花子", "김 민준"]))
    return draw(st.sampled_from(_TITLES)) + draw(st.sampled_from(_GIVEN)) + " " + draw(st.sampled_from(_FAMILY))


def text_fields() -> st.SearchStrategy[str]:
    """Any text a field may hold (no surrogates)."""
    return st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@st.composite
def paragraphs(draw: st.DrawFn) -> str:
    """A paragraph of words: letters, digits, punctuation, curly quotes."""
    word = st.text(st.characters(whitelist_categories=("L", "N"), max_codepoint=0x2FFF), min_size=1, max_size=10)
    words = draw(st.lists(word, min_size=1, max_size=30))
    seps = draw(st.lists(st.sampled_from([" ", " ", " ", ", ", "; ", " — ", "’s "]), min_size=len(words), max_size=len(words)))
    body = "".join(w + s for w, s in zip(words, seps)).strip(" ,;—")
    return body[:1].upper() + body[1:] + draw(st.sampled_from([".", "?", "!", "…"]))


def times() -> st.SearchStrategy[Optional[float]]:
    return st.one_of(st.none(), st.floats(0, 36000, allow_nan=False, allow_infinity=False))


@st.composite
def spans(draw: st.DrawFn) -> Span:
    start = draw(st.integers(1, 10_000))
    return Span(start, start + draw(st.integers(0, 50)))


@st.composite
def speakers(draw: st.DrawFn, min_size: int = 1, max_size: int = 4) -> tuple[Speaker, ...]:
    """Distinct speakers with unique ids."""
    people = draw(st.lists(names(), min_size=min_size, max_size=max_size, unique=True))
    ids = unique_slugs(people)
    return tuple(
        Speaker(
            id=sid,
            name=name,
            aliases=tuple(draw(st.lists(names(), max_size=2, unique=True))),
            role=draw(st.sampled_from(ROLES)),
            description=draw(st.one_of(st.none(), text_fields())),
        )
        for sid, name in zip(ids, people)
    )


def metadata() -> st.SearchStrategy[Metadata]:
    opt = st.one_of(st.none(), text_fields())
    return st.builds(
        Metadata,
        title=opt,
        subtitle=opt,
        show=opt,
        recorded=opt,
        published=opt,
        convention=st.one_of(st.none(), st.just("name-colon")),
        truncated=st.booleans(),
        source=opt,
    )


def topics(n_turns: int) -> st.SearchStrategy[Topic]:
    return st.builds(
        Topic,
        title=text_fields(),
        source=st.sampled_from(TOPIC_SOURCES),
        in_text=st.booleans(),
        turns=st.lists(st.integers(0, max(n_turns - 1, 0)), max_size=3).map(tuple) if n_turns else st.just(()),
        start=times(),
        lines=st.one_of(st.none(), spans()),
    )


def blocks(n_turns: int) -> st.SearchStrategy[Block]:
    return st.builds(
        Block,
        kind=st.sampled_from(BLOCK_KINDS),
        text=text_fields(),
        lines=st.one_of(st.none(), spans()),
        turn=st.one_of(st.none(), st.integers(0, n_turns - 1)) if n_turns else st.none(),
    )


@st.composite
def transcripts(draw: st.DrawFn, max_turns: int = 12) -> Transcript:
    """Whole transcripts: speakers, turns in ascending time where timed,
    topics and blocks."""
    people = draw(speakers())
    n = draw(st.integers(0, max_turns))
    timed = draw(st.booleans())
    clock = 0.0
    turns = []
    for i in range(n):
        start = end = None
        if timed:
            start = clock
            clock += draw(st.floats(0.5, 120, allow_nan=False))
            end = clock
        turns.append(
            Turn(
                index=i,
                speaker=draw(st.sampled_from(people)).id,
                paragraphs=tuple(draw(st.lists(paragraphs(), min_size=1, max_size=3))),
                start=start,
                end=end,
                timing="given" if timed else None,
                lines=draw(st.one_of(st.none(), spans())),
            )
        )
    return Transcript(
        metadata=draw(metadata()),
        speakers=people,
        turns=tuple(turns),
        topics=tuple(draw(st.lists(topics(n), max_size=3))),
        blocks=tuple(draw(st.lists(blocks(n), max_size=4))),
    )
