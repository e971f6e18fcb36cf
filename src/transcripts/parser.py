"""The pipeline, top to bottom: text → lines → paragraphs → items →
dialogue (speakers, turns) → context (metadata, topics, roles) → topics
placed in the dialogue → model."""

from __future__ import annotations

import contextlib
import gc
import os
from typing import Iterator, Optional, Sequence, Union

import attrs

from ._source import Line, decode, split_lines
from .assemble import Aside, Dialogue, Item, assemble, classify
from .context import find_people, read_context
from .errors import ParseError
from .frontmatter import front_matter
from .model import Block, Transcript
from .paragraphs import paragraphs
from .rules import LABEL_RULES, classify_block, find_labels
from .topics import align

__all__ = ["analyse", "conventions", "parse", "parse_bytes", "read_text"]


def conventions() -> tuple[str, ...]:
    """Names of the labelling conventions the parser knows, in rule order."""
    return tuple(dict.fromkeys(c for r in LABEL_RULES for c in r.conventions))


def _opens_item(line: Line) -> bool:
    return bool(find_labels(line.text, line.raw, openers=True)) or classify_block(line.text) not in ("prose", "heading")


def _rule_filter(convention: Optional[str]) -> Optional[frozenset[str]]:
    """The label rules a forced convention allows (None: all)."""
    if convention is None:
        return None
    return frozenset(r.name for r in LABEL_RULES if convention in r.conventions)


@contextlib.contextmanager
def _paused_gc() -> Iterator[None]:
    """Parsing makes many small objects and no reference cycles: the cyclic
    collector's passes over them cost a third of the time, so it waits."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@attrs.frozen(slots=True)
class Analysis:
    """The parser's intermediate results, for ``transcripts inspect``."""

    transcript: Transcript
    items: tuple[Item, ...]
    dialogue: Dialogue


def analyse(text: str, *, convention: Optional[str] = None, source: Optional[str] = None) -> Analysis:
    """Parse ``text`` and keep the intermediate results."""
    if convention is not None and convention not in conventions():
        raise ValueError(f"unknown convention {convention!r}; known: {', '.join(conventions())}")
    with _paused_gc():
        matter, lines = front_matter(split_lines(text))
        items = classify(paragraphs(lines, _opens_item), _rule_filter(convention))
        people = find_people(items)
        dialogue = assemble(items, people, convention)
        ctx = read_context(items, dialogue, people)
        blocks = tuple(_blocks(items, dialogue, ctx.kinds))
        metadata = attrs.evolve(ctx.metadata, source=source)
        if matter is not None:
            blocks = (Block("metadata", matter.text, matter.span),) + blocks
            if matter.title:
                metadata = attrs.evolve(metadata, title=matter.title, subtitle=matter.subtitle or metadata.subtitle)
            metadata = attrs.evolve(metadata, published=matter.date or metadata.published)
        transcript = Transcript(
            metadata=metadata,
            speakers=ctx.speakers,
            turns=dialogue.turns,
            topics=align(ctx.topics, dialogue.turns),
            blocks=blocks,
        )
    return Analysis(transcript, tuple(items), dialogue)


def _blocks(items: Sequence[Item], dialogue: Dialogue, kinds: dict[int, str]) -> Iterator[Block]:
    """Every paragraph that is not speech, and every aside split off from
    speech, in document order."""
    asides: dict[int, list[Aside]] = {}
    for a in dialogue.asides:
        asides.setdefault(a.item, []).append(a)
    for i, it in enumerate(items):
        for a in asides.get(i, ()):
            yield Block(a.kind, a.text, it.para.span, a.turn)
        if dialogue.speech[i] is None:
            yield Block(kinds.get(i, it.kind), it.text, it.para.span, dialogue.block_turn[i])


def parse(text: str, *, convention: Optional[str] = None, source: Optional[str] = None) -> Transcript:
    """Parse speaker-labelled text into a :class:`~transcripts.model.Transcript`.

    Never raises on any text: a document without dialogue parses into zero
    turns with its paragraphs kept as blocks.  ``convention`` forces one
    labelling convention (see :func:`conventions`); ``source`` is recorded
    in the metadata.
    """
    return analyse(text, convention=convention, source=source).transcript


def parse_bytes(data: bytes, *, filename: Optional[str] = None, convention: Optional[str] = None) -> Transcript:
    """Decode UTF-8 (BOM or not) and parse; undecodable bytes raise
    :class:`~transcripts.errors.ParseError` naming file, line and column."""
    return parse(decode(data, filename), convention=convention, source=filename)


def read_text(path: Union[str, "os.PathLike[str]"]) -> str:
    """A file's text, decoded as :func:`parse_bytes` does."""
    name = os.fspath(path)
    try:
        with open(name, "rb") as f:
            data = f.read()
    except OSError as exc:
        raise ParseError(exc.strerror or str(exc), name) from None
    return decode(data, name)
