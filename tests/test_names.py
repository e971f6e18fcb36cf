"""Speaker ids keep the letters of every script; names in capitals get
normal case, generational suffixes kept."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import transcripts
from transcripts.names import NameIndex, display_name, misspelt, name_key, person_keys, same_person, slip_keys, slug, unique_slugs


@pytest.mark.parametrize(
    "name, expected",
    [
        ("José Álvarez-Ruiz", "jose-alvarez-ruiz"),  # accents on Latin letters dropped, as before
        ("Søren Kierkegaard", "søren-kierkegaard"),
        ("Владимир Познер", "владимир-познер"),
        ("Γιώργος Παππάς", "γιώργος-παππάς"),
        ("张伟", "张伟"),
        ("Zhang Wei 张伟", "zhang-wei-张伟"),
        ("Łukasz Nowak", "łukasz-nowak"),
        ("Mary O’Neil", "mary-o-neil"),
        ("Speaker 2", "speaker-2"),
    ],
)
def test_slug_keeps_letters_of_every_script(name, expected):
    assert slug(name) == expected


def test_ids_of_names_without_letters_are_numbered():
    assert unique_slugs(["!!", "张伟", "张伟", "?"]) == ["speaker-1", "张伟", "张伟-2", "speaker-4"]


def test_parsed_ids_are_readable_in_any_script():
    t = transcripts.parse("Søren Berg: Hej.\n\nВладимир Познер: Здравствуйте.\n\nSøren Berg: Tak.\n\nВладимир Познер: Да.\n")
    assert [s.id for s in t.speakers] == ["søren-berg", "владимир-познер"]


@given(st.text(max_size=40))
def test_slugs_are_stable_and_clean(name):
    s = slug(name)
    assert s == slug(name) and s == s.strip("-") and "--" not in s and " " not in s
    assert slug(s) == s or not s


@pytest.mark.parametrize(
    "name, shown",
    [
        ("JOHN SMITH III", "John Smith III"),
        ("HENRY VIII", "Henry VIII"),
        ("JOHN SMITH II.", "John Smith II."),
        ("MARTIN LUTHER KING JR.", "Martin Luther King Jr."),
        ("STEVE INSKEEP", "Steve Inskeep"),
        ("PRESIDENT XI", "President Xi"),  # not a numeral we keep: a name
        ("IV", "IV"),  # a short label alone stays
        ("CV-39", "CV-39"),  # a call sign, a code: a word with a digit stays
        ("BELL 7", "Bell 7"),
        ("B-52 PILOT", "B-52 Pilot"),
    ],
)
def test_display_name_keeps_generational_suffixes(name, shown):
    assert display_name(name) == shown


# -- the indexes that keep name matching linear ------------------------------

_WORD = st.text("abcdeilmnorsty", min_size=1, max_size=9).map(str.capitalize)
_NAME = st.lists(_WORD, min_size=1, max_size=3).map(" ".join)


def _slipped(word: str, data: st.DataObject) -> str:
    """``word`` with one letter added, dropped, changed, or two swapped."""
    k = data.draw(st.integers(0, len(word) - 1))
    how = data.draw(st.sampled_from(["add", "drop", "change", "swap"]))
    letter = data.draw(st.sampled_from("abcdeilmnorsty"))
    if how == "add":
        return word[:k] + letter + word[k:]
    if how == "drop" and len(word) > 1:
        return word[:k] + word[k + 1 :]
    if how == "swap" and k + 1 < len(word):
        return word[:k] + word[k + 1] + word[k] + word[k + 2 :]
    return word[:k] + letter + word[k + 1 :]


@given(_NAME, st.data())
def test_names_one_person_may_be_share_a_key(name, data):
    """Whatever same_person or misspelt accept shares a key of
    person_keys / slip_keys, which resolve compares names by."""
    words = name.split(" ")
    i = data.draw(st.integers(0, len(words) - 1))
    other = " ".join(words[:i] + [_slipped(words[i], data).capitalize() or "X"] + words[i + 1 :])
    if data.draw(st.booleans()):
        other = "Dr. " + other
    if same_person(name, other):
        assert set(person_keys(name)) & set(person_keys(other))
    if misspelt(name, other):
        assert set(slip_keys(name)) & set(slip_keys(other))


@given(st.lists(_NAME, max_size=12), _NAME, st.sampled_from(["whole", "first", "last"]))
def test_name_index_answers_as_a_scan_of_every_name(names, short, part):
    """NameIndex.part_of is part_of's scan over every name, indexed."""
    words = short.split(" ")
    short = {"whole": short, "first": words[0], "last": words[-1]}[part]

    def bare(name: str) -> list[str]:
        return [w.strip(".,") for w in name_key(name).split(" ") if w.strip(".,")]

    found: list[str] = []
    for name in names:
        longer, n = bare(name), len(bare(short))
        if "&" not in name and len(longer) > n > 0 and (longer[:n] == bare(short) or longer[-n:] == bare(short)):
            if not any(same_person(name, f) for f in found):
                found.append(name)
    assert NameIndex(names).part_of(short) == (found[0] if len(found) == 1 else None)


def test_many_distinct_names_resolve_by_their_keys():
    """Hundreds of people each speaking once (a public comment session):
    every one a speaker of their own, as comparing every pair says."""
    first = ["Ann", "Bo", "Cara", "Dev", "Eli"]
    syllables = ["ba", "kov", "ri", "ten", "vel", "mar", "sol", "din", "gu", "lo"]
    names = [f"{first[k // 40]} {(syllables[k // 10 % 4] + syllables[k % 10] + 'ington').capitalize()}" for k in range(200)]
    people = len(names) - sum(any(same_person(a, b) for b in names[:k]) for k, a in enumerate(names))
    t = transcripts.parse("".join(f"{n}: I have lived here for years and want the drains fixed.\n\n" for n in names))
    assert len(t.turns) == 200
    assert len(t.speakers) == people
