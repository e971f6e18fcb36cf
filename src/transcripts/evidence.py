"""Label candidates → the document's template and its speakers' labels.

The rules propose; this module decides.  Candidates are grouped by the
*template* of the rule that read them (the markup, delimiter and time
around a label: "**Name:**", "Name:", "[00:12] Name:", "Chairman HOLLIS."),
and the template whose accepted labels cover the most paragraphs wins.
Within it a label is accepted on evidence, whatever its words look like:

* it labels several paragraphs, or the document names that person (front
  matter, an intro, a participants line): it is a *strong* voice, accepted
  wherever it stands;
* or it is used once, inside the dialogue the strong voices make (or next
  to it, for labels with markup), with speech, and written in the style of
  the others (in capitals or not).

A known non-speaker ("Break", "Summary", "Podcast: https://…", "_page")
is never a speaker and raises no doubt; every other candidate of the
winning template that is not accepted is kept as an :class:`Unsure` line
with the reason, so nothing fits the template and is silently taken for
speech.  A dialogue needs two voices, or one voice that labels many
paragraphs (a narrator, a public-affairs officer) or that the document
names, or the questions of a talk's audience ("Q: …", answered below);
two full names used once each and nothing else is a dialogue too.

Markup that pages use for other things asks more.  Where one template's
labels come in several markups ("**Ann Lee:**" and a list's "- **Feature:**
…"), the dialogue's markup is the one whose voices recur, and a label in
another fits only as one of its voices.  A marked name alone on its line
("**Ann Lee**", "### Ann Lee": mostly titles and sections) and labels in
italics, a list or a blockquote (also a glossary's terms) make a dialogue
only with two voices that recur, one of them again within a section (the
same terms under each heading are a form); a voice used once is accepted
only when named above the dialogue as the label writes it; list and
italic voices must also take turns.  In plain bold, the same terms once
each under every heading ("## Hugo", "**Pros:**", "**Cons:**", "## Jekyll",
the same again) are an article's form, not voices.
"""

from __future__ import annotations

import functools
from collections import Counter
from typing import Optional, Sequence

import attrs
import regex

from . import _patterns as P
from . import words as W
from .items import Item
from .model import UNKNOWN_SPEAKER
from .names import NameIndex, initials, name_key, words_of
from .resolve import Person, generic_side
from .rules import Label, RuleSet
from .slots import field_word, read_slot

__all__ = ["BOLD_QUESTIONS", "Candidate", "Choice", "KNOWN_LOOKALIKES", "Unsure", "bold_questions", "cast", "choose", "named_keys", "questioner", "scenes"]

#: Kinds of paragraphs that look like labels but are known to be
#: something else ("**Break:** \\[13:19\\]", "Summary: …", "Slides: https://…").
KNOWN_LOOKALIKES = frozenset({"break", "chrome", "note", "metadata"})

#: Beyond this many distinct label names, short forms are not looked for
#: (each is compared with every other).
MAX_NAMES_TO_POOL = 200

#: A single voice makes a dialogue when it labels at least this many paragraphs.
SINGLE_VOICE_MIN = 3

#: Slot kinds whose short forms fold into a longer name ("INSKEEP" of
#: "STEVE INSKEEP"); role words never do ("AUDIENCE" is not "AUDIENCE MEMBER").
_FOLDING = frozenset({"person", "caps"})

#: Templates without markup of their own, whose one-off labels must look
#: like the others ("Bridges:" in a briefing of "THE PRESIDENT:" is a list
#: item of the speech).  Markup ("**conejoninja**:") is evidence enough.
PLAIN_TEMPLATES = frozenset({"colon", "own-line"})

#: Templates whose labels are a page's common markup too: a bold line or a
#: heading alone ("**Marisol Vega**", "### Marisol Vega") is mostly a title
#: or a section.  Their dialogue needs two voices that recur, and a voice
#: used once must be named above the first of its labels.
STRICT_TEMPLATES = frozenset({"marked-own-line"})

#: Markup that a list of terms in bold or italics is written in as well
#: ("- **Feature:** what it does", "*Note:* …"): a dialogue written so needs
#: two voices that recur and alternate, and a term used once is no voice.
#: A dialogue in the plain markup ("**Name:**") takes them only for its
#: own voices.
WEAK_MARKUPS = frozenset({"*", "-**", "-*", ">**", ">*"})

#: First characters of a label's rest that may make it only a time.
_TIME_FIRST = frozenset("\\[(0123456789")

#: First characters of a label's rest that may make it a link, not speech.
_LINK_FIRST = frozenset("h<w")  # (a markdown link "[Hello there.](…)" quotes words)


@attrs.frozen(slots=True)
class Unsure:
    """A line the parser was unsure about, and why."""

    line: int
    reason: str


# Made by the thousand per document: a plain slotted class.
@attrs.define(slots=True, eq=True)
class Candidate:
    """One label candidate of one template."""

    item: int
    label: Label
    key: str


@attrs.frozen(slots=True)
class Choice:
    """The winning template, the convention it is recorded as, the
    accepted labels in document order, and the doubts."""

    convention: str
    template: str
    labels: tuple[Candidate, ...]
    unsure: tuple[Unsure, ...]
    markers: frozenset[int] = frozenset()  # items of labels that never speak ("**Jingle:** \\[09:56\\]")


#: How many paragraphs from the top may name a person, which is evidence
#: for a label with that name.
NAMED_REACH = 200


def intro_end(items: Sequence[Item], bare: frozenset[str], reach: int = NAMED_REACH) -> int:
    """The index of the first paragraph that opens with a label with markup
    (``bare`` names the rules without: a name alone on its line may be the
    page's title) and is not a known look-alike ("Participants: …"): the
    intro ends there."""
    for it in items[:reach]:
        for label in it.seen_labels:
            if label.rule not in bare and not field_word(name_key(label.name)) and it.kind not in KNOWN_LOOKALIKES:
                return it.index
    return min(len(items), reach)


def named_keys(items: Sequence[Item], people: Sequence[Person], bare: frozenset[str]) -> frozenset[str]:
    """Keys of label names the document introduces: the people its front
    matter, intro or participants line names (with the initials, given
    name and surname of those listed as speakers, "MM" for "Maya Moreau"),
    and the names written in the prose of its intro, the paragraphs above
    the first label with markup (``bare`` rules: a name alone on its line
    may be the page's title)."""
    keys = set()
    for p in people:
        keys.add(name_key(p.name))
        if p.initials:
            keys.add(name_key(p.initials))
        if p.label:
            keys.add(name_key(p.label))
        if p.listed:
            parts = words_of(p.name)
            if len(parts) > 1:
                keys.update((parts[0], parts[-1], initials(p.name).casefold()))
    multiword = {name_key(label.name): label.name for it in items for label in it.labels if " " in label.name}
    if multiword:
        prose = "\n".join(it.text for it in items[: intro_end(items, bare)] if not it.seen_labels and it.kind == "prose")
        folded = name_key(prose)
        keys.update(k for k in multiword if k in folded and regex.search(rf"(?<![\w]){regex.escape(k)}(?![\w])", folded))
    return frozenset(keys)


def _tally(items: Sequence[Item]) -> dict[str, list[Candidate]]:
    """Every label candidate, grouped by template, in one pass.  Within a
    template an item keeps the label of its first rule ("Q  Diplomacy:
    Can you…" is a bare Q asking about diplomacy, not "Q Diplomacy")."""
    seen: dict[str, list[Candidate]] = {}
    for item in items:
        labels = item.labels
        if not labels:
            continue
        if len(labels) == 1:  # the common case, quickly
            label = labels[0]
            bucket = seen.get(label.template)
            if bucket is None:
                bucket = seen[label.template] = []
            bucket.append(Candidate(item.index, label, name_key(label.name)))
            continue
        taken: set[str] = set()
        for label in labels:
            if label.template in taken:
                continue
            taken.add(label.template)
            seen.setdefault(label.template, []).append(Candidate(item.index, label, name_key(label.name)))
    return seen


@functools.lru_cache(maxsize=4096)
def _capitals(name: str) -> bool:
    """The style of a label: written in capitals or not (a name in a
    script without case, "李娜", is not)."""
    return name.upper() == name and name.lower() != name


def _runs(positions: Sequence[int]) -> tuple[list[list[int]], int]:
    """The runs of strong label positions, split where a gap is much wider
    than usual, and how far from a run a label used once may stand and
    still belong to it.

    Labels of one dialogue sit close together; a label-like line far from
    them (a post title "Trade: How Free…" further down a blog page) is a
    different thing.  The longest run, and every run of three labels or
    more, is dialogue (a long opening statement splits a briefing in two
    runs; both are dialogue)."""
    gaps = sorted(b - a for a, b in zip(positions, positions[1:]))
    if not gaps:
        return [list(positions)], 3
    usual = gaps[len(gaps) // 2]
    limit = max(25, 8 * usual)
    runs: list[list[int]] = [[positions[0]]]
    for a, b in zip(positions, positions[1:]):
        if b - a > limit:
            runs.append([])
        runs[-1].append(b)
    best = max(runs, key=len)
    return [r for r in runs if r is best or len(r) >= 3], 2 * usual + 1


def _short_forms(cands: Sequence[Candidate]) -> dict[str, str]:
    """Name key → the key of the longer label name it is a short form of,
    for person names only."""
    written = {c.key: c.label.name for c in cands if c.label.kind in _FOLDING}
    if len(written) > MAX_NAMES_TO_POOL:
        return {}
    longer = NameIndex(w for w in written.values() if " " in w)
    out = {}
    for key, name in written.items():
        whole = longer.part_of(name)
        if whole is not None:
            out[key] = name_key(whole)
    return out


def questioner(key: str, kind: str) -> bool:
    """"Q", "Question", "Audience member": a voice that asks."""
    return key in W.GENERIC_HOST or (kind == "role" and "audience" in key)


def _lookalike(c: Candidate, items: Sequence[Item], named: frozenset[str] = frozenset()) -> bool:
    """A known non-speaker: a field word ("Summary", "Video", "Break"), or
    a label whose paragraph is known to be something else (chrome such as
    a field whose value is a link, a note, a metadata line).  Whether a
    label with only a time is a segment marker ("**Jingle:** \\[09:56\\]") or
    a speaker whose speech is below ("Speaker 2 [00:00:09]") the evidence
    decides."""
    if field_word(c.key):
        return c.key not in named  # (initials "AD" a participants line gives are no ad)
    rest = c.label.text
    return (not rest or rest[:1] in _LINK_FIRST) and items[c.item].kind in _NOT_SPEECH


_NOT_SPEECH = KNOWN_LOOKALIKES - {"break"}


def _cast_line(c: Candidate) -> bool:
    """A header's field naming who plays a part, before anyone speaks: a
    voice's role and a name or a code alone ("Interviewer: Dr. A. Mensah",
    "Respondent: R12"), or a participant's number ("Participant ID:
    P07")."""
    rest = c.label.text
    if c.key.rsplit(" ", 1)[-1] in _NUMBER_FIELDS:
        return " " not in rest
    if c.label.kind != "role" or questioner(c.key, c.label.kind) and len(c.key) == 1:
        return False  # ("Q: Daniel Ferreira?" asks; "Q: Budapest" may answer)
    slot = read_slot(rest)
    return slot is not None and (slot.kind in ("person", "caps") and " " in slot.name or _CODE.match(rest) is not None)


def _full_name_value(rest: str) -> bool:
    """A header field's value that is a person's full name ("Maria Lopez",
    "Dr. A. Mensah"), not a code or one word."""
    slot = read_slot(rest)
    return slot is not None and slot.kind in ("person", "caps") and " " in slot.name


def _legend(cands: Sequence[Candidate], at: int) -> bool:
    """A legend's line above the dialogue saying whom its one-letter labels
    stand for ("Q: Daniel Ferreira" with "A: Maria Lopez" on the next
    line): each a full name and nothing else, the two sides of the
    interview next to each other (one such line alone may be an answer)."""
    c = cands[at]
    side = generic_side(c.key)
    if side is None or len(c.key) != 1 or not _full_name_value(c.label.text):
        return False
    for j in (at - 1, at + 1):
        if 0 <= j < len(cands):
            d = cands[j]
            other = generic_side(d.key)
            if abs(d.item - c.item) == 1 and other is not None and other != side and len(d.key) == 1 and _full_name_value(d.label.text):
                return True
    return False


#: How many paragraphs from the top a header naming who plays a part may reach.
CAST_REACH = 30


def cast(items: Sequence[Item]) -> list[Person]:
    """The people a header above the dialogue names by the part they play
    ("Interviewer: Daniel Ferreira", "Interviewee: Maria Lopez", a legend's
    "Q: Daniel Ferreira" and "A: Maria Lopez"), each with the label that
    stands for them and the role the part gives.  The header is the run of
    labels whose rest is a field's value (a few words, no sentence) before
    the first label with speech, as :func:`choose` reads it."""
    cands = [
        Candidate(it.index, label, name_key(label.name))
        for it in items[:CAST_REACH]
        for label in it.labels[:1]
        if label.template == "colon"
    ]
    out = []
    for at, c in enumerate(cands):
        if field_word(c.key) or _lookalike(c, items):
            continue
        if not _field_value(c.label.text):
            break
        if (_cast_line(c) or _legend(cands, at)) and _full_name_value(c.label.text):
            role = generic_side(c.key) or W.ROLE_WORDS.get(c.key)
            out.append(Person(read_slot(c.label.text).name, role, listed=True, label=c.label.name))  # type: ignore[union-attr]
    return out


def _field_value(rest: str) -> bool:
    """What a header's field holds after its key: a few words, no sentence."""
    return bool(rest) and len(rest) <= 60 and rest[-1:] not in _SENTENCE_END


_SENTENCE_END = frozenset(".?!…:;,")
_NUMBER_FIELDS = frozenset(("id", "number", "no.", "code"))
_CODE = regex.compile(r"^[A-Z]{1,3}-?\d{1,4}$")


@attrs.frozen(slots=True)
class _Verdict:
    labels: tuple[Candidate, ...]
    unsure: tuple[Unsure, ...]
    markers: frozenset[int] = frozenset()


def _evaluate(cands: Sequence[Candidate], items: Sequence[Item], named: frozenset[str], bare: frozenset[str]) -> Optional[_Verdict]:
    """The accepted labels of one template and the doubts, or None when the
    evidence does not make a dialogue.  ``bare`` names the rules whose
    labels have no markup at all."""
    known = [_lookalike(c, items, named) for c in cands]
    # A research interview's or an oral history's header, above the
    # dialogue: "Interviewer: Dr. A. Mensah", "Participant ID: P07".
    for at, c in enumerate(cands):
        if not known[at]:
            if not _field_value(c.label.text):
                break
            known[at] = _cast_line(c) or _legend(cands, at)
    live = [c for c, k in zip(cands, known) if not k]
    if not live:
        return None
    fold = _short_forms(live)
    voice = {id(c): fold.get(c.key, c.key) for c in live}
    counts = Counter(voice.values())
    labelled = {c.item for c in cands}
    unsure: list[Unsure] = []
    main, fitting = _one_markup(live, voice, counts, named, items, unsure)
    if len(fitting) != len(live):
        live, counts = fitting, Counter(voice[id(c)] for c in fitting)
    template = cands[0].label.template
    strict = template in STRICT_TEMPLATES or main in WEAK_MARKUPS
    if strict:
        # A voice used once counts only when it is named above the dialogue.
        named = _named_above(named, [c for c in live if counts[voice[id(c)]] < 2], live[0].item, items)

    def speaks(c: Candidate) -> bool:
        """Whether a label has speech: on its line, or in the paragraph
        after it (not another label)."""
        return bool(c.label.text) or (c.item + 1 < len(items) and c.item + 1 not in labelled)

    def timed(c: Candidate) -> bool:
        """A label whose rest is only a time (or a span of two) and has no
        speech below it."""
        text = c.label.text
        return bool(text) and text[:1] in _TIME_FIRST and (P.TIME_REST.match(text) or P.TIME_SPAN_REST.match(text)) is not None and (
            c.item + 1 >= len(items) or c.item + 1 in labelled
        )

    # A voice that only ever marks a time ("**Jingle:** \\[09:56\\]" before
    # each segment) is a marker, not a speaker.
    speaking = {voice[id(c)] for c in live if not timed(c)}
    strong = {v for v, n in counts.items() if (n >= 2 or v in named) and v in speaking}
    plain = cands[0].label.template in PLAIN_TEMPLATES

    positions = [c.item for c in live if voice[id(c)] in strong]
    if not positions:
        return None if strict else _tiny(live, items, speaks)
    runs, reach = _runs(positions)
    spans = [(r[0], r[-1]) for r in runs]
    # A strong voice belongs to the dialogue when it speaks inside it; the
    # dialogue then reaches from its first label to its last.
    if len(spans) == 1:  # (the common case: one run, without a generator per label)
        lo, hi = spans[0]
        inside = {voice[id(c)] for c in live if voice[id(c)] in strong and lo <= c.item <= hi}
    else:
        inside = {voice[id(c)] for c in live if voice[id(c)] in strong and any(a <= c.item <= b for a, b in spans)}
    held = [c.item for c in live if voice[id(c)] in inside]
    spans = [(held[0], held[-1])]
    # The style of the dialogue's labels (short ones such as "Q", "CC" fit any).
    styles = {_capitals(c.label.name) for c in live if voice[id(c)] in inside and len(c.label.name) > 3}
    handles = any(c.label.kind == "handle" for c in live if voice[id(c)] in inside)
    # Whether the dialogue's speech opens in capitals ("Upgradeability: we
    # have a version mechanism", once among "Q: How…" and "A: Yes…", is a
    # term of the speech).
    openings = [c.label.text[:1] for c in live if voice[id(c)] in inside and c.label.text[:1].isalpha()]
    capitalised = len(openings) >= 5 and sum(1 for ch in openings if ch.isupper()) >= 0.9 * len(openings)
    accepted: list[Candidate] = []
    for c in live:
        v = voice[id(c)]
        if v in inside:
            accepted.append(c)
            continue
        label = c.label
        if strict and v not in strong:
            why = "used once, in italics or a list: a term, not a voice" if main in WEAK_MARKUPS else "a marked line used once: a title or a section"
            unsure.append(Unsure(items[c.item].line, f"label {label.name!r} not accepted: {why}"))
            continue
        # Next to the dialogue only with markup, or for a name of several
        # words or in capitals: a lone word and a colon before the first
        # label ("Today: tides.") is a talk's sentence.
        # (a word in a script without case, "対談", reads as caps: it is a lone word too)
        lone = plain and (label.kind == "person" or label.kind == "caps" and not _capitals(label.name)) and " " not in label.name
        slack = 0 if lone or label.rule in bare else reach
        near = v not in strong and any(a - slack <= c.item <= b + slack for a, b in spans)
        if not near:
            why = "outside the dialogue" if v in strong else "used once, outside the dialogue"
        elif v not in speaking:
            why = "only a time: a segment marker"
        elif plain and not speaks(c):
            why = "used once, without speech"  # (with markup, a clip nobody transcribed)
        elif plain and label.kind == "handle" and not handles:
            why = "a nickname used once"
        elif plain and label.name[:1].islower():
            why = "used once, in lower case"
        elif plain and styles and len(label.name) > 3 and label.kind != "mark" and _capitals(label.name) not in styles:
            why = "used once, written in another style than the dialogue's labels"
        elif plain and capitalised and label.text[:1].islower():
            why = "used once, its speech in lower case unlike the dialogue's: a term"
        else:
            accepted.append(c)
            continue
        unsure.append(Unsure(items[c.item].line, f"label {label.name!r} not accepted: {why}"))
    if not any(speaks(c) for c in accepted):
        return None  # labels without a word between them: not a dialogue
    voices = Counter(voice[id(c)] for c in accepted)
    if strict and not _recurring_dialogue(accepted, [voice[id(c)] for c in accepted], voices, main in WEAK_MARKUPS, items):
        return None
    if main == "**" and _sectioned_form(accepted, [voice[id(c)] for c in accepted], named, items):
        return None
    strong_voices = [v for v in voices if v in strong]
    is_named = any(v in named for v in strong_voices)
    if len(voices) < 2:
        (only,) = voices
        first = next(c for c in accepted if voice[id(c)] == only)
        many = (
            voices[only] >= SINGLE_VOICE_MIN
            and first.label.kind in _FOLDING
            and first.label.rule not in bare
            and len(first.label.name) > 1
        )
        # One numbered or unknown speaker alone ("Speaker 1:", "Unknown
        # Speaker:" on every paragraph): a recogniser's or a writer's label.
        many = many or (voices[only] >= SINGLE_VOICE_MIN and _numbered(first.label.name) and all(speaks(c) for c in accepted))
        # Questions from the floor of a talk ("Q: …" and the answer below it).
        asked = questioner(only, first.label.kind) and voices[only] >= 2 and all(speaks(c) for c in accepted)
        asked = asked and not _noted(accepted, items)
        if not (many or asked or (is_named and voices[only] >= 2)):
            return None
    elif len(strong_voices) < 2 and len(accepted) < 3 and not is_named:
        return None
    markers = frozenset(c.item for c in live if voice[id(c)] not in speaking)
    return _Verdict(tuple(accepted), tuple(unsure), markers)


def _numbered(name: str) -> bool:
    """A speaker no one named: "Speaker 1", "SPEAKER_00", "Unknown Speaker"."""
    return name == UNKNOWN_SPEAKER or P.NUMBERED_SPEAKER.match(name) is not None


_BULLETS = ("- ", "* ", "+ ", "• ")


def _noted(questions: Sequence[Candidate], items: Sequence[Item]) -> bool:
    """Whether questions are a list's items answered by list items ("-
    Question: Should we…?" and "  - most preferred…" below): notes of a
    discussion, not the questions of a talk, whose answers are speech."""
    for c in questions:
        below = items[c.item + 1].text if c.item + 1 < len(items) else ""
        if items[c.item].text[:2] not in _BULLETS or (below and below[:2] not in _BULLETS):
            return False
    return True


def _doubtful(cands: Sequence[Candidate]) -> Sequence[Candidate]:
    """The candidates of a template without a dialogue worth a doubt: of a
    strict template or in weak markup, only those whose words recur, and
    only where two of them do (a heading written twice is no voice)."""
    strict = cands[0].label.template in STRICT_TEMPLATES
    if not strict and not any(c.label.markup in WEAK_MARKUPS for c in cands):
        return cands
    keys = Counter(c.key for c in cands if strict or c.label.markup in WEAK_MARKUPS)
    recurring = {k for k, n in keys.items() if n >= 2}
    if len(recurring) < 2:
        recurring = set()
    return [c for c in cands if c.key in recurring or not (strict or c.label.markup in WEAK_MARKUPS)]


def _one_markup(
    live: list[Candidate], voice: dict[int, str], counts: Counter, named: frozenset[str], items: Sequence[Item], unsure: list[Unsure]
) -> tuple[str, list[Candidate]]:
    """The markup of the dialogue's labels ("**", "-**", "###"; "" for
    rules without variants) and the candidates that fit it.  Where labels
    of one template are written in several markups, the dialogue's is the
    one whose voices recur the most ("**Ann Lee:**" between which a list
    reads "- **Feature:** …"); a label in another markup fits only as a
    voice also written in the dialogue's.  The others are reported, but
    for headings at another level than the voices' (sections)."""
    first = live[0].label.markup
    if all(c.label.markup == first for c in live):
        return first, live
    score: Counter = Counter()
    total: Counter = Counter()
    for c in live:
        total[c.label.markup] += 1
        v = voice[id(c)]
        if counts[v] >= 2 or v in named:
            score[c.label.markup] += 1
    main = max(total, key=lambda m: (score[m], m == "**", total[m]))
    own = {voice[id(c)] for c in live if c.label.markup == main}
    kept = []
    for c in live:
        if c.label.markup == main or voice[id(c)] in own:
            kept.append(c)
        elif not (c.label.markup[:1] == "#" and main[:1] == "#"):
            unsure.append(Unsure(items[c.item].line, f"label {c.label.name!r} not accepted: written {_written(c.label.markup)}, unlike the dialogue's labels"))
    return main, kept


def _written(markup: str) -> str:
    """How a label's markup reads in a doubt: "in a list", "as a heading"."""
    if markup[:1] == "#":
        return "as a heading"
    if markup[:1] in "->":
        return "in a list" if markup[0] == "-" else "in a blockquote"
    return "in italics" if markup == "*" else "in bold"


def _named_above(named: frozenset[str], once: Sequence[Candidate], first: int, items: Sequence[Item]) -> frozenset[str]:
    """Of the keys of labels used once, those named above the first label
    as the label writes the name ("Odile Marchetti", not "sea walls" for
    "### Sea Walls"), or named by the front matter and never written in the
    text: a phrase of the speech under a heading is no introduction."""
    wanted = {c.key: c.label.name for c in once if c.key in named}
    if not wanted:
        return frozenset()
    above = "\n".join(it.text for it in items[:first] if not it.seen_labels)
    below = name_key("\n".join(it.text for it in items[first:] if not it.seen_labels))

    def written(name: str, text: str) -> bool:
        return name in text and regex.search(rf"(?<![\w]){regex.escape(name)}(?![\w])", text) is not None

    return frozenset(k for k, name in wanted.items() if written(name, above) or not written(k, below))


def _recurring_dialogue(accepted: Sequence[Candidate], order: Sequence[str], voices: Counter, alternate: bool, items: Sequence[Item]) -> bool:
    """Whether the accepted labels of a strict template make a dialogue: two
    voices that each label two paragraphs or more; a voice that comes back
    within a section (no markdown heading between two of its labels: the
    same terms under each heading, "### Problem", "### Solution", are a
    form, not voices); and for labels in italics or a list, voices that
    take turns, changing at least twice ("A B A", not one run of each)."""
    if sum(1 for n in voices.values() if n >= 2) < 2:
        return False
    if alternate and sum(1 for a, b in zip(order, order[1:]) if a != b) < 2:
        return False
    return _comes_back(accepted, order, items)


def _comes_back(accepted: Sequence[Candidate], order: Sequence[str], items: Sequence[Item]) -> bool:
    """Whether a voice labels two paragraphs of one section (no markdown
    heading between them)."""
    return any(len(set(run)) < len(run) for run in _by_section(accepted, order, items))


def _by_section(accepted: Sequence[Candidate], order: Sequence[str], items: Sequence[Item]) -> list[list[str]]:
    """The voices of the accepted labels, section by section (a markdown
    heading between two labels starts a section; sections without labels
    are left out)."""
    taken = {c.item for c in accepted}
    runs: list[list[str]] = [[]]
    k = 0
    for i in range(accepted[0].item, accepted[-1].item + 1):
        if i == accepted[k].item:
            runs[-1].append(order[k])
            k += 1
        elif i not in taken and items[i].text[:1] == "#" and items[i].kind == "heading" and runs[-1]:
            runs.append([])
    return runs


def _sectioned_form(accepted: Sequence[Candidate], order: Sequence[str], named: frozenset[str], items: Sequence[Item]) -> bool:
    """Whether labels in plain bold are a form repeated under each heading
    ("## Hugo", "**Pros:** …", "**Cons:** …", "## Jekyll", the same again):
    every section holds the same labels in the same order, each once, and
    none is a person the document introduces or a role ("Q", "Host": an
    interview of one question per heading).  A podcast with topic
    headings between its turns has voices that come back within a section
    or change from one section to the next."""
    if len(accepted) < 2 or any(voice in named for voice in order):
        return False
    if any(c.label.kind == "role" or questioner(c.key, c.label.kind) for c in accepted):
        return False
    runs = _by_section(accepted, order, items)
    return len(runs) >= 2 and all(run == runs[0] for run in runs) and len(set(runs[0])) == len(runs[0])


def _tiny(live: Sequence[Candidate], items: Sequence[Item], speaks) -> Optional[_Verdict]:  # type: ignore[no-untyped-def]
    """Two full names, each used once with speech, and (nearly) nothing
    else in the document: a dialogue."""
    full = [c for c in live if c.label.kind in _FOLDING and " " in c.label.name.strip() and speaks(c)]
    if len({c.key for c in full}) < 2 or 2 * len(full) < len(items) or len(full) != len(live):
        return None
    return _Verdict(tuple(full), ())


def _convention(template: str, rules: RuleSet, labels: Sequence[Candidate], named: frozenset[str], forced: Optional[str]) -> str:
    """The convention a template's document is recorded as: a template
    that several conventions share (a label and a colon) is recorded as its
    first one ("caps-colon") when its labels are written in capitals, else
    as its second.  Labels the document introduces ("MV" for "Marisol
    Vega (MV)") and one-letter ones ("Q", "A") say nothing of the style;
    short call signs ("CC", "PAO") do when nothing longer does; full names
    an intro gives ("ANN LEE:" for "I'm your host, Ann Lee") do; names in a
    script without case ("佐藤 花子") do not."""
    if forced is not None:
        return forced
    names = next(r.conventions for r in rules.label_rules if r.template == template)
    if len(names) == 1:
        return names[0]
    own = [
        c.label.name
        for c in labels
        if not (c.key in named and " " not in c.key and len(c.key) <= 5) and c.label.name.upper() != c.label.name.lower()
    ]
    styled = [_capitals(n) for n in own if len(n) > 3] or [_capitals(n) for n in own if len(n) > 1]
    return names[0] if styled and 2 * sum(styled) >= len(styled) else names[1]


def choose(items: Sequence[Item], named: frozenset[str], rules: RuleSet, forced: Optional[str] = None) -> tuple[Optional[Choice], tuple[Unsure, ...]]:
    """The winning template with its accepted labels (None when no template
    makes a dialogue), and the doubts: the rejected candidates of the
    winner, or every candidate when nothing won.  ``named`` holds the name
    keys the document introduces; ``forced`` names a convention whose rules
    alone were run."""
    seen = _tally(items)
    bare = frozenset(r.name for r in rules.label_rules if r.bare)
    best: Optional[tuple[str, _Verdict]] = None
    for template in rules.templates():
        if template not in seen:
            continue
        verdict = _evaluate(seen[template], items, named, bare)
        if verdict is not None and (best is None or len(verdict.labels) > len(best[1].labels)):
            best = (template, verdict)
    if best is None:
        # (a bold line, a heading or a list's term in bold used once is
        # what pages are made of: no doubt)
        doubts = {
            Unsure(items[c.item].line, f"{c.label.name!r} looks like a label but has no evidence")
            for cands in seen.values()
            for c in _doubtful(cands)
            if not _lookalike(c, items)
        }
        return None, tuple(sorted(doubts, key=lambda u: u.line))
    template, verdict = best
    labels, unsure = verdict.labels, verdict.unsure
    repaired = _damaged(items, labels)
    if repaired:
        labels = tuple(sorted(labels + tuple(c for c, _ in repaired), key=lambda c: c.item))
        unsure = tuple(sorted(unsure + tuple(u for _, u in repaired), key=lambda u: u.line))
    convention = _convention(template, rules, labels, named, forced)
    return Choice(convention, template, labels, unsure, verdict.markers), unsure


def scenes(items: Sequence[Item], choice: Optional[Choice]) -> Optional[frozenset[int]]:
    """Whether the dialogue is a screenplay's, and then the items of its
    scene headings ("INT. KITCHEN - NIGHT"); None when it is not.

    A screenplay writes each character's name alone on its line in
    capitals, the speech on the lines right below it, and between speeches
    the scene's action in paragraphs of their own: what is not right below
    a name (no blank line between) is no one's speech.  The document must
    say it is one: a scene heading, or a delivery mark after a name
    ("ELENA (O.S.)", "SAM (CONT'D)"); its names are in capitals and most
    of them have their speech right below them (a transcript of names alone
    on their lines, its speech after a blank line, in paragraphs, is no
    script)."""
    if choice is None or choice.template != "own-line":
        return None
    labels = choice.labels
    if sum(1 for c in labels if c.label.kind == "caps") < 0.9 * len(labels):
        return None
    attached = sum(
        1 for c in labels if c.item + 1 < len(items) and items[c.item + 1].line == items[c.item].last + 1 and not items[c.item + 1].labels
    )
    if attached < 0.8 * len(labels):
        return None
    found = frozenset(it.index for it in items if it.text[:1] in "IE" and not it.labels and P.SLUGLINE.match(it.text) is not None)
    marked = any(c.label.written != c.label.name and P.DELIVERY_END.search(c.label.written) is not None for c in labels)
    return found if found or marked else None


#: The convention of an interview whose questions are bold paragraphs,
#: without labels, and whose answers are the plain paragraphs below them.
BOLD_QUESTIONS = "bold-questions"

#: The generic label of such an interview's questions.
QUESTION = "Q"

#: How many questions make such an interview, and what share of its bold
#: paragraphs must end in a question mark.
BOLD_QUESTIONS_MIN = 3
BOLD_QUESTIONS_ASKED = 2 / 3

#: Kinds that may sit between such an interview's paragraphs without
#: breaking its alternation: an aside, a note, a time.
_BETWEEN = frozenset({"note", "event", "timestamp", "break"})


#: Kinds of an answer's paragraphs.
_ANSWER = frozenset({"prose", "heading", "list_item"})


def _bold_text(it: Item) -> Optional[str]:
    """The text of a paragraph bold from end to end, without labels."""
    if it.labels or it.text[:1] not in "*_":
        return None
    m = P.BOLD_PARAGRAPH.match(it.text)
    if m is None or "**" in m["text"] or "__" in m["text"]:
        return None
    return m["text"].strip()


def bold_questions(items: Sequence[Item]) -> Optional[Choice]:
    """A print interview whose questions are bold paragraphs ("**How did
    you begin?**") and whose answers are the plain paragraphs below each,
    as newspapers write them: the questions as labels of a generic "Q"
    (the answers are the interviewee's, see :mod:`transcripts.assemble`),
    or None.  The whole document must be written so: from the first bold
    paragraph on, every bold paragraph has a plain answer below it and
    every plain paragraph answers the bold one above it (a heading, an
    aside or a note may stand between), there are three questions or more,
    and two thirds of them end in a question mark (bold section titles
    above an article's paragraphs do not)."""
    questions: list[Candidate] = []
    answered = True
    asked = 0
    for it in items:
        text = _bold_text(it)
        if text is not None:
            if not answered:
                return None  # two questions without an answer between them
            answered = False
            asked += text[-1:] in ("?", "？")
            label = Label(BOLD_QUESTIONS, QUESTION, text, None, None, "role", QUESTION, BOLD_QUESTIONS)
            questions.append(Candidate(it.index, label, name_key(QUESTION)))
            continue
        if not questions:
            continue  # the intro
        kind = it.kind
        if kind in _ANSWER and not (kind == "heading" and it.text[:1] == "#"):
            answered = True  # (a short answer without a stop reads as a heading)
        elif kind in _BETWEEN or (kind == "heading" and it.text[:1] == "#"):
            continue
        elif answered:
            break  # the page after the interview
        else:
            return None
    if len(questions) < BOLD_QUESTIONS_MIN or not answered or asked < BOLD_QUESTIONS_ASKED * len(questions):
        return None
    return Choice(BOLD_QUESTIONS, BOLD_QUESTIONS, tuple(questions), ())


#: How many stray characters a damaged label may hold before its name.
_STRAY = 2


def _damaged(items: Sequence[Item], labels: Sequence[Candidate]) -> list[tuple[Candidate, Unsure]]:
    """Labels of the dialogue's own voices whose markup is damaged
    ("*nKaren Sandler:** We just…" among "**Karen Sandler:**"): read as
    theirs, and reported.  Only for labels with markup, inside the
    dialogue."""
    if not labels or labels[0].label.written == "" or items[labels[0].item].text[:1] not in "*_":
        return []
    names = {c.label.name.casefold(): c.label for c in labels if c.label.kind in _FOLDING}
    out = []
    for it in items[labels[0].item : labels[-1].item]:
        text = it.text
        if it.seen_labels or text[:1] not in "*_":
            continue
        colon = text.find(":", 0, 80)
        if colon < 0:
            continue
        head = text[:colon].strip("*_ ").casefold()
        for name, label in names.items():
            if head.endswith(name) and len(head) - len(name) <= _STRAY:
                rest = text[colon + 1 :].lstrip("*_").lstrip()
                fixed = Label(label.rule, label.name, rest, None, label.role, label.kind, label.written, label.template)
                why = f"label {label.name!r} read from damaged markup {text[: colon + 3]!r}"
                out.append((Candidate(it.index, fixed, name_key(label.name)), Unsure(it.line, why)))
                break
    return out
