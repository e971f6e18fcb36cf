"""Naming speakers: a speech recogniser's labels (``spk_0``,
``SPEAKER_00``, ``A``, ``0``) given people's names.

    >>> import transcripts
    >>> srt = "1\\n00:00:00,000 --> 00:00:01,000\\n[SPEAKER_00]: Hello.\\n\\n2\\n00:00:01,000 --> 00:00:02,000\\n[SPEAKER_01]: Hi.\\n"
    >>> t = transcripts.loads(srt, "srt")
    >>> named = transcripts.name_speakers(t, {"SPEAKER_00": "Ada Lindqvist"})
    >>> [s.name for s in named.speakers]
    ['Ada Lindqvist', 'SPEAKER_01']
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Mapping, Optional

import attrs
import regex

from .model import Speaker, Transcript
from .names import name_key, slug

__all__ = ["find_speaker", "name_speakers", "read_mapping", "suggest_names", "unmatched"]

# A recogniser's label rather than a person's name.
_LABEL_LIKE = regex.compile(r"^(?:(?i:speaker|spkr|spk)[ _-]?[0-9A-Za-z]{1,3}|[A-Z]|[0-9]{1,3}|Unknown Speaker)$")
# A person's name as speech says it: one to three capitalised words.
_NAME = r"(?P<name>\p{Lu}[\p{Ll}'’-]{1,20}(?:[ ]\p{Lu}[\p{Ll}'’-]{1,20}){0,2})"
# Saying who one is: "I'm Ada Lindqvist", "my name is Ada", "this is Ada".
_SELF = regex.compile(rf"(?:\bI'm|\bI am|\b[Mm]y name is|\b[Tt]his is)[ ]{_NAME}\b")
# Addressing the next speaker: "welcome, Marisol", "thanks, Ines", "Marisol, welcome".
_OTHER = regex.compile(rf"(?:\b(?:[Ww]elcome(?: back| to the show)?|[Tt]hanks|[Tt]hank you|[Hh]i|[Hh]ello),?[ ]{_NAME}\b|\b{_NAME},[ ]welcome\b)")
#: Words that follow "I'm" or "this is" capitalised without being names.
_NOT_NAMES = frozenset("I It The This That So And But Sure Just Not Going Glad Happy Here There Very Really Actually".split())


def find_speaker(t: Transcript, label: str) -> Optional[Speaker]:
    """The speaker a label names as the source writes it: the speaker's id,
    name or alias, or the number or letter of a "Speaker 0" / "Speaker A"
    (case and spacing aside); None when no speaker has it."""
    label = " ".join(str(label).split())
    if not label:
        return None
    key = name_key(label)
    tiers = (
        lambda s: s.id == label or s.name == label or label in s.aliases,
        lambda s: s.name == f"Speaker {label}",
        lambda s: bool(key) and (name_key(s.name) == key or any(name_key(a) == key for a in s.aliases) or name_key(s.name) == name_key(f"Speaker {label}")),
    )
    for match in tiers:
        for s in t.speakers:
            if match(s):
                return s
    return None


def name_speakers(t: Transcript, mapping: Mapping[str, str], *, strict: bool = True) -> Transcript:
    """The transcript with the speakers ``mapping`` labels given its names.

    A renamed speaker keeps the label it had as an alias (so the source's
    labels stay findable) and gets an id from the new name; labels mapped
    to one name make one speaker.  A label no speaker has raises
    ``ValueError`` naming the speakers there are, unless ``strict`` is
    false (see :func:`unmatched`)."""
    chosen: dict[str, str] = {}
    for label, name in mapping.items():
        name = " ".join(str(name).split())
        if not name:
            raise ValueError(f"speaker {label!r}: the name is empty")
        s = find_speaker(t, label)
        if s is None:
            if strict:
                known = ", ".join(repr(x.name) for x in t.speakers) or "none"
                raise ValueError(f"no speaker is labelled {label!r} (speakers: {known})")
            continue
        chosen[s.id] = name
    if not chosen:
        return t
    taken = {s.id for s in t.speakers if s.id not in chosen}
    by_name: dict[str, Speaker] = {}  # the new speaker for each name key
    new_id: dict[str, str] = {}
    speakers: list[Speaker] = []
    for s in t.speakers:
        if s.id not in chosen:
            speakers.append(s)
            continue
        name = chosen[s.id]
        aliases = [a for a in (*s.aliases, s.name) if a != name]
        merged = by_name.get(name_key(name) or name)
        if merged is not None:
            extra = tuple(a for a in aliases if a not in merged.aliases and a != merged.name)
            grown = attrs.evolve(merged, aliases=merged.aliases + extra, description=merged.description or s.description)
            speakers[speakers.index(merged)] = grown
            by_name[name_key(name) or name] = grown
            new_id[s.id] = merged.id
            continue
        base = slug(name) or "speaker"
        ident, n = base, 2
        while ident in taken:
            ident, n = f"{base}-{n}", n + 1
        taken.add(ident)
        renamed = attrs.evolve(s, id=ident, name=name, aliases=tuple(dict.fromkeys(aliases)))
        by_name[name_key(name) or name] = renamed
        new_id[s.id] = ident
        speakers.append(renamed)
    turns = tuple(attrs.evolve(u, speaker=new_id.get(u.speaker, u.speaker)) for u in t.turns)
    return attrs.evolve(t, speakers=tuple(speakers), turns=turns)


def unmatched(t: Transcript, mapping: Mapping[str, str]) -> list[str]:
    """The labels of ``mapping`` that no speaker of ``t`` has."""
    return [label for label in mapping if find_speaker(t, label) is None]


def suggest_names(t: Transcript) -> dict[str, tuple[str, str]]:
    """Guesses, never applied: for each speaker still known by a
    recogniser's label ("SPEAKER_00", "spk_1", "Speaker A"), a name the
    transcript's own words give it — a speaker saying "I'm Ada Lindqvist",
    or the turn before theirs saying "welcome, Marisol" — with the words
    that suggest it.  Maps the speaker's name to (name, evidence)."""
    votes: dict[str, Counter[str]] = {}
    evidence: dict[tuple[str, str], str] = {}
    order = [u for u in t.turns if any(p.strip() for p in u.paragraphs)]
    for k, u in enumerate(order):
        text = " ".join(u.paragraphs)
        nxt = next((v.speaker for v in order[k + 1 :] if v.speaker != u.speaker), None)
        for pattern, who in ((_SELF, u.speaker), (_OTHER, nxt)):
            if who is None:
                continue
            for m in pattern.finditer(text[:2000]):
                name = m["name"]
                if name.split()[0] in _NOT_NAMES:
                    continue
                votes.setdefault(who, Counter())[name] += 1
                evidence.setdefault((who, name), text[max(0, m.start() - 20) : m.end() + 20].strip())
    out: dict[str, tuple[str, str]] = {}
    taken: set[str] = set()
    # The best-supported guesses first; a name goes to one speaker.
    ranked = sorted(((count, name, sid) for sid, counter in votes.items() for name, count in counter.most_common(1)), reverse=True)
    for _, name, sid in ranked:
        s = next((x for x in t.speakers if x.id == sid), None)
        if s is None or not _LABEL_LIKE.match(s.name) or name in taken:
            continue
        out[s.name] = (name, evidence[(sid, name)])
        taken.add(name)
    return out


def read_mapping(text: str, filename: Optional[str] = None) -> dict[str, str]:
    """A label-to-name mapping from a file: a JSON or YAML mapping
    (``spk_0: Ada Lindqvist``), or lines of ``LABEL=NAME`` (``#`` starts a
    comment).  ``ValueError`` names the line that is neither."""
    where = f"{filename}: " if filename else ""
    try:
        import yaml  # here: only a mapping file needs it

        data = json.loads(text) if text.lstrip().startswith("{") else yaml.safe_load(text)
    except (ValueError, yaml.YAMLError):
        data = None
    if isinstance(data, dict) and all(isinstance(v, (str, int)) for v in data.values()):
        return {str(k): str(v) for k, v in data.items()}
    out: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        label, sep, name = line.partition("=")
        if not sep or not label.strip() or not name.strip():
            raise ValueError(f"{where}line {number}: expected LABEL=NAME, got {line!r}")
        out[label.strip()] = name.strip()
    return out
