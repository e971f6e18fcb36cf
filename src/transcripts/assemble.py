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
from .names import display_name, name_key, same_person, unique_slugs
from .paragraphs import Paragraph
from .rules import LABEL_RULES, Label, classify_block, find_labels

__all__ = ["Dialogue", "Item", "Unsure", "assemble", "classify"]

#: Kinds that sit between turns as blocks without ending the dialogue.
INTERRUPTING = frozenset({"note", "event", "break", "chrome", "metadata", "timestamp", "elision", "paywall", "date"})
#: Kinds that end the dialogue when they follow the last labelled turn.
ENDING = frozenset({"heading", "date", "chrome", "elision", "paywall", "topic_list", "metadata"})


@attrs.frozen(slots=True)
class Item:
    """A paragraph with what the rules made of it."""

    index: int
    para: Paragraph
    kind: str  # its kind when it is not speech
    labels: tuple[Label, ...]

    @property
    def text(self) -> str:
        return self.para.text


@attrs.frozen(slots=True)
class Unsure:
    """A line the parser was unsure about, and why."""

    line: int
    reason: str


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


def classify(paras: Iterable[Paragraph], only: Optional[str] = None) -> list[Item]:
    """Run the block and label rules over each paragraph."""
    return [
        Item(i, p, classify_block(p.text), find_labels(p.text, only))
        for i, p in enumerate(paras)
    ]


def _field_word(key: str) -> bool:
    words = key.split(" ")
    return key in P.FIELD_WORDS or (len(words) <= 2 and words[0] in P.FIELD_WORDS)


def _label_of(item: Item, rule: str) -> Optional[Label]:
    for label in item.labels:
        if label.rule == rule:
            return label
    return None


@attrs.frozen(slots=True)
class _Choice:
    rule: str
    accepted: frozenset[str]  # name keys
    covered: int  # labelled paragraphs the accepted names cover
    first: int  # item index of the first accepted label
    last: int  # item index of the last accepted label


def _main_cluster(positions: Sequence[int]) -> tuple[int, int]:
    """The (first, last) positions of the densest run of labels.

    Labels of one dialogue sit close together; a label-like line far from
    them (a post title "Trade: How Free…" further down a blog page) is a
    different thing.  Runs split where a gap is much wider than usual."""
    gaps = sorted(b - a for a, b in zip(positions, positions[1:]))
    if not gaps:
        return positions[0], positions[-1]
    limit = max(25, 8 * gaps[len(gaps) // 2])
    runs: list[list[int]] = [[positions[0]]]
    for a, b in zip(positions, positions[1:]):
        if b - a > limit:
            runs.append([])
        runs[-1].append(b)
    best = max(runs, key=len)
    return best[0], best[-1]


def _choose(items: Sequence[Item], context_text: str, rules: Sequence[str]) -> Optional[_Choice]:
    """The convention with the most evidence, and its accepted names."""
    best: Optional[_Choice] = None
    for rule in rules:
        counts: Counter[str] = Counter()
        written: dict[str, str] = {}
        where: list[tuple[int, str]] = []
        for item in items:
            label = _label_of(item, rule)
            if label is not None:
                key = name_key(label.name)
                counts[key] += 1
                written.setdefault(key, label.name)
                where.append((item.index, key))
        accepted = {
            key
            for key, n in counts.items()
            if not _field_word(key)
            and (n >= 2 or (" " in key and written[key] in context_text))
        }
        positions = [i for i, key in where if key in accepted]
        if not positions:
            continue
        lo, hi = _main_cluster(positions)
        inside = Counter(key for i, key in where if lo <= i <= hi and not _field_word(key))
        strong = {k for k, n in inside.items() if n >= 2 or (" " in k and written[k] in context_text)}
        covered = sum(inside.values())
        named = any(written[k] in context_text for k in strong)
        # A dialogue needs two voices, or one voice the document names.
        if not strong or covered < 2 or (len(inside) < 2 and not named) or (len(strong) < 2 and covered < 3 and not named):
            continue
        if best is None or covered > best.covered:
            best = _Choice(rule, frozenset(inside), covered, lo, hi)
    return best


def _speakers(names: Sequence[str], counts: Counter[str]) -> tuple[list[Speaker], dict[str, str]]:
    """One speaker per person: spellings of one person ("Mike Horowitz",
    "Michael Horowitz") merge, the most used becoming the name."""
    groups: list[list[str]] = []
    for name in names:
        for group in groups:
            if same_person(group[0], name):
                group.append(name)
                break
        else:
            groups.append([name])
    canon = [max(g, key=lambda n: (counts[n], -g.index(n))) for g in groups]
    ids = unique_slugs(display_name(c) for c in canon)
    speakers, id_of = [], {}
    for sid, c, group in zip(ids, canon, groups):
        aliases = tuple(dict.fromkeys(display_name(n) for n in group if n != c and display_name(n) != display_name(c)))
        speakers.append(Speaker(id=sid, name=display_name(c), aliases=aliases))
        for n in group:
            id_of[n] = sid
    return speakers, id_of


@attrs.define
class _OpenTurn:
    """A turn while it is being read."""

    speaker: str
    paragraphs: list[str]
    start: Optional[float]
    first: int
    last: int


def assemble(items: Sequence[Item], forced: Optional[str] = None) -> Dialogue:
    """Decide the convention, the speakers and the turns."""
    n = len(items)
    none: tuple[Optional[int], ...] = (None,) * n
    context_text = "\n".join(it.text for it in items if not it.labels)
    rules = [forced] if forced else [r.name for r in LABEL_RULES]
    choice = _choose(items, context_text, rules)
    unsure: list[Unsure] = []
    if choice is None:
        for it in items:
            for label in it.labels[:1]:
                unsure.append(Unsure(it.para.first.number, f"{label.name!r} looks like a label but has no evidence"))
        return Dialogue(None, (), (), none, none, None, None, tuple(unsure))

    rule = choice.rule
    labelled = [i for i, it in enumerate(items) if _label_of(it, rule) is not None]
    first, last = choice.first, choice.last

    # Inside the dialogue a label used once is accepted too (a caller, a
    # one-off voice), unless its name is a field word such as "Summary".
    label_at: dict[int, Label] = {}
    for i in labelled:
        label = _label_of(items[i], rule)
        assert label is not None
        key = name_key(label.name)
        if first <= i <= last and (key in choice.accepted or not _field_word(key)):
            label_at[i] = label
        else:
            unsure.append(Unsure(items[i].para.first.number, f"label {label.name!r} not accepted: outside the dialogue"))

    written = list(dict.fromkeys(label.name for label in label_at.values()))
    counts = Counter(label.name for label in label_at.values())
    speakers, id_of = _speakers(written, counts)

    speech: list[Optional[int]] = [None] * n
    block_turn: list[Optional[int]] = [None] * n
    turns: list[_OpenTurn] = []
    end = n
    for i in range(first, n):
        it = items[i]
        label = label_at.get(i)
        if label is not None:
            turns.append(
                _OpenTurn(
                    id_of[label.name],
                    [label.text] if label.text else [],
                    label.start,
                    it.para.first.number,
                    it.para.lines[-1].number,
                )
            )
            speech[i] = len(turns) - 1
            continue
        after_last = i > last
        if it.kind in INTERRUPTING or (after_last and it.kind in ENDING) or it.kind == "heading" and it.text.startswith("#"):
            if after_last and it.kind in ENDING:
                end = i
                break
            block_turn[i] = len(turns) - 1
            continue
        turn = turns[-1]
        turn.paragraphs.append(it.text)
        turn.last = it.para.lines[-1].number
        speech[i] = len(turns) - 1

    built = []
    for k, t in enumerate(turns):
        start = t.start
        nxt = turns[k + 1].start if k + 1 < len(turns) else None
        end_time = nxt if start is not None and nxt is not None and nxt >= start else None
        built.append(
            Turn(
                index=k,
                speaker=t.speaker,
                paragraphs=tuple(t.paragraphs),
                start=start,
                end=end_time,
                timing="given" if start is not None else None,
                lines=Span(t.first, t.last),
            )
        )
    return Dialogue(rule, tuple(speakers), tuple(built), tuple(speech), tuple(block_turn), first, end, tuple(unsure))
