"""Hypothesis strategies for transcripts: model objects, realistic
conversations, and whole episodes written as text in any labelling
convention, each with the transcript it must parse to.

Import explicitly: this module needs hypothesis, which ``import
transcripts`` never imports.  To property-test a parser::

    from hypothesis import given
    from transcripts.strategies import episodes

    @given(episodes(convention="name-colon", variant="full-name", noise=True))
    def test_my_parser(ep):
        assert my_parse(ep.text) == ep.dialogue   # ((name, paragraphs), …)

Conventions carry the parser's names (:func:`transcripts.conventions`),
so ``transcripts.parse(ep.text).metadata.convention == ep.convention``.

Strategies for model objects (:func:`transcripts`, :func:`topics`,
:func:`blocks`, :func:`metadata`) fill fields with arbitrary text, for
serialisation round trips; :func:`conversations` and :func:`episodes` draw
realistic people and speech that a parser can be held to.
"""

from __future__ import annotations

import random
import unicodedata
from typing import Callable, Iterable, Optional, Union

import attrs
from hypothesis import assume
from hypothesis import strategies as st

from ._render import CONVENTIONS, NOISE, QA_VARIANTS, TIMED, VARIANTS, Episode, Noise, differences, dialogue, initials, render, short_name
from .assemble import UNLABELLED
from .model import BLOCK_KINDS, ROLES, TOPIC_SOURCES, Block, Metadata, Span, Speaker, Topic, Transcript, Turn
from .names import same_person, unique_slugs

__all__ = [
    "CONVENTIONS",
    "Episode",
    "NOISE",
    "Noise",
    "TIMED",
    "VARIANTS",
    "blocks",
    "conversations",
    "dialogue",
    "differences",
    "episodes",
    "initials",
    "messy_texts",
    "metadata",
    "names",
    "paragraphs",
    "render",
    "speakers",
    "spans",
    "text_fields",
    "times",
    "topic_titles",
    "topics",
    "transcripts",
    "turns",
]

# ---------------------------------------------------------------------------
# Names
# ---------------------------------------------------------------------------

_GIVEN = (
    "Ada", "Ann", "Bo", "José", "Ursula", "Mary", "Amara", "Marisol", "Tomás", "Lulu", "Steve", "Ilari",
    "Søren", "Chloé", "Zoë", "Kwame", "Priya", "Ólafur", "Małgorzata", "Jean-Luc", "D'Arcy", "Siobhán",
)  # fmt: skip
_FAMILY = (
    "Lee", "Chen", "Álvarez-Ruiz", "van der Berg", "O'Neil", "Okafor", "Vega", "Miller", "Inskeep",
    "Mäkelä", "Lindqvist", "Dubois", "Østergaard", "Nowak", "de la Cruz", "Al-Masri", "McCarthy", "Ó Briain",
)  # fmt: skip
_WHOLE = ("Nguyễn Văn An", "Zhang Wei 张伟", "刘洋", "李娜", "王芳", "佐藤 花子", "김민준")
_TITLES = ("Dr. ", "Prof. ")


def _caps_safe(name: str) -> bool:
    """Whether the name survives being written in capitals and read back in
    normal case: each part Capitalised then lower case ("O'Neil",
    "Álvarez-Ruiz", "Dr."), "Mc" names ("McCarthy"), lower-case particles
    ("van der") and scripts without case ("张伟")."""
    for part in name.replace("-", " ").replace("'", " ").split(" "):
        if part.islower() or not any(c.isupper() or c.islower() for c in part):
            continue
        rest = part[2:] if part.startswith("Mc") else part
        if not (rest[:1].isupper() and (len(rest) == 1 or rest[1:].islower())):
            return False
    return True


@st.composite
def names(draw: st.DrawFn, cjk: bool = True) -> str:
    """Realistic full names: non-ASCII letters ("José Álvarez-Ruiz"),
    particles ("Ursula van der Berg"), apostrophes ("Mary O'Neil"), hyphens,
    titles ("Dr. Amara Okafor"), and names in CJK script ("Zhang Wei 张伟")
    unless ``cjk`` is false."""
    if draw(st.integers(0, 7)) == 0:
        return draw(st.sampled_from(_WHOLE if cjk else _WHOLE[:1]))
    title = draw(st.sampled_from(_TITLES)) if draw(st.integers(0, 5)) == 0 else ""
    return title + draw(st.sampled_from(_GIVEN)) + " " + draw(st.sampled_from(_FAMILY))


def _name_words(name: str) -> list[str]:
    """The words of a name without its title ("Dr.")."""
    words = name.split(" ")
    return words[1:] if len(words) > 1 and words[0] + " " in _TITLES else words


def _person_key(name: str) -> str:
    """One key per person however titled: "Dr. Ann Lee" is "Ann Lee"."""
    return " ".join(_name_words(name)).casefold()


_DESCRIPTIONS = (
    "coastal engineer at the Port of Calderon", "a historian of the town's shipyards", "glassblower",
    "marine biologist", "retired ferry captain", "economist", "novelist", "defense editor at a weekly",
    "professor of history", "nurse", "beekeeper",
)  # fmt: skip


@st.composite
def speakers(
    draw: st.DrawFn,
    min_size: int = 1,
    max_size: int = 4,
    *,
    name: Optional[st.SearchStrategy[str]] = None,
    distinct: Optional[Callable[[str], object]] = None,
) -> tuple[Speaker, ...]:
    """Distinct people (no two could be one person spelled two ways), with
    unique ids: the first is the host, the others guests with a short
    description.  ``distinct`` maps a name to a key that must differ
    between speakers (their initials, their surname); ``name`` draws names."""
    keys: tuple[Callable[[str], object], ...] = (_person_key,) + ((distinct,) if distinct else ())
    drawn = draw(st.lists(name if name is not None else names(), min_size=min_size, max_size=max_size, unique_by=keys))
    people: list[str] = []
    for person in drawn:
        if not any(same_person(person, p) for p in people):
            people.append(person)
    assume(len(people) >= min_size)
    ids = unique_slugs(people)
    return tuple(
        Speaker(
            id=sid,
            name=person,
            role="host" if k == 0 else "guest",
            description=None if k == 0 else draw(st.sampled_from(_DESCRIPTIONS)),
        )
        for k, (sid, person) in enumerate(zip(ids, people))
    )


# ---------------------------------------------------------------------------
# Speech
# ---------------------------------------------------------------------------

_VOCAB = tuple(
    """the a of and to in that it was for on are with as they be at one have this from or had by
    but what some we can out other were all there when up use your how said each she which do their
    time if will way about many then them would like so these her long make thing see him two has look
    more day could go come did number sound no most people my over know water than call first who may
    down side been now find any new work part take get place made live where after back little only
    round year came show every good me give our under harbour silt wall river tide money town ledger
    storm marsh basin sand boat port""".split()
)  # fmt: skip
_FLAVOUR = (
    "café", "naïve", "Zürich", "São Paulo", "Kraków", "façade", "long-term", "1924", "80%", "$40,000",
    "3.5", "10:30", "don’t", "it's", "we’re", "O’Hare", "e-mail", "COVID-19", "“really”", "(roughly)",
    "— and this matters —", "twenty-one", "№ 5", "½", "東京",
)  # fmt: skip
_SHORT = ("Yes.", "Right.", "Exactly.", "Mm-hm.", "No, not really.", "Sure.", "Wow.", "Absolutely!")
# Letters and digits of any script, for the odd word of arbitrary letters.
_FUZZ_CATEGORIES = frozenset({"Lu", "Ll", "Lt", "Lm", "Lo", "Nd", "Nl", "No"})


def _fuzz_word(r: random.Random) -> str:
    """A word of arbitrary letters and digits from any script."""
    out: list[str] = []
    n = r.randint(1, 8)
    while len(out) < n:
        c = chr(r.choice((r.randint(0x41, 0x24F), r.randint(0x370, 0x2FFF), r.randint(0x3040, 0x9FFF), r.randint(0x10000, 0x2FFFF))))
        if unicodedata.category(c) in _FUZZ_CATEGORIES:
            out.append(c)
    return "".join(out)


def _sentence(r: random.Random, people: tuple[str, ...] = ()) -> str:
    """A sentence: a capitalised word and a lower-case one (so it never
    opens like a label), then mostly plain words, now and then a non-ASCII
    word, a number, a time, a mention of someone, a parenthesis or a word
    of arbitrary letters; sometimes a colon in mid-sentence ("The train
    was late: two hours.")."""
    pool = _VOCAB * 2 + _FLAVOUR + tuple(people) * 4
    words = [r.choice(_VOCAB).capitalize(), r.choice(_VOCAB)] + [r.choice(pool) for _ in range(r.randint(1, 10))]
    if r.random() < 0.1:
        words.insert(r.randint(2, len(words)), _fuzz_word(r))
    if r.random() < 0.15:
        words[r.randint(1, len(words) - 1)] += ":"
    if r.random() < 0.2:
        words[r.randint(1, len(words) - 1)] += ","
    return " ".join(words).rstrip(":,") + r.choice(".....??!…")


def speech(seed: int, people: tuple[str, ...] = ()) -> str:
    """The paragraph of speech numbered ``seed`` (see :func:`paragraphs`)."""
    if seed < len(_SHORT):
        return _SHORT[seed]
    r = random.Random(seed)
    sentences = [_sentence(r, people) for _ in range(r.randint(1, 4))]
    if people and r.random() < 0.15:
        s = sentences[0]
        sentences[0] = f"{r.choice(people)}, {s[:1].lower()}{s[1:]}"
    return " ".join(sentences)


def paragraphs(people: tuple[str, ...] = ()) -> st.SearchStrategy[str]:
    """A paragraph of speech: one to four sentences (see ``_sentence``) or
    a short answer ("Yes."), sometimes addressing someone in ``people`` by
    name ("Marisol, you…").  Single spaces, no blank at either end, never
    opening like a label.

    The text comes from a drawn seed, which keeps generating fast; the
    shrinker takes it towards "Yes."."""
    return st.integers(0, 2**32 - 1).map(lambda seed: speech(seed, tuple(people)))


def _given(name: str) -> str:
    return short_name(name, "given") or name


@st.composite
def turns(
    draw: st.DrawFn,
    cast: tuple[Speaker, ...],
    min_size: int = 4,
    max_size: int = 10,
    *,
    timed: bool = False,
    alternate: bool = False,
    max_paragraphs: int = 3,
) -> tuple[Turn, ...]:
    """Turns among ``cast``, each speaker speaking at least twice (the
    evidence a parser needs to believe a label); ``alternate`` makes the
    first speaker ask and the others answer in turn; ``timed`` gives
    ascending whole-second start times."""
    k = len(cast)
    n = draw(st.integers(max(min_size, 2 * k), max(max_size, 2 * k)))
    if alternate:
        order = [0 if i % 2 == 0 else 1 + (i // 2) % max(k - 1, 1) for i in range(n)]
        order = [min(o, k - 1) for o in order]
    else:
        base = [i for i in range(k) for _ in range(2)]
        extra = draw(st.lists(st.integers(0, k - 1), min_size=n - len(base), max_size=n - len(base)))
        order = list(draw(st.permutations(base + extra)))
    addressed = tuple(_given(s.name) for s in cast)
    clock = draw(st.integers(0, 600))
    out = []
    for i, who in enumerate(order):
        paras = tuple(draw(st.lists(paragraphs(addressed), min_size=1, max_size=max_paragraphs)))
        start = float(clock) if timed else None
        clock += draw(st.integers(len(paras) + 1, 400))
        out.append(Turn(i, cast[who].id, paras, start, None, "given" if timed else None))
    if timed:
        out = [attrs.evolve(u, end=out[i + 1].start) if i + 1 < len(out) else u for i, u in enumerate(out)]
    return tuple(out)


@st.composite
def conversations(
    draw: st.DrawFn,
    min_speakers: int = 2,
    max_speakers: int = 4,
    min_turns: int = 4,
    max_turns: int = 10,
    *,
    timed: bool = False,
    alternate: bool = False,
    name: Optional[st.SearchStrategy[str]] = None,
    distinct: Optional[Callable[[str], object]] = None,
) -> Transcript:
    """Realistic transcripts: a host and guests (see :func:`speakers`)
    taking turns (see :func:`turns`).  Only speakers, turns and their
    paragraphs (and times when ``timed``) are filled in."""
    cast = draw(speakers(min_speakers, max_speakers, name=name, distinct=distinct))
    ts = draw(turns(cast, min_turns, max_turns, timed=timed, alternate=alternate))
    return Transcript(Metadata(), cast, ts)


@st.composite
def topic_titles(draw: st.DrawFn) -> str:
    """An announced topic: "Why the harbour silts up faster every decade"."""
    lead = draw(st.sampled_from(["Why", "How", "What", "Whether", "Who pays for", "The"]))
    words = draw(st.lists(st.one_of(st.sampled_from(_VOCAB), st.sampled_from(_FLAVOUR[:12])), min_size=2, max_size=9))
    return " ".join([lead] + words)


# ---------------------------------------------------------------------------
# Noise
# ---------------------------------------------------------------------------

_SHOWS = ("Tidewater Notes", "The Long Table", "Harbour Lights", "Field Recordings")
_HEADER = ("Home · Archive · About", "Sign in", "Subscribe", "Share")
_FOOTER = (
    "Share",
    "Listen on Apple Podcasts · Spotify · YouTube",
    "Thanks for reading {show}! Subscribe for free to receive new posts and support my work.",
    "Related episodes:",
    "Leave a comment",
    "© 2025 {show} · Privacy · Terms · Collection notice",
    "3 comments",
    "Discussion about this episode",
)
_DATELINES = ("Friday, 14 March 2025", "March 3, 2025", "2025-03-14", "domingo, 2 de março de 2025")
_EVENTS = ("(LAUGHTER)", "(SOUNDBITE OF MUSIC)", "(APPLAUSE)", "[laughs]", "[crosstalk]", "[inaudible]")


@st.composite
def _title(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(_VOCAB), min_size=2, max_size=6))
    return " ".join(w[:1].upper() + w[1:] for w in words)


def _intro_lines(cast: tuple[Speaker, ...], style: int) -> tuple[str, ...]:
    """Intro paragraphs naming the host and the guests as written."""
    host = [s for s in cast if s.role == "host"]
    guests = [s for s in cast if s.role != "host"]
    out = []
    if guests:
        described = [f"{g.name}, {g.description}" if g.description else g.name for g in guests]
        listed = described[0] if len(described) == 1 else ", ".join(described[:-1]) + ", and " + described[-1]
        plain = [g.name for g in guests]
        plain_listed = plain[0] if len(plain) == 1 else ", ".join(plain[:-1]) + " and " + plain[-1]
        out.append(
            (
                f"To discuss, we interviewed {listed}.",
                f"My guest today is {listed}." if len(guests) == 1 else f"My guests today are {listed}.",
                f"This week I spoke with {plain_listed} about the harbour.",
            )[style % 3]
        )
    if host:
        out.append(f"I'm your host, {host[0].name}.")
    out.append("This episode was recorded on March 3, 2025. Listen on your favourite podcast app.")
    return tuple(out)


@st.composite
def _noise(draw: st.DrawFn, t: Transcript, kinds: tuple[str, ...], convention: str) -> Noise:
    """The text of each kind of noise in ``kinds`` (only those are drawn)."""
    if not set(kinds) & {"chrome", "intro", "topics", "notes", "events"}:
        return Noise(kinds=kinds)
    show = draw(st.sampled_from(_SHOWS))
    header: tuple[str, ...] = ()
    footer: tuple[str, ...] = ()
    if "chrome" in kinds:
        header = (show,) + tuple(draw(st.lists(st.sampled_from(_HEADER), max_size=2, unique=True)))
        footer = tuple(f.format(show=show) for f in draw(st.lists(st.sampled_from(_FOOTER), min_size=1, max_size=4, unique=True)))
        if convention.startswith("bold-") or convention in ("markdown-bold", "time-bold-name"):
            header, footer = header + ("---",), ("---",) + footer
    people = tuple(_given(s.name) for s in t.speakers)
    places = [(i, k) for i, u in enumerate(t.turns) for k in range(1, len(u.paragraphs) + 1)]
    inserts = []
    for kind in ("notes", "events"):
        if kind not in kinds:
            continue
        for where in draw(st.lists(st.sampled_from(places), min_size=1, max_size=3, unique=True)):
            if kind == "events":
                text = draw(st.sampled_from(_EVENTS))
            elif draw(st.booleans()):
                text = "*[Transcript edited for clarity.]*"
            else:
                body = _sentence(random.Random(draw(st.integers(0, 2**32 - 1))), people).replace("]", ")")
                text = f"[{draw(st.sampled_from(people))}: {body[:1].lower()}{body[1:]}]"
            inserts.append((where[0], where[1], text))
    intro = "intro" in kinds
    return Noise(
        kinds=kinds,
        header=header,
        title=draw(_title()) if intro else None,
        dateline=draw(st.sampled_from(_DATELINES)) if intro else None,
        intro=_intro_lines(t.speakers, draw(st.integers(0, 2))) if intro else (),
        topics=tuple(draw(st.lists(topic_titles(), min_size=2, max_size=4, unique=True))) if "topics" in kinds else (),
        inserts=tuple(inserts),
        footer=footer,
    )


# ---------------------------------------------------------------------------
# Episodes
# ---------------------------------------------------------------------------


def _surname(name: str) -> str:
    """Who "INSKEEP:" could be: the last word of a name."""
    return _name_words(name)[-1].casefold()


def _given_key(name: str) -> str:
    """Who "LULU:" could be: the first word of a name."""
    return _name_words(name)[0].casefold()


def _record_safe(name: str) -> bool:
    """Whether a congressional record's label can write the name: "ZOË VAN
    DER BERG." takes up to four words in capitals after a title ("DR."),
    each of two letters or more ("Ó BRIAIN" it cannot); draw the names
    without CJK script."""
    words = _name_words(name)
    return _caps_safe(name) and len(words) <= 4 and all(len(w) > 1 for w in words)


def episodes(
    convention: Optional[str] = None,
    *,
    variant: Optional[str] = None,
    noise: Union[bool, Iterable[str]] = False,
    min_turns: int = 4,
    max_turns: int = 10,
) -> st.SearchStrategy[Episode]:
    """Generated transcripts written as text, each an :class:`Episode`
    holding ``text`` and the ``transcript`` it must parse to.

    ``convention`` is one of :data:`CONVENTIONS`, the parser's names
    (:func:`transcripts.conventions`; drawn when ``None``), and
    ``ep.convention`` is what ``transcripts.parse(ep.text)`` records in
    ``metadata.convention``; ``variant`` is one of its :data:`VARIANTS`
    (drawn when ``None``): ``episodes("name-colon", variant="full-name")``
    for "Full Name: text" alone, since ``name-colon`` also writes Q/A,
    Host/Guest and initials.
    ``noise`` is ``False`` for the bare dialogue, ``True`` for any mix of
    the kinds in :data:`NOISE` (intro naming the guests, a "We discuss…"
    list, editor notes, sound events, page chrome, CRLF, a BOM, no-break
    spaces), or the kinds to add.
    """
    if convention is not None and convention not in VARIANTS:
        raise ValueError(f"unknown convention {convention!r}; known: {', '.join(CONVENTIONS)}")
    if variant is not None and (convention is None or variant not in VARIANTS[convention]):
        raise ValueError(f"variant {variant!r} needs a convention that has it: {VARIANTS}")
    if isinstance(noise, bool):
        fixed: Optional[tuple[str, ...]] = None if noise else ()
    else:
        fixed = tuple(noise)
        Noise(kinds=fixed)  # validates the names
    return _episodes(convention, variant, fixed, min_turns, max_turns)


@st.composite
def _episodes(
    draw: st.DrawFn,
    convention: Optional[str],
    variant: Optional[str],
    fixed: Optional[tuple[str, ...]],
    min_turns: int,
    max_turns: int,
) -> Episode:
    conv = convention or draw(st.sampled_from(CONVENTIONS))
    var = variant or draw(st.sampled_from(VARIANTS[conv]))
    name: st.SearchStrategy[str] = names()
    distinct: Optional[Callable[[str], object]] = None
    if conv == "caps-colon" or (conv == "own-line" and var == "capitals"):
        name = names().filter(_caps_safe)
        distinct = {"surname": _surname, "roles": _surname, "given": _given_key}.get(var)
    elif conv == "name-period":
        name = names(cjk=False).filter(_record_safe)
    elif var == "initials":
        name, distinct = names(cjk=False), initials
    asking = var in QA_VARIANTS
    t = draw(
        conversations(
            2,
            2 if asking else 4,
            min_turns,
            max_turns,
            timed=conv in TIMED,
            alternate=asking,
            name=name,
            distinct=distinct,
        )
    )
    if conv == "caps-colon" or var == "capitals":
        # Capitals need a name with case: a cast only of "张伟" and "李娜" is
        # written the same in every style, and read as name-colon.
        assume(any(s.name.upper() != s.name.lower() for s in t.speakers))
    kinds = fixed if fixed is not None else tuple(k for k in NOISE if draw(st.booleans()))
    return render(t, conv, var, draw(_noise(t, kinds, conv)))


# ---------------------------------------------------------------------------
# Arbitrary text, for robustness
# ---------------------------------------------------------------------------

_SCRAPS = (
    "Ann Lee: ", "Bo Chen: ", "ANN LEE: ", "**Ann Lee:** ", "**Bo Chen**: ", "[00:01:02] ", "Ann Lee (00:12): ",
    "Q: ", "A: ", "Q  ", "MV: ", "Summary: ", "# ", "## ", "- ", "  • ", "1. ", "(LAUGHTER)", "[laughs]",
    "(...)", "---", "We discuss…", "Participants: Ann Lee (AL); Bo Chen (BC).", "Ann Lee  0:03", "\t", "\u00a0",
    "\ufeff", "\r", ":", "**", "[", "]", "(", ")",
)  # fmt: skip


@st.composite
def messy_texts(draw: st.DrawFn) -> str:
    """Text that looks like a transcript in places: lines built from
    label-like scraps, markup and arbitrary text, with blank lines."""
    piece = st.one_of(st.sampled_from(_SCRAPS), st.text(max_size=20), st.sampled_from(_VOCAB), paragraphs())
    line = st.lists(piece, max_size=4).map("".join)
    return "\n".join(draw(st.lists(st.one_of(line, st.just("")), max_size=30)))


# ---------------------------------------------------------------------------
# Model objects with arbitrary field text (serialisation round trips)
# ---------------------------------------------------------------------------


def text_fields() -> st.SearchStrategy[str]:
    """Any text a field may hold (no surrogates)."""
    return st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


def times() -> st.SearchStrategy[Optional[float]]:
    return st.one_of(st.none(), st.floats(0, 36000, allow_nan=False, allow_infinity=False))


@st.composite
def spans(draw: st.DrawFn) -> Span:
    start = draw(st.integers(1, 10_000))
    return Span(start, start + draw(st.integers(0, 50)))


def metadata() -> st.SearchStrategy[Metadata]:
    opt = st.one_of(st.none(), text_fields())
    return st.builds(
        Metadata,
        title=opt,
        subtitle=opt,
        show=opt,
        recorded=opt,
        published=opt,
        convention=st.one_of(st.none(), st.sampled_from(CONVENTIONS + (UNLABELLED,))),
        truncated=st.booleans(),
        source=opt,
    )


def topics(n_turns: int) -> st.SearchStrategy[Topic]:
    return st.builds(
        Topic,
        title=st.one_of(text_fields(), topic_titles()),
        source=st.sampled_from(TOPIC_SOURCES),
        in_text=st.booleans(),
        turns=st.lists(st.integers(0, max(n_turns - 1, 0)), max_size=3).map(tuple) if n_turns else st.just(()),
        start=times(),
        lines=st.one_of(st.none(), spans()),
    )


def blocks(n_turns: int) -> st.SearchStrategy[Block]:
    return st.builds(
        Block,
        kind=st.sampled_from(BLOCK_KINDS),
        text=text_fields(),
        lines=st.one_of(st.none(), spans()),
        turn=st.one_of(st.none(), st.integers(0, n_turns - 1)) if n_turns else st.none(),
        paragraph=st.one_of(st.none(), st.integers(0, 5)),
    )


@st.composite
def transcripts(draw: st.DrawFn, max_turns: int = 12) -> Transcript:
    """Whole transcripts with every field filled, some with arbitrary text:
    speakers (with aliases and descriptions of any text), turns in
    ascending time where timed, topics and blocks."""
    people = draw(speakers())
    people = tuple(
        attrs.evolve(
            s,
            aliases=tuple(draw(st.lists(names(), max_size=2, unique=True))),
            role=draw(st.sampled_from(ROLES)),
            description=draw(st.one_of(st.none(), text_fields())),
        )
        for s in people
    )
    n = draw(st.integers(0, max_turns))
    timed = draw(st.booleans())
    clock = 0.0
    out = []
    for i in range(n):
        start = end = None
        if timed:
            start = clock
            clock += draw(st.floats(0.5, 120, allow_nan=False))
            end = clock
        out.append(
            Turn(
                index=i,
                speaker=draw(st.sampled_from(people)).id,
                paragraphs=tuple(draw(st.lists(st.one_of(paragraphs(), text_fields()), min_size=1, max_size=3))),
                start=start,
                end=end,
                timing="given" if timed else None,
                lines=draw(st.one_of(st.none(), spans())),
            )
        )
    return Transcript(
        metadata=draw(metadata()),
        speakers=people,
        turns=tuple(out),
        topics=tuple(draw(st.lists(topics(n), max_size=3))),
        blocks=tuple(draw(st.lists(blocks(n), max_size=4))),
    )
