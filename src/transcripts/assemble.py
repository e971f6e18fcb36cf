"""The chosen labels → turns.

:mod:`transcripts.evidence` has decided which paragraphs open a turn and
:mod:`transcripts.resolve` who each label is; this module walks the
paragraphs once and builds the turns: unlabelled paragraphs continue the
current turn; notes, events, breaks and the like between them are blocks
that remember the turn they follow; a time alone on its line gives its
start to the labels below it; a bracketed time or an aside opening a
paragraph of speech is split off.  It also gives a talk its speaker: the
unlabelled speech before the first label (or in a document without labels)
belongs to the one speaker the document names, and in a talk whose only
labels are the audience's questions ("Q: …") the unlabelled answers are
that speaker's.
"""

from __future__ import annotations

from typing import Optional, Sequence

import attrs

from . import _patterns as P
from .evidence import BOLD_QUESTIONS, Choice, Unsure, questioner
from .items import Item
from .model import Span, Speaker, Turn
from .resolve import Resolution
from .rules import RuleSet
from .times import leading_time, parse_time, stamp_time

__all__ = ["Aside", "Dialogue", "ENDING", "INTERRUPTING", "UNLABELLED", "assemble"]

#: First characters of speech that may open with a time or an aside.
_MARKED = frozenset("([\\")
_DIGITS = frozenset("0123456789")

#: Kinds that sit between turns as blocks without ending the dialogue.
def _sentence(text: str) -> bool:
    """Whether a short line without a closing stop, which reads as a
    heading, is a sentence of the speech: five words or more, most of them
    after the first in lower case ("Get in on the newsletter at
    example.com/news", not "Related Episodes" or "Tom Reyes (Acme)")."""
    words = text.split(" ")
    if len(words) < 5 or text[:1] in "#*_[<":
        return False
    return 2 * sum(1 for w in words[1:] if w[:1].islower()) > len(words) - 1


INTERRUPTING = frozenset({"note", "event", "break", "chrome", "metadata", "timestamp", "elision", "paywall", "date"})
#: Kinds that end the dialogue when they follow the last labelled turn.
ENDING = frozenset({"heading", "date", "chrome", "elision", "paywall", "topic_list", "metadata", "break"})

#: The convention recorded for speech without labels, given to the one
#: speaker the document names.
UNLABELLED = "unlabelled"


@attrs.frozen(slots=True)
class Aside:
    """A note, event or time that opened a paragraph of speech ("(As
    interpreted.)", "(Laughs.)", "\\[08:02\\]"), split off from it."""

    item: int
    kind: str
    text: str
    turn: int
    at: Optional[int] = None  # how many of the turn's paragraphs come before it (None: before its label)


@attrs.frozen(slots=True)
class Dialogue:
    """What :func:`assemble` found: the convention, the speakers and turns,
    the item indices where the dialogue starts and just past where it ends,
    the doubts and the asides split off speech.  Each item records whether
    it is speech and its turn (see :class:`transcripts.items.Item`)."""

    convention: Optional[str]
    speakers: tuple[Speaker, ...] = ()
    turns: tuple[Turn, ...] = ()
    first: Optional[int] = None
    end: Optional[int] = None
    unsure: tuple[Unsure, ...] = ()
    asides: tuple[Aside, ...] = ()


class _Builder:
    """The turns under construction, one list per field."""

    def __init__(self, items: Sequence[Item], rules: RuleSet) -> None:
        self.items = items
        self.rules = rules
        self.who: list[str] = []
        self.paras: list[list[str]] = []
        self.starts: list[Optional[float]] = []
        self.spans: list[list[int]] = []
        self.asides: list[Aside] = []
        self.k = -1  # the current turn's index (read per paragraph: a field, not a property)

    def open(self, speaker: str, start: Optional[float], item: Item) -> None:
        self.k += 1
        self.who.append(speaker)
        self.paras.append([])
        self.starts.append(start)
        self.spans.append([item.line, item.last])

    def speak(self, i: int, text: str) -> None:
        """Add speech to the current turn, splitting off what opens it: a
        bracketed time gives the turn its start, or else is kept as a
        timestamp block; a note or an event becomes a block of its own."""
        k = self.k
        if text[:1] in _MARKED:
            stamp = leading_time(text)
            if stamp is not None:
                seconds, written, text = stamp
                if self.starts[k] is None and not self.paras[k]:
                    self.starts[k] = seconds
                else:
                    self.asides.append(Aside(i, "timestamp", written, k, len(self.paras[k])))
            aside = self.rules.leading_aside(text)
            if aside is not None:
                kind, note, text = aside
                self.asides.append(Aside(i, kind, note, k, len(self.paras[k])))
            elif text[:1] in _MARKED:
                kind = self.rules.classify_block(text)
                if kind in ("event", "note"):
                    self.asides.append(Aside(i, kind, text, k, len(self.paras[k])))
                    return
        if text:
            self.paras[k].append(text)

    def extend(self, item: Item) -> None:
        self.spans[self.k][1] = item.last

    def turns(self) -> tuple[Turn, ...]:
        """The turns, made once: each turn's working lists go as its turn
        is made, so that the two are not held at once (the builder is done)."""
        out = []
        n = len(self.who)
        paras, spans, starts = self.paras, self.spans, self.starts
        for j in range(n):
            start = starts[j]
            nxt = starts[j + 1] if j + 1 < n else None
            (a, z), said = spans[j], paras[j]
            spans[j] = paras[j] = None  # type: ignore[call-overload]
            out.append(
                Turn(
                    j,
                    self.who[j],
                    tuple(said),
                    start,
                    nxt if start is not None and nxt is not None and nxt >= start else None,
                    "given" if start is not None else None,
                    Span(a, z),
                )
            )
        return tuple(out)


def _speech_below(items: Sequence[Item], i: int, label_at: dict) -> bool:  # type: ignore[type-arg]
    """Whether the paragraph after a label is speech (not another label, a
    time line or the end)."""
    j = i + 1
    return j < len(items) and j not in label_at and items[j].kind not in ("timestamp", "break")


def _time_above(items: Sequence[Item], i: int) -> Optional[float]:
    """The time on a line above item ``i``, with only blocks between."""
    for j in range(i - 1, max(i - 6, -1), -1):
        kind = items[j].kind
        if kind == "timestamp":
            return stamp_time(items[j].text)
        if kind not in INTERRUPTING:
            return None
    return None


def _in_cue(items: Sequence[Item], i: int) -> bool:
    """Whether item ``i`` sits inside a cue: below its time (and the
    archive's "_page : 12" lines), above its label, no blank line between
    ("[00:01:39:15]", "# Canaveral CC", "CC: Seven, this is Cape.")."""
    below = items[i + 1].line
    if not items[i].single or below != items[i].last + 1:
        return False
    for j in range(i - 1, max(i - 4, -1), -1):
        if items[j].last != items[j + 1].line - 1:
            return False
        kind = items[j].kind
        if kind == "timestamp":
            return True
        if kind != "metadata":
            return False
    return False


def _talk_start(items: Sequence[Item], stop: int) -> Optional[int]:
    """The first paragraph of unlabelled speech before item ``stop``: the
    first prose paragraph (what comes before it is the page's header)."""
    for i in range(stop):
        it = items[i]
        if not it.seen_labels and it.kind == "prose":
            return i
    return None


def _action_above(items: Sequence[Item], first_label: int, scenes: frozenset[int]) -> None:
    """A script's action between its first scene heading and its first
    name: notes, as the action between the speeches is."""
    top = min(scenes, default=first_label)
    for it in items[top + 1 : first_label]:
        if it.kind in ("prose", "heading") and it.index not in scenes:
            it.kind = "note"


def assemble(
    items: Sequence[Item],
    choice: Optional[Choice],
    unsure: Sequence[Unsure],
    resolution: Resolution,
    rules: RuleSet,
    lead: Optional[str] = None,
    scenes: Optional[frozenset[int]] = None,
) -> Dialogue:
    """Build the turns of the chosen labels; ``lead`` is the speaker id of
    the one speaker the document names, who speaks what no label claims
    before the first label (or in a document without labels).  ``scenes``
    says the dialogue is a screenplay's (see
    :func:`transcripts.evidence.scenes`): its scene headings are headings
    between the turns, and a paragraph that is not right below a name or
    its speech is the scene's action, a note."""
    n = len(items)
    label_at = {c.item: c.label for c in choice.labels} if choice is not None else {}
    first_label = choice.labels[0].item if choice is not None else n
    last = choice.labels[-1].item if choice is not None else n
    # (a print interview's intro above its bold questions is no one's speech)
    start = _talk_start(items, first_label) if lead is not None and not (choice is not None and choice.template == BOLD_QUESTIONS) else None
    if start is None and choice is None:
        return Dialogue(None, unsure=tuple(unsure))
    first = start if start is not None else first_label
    answers = (
        lead is not None
        and choice is not None
        and all(questioner(c.key, c.label.kind) for c in choice.labels)
    )
    questioners = {resolution.speaker_of[c.label.name] for c in choice.labels} if answers and choice else set()

    b = _Builder(items, rules)
    # A time alone on its line gives its start to the labels below it,
    # until the next one.
    pending = _time_above(items, first)
    end = n
    # Whether "## headings" divide the document before its last label.
    sections = any(it.index not in label_at and it.text[:1] == "#" and it.kind == "heading" for it in items[:last])
    script = scenes is not None
    headings = scenes or frozenset()  # a script's scene headings
    if script:
        sections = sections or any(k < last for k in headings)
        _action_above(items, first_label, headings)
    chain = -1  # in a script: the last item of a name and the speech right below it
    # Whether the dialogue is a blockquote ("> **Ann:** …"): its follow-on
    # paragraphs then carry the quote's mark too, which is markup, not speech.
    quoted = choice is not None and any(c.label.markup[:1] == ">" for c in choice.labels)
    for i in range(first, n):
        it = items[i]
        label = label_at.get(i)
        if label is not None:
            start, text = label.start, label.text
            if text[:1] in _DIGITS and start is None and P.TIME_REST.match(text) and _speech_below(items, i, label_at):
                start, text = parse_time(text), ""  # "Ines Caro: 00:00:00", the speech below
            b.open(resolution.speaker_of[label.name], start if start is not None else pending, it)
            it.label, it.speech, it.turn = label, True, b.k
            chain = i
            if label.prefix:
                # before the label: a time of day, or a question's number ("Q1. [901234]")
                b.asides.append(Aside(i, "date" if ":" in label.prefix else "note", label.prefix, b.k, None))
            if text:
                b.speak(i, text)
            continue
        if choice is not None and i in choice.markers:
            it.kind = "break"  # a label that never speaks: a segment marker
        elif it.text[:1] == "#" and i + 1 in label_at and _in_cue(items, i) and it.kind == "heading":
            it.kind = "note"  # a log's comment between a cue's time and its label
        if script:
            if chain == i - 1 and it.line == items[i - 1].last + 1:
                chain = i  # right below the name or its speech (or its parenthetical)
            elif i in headings:
                it.kind = "heading"
            elif it.kind in ("prose", "heading", "list_item"):
                it.kind = "note"  # the scene's action
        kind = it.kind
        section = kind == "heading" and (it.text[:1] == "#" or i in headings)
        # After the last label the page goes on, but a "## heading" like
        # those between the turns is one more section of the talk, and a
        # label alone on its line has its speech below it.
        if (
            i > last
            and kind in ENDING
            and not (section and sections)
            and not (i == last + 1 and not b.paras[b.k])
            and not (kind == "heading" and not section and b.paras[b.k] and _sentence(it.text))
        ):
            end = i
            break
        if kind == "timestamp":
            pending = stamp_time(it.text)
            if b.k >= 0 and b.starts[b.k] is None and not b.paras[b.k] and i > first_label:
                # A time between a label alone and its speech ("Ann Lee",
                # "00:00:01", the speech): the start of that turn.
                b.starts[b.k], pending = pending, None
        if kind in INTERRUPTING or section or (b.k < 0 and kind != "prose"):
            it.turn = b.k if b.k >= 0 else None
            it.at = len(b.paras[b.k]) if b.k >= 0 else None
            continue
        if lead is not None and (b.k < 0 or (b.who[b.k] in questioners and b.paras[b.k])):
            # The talk before the first label, or an answer to a question.
            b.open(lead, pending if i >= first_label else None, it)
        text = it.text
        if quoted and text[:2] == "> ":
            text = text[2:]
        b.speak(i, text)
        b.extend(it)
        it.speech, it.turn = True, b.k
    convention = choice.convention if choice is not None else UNLABELLED
    speakers = resolution.speakers
    used = set(b.who)
    speakers = tuple(s for s in speakers if s.id in used)
    return Dialogue(convention, speakers, b.turns(), first, end, tuple(unsure), tuple(b.asides))
