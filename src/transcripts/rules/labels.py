"""Label rules: one per way of writing who speaks.

Registration order breaks ties between conventions that read a document
equally well, so the more specific rules come first.  Each rule belongs to
a convention (its own name unless it says otherwise); the convention with
the most evidence wins (see :mod:`transcripts.assemble`).
"""

from __future__ import annotations

from typing import Optional

import regex

from .. import _patterns as P
from ..times import parse_time
from ._registry import Label, label_rule

__all__: list[str] = []


def _plausible_name(name: str) -> bool:
    """A label's name must end on a real word, not a particle."""
    if " " not in name:
        return True
    return name.rsplit(" ", 1)[1].casefold() not in P.PARTICLES


def standard(rule: str, m: "regex.Match[str]", text: str) -> Optional[Label]:
    """Read the named groups every label pattern shares: ``name``, and
    where the pattern has them ``text``, ``time`` and ``role``."""
    name = m["name"]
    if not _plausible_name(name):
        return None
    groups = m.groupdict()
    time = groups.get("time")
    return Label(rule, name, groups.get("text") or "", parse_time(time) if time else None, groups.get("role"))


# Timestamped and markdown conventions: their markup makes them specific.
label_rule("bold-name-time", P.MD_BOLD_TIME, hint="**")(standard)
label_rule("bold-name-bracket-time", P.BOLD_BRACKET_TIME, hint="**")(standard)
label_rule("time-bold-name", P.TIME_BOLD, hint="**")(standard)
label_rule("bracket-time-name", P.BRACKET_TIME_NAME, hint="]")(standard)
label_rule("markdown-bold", P.MD_BOLD_COLON, hint=":")(standard)
label_rule("name-paren-time", P.NAME_PAREN_TIME, hint="(")(standard)
label_rule("otter", P.OTTER, hint=":")(standard)
# Capitals: "STEVE INSKEEP, HOST:", "THE PRESIDENT:", call signs "BELL 7:".
label_rule("caps-colon", P.CAPS_COLON, hint=":")(standard)


@label_rule("bare-q", P.BARE_Q, hint="Q", conventions=("caps-colon", "name-colon"), raw=True)
def bare_q(rule: str, m: "regex.Match[str]", text: str) -> Optional[Label]:
    """``Q  Thank you, Mr. President.``: an unnamed reporter."""
    _, _, body = text.partition(" ")
    return Label(rule, "Q", body)


# "Full Name: text": the seeds' convention, and Q:/A:, Host:, Speaker 2:.
label_rule("name-colon", P.NAME_COLON, hint=":")(standard)
# A name alone on its line, the text below.
label_rule("own-line", P.OWN_LINE)(standard)
