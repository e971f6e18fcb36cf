"""One record per paragraph: what the rules made of it, and later what the
parser decided it is.

:func:`classify` runs the label rules and the block rules over each
paragraph; :mod:`transcripts.evidence` and :mod:`transcripts.assemble` then
fill in the paragraph's accepted ``label``, whether it is ``speech`` and the
``turn`` it belongs to (or, for a block inside the dialogue, the turn it
follows); :mod:`transcripts.context` may refine a block's ``kind``.  Every
stage reads and writes this one record rather than tables keyed by index.
"""

from __future__ import annotations

from typing import Iterable, Optional

import attrs

from . import _patterns as P
from .model import Span
from .paragraphs import Paragraph, first_colon
from .rules import Label, RuleSet, heading_or_prose

__all__ = ["Item", "classify"]


# Made by the thousand per document: a plain slotted class (attrs'
# frozen classes cost twice as much to build).
@attrs.define(slots=True, eq=False)
class Item:
    """A paragraph with what the rules made of it: the numbers of its
    first and last source lines and its text (the paragraph itself, not a
    reference to one, nor to its lines, which go once the rules have read
    them: a file of short lines makes one item per line).

    ``kind`` is what the paragraph is when it is not speech.  For a
    paragraph that a label rule reads it is worked out only when asked: in
    a transcript most such paragraphs are speech and never need it."""

    index: int
    line: int  # its first source line
    last: int  # its last source line
    text: str
    labels: tuple[Label, ...]
    _kind: Optional[str]
    _rules: RuleSet
    label: Optional[Label] = None  # the accepted label, when it opens a turn
    speech: bool = False  # part of a turn's speech
    turn: Optional[int] = None  # the turn it is speech of, or the turn a block follows
    at: Optional[int] = None  # for a block inside a turn: how many of its paragraphs come before it
    # The labels the rules read in a paragraph escaped as no label
    # ("\\Slides: …"): never a candidate, but the paragraph is no more
    # unlabelled prose than it was before the text writer escaped it.
    refused: tuple[Label, ...] = ()

    @property
    def kind(self) -> str:
        if self._kind is None:
            self._kind = self._rules.classify_block(self.text, bool(self.labels))
        return self._kind

    @property
    def seen_labels(self) -> tuple[Label, ...]:
        """The labels the rules read, escaped or not: what the heuristics
        that read the page's shape (where its intro ends, where a talk
        starts, which prose names people) see."""
        return self.labels or self.refused

    @kind.setter
    def kind(self, value: str) -> None:
        self._kind = value

    @property
    def span(self) -> Span:
        return Span(self.line, self.last)

    @property
    def single(self) -> bool:
        """Whether the paragraph is one line."""
        return self.last == self.line


def _after_emoji(text: str, find) -> tuple[Label, ...]:  # type: ignore[no-untyped-def]
    """The labels after an emoji that decorates them ("🎙️ Ann Lee: …"):
    markup, like a list's bullet, which the speech leaves out."""
    m = P.EMOJI_OPENING.match(text)
    return find(text[m.end() :], "") if m is not None else ()


def classify(paras: Iterable[Paragraph], rules: RuleSet) -> list[Item]:
    """Run the label rules, then the block rules, over each paragraph.

    The block kind of a paragraph that a label rule reads is worked out
    only when asked for (see :class:`Item`).  A paragraph that opens with a
    backslash before a letter or digit is no label: the backslash goes
    (one of two before a letter, so that the writer can keep one).  So is
    a paragraph whose first colon has a backslash before it: that
    backslash goes (one of several, so that the writer can keep one)."""
    items = []
    find, block = rules.find_labels, rules.classify_block
    for i, p in enumerate(paras):
        text = p.text
        if text[:1] == "\\" and (text[1:2].isalnum() or (text[1:2] == "\\" and text[2:3].isalnum())):
            # Escaped ("\\Bridges: we will build them."): never a label, as
            # the text writer marks a paragraph that would read as one.
            text = text[1:]
            refused = find(text, p.first.raw.replace("\\", "", 1))
            items.append(Item(i, p.first.number, p.last, text, (), block(text, bool(refused)), rules, refused=refused))
            continue
        if text[:1] == "\\" and not text[1:2].isspace():
            # "\\| Route | Fee |": a backslash before what a label rule
            # reads once the backslashes are off (the text writer's escape
            # of a paragraph opening with markup and no colon): one goes.
            bare = text.lstrip("\\")
            refused = find(bare, p.first.raw.lstrip(" ").lstrip("\\")) if bare[:1] and not bare[:1].isalnum() else ()
            if refused:
                text = text[1:]
                items.append(Item(i, p.first.number, p.last, text, (), block(text, True), rules, refused=refused))
                continue
        colon = first_colon(text) if "\\:" in text or "\\：" in text else -1
        if colon > 0 and text[colon - 1] == "\\":
            # Its first colon escaped ("- **Suggestion\\:** …", "**Break\\:**
            # \\[13:19\\]"): never a label, as the text writer marks a list
            # item or a marked line that would read as one (markdown shows
            # "\\:" as a colon).  The backslash goes; the kind is the one
            # the paragraph has unescaped.
            text = text[: colon - 1] + text[colon:]
            refused = find(text, p.first.raw)
            items.append(Item(i, p.first.number, p.last, text, (), block(text, bool(refused)), rules, refused=refused))
            continue
        labels = find(text, p.first.raw)
        if not labels and text[:1] >= "\u2190" and not text[:1].isalnum():
            labels = _after_emoji(text, find)
        items.append(Item(i, p.first.number, p.last, text, labels, None if labels else block(text), rules))
    # The first paragraph goes on nothing: in lower case, it is a title
    # ("libfoo-ng workshop") when the document below it is written in case.
    top = items[0] if items else None
    if top is not None and top._kind == "prose" and top.text[:1].islower():
        if len(items) > 1 and not items[1].text[:1].islower() and heading_or_prose(top.text, top=True) == "heading":
            top.kind = "heading"
    return items
