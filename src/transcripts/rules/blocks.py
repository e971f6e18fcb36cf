"""Block rules: paragraphs that are not speech, by kind.

The first rule that accepts a paragraph's text gives its kind.  Paragraphs
no rule accepts are ``heading`` (short, no closing punctuation) or
``prose``; see :func:`transcripts.rules.classify_block`.  Rules marked
``labelled`` also run on paragraphs a label rule reads ("**Break:** \\[13:19\\]",
"Summary: …"), since those look like labels but are not speech.
"""

from __future__ import annotations

from .. import _patterns as P
from .. import words as W
from ._registry import DEFAULT_RULES

rules = DEFAULT_RULES

__all__: list[str] = []


@rules.block_rule("elision", "elision", starts="([.…\\")
def elision(text: str) -> bool:
    """``(...)`` where the free part of the conversation stops."""
    return P.ELISION.match(text) is not None


@rules.block_rule("slugline", "heading", starts="IE", max_len=110)
def slugline(text: str) -> bool:
    """``INT. KITCHEN - NIGHT``: a screenplay's scene heading."""
    return P.SLUGLINE.match(text) is not None


@rules.block_rule("paywall", "paywall", starts="PpTtKkSsBb")
def paywall(text: str) -> bool:
    """``Paid subscribers get access to the rest of the conversation…``"""
    return text[:8].replace("İ", "i").casefold() in _PAYWALL_OPENINGS and P.PAYWALL.match(text) is not None


#: The first eight characters of every opening :data:`P.PAYWALL` knows,
#: case-folded: a cheap test first.  (The pattern folds case one character
#: for one, as ``casefold`` does these letters, but for "İ", which it
#: reads as "i".)
_PAYWALL_OPENINGS = frozenset(
    ("paid sub", "this pos", "this epi", "this con", "this tra", "the rest", "keep rea", "subscrib", "become a", "to conti", "to keep ")
)


@rules.block_rule("break", "break", starts="*_BbAaCcMm", labelled=True, max_len=60)
def ad_break(text: str) -> bool:
    """``**Break:** \\[13:19\\]``: an ad break, not a speaker."""
    return len(text) < 60 and P.BREAK.match(text) is not None


@rules.block_rule("marker", "break", labelled=True, max_len=120)
def marker(text: str) -> bool:
    """``**Song extract:** \\[01:07:46.23\\]``, ``Outro: \\[55:34\\]``: a segment
    marker with a time, not speech."""
    return len(text) < 120 and text[-1:] in ("]", ")") and P.MARKER.match(text) is not None


def _event_body(body: str) -> bool:
    letters = [c for c in body if c.isalpha()]
    return P.EVENT_WORDS.match(body) is not None or (len(letters) > 2 and all(c.isupper() for c in letters))


@rules.block_rule("time-line", "timestamp", starts="[(\\0123456789", max_len=64)
def time_line(text: str) -> bool:
    """``[00:00:00:01]``: a time alone, giving the next turns their start;
    or a span of two (``00:01:02 - 00:01:09``, an editor's timecodes
    ``00:00:05:12 - 00:00:09:20``), giving the first."""
    if len(text) < 24 and P.TIME_LINE.match(text) is not None:
        return True
    return text[-1:] in "0123456789])" and (P.TIME_SPAN_REST.match(text) is not None or P.TIMECODE_SPAN.match(text) is not None)


def _unbulleted(text: str) -> str:
    """A list item's text without its bullet: "- (no responses)"."""
    return text[2:] if text[:2] in ("- ", "* ", "• ") else text


@rules.block_rule("event", "event", starts="([*_\\-•")
def event(text: str) -> bool:
    """``(LAUGHTER)``, ``[crosstalk]``, ``(Applause.)``, ``(Intro music: …)``."""
    m = P.PARENTHETICAL.match(_unbulleted(text))
    return m is not None and _event_body(m["body"])


@rules.block_rule("bracket-note", "note", starts="([*_\\-•")
def bracket_note(text: str) -> bool:
    """``[Jordan: export controls…]``, ``*[Transcript edited for clarity.]*``,
    ``(As interpreted.)``"""
    text = _unbulleted(text)
    m = P.PARENTHETICAL.match(text) or P.BRACKET_NOTE.match(text)
    # "[glossary:SECO]" is inline markup around a word of speech, not a note.
    return m is not None and P.INLINE_TAG.match(m["body"]) is None


@rules.block_rule("clock-line", "date", starts="(E0123456789", labelled=True, max_len=24)
def clock_line(text: str) -> bool:
    """``1:27 P.M. EDT``, ``END 6:45 P.M. EST``: the time of day."""
    return len(text) < 24 and P.CLOCK_LINE.match(text) is not None


@rules.block_rule("meta-line", "metadata", starts="_", labelled=True)
def meta_line(text: str) -> bool:
    """``_page: 42``, ``_page : 77``, ``_note:``: an archive's own metadata."""
    return P.META_LINE.match(text) is not None


@rules.block_rule("data-line", "metadata", starts='[]{}"', labelled=True)
def data_line(text: str) -> bool:
    """``{``, ``],``, ``"caption": "…",``: structured data left in a page."""
    return P.DATA_LINE.match(text) is not None


@rules.block_rule("page-number", "chrome", starts="Pp-", labelled=True, max_len=24)
def page_number(text: str) -> bool:
    """``Page 12``, ``- 12 -``: a printed page's number, layout within the
    dialogue as around it."""
    return P.PAGE_NUMBER.match(text) is not None


@rules.block_rule("examiner", "note", starts="BbCcDdRrFfEe(", labelled=True, max_len=80)
def examiner(text: str) -> bool:
    """``BY MS. ORTIZ:``, ``CROSS-EXAMINATION BY MR. LEE:``: a court
    record's note of who examines from here on, no one's speech."""
    return P.EXAMINER.match(text) is not None


#: The words a transcript table's header row holds ("| Time | Speaker |
#: Text |").
_TABLE_HEADINGS = frozenset(
    "time timestamp timecode start end speaker name who text transcript speech dialogue utterance content said line".split()
)


def table_header(text: str) -> bool:
    """A markdown table's header row of column names: ``| Time | Speaker | Text |``."""
    if text[:1] != "|" or len(text) > 120:
        return False
    cells = text.strip(" |").split("|")
    return len(cells) > 1 and all(c.strip(" *_").casefold() in _TABLE_HEADINGS for c in cells)


@rules.block_rule("table-markup", "chrome", starts="|:-", max_len=200)
def table_markup(text: str) -> bool:
    """A markdown table's header row of column names, and the rule under it
    (``|------|:---:|``): the table's markup, not speech."""
    return P.TABLE_RULE.match(text) is not None or table_header(text)


@rules.block_rule("participants", "metadata", starts="PpSsCcFfGgHh*", labelled=True)
def participants(text: str) -> bool:
    """``Participants: Marisol Vega (MV), coastal engineer; …``"""
    # (its word holds no colon: the line's first is the pattern's, soon, and a space follows it)
    colon = text.find(":", 0, 18)
    return colon > 0 and _space_after(text, colon) and P.PARTICIPANTS.match(text) is not None


def _space_after(text: str, colon: int) -> bool:
    """Whether a space follows the colon at ``colon``, perhaps after a
    closing "**"."""
    rest = text[colon + 1 : colon + 4]
    if rest[:2] == "**":
        rest = rest[2:]
    return rest[:1] == " "


@rules.block_rule("topic-lead", "topic_list", max_len=200)
def topic_lead(text: str) -> bool:
    """``We discuss…`` opening an announced list of topics."""
    return ("we " in text or "We " in text or "WE " in text) and P.TOPIC_LEAD.search(text) is not None


@rules.block_rule("bullet", "list_item", starts="•·◦▪‣-*–0123456789")
def bullet(text: str) -> bool:
    """``• The drone revolution…`` or ``1. How did DeepSeek…``"""
    return P.BULLET.match(text) is not None


@rules.block_rule("marked-list-item", "list_item", starts="-*+•", labelled=True)
def marked_list_item(text: str) -> bool:
    """``- **Tariffs:** why they rose``: a list's term in bold or italics,
    which the markdown label rule reads too, is a list item when it is no
    label (an announced topic after "We discuss:")."""
    return text[2:3] in ("*", "_") and P.BULLET.match(text) is not None


@rules.block_rule("stray-marker", "chrome", starts="*\\#", max_len=24)
def stray_marker(text: str) -> bool:
    """``\\*\\*3``, ``\\*\\*12:30-end``: a transcriber's tape or page marker,
    emphasis around numbers and no word."""
    return len(text) < 24 and P.STRAY_MARKER.match(text) is not None


@rules.block_rule("url", "chrome", starts="hwW<")
def url(text: str) -> bool:
    """A bare web address."""
    return P.URL.match(text) is not None


@rules.block_rule("rule", "chrome", starts="-*_\\")
def rule(text: str) -> bool:
    """A horizontal rule: ``---``, ``\\_\\_\\_``."""
    return P.RULE.match(text.replace("\\", "")) is not None


@rules.block_rule("dateline", "date", max_len=60)
def dateline(text: str) -> bool:
    """``domingo, 2 de março de 2025``, ``February 13, 2025``."""
    return len(text) <= 60 and _date_end(text[-4:]) and P.DATELINE.match(text) is not None


def _date_end(tail: str) -> bool:
    """Whether the last four characters of a line may end a dateline: a
    year ("…, 2025") or an ISO date's "-13" (a cheap test before the
    pattern).  Beyond ASCII, or before a newline (where the pattern's ``$``
    also matches), the pattern decides: its Unicode digits outnumber
    Python's."""
    if not tail.isascii() or tail[-1:] == "\n":
        return True
    return len(tail) == 4 and tail[2:].isdigit() and (tail[1] == "-" or tail[:2].isdigit())


@rules.block_rule("markdown-heading", "heading", starts="#", labelled=True)
def markdown_heading(text: str) -> bool:
    """``## Topic``, also where a rule reads it as a name alone (``##
    Harbour Walls``): a heading when it is no label."""
    return P.MD_HEADING.match(text) is not None


@rules.block_rule("note-line", "note", starts="NnEeCcUuDd*_", labelled=True)
def note_line(text: str) -> bool:
    """``Note: …``, ``Editor's note: …``, ``Correction: …``"""
    return P.NOTE_LINE.match(text) is not None


@rules.block_rule("chrome", "chrome", labelled=True)
def chrome(text: str) -> bool:
    """Navigation, sharing, comments, footers: ``Share:``, ``Listen on:``,
    ``Posted on …``, ``© 2025 …``, ``Transcribed by https://otter.ai``."""
    space = text.find(" ")
    word = (text if space < 0 else text[:space]).rstrip(":").casefold()
    if word in W.CHROME_FIRST_WORDS or word[:1].isdigit():
        if P.CHROME.match(text) is not None:
            return True
    return len(text) < 200 and " reader-supported " in text and P.PUBLICATION_FOOTER.match(text) is not None


@rules.block_rule("link-field", "chrome", labelled=True)
def link_field(text: str) -> bool:
    """``Podcast: https://…``, ``Slides: <https://…>``, ``Transcript:
    [here](https://…)``: a field whose value is a link, not speech."""
    colon = text.find(":", 0, 200)
    return (
        0 < colon
        and len(text) < 2100
        and (text.find("http", colon) > 0 or text.find("www.", colon) > 0)
        and P.LINK_FIELD.match(text) is not None
    )


@rules.block_rule("field-line", "metadata", labelled=True, max_len=120)
def field_line(text: str) -> bool:
    """``Start time: 6:09:50``, ``Video:``, ``Location: Room 4``: a short
    field of the page, named by a field word, not a speaker."""
    if len(text) > 120:
        return False
    colon = text.find(":", 0, 40)
    if colon < 0 or not _field_colon(text, colon):
        return False
    m = P.FIELD_LINE.match(text)
    return m is not None and all(w in W.FIELD_WORDS for w in m["key"].casefold().lstrip("_").split(" "))


def _field_colon(text: str, colon: int) -> bool:
    """Cheap tests of what every accepted field line holds, around its
    first colon (the pattern's: its key holds none): the end of the line
    or a space after it (perhaps after a closing "**"), and before it a
    first word of the key that is a field word."""
    rest = text[colon + 1 : colon + 4]
    if rest[:2] == "**":
        rest = rest[2:]
    if rest[:1] not in ("", " ") and rest != "\n":
        return False
    head = text[2:colon] if text[:2] == "**" else text[:colon]
    first = head.split(" ", 1)[0].split("*", 1)[0]
    return first.casefold().lstrip("_") in W.FIELD_WORDS


@rules.block_rule("listed-term", "list_item", starts="-*•", labelled=True)
def listed_term(text: str) -> bool:
    """``- Question: Should we…?``, ``- goal: …``: a list's item that opens
    with a term and a colon, which the label rules read too, is a list item
    when it is no label (the last rule: a field or a link goes first)."""
    return text[1:2] == " " and P.BULLET.match(text) is not None
