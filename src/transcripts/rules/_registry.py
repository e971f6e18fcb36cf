"""The rule registries: ordered lists of small named rules.

A *label rule* recognises one way of writing who speaks ("Name: text",
"**Name:** text", "STEVE INSKEEP, HOST:" …) and turns a match into a
:class:`Label` candidate.  A *block rule* recognises one kind of paragraph
that is not speech (an editor note, an elision, a bullet…).  Rules run in
registration order; adding a convention means registering a rule.
"""

from __future__ import annotations

from typing import Callable, Optional

import attrs
import regex

__all__ = ["BLOCK_RULES", "BlockRule", "LABEL_RULES", "Label", "LabelRule", "block_rule", "label_rule", "name_start"]


# Made by the thousand per document: a plain slotted class (attrs'
# frozen classes cost twice as much to build).  Treat as immutable.
@attrs.define(slots=True, eq=True)
class Label:
    """A label candidate: who (as written), what follows on the line, and
    what else the label says (a start time, a role word)."""

    rule: str
    name: str
    text: str
    start: Optional[float] = None
    role: Optional[str] = None


#: A builder reads a rule's match: (rule name, match, paragraph text) → label.
Builder = Callable[[str, "regex.Match[str]", str], Optional[Label]]


@attrs.frozen(slots=True)
class LabelRule:
    """A named, anchored pattern and the function that reads its match.

    :func:`transcripts.rules.find_labels` runs the rules: ``max_len`` and
    ``hint`` are cheap tests before the pattern, ``raw`` says the pattern
    reads the first line as written rather than the normalised text."""

    name: str
    pattern: "regex.Pattern[str]"
    build: Builder
    hint: Optional[str] = None  # a substring every match holds in its first HINT_REACH characters
    conventions: tuple[str, ...] = ()  # the conventions it belongs to (default: its name)
    raw: bool = False  # match the first line as written (spacing kept), not the normalised text
    first: Optional[Callable[[str], bool]] = None  # which opening (two characters) a match can have
    max_len: Optional[int] = None  # the longest paragraph a match can be
    bare: bool = False  # no markup at all (a name alone): weaker evidence

    def may_start_with(self, opening: str) -> bool:
        """Whether a paragraph whose normalised text starts with ``opening``
        (its first two characters) can match: a cheap test that the rule
        runner caches per opening."""
        return self.first is None or self.first(opening)


@attrs.frozen(slots=True)
class BlockRule:
    """A named test for one kind of non-speech paragraph."""

    name: str
    kind: str
    test: Callable[[str], bool]
    starts: Optional[frozenset[str]] = None  # first characters a match can have: a cheap pre-check
    labelled: bool = False  # also run on paragraphs that a label rule reads


#: How far into a paragraph a rule's hint must occur (a label is short).
HINT_REACH = 160

LABEL_RULES: list[LabelRule] = []


def name_start(opening: str) -> bool:
    """Whether a name can start so: a capital, or a letter of a script
    without case (张伟)."""
    char = opening[:1]
    return char.isalpha() and not char.islower()

BLOCK_RULES: list[BlockRule] = []


def label_rule(
    name: str,
    pattern: "regex.Pattern[str]",
    hint: Optional[str] = None,
    conventions: Optional[tuple[str, ...]] = None,
    raw: bool = False,
    first: Optional[Callable[[str], bool]] = None,
    max_len: Optional[int] = None,
    bare: bool = False,
) -> Callable[[Builder], Builder]:
    """Register the decorated function as the builder of a label rule.

    A rule belongs to the convention of its own name unless ``conventions``
    lists others: a bare "Q" for reporters, say, belongs to every
    convention that writes names in capitals."""

    def register(build: Builder) -> Builder:
        if any(r.name == name for r in LABEL_RULES):
            raise ValueError(f"label rule {name!r} registered twice")
        LABEL_RULES.append(LabelRule(name, pattern, build, hint, conventions or (name,), raw, first, max_len, bare))
        return build

    return register


def block_rule(
    name: str, kind: str, starts: Optional[str] = None, labelled: bool = False
) -> Callable[[Callable[[str], bool]], Callable[[str], bool]]:
    """Register the decorated predicate as a block rule for ``kind``;
    ``starts`` lists the characters a matching paragraph can start with."""

    def register(test: Callable[[str], bool]) -> Callable[[str], bool]:
        if any(r.name == name for r in BLOCK_RULES):
            raise ValueError(f"block rule {name!r} registered twice")
        BLOCK_RULES.append(BlockRule(name, kind, test, frozenset(starts) if starts is not None else None, labelled))
        return test

    return register
