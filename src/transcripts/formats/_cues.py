"""Cues: the one module that knows about caption timing and line breaking.

Writers of timed formats (SRT, WebVTT, the Podcasting 2.0 JSON and HTML,
chapters) share this module:

* :data:`PROFILES` — the readability profiles (``podcast``, ``netflix``,
  ``bbc``) and the limits each cue must obey;
* :func:`estimate_times` — fill in the times a transcript lacks from word
  counts at a speaking rate, marking those turns ``timing="estimated"``;
* :func:`layout` — split every turn into cues that obey a profile: lines
  break after punctuation and before conjunctions where they can and never
  inside a person's name, a cue never holds two speakers, each paragraph
  starts a new cue, and cue times never go backwards;
* timestamps as written: :func:`format_timestamp`, :func:`format_clock`
  and :func:`parse_clock` (the HTML ``<time>``).  Reading cue timings is
  the job of :mod:`._timecodes`.

All cue times are whole milliseconds, so that what is written is exactly
what was checked.
"""

from __future__ import annotations

import functools
import math
from typing import Callable, Optional, Sequence

import attrs
import regex

from ..model import Speaker, Transcript, Turn
from ._registry import DEFAULT_WPM

__all__ = [
    "BBC",
    "Cue",
    "NETFLIX",
    "PODCAST",
    "PROFILES",
    "Profile",
    "WEB",
    "estimate_times",
    "format_clock",
    "format_timestamp",
    "layout",
    "parse_clock",
    "profile",
    "word_count",
]


# --------------------------------------------------------------- profiles


@attrs.frozen(slots=True)
class Profile:
    """Readability limits for one cue.

    ``max_chars`` per line and ``max_lines`` per cue; optionally a minimum
    and maximum duration (ms), a maximum reading speed in characters per
    second, and a band of words per minute the cue's duration must fall in.
    Characters are counted on the visible text, the speaker label
    included; line ends are not counted."""

    name: str
    max_chars: int
    max_lines: int
    min_ms: int = 1
    max_ms: Optional[int] = None
    max_cps: Optional[float] = None
    min_wpm: Optional[float] = None
    max_wpm: Optional[float] = None

    def duration_bounds(self, chars: int, words: int) -> tuple[int, int]:
        """The shortest and longest duration (ms) a cue of ``chars``
        characters and ``words`` words may have."""
        lo = max(1, self.min_ms)
        if self.max_cps:
            lo = max(lo, math.ceil(chars * 1000 / self.max_cps))
        if self.max_wpm:
            lo = max(lo, math.ceil(max(words, 1) * 60_000 / self.max_wpm))
        hi = self.max_ms if self.max_ms is not None else 1 << 62
        if self.min_wpm:
            hi = min(hi, math.floor(max(words, 1) * 60_000 / self.min_wpm))
        return lo, max(lo, hi)

    def problems(self, lines: Sequence[str], start_ms: int, end_ms: int) -> list[str]:
        """How a cue breaks these limits (empty when it obeys them)."""
        out = []
        if len(lines) > self.max_lines:
            out.append(f"{len(lines)} lines (at most {self.max_lines})")
        for line in lines:
            if len(line) > self.max_chars:
                out.append(f"line of {len(line)} characters (at most {self.max_chars}): {line!r}")
        duration = end_ms - start_ms
        lo, hi = self.duration_bounds(sum(map(len, lines)), word_count(" ".join(lines)))
        if not lo <= duration <= hi:
            out.append(f"lasts {duration} ms (from {lo} to {hi} ms)")
        return out


#: The Podcasting 2.0 SRT rules: two lines of 32 characters.
PODCAST = Profile("podcast", max_chars=32, max_lines=2)
#: Netflix's timed-text style: two lines of 42, 20 characters per second,
#: each cue from 5/6 s to 7 s.
NETFLIX = Profile("netflix", max_chars=42, max_lines=2, min_ms=834, max_ms=7000, max_cps=20)
#: BBC subtitle guidelines: two lines of 37, 160 to 180 words per minute.
BBC = Profile("bbc", max_chars=37, max_lines=2, min_wpm=160, max_wpm=180)
#: WebVTT's default here: two lines of 65 characters.
WEB = Profile("web", max_chars=65, max_lines=2)

PROFILES: dict[str, Profile] = {p.name: p for p in (PODCAST, NETFLIX, BBC)}


def profile(name: Optional[str], default: Profile) -> Profile:
    """The profile called ``name`` (``default`` for None)."""
    if name is None:
        return default
    try:
        return PROFILES[name]
    except KeyError:
        raise ValueError(f"unknown profile {name!r}; known: {', '.join(PROFILES)}") from None


# ------------------------------------------------------------- timestamps

def format_timestamp(ms: int, sep: str = ",") -> str:
    """``HH:MM:SS,mmm`` (SRT) or, with ``sep="."``, WebVTT's form."""
    s, f = divmod(ms, 1000)
    m, s = divmod(s, 60)
    h, m = divmod(m, 60)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{f:03d}"


def format_clock(seconds: float) -> str:
    """A start time as people write it: ``0:09``, ``1:42``, ``1:02:03``."""
    s = int(seconds)
    m, s = divmod(s, 60)
    h, m = divmod(m, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


# ``M:SS`` or ``H:MM:SS`` with an optional fraction: the HTML <time> text.
_CLOCK = regex.compile(r"^(?:(?P<h>[0-9]{1,3}):)?(?P<m>[0-9]{1,3}):(?P<s>[0-5][0-9])(?:[.,](?P<f>[0-9]{1,3}))?$")


def parse_clock(text: str) -> Optional[float]:
    """Seconds of ``M:SS``, ``H:MM:SS`` (or with a fraction); None when
    ``text`` is not such a time."""
    m = _CLOCK.match(text.strip())
    if m is None:
        return None
    frac = int((m["f"] or "0").ljust(3, "0"))
    return ((int(m["h"] or 0) * 60 + int(m["m"])) * 60 + int(m["s"])) + frac / 1000


# ----------------------------------------------------------------- timing


def word_count(text: str) -> int:
    return len(text.split())


def _turn_words(u: Turn) -> int:
    return sum(word_count(p) for p in u.paragraphs)


def estimate_times(t: Transcript, wpm: float = DEFAULT_WPM) -> Transcript:
    """The transcript with every turn timed.

    Times the transcript has are kept.  A turn without a start begins where
    the previous one ended and lasts its word count at ``wpm`` words per
    minute; it is marked ``timing="estimated"``.  A turn with a start but
    no end ends where the next turn starts (when that is given and later)
    or after its words at ``wpm``; its timing stays "given"."""
    if wpm <= 0 or not math.isfinite(wpm):
        raise ValueError(f"words per minute must be a positive number, not {wpm}")
    if all(u.start is not None and u.end is not None and u.timing for u in t.turns):
        return t
    turns = list(t.turns)
    clock = 0.0
    for i, u in enumerate(turns):
        duration = max(_turn_words(u), 1) * 60.0 / wpm
        if u.start is not None:
            start, timing = u.start, u.timing or "given"
            if u.end is not None and u.end >= start:
                end = u.end
            else:
                nxt = turns[i + 1].start if i + 1 < len(turns) else None
                end = nxt if nxt is not None and nxt > start else start + duration
        else:
            start, timing = clock, "estimated"
            end = u.end if u.end is not None and u.end > start else start + duration
        clock = max(clock, end)
        if (start, end, timing) != (u.start, u.end, u.timing):
            turns[i] = attrs.evolve(u, start=start, end=end, timing=timing)
    return attrs.evolve(t, turns=tuple(turns))


# ----------------------------------------------------------- line breaking

#: Words a line may break before: conjunctions and relative pronouns.
CONJUNCTIONS = frozenset(
    "and but or nor so yet because although though while whereas if unless until when whenever where "
    "wherever which who whom whose that than then since after before".split()
)
#: Words a line should not end with: articles, prepositions, possessives,
#: titles.
CLINGING = frozenset(
    "a an the of to in on at by for with from into onto about my your his her its our their this these those "
    "i mr. mrs. ms. dr. prof. st. mr mrs ms dr prof".split()
)

# A token that ends a sentence: ., ?, ! or … possibly followed by closing
# quotes or brackets.
_SENTENCE_END = regex.compile(r"[.?!…][\"”’')\]]{0,3}$")
# A token that ends a clause: comma, semicolon, colon or a dash.
_CLAUSE_END = regex.compile(r"[,;:—–][\"”’')\]]{0,3}$")
# Punctuation and a possessive at the end of a token, to compare a name's
# last word ("Okafor's", "Vega,") with the name.
_TRAILING = regex.compile(r"(?:['’]s)?[\p{P}]{0,4}$")
# Leading punctuation, to find the bare word a token starts with.
_LEADING = regex.compile(r"^[\p{P}]{1,4}")

#: Honorifics: a break after one splits a name.
TITLES = frozenset("mr. mrs. ms. mx. dr. prof. st. rev. sen. rep. gov. gen. col. capt. sir dame".split())
#: Cost of a break after an honorific.
TITLE_BREAK = 400.0
#: Cost of a break between two capitalised words (a name we do not know).
NAME_BREAK = 250.0
#: Never break here unless a single word is longer than a line.
NEVER = 1_000_000.0
#: Cost of one more cue, so that cues are filled.
CUE_COST = 150.0
#: Weight of the (squared) room left on a line, in 32-character units.
FILL = 0.5
#: The same for a line that closes its cue.
SHORT_LAST = 0.5
#: Weight of the slack of a paragraph's last line when it shares a cue.
BALANCE = 0.25
#: Cost of a label alone on its line.
LABEL_ALONE = 400.0
#: Cost of ending a cue inside a sentence.
MID_SENTENCE = 80.0


@functools.lru_cache(maxsize=65536)
def _bare(token: str) -> str:
    return _TRAILING.sub("", _LEADING.sub("", token)).casefold()


@functools.lru_cache(maxsize=65536)
def _after(token: str) -> float:
    """The cost of a break after ``token`` (before knowing the next one);
    -1 when it depends on the next token."""
    if _SENTENCE_END.search(token):
        return 0.0
    if _CLAUSE_END.search(token):
        return 10.0
    return -1.0


def _name_tokens(speakers: Sequence[Speaker]) -> dict[str, list[tuple[str, ...]]]:
    """Multi-word names (and aliases) by their first word, longest first."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for s in speakers:
        for name in (s.name, *s.aliases):
            words = tuple(name.split())
            if len(words) > 1:
                out.setdefault(words[0], []).append(words)
    for names in out.values():
        names.sort(key=len, reverse=True)
    return out


def _break_penalties(tokens: Sequence[str], names: dict[str, list[tuple[str, ...]]]) -> list[float]:
    """``penalty[j]`` is the cost of a line break before ``tokens[j]``."""
    n = len(tokens)
    pen = [0.0] * (n + 1)
    for j in range(1, n):
        prev, nxt = tokens[j - 1], tokens[j]
        if prev.casefold() in TITLES:
            p = TITLE_BREAK  # "Dr. | Amara": the dot ends no sentence
        else:
            p = _after(prev)
        if p < 0:
            if nxt in ("—", "–"):
                p = 10.0
            elif _bare(nxt) in CONJUNCTIONS:
                p = 15.0
            elif _bare(prev) in CLINGING or prev.casefold() in CLINGING:
                p = 150.0
            elif prev[:1].isupper() and nxt[:1].isupper():
                p = NAME_BREAK  # "Travis | Albritton": likely someone's name
            else:
                p = 50.0
        pen[j] = p
    # Inside a person's name: never (the name is matched with its last
    # word's punctuation or possessive stripped).
    i = 0
    while i < n:
        matched = 0
        for words in names.get(tokens[i], ()):
            k = len(words)
            if i + k <= n and tuple(tokens[i : i + k - 1]) == words[:-1]:
                last = tokens[i + k - 1]
                if last == words[-1] or _bare(last) == _bare(words[-1]):
                    matched = k
                    break
        if matched:
            for j in range(i + 1, i + matched):
                pen[j] = NEVER
            i += matched
        else:
            i += 1
    return pen


@attrs.frozen(slots=True)
class _Line:
    """A laid-out line: tokens[start:end], and whether it opens a cue."""

    start: int
    end: int
    opens_cue: bool
    labelled: bool


def _break_paragraph(
    tokens: Sequence[str],
    prof: Profile,
    label_len: int,
    first_labelled: bool,
    ambiguous: Optional[Callable[[str], bool]],
    bad_start: Optional[Callable[[str], bool]],
    names: dict[str, list[tuple[str, ...]]],
) -> list[_Line]:
    """Lines and cue breaks for one paragraph, by dynamic programming over
    (token, line within cue): line fill, break quality and cue count."""
    n = len(tokens)
    lens = [len(x) for x in tokens]
    pen = _break_penalties(tokens, names)
    width = prof.max_chars
    scale = 32.0 / width
    # Whether a cue starting at token i would be misread (and so must carry
    # the label), and whether any other line may start there.  Only tokens
    # near a colon or opening with punctuation are asked.
    amb = [False] * n
    bad = [False] * n
    if ambiguous is not None or bad_start is not None:
        colon = n + 8
        for i in range(n - 1, -1, -1):
            tok = tokens[i]
            if ":" in tok:
                colon = i
            if colon - i < 8 or not tok[0].isalnum():
                if ambiguous is not None:
                    amb[i] = ambiguous(" ".join(tokens[i : i + 8]))
                if bad_start is not None:
                    bad[i] = bad_start(" ".join(tokens[i : i + 2]))
    inf = float("inf")
    # The cost of the room left on a line of each length.
    room = [((width - k) * scale) ** 2 for k in range(width + 1)]
    max_lines = prof.max_lines
    # best[c][i]: cost of tokens[:i] when the next line is line c of its cue.
    best = [[inf] * (n + 1) for _ in range(prof.max_lines)]
    back: list[list[Optional[tuple[int, int, bool]]]] = [[None] * (n + 1) for _ in range(prof.max_lines)]
    best[0][0] = 0.0
    final_cost, final_from = inf, None
    for i in range(n):
        for c in range(prof.max_lines):
            base = best[c][i]
            if base == inf:
                continue
            labelled = c == 0 and label_len > 0 and ((i == 0 and first_labelled) or amb[i])
            used = label_len if labelled else 0
            start_cost = base + (CUE_COST if c == 0 else 0.0)
            if c > 0 and bad[i]:
                start_cost += NEVER
            if labelled and prof.max_lines > 1:
                # The label alone on the cue's first line, the words below
                # it: for a first word too long to share a line.
                slack = max(0, width - label_len + 1) * scale
                alone = start_cost + LABEL_ALONE + FILL * slack * slack + max(0, label_len - 1 - width) * NEVER
                if alone < best[1][i]:
                    best[1][i], back[1][i] = alone, (c, i, True)
            length = used - 1
            state = (c, i, labelled)
            go_on = c + 1 < max_lines
            best_next = best[c + 1] if go_on else None
            best_0, back_0 = best[0], back[0]
            for j in range(i + 1, n + 1):
                length += lens[j - 1] + 1
                if length > width:
                    if j > i + 1:
                        break
                    cost, sq = start_cost + (length - width) * NEVER, 0.0
                else:
                    cost, sq = start_cost, room[length]
                if j == n:
                    # The paragraph's last line: free when it is alone in
                    # its cue, a little slack cost to balance a two-line cue.
                    if c > 0:
                        cost += BALANCE * sq
                    if cost < final_cost:
                        final_cost, final_from = cost, state
                    break
                cost += pen[j]
                if best_next is not None:
                    keep = cost + FILL * sq
                    if keep < best_next[j]:
                        best_next[j], back[c + 1][j] = keep, state
                # A line that closes its cue may be short; the cue should
                # end with a sentence.
                close = cost + SHORT_LAST * sq + (0.0 if pen[j] == 0.0 else MID_SENTENCE)
                if close < best_0[j]:
                    best_0[j], back_0[j] = close, state
    lines: list[_Line] = []
    end, step = n, final_from
    while step is not None:
        c, i, labelled = step
        lines.append(_Line(i, end, c == 0, labelled))
        # The line before ended at i, as line c of its cue (the paragraph's
        # start has no line before it).
        end, step = i, back[c][i]
    lines.reverse()
    return lines


# ----------------------------------------------------------------- layout


@attrs.frozen(slots=True)
class Cue:
    """One cue: times in ms, the speaker, the text ``lines`` (the label,
    when there is one, is in ``label`` and is written before the first
    line), which turn it belongs to and whether it ends a paragraph."""

    start: int
    end: int
    speaker: Speaker
    lines: tuple[str, ...]
    label: str
    turn: int
    first_in_turn: bool
    ends_paragraph: bool

    @property
    def text_lines(self) -> tuple[str, ...]:
        """The lines as written, the label included."""
        if not self.label:
            return self.lines
        return ((self.label + self.lines[0]).rstrip(),) + self.lines[1:]

    @property
    def text(self) -> str:
        return " ".join(line for line in self.lines if line)


def _ms(seconds: Optional[float]) -> int:
    return int(round((seconds or 0.0) * 1000))


def layout(
    t: Transcript,
    prof: Profile,
    *,
    wpm: float = DEFAULT_WPM,
    label: Optional[Callable[[Speaker], str]] = None,
    ambiguous: Optional[Callable[[str], bool]] = None,
    bad_start: Optional[Callable[[str], bool]] = None,
) -> tuple[Transcript, tuple[Cue, ...]]:
    """The transcript's turns as cues obeying ``prof``.

    Returns the transcript with its times estimated where missing (see
    :func:`estimate_times`) and the cues.  ``label(speaker)`` is the text
    written before the first line of a turn's first cue ("Name: "), counted
    in the line's width; ``ambiguous(text)`` says whether a cue whose text
    starts with ``text`` would be misread (as a label, say) and so needs
    the label too; ``bad_start(text)`` says no other line may start with
    ``text`` (a dual-speaker dash).  Every paragraph starts a new cue; each turn's time is
    shared among its cues by their length, then stretched or cut to the
    profile's durations, never starting before the previous cue ends."""
    timed = estimate_times(t, wpm)
    speakers = {s.id: s for s in t.speakers}
    names = _name_tokens(t.speakers)
    cues: list[Cue] = []
    clock = 0
    for ti, u in enumerate(timed.turns):
        who = speakers.get(u.speaker) or Speaker(u.speaker, u.speaker)
        tag = label(who) if label is not None else ""
        pieces: list[tuple[tuple[str, ...], str, bool, int]] = []  # lines, label, ends paragraph, words
        for p in u.paragraphs:
            tokens = p.split()
            if not tokens:
                continue
            lines = _break_paragraph(tokens, prof, len(tag), not pieces, ambiguous, bad_start, names)
            group: list[_Line] = []
            for k, line in enumerate(lines):
                group.append(line)
                if k + 1 == len(lines) or lines[k + 1].opens_cue:
                    texts = tuple(" ".join(tokens[x.start : x.end]) for x in group)
                    lab = tag if group[0].labelled else ""
                    words = sum(x.end - x.start for x in group) + word_count(lab)
                    pieces.append((texts, lab, k + 1 == len(lines), words))
                    group = []
        if not pieces:
            continue
        begin, finish = _ms(u.start), max(_ms(u.end), _ms(u.start))
        weights = [sum(map(len, texts)) + len(lab) + 1 for texts, lab, _, _ in pieces]
        total, acc = sum(weights), 0
        for k, ((texts, lab, ends, words), w) in enumerate(zip(pieces, weights)):
            ideal_start = begin + (finish - begin) * acc // total
            acc += w
            ideal_end = begin + (finish - begin) * acc // total
            start = max(ideal_start, clock)
            chars = sum(map(len, texts)) + len(lab)
            lo, hi = prof.duration_bounds(chars, words)
            end = start + min(max(ideal_end - ideal_start, lo), hi)
            cues.append(Cue(start, end, who, texts, lab, ti, k == 0, ends))
            clock = end
    return timed, tuple(cues)
