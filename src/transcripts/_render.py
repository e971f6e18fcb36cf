"""Transcripts rendered as speaker-labelled text, for testing parsers.

:func:`render` writes a :class:`~transcripts.model.Transcript` the way one
labelling convention writes it, in any of the parser's conventions and
under the parser's name for it (:func:`transcripts.conventions`):
"Full Name: text", Q/A and initials (``name-colon``), "**Name:** text"
(``markdown-bold``), "STEVE INSKEEP:" (``caps-colon``), "[00:12:34] Name:
text" (``bracket-time-name``), a name alone on its line (``own-line``;
marked, "**Name**" or "### Name": ``marked-own-line``),
"MARISOL VEGA. text" (``name-period``), … (see :data:`VARIANTS`), and,
optionally, wraps it in the noise real pages carry.  It returns an
:class:`Episode`: the text, the convention the parser must record for it,
and the transcript that text must parse back to, with the line numbers
where each turn and topic sits.

Nothing here draws random choices: :mod:`transcripts.strategies` does, and
hands the choices over as a variant name and a :class:`Noise`.  This module
needs no hypothesis.
"""

from __future__ import annotations

from typing import Optional, Sequence

import attrs

from .model import Metadata, Span, Speaker, Topic, Transcript, Turn
from . import words as W
from .names import unique_slugs
from .parser import conventions

__all__ = [
    "CONVENTIONS",
    "Episode",
    "NOISE",
    "Noise",
    "VARIANTS",
    "differences",
    "dialogue",
    "initials",
    "render",
    "short_name",
]

#: The variants :func:`render` writes of each of the parser's conventions
#: (:func:`transcripts.conventions`), under the name the parser records in
#: ``metadata.convention`` for a text written so; the first variant is the
#: default.
VARIANTS: dict[str, tuple[str, ...]] = {
    "bold-name-time": ("bold",),  # **Name (00:00:31)** text
    "bold-name-bracket-time": ("bracket",),  # **Name** [1:02] text
    "time-bold-name": ("decimal",),  # 0:01:02.0 **Name** text
    "bracket-time-name": ("bracket", "bare"),  # [00:12:34] Name: text / 00:12:34 Name: text (Zoom)
    # [00:00:03.0] Name / 00:00:03 Name alone on its line, the text below (Happy Scribe, Trint, Meet)
    "time-name": ("bracket", "bare"),
    "bracket-name-time": ("bracket",),  # [Name] 00:02:15 alone on its line, the text below (Zoom)
    "bracket-name": ("bracket",),  # [Name] text
    "markdown-bold": ("colon-inside", "colon-outside"),  # **Name:** text / **Name**: text
    "name-paren-time": (
        "inline",  # Name (01:02): text         (Rev)
        "block",  # Name (01:02):  ⏎ text       (Rev, label alone on its line)
        "paren",  # Name (00:01:02) text, then "(00:01:05) text" continuations
    ),
    # Name [00:01:02] text / the label alone on its line, the text below
    "name-bracket-time": ("inline", "block"),
    "otter": ("otter",),  # Name  1:02  ⏎ text          (Otter export)
    "name-time-text": ("spaced",),  # Name  1:02  text (an export's columns on one line)
    "time-name-dash": ("hyphen", "em"),  # 00:01:02 Name - text / [1:02] Name — text
    "table-row": ("timed",),  # | 1:02 | Name | text |  (a markdown table's rows)
    # **Name** *1:02* / ### Name 00:01:02 / **Name** · 1:02 alone on its line, the text below
    "marked-name-time": ("bold-italic", "heading", "dot"),
    "irc": ("plain", "timed"),  # <Name> text / [10:02] <Name> text  (a chat log; the nick is the name without spaces)
    # STEVE INSKEEP: each time / "STEVE INSKEEP, HOST:" then "INSKEEP:" /
    # full then surname only / full then given name only ("LULU:")
    "caps-colon": ("full", "roles", "surname", "given"),
    "name-colon": (
        "full-name",  # Full Name: text
        "q-a",  # Q: / A:, resolved by an intro saying who asks
        "host-guest",  # Host: / Guest:, likewise
        "interviewer-guest",  # Interviewer: / Guest:, likewise
        "initials",  # "Participants: Marisol Vega (MV), …" then "MV: text"
    ),
    "name-dash-time": ("dash",),  # Name – 00:03:20:  ⏎⏎ text
    "name-dash": ("em", "en"),  # Name — text / Name – text
    # MARISOL VEGA. text (a congressional record's full stop) / the label
    # alone in its paragraph, the speech below
    "name-period": ("inline", "alone"),
    "own-line": ("plain", "capitals", "gap"),  # the name alone on its line, text below (or after a blank line)
    "marked-own-line": ("bold", "heading"),  # **Name** / ### Name alone on its line, the text in the paragraphs below
}

#: The parser's conventions, in its rule order: the strategies write every one.
CONVENTIONS: tuple[str, ...] = conventions()
if set(VARIANTS) != set(CONVENTIONS):  # one vocabulary: the parser's
    raise ImportError(
        "transcripts.strategies and the parser disagree on the conventions: "
        f"the parser has no {sorted(set(VARIANTS) - set(CONVENTIONS))}, "
        f"the strategies cannot write {sorted(set(CONVENTIONS) - set(VARIANTS))} "
        "(VARIANTS in transcripts/_render.py names them)"
    )

#: The conventions whose labels carry each turn's start time.
TIMED: frozenset[str] = frozenset(
    {
        "bold-name-time", "bold-name-bracket-time", "time-bold-name", "bracket-time-name", "time-name",
        "bracket-name-time", "name-paren-time", "name-bracket-time", "otter", "name-dash-time",
        "name-time-text", "time-name-dash", "table-row", "marked-name-time",
    }  # fmt: skip
)

#: Variants whose labels stand for a role (Q/A, Host/Guest) that an intro resolves.
QA_VARIANTS: dict[str, tuple[str, str]] = {"q-a": ("Q", "A"), "host-guest": ("Host", "Guest"), "interviewer-guest": ("Interviewer", "Guest")}

#: Kinds of noise :class:`Noise` can add around and inside the dialogue.
NOISE: tuple[str, ...] = ("intro", "topics", "notes", "events", "chrome", "crlf", "bom", "nbsp")

_PARTICLES = W.PARTICLES
_TITLES = frozenset({"Dr.", "Prof.", "Mr.", "Mrs.", "Ms."})
NBSP = "\u00a0"


@attrs.frozen(slots=True)
class Noise:
    """What to add around and inside the dialogue.

    ``kinds`` says which kinds of :data:`NOISE` are on; the other fields
    hold their text, drawn by the strategies.  ``inserts`` are notes and
    events placed inside the dialogue: ``(turn, k, text)`` puts ``text``
    after the turn's ``k``-th paragraph (``k`` = 1 … its paragraph count).
    """

    kinds: tuple[str, ...] = ()
    header: tuple[str, ...] = ()  # page chrome before everything ("chrome")
    title: Optional[str] = None  # the episode's title ("intro")
    dateline: Optional[str] = None  # "Friday, 14 March 2025" ("intro")
    intro: tuple[str, ...] = ()  # paragraphs that name the guests ("intro")
    topics: tuple[str, ...] = ()  # announced after "We discuss…" ("topics")
    inserts: tuple[tuple[int, int, str], ...] = ()  # notes and events ("notes", "events")
    footer: tuple[str, ...] = ()  # page chrome after the dialogue ("chrome")

    def __attrs_post_init__(self) -> None:
        unknown = set(self.kinds) - set(NOISE)
        if unknown:
            raise ValueError(f"unknown noise {sorted(unknown)}; known: {', '.join(NOISE)}")


@attrs.frozen(slots=True)
class Episode:
    """A rendered episode: the ``text`` and the ``transcript`` it must parse to.

    ``transcript`` holds the speakers (names, ids, roles), every turn (its
    speaker, paragraphs, start time where the convention writes one, and
    the lines it spans) and the announced topics; its metadata and blocks
    are left empty, since pages differ in what they call a heading.
    ``convention`` is the parser's name for the convention the text is
    written in (one of :func:`transcripts.conventions`), which
    ``transcripts.parse(text).metadata.convention`` records; ``variant``
    one of its :data:`VARIANTS`.
    """

    text: str
    transcript: Transcript
    convention: str
    variant: str
    noise: tuple[str, ...] = ()

    @property
    def data(self) -> bytes:
        """The text as UTF-8 bytes, as a file would hold it."""
        return self.text.encode("utf-8")

    @property
    def speakers(self) -> tuple[str, ...]:
        """The speakers' names, in order of first turn."""
        return tuple(s.name for s in self.transcript.speakers)

    @property
    def dialogue(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """``(speaker name, paragraphs)`` for each turn."""
        return dialogue(self.transcript)


def dialogue(t: Transcript) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``(speaker name, paragraphs)`` for each turn of ``t``."""
    name = {s.id: s.name for s in t.speakers}
    return tuple((name.get(u.speaker, u.speaker), u.paragraphs) for u in t.turns)


def differences(expected: Transcript, actual: Transcript, *, limit: int = 5) -> tuple[str, ...]:
    """How ``actual`` differs from ``expected`` in what a parser must get
    right: the speakers' names, the number of turns, and each turn's
    speaker, paragraphs and (where ``expected`` has one) start time.
    Empty when they agree."""
    out: list[str] = []
    want = sorted(s.name for s in expected.speakers)
    got = sorted(s.name for s in actual.speakers)
    if want != got:
        out.append(f"speakers: expected {want}, got {got}")
    if len(expected.turns) != len(actual.turns):
        out.append(f"turns: expected {len(expected.turns)}, got {len(actual.turns)}")
    a_name = {s.id: s.name for s in actual.speakers}
    e_name = {s.id: s.name for s in expected.speakers}
    for e, a in zip(expected.turns, actual.turns):
        if len(out) >= limit:
            break
        if e_name.get(e.speaker) != a_name.get(a.speaker):
            out.append(f"turn {e.index}: speaker expected {e_name.get(e.speaker)!r}, got {a_name.get(a.speaker)!r}")
        elif e.paragraphs != a.paragraphs:
            out.append(f"turn {e.index} ({e_name.get(e.speaker)}): paragraphs expected {list(e.paragraphs)!r}, got {list(a.paragraphs)!r}")
        elif e.start is not None and e.start != a.start:
            out.append(f"turn {e.index}: start expected {e.start}, got {a.start}")
    return tuple(out[:limit])


# ---------------------------------------------------------------------------
# Names as labels
# ---------------------------------------------------------------------------


def _words(name: str) -> list[str]:
    """The words of a name without its title ("Dr.")."""
    words = name.split(" ")
    return words[1:] if len(words) > 1 and words[0] in _TITLES else words


def _latin(name: str) -> bool:
    """No letter from the CJK blocks onwards (Han, kana, Hangul)."""
    return not any(ord(c) >= 0x2E80 for c in name if c.isalpha())


def short_name(name: str, which: str) -> Optional[str]:
    """The surname ("van der Berg", "Álvarez-Ruiz") or the given name of a
    Latin-script name shaped [title] given [particles] family; ``None`` for
    other names ("Nguyễn Văn An", "Zhang Wei 张伟"), whose short forms
    depend on more than their shape."""
    words = _words(name)
    if not _latin(name) or len(words) < 2 or words[0] in _PARTICLES:
        return None
    if any(w not in _PARTICLES for w in words[1:-1]):
        return None
    return words[0] if which == "given" else " ".join(words[1:])


def initials(name: str) -> Optional[str]:
    """"Marisol Vega" → "MV"; particles and titles are skipped; ``None``
    for names not in Latin script or of one word."""
    words = [w for w in _words(name) if w not in _PARTICLES]
    if len(words) < 2 or not _latin(name):
        return None
    return "".join(w[0] for w in words).upper()


# ---------------------------------------------------------------------------
# Times
# ---------------------------------------------------------------------------


def _hms(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}"


def _tenths(seconds: float) -> str:
    """H:MM:SS.s, as exports that put the time before a bold name write it."""
    s = int(seconds)
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}.{int(seconds * 10) % 10}"


def _rev(seconds: float) -> str:
    """Rev writes (MM:SS) under an hour and (HH:MM:SS) after."""
    s = int(seconds)
    return f"{s // 60:02d}:{s % 60:02d}" if s < 3600 else _hms(s)


def _otter(seconds: float) -> str:
    """Otter writes M:SS under an hour and H:MM:SS after."""
    s = int(seconds)
    return f"{s // 60}:{s % 60:02d}" if s < 3600 else f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


# ---------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------


@attrs.frozen(slots=True)
class _Piece:
    """One paragraph of output (it may hold several lines) and the turn it
    is speech of, if any; ``topic`` marks an announced topic's bullet."""

    text: str
    turn: Optional[int] = None
    topic: Optional[str] = None


class _Labeller:
    """Turns a speaker into the label a convention writes for them."""

    def __init__(self, t: Transcript, convention: str, variant: str) -> None:
        self.convention, self.variant = convention, variant
        self.seen: set[str] = set()
        self.by_id = {s.id: s for s in t.speakers}
        asker = next((s.id for s in t.speakers if s.role == "host"), t.turns[0].speaker if t.turns else None)
        self.asker = asker

    def name(self, speaker: Speaker) -> str:
        c, v = self.convention, self.variant
        first = speaker.id not in self.seen
        self.seen.add(speaker.id)
        if c == "caps-colon":
            label = speaker.name.upper()
            if not first and v in ("roles", "surname", "given"):
                label = (short_name(speaker.name, "given" if v == "given" else "surname") or speaker.name).upper()
            if first and v == "roles" and speaker.role in ("host", "guest"):
                label += ", " + speaker.role.upper()
            return label
        if v in QA_VARIANTS:
            q, a = QA_VARIANTS[v]
            return q if speaker.id == self.asker else a
        if v == "initials":
            return initials(speaker.name) or speaker.name
        if c == "name-period" or (c == "own-line" and v == "capitals"):
            return speaker.name.upper()
        if c == "irc":
            return nick(speaker.name)
        return speaker.name


def nick(name: str) -> str:
    """A chat nick for a name: its letters and digits run together
    ("AnnLee", "DrZoëvanderBerg")."""
    return "".join(ch for ch in name if ch.isalnum() or ch in "_-")


def _space(noise: Noise) -> str:
    return NBSP if "nbsp" in noise.kinds else " "


def _head(convention: str, variant: str, label: str, first: str, start: float, sp: str) -> list[str]:
    """A turn's label and first paragraph as ``convention`` writes them: one
    paragraph (perhaps of two lines), or two when the label stands alone."""
    if convention == "bold-name-time":
        return [f"**{label} ({_hms(start)})**{sp}{first}"]
    if convention == "bold-name-bracket-time":
        return [f"**{label}** [{_otter(start)}]{sp}{first}"]
    if convention == "time-bold-name":
        return [f"{_tenths(start)} **{label}**{sp}{first}"]
    if convention == "bracket-time-name":
        return [f"{_hms(start)} {label}:{sp}{first}" if variant == "bare" else f"[{_hms(start)}] {label}:{sp}{first}"]
    if convention == "time-name":
        return [f"{_hms(start)} {label}\n{first}" if variant == "bare" else f"[{_hms(start)}.0] {label}\n{first}"]
    if convention == "bracket-name-time":
        return [f"[{label}] {_hms(start)}\n{first}"]
    if convention == "bracket-name":
        return [f"[{label}]{sp}{first}"]
    if convention == "markdown-bold":
        return [f"**{label}:**{sp}{first}" if variant == "colon-inside" else f"**{label}**:{sp}{first}"]
    if convention == "name-paren-time":
        return {
            "inline": [f"{label} ({_rev(start)}):{sp}{first}"],
            "block": [f"{label} ({_rev(start)}):\n{first}"],
            "paren": [f"{label} ({_hms(start)}){sp}{first}"],
        }[variant]
    if convention == "name-bracket-time":
        return [f"{label} [{_hms(start)}]\n{first}" if variant == "block" else f"{label} [{_hms(start)}]{sp}{first}"]
    if convention == "otter":
        return [f"{label}  {_otter(start)}\n{first}"]
    if convention == "name-time-text":
        return [f"{label}  {_otter(start)}  {first}"]
    if convention == "time-name-dash":
        return [f"{_hms(start)} {label} -{sp}{first}" if variant == "hyphen" else f"[{_otter(start)}] {label} —{sp}{first}"]
    if convention == "marked-name-time":
        return {
            "bold-italic": [f"**{label}** *{_otter(start)}*", first],
            "heading": [f"### {label} {_hms(start)}", first],
            "dot": [f"**{label}** · {_otter(start)}", first],
        }[variant]
    if convention == "irc":
        return [f"[{_otter(start)}] <{label}>{sp}{first}" if variant == "timed" else f"<{label}>{sp}{first}"]
    if convention == "table-row":
        return [f"| {_otter(start)} | {label} | {first} |"]
    if convention == "name-dash-time":
        return [f"{label} – {_hms(start)}:", first]
    if convention == "name-dash":
        return [f"{label} {'—' if variant == 'em' else '–'}{sp}{first}"]
    if convention == "name-period":
        return [f"{label}.", first] if variant == "alone" else [f"{label}.{sp}{first}"]
    if convention == "own-line":
        return [label, first] if variant == "gap" else [f"{label}\n{first}"]
    if convention == "marked-own-line":
        return [f"### {label}" if variant == "heading" else f"**{label}**", first]
    return [f"{label}:{sp}{first}"]


def _turn_pieces(t: Transcript, convention: str, variant: str, noise: Noise) -> list[_Piece]:
    """The dialogue: each turn's labelled paragraph, its other paragraphs,
    and the notes and events inside it."""
    labeller = _Labeller(t, convention, variant)
    sp = _space(noise)
    inserts: dict[tuple[int, int], list[str]] = {}
    for turn, k, text in noise.inserts:
        inserts.setdefault((turn, k), []).append(text)
    out: list[_Piece] = []
    for pos, u in enumerate(t.turns):
        label = labeller.name(labeller.by_id[u.speaker])
        start = u.start if u.start is not None else 0.0
        first, rest = u.paragraphs[0], u.paragraphs[1:]
        if sp == NBSP and pos % 2:
            # No-break spaces inside the name and the speech, too.
            label, first = label.replace(" ", NBSP, 1), first.replace(" ", NBSP, 1)
        head = _head(convention, variant, label, first, start, sp)
        out.extend(_Piece(h, pos) for h in head)
        out.extend(_Piece(x) for x in inserts.get((pos, 1), ()))
        for k, p in enumerate(rest, 2):
            if convention == "name-paren-time" and variant == "paren":
                p = f"({_hms(start + k - 1)}) {p}"
            out.append(_Piece(p, pos))
            out.extend(_Piece(x) for x in inserts.get((pos, k), ()))
    return out


def _required_intro(t: Transcript, convention: str, variant: str) -> list[str]:
    """What a convention needs the page to say so its labels resolve: who
    asks and who answers (Q/A), who the initials stand for."""
    if variant in QA_VARIANTS and t.speakers:
        labeller = _Labeller(t, convention, variant)
        asker = labeller.by_id.get(labeller.asker or "")
        others = [s for s in t.speakers if s is not asker]
        if asker is None or not others:
            return []
        guest, d = others[0], others[0].description
        # "with glassblower X" for a one-word description, else "with X, d,"
        who = f"{d} {guest.name}" if d and " " not in d else f"{guest.name}, {d}" if d else guest.name
        return [f"This is an interview with {who}, conducted by {asker.name}."]
    if variant == "initials" and t.speakers:
        parts = []
        for s in t.speakers:
            what = s.description or (s.role if s.role != "unknown" else None)
            parts.append(f"{s.name} ({initials(s.name) or s.name})" + (f", {what}" if what else ""))
        return ["Participants: " + "; ".join(parts) + "."]
    return []


def _layout(pieces: Sequence[_Piece]) -> tuple[str, dict[int, Span], list[tuple[str, int]]]:
    """Join the pieces with blank lines; the line span of each turn and the
    line of each announced topic."""
    lines: list[str] = []
    spans: dict[int, Span] = {}
    topics: list[tuple[str, int]] = []
    for piece in pieces:
        if lines:
            lines.append("")
        first = len(lines) + 1
        lines.extend(piece.text.split("\n"))
        last = len(lines)
        if piece.turn is not None:
            old = spans.get(piece.turn)
            spans[piece.turn] = Span(old.start if old else first, last)
        if piece.topic is not None:
            topics.append((piece.topic, first))
    return "\n".join(lines) + "\n", spans, topics


def render(t: Transcript, convention: str = "name-colon", variant: Optional[str] = None, noise: Noise = Noise()) -> Episode:
    """``t``'s dialogue written in ``convention`` (see :data:`VARIANTS`),
    wrapped in ``noise``; the :class:`Episode` holds the text and what it
    must parse back to.

    Every turn needs at least one paragraph.  Labels are written from the
    speakers' names (capitals, initials, Q/A as the variant wants);
    times from the turns' starts (0 where a turn has none)."""
    if convention not in VARIANTS:
        raise ValueError(f"unknown convention {convention!r}; known: {', '.join(CONVENTIONS)}")
    variant = variant or VARIANTS[convention][0]
    if variant not in VARIANTS[convention]:
        raise ValueError(f"unknown variant {variant!r} of {convention}; known: {', '.join(VARIANTS[convention])}")
    if any(not u.paragraphs for u in t.turns):
        raise ValueError("every turn needs a paragraph")
    kinds = set(noise.kinds)
    pieces: list[_Piece] = []
    if "chrome" in kinds:
        pieces += [_Piece(x) for x in noise.header]
    if "intro" in kinds:
        pieces += [_Piece(x) for x in (noise.title, noise.dateline) if x]
        pieces += [_Piece(x) for x in noise.intro]
    pieces += [_Piece(x) for x in _required_intro(t, convention, variant)]
    if "topics" in kinds and noise.topics:
        pieces.append(_Piece("We discuss…"))
        pieces += [_Piece(f"{_space(noise) * 2}• {title},", topic=title) for title in noise.topics]
    pieces += _turn_pieces(t, convention, variant, noise)
    if "chrome" in kinds:
        pieces += [_Piece(x) for x in noise.footer]
    text, spans, topic_lines = _layout(pieces)

    # What the text must parse to: speakers in order of first turn.
    order = list(dict.fromkeys(u.speaker for u in t.turns))
    by_id = {s.id: s for s in t.speakers}
    shown = {i: nick(by_id[i].name) if convention == "irc" else by_id[i].name for i in order}
    new_id = dict(zip(order, unique_slugs([shown[i] for i in order])))
    speakers = tuple(Speaker(new_id[i], shown[i], role=by_id[i].role) for i in order)
    timed = convention in TIMED
    turns = []
    for k, u in enumerate(t.turns):
        start = (u.start or 0.0) if timed else None
        nxt = t.turns[k + 1] if k + 1 < len(t.turns) else None
        end = (nxt.start or 0.0) if timed and nxt is not None else None
        turns.append(Turn(k, new_id[u.speaker], u.paragraphs, start, end, "given" if timed else None, spans[k]))
    topics = tuple(Topic(title, "announced", True, (), None, Span(line, line)) for title, line in topic_lines)
    expected = Transcript(Metadata(), speakers, tuple(turns), topics, ())

    if "crlf" in kinds:
        text = text.replace("\n", "\r\n")
    if "bom" in kinds:
        text = "\ufeff" + text
    return Episode(text, expected, convention, variant, tuple(n for n in NOISE if n in kinds))
