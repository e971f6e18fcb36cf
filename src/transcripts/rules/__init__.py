"""The parser's rules: label conventions and non-speech paragraph kinds.

Importing this package registers the built-in rules, in order.
"""

from __future__ import annotations

from typing import Optional

from .. import _patterns as P
from . import blocks as _blocks  # noqa: F401  (registers the block rules)
from . import labels as _labels  # noqa: F401  (registers the label rules)
from ._registry import BLOCK_RULES, LABEL_RULES, BlockRule, Label, LabelRule, block_rule, label_rule

__all__ = [
    "BLOCK_RULES",
    "BlockRule",
    "LABEL_RULES",
    "Label",
    "LabelRule",
    "block_rule",
    "classify_block",
    "find_labels",
    "heading_or_prose",
    "leading_aside",
    "label_rule",
]

#: Headings are short: at most this many characters and words.
HEADING_MAX_CHARS = 160
HEADING_MAX_WORDS = 20


def heading_or_prose(text: str) -> str:
    """Short text without closing punctuation is a heading; else prose."""
    if len(text) <= HEADING_MAX_CHARS and text.count(" ") < HEADING_MAX_WORDS and not P.SENTENCE_END.search(text):
        return "heading"
    return "prose"


def classify_block(text: str, labelled: bool = False) -> str:
    """The kind of a paragraph read as non-speech (see ``BLOCK_KINDS``).

    ``labelled`` says a label rule reads the paragraph: then only the rules
    for label look-alikes run ("**Break:**", "Summary:", "Note:")."""
    first = text[:1]
    for rule in BLOCK_RULES:
        if (labelled and not rule.labelled) or (rule.starts is not None and first not in rule.starts):
            continue
        if rule.test(text):
            return rule.kind
    return heading_or_prose(text)


def leading_aside(text: str) -> Optional[tuple[str, str, str]]:
    """``(kind, aside, rest)`` when a paragraph of speech opens with a
    parenthetical: "(As interpreted.)  I don't think…" → a note and the
    speech; "(Laughs.) If we could…" → an event and the speech."""
    if text[:1] not in "([":
        return None
    m = P.LEADING_PARENTHETICAL.match(text)
    if m is None:
        return None
    aside = text[: len(text) - len(m["rest"])].rstrip()
    kind = classify_block(aside)
    return (kind, aside, m["rest"]) if kind in ("event", "note") else None


def find_labels(text: str, raw: str = "", only: Optional[frozenset[str]] = None) -> tuple[Label, ...]:
    """Every label rule's candidate for a paragraph, in rule order.

    Several conventions may read the same paragraph; the evidence across
    the whole document decides which one wins.  ``only`` restricts the
    search to those rules (a forced convention)."""
    found = []
    for rule in LABEL_RULES:
        if only is not None and rule.name not in only:
            continue
        label = rule.match(text, raw or text)
        if label is not None:
            found.append(label)
    return tuple(found)
