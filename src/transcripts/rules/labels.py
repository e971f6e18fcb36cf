"""Label rules: one function per way of writing who speaks.

Each builder receives the match of its anchored pattern against a
paragraph's normalised text and returns a :class:`Label` or ``None`` (when
the match turns out not to be a label after all).
"""

from __future__ import annotations

from typing import Optional

import regex

from .. import _patterns as P
from ._registry import Label, label_rule

__all__: list[str] = []


def _plausible_name(name: str) -> bool:
    """A label's name must end on a real word, not a particle or title."""
    if " " not in name:
        return True
    return name.rsplit(" ", 1)[1].casefold() not in P.PARTICLES


@label_rule("name-colon", P.NAME_COLON, hint=":")
def name_colon(m: "regex.Match[str]") -> Optional[Label]:
    """``Jordan Schneider: Shashank, it seems you…``"""
    name = m["name"]
    if not _plausible_name(name):
        return None
    return Label("name-colon", name, m["text"] or "")
