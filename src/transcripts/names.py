"""Person names: identifiers, display case, and telling two spellings of
one person apart from two people."""

from __future__ import annotations

import functools
import unicodedata
from typing import Iterable, Optional

import regex

from . import _patterns as P
from . import words as W

__all__ = ["NameIndex", "display_name", "initials", "misspelt", "name_key", "part_of", "person_keys", "same_person", "slip_keys", "slug", "unique_ids", "unique_slugs", "words_of"]

_NON_ALNUM = regex.compile(r"[^a-z0-9]+")
# Anything but letters, marks and digits, in any script.
_NON_WORD = regex.compile(r"[^\p{L}\p{M}\p{Nd}]+")
#: Generational suffixes kept in capitals ("John Smith III").
_ROMAN = frozenset({"II", "III", "IV", "VI", "VII", "VIII", "IX"})
_TITLE = regex.compile(rf"^{P.TITLE_WORD}[ ]", regex.IGNORECASE)

#: Common short forms of given names (both directions are checked).
NICKNAMES: dict[str, frozenset[str]] = {
    k: frozenset(v.split())
    for k, v in {
        "michael": "mike mikey mick",
        "william": "will bill billy liam",
        "robert": "rob bob bobby robbie",
        "james": "jim jimmy jamie",
        "thomas": "tom tommy",
        "david": "dave davey",
        "christopher": "chris",
        "alexander": "alex sasha",
        "alexandra": "alex sasha",
        "katherine": "kate katie kathy kat",
        "catherine": "kate katie cathy cat",
        "elizabeth": "liz lizzie beth betty eliza",
        "daniel": "dan danny",
        "matthew": "matt",
        "nicholas": "nick",
        "samuel": "sam",
        "samantha": "sam",
        "benjamin": "ben",
        "joseph": "joe joey",
        "anthony": "tony",
        "steven": "steve",
        "stephen": "steve",
        "andrew": "andy drew",
        "jennifer": "jen jenny",
        "jonathan": "jon",
        "richard": "rick dick rich",
        "edward": "ed eddie ted",
        "margaret": "maggie meg peggy",
        "patrick": "pat",
        "patricia": "pat patty trish",
        "charles": "charlie chuck",
        "gregory": "greg",
        "jeffrey": "jeff",
        "timothy": "tim",
        "kenneth": "ken",
        "ronald": "ron",
        "donald": "don",
        "douglas": "doug",
        "lawrence": "larry",
        "susan": "sue susie",
        "rebecca": "becky becca",
        "victoria": "vicky tori",
        "zachary": "zach",
        "frederick": "fred",
        "theodore": "ted teddy theo",
        "abigail": "abby",
        "deborah": "deb debbie",
    }.items()
}


def slug(name: str) -> str:
    """An id for a name: letters and digits of any script, lower case,
    runs of anything else as one hyphen.  Accents on Latin letters are
    dropped (``"José Álvarez-Ruiz"`` → ``"jose-alvarez-ruiz"``); other
    letters stay as written (``"Søren Kierkegaard"`` → ``"søren-kierkegaard"``,
    ``"Владимир Познер"`` → ``"владимир-познер"``, ``"张伟"`` → ``"张伟"``)."""
    if name.isascii():
        return _NON_ALNUM.sub("-", name.lower()).strip("-")
    kept = []
    marks = False  # whether marks on the current character are kept
    for c in unicodedata.normalize("NFKD", name):
        if unicodedata.combining(c):
            if not marks:
                continue  # an accent on a Latin letter (é → e), or on no letter
        else:
            marks = not c.isascii() and c.isalnum()
        kept.append(c)
    text = unicodedata.normalize("NFC", "".join(kept)).lower()
    return _NON_WORD.sub("-", text).strip("-")


def unique_ids(ids: Iterable[str]) -> list[str]:
    """The ids in order, a repeated one given a ``-2``, ``-3``, … suffix."""
    seen: set[str] = set()
    out = []
    for base in ids:
        candidate, k = base, 2
        while candidate in seen:
            candidate, k = f"{base}-{k}", k + 1
        seen.add(candidate)
        out.append(candidate)
    return out


def unique_slugs(names: Iterable[str]) -> list[str]:
    """A distinct, stable id for each name, in order (``speaker-N`` for a
    name with no letter or digit)."""
    return unique_ids(slug(name) or f"speaker-{n}" for n, name in enumerate(names, 1))


@functools.lru_cache(maxsize=4096)
def name_key(name: str) -> str:
    """A key under which spellings that differ only in case, spacing or
    accents-as-written fold together."""
    return " ".join(unicodedata.normalize("NFC", name).casefold().replace("’", "'").split())


def display_name(name: str) -> str:
    """Names written in capitals ("STEVE INSKEEP") in normal case
    ("Steve Inskeep"); others, a speech recogniser's labels ("SPEAKER_00")
    and words with a digit (call signs, "CV-39"), unchanged."""
    if not any(c.isupper() for c in name) or any(c.islower() for c in name) or P.DIARISED.match(name):
        return name
    if " " not in name and len(name) <= 3:
        return name  # initials and call signs: "Q", "CC", "MV"
    out = []
    words = name.split(" ")
    for k, word in enumerate(words):
        if k and word.rstrip(".,") in _ROMAN:
            out.append(word)  # "JOHN SMITH III" → "John Smith III"
            continue
        if any(c.isdigit() for c in word):
            out.append(word)  # a code or a call sign: "CV-39", "B-52", "R2D2"
            continue
        low = word.casefold()
        if low in W.PARTICLES:
            out.append(low)
            continue
        # Capitalise each part of "O'NEIL", "ALVAREZ-RUIZ", "MCDONALD".
        parts = regex.split(r"([\-'’])", low)
        word = "".join(p[:1].upper() + p[1:] for p in parts)
        if word.startswith("Mc") and len(word) > 2:
            word = "Mc" + word[2].upper() + word[3:]
        out.append(word)
    return " ".join(out)


def _strip_title(name: str) -> str:
    return _TITLE.sub("", name)


def _one_edit(a: str, b: str) -> bool:
    """Whether two words are the same or one letter added, dropped or
    changed apart (a Levenshtein distance of at most one)."""
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) <= 1
    if abs(len(a) - len(b)) != 1:
        return False
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k in range(len(short)) if short[k] != long_[k]), len(short))
    return short[i:] == long_[i + 1 :]


def _given_names_match(a: str, b: str) -> bool:
    if a == b:
        return True
    if a in NICKNAMES.get(b, ()) or b in NICKNAMES.get(a, ()):
        return True
    short, long_ = sorted((a.rstrip("."), b.rstrip(".")), key=len)
    return len(short) >= 1 and long_.startswith(short) and (len(short) == 1 or len(short) >= 3)


def same_person(a: str, b: str) -> bool:
    """Whether two full names plausibly name one person: "Mike Horowtz" and
    "Michael Horowitz" do (nickname, one-letter typo in the surname);
    "Michael Horowitz" and "Michael Howard" do not."""
    ka, kb = name_key(_strip_title(a)).split(), name_key(_strip_title(b)).split()
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    if len(ka) < 2 or len(kb) < 2:
        return False
    sa, sb = ka[-1], kb[-1]
    if not (sa == sb or (min(len(sa), len(sb)) >= 5 and _one_edit(sa, sb))):
        return False
    return _given_names_match(ka[0], kb[0])


def person_keys(name: str) -> list[str]:
    """Keys that two names share whenever :func:`same_person` may say they
    name one person, so that a name need only be compared with those that
    share one: the surname (the last word), with each of its letters left
    out where one slip is forgiven (five letters or more), since two words
    one edit apart share one of those."""
    words = name_key(_strip_title(name)).split()
    if not words:
        return []
    last = words[-1]
    keys = ["surname\x1f" + last]
    if len(last) >= 5:
        keys += ["surname\x1f" + last[:i] + last[i + 1 :] for i in range(len(last))]
    return keys


def _one_slip(a: str, b: str) -> bool:
    """Whether two different words differ by one letter added, dropped or
    changed, or by two neighbours swapped."""
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    if abs(len(a) - len(b)) != 1:
        return False
    short, long_ = sorted((a, b), key=len)
    i = next((k for k in range(len(short)) if short[k] != long_[k]), len(short))
    return short[i:] == long_[i + 1 :]


def misspelt(a: str, b: str) -> bool:
    """Whether two labels are one name with a slip of the keyboard in one
    word ("MR. SULLIAN" and "MR. SULLIVAN", "MODEARTOR" and "MODERATOR",
    "ADMINSITRATOR CRISWELL"): the same words but one, whose two spellings
    are letters only, of five or more, open with the same letter and differ
    by one letter or two swapped.  Numbers never differ ("Speaker 1" and
    "Speaker 2" are two voices)."""
    wa, wb = name_key(a).split(), name_key(b).split()
    if len(wa) != len(wb):
        return False
    diff = [(x, y) for x, y in zip(wa, wb) if x != y]
    if len(diff) != 1:
        return False
    x, y = diff[0]
    return min(len(x), len(y)) >= 5 and x.isalpha() and y.isalpha() and x[0] == y[0] and _one_slip(x, y)


def slip_keys(written: str) -> list[str]:
    """Keys that two labels share whenever :func:`misspelt` may say they are
    one name: for each word that may be the slip, the others and the word
    with at most one of its letters left out (a letter added, dropped or
    changed, or two swapped, leave one of those the same)."""
    words = name_key(written).split()
    keys: list[str] = []
    for i, word in enumerate(words):
        if len(word) >= 5 and word.isalpha():
            rest = "\x1f".join(("slip", str(i), *words[:i], *words[i + 1 :], ""))
            keys.append(rest + word)
            keys += [rest + word[:k] + word[k + 1 :] for k in range(len(word))]
    return keys


def _bare_words(name: str) -> list[str]:
    """A name's words, case-folded, without an honorific or stray points."""
    return [w.strip(".,") for w in name_key(_strip_title(name)).split(" ") if w.strip(".,")]


def words_of(name: str) -> list[str]:
    """A name's words, case-folded, without an honorific or particles:
    "Dr. Ursula van der Berg" → ["ursula", "berg"]."""
    return [w for w in _bare_words(name) if w not in W.PARTICLES]


def initials(name: str) -> str:
    """"Marisol Vega" → "MV" (particles and honorifics left out)."""
    return "".join(w[0].upper() for w in _bare_words(name) if w not in W.PARTICLES)


def part_of(short: str, names: Iterable[str]) -> Optional[str]:
    """The one longer name that ``short`` is the start or the end of, word
    for word ("INSKEEP" of "STEVE INSKEEP", "VAN DER BERG" of "ADA VAN DER
    BERG", "LULU" of "LULU MILLER", "ADA" of "DR. ADA LEE"), else None.
    Spellings of one person count once; joint labels ("A & B") none.  (To
    ask this of many short names, make a :class:`NameIndex` once.)"""
    return NameIndex(names).part_of(short)


class NameIndex:
    """Names read once and indexed by their first and last words, for
    :meth:`part_of` and :meth:`with_initials` asked of many labels: the cost
    of each question is that of the names it may concern, not of them all
    (a meeting's public comment has hundreds of speakers)."""

    def __init__(self, names: Iterable[str]) -> None:
        self.names = list(dict.fromkeys(names))
        self._words = [_bare_words(n) for n in self.names]
        # (0: first / 1: last word, the word, how many words) → names
        self._ends: dict[tuple[int, str, int], list[int]] = {}
        self._most = 0  # words in the longest name
        for i, words in enumerate(self._words):
            if words and "&" not in self.names[i]:  # a joint label ("Adam & Jen") is several people
                self._ends.setdefault((0, words[0], len(words)), []).append(i)
                self._ends.setdefault((1, words[-1], len(words)), []).append(i)
                self._most = max(self._most, len(words))
        self._by_initials: Optional[dict[str, list[str]]] = None

    def part_of(self, short: str) -> Optional[str]:
        """See :func:`part_of`."""
        words = _bare_words(short)
        n = len(words)
        if not n:
            return None
        found: list[str] = []
        near: set[int] = set()
        for size in range(n + 1, self._most + 1):
            near.update(self._ends.get((0, words[0], size), ()), self._ends.get((1, words[-1], size), ()))
        for i in sorted(near):
            longer = self._words[i]
            if longer[:n] == words or longer[-n:] == words:
                name = self.names[i]
                if not any(same_person(name, other) for other in found):
                    found.append(name)
        return found[0] if len(found) == 1 else None

    def with_initials(self, letters: str) -> list[str]:
        """The names whose :func:`initials` are ``letters``, in order."""
        if self._by_initials is None:
            self._by_initials = {}
            for name in self.names:
                self._by_initials.setdefault(initials(name), []).append(name)
        return self._by_initials.get(letters, [])
