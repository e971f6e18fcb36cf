"""Topics placed in the conversation: the turns each one covers.

:mod:`transcripts.context` finds the topics a document gives: announced in
its intro ("We discuss…"), headings inside the dialogue, a chapter list
with times.  :func:`align` places each one in the dialogue:

* a **heading** covers the turns of its section (context.py works them
  out from where the heading stands); confidence 1;
* a **chapter** with a time, in a transcript whose turns have times,
  starts at the turn nearest its time and runs to the next chapter;
  confidence 1;
* an **announced** topic (and a chapter when the turns have no times) is
  aligned by the words of its title: see below.

The alignment
-------------
Announced topics are usually discussed in the order announced, so the
dialogue is cut into consecutive runs of turns, one run per topic, in the
announced order, by dynamic programming over the turn boundaries.  A
topic's title gives its *terms* (stop words dropped, suffixes cut so that
"bureaucracies" finds "bureaucracy" and "drones" "drone", by a few
endings put back on the cut word); a turn's *evidence* for a topic is the
sum over the title's terms of ``idf · (1 + ln tf)``, with the inverse
document frequency computed over the document's own turns (a word every
turn uses says nothing), a name or an acronym inside the title counting
double, divided by the norm of the title's weights.  The segmentation maximises the
evidence of the turns for their topics less :data:`PENALTY` per change of
topic and :data:`SKIP` per topic passed over: a topic may be skipped
(never discussed) and the text may stop before the last ones (a paywall);
those get no turns and ``in_text`` false.  A run of turns with no evidence
for any topic stays with the topic before it: a topic starts where its
words start.  A topic's confidence is ``1 - exp(-margin / PENALTY)``,
where the margin is how much better the best segmentation is than the best
one without that topic.

Cost: the text is lower-cased, its punctuation read as spaces and split
into words, and the words that are a form of a term picked out by C (a
dictionary lookup for each word, through ``filter``); the dynamic
programming is O(turns × topics), over the turns that have evidence only.
A document of more than :data:`MAX_UNITS` turns is aligned in blocks of
consecutive turns, and at most :data:`TEXT_BUDGET` characters are read,
each turn (or block) contributing its opening: the cost stays a small part
of the parse however long the document.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from typing import Iterator, NamedTuple, Optional, Sequence

import attrs

from . import _patterns as P
from .model import Topic, Turn
from .times import format_clock

__all__ = [
    "MAX_UNITS",
    "PENALTY",
    "SKIP",
    "STOP_WORDS",
    "TEXT_BUDGET",
    "Placement",
    "Term",
    "align",
    "describe",
    "evidence",
    "segment",
    "terms",
]

#: The cost of a change of topic, in units of evidence (one occurrence of a
#: term that a third of the turns use weighs ln 4 ≈ 1.4 before the title's
#: normalisation).  Tuned on the seed and on wild files' headings taken as
#: announced topics (bench/bench_topics.py); 0.3 to 1.0 give the same there.
PENALTY = 0.5
#: The cost of passing over an announced topic (it was never discussed).
SKIP = 0.1
#: Above this many turns, consecutive turns are aligned as blocks.
MAX_UNITS = 1000
#: At most this many characters of the dialogue are read for evidence.
TEXT_BUDGET = 200_000
#: ... but at least this many of each turn (or block).
MIN_SAMPLE = 200

#: Words a title shares with any conversation: function words, question
#: words, and the fillers of topic lists ("including", "things").
STOP_WORDS = frozenset(
    """
    a about above after again against all almost along already also although always am among an and another any
    anyone anything are around as at away back be became because become becomes been before being below between
    both but by can cannot could did do does doing done down during each either else enough even ever every
    few for from further get gets getting give given go goes going got had has have having he her here hers
    herself him himself his how however i if in including instead into is it its itself just least less like
    lot lots made make makes making many may me might more most much must my myself need needs never new next
    no nor not now of off often on once one ones only onto or other others our ours ourselves out over own
    part per perhaps quite rather really same see she should since so some something still such take than
    that the their theirs them themselves then there these they thing things this those though through to
    today too toward towards under until up upon us use used very via want was way ways we well were what
    whatever when where whether which while who whom whose why will with within without would yet you your
    yours yourself discuss discussed discussing discussion episode podcast show talk talks talking
    """.split()
)

#: Suffixes cut from a title word of six letters or more, longest first.
_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "es", "ed", "ly", "s", "e")
#: The endings a cut word is looked for with: "bureaucrac" → "bureaucracy",
#: "bureaucracies", "bureaucratic" is not (a light stemmer, in reverse).
_ENDINGS = (
    "", "s", "e", "es", "ed", "er", "ers", "ing", "ion", "ions", "ation", "ations",
    "al", "ly", "y", "ies", "ic", "ical", "ity", "ment", "ments", "ive", "ian", "ians",
)  # fmt: skip
#: The endings a word kept whole is looked for with: "drone" → "drones".
_INFLECTIONS = ("s", "es", "ed", "ing", "al", "ic", "ian", "ians")
#: Punctuation, read as spaces before the words are counted.
_PUNCTUATION = tuple('()[]{}"“”‘’\'-–—/*_,.;:!?…')
_WIDE_PUNCTUATION = tuple(ch for ch in _PUNCTUATION if not ch.isascii())
_ASCII_PUNCTUATION = tuple(ch for ch in _PUNCTUATION if ch.isascii())
_SEP = "\x01"


class Term(NamedTuple):
    """A title word as it is looked for: the words it matches are ``stem``
    with one of a few endings (or ``word`` itself); an ``exact`` stem (a
    short word: "AI", "war") matches itself and its plural only.
    ``weight`` is 2 for a name or an acronym (a word capitalised inside the
    title: "Putin", "AGI"), 1 otherwise."""

    stem: str
    exact: bool
    weight: float = 1.0
    word: str = ""

    def forms(self) -> tuple[str, ...]:
        """The words that match."""
        if self.exact:
            return (self.stem, self.stem + "s")
        return (self.word, *map(self.stem.__add__, _ENDINGS if self.stem != self.word else _INFLECTIONS))


def _stem(word: str) -> str:
    if len(word) >= 6 and word.endswith(_SUFFIXES):
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                return word[: -len(suffix)]
    elif len(word) >= 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def terms(title: str) -> tuple[Term, ...]:
    """The terms of a topic title, in order, without repeats."""
    out: dict[str, Term] = {}
    for k, written in enumerate(P.TOPIC_WORD.findall(title)):
        word = written.lower()
        if len(word) < 2 or word in STOP_WORDS or word.isdigit():
            continue
        named = k > 0 and written[:1].isupper()
        stem = _stem(word)
        if stem not in out or named:
            out[stem] = Term(stem, len(word) <= 4, 2.0 if named else 1.0, word)
    return tuple(out.values())


#: How much text :func:`_joined` lowers at once (characters).
_CHUNK = 1 << 16


def _joined(texts: Sequence[str]) -> Iterator[str]:
    """The texts in lower case without punctuation, each followed by the
    separator word, in strings of about :data:`_CHUNK` characters: one
    string rather than one per text (fast), but never the whole document
    at once (lowering non-ASCII text takes twelve bytes a character; a
    long text is cut at a space)."""
    buf: list[str] = []
    size = 0
    for text in texts:
        start = 0
        while len(text) - start > _CHUNK:
            cut = text.rfind(" ", start + 1, start + _CHUNK)
            cut = cut if cut > start else start + _CHUNK
            buf.append(text[start:cut])
            buf.append(" ")
            start = cut
            size += _CHUNK
            if size >= _CHUNK:
                yield _lowered(buf)
                buf, size = [], 0
        buf.append(text[start:] if start else text)
        buf.append(f" {_SEP} ")
        size += len(text) - start
        if size >= _CHUNK:
            yield _lowered(buf)
            buf, size = [], 0
    if buf:
        yield _lowered(buf)


def _lowered(parts: list[str]) -> str:
    # The punctuation outside ASCII goes first: text that is ASCII without
    # it (most English) becomes an ASCII string, which lowers ten times
    # faster than one of wider characters.
    joined = "".join(parts)
    for ch in _WIDE_PUNCTUATION:
        joined = joined.replace(ch, " ")
    joined = joined.lower()
    for ch in _ASCII_PUNCTUATION:
        joined = joined.replace(ch, " ")
    return joined


def evidence(texts: Sequence[str], topics: Sequence[Sequence[Term]]) -> list[tuple[int, tuple[float, ...]]]:
    """Each text's evidence for each topic, for the texts that have any:
    ``[(text index, (evidence for topic 0, topic 1, …)), …]``."""
    stems: dict[str, Term] = {}
    for ts in topics:
        for t in ts:
            stems.setdefault(t.stem, t)
    if not stems or not texts:
        return []
    ids = {stem: s for s, stem in enumerate(stems)}
    # word → the stem it is a form of (a form of two: the later one); the
    # separator of the texts, -1.  (Term.forms, spelt out: this runs for
    # every term of every parse.)
    found: dict[str, int] = {}
    for s, (stem, t) in enumerate(stems.items()):
        if t.exact:
            found[stem] = s
            found[stem + "s"] = s
            continue
        found[t.word] = s
        for ending in _ENDINGS if stem != t.word else _INFLECTIONS:
            found[stem + ending] = s
    found[_SEP] = -1
    counts: list[dict[int, int]] = []
    current: dict[int, int] = {}
    for joined in _joined(texts):
        for s in map(found.__getitem__, filter(found.__contains__, joined.split())):
            if s < 0:
                counts.append(current)
                current = {}
            else:
                current[s] = current.get(s, 0) + 1
    n = len(counts)
    df = [0] * len(stems)
    for c in counts:
        for s in c:
            df[s] += 1
    idf = [math.log(1 + n / d) if d else 0.0 for d in df]
    # stem → (topic, weight of the stem in the topic's title / the title's norm)
    share: list[list[tuple[int, float]]] = [[] for _ in stems]
    for k, ts in enumerate(topics):
        norm = 1 / math.sqrt(sum(t.weight * t.weight for t in ts)) if ts else 0.0
        for t in ts:
            share[ids[t.stem]].append((k, t.weight * norm))
    K = len(topics)
    rows = []
    for u, c in enumerate(counts):
        if not c:
            continue
        vec = [0.0] * K
        for s, times in c.items():
            w = idf[s] * (1 + math.log(times)) if times > 1 else idf[s]
            for k, part in share[s]:
                vec[k] += w * part
        rows.append((u, tuple(vec)))
    return rows


@attrs.frozen(slots=True)
class Placement:
    """Where :func:`segment` puts a topic: units ``first`` to ``last``
    (inclusive) and the margin of its evidence (see the module docstring)."""

    first: int
    last: int
    margin: float


def segment(
    rows: Sequence[tuple[int, Sequence[float]]],
    units: int,
    topics: int,
    penalty: float = PENALTY,
    skip: float = SKIP,
) -> dict[int, Placement]:
    """The best monotone segmentation of ``units`` units into runs for
    ``topics`` topics in order, some skipped, given the evidence ``rows``
    (``(unit, scores)`` in unit order, a unit without a row having no
    evidence for any topic).  Returns the placed topics: topic index →
    :class:`Placement`.  O(rows × topics)."""
    K, m = topics, len(rows)
    if not m or not K or not units:
        return {}
    neg = -math.inf
    scores = [row[1] for row in rows]
    # Forward: F[j][k], the best score of rows 0..j with row j in topic k.
    F: list[list[float]] = [[scores[0][k] - skip * k for k in range(K)]]
    back: list[list[int]] = [[k for k in range(K)]]
    for j in range(1, m):
        prev, s = F[-1], scores[j]
        cur, bp = [0.0] * K, [0] * K
        g, ga = neg, -1  # best of prev[a] - skip * (k - 1 - a) over a < k
        for k in range(K):
            move = g - penalty
            if move > prev[k]:
                cur[k], bp[k] = s[k] + move, ga
            else:
                cur[k], bp[k] = s[k] + prev[k], k
            if prev[k] >= g - skip:
                g, ga = prev[k], k
            else:
                g -= skip
        F.append(cur)
        back.append(bp)
    last = F[-1]
    best = max(last)
    z = [0] * m
    z[-1] = last.index(best)
    for j in range(m - 1, 0, -1):
        z[j - 1] = back[j][z[j]]
    # Backward: B[j][k], the best score of rows j..m-1 with row j in topic k.
    B: list[list[float]] = [[]] * m
    B[-1] = list(scores[-1])
    for j in range(m - 2, -1, -1):
        nxt, s = B[j + 1], scores[j]
        cur = [0.0] * K
        h = neg  # best of nxt[b] - skip * (b - k - 1) over b > k
        for k in range(K - 1, -1, -1):
            here, move = nxt[k], h - penalty
            cur[k] = s[k] + (here if here >= move else move)
            h -= skip
            if here > h:
                h = here
        B[j] = cur
    # The best score of a segmentation that leaves topic k out: one that
    # stays below k, one that stays above, or one that jumps over k between
    # rows j and j + 1.
    without = [neg] * K
    below = neg
    for k in range(K):
        without[k] = below
        if last[k] > below:
            below = last[k]
    above = neg
    first = B[0]
    for k in range(K - 1, -1, -1):
        if above > without[k]:
            without[k] = above
        v = first[k] - skip * k
        if v > above:
            above = v
    suffix = [neg] * (K + 1)
    for j in range(m - 1):
        f, nxt = F[j], B[j + 1]
        for k in range(K - 1, -1, -1):
            v = nxt[k] - skip * k
            suffix[k] = v if v > suffix[k + 1] else suffix[k + 1]
        pa = neg
        for k in range(K - 1):
            value = pa + suffix[k + 1] - penalty + skip
            if value > without[k]:
                without[k] = value
            v = f[k] + skip * k
            if v > pa:
                pa = v
    placed: dict[int, Placement] = {}
    j = 0
    while j < m:
        k, j0 = z[j], j
        while j < m and z[j] == k:
            j += 1
        first = 0 if j0 == 0 else rows[j0][0]
        end = units - 1 if j == m else rows[j][0] - 1
        placed[k] = Placement(first, end, max(0.0, best - without[k]))
    return placed


def _confidence(margin: float) -> float:
    return round(1 - math.exp(-margin / PENALTY), 3)


def _units(turns: Sequence[Turn]) -> tuple[list[int], list[str]]:
    """The first turn of each unit, and each unit's text (its opening
    where the document is long)."""
    n = len(turns)
    size = -(-n // MAX_UNITS)
    firsts = list(range(0, n, size))
    cap = max(MIN_SAMPLE, TEXT_BUDGET // max(1, len(firsts)))
    texts = []
    for f in firsts:
        parts: list[str] = []
        length = 0
        for u in turns[f : f + size]:
            for p in u.paragraphs:
                parts.append(p)
                length += len(p) + 1
                if length >= cap:
                    break
            if length >= cap:
                break
        text = " ".join(parts)
        texts.append(text if len(text) <= cap else text[:cap])
    return firsts, texts


def _lexical(topics: Sequence[Topic], turns: Sequence[Turn]) -> list[Topic]:
    """Topics aligned by the words of their titles (see the module docstring).

    A topic whose title has no words to look for ("One thing") is left as
    found, unplaced; so are all of them when no turn has a word of any."""
    if not turns:
        return [attrs.evolve(p, in_text=False, turns=(), confidence=None) for p in topics]
    words = [terms(p.title) for p in topics]
    usable = [k for k, ts in enumerate(words) if ts]
    firsts, texts = _units(turns)
    rows = evidence(texts, [words[k] for k in usable])
    if not rows:
        return list(topics)
    placed = segment(rows, len(firsts), len(usable), PENALTY, SKIP)
    out = list(topics)
    for j, k in enumerate(usable):
        p, where = topics[k], placed.get(j)
        if where is None:
            out[k] = attrs.evolve(p, in_text=False, turns=(), confidence=None)
            continue
        begin = firsts[where.first]
        stop = firsts[where.last + 1] if where.last + 1 < len(firsts) else len(turns)
        covered = tuple(u.index for u in turns[begin:stop])
        start = p.start if p.start is not None else turns[begin].start
        out[k] = attrs.evolve(p, in_text=True, turns=covered, start=start, confidence=_confidence(where.margin))
    return out


def _timed(chapters: Sequence[Topic], turns: Sequence[Turn]) -> list[Topic]:
    """Chapters with times over turns with times: each chapter starts at
    the turn whose start is nearest its time and runs to the next
    chapter's turn; a chapter after the dialogue's end is not in the text."""
    starts: list[float] = []
    clock = 0.0
    for u in turns:
        clock = max(clock, u.start) if u.start is not None else clock
        starts.append(clock)
    end = max(max((u.end for u in turns if u.end is not None), default=0.0), starts[-1])
    begins = []
    for p in chapters:
        t = p.start or 0.0
        i = bisect_left(starts, t)
        if i == len(starts) or (i > 0 and t - starts[i - 1] < starts[i] - t):
            i -= 1
        begins.append(max(i, begins[-1] if begins else 0))
    out = []
    for k, p in enumerate(chapters):
        if p.start is not None and p.start > end:
            out.append(attrs.evolve(p, in_text=False, turns=(), confidence=None))
            continue
        stop = begins[k + 1] if k + 1 < len(chapters) else len(turns)
        if k + 1 < len(chapters) and chapters[k + 1].start is not None and chapters[k + 1].start > end:
            stop = len(turns)
        covered = tuple(u.index for u in turns[begins[k] : stop])
        out.append(attrs.evolve(p, in_text=True, turns=covered, confidence=1.0))
    return out


def _has_times(turns: Sequence[Turn]) -> bool:
    timed = sum(1 for u in turns if u.start is not None and u.timing != "estimated")
    return bool(turns) and timed * 2 >= len(turns)


def align(topics: Sequence[Topic], turns: Sequence[Turn]) -> tuple[Topic, ...]:
    """The topics, each placed in ``turns`` (see the module docstring), in
    the same order.  Paywalled topics stay out of the text; topics already
    placed (headings) get confidence 1."""
    out: list[Optional[Topic]] = [None] * len(topics)
    announced = [i for i, p in enumerate(topics) if p.source == "announced"]
    chapters = [i for i, p in enumerate(topics) if p.source == "chapter"]
    groups: list[tuple[list[int], bool]] = [(announced, False)]
    if chapters:
        groups.append((chapters, _has_times(turns) and all(topics[i].start is not None for i in chapters)))
    for group, by_time in groups:
        if not group:
            continue
        chosen = [topics[i] for i in group]
        placed = _timed(chosen, turns) if by_time else _lexical(chosen, turns)
        for i, p in zip(group, placed):
            out[i] = p
    for i, p in enumerate(topics):
        if out[i] is None:
            if p.source == "heading" and p.in_text and p.confidence is None:
                p = attrs.evolve(p, confidence=1.0)
            out[i] = p
    return tuple(p for p in out if p is not None)


def describe(topic: Topic) -> str:
    """Where a topic is, for ``transcripts inspect``: "turns 0-28, from
    0:00, confidence 1.00", "not in the text"."""
    if not topic.in_text:
        return "not in the text"
    first, last = (topic.turns[0], topic.turns[-1]) if topic.turns else (None, None)
    where = ["no turns" if first is None else f"turn {first}" if first == last else f"turns {first}-{last}"]
    if topic.start is not None:
        where.append(f"from {format_clock(topic.start)}")
    if topic.confidence is not None:
        where.append(f"confidence {topic.confidence:.2f}")
    return ", ".join(where)
