"""Label rules: one per way of writing who speaks.

Rule order breaks ties between templates that read a document equally well,
so the more specific rules come first.  A rule's pattern fixes the markup,
the delimiter and any time around the label; the label's slot is read
loosely and judged by :func:`transcripts.slots.read_slot` ("roasbeef",
"Audience member" and "Ruth Okafor, PhD" are labels; "The train was late"
is not).  The template whose accepted labels cover the most paragraphs wins
(see :mod:`transcripts.evidence`).
"""

from __future__ import annotations

from typing import Optional

import regex

from .. import _patterns as P
from ..slots import read_slot
from ..times import parse_time
from ._registry import DEFAULT_RULES, Label, LabelRule, name_start
from .blocks import table_header

__all__ = ["record", "standard"]

rules = DEFAULT_RULES

def standard(rule: LabelRule, m: "regex.Match[str]", text: str) -> Optional[Label]:
    """Read the named groups label patterns share: ``name``, and where
    the pattern has them ``time`` and ``role``.  The speech is the rest of
    the paragraph after the match (a rest that is only a time, "Ines Caro:
    00:00:00", may be the start of the speech below it: the turn builder
    decides)."""
    groups = _groups(m)
    written = m[groups["name"]]
    role = groups.get("role")
    if role is not None and m[role]:
        written = f"{written}, {m[role]}"
    slot = read_slot(written)
    if slot is None:
        return None
    at = groups.get("time")
    time = m[at] if at is not None else None
    at = groups.get("bare")
    if time is None and at is not None:
        time = m[at]
    start = parse_time(time) if time else None
    at = groups.get("prefix")
    prefix = (m[at] or "") if at is not None else ""
    return Label(rule.name, slot.name, text[m.end() :], start, slot.role, slot.kind, written, rule.template, prefix)


#: Each pattern's group numbers by name, read once: a match's group by
#: number costs a third of one by name, and ``groupindex`` is a new dict
#: each time.
_INDEX: dict["regex.Pattern[str]", dict[str, int]] = {}


def _groups(m: "regex.Match[str]") -> dict[str, int]:
    """The group numbers by name of the pattern that made ``m``."""
    index = _INDEX.get(m.re)
    if index is None:
        index = _INDEX[m.re] = dict(m.re.groupindex)
    return index


def _bold(opening: str) -> bool:
    return opening[:1] in ("*", "_")


def _time_or_bracket(opening: str) -> bool:
    return opening[:1] in ("[", "(", "\\") or opening[:1].isdigit()


def _capital_before_stop(text: str) -> bool:
    """A record's label ends in a capital and a full stop ("Mr. BRANDT.")."""
    stop = text.find(". ", 0, 70)
    while stop > 0:
        if text[stop - 1].isupper():
            return True
        stop = text.find(". ", stop + 1, 70)
    return len(text) <= 70 and text[-1] == "." and text[-2:-1].isupper()


def _label_start(opening: str) -> bool:
    """A label may open with a letter of any case ("roasbeef:"), "?", "["
    ("[Audience]:"), a bullet ("- audience:"), a dialogue dash ("— Anne :",
    as French and Spanish print interviews), a caption's ">>" or a time of
    day."""
    char = opening[:1]
    return char.isalpha() or char == "?" or char.isdigit() or (char in "[-*•" and opening[1:2] in (" ", "") or char == "[") or opening == ">>" or char in "—–"


# Timestamped and markdown conventions: their markup makes them specific.
rules.label_rule("bold-name-time", P.MD_BOLD_TIME, hint="(", first=_bold)(standard)


def _marked_with_time(text: str) -> bool:
    """A marked name-and-time line: it ends in a digit, a bracket, markup
    or a colon, and holds markup or a middle dot."""
    return (text[-1:] in "*_:)]" or text[-1:].isdigit()) and ("*" in text or "_" in text or text[0] == "#" or "·" in text or "•" in text)


# "**Ann Lee** *00:01:23*", "### Ann Lee 00:01:23" alone, the speech below.
rules.label_rule("marked-name-time", P.MARKED_NAME_TIME, hint=":", first=lambda o: o[:1] in "*_#[(\\" or o[:1].isdigit(), max_len=80, check=_marked_with_time)(standard)
rules.label_rule("bold-name-bracket-time", P.BOLD_BRACKET_TIME, hint="[", first=_bold)(standard)
rules.label_rule("time-bold-name", P.TIME_BOLD, hint="**", first=_time_or_bracket)(standard)
rules.label_rule("bracket-time-name", P.BRACKET_TIME_NAME, hint=":", first=lambda o: _time_or_bracket(o) or o == "**")(standard)
rules.label_rule(
    "time-name", P.TIME_NAME, first=_time_or_bracket, max_len=80, check=lambda t: t[-1].isalpha()
)(standard)
rules.label_rule(
    "bracket-name-time", P.BRACKET_NAME_TIME, first=lambda o: o[:1] == "[", max_len=80, check=lambda t: t[-1].isdigit()
)(standard)


def _spaced_dash(text: str) -> bool:
    """A dash with a space either side, early in the line."""
    return text.find(" - ", 0, 120) > 0 or text.find(" – ", 0, 120) > 0 or text.find(" — ", 0, 120) > 0


# "00:00:07 Alex Smith - Hello.": the time first, the speech after a dash.
rules.label_rule("time-name-dash", P.TIME_NAME_DASH, first=_time_or_bracket, check=_spaced_dash)(standard)


def _table_row(text: str) -> bool:
    """A table row holds a second cell's bar after its first."""
    return text.find("|", 2, 120) > 0


@rules.label_rule("table-row", P.TABLE_ROW, first=lambda o: o[:1] == "|", check=_table_row)
def table_row(rule: LabelRule, m: "regex.Match[str]", text: str) -> Optional[Label]:
    """``| 0:03 | Alex Smith | Hello. |``: a markdown table's row, the
    speaker in one cell and the speech in the next (its closing bar is no
    speech); a header row of column names is no label."""
    if table_header(text):
        return None
    label = standard(rule, m, text)
    if label is None:
        return None
    speech = label.text.rstrip(" ")
    if speech.endswith("|") and not speech.endswith("\\|"):
        speech = speech[:-1].rstrip(" ")
    label.text = speech
    return label


@rules.label_rule("bracket-name", P.BRACKET_NAME, first=lambda o: o[:1] == "[", reach=70, hint="]")
def bracket_name(rule: LabelRule, m: "regex.Match[str]", text: str) -> Optional[Label]:
    """``[Alex Smith] Hello everyone.``: a bracketed name and the speech;
    a sound or an aside in brackets ("[Laughs] Yes", "[glossary:X] …") is
    none."""
    if P.EVENT_WORDS.match(m["name"]) is not None or P.INLINE_TAG.match(m["name"]) is not None:
        return None
    return standard(rule, m, text)


def _marked(opening: str) -> bool:
    """A bold or italic label may open after a stray character, a list's
    bullet or a blockquote's mark ("- **Ann:**", "> **Ann:**")."""
    return _bold(opening) or _bold(opening[1:]) or (opening[:1] in _LIST_MARKS and opening[1:2] == " ")


_LIST_MARKS = frozenset("-*+•>")
_EMPHASIS = frozenset("*_")


@rules.label_rule("markdown-bold", P.MD_BOLD_COLON, first=_marked, check=lambda t: t[1:2] in _EMPHASIS or t[2:3] in _EMPHASIS or t[:1] in _EMPHASIS)
def markdown_bold(rule: LabelRule, m: "regex.Match[str]", text: str) -> Optional[Label]:
    """``**Name:** text``; where the bold closes late (``**Name: I**ndeed``)
    its closing marks leave the speech.  Its variants in italics (``*Name:*
    text``), in a list (``- **Name:** text``) and in a blockquote (``>
    **Name:** text``) are recorded in the label's ``markup`` ("*", "-**",
    ">**"): a list of terms in bold is written so too, and the evidence
    asks more of them.  An italic line that opens with a word and a colon
    ("*Editor's note: …*") is no label."""
    # (read off the text: a match's groups cost more)
    bullet = text[0] if text[1:2] == " " else ""
    at = 2 if bullet else 0
    if text[at : at + 1] not in _EMPHASIS:
        at += 1  # a stray character
    italic = text[at + 1 : at + 2] != text[at]
    groups = _groups(m)
    late = m[groups["late"]]
    if late and italic:
        return None
    label = standard(rule, m, text)
    if label is not None:
        if late:
            label.text = label.text.replace(m[groups["b"]], "", 1)
        label.markup = _MARKUP[bullet, italic]
    return label


#: (a list's or a blockquote's mark, italics) → the label's markup.
_MARKUP = {
    (mark, italic): ("" if not mark else ">" if mark == ">" else "-") + ("*" if italic else "**")
    for mark in ("", *_LIST_MARKS)
    for italic in (False, True)
}
rules.label_rule("name-paren-time", P.NAME_PAREN_TIME, hint="(", first=name_start)(standard)
rules.label_rule("name-bracket-time", P.NAME_BRACKET_TIME, hint="[", first=name_start)(standard)


@rules.label_rule("otter", P.OTTER, hint=":", first=name_start, max_len=60, check=lambda t: t[-1].isdigit() or t[-1] in "Mm.*_")
def otter(rule: LabelRule, m: "regex.Match[str]", text: str) -> Optional[Label]:
    """``Emma  0:03`` alone on its line, the text below: the time is the
    start, not the speech; a time of day (``Emma  10:02 AM``, a chat's
    export) is no start."""
    label = standard(rule, m, text)
    if label is not None:
        label.text = ""
        if m["day"]:
            label.start = None
    return label


@rules.label_rule("irc", P.IRC, hint=">", reach=50, first=lambda o: o[:1] in "<[\\0123456789", template="irc")
def irc(rule: LabelRule, m: "regex.Match[str]", text: str) -> Optional[Label]:
    """``[10:02] <roasbeef> so the agenda``: a chat log's nick in angle
    brackets and the message; its time is the time of day, no start."""
    return standard(rule, m, text)


def _time_after_name(text: str) -> bool:
    """"Alex Smith 00:03 Hello": a clock time early in the line, after a space."""
    colon = text.find(":", 2, 60)
    return colon > 0 and text[colon - 1].isdigit() and text[colon + 1 : colon + 2].isdigit()


# "Alex Smith 00:03 Hello everyone.": after the own-line Otter rule, which
# reads the name and time alone.
rules.label_rule("name-time-text", P.NAME_TIME_TEXT, hint=":", reach=60, first=name_start, check=_time_after_name)(standard)


def _q_or_a(raw: str) -> bool:
    """The "Q" or "A" is followed by a stop, a space (a tab, a no-break
    space) or the line's end, as the pattern asks; after a long indent the
    pattern decides."""
    head = raw[:16].lstrip(" \t\u00a0")
    if len(head) < 2 and len(raw) > 16:
        return True
    return head[1:2] in _AFTER_Q


_AFTER_Q = frozenset(("", ".", " ", "\t", "\u00a0", "\n"))


@rules.label_rule(
    "bare-q", P.BARE_Q, template="colon", conventions=("caps-colon", "name-colon"), raw=True, first=lambda o: o[:1] in "QA", check=_q_or_a
)
def bare_q(rule: LabelRule, m: "regex.Match[str]", text: str) -> Optional[Label]:
    """``Q  Thank you, Mr. President.``: an unnamed reporter (``Q. … A. …``
    in a court's record).  It comes before the colon rule: "Q  Diplomacy:
    Can you…" is a reporter asking about diplomacy, not "Q Diplomacy"."""
    name = "A" if m[_groups(m)["answer"]] else "Q"
    _, _, body = text.partition(" ")
    return Label(rule.name, name, body, None, None, "role", name, rule.template)


# "Full Name: text", "STEVE INSKEEP, HOST:", "THE PRESIDENT:", call signs
# "BELL 7:", "Q:"/"A:", "Speaker 2:", initials "MV:", "roasbeef:", "?:": one
# template, recorded as caps-colon when its labels are written in capitals.
def _colon(text: str) -> bool:
    """A colon early in the line that a space or the line's end follows
    ("Name: …", "Name:"), or a full-width one.  The slot holds no colon,
    so the label's colon is the line's first, but after the time of day
    that may open the line ("5:19 P.M. EDT MODERATOR: …")."""
    at = text.find(":", 0, 120)
    if at > 0:
        after = text[at + 1 : at + 2]
        if after == " " or after == "" or (after == "\n" and at + 2 == len(text)) or "：" in text:
            return True
        first = text[:1]
        return at <= 2 and ("0" <= first <= "9" or first > "\x7f")  # (a digit beyond ASCII: the pattern decides)
    return text.find("：", 0, 120) > 0


rules.label_rule("colon", P.COLON, template="colon", conventions=("caps-colon", "name-colon"), reach=120, first=_label_start, check=_colon)(
    standard
)


@rules.label_rule("qa-dash", P.QA_DASH, template="colon", conventions=("caps-colon", "name-colon"), first=lambda o: o in ("Q ", "A "))
def qa_dash(rule: LabelRule, m: "regex.Match[str]", text: str) -> Optional[Label]:
    """``Q - Are you hiring?``: a question or an answer marked with a dash."""
    name = m[_groups(m)["name"]]
    return Label(rule.name, name, text[m.end() :], None, None, "role", name, rule.template)


def _dash_time(text: str) -> bool:
    """"Name – 00:03:20:" ends in its time or a colon, and holds the spaced dash (or bar)."""
    return (text[-1:].isdigit() or text[-1:] == ":") and (" - " in text or " – " in text or " — " in text or " | " in text)


rules.label_rule("name-dash-time", P.NAME_DASH_TIME, hint=":", first=name_start, max_len=80, check=_dash_time)(standard)


# "Alex Smith — Hello.": after the time-dash rule, which it would read too; a
# dash in a wrapped line is no new paragraph.
rules.label_rule(
    "name-dash",
    P.NAME_DASH,
    first=name_start,
    check=lambda t: t.find(" — ", 0, 120) > 0 or t.find(" – ", 0, 120) > 0,
    opens=False,
)(standard)


@rules.label_rule("name-period", P.NAME_PERIOD, hint=".", first=name_start, reach=70, check=_capital_before_stop)
def record(rule: LabelRule, m: "regex.Match[str]", text: str) -> Optional[Label]:
    """``Chairman HOLLIS.``, ``Mr. BRANDT.``, ``CHAIR WEXLER.``: the labels of
    congressional and court records, ending with a full stop.  A title
    ("Mr.", "Chairman", "The") or two words in capitals make one; a single
    word in capitals and a stop ("OK.") is speech."""
    groups = _groups(m)
    name = m[groups["name"]]
    if not m[groups["title"]] and " " not in name:
        return None
    return Label(rule.name, name, text[m.end() :], None, None, "caps", name, rule.template)


def _alone(text: str) -> bool:
    """A line that may be a name alone: few words, no colon, no closing
    punctuation (but the stop of an initial or "Jr.")."""
    if text.count(" ") >= 10 or ":" in text:
        return False
    end = text[-1]
    return end not in _CLOSING or (end == "." and len(text) - text.rfind(" ") <= 5)


_CLOSING = frozenset(".?!,;:…\"”’")


@rules.label_rule(
    "marked-own-line", P.MARKED_OWN_LINE, first=lambda o: o[:1] in "*_#", max_len=80, bare=True, check=lambda t: t[-1] in "*_" or t[0] == "#"
)
def marked_own_line(rule: LabelRule, m: "regex.Match[str]", text: str) -> Optional[Label]:
    """A marked name alone on its line, the speech in the paragraphs below:
    ``**Marisol Vega**`` or ``### Marisol Vega``.  Bold lines and headings
    are mostly a page's titles and sections, so the evidence asks that each
    voice recur (or be named above) and alternate with another; the markup
    ("**", "###") is recorded in the label's ``markup``."""
    label = standard(rule, m, text)
    if label is None or label.kind == "handle":
        return None
    label.text = ""
    label.markup = m[_groups(m)["h"]] or "**"
    return label


@rules.label_rule("own-line", P.OWN_LINE, first=name_start, max_len=80, bare=True, check=_alone)
def own_line(rule: LabelRule, m: "regex.Match[str]", text: str) -> Optional[Label]:
    """A name alone on its line, the text below: ``Marisol Vega``, or with
    what the speaker is after two hyphens (an earnings call's ``Jane Doe --
    Chief Financial Officer``, kept as written).  Short lines of speech
    look alike ("Yes.", "The end"), so a name here may not end in a full
    stop (but for an initial or "Jr.")."""
    name = m[_groups(m)["name"]]
    if name.endswith(".") and len(name.rsplit(" ", 1)[-1]) > 3:
        return None
    label = standard(rule, m, text)
    if label is not None and label.kind == "handle":
        return None
    if label is not None and m["title"]:
        label.written = text  # "Jane Doe -- Chief Financial Officer": what she is, kept
    return label
