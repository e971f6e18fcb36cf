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
from ._registry import Label, label_rule, name_start

__all__: list[str] = []


def standard(rule: str, m: "regex.Match[str]", text: str) -> Optional[Label]:
    """Read the named groups label patterns share: ``name``, and where
    the pattern has them ``time`` and ``role``; the speech is the rest of
    the paragraph after the match."""
    name = m["name"]
    if " " in name and name.rsplit(" ", 1)[1].casefold() in P.PARTICLES:
        return None  # "Ursula van: …" ends on a particle: not a name
    groups = m.re.groupindex
    time = m["time"] if "time" in groups else None
    return Label(
        rule,
        name,
        text[m.end() :],
        parse_time(time) if time else None,
        m["role"] if "role" in groups else None,
    )


def _bold(opening: str) -> bool:
    return opening[:1] in ("*", "_")


def _time_or_bracket(opening: str) -> bool:
    return opening[:1] in ("[", "\\") or opening[:1].isdigit()


def _caps(opening: str) -> bool:
    """Opens with a word in capitals (or a one-letter one)."""
    return name_start(opening) and (len(opening) < 2 or not opening[1].islower())


# Timestamped and markdown conventions: their markup makes them specific.
label_rule("bold-name-time", P.MD_BOLD_TIME, hint="(", first=_bold)(standard)
label_rule("bold-name-bracket-time", P.BOLD_BRACKET_TIME, hint="[", first=_bold)(standard)
label_rule("time-bold-name", P.TIME_BOLD, hint="**", first=_time_or_bracket)(standard)
label_rule("bracket-time-name", P.BRACKET_TIME_NAME, hint="]", first=_time_or_bracket)(standard)
label_rule("markdown-bold", P.MD_BOLD_COLON, hint=":", first=_bold)(standard)
label_rule("name-paren-time", P.NAME_PAREN_TIME, hint="(", first=name_start)(standard)
label_rule("otter", P.OTTER, hint=":", first=name_start, max_len=60)(standard)
# Capitals: "STEVE INSKEEP, HOST:", "THE PRESIDENT:", call signs "BELL 7:".
label_rule("caps-colon", P.CAPS_COLON, hint=":", first=_caps)(standard)


@label_rule(
    "bare-q", P.BARE_Q, hint="Q", conventions=("caps-colon", "name-colon"), raw=True, first=lambda o: o[:1] == "Q"
)
def bare_q(rule: str, m: "regex.Match[str]", text: str) -> Optional[Label]:
    """``Q  Thank you, Mr. President.``: an unnamed reporter."""
    _, _, body = text.partition(" ")
    return Label(rule, "Q", body)


# "Full Name: text": the seeds' convention, and Q:/A:, Host:, Speaker 2:.
label_rule("name-colon", P.NAME_COLON, hint=":", first=name_start)(standard)
@label_rule("own-line", P.OWN_LINE, first=name_start, max_len=80, bare=True)
def own_line(rule: str, m: "regex.Match[str]", text: str) -> Optional[Label]:
    """A name alone on its line, the text below: ``Marisol Vega``.  Short
    lines of speech look alike ("Yes.", "The end"), so a name here may not
    end in a full stop (but for an initial or "Jr.") nor, in normal case,
    start with a word no name starts with."""
    name = m["name"]
    words = name.split(" ")
    if name.endswith(".") and len(words[-1]) > 3:
        return None
    if any(c.islower() for c in name) and words[0].casefold() in P.NOT_NAME_START:
        return None
    return standard(rule, m, text)
