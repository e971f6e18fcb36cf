"""Building a transcript from what a timed format holds: pieces of speech,
each with a speaker name, times, source lines and perhaps word times.

Readers of SRT, WebVTT, the Podcasting 2.0 JSON and HTML and diarised ASR
JSON all feed :class:`Piece` objects to a :class:`TurnBuilder`, which merges
consecutive pieces of one speaker into one turn (unless a piece says it
starts a new one), ends paragraphs where the pieces say so, keeps the
words' times when every piece of a turn has them, and gives each distinct
name a speaker with a stable id.

Caption readers go through :func:`from_cues`: a cue's voice names its
speaker where the format has voices; otherwise the speaker prefixes of the
captioning convention do (:data:`LABEL`, :data:`DASH`): ``Name:`` on a
cue's first line names the speaker of that cue and of the cues after it,
and ``-`` lines are the two speakers of a dual-speaker cue.
"""

from __future__ import annotations

import contextlib
import gc
from collections import Counter
from typing import Any, Callable, Iterator, Optional, Sequence

import attrs
import regex

from ..model import UNKNOWN_SPEAKER, Metadata, Span, Speaker, Timing, Transcript, Turn, Word
from .. import _patterns as P
from ..names import display_name, name_key, unique_slugs
from ..slots import field_word, read_slot
from ._caption import Cue

__all__ = ["DASH", "DIARISED", "LABEL", "UNKNOWN", "Piece", "TurnBuilder", "ambiguous", "from_cues", "paused_gc", "reading", "speaker_of"]

#: The speaker of speech that comes before any name.
UNKNOWN = UNKNOWN_SPEAKER

#: A speech recogniser's speaker label (SPEAKER_00, spk_0, Speaker_1).
DIARISED = P.DIARISED

#: A speaker prefix on a cue line: "Name: text", "[Name]: text",
#: "NAME: text", "SPEAKER_00: text"; the text may be empty (the name alone
#: on its line).  The name's slot is the text parser's
#: (:data:`transcripts._patterns.SLOT`), judged by the same grammar
#: (:func:`speaker_of`).
LABEL = regex.compile(
    rf"""
    ^(?:\[(?P<bracketed>[^\[\]\n]{{1,80}})\]        # [Name]
      | (?P<name>(?i:speaker|spkr|spk)[_-]?[0-9]{{1,3}}  # SPEAKER_00
      | {P.SLOT})                                  # Name, NAME, Ruth Okafor, PhD, Audience member
    )
    [ ]?:                                          # the colon
    (?:[ ]+(?P<text>.*))?$                         # the speech, perhaps none
    """,
    regex.VERBOSE | regex.VERSION1,
)

#: A dual-speaker line: a hyphen (not "--"), then a space or speech that
#: opens a sentence ("- Yes.", "-Where?"); "-x" is a word.
DASH = regex.compile(r"^-(?!-)(?:[ ]|(?=[\p{Lu}\p{N}\"“'‘(\[¿¡]))(?P<text>\S.*)$")

#: Broadcast captioning's change of speaker: ">>" (">>>": a new story) at
#: the start of a line or between two stretches of speech, perhaps
#: followed by the new speaker's name ("&gt;&gt; ANN LEE: Good evening.").
CHANGE = regex.compile(r"(?:^|[ ])>>>?(?:[ ]+|$)")


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """The cyclic garbage collector paused: a reader makes a great many
    objects, none in a cycle, and the collections they would trigger each
    walk everything made so far (reading grows faster than the file).
    Reference counting frees as usual; the collector resumes after."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def speaker_of(m: "regex.Match[str]") -> Optional[str]:
    """The name a :data:`LABEL` match gives, or None where the words before
    the colon are no speaker by the label grammar the text parser uses
    (:func:`transcripts.slots.read_slot`): a sentence ("The train was late:"),
    a field ("Note:") or a lone lower-case word."""
    if m["bracketed"] is not None:
        return m["bracketed"].strip()
    written = m["name"].strip()
    if DIARISED.match(written):
        return written
    slot = read_slot(written)
    if slot is None or slot.kind == "handle" or field_word(name_key(slot.name)):
        return None
    return slot.name


def ambiguous(text: str) -> bool:
    """Whether a cue starting with ``text`` would be read as naming a
    speaker (so a writer labels it with the real one)."""
    # A label has its colon, a dash line its hyphen first, a change of
    # speaker its ">>".
    if ":" in text:
        m = LABEL.match(text)
        if m is not None and speaker_of(m) is not None:
            return True
    if text[:2] == ">>":
        return CHANGE.match(text) is not None
    return text[:1] == "-" and DASH.match(text) is not None


@attrs.frozen(slots=True)
class Piece:
    """A stretch of speech: ``speaker`` is a name as written (None: the
    previous piece's speaker continues); times in seconds; the source lines
    it came from; whether it ends a paragraph; its words' times (one per
    whitespace-separated token of ``text``, or none); whether it starts a
    new turn even when its speaker is the current one; whether a name in
    capitals is put in normal case (None: the builder's default)."""

    speaker: Optional[str]
    text: str
    start: Optional[float] = None
    end: Optional[float] = None
    first_line: Optional[int] = None
    last_line: Optional[int] = None
    ends_paragraph: bool = False
    words: tuple[Word, ...] = ()
    new_turn: bool = False
    display_case: Optional[bool] = None


#: A pause (seconds) between one speaker's cues or words after which the
#: speech goes on in a new paragraph.
PAUSE = 2.0

#: The length (characters) after which a paragraph ends with its sentence.
LONG = 800

#: What ends a sentence.
_SENTENCE_END = frozenset(".?!…。？！")


@attrs.define(slots=True)
class _Open:
    """The turn being built."""

    key: str
    paragraphs: list[tuple[list[str], list[int]]]  # each paragraph's pieces and its soft breaks
    current: list[str]
    start: Optional[float]
    end: Optional[float]
    first_line: Optional[int]
    last_line: Optional[int]
    words: list[Word] = attrs.field(factory=list)
    #: Every piece so far had one word per token.
    timed_words: bool = True
    #: The characters of ``current`` since its last soft break, spaces included.
    size: int = 0
    #: Where in ``current`` the speech would go on in a new paragraph, if
    #: the source marks none (see :meth:`TurnBuilder._new_paragraph`).
    soft: list[int] = attrs.field(factory=list)


class TurnBuilder:
    """Collects pieces into turns.  ``display_case`` writes names given in
    capitals ("STEVE INSKEEP") in normal case, keeping the capitals as an
    alias."""

    def __init__(self, display_case: bool = False) -> None:
        self.display_case = display_case
        self._names: dict[str, str] = {}  # key -> name as first seen
        self._aliases: dict[str, list[str]] = {}
        self._turns: list[tuple[str, _Open]] = []
        self._open: Optional[_Open] = None
        #: The name of the current speaker and of the one before them.
        self.current: Optional[str] = None
        self.previous: Optional[str] = None
        # The key of each name as given, by name and case: a speaker's name
        # is looked at once, not on every piece.
        self._keyed: dict[tuple[str, bool], str] = {}
        # Whether some piece ends a paragraph: the source marks them.
        self._marked = False

    def _key(self, name: str, display_case: Optional[bool] = None) -> str:
        case = self.display_case if display_case is None else display_case
        known = self._keyed.get((name, case))
        if known is not None:
            return known
        given = name
        name = " ".join(name.split())
        shown = display_name(name) if case else name
        key = name_key(shown)
        if key not in self._names:
            self._names[key] = shown
            self._aliases[key] = []
        if shown != name and name not in self._aliases[key] and name != self._names[key]:
            self._aliases[key].append(name)
        self._keyed[(given, case)] = key
        return key

    def speak(self, name: Optional[str]) -> str:
        """Make ``name`` the current speaker (None: keep the current one,
        or the unknown speaker); returns the name in use."""
        if name is None:
            name = self.current or UNKNOWN
        elif name != self.current:
            name = " ".join(name.split()) or UNKNOWN
        if self.current is not None and name != self.current and name_key(name) != name_key(self.current):
            self.previous = self.current
        self.current = name
        return name

    def turn_index(self) -> Optional[int]:
        """The index of the turn being built, or of the last one built."""
        if self._open is not None:
            return len(self._turns)
        return len(self._turns) - 1 if self._turns else None

    def current_key(self) -> Optional[str]:
        """The key of the open turn's speaker (None before any speech)."""
        return self._open.key if self._open is not None else None

    def add(self, piece: Piece) -> None:
        name = self.speak(piece.speaker)
        text = " ".join(piece.text.split())
        if not text:
            turn = self._open
            if piece.ends_paragraph:
                self._marked = True
                if turn is not None and turn.current:
                    self._end_paragraph(turn)
            return
        key = self._key(name, piece.display_case)
        turn = self._open
        if turn is None or turn.key != key or piece.new_turn:
            self._close()
            turn = self._open = _Open(key, [], [], piece.start, piece.end, piece.first_line, piece.last_line)
        elif turn.current and self._new_paragraph(turn, piece):
            turn.soft.append(len(turn.current))
            turn.size = 0
        turn.current.append(text)
        turn.size += len(text) + 1
        if turn.timed_words:
            if len(piece.words) == text.count(" ") + 1:
                turn.words.extend(piece.words)
            else:
                turn.timed_words = False
        if piece.ends_paragraph:
            self._marked = True
            self._end_paragraph(turn)
        if piece.start is not None and turn.start is None:
            turn.start = piece.start
        if piece.end is not None:
            turn.end = piece.end if turn.end is None else max(turn.end, piece.end)
        if piece.first_line is not None and turn.first_line is None:
            turn.first_line = piece.first_line
        if piece.last_line is not None:
            turn.last_line = piece.last_line

    @staticmethod
    def _end_paragraph(turn: "_Open") -> None:
        turn.paragraphs.append((turn.current, turn.soft))
        turn.current, turn.soft, turn.size = [], [], 0

    @staticmethod
    def _new_paragraph(turn: "_Open", piece: Piece) -> bool:
        """Whether speech that the source does not divide goes on in a new
        paragraph, unless some piece of the file ends one (the source marks
        its paragraphs, and these stand): after a pause of :data:`PAUSE` seconds or more, or, once
        the paragraph holds :data:`LONG` characters, after a sentence's
        end (three times as many: at any piece, for speech without
        punctuation).  (Captions and recognisers give one speaker's speech as a run
        of cues or words; a monologue would be one paragraph.)"""
        if piece.start is not None and turn.end is not None and piece.start - turn.end >= PAUSE:
            return True
        return turn.size >= LONG and (turn.current[-1][-1:] in _SENTENCE_END or turn.size >= 3 * LONG)

    def _paragraphs(self, turn: "_Open") -> tuple[str, ...]:
        """A built turn's paragraphs: divided at the soft breaks where the
        source marks no paragraph."""
        out: list[str] = []
        for pieces, soft in turn.paragraphs:
            if not soft or self._marked:
                out.append(" ".join(pieces))
                continue
            at = 0
            for k in soft:
                out.append(" ".join(pieces[at:k]))
                at = k
            out.append(" ".join(pieces[at:]))
        return tuple(out)

    def _close(self) -> None:
        turn = self._open
        if turn is None:
            return
        if turn.current:
            self._end_paragraph(turn)
        self._turns.append((turn.key, turn))
        self._open = None

    def build(self, metadata: Metadata = Metadata()) -> Transcript:
        self._close()
        keys = list(self._names)
        ids = dict(zip(keys, unique_slugs(self._names[k] for k in keys)))
        # Every name was registered by a piece with words, so each speaks.
        speakers = tuple(Speaker(ids[k], self._names[k], tuple(self._aliases[k])) for k in keys)
        turns = []
        for i, (key, u) in enumerate(self._turns):
            end = u.end if u.end is None or u.start is None else max(u.end, u.start)
            lines = None
            if u.first_line is not None:
                lines = Span(u.first_line, max(u.first_line, u.last_line or u.first_line))
            timing: Optional[Timing] = "given" if u.start is not None else None
            words = tuple(u.words) if u.timed_words else ()
            turns.append(Turn(i, ids[key], self._paragraphs(u), u.start, end, timing, lines, words))
        return Transcript(metadata=metadata, speakers=speakers, turns=tuple(turns))


# ------------------------------------------------------------ from cues


@attrs.define(slots=True)
class _Segment:
    """A cue's text divided at speaker prefixes: the label (None: none),
    whether it was bracketed, the speech after it, the line as written,
    whether it came from a dash line (0: no, 1: the cue's first dash, 2:
    a later one) or follows a change of speaker (:data:`CHANGE`, 3), and
    the range of the cue's tokens it holds."""

    label: Optional[str]
    bracketed: bool
    text: str
    raw: str
    dash: int
    first: int
    stop: int


def _lines(text: str, changes: bool) -> Iterator[tuple[str, bool]]:
    """A cue's lines, stripped, each divided where a change of speaker
    (:data:`CHANGE`) stands when the file marks ``changes``, with whether
    such a change opens it."""
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        if not changes or ">>" not in line:
            yield line, False
            continue
        pieces = CHANGE.split(line)
        if pieces[0].strip():
            yield pieces[0].strip(), False
        for piece in pieces[1:]:
            if piece.strip():
                yield piece.strip(), True


def _marks_changes(cues: Sequence[Cue]) -> bool:
    """Whether the file marks changes of speaker with ">>": some cue opens
    with one (a writer that means ">>" as speech labels such a cue)."""
    return any(c.text[:3].lstrip()[:2] == ">>" and CHANGE.match(c.text.lstrip()) is not None for c in cues)


def _segments(cue: Cue, changes: bool = False) -> list[_Segment]:
    out: list[_Segment] = []
    pos = 0
    dashes = 0
    seen_line = False
    for line, change in _lines(cue.text, changes):
        count = len(line.split())
        dash = DASH.match(line) if line[0] == "-" and not change else None
        body = dash["text"] if dash is not None else line
        m = LABEL.match(body) if (dash is not None or change or not seen_line) and ":" in body else None
        name = speaker_of(m) if m is not None else None
        seen_line = True
        if name is not None and m is not None:
            said = m["text"] or ""
            mark = 1 if dash else 3 if change else 0
            out.append(_Segment(name, m["bracketed"] is not None, said, body, mark, pos + count - len(said.split()), pos + count))
        elif change:
            out.append(_Segment(None, False, body, body, 3, pos, pos + count))
        elif dash is not None:
            out.append(_Segment(None, False, body, body, 1 if dashes == 0 else 2, pos + count - len(body.split()), pos + count))
        elif out:
            last = out[-1]
            last.text = f"{last.text} {line}".strip()
            last.raw = f"{last.raw} {line}"
            last.stop = pos + count
        else:
            out.append(_Segment(None, False, line, line, 0, pos, pos + count))
        if dash is not None:
            dashes += 1
        pos += count
    return out


def _accepted(label: str, bracketed: bool, uses: int) -> bool:
    """Whether a prefix used ``uses`` times names a speaker when prefixes
    need evidence: it recurs, or it cannot be ordinary speech (brackets,
    a recogniser's label, several words, capitals)."""
    return uses >= 2 or bracketed or DIARISED.match(label) is not None or " " in label or label.isupper()


def _split_words(cue: Cue, texts: Sequence[str]) -> list[tuple[Word, ...]]:
    """The cue's words divided among consecutive stretches of its text."""
    counts = [len(t.split()) for t in texts]
    if not cue.words or len(cue.words) != sum(counts):
        return [() for _ in texts]
    out, at = [], 0
    for n in counts:
        out.append(cue.words[at : at + n])
        at += n
    return out


def _shown(text: str) -> list[str]:
    """A cue's lines with text, stripped."""
    return [line for line in (raw.strip() for raw in text.split("\n")) if line]


def _rolls(cues: Sequence[Cue]) -> bool:
    """Whether the captions roll up: each cue shows the previous cue's last
    line again above its new one (YouTube's automatic captions, broadcast
    roll-up captions): most cues after the first open with the previous
    cue's last line, and a third or more add a line below it (cues that
    only repeat the one before, as test files do, are no rolling, nor is a
    repeated line that opens with a speaker's label, which a writer puts on
    cue after cue); and the lines that roll are different lines."""
    pairs = repeats = rolls = 0
    rolled: set[str] = set()
    previous: Optional[list[str]] = None
    for c in cues:
        lines = _shown(c.text)
        if not lines:
            continue
        if previous is not None:
            pairs += 1
            if lines[0] == previous[-1] and not _labelled(lines[0]):
                repeats += 1
                rolls += len(lines) > 1
                rolled.add(lines[0])
        previous = lines
    # The lines that roll are speech going on, each different: one line
    # repeated cue after cue (a token a writer could not break) is no roll.
    return pairs >= 3 and 2 * repeats > pairs and 3 * rolls >= pairs and len(rolled) >= 3 and 2 * len(rolled) >= repeats


def _labelled(line: str) -> bool:
    """Whether a line opens with a speaker prefix: a line a writer labels
    on every cue, which repeats without rolling."""
    if ":" not in line:
        return False
    m = LABEL.match(line)
    return m is not None and speaker_of(m) is not None


def _unrolled(cues: Sequence[Cue]) -> list[Cue]:
    """Rolling captions as the speech each cue adds: the lines a cue opens
    with that end the previous cue are left out (with their words), and a
    cue that adds nothing (a moment's repeat) goes, its end kept by the
    cue before it."""
    out: list[Cue] = []
    screen: list[str] = []
    for c in cues:
        lines = _shown(c.text)
        if not lines:
            continue
        kept = next((k for k in range(min(len(lines), len(screen)), 0, -1) if lines[:k] == screen[-k:]), 0)
        screen = lines
        new = lines[kept:]
        if not new:
            if out and c.end > out[-1].end:
                out[-1] = attrs.evolve(out[-1], end=c.end, end_line=c.end_line or out[-1].end_line)
            continue
        tokens = sum(len(line.split()) for line in lines)
        words = c.words[sum(len(line.split()) for line in lines[:kept]) :] if len(c.words) == tokens else ()
        out.append(attrs.evolve(c, text="\n".join(new), words=words))
    return out


def from_cues(
    cues: Sequence[Cue],
    metadata: Metadata = Metadata(),
    *,
    evidence: bool = False,
    breaks: Optional[Sequence[tuple[bool, bool]]] = None,
    disambiguates: Callable[[str], bool] = ambiguous,
) -> Transcript:
    """A transcript from a caption file's cues.

    Where any cue has a voice, voices name the speakers and a cue without
    one continues the previous speaker; consecutive cues of one voice make
    one turn.  Otherwise speaker prefixes do (see the module's doc); with
    ``evidence`` a prefix names a speaker only when :func:`_accepted`
    allows.  A prefix that repeats the current speaker starts a new turn
    (the turn boundary a writer kept) unless the speech after it would
    itself read as a prefix (a writer's disambiguation), or every cue of
    the file is prefixed (a recogniser's output, one prefix per cue).

    ``breaks`` gives, per cue, whether it starts a new turn and whether it
    ends a paragraph, for formats whose structure says so (TTML's divs);
    ``disambiguates(text)`` says that speech ``text`` needed the label its
    writer put before it (by default: it would read as a prefix)."""
    voiced = any((any(p.voice for p in c.parts) if c.parts else c.voice) for c in cues)
    b = TurnBuilder()
    if voiced:
        for n, c in enumerate(cues):
            parts = c.voiced()
            starts, ends = breaks[n] if breaks is not None else (False, False)
            for k, (part, words) in enumerate(zip(parts, _split_words(c, [p.text for p in parts]))):
                last = k + 1 == len(parts)
                b.add(Piece(part.voice, part.text, c.start, c.end, c.line, c.end_line, ends and last, words, starts and k == 0))
        return b.build(metadata)

    if breaks is None and _rolls(cues):
        cues = _unrolled(cues)
    changes = _marks_changes(cues)
    segmented = [(c, _segments(c, changes)) for c in cues]
    uses = Counter(name_key(s.label) for _, segs in segmented for s in segs if s.label is not None)
    for _, segs in segmented:
        for s in segs:
            if s.label is not None and evidence and not _accepted(s.label, s.bracketed, uses[name_key(s.label)]):
                s.label, s.text = None, s.raw
                s.first = s.stop - len(s.raw.split())
    # One prefix per cue: every cue with speech opens with one, and some
    # follow a cue of the same speaker.
    spoken = [segs for _, segs in segmented if any(s.text for s in segs)]
    firsts = [name_key(segs[0].label) if segs[0].label is not None else None for segs in spoken]
    per_cue = len(firsts) > 1 and None not in firsts and any(a == c for a, c in zip(firsts, firsts[1:]))
    keys: dict[str, str] = {}  # the key a label gives a speaker, by label
    for n, (c, segs) in enumerate(segmented):
        starts, ends = breaks[n] if breaks is not None else (False, False)
        timed = bool(c.words) and len(c.words) == len(c.text.split())
        for k, s in enumerate(segs):
            w = c.words[s.first : s.stop] if timed else ()
            new_turn = False
            if s.label is None and s.dash == 2:
                who: Optional[str] = b.previous or "Speaker 2"
            elif s.label is None and s.dash == 3:
                # An unnamed new speaker: the one before the current one
                # (two people taking turns), a second one, or, before any
                # speech, the unknown speaker.
                who = (b.previous or "Speaker 2") if b.current_key() is not None else None
                new_turn = True
            else:
                who = s.label
            if s.label is not None and not per_cue and not s.dash and not disambiguates(s.text):
                key = keys.get(s.label)
                if key is None:
                    key = keys[s.label] = name_key(display_name(s.label))
                new_turn = b.current_key() == key
            new_turn = new_turn or (starts and k == 0) or s.dash == 3
            if who is not None or s.text:
                b.add(Piece(who, s.text, c.start, c.end, c.line, c.end_line, ends and k + 1 == len(segs), w, new_turn, True))
    return b.build(metadata)


def reading(found: Sequence[Cue], ctx: Any, title: Optional[str] = None, language: Optional[str] = None) -> Transcript:
    """The transcript of a caption file's cues, a speaker prefix taken on
    evidence (see :func:`from_cues`): what every cue reader's ``read`` gives."""
    return from_cues(found, Metadata(title=title, source=ctx.filename, language=language), evidence=True)
