"""Paragraphs and label candidates → speakers and turns.

The rules propose; this module decides.  A candidate label becomes a
speaker only on evidence: it labels several paragraphs, or the document
names that person elsewhere (an intro, a participants line), or it sits
inside a dialogue that other accepted labels already establish.  The
convention whose accepted labels cover the most paragraphs wins and is
recorded in the metadata.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable, Optional, Sequence

import attrs

from . import _patterns as P
from .model import Span, Speaker, Turn
from .names import name_key, part_of
from .paragraphs import Paragraph
from .resolve import Person, resolve
from .times import leading_time, parse_time
from .rules import LABEL_RULES, Label, classify_block, find_labels, leading_aside

__all__ = ["Aside", "Dialogue", "Item", "Unsure", "assemble", "classify"]

#: Kinds of paragraphs that look like labels but are known to be
#: something else ("**Break:** \\[13:19\\]", "Summary: …"): no doubt there.
KNOWN_LOOKALIKES = frozenset({"break", "chrome", "note", "metadata"})

#: First characters of speech that may open with a time or an aside.
_MARKED = frozenset("([\\")

#: Kinds that sit between turns as blocks without ending the dialogue.
INTERRUPTING = frozenset({"note", "event", "break", "chrome", "metadata", "timestamp", "elision", "paywall", "date"})
#: Kinds that end the dialogue when they follow the last labelled turn.
ENDING = frozenset({"heading", "date", "chrome", "elision", "paywall", "topic_list", "metadata"})


# Made by the thousand per document: a plain slotted class (attrs'
# frozen classes cost twice as much to build).  Treat as immutable.
@attrs.define(slots=True, eq=True)
class Item:
    """A paragraph with what the rules made of it.

    ``kind`` is what the paragraph is when it is not speech.  For a
    paragraph that a label rule reads it is worked out only when asked: in
    a transcript most such paragraphs are speech and never need it."""

    index: int
    para: Paragraph
    labels: tuple[Label, ...]
    _kind: Optional[str] = None

    @property
    def kind(self) -> str:
        if self._kind is None:
            self._kind = classify_block(self.para.text, bool(self.labels))
        return self._kind

    @property
    def text(self) -> str:
        return self.para.text


@attrs.frozen(slots=True)
class Unsure:
    """A line the parser was unsure about, and why."""

    line: int
    reason: str


@attrs.frozen(slots=True)
class Aside:
    """A note or event that opened a paragraph of speech ("(As
    interpreted.)", "(Laughs.)"), split off from it."""

    item: int
    kind: str
    text: str
    turn: int


@attrs.frozen(slots=True)
class Dialogue:
    """What :func:`assemble` found.

    ``speech[i]`` is the index of the turn that item ``i`` is speech of, or
    ``None`` when the item is a block; ``block_turn[i]`` is the turn a block
    item interrupts or follows, for blocks inside the dialogue.
    """

    convention: Optional[str]
    speakers: tuple[Speaker, ...]
    turns: tuple[Turn, ...]
    speech: tuple[Optional[int], ...]
    block_turn: tuple[Optional[int], ...]
    first: Optional[int]  # item index of the first turn
    end: Optional[int]  # item index just past the dialogue
    unsure: tuple[Unsure, ...]
    asides: tuple[Aside, ...] = ()


def classify(paras: Iterable[Paragraph], only: Optional[frozenset[str]] = None) -> list[Item]:
    """Run the label rules, then the block rules, over each paragraph.

    The block kind of a paragraph that a label rule reads is worked out
    only when asked for (see :class:`Item`)."""
    items = []
    for i, p in enumerate(paras):
        labels = find_labels(p.text, p.lines[0].raw, only)
        items.append(Item(i, p, labels, None if labels else classify_block(p.text)))
    return items


def _field_word(key: str) -> bool:
    first, _, rest = key.partition(" ")
    return key in P.FIELD_WORDS or (first in P.FIELD_WORDS and rest.count(" ") < 1)


# Made by the thousand per document: a plain slotted class (attrs'
# frozen classes cost twice as much to build).  Treat as immutable.
@attrs.define(slots=True, eq=True)
class _Seen:
    """One label candidate of one convention."""

    item: int
    label: Label
    key: str


@attrs.frozen(slots=True)
class _Choice:
    convention: str
    labels: tuple[_Seen, ...]  # the accepted ones, in document order
    covered: int


def _tally(items: Sequence[Item], forced: Optional[str]) -> dict[str, list[_Seen]]:
    """Every label candidate, grouped by convention, in one pass.  Within a
    convention an item keeps the label of its first rule ("Q  Diplomacy:
    Can you…" is a bare Q asking about diplomacy, not "Q Diplomacy")."""
    convention_of = {r.name: r.conventions for r in LABEL_RULES}
    seen: dict[str, list[_Seen]] = {}
    for item in items:
        labels = item.labels
        if not labels:
            continue
        if len(labels) == 1 and forced is None:  # the common case, quickly
            label = labels[0]
            one = _Seen(item.index, label, name_key(label.name))
            for conv in convention_of[label.rule]:
                bucket = seen.get(conv)
                if bucket is None:
                    bucket = seen[conv] = []
                bucket.append(one)
            continue
        taken: set[str] = set()
        for label in labels:
            for conv in convention_of[label.rule]:
                if conv in taken or (forced is not None and conv != forced):
                    continue
                taken.add(conv)
                seen.setdefault(conv, []).append(_Seen(item.index, label, name_key(label.name)))
    return seen


def _shape(name: str) -> bool:
    """The style of a label: written in capitals or not."""
    return not any(c.islower() for c in name)


def _cluster(positions: Sequence[int]) -> tuple[int, int, int]:
    """(first, last, reach): the densest run of label positions, and how
    far from it a label may stand and still belong to it.

    Labels of one dialogue sit close together; a label-like line far from
    them (a post title "Trade: How Free…" further down a blog page) is a
    different thing.  Runs split where a gap is much wider than usual."""
    gaps = sorted(b - a for a, b in zip(positions, positions[1:]))
    if not gaps:
        return positions[0], positions[-1], 3
    usual = gaps[len(gaps) // 2]
    limit = max(25, 8 * usual)
    runs: list[list[int]] = [[positions[0]]]
    for a, b in zip(positions, positions[1:]):
        if b - a > limit:
            runs.append([])
        runs[-1].append(b)
    best = max(runs, key=len)
    return best[0], best[-1], 2 * usual + 1


#: Beyond this many distinct label names, short forms are not looked for
#: (each is compared with every other).
MAX_NAMES_TO_POOL = 200


def _short_forms(written: dict[str, str]) -> dict[str, str]:
    """Name key → the key of the longer label name it is a short form of."""
    if len(written) > MAX_NAMES_TO_POOL:
        return {}
    longer = [w for w in written.values() if " " in w]
    out = {}
    for key, name in written.items():
        whole = part_of(name, longer)
        if whole is not None:
            out[key] = name_key(whole)
    return out


def _evaluate(conv: str, seen: Sequence[_Seen], named: frozenset[str], labelled: frozenset[int]) -> Optional[_Choice]:
    """The accepted labels of one convention, or None when the evidence
    does not make a dialogue.

    ``named`` holds the name keys the document introduces (intro,
    participants line) or mentions in its prose; ``labelled`` the items
    that any rule reads as a label."""
    written = {s.key: s.label.name for s in seen}
    bare = {r.name: r.bare for r in LABEL_RULES}  # rules with no markup at all
    # "INSKEEP:" after "STEVE INSKEEP, HOST:" is one voice: the evidence of
    # a short label counts for the longer name it stands for.
    fold = _short_forms(written)
    voice = [fold.get(s.key, s.key) for s in seen]
    counts = Counter(voice)
    strong = {k for k, n in counts.items() if k in named or (n >= 2 and not _field_word(k))}
    positions = [s.item for s, v in zip(seen, voice) if v in strong]
    if not positions:
        return None
    lo, hi, reach = _cluster(positions)
    # A label used once is accepted too (a caller, a one-off voice) when it
    # stands inside the dialogue or next to it and is written in the style
    # of the others, unless its name is a field word such as "Summary".
    # (Short labels such as "Q", "A", "CC" are capitals in any style.)
    shapes = {_shape(name) for key, name in written.items() if fold.get(key, key) in strong and len(name) > 3}
    def speaks(s: _Seen) -> bool:
        """Whether a label has speech: on its line, or in the paragraph
        after it (not another label)."""
        return bool(s.label.text) or s.item + 1 not in labelled

    inside: list[_Seen] = []
    voices: list[str] = []
    for s, v in zip(seen, voice):
        if (v in strong and lo <= s.item <= hi) or (
            # next to the dialogue only where the label has markup: a bare
            # name alone on its line there is as likely a page's title
            (lo <= s.item <= hi if bare[s.label.rule] else lo - reach <= s.item <= hi + reach)
            and v not in strong
            and not _field_word(s.key)
            and (not shapes or len(s.label.name) <= 3 or _shape(s.label.name) in shapes)
            and speaks(s)
        ):
            inside.append(s)
            voices.append(v)
    if not any(speaks(s) for s in inside):
        return None  # labels without a word between them: not a dialogue
    keys = Counter(voices)
    strong_inside = [k for k in keys if k in strong and (keys[k] >= 2 or k in named)]
    is_named = any(k in named for k in strong_inside)
    covered = len(inside)
    # A dialogue needs two voices, or one voice the document names.
    if not strong_inside or covered < 2 or (len(keys) < 2 and not is_named):
        return None
    if len(strong_inside) < 2 and covered < 3 and not is_named:
        return None
    return _Choice(conv, tuple(inside), covered)


def _choose(seen: dict[str, list[_Seen]], named: frozenset[str]) -> Optional[_Choice]:
    """The convention with the most evidence (the earliest registered on a
    tie)."""
    best: Optional[_Choice] = None
    labelled = frozenset(s.item for labels in seen.values() for s in labels)
    for conv in dict.fromkeys(c for r in LABEL_RULES for c in r.conventions):
        if conv not in seen:
            continue
        choice = _evaluate(conv, seen[conv], named, labelled)
        if choice is not None and (best is None or choice.covered > best.covered):
            best = choice
    return best


#: How many paragraphs from the top may name a person, which is evidence
#: for a label with that name.
NAMED_REACH = 200


def _named_keys(items: Sequence[Item], people: Sequence[Person], seen: dict[str, list[_Seen]]) -> frozenset[str]:
    """Keys of label names the document introduces, or writes in the prose
    of its intro: the paragraphs above the first label with markup (a bare
    name alone on its line may be the page's title)."""
    keys = {name_key(p.name) for p in people} | {name_key(p.initials) for p in people if p.initials}
    multiword = {s.key: s.label.name for labels in seen.values() for s in labels if " " in s.key}
    if multiword:
        bare = {r.name: r.bare for r in LABEL_RULES}
        intro = []
        for it in items[:NAMED_REACH]:
            if any(not bare[label.rule] for label in it.labels):
                break
            if not it.labels and it.kind == "prose":
                intro.append(it.text)
        prose = "\n".join(intro)
        keys.update(k for k, written in multiword.items() if written in prose)
    return frozenset(keys)


def _time_above(items: Sequence[Item], i: int) -> Optional[float]:
    """The time on a line above item ``i``, with only blocks between."""
    for j in range(i - 1, max(i - 6, -1), -1):
        kind = items[j].kind
        if kind == "timestamp":
            return parse_time(items[j].text)
        if kind not in INTERRUPTING:
            return None
    return None


def assemble(items: Sequence[Item], people: Sequence[Person] = (), forced: Optional[str] = None) -> Dialogue:
    """Decide the convention, the speakers and the turns."""
    n = len(items)
    seen = _tally(items, forced)
    choice = _choose(seen, _named_keys(items, people, seen))
    unsure: list[Unsure] = []
    if choice is None:
        for labels in seen.values():
            for s in labels:
                unsure.append(Unsure(items[s.item].para.first.number, f"{s.label.name!r} looks like a label but has no evidence"))
        none: tuple[Optional[int], ...] = (None,) * n
        return Dialogue(None, (), (), none, none, None, None, tuple(sorted(set(unsure), key=lambda u: u.line)))

    label_at = {s.item: s.label for s in choice.labels}
    first = choice.labels[0].item
    last = choice.labels[-1].item
    for s in seen[choice.convention]:
        if s.item in label_at or items[s.item].kind in KNOWN_LOOKALIKES:
            continue
        where = "used once beside the dialogue" if first <= s.item <= last else "outside the dialogue"
        unsure.append(Unsure(items[s.item].para.first.number, f"label {s.label.name!r} not accepted: {where}"))

    resolution = resolve([s.label for s in choice.labels], people)
    speakers = resolution.speakers

    speech: list[Optional[int]] = [None] * n
    block_turn: list[Optional[int]] = [None] * n
    asides: list[Aside] = []
    who: list[str] = []
    paras: list[list[str]] = []
    starts: list[Optional[float]] = []
    spans: list[list[int]] = []
    # A time alone on its line gives its start to the labels right below it.
    pending_time = _time_above(items, first)
    end = n
    k = -1

    def speak(i: int, text: str) -> None:
        """Add speech to turn k, splitting off what opens it (the caller
        has seen that it starts with one of _MARKED): a bracketed time
        gives the turn its start, or else is kept as a timestamp block; a
        note or an event becomes a block of its own."""
        stamp = leading_time(text)
        if stamp is not None:
            seconds, written, text = stamp
            if starts[k] is None and not paras[k]:
                starts[k] = seconds
            else:
                asides.append(Aside(i, "timestamp", written, k))
        aside = leading_aside(text) if text[:1] in "([" else None
        if aside is not None:
            kind, note, text = aside
            asides.append(Aside(i, kind, note, k))
        elif text[:1] in "([":
            kind = classify_block(text)
            if kind in ("event", "note"):
                asides.append(Aside(i, kind, text, k))
                return
        if text:
            paras[k].append(text)

    previous_line = items[first - 1].para.lines[-1].number if first else 0
    for i in range(first, n):
        it = items[i]
        lines = it.para.lines
        label = label_at.get(i)
        if label is not None:
            if lines[0].number > previous_line + 1:
                pending_time = None  # a time line reaches the labels right below it
            k += 1
            who.append(resolution.speaker_of[label.name])
            paras.append([])
            starts.append(label.start if label.start is not None else pending_time)
            spans.append([lines[0].number, lines[-1].number])
            if label.text:
                if label.text[:1] in _MARKED:
                    speak(i, label.text)
                else:
                    paras[k].append(label.text)
            speech[i] = k
            previous_line = lines[-1].number
            continue
        previous_line = lines[-1].number
        kind = it.kind
        if i > last and kind in ENDING:
            end = i
            break
        if kind == "timestamp":
            pending_time = parse_time(it.text)
        if kind in INTERRUPTING or (kind == "heading" and it.text[:1] == "#"):
            block_turn[i] = k
            continue
        pending_time = None
        text = it.para.text
        if text[:1] in _MARKED:
            speak(i, text)
        else:
            paras[k].append(text)
        spans[k][1] = lines[-1].number
        speech[i] = k

    turns = []
    for j in range(k + 1):
        start = starts[j]
        nxt = starts[j + 1] if j < k else None
        turns.append(
            Turn(
                j,
                who[j],
                tuple(paras[j]),
                start,
                nxt if start is not None and nxt is not None and nxt >= start else None,
                "given" if start is not None else None,
                Span(spans[j][0], spans[j][1]),
            )
        )
    return Dialogue(
        choice.convention, speakers, tuple(turns), tuple(speech), tuple(block_turn), first, end, tuple(unsure), tuple(asides)
    )
