"""The pipeline, top to bottom: text → lines (and front matter; margin
numbers off) → paragraphs → items (label candidates, block kinds) → the
template and its labels (evidence) → speakers → turns → context (metadata,
topics, roles) → topics placed in the dialogue → model."""

from __future__ import annotations

import contextlib
import gc
import os
from typing import Iterator, Optional, Sequence, Union

import attrs

from ._source import decode, split_lines
from .assemble import Dialogue, assemble
from .context import find_people, full_names, read_context
from .errors import ParseError
from .evidence import BOLD_QUESTIONS, bold_questions, cast, choose, named_keys, questioner, scenes
from .frontmatter import FrontMatter, front_matter
from .items import Item, classify
from .margins import unnumbered
from .model import Block, Transcript
from .paragraphs import paragraphs
from .resolve import Person, resolve
from .rules import DEFAULT_RULES, RuleSet
from .slots import read_slot
from .timed import assemble_timed, is_timed
from .topics import align

__all__ = ["Analysis", "analyse", "conventions", "parse", "parse_bytes", "read_text"]


def conventions(rules: Optional[RuleSet] = None) -> tuple[str, ...]:
    """Names of the labelling conventions the parser knows, in rule order."""
    return (rules or DEFAULT_RULES).conventions()


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


#: How many paragraphs above the first label may give a full name.
_INTRO_REACH = 50

#: The speaker of a talk that no one names, answering its audience's questions.
UNNAMED = "Speaker"


#: The speaker of a print interview's answers that no one names.
ANSWER = "A"


def _interviewee(people: Sequence[Person]) -> Optional[str]:
    """The one guest the intro introduces ("We spoke to Helen Okonkwo"),
    who answers an interview's questions."""
    guests = list(dict.fromkeys(p.name for p in people if p.role == "guest"))
    return guests[0] if len(guests) == 1 else None


def _lead(matter: Optional[FrontMatter]) -> Optional[str]:
    """The one speaker the front matter names, who speaks what no label
    claims (a talk before its questions)."""
    if matter is None or len(matter.people) != 1:
        return None
    return matter.people[0][0]


def _introduced(items: Sequence[Item]) -> tuple[Person, ...]:
    """People a label introduces with their initials, "Aaron van Wirdum
    (AvW):", for the later labels "AvW:"."""
    out: dict[str, Person] = {}
    for it in items:
        for label in it.seen_labels:
            if label.written.endswith(")") and label.written != label.name:
                slot = read_slot(label.written)
                if slot is not None and slot.initials and slot.name not in out:
                    out[slot.name] = Person(slot.name, initials=slot.initials, listed=True)
    return tuple(out.values())


def analyse(
    text: str, *, convention: Optional[str] = None, source: Optional[str] = None, rules: Optional[RuleSet] = None
) -> Analysis:
    """Parse ``text`` and keep the intermediate results."""
    rules = rules or DEFAULT_RULES
    if convention is not None:
        rules = rules.only(convention)
    with _paused_gc():
        matter, lines = front_matter(split_lines(text))
        lines = unnumbered(lines)  # a court reporter's margin numbers
        items = classify(
            paragraphs(lines, lambda line: rules.opens_item(line.text, line.raw), lambda line: rules.is_item(line.text, line.raw)),
            rules,
        )
        del lines  # the items hold what the rest needs of them
        bare = frozenset(r.name for r in rules.label_rules if r.bare)
        people = find_people(items, matter, bare) + _introduced(items) + tuple(cast(items))
        choice, unsure = choose(items, named_keys(items, people, bare), rules, convention)
        if choice is not None:
            # "MS. LEE:" for the "Press Secretary Ann Lee" of the title or the intro.
            above = [it.text for it in items[: min(choice.labels[0].item, _INTRO_REACH)]]
            titles = [matter.title or "", matter.subtitle or ""] if matter else []
            people = people + full_names([c.label for c in choice.labels], [*titles, *above], items)
        if choice is None and convention is None:
            choice = bold_questions(items)  # a print interview's questions in bold, without labels
        lead = _lead(matter)
        if choice is not None and choice.template == BOLD_QUESTIONS:
            lead = _interviewee(people) or lead or ANSWER
        if lead is None and choice is not None and all(questioner(c.key, c.label.kind) for c in choice.labels):
            lead = UNNAMED  # a talk whose audience's questions alone are labelled
        if lead is not None:
            people = people + (Person(lead, "guest", listed=True),)
        timed = is_timed(items) if choice is None and lead is None else None
        if timed is not None:
            dialogue = assemble_timed(items, timed)  # speech under times, no one named
        else:
            resolution = resolve([c.label for c in choice.labels] if choice else [], people, lead)
            lead_id = resolution.speaker_of[lead] if lead is not None else None
            dialogue = assemble(items, choice, unsure, resolution, rules, lead_id, scenes(items, choice))
        ctx = read_context(items, dialogue, people)
        blocks = tuple(_blocks(items, dialogue))
        metadata = attrs.evolve(ctx.metadata, source=source)
        if matter is not None:
            blocks = (Block("metadata", matter.text, matter.span),) + blocks
            if matter.title:
                metadata = attrs.evolve(metadata, title=matter.title, subtitle=matter.subtitle or metadata.subtitle)
            metadata = attrs.evolve(
                metadata, published=matter.date or metadata.published, episode=matter.episode, season=matter.season
            )
        transcript = Transcript(
            metadata=metadata,
            speakers=ctx.speakers,
            turns=dialogue.turns,
            topics=align(ctx.topics, dialogue.turns),
            blocks=blocks,
        )
    return Analysis(transcript, tuple(items), dialogue)


def _blocks(items: Sequence[Item], dialogue: Dialogue) -> Iterator[Block]:
    """Every paragraph that is not speech, and every aside split off from
    speech, in document order."""
    asides: dict[int, list] = {}
    for a in dialogue.asides:
        asides.setdefault(a.item, []).append(a)
    turns = dialogue.turns

    def inside(turn: Optional[int], at: Optional[int]) -> Optional[int]:
        """Where in its turn a block sits, when it is between two of the
        turn's paragraphs (see :attr:`Block.paragraph`)."""
        return at if turn is not None and at is not None and at < len(turns[turn].paragraphs) else None

    for it in items:
        for a in asides.get(it.index, ()):
            yield Block(a.kind, a.text, it.span, a.turn, inside(a.turn, a.at))
        if not it.speech:
            yield Block(it.kind, it.text, it.span, it.turn, inside(it.turn, it.at))


def parse(
    text: str, *, convention: Optional[str] = None, source: Optional[str] = None, rules: Optional[RuleSet] = None
) -> Transcript:
    """Parse speaker-labelled text into a :class:`~transcripts.model.Transcript`.

    Never raises on any text: a document without dialogue parses into zero
    turns with its paragraphs kept as blocks.  ``convention`` forces one
    labelling convention (see :func:`conventions`); ``source`` is recorded
    in the metadata; ``rules`` replaces the built-in rule set
    (:data:`transcripts.rules.DEFAULT_RULES`) with another, for instance a
    copy with a rule added.
    """
    with _paused_gc():
        # The intermediate results go before the collector resumes, which
        # would otherwise walk every one of them at its next pass.
        return analyse(text, convention=convention, source=source, rules=rules).transcript


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
