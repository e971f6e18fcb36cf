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


def classify_block(text: str) -> str:
    """The kind of a paragraph read as non-speech (see ``BLOCK_KINDS``)."""
    first = text[:1]
    for rule in BLOCK_RULES:
        if rule.starts is not None and first not in rule.starts:
            continue
        if rule.test(text):
            return rule.kind
    return heading_or_prose(text)


def find_labels(text: str, only: Optional[frozenset[str]] = None) -> tuple[Label, ...]:
    """Every label rule's candidate for a paragraph, in rule order.

    Several conventions may read the same paragraph; the evidence across
    the whole document decides which one wins.  ``only`` restricts the
    search to those rules (a forced convention)."""
    found = []
    for rule in LABEL_RULES:
        if only is not None and rule.name not in only:
            continue
        label = rule.match(text)
        if label is not None:
            found.append(label)
    return tuple(found)
