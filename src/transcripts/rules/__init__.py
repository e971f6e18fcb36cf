"""The parser's rules: label conventions and non-speech paragraph kinds.

Importing this package registers the built-in rules, in order, on
:data:`DEFAULT_RULES`; the module-level functions run that rule set.
"""

from __future__ import annotations

from . import blocks as _blocks  # noqa: F401  (registers the block rules)
from . import labels as _labels  # noqa: F401  (registers the label rules)
from ._registry import (
    DEFAULT_RULES,
    SHORT,
    BlockRule,
    Label,
    LabelRule,
    RuleSet,
    heading_or_prose,
    name_start,
)

__all__ = [
    "BlockRule",
    "DEFAULT_RULES",
    "Label",
    "LabelRule",
    "RuleSet",
    "SHORT",
    "classify_block",
    "find_labels",
    "heading_or_prose",
    "leading_aside",
    "name_start",
]

#: The default rule set's runners, for callers that need no other rules.
find_labels = DEFAULT_RULES.find_labels
classify_block = DEFAULT_RULES.classify_block
leading_aside = DEFAULT_RULES.leading_aside
