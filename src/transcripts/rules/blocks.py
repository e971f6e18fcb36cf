"""Block rules: paragraphs that are not speech, by kind.

The first rule that accepts a paragraph's text gives its kind.  Paragraphs
no rule accepts are ``heading`` (short, no closing punctuation) or
``prose``; see :func:`transcripts.rules.classify_block`.
"""

from __future__ import annotations

from .. import _patterns as P
from ._registry import block_rule

__all__: list[str] = []


@block_rule("elision", "elision", starts="([.…")
def elision(text: str) -> bool:
    """``(...)`` where the free part of the conversation stops."""
    return P.ELISION.match(text) is not None


@block_rule("paywall", "paywall", starts="PpTtKkSsBb")
def paywall(text: str) -> bool:
    """``Paid subscribers get access to the rest of the conversation…``"""
    return P.PAYWALL.match(text) is not None


@block_rule("bracket-note", "note", starts="[*_")
def bracket_note(text: str) -> bool:
    """``[Jordan: export controls are changing…]``"""
    return P.BRACKET_NOTE.match(text) is not None


@block_rule("topic-lead", "topic_list")
def topic_lead(text: str) -> bool:
    """``We discuss…`` opening an announced list of topics."""
    return len(text) < 200 and P.TOPIC_LEAD.search(text) is not None


@block_rule("bullet", "list_item", starts="•·◦▪‣-*–0123456789")
def bullet(text: str) -> bool:
    """``• The drone revolution…`` or ``1. How did DeepSeek…``"""
    return P.BULLET.match(text) is not None


@block_rule("url", "chrome", starts="hwW<")
def url(text: str) -> bool:
    """A bare web address."""
    return P.URL.match(text) is not None


@block_rule("rule", "chrome", starts="-*_")
def rule(text: str) -> bool:
    """A horizontal rule: ``---``."""
    return P.RULE.match(text) is not None


@block_rule("dateline", "date")
def dateline(text: str) -> bool:
    """``domingo, 2 de março de 2025``, ``February 13, 2025``."""
    return len(text) <= 60 and P.DATELINE.match(text) is not None


@block_rule("markdown-heading", "heading", starts="#")
def markdown_heading(text: str) -> bool:
    """``## Topic``"""
    return P.MD_HEADING.match(text) is not None
