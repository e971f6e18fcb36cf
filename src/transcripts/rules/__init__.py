"""The parser's rules: label conventions and non-speech paragraph kinds.

Importing this package registers the built-in rules, in order.
"""

from __future__ import annotations

from typing import Optional

from .. import _patterns as P
from . import blocks as _blocks  # noqa: F401  (registers the block rules)
from . import labels as _labels  # noqa: F401  (registers the label rules)
from ._registry import BLOCK_RULES, HINT_REACH, LABEL_RULES, BlockRule, Label, LabelRule, block_rule, label_rule

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


_BLOCKS_BY_FIRST: dict[tuple[str, bool], tuple[BlockRule, ...]] = {}
_BLOCKS_SIZE = [0]


def _block_rules_for(char: str, labelled: bool) -> tuple[BlockRule, ...]:
    """The block rules that can accept a paragraph starting with ``char``;
    cached (and rebuilt when a rule registers)."""
    if _BLOCKS_SIZE[0] != len(BLOCK_RULES):
        _BLOCKS_BY_FIRST.clear()
        _BLOCKS_SIZE[0] = len(BLOCK_RULES)
    key = (char, labelled)
    rules = _BLOCKS_BY_FIRST.get(key)
    if rules is None:
        rules = _BLOCKS_BY_FIRST[key] = tuple(
            r for r in BLOCK_RULES if (r.labelled or not labelled) and (r.starts is None or char in r.starts)
        )
    return rules


def heading_or_prose(text: str) -> str:
    """Short text without closing punctuation is a heading; else prose."""
    if len(text) <= HEADING_MAX_CHARS and text.count(" ") < HEADING_MAX_WORDS and not P.SENTENCE_END.search(text):
        return "heading"
    return "prose"


def classify_block(text: str, labelled: bool = False) -> str:
    """The kind of a paragraph read as non-speech (see ``BLOCK_KINDS``).

    ``labelled`` says a label rule reads the paragraph: then only the rules
    for label look-alikes run ("**Break:**", "Summary:", "Note:")."""
    for rule in _block_rules_for(text[:1], labelled):
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


#: Paragraphs longer than this cannot match a rule with a ``max_len`` (a
#: name alone on its line, "Emma  0:03"): they skip those rules at once.
SHORT = 80

_BY_OPENING: dict[tuple[str, bool], tuple[LabelRule, ...]] = {}
_BY_OPENING_SIZE = [0]


def _rules_for(opening: str, short: bool) -> tuple[LabelRule, ...]:
    """The label rules a paragraph opening with these two characters (and
    short or not) can match, in order; cached (rebuilt when a rule
    registers)."""
    if _BY_OPENING_SIZE[0] != len(LABEL_RULES):
        _BY_OPENING.clear()
        _BY_OPENING_SIZE[0] = len(LABEL_RULES)
    key = (opening, short)
    rules = _BY_OPENING.get(key)
    if rules is None:
        rules = _BY_OPENING[key] = tuple(
            r
            for r in LABEL_RULES
            if r.may_start_with(opening) and (short or r.max_len is None or r.max_len > SHORT)
        )
    return rules


def find_labels(
    text: str, raw: str = "", only: Optional[frozenset[str]] = None, openers: bool = False
) -> tuple[Label, ...]:
    """Every label rule's candidate for a paragraph, in rule order.

    Several conventions may read the same paragraph; the evidence across
    the whole document decides which one wins.  ``only`` restricts the
    search to those rules (a forced convention); ``raw`` is the first
    line as written, for rules that read it.  ``openers`` keeps only
    rules that read the start of a line, not a whole short line ("Emma
    0:03", "Marisol Vega"): those say whether a line opens a new item in
    hard-wrapped text, where a short last line can look like a name.
    This runs on every paragraph: the rules are dispatched on the
    paragraph's opening and the cheap tests come first."""
    found = []
    size = len(text)
    for rule in _rules_for(text[:2], size <= SHORT):
        if (only is not None and rule.name not in only) or (
            rule.max_len is not None and (openers or size > rule.max_len)
        ):
            continue
        target = (raw or text) if rule.raw else text
        if rule.hint is not None and target.find(rule.hint, 0, HINT_REACH) < 0:
            continue
        m = rule.pattern.match(target)
        if m is not None:
            label = rule.build(rule.name, m, text)
            if label is not None:
                found.append(label)
    return tuple(found) if found else ()
