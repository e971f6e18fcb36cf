"""What a label can hold: the grammar of a label's slot.

Label patterns read the slot loosely (:data:`transcripts._patterns.SLOT`);
this module says what the words in it are.  A slot is one of

* ``person`` -- a name: "Jordan Schneider", "Dr. Ann Lee", "Lindsey", "张伟";
* ``caps`` -- a name or call sign in capitals: "MS. PSAKI", "BELL 7",
  "SENIOR ADMINISTRATION OFFICIAL";
* ``role`` -- a voice named by its role: "Audience member", "Unidentified
  speaker", "Male voice", "Speaker 2", "Q";
* ``mark`` -- a mark for an unknown voice: "?";
* ``handle`` -- one lower-case word, a nickname: "roasbeef", "sipa";

or nothing at all, when the words read as a sentence ("The train was late",
"Number two, I think this is important").  The slot's credential ("Ruth
Okafor, PhD") and role word ("STEVE INSKEEP, HOST", or in parentheses
"Ann Lee (Host)") are split off the name; any other qualifier in
parentheses ("CAPCOM (Guam)") stays: it tells voices apart (two, "Sir
Alan Pike (Thornbury) (Lab)", are a seat and a party: dropped).  A speech
recogniser's label ("SPEAKER_00") is a role.
The document's evidence then decides which slots are speakers
(:mod:`transcripts.evidence`); the SRT reader uses the same grammar.
"""

from __future__ import annotations

import functools
from typing import Literal, Optional

import attrs
import regex

from . import _patterns as P
from . import words as W

__all__ = ["Slot", "SlotKind", "delivery_mark", "field_word", "read_slot"]

SlotKind = Literal["person", "caps", "role", "mark", "handle"]

_NAME = regex.compile(rf"^{P.NAME}$", regex.VERBOSE | regex.VERSION1)
_CAP_NAME = regex.compile(rf"^{P.CAP_NAME}$", regex.VERBOSE | regex.VERSION1)
_HANDLE = regex.compile(r"^[\p{Ll}_][\p{L}\p{N}_\-.]{1,24}$|^[\p{L}_][\p{L}_]{0,20}\d{1,4}$")
_NUMBER = regex.compile(r"^#?\d{1,3}(?:st|nd|rd|th)?$|^[A-Z]$")
_SYMBOL = regex.compile(r"[\p{So}\p{Sk}\u200d\ufe0f]")
_QUALIFIER = regex.compile(r"[ ]\((?P<q>[^()]{1,40})\)$")
# Two qualifiers, as a parliament's record writes a member's seat and party:
# "Sir Alan Pike (Thornbury) (Lab)" describes Sir Alan Pike.
_QUALIFIERS = regex.compile(r"[ ]\([^()]{1,40}\)[ ]\([^()]{1,40}\)$")


@attrs.frozen(slots=True)
class Slot:
    """A label slot read: ``name`` (with any qualifier, without credential
    or role word), its ``kind``, the ``role`` word and the ``credential``
    written after a comma."""

    name: str
    kind: SlotKind
    role: Optional[str] = None
    credential: Optional[str] = None
    initials: Optional[str] = None  # "AvW" of "Aaron van Wirdum (AvW)"


def _credential(text: str) -> bool:
    """"PhD", "MD", "Jr.", "HOST", "NPR CORRESPONDENT": what may follow a
    name and a comma in a label."""
    words = text.split(" ")
    if len(words) > 3:
        return False
    if all(w.replace(".", "").casefold() in W.CREDENTIALS or w.casefold() in W.VOICE_WORDS for w in words):
        return True
    return not any(c.islower() for c in text) and any(c.isalpha() for c in text)


def _role_words(words: list[str]) -> bool:
    """"Audience member", "Member of the audience", "Speaker 2", "Unknown",
    "Guinness Ad guys" or "CNN reporter" (a name or an acronym, then a voice
    word)."""
    last = words[-1].casefold()
    qualifier = words[:-1]
    if (
        last in W.VOICE_WORDS
        and last not in W.VOICE_QUANTIFIERS
        and all(w[:1].isupper() for w in qualifier)
        # "Guinness Ad guys", "CNN reporter": not a sentence's "Water people"
        and (len(qualifier) > 1 or (len(qualifier) == 1 and qualifier[0].isupper() and len(qualifier[0]) > 1))
    ):
        return True
    if last in W.GLUE_WORDS:
        return False  # "Other from" is the start of a sentence
    voiced = False
    for k, w in enumerate(words):
        low = w.casefold()
        if low in W.VOICE_WORDS:
            voiced = voiced or len(words) == 1 or low not in W.VOICE_QUANTIFIERS
        elif low in W.GLUE_WORDS or _NUMBER.match(w):
            continue
        else:
            return False
    return voiced


def _initials_of(short: str, name: str) -> bool:
    """Whether ``short`` is the initials of ``name`` ("AvW" of "Aaron van
    Wirdum", "MF" of "Michael Folkson") or a code for it that later labels
    use ("IV" of "Interviewer", "R1" of "Respondent")."""
    if not (0 < len(short) <= 6 and short.isalnum() and short[:1].isupper()):
        return False
    words = [w for w in name.split(" ") if w]
    if (len(short) <= 3 and short[1:].isupper()) or short[1:].isdigit():
        # A code of capitals and digits opening with the name's letter.
        return short[:1] == words[0][:1].upper() and len(short) > 1
    if not short.isalpha():
        return False
    parts = [p for w in words for p in w.split("-") if p]
    every = "".join(w[0] for w in words).casefold()
    named = "".join(w[0] for w in words if w.casefold() not in W.PARTICLES).casefold()
    hyphened = "".join(p[0] for p in parts if p.casefold() not in W.PARTICLES).casefold()
    return short.casefold() in (every, named, hyphened)


def delivery_mark(qualifier: str) -> bool:
    """"O.S.", "V.O.", "CONT'D": a script's mark of how a line is delivered."""
    return qualifier.casefold().replace(".", "").replace("'", "").replace("’", "").replace(" ", "") in W.DELIVERY_MARKS


def _joined(qualifier: str) -> bool:
    """"External", "Guest", "Unverified External": a meeting tool's mark of
    how a participant joined (see :data:`transcripts.words.MEETING_MARKS`)."""
    words = qualifier.casefold().split(" ")
    return 0 < len(words) <= 3 and all(w in W.MEETING_MARKS for w in words)


@functools.lru_cache(maxsize=1024)  # (a document's distinct labels are few; its headings many)
def field_word(key: str) -> bool:
    """Whether a label's key (case-folded) is a field name ("summary",
    "video", "start time") rather than a speaker."""
    first, _, rest = key.partition(" ")
    first = first.lstrip("_")
    if key in W.FIELD_WORDS or first in W.FIELD_WORDS and (not rest or rest.count(" ") < 1) and not (
        rest and all(w in W.VOICE_WORDS for w in rest.split(" "))
    ):
        return True
    return key[:1] == "_"


@functools.lru_cache(maxsize=8192)
def read_slot(written: str) -> Optional[Slot]:
    """The slot of a label as written, or None when it is not a label."""
    text = written.strip()
    if _SYMBOL.search(text) is not None:
        text = " ".join(_SYMBOL.sub("", text).split())  # "Paul Frazee✌" is Paul Frazee
    if not text:
        return None
    if text.strip("?") == "":
        return Slot(text, "mark")
    role = credential = None
    head, comma, tail = text.rpartition(", ")
    if comma and ")" in tail and "(" not in tail:
        comma = ""  # inside the qualifier: "Ann Lee (CEO, Acme)"
    if comma:
        if "," in head or not _credential(tail):
            return None
        text = head
        said = tail.casefold().strip(".")
        if said in W.ROLE_WORDS:
            role = said
        else:
            credential = tail
    if P.DIARISED.match(text):
        return Slot(text, "role", role, credential)  # "SPEAKER_00": a recogniser's voice
    q = _QUALIFIER.search(text)
    if q is not None and role is None and q["q"].casefold().strip(". ") in W.ROLE_WORDS:
        # "Ann Lee (Host)": the qualifier is her role, not another voice's.
        role, text = q["q"].casefold().strip(". "), text[: q.start()]
    while (q := _QUALIFIER.search(text)) is not None and (delivery_mark(q["q"]) or _joined(q["q"])):
        # A script's "ELENA (O.S.)", a meeting's "Lukas Weber (External)":
        # how they speak or joined, not who.
        if role is None and _joined(q["q"]):
            role = next((w for w in q["q"].casefold().split(" ") if w in W.ROLE_WORDS), None)
        text = text[: q.start()]
    text = _QUALIFIERS.sub("", text)
    core = text
    q = _QUALIFIER.search(text)
    short = None
    if q is not None:
        core = text[: q.start()]
        if _initials_of(q["q"], core):
            # "Aaron van Wirdum (AvW)" introduces the initials later labels use.
            text, short = core, q["q"]
    if not core or "(" in core or ")" in core:
        return None
    words = core.split(" ")
    if _role_words(words):
        return Slot(text, "role", role, credential, short)
    has_letter = any(c.isalpha() for c in core)
    if not has_letter:
        return None
    if not any(c.islower() for c in core):
        return Slot(text, "caps", role, credential, short) if _CAP_NAME.match(core) else None
    if _NAME.match(core) is not None:
        # Capitalised words, but "Yes", "What It Means" or "Ursula van" are
        # no name ("The President", a title, is).
        first = words[0].casefold()
        first = first.rstrip(".")
        if (first in W.NOT_NAME_START and not (first == "the" and len(words) > 1)) or words[-1].casefold() in W.PARTICLES:
            return None
        return Slot(text, "person", role, credential, short)
    low = core.casefold()
    if len(words) == 1 and _HANDLE.match(core) and not (low in W.NOT_NAME_START or low in W.SENTENCE_WORDS or low in W.PARTICLES):
        return Slot(text, "handle", role, credential)
    return None
