"""Label names → speakers.

A transcript writes one person in several ways: "STEVE INSKEEP, HOST:"
then "INSKEEP:"; "Marisol Vega (MV)" in a participants line then "MV:";
"Q:" for the interviewer the intro names; "Mike Horowitz" beside "Michael
Horowitz".  :func:`resolve` maps every label to one speaker, keeping the
other spellings as aliases.
"""

from __future__ import annotations

from collections import Counter
from typing import Optional, Sequence

import attrs

from . import words as W
from .model import Role, Speaker
from .names import NameIndex, display_name, misspelt, name_key, person_keys, same_person, slip_keys, unique_slugs
from .rules import Label
from .slots import delivery_mark

__all__ = ["Person", "Resolution", "generic_side", "resolve"]

#: Slot kinds that name a person and may stand for a longer name: role
#: words ("AUDIENCE", "Unidentified speaker") and marks ("?") never do.
_PERSONAL = frozenset({"person", "caps", "handle"})


@attrs.frozen(slots=True)
class Person:
    """Someone the document introduces, with what it says of them."""

    name: str
    role: Optional[Role] = None
    description: Optional[str] = None
    initials: Optional[str] = None  # "MV" in "Marisol Vega (MV)"
    listed: bool = False  # from a list of the speakers (front matter, a participants line)
    label: Optional[str] = None  # the label a header gives them ("Interviewer" in "Interviewer: Daniel Ferreira")


@attrs.frozen(slots=True)
class Resolution:
    speakers: tuple[Speaker, ...]
    speaker_of: dict[str, str]  # label name as written → speaker id


def generic_side(key: str) -> Optional[Role]:
    """Which side of an interview a generic label stands for: "host" ("Q",
    "Interviewer"), "guest" ("A", "Interviewee"), or None."""
    return "host" if key in W.GENERIC_HOST else "guest" if key in W.GENERIC_GUEST else None


def _full_name(written: str, kind: str, longer: NameIndex, people: Sequence[Person]) -> str:
    """The full name a short or generic label stands for, or the label."""
    key = name_key(written)
    for p in people:
        if p.initials and name_key(p.initials) == key:
            return p.name
        if p.label and name_key(p.label) == key:
            return p.name  # "Interviewer:" of a header's "Interviewer: Daniel Ferreira"
    role = generic_side(key)
    if role is not None:
        matches: list[str] = []
        # Those the document lists as its speakers come before those its
        # prose mentions.
        pool = [p for p in people if p.role == role]
        pool = [p for p in pool if p.listed] or pool
        for p in pool:
            if not any(same_person(p.name, m) for m in matches):
                matches.append(p.name)
        return matches[0] if len(matches) == 1 else written
    if kind not in _PERSONAL:
        return written
    # A surname, a given name or initials alone: the one longer name it
    # stands for, among the other labels and the people the intro names
    # (``longer``).
    whole = longer.part_of(written)
    if whole is not None:
        return display_name(whole)
    if written.isupper() and 2 <= len(written) <= 4 and " " not in written:
        found = list(dict.fromkeys(display_name(n) for n in longer.with_initials(written)))
        if len(found) == 1:
            return found[0]
    return written


def _join_keys(name: str) -> list[str]:
    """Keys that two full names share whenever :func:`resolve` may take
    them for one person: by their name key, or by :func:`same_person`."""
    return ["key\x1f" + name_key(name), *person_keys(name)]


def _unqualified(name: str) -> str:
    return name.partition(" (")[0] if name.endswith(")") else name


def resolve(labels: Sequence[Label], people: Sequence[Person] = (), lead: Optional[str] = None) -> Resolution:
    """One speaker per person named by ``labels`` (in order of appearance);
    ``lead``, the one speaker the document names for its unlabelled speech,
    comes first and is the speaker of the labels that stand for them."""
    counts = Counter(label.name for label in labels)
    if lead is not None:
        counts = Counter({lead: counts.get(lead, 0), **counts})  # first, labelled too or not
    written = list(counts)
    kinds = {label.name: label.kind for label in labels}
    spelled: dict[str, list[str]] = {}
    role_of: dict[str, Role] = {}
    for label in labels:
        if label.written and label.written != label.name:
            spelled.setdefault(label.name, [])
            if label.written not in spelled[label.name]:
                spelled[label.name].append(label.written)
        if label.role and label.name not in role_of:
            said = W.ROLE_WORDS.get(label.role.casefold())
            if said is not None:
                role_of[label.name] = said
    longer = NameIndex([w for w in written if kinds.get(w, "person") in _PERSONAL and " " in w.strip()] + [p.name for p in people])
    full = {w: _full_name(w, kinds.get(w, "person"), longer, people) for w in written}
    del longer  # (its words of every name, no longer needed)

    groups: list[list[str]] = []  # written forms per person, first is the key
    # The groups a name may join, by the keys they share (see _join_keys):
    # a name is compared with those alone, in order, not with every group.
    joinable: dict[str, list[int]] = {}
    # A slip is looked for between a label used once and one used three
    # times or more (see below): only where the document has both.
    once = any(n == 1 for n in counts.values())
    often = any(n >= 3 for n in counts.values())
    for w in written:
        target = full[w]
        slips = slip_keys(w) if (counts[w] == 1 and often) or (counts[w] >= 3 and once) else []
        near = {g for key in slips for g in joinable.get(key, ())}
        joins = _join_keys(target)
        near.update(g for key in joins for g in joinable.get(key, ()))
        for at in sorted(near):
            group = groups[at]
            if name_key(full[group[0]]) == name_key(target) or (
                same_person(full[group[0]], target)
                # Two spellings a transcript keeps using are two people
                # ("Ann Lee" and "Anna Lee"); a variant used once is a typo.
                and not (counts[w] >= 2 and any(counts[g] >= 2 for g in group))
            ) or (
                # A label written once with a slip of the keyboard in a
                # name the transcript keeps using ("MR. SULLIAN").
                any(sorted((counts[w], counts[g]))[0] == 1 and max(counts[w], counts[g]) >= 3 and misspelt(g, w) for g in group)
            ):
                group.append(w)
                for key in slips:
                    joinable.setdefault(key, []).append(at)
                break
        else:
            for key in joins + slips:
                joinable.setdefault(key, []).append(len(groups))
            groups.append([w])

    def canonical(group: list[str]) -> str:
        resolved = [full[w] for w in group]
        # A full name before a short one, then the most used; a name the
        # labels also write without its qualifier goes by that ("Ann Lee",
        # not "Ann Lee (Acme)": it describes her).
        plain = [w for w in group if any(_unqualified(n) == w != n for n in resolved)]
        best = max(resolved + plain, key=lambda n: (len(n.split(" ")) > 1, n in plain, sum(counts[w] for w in group if full[w] == n)))
        return display_name(best)

    names = [canonical(g) for g in groups]
    ids = unique_slugs(names)
    speakers, speaker_of = [], {}
    for sid, name, group in zip(ids, names, groups):
        aliases = [display_name(w) for w in group] + [display_name(full[w]) for w in group]
        aliases += [a for w in group for a in spelled.get(w, ())]
        aliases = [a for a in dict.fromkeys(aliases) if a != name]
        role: Role = next((role_of[w] for w in group if w in role_of), "unknown")
        # What the qualifier of a name written with one says of the speaker.
        # ("Sir Alan Pike (Thornbury) (Lab)": "Thornbury, Lab").
        # A role word in parentheses ("Ann Lee (Host)") is her role, no description.
        described = next(
            (
                a[len(name) + 2 : -1].replace(") (", ", ")
                for a in aliases
                if a.startswith(name + " (")
                and a.endswith(")")
                and a[len(name) + 2 : -1].casefold().strip(". ") not in W.ROLE_WORDS
                and not delivery_mark(a[len(name) + 2 : -1])  # a script's "(CONT'D)" says how, not who
            ),
            None,
        ) or next((a[len(name) + 4 :] for a in aliases if a.startswith(name + " -- ")), None)
        speakers.append(Speaker(id=sid, name=name, aliases=tuple(aliases), role=role, description=described))
        for w in group:
            speaker_of[w] = sid
    return Resolution(tuple(speakers), speaker_of)
