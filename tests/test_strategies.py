"""The public strategies: they draw what they promise, and each episode's
expected transcript matches its text line for line."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import HealthCheck, find, given, settings

import transcripts
from transcripts import Speaker, Transcript, Turn
from transcripts.strategies import (
    CONVENTIONS,
    NOISE,
    TIMED,
    VARIANTS,
    Noise,
    conversations,
    differences,
    episodes,
    names,
    paragraphs,
    render,
)

_FIND = settings(max_examples=2000, database=None, suppress_health_check=list(HealthCheck))


@pytest.mark.parametrize(
    "shape",
    [
        lambda n: not n.isascii(),  # "José Álvarez-Ruiz"
        lambda n: " van der " in n or " de la " in n,  # particles
        lambda n: "'" in n,  # "Mary O'Neil"
        lambda n: "-" in n,  # hyphens
        lambda n: n.startswith(("Dr. ", "Prof. ")),  # titles
        lambda n: any("\u4e00" <= c <= "\u9fff" for c in n),  # "Zhang Wei 张伟"
    ],
    ids=["non-ascii", "particle", "apostrophe", "hyphen", "title", "cjk"],
)
def test_names_have_every_shape(shape):
    find(names(), shape, settings=_FIND)


@given(paragraphs(("Marisol",)))
def test_paragraphs_are_normalised_speech(p):
    assert p == " ".join(p.split()) and p
    assert p[-1] in ".?!…"
    assert ":" not in p.split(" ")[0]


@given(conversations())
def test_every_speaker_speaks_twice(t):
    for s in t.speakers:
        assert sum(u.speaker == s.id for u in t.turns) >= 2


def _lines(text: str) -> list[str]:
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\u00a0", " ").split("\n")


@given(episodes(noise=True))
def test_episode_lines_match_its_transcript(ep):
    convention = ep.convention
    lines = _lines(ep.text)
    t = ep.transcript
    assert ep.variant in VARIANTS[convention]
    names = {s.id: s.name for s in t.speakers}
    for u in t.turns:
        assert u.lines is not None
        first, last = lines[u.lines.start - 1], lines[u.lines.end - 1]
        assert first.strip() and last.strip()
        # The turn's last paragraph ends on its last line (a table row's before its closing bar).
        assert (last.removesuffix(" |") if convention == "table-row" else last).endswith(u.paragraphs[-1][-20:])
        if ep.variant == "full-name":
            assert first.startswith(names[u.speaker] + ": ")
    starts = [u.start for u in t.turns]
    if convention in TIMED:
        assert starts == sorted(starts) and all(s is not None for s in starts)
        assert [u.end for u in t.turns[:-1]] == starts[1:]
    else:
        assert set(starts) <= {None}
    for topic in t.topics:
        assert topic.lines is not None and topic.title in lines[topic.lines.start - 1]
    assert ("\r\n" in ep.text) == ("crlf" in ep.noise)
    assert ep.text.startswith("\ufeff") == ("bom" in ep.noise)


def test_conventions_are_the_parsers():
    """One vocabulary: the strategies write every convention the parser
    knows, under its name, and no other."""
    assert CONVENTIONS == transcripts.conventions()
    assert set(VARIANTS) == set(CONVENTIONS)
    assert TIMED <= set(CONVENTIONS)


def test_episodes_check_their_arguments():
    with pytest.raises(ValueError, match="unknown convention"):
        episodes("shouting")
    with pytest.raises(ValueError, match="unknown convention"):
        episodes("plain")  # the strategies' name before they took the parser's
    with pytest.raises(ValueError, match="variant"):
        episodes("name-colon", variant="bold")
    with pytest.raises(ValueError, match="unknown noise"):
        episodes("name-colon", noise=["music"])
    assert set(NOISE) >= {"intro", "topics", "notes", "events", "chrome", "crlf", "bom", "nbsp"}


ANN = Speaker("ann", "Ann Lee", role="host")
ZOE = Speaker("zoe", "Dr. Zoë van der Berg", role="guest", description="glassblower")
SMALL = Transcript(
    speakers=(ANN, ZOE),
    turns=(
        Turn(0, "ann", ("Welcome.",), start=65.0),
        Turn(1, "zoe", ("Thanks.", "Glad to be here."), start=3725.0),
        Turn(2, "ann", ("Why glass?",), start=3730.0),
    ),
)


@pytest.mark.parametrize(
    "convention, variant, text",
    [
        ("bold-name-time", None, "**Ann Lee (00:01:05)** Welcome.\n\n**Dr. Zoë van der Berg (01:02:05)** Thanks.\n\nGlad to be here.\n\n**Ann Lee (01:02:10)** Why glass?\n"),
        ("bold-name-bracket-time", None, "**Ann Lee** [1:05] Welcome.\n\n**Dr. Zoë van der Berg** [1:02:05] Thanks.\n\nGlad to be here.\n\n**Ann Lee** [1:02:10] Why glass?\n"),
        ("time-bold-name", None, "0:01:05.0 **Ann Lee** Welcome.\n\n1:02:05.0 **Dr. Zoë van der Berg** Thanks.\n\nGlad to be here.\n\n1:02:10.0 **Ann Lee** Why glass?\n"),
        ("bracket-time-name", None, "[00:01:05] Ann Lee: Welcome.\n\n[01:02:05] Dr. Zoë van der Berg: Thanks.\n\nGlad to be here.\n\n[01:02:10] Ann Lee: Why glass?\n"),
        ("bracket-time-name", "bare", "00:01:05 Ann Lee: Welcome.\n\n01:02:05 Dr. Zoë van der Berg: Thanks.\n\nGlad to be here.\n\n01:02:10 Ann Lee: Why glass?\n"),
        ("time-name", "bracket", "[00:01:05.0] Ann Lee\nWelcome.\n\n[01:02:05.0] Dr. Zoë van der Berg\nThanks.\n\nGlad to be here.\n\n[01:02:10.0] Ann Lee\nWhy glass?\n"),
        ("bracket-name-time", None, "[Ann Lee] 00:01:05\nWelcome.\n\n[Dr. Zoë van der Berg] 01:02:05\nThanks.\n\nGlad to be here.\n\n[Ann Lee] 01:02:10\nWhy glass?\n"),
        ("markdown-bold", "colon-outside", "**Ann Lee**: Welcome.\n\n**Dr. Zoë van der Berg**: Thanks.\n\nGlad to be here.\n\n**Ann Lee**: Why glass?\n"),
        ("name-paren-time", "inline", "Ann Lee (01:05): Welcome.\n\nDr. Zoë van der Berg (01:02:05): Thanks.\n\nGlad to be here.\n\nAnn Lee (01:02:10): Why glass?\n"),
        ("name-paren-time", "paren", "Ann Lee (00:01:05) Welcome.\n\nDr. Zoë van der Berg (01:02:05) Thanks.\n\n(01:02:06) Glad to be here.\n\nAnn Lee (01:02:10) Why glass?\n"),
        ("name-bracket-time", "block", "Ann Lee [00:01:05]\nWelcome.\n\nDr. Zoë van der Berg [01:02:05]\nThanks.\n\nGlad to be here.\n\nAnn Lee [01:02:10]\nWhy glass?\n"),
        ("otter", None, "Ann Lee  1:05\nWelcome.\n\nDr. Zoë van der Berg  1:02:05\nThanks.\n\nGlad to be here.\n\nAnn Lee  1:02:10\nWhy glass?\n"),
        ("caps-colon", "roles", "ANN LEE, HOST: Welcome.\n\nDR. ZOË VAN DER BERG, GUEST: Thanks.\n\nGlad to be here.\n\nLEE: Why glass?\n"),
        ("caps-colon", "given", "ANN LEE: Welcome.\n\nDR. ZOË VAN DER BERG: Thanks.\n\nGlad to be here.\n\nANN: Why glass?\n"),
        ("name-colon", None, "Ann Lee: Welcome.\n\nDr. Zoë van der Berg: Thanks.\n\nGlad to be here.\n\nAnn Lee: Why glass?\n"),
        ("name-colon", "q-a", "This is an interview with glassblower Dr. Zoë van der Berg, conducted by Ann Lee.\n\nQ: Welcome.\n\nA: Thanks.\n\nGlad to be here.\n\nQ: Why glass?\n"),
        ("name-colon", "initials", "Participants: Ann Lee (AL), host; Dr. Zoë van der Berg (ZB), glassblower.\n\nAL: Welcome.\n\nZB: Thanks.\n\nGlad to be here.\n\nAL: Why glass?\n"),
        ("name-dash-time", None, "Ann Lee – 00:01:05:\n\nWelcome.\n\nDr. Zoë van der Berg – 01:02:05:\n\nThanks.\n\nGlad to be here.\n\nAnn Lee – 01:02:10:\n\nWhy glass?\n"),
        ("name-time-text", None, "Ann Lee  1:05  Welcome.\n\nDr. Zoë van der Berg  1:02:05  Thanks.\n\nGlad to be here.\n\nAnn Lee  1:02:10  Why glass?\n"),
        ("time-name-dash", "em", "[1:05] Ann Lee — Welcome.\n\n[1:02:05] Dr. Zoë van der Berg — Thanks.\n\nGlad to be here.\n\n[1:02:10] Ann Lee — Why glass?\n"),
        ("table-row", None, "| 1:05 | Ann Lee | Welcome. |\n\n| 1:02:05 | Dr. Zoë van der Berg | Thanks. |\n\nGlad to be here.\n\n| 1:02:10 | Ann Lee | Why glass? |\n"),
        ("marked-name-time", "bold-italic", "**Ann Lee** *1:05*\n\nWelcome.\n\n**Dr. Zoë van der Berg** *1:02:05*\n\nThanks.\n\nGlad to be here.\n\n**Ann Lee** *1:02:10*\n\nWhy glass?\n"),
        ("irc", "timed", "[1:05] <AnnLee> Welcome.\n\n[1:02:05] <DrZoëvanderBerg> Thanks.\n\nGlad to be here.\n\n[1:02:10] <AnnLee> Why glass?\n"),
        ("name-dash", "em", "Ann Lee — Welcome.\n\nDr. Zoë van der Berg — Thanks.\n\nGlad to be here.\n\nAnn Lee — Why glass?\n"),
        ("name-period", "inline", "ANN LEE. Welcome.\n\nDR. ZOË VAN DER BERG. Thanks.\n\nGlad to be here.\n\nANN LEE. Why glass?\n"),
        ("name-period", "alone", "ANN LEE.\n\nWelcome.\n\nDR. ZOË VAN DER BERG.\n\nThanks.\n\nGlad to be here.\n\nANN LEE.\n\nWhy glass?\n"),
        ("own-line", "gap", "Ann Lee\n\nWelcome.\n\nDr. Zoë van der Berg\n\nThanks.\n\nGlad to be here.\n\nAnn Lee\n\nWhy glass?\n"),
    ],
)
def test_render_writes_each_convention(convention, variant, text):
    ep = render(SMALL, convention, variant)
    assert ep.text == text
    assert ep.convention == convention == transcripts.parse(text).metadata.convention
    ann, zoe = ("AnnLee", "DrZoëvanderBerg") if convention == "irc" else ("Ann Lee", "Dr. Zoë van der Berg")  # a chat's nicks
    assert ep.dialogue == ((ann, ("Welcome.",)), (zoe, ("Thanks.", "Glad to be here.")), (ann, ("Why glass?",)))
    assert ep.speakers == (ann, zoe)


#: SMALL with Zoë speaking twice: a bold line or a heading alone
#: ("marked-own-line") is a voice only when it recurs (the strategies
#: give every speaker two turns or more).
RECURRING = Transcript(speakers=SMALL.speakers, turns=SMALL.turns + (Turn(3, "zoe", ("It lasts.",), start=3740.0),))
NEEDS_RECURRING = frozenset({"marked-own-line"})


@pytest.mark.parametrize("convention, variant", [(c, v) for c in CONVENTIONS for v in VARIANTS[c]])
def test_each_variant_parses_under_its_convention(convention, variant):
    """The convention each variant is filed under is the one the parser
    records for it (the properties hold this on generated episodes)."""
    ep = render(RECURRING if convention in NEEDS_RECURRING else SMALL, convention, variant)
    got = transcripts.parse(ep.text)
    assert got.metadata.convention == convention
    assert differences(ep.transcript, got) == ()


def test_render_wraps_noise_and_counts_lines():
    noise = Noise(
        kinds=("chrome", "intro", "topics", "events", "crlf"),
        header=("Tidewater Notes",),
        title="Salt and Silt",
        intro=("To discuss, we interviewed Dr. Zoë van der Berg, glassblower.",),
        topics=("Why glass breaks",),
        inserts=((1, 1, "(LAUGHTER)"),),
        footer=("Share",),
    )
    ep = render(SMALL, "name-colon", noise=noise)
    assert ep.text.split("\r\n")[:12] == [
        "Tidewater Notes", "", "Salt and Silt", "", "To discuss, we interviewed Dr. Zoë van der Berg, glassblower.", "",
        "We discuss…", "", "  • Why glass breaks,", "", "Ann Lee: Welcome.", "",
    ]  # fmt: skip
    assert [(u.lines.start, u.lines.end) for u in ep.transcript.turns] == [(11, 11), (13, 17), (19, 19)]
    assert [(p.title, p.lines.start) for p in ep.transcript.topics] == [("Why glass breaks", 9)]
    assert ep.noise == ("intro", "topics", "events", "chrome", "crlf")


def test_differences_name_what_is_wrong():
    assert differences(SMALL, SMALL) == ()
    other = Transcript(speakers=(ANN,), turns=(Turn(0, "ann", ("Welcome!",)),))
    diff = differences(SMALL, other)
    assert diff[0].startswith("speakers: expected ['Ann Lee', 'Dr. Zoë van der Berg'], got ['Ann Lee']")
    assert "turns: expected 3, got 1" in diff
    assert any("paragraphs expected ['Welcome.']" in d for d in diff)


def test_render_rejects_what_it_cannot_write():
    with pytest.raises(ValueError, match="unknown convention"):
        render(SMALL, "shouting")
    with pytest.raises(ValueError, match="every turn needs a paragraph"):
        render(Transcript(speakers=(ANN,), turns=(Turn(0, "ann", ()),)))


@pytest.mark.parametrize("module", ["transcripts.check", "transcripts.pytest_plugin", "transcripts.cli"])
def test_check_and_plugin_do_not_import_hypothesis(module):
    code = f"import sys, {module}; print('hypothesis' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
