"""Whole documents: the bundled example, the seeds, and the traps."""

from __future__ import annotations

import json

import attrs
import pytest
import yaml

import transcripts
from transcripts.names import display_name, name_key, same_person, slug

from .conftest import EXAMPLES, check_golden, shared_path


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_example_golden(fmt, validate):
    t = transcripts.load(EXAMPLES / "tidewater.txt")
    # The source path is machine-specific: golden files hold the relative one.
    t = attrs.evolve(t, metadata=attrs.evolve(t.metadata, source="examples/tidewater.txt"))
    out = transcripts.dumps(t, fmt)
    check_golden(f"tidewater.{fmt}", out)
    if fmt == "json":
        validate(json.loads(out))


def test_example_structure():
    t = transcripts.load(EXAMPLES / "tidewater.txt")
    assert [s.name for s in t.speakers] == ["Ada Lindqvist", "Marisol Vega", "Tomás Okafor"]
    assert [s.role for s in t.speakers] == ["host", "guest", "guest"]
    assert t.speakers[1].description == "coastal engineer at the Port of Calderon"
    assert [(u.speaker, len(u.paragraphs)) for u in t.turns] == [
        ("ada-lindqvist", 1),
        ("marisol-vega", 2),
        ("ada-lindqvist", 1),
        ("tomas-okafor", 1),
        ("marisol-vega", 1),
        ("ada-lindqvist", 1),
        ("marisol-vega", 2),
        ("tomas-okafor", 1),
        ("ada-lindqvist", 1),
    ]
    md = t.metadata
    assert (md.title, md.subtitle, md.recorded, md.published) == (
        "Salt, Silt and the Sea Wall",
        "Why the harbour keeps filling in",
        "March 3, 2025",
        "Friday, 14 March 2025",
    )
    assert md.truncated and md.convention == "name-colon"
    assert [p.title for p in t.topics][:2] == ["Why the harbour silts up faster every decade", "How the 1920s sea wall changed the currents"]
    # The fourth announced topic (the shipwrights) is never reached before the cut.
    assert [p.in_text for p in t.topics] == [True] * 3 + [False] * 4
    assert [p.turns for p in t.topics[:3]] == [(0, 1, 2), (3, 4, 5), (6, 7, 8)]
    note = [b for b in t.blocks if b.kind == "note"]
    assert len(note) == 1 and note[0].turn == 3
    # The copyright footer and the paywall are blocks, never speech.
    speech = " ".join(p for u in t.turns for p in u.paragraphs)
    assert "©" not in speech and "Paid subscribers" not in speech and "(...)" not in speech


def test_nothing_is_dropped():
    text = (EXAMPLES / "tidewater.txt").read_text(encoding="utf-8")
    t = transcripts.parse(text)
    covered = set()
    for u in t.turns:
        covered.update(range(u.lines.start, u.lines.end + 1))
    for b in t.blocks:
        covered.update(range(b.lines.start, b.lines.end + 1))
    nonblank = {i for i, line in enumerate(text.splitlines(), 1) if line.strip()}
    assert nonblank <= covered


def _expected(name):
    return yaml.safe_load(shared_path("acceptance", "expected", name + ".yaml").read_text(encoding="utf-8"))


def test_seed_interview_matches_expected():
    exp = _expected("004_2352aee58a9223cc")
    t = transcripts.load(shared_path("seeds", "004_2352aee58a9223cc.txt"))
    key = {s.id: k for k, names in exp["speakers"].items() for s in t.speakers if name_key(s.name) in {name_key(n) for n in names}}
    assert [[key[u.speaker], len(u.paragraphs)] for u in t.turns] == exp["turns"]
    speech = "\n".join(p for u in t.turns for p in u.paragraphs)
    for s in exp["in_turns"]:
        assert s in speech
    for s in exp["not_in_turns"]:
        assert s not in speech
    assert t.metadata.title == exp["bonus"]["title"]
    assert {key[s.id]: s.role for s in t.speakers} == exp["bonus"]["roles"]
    assert [p.title for p in t.topics][:4] == exp["bonus"]["topics_first"]
    mike = t.speaker("michael-horowitz")
    assert set(mike.aliases) == {"Mike Horowitz", "Mike Horowtz"}
    assert t.speaker("shashank-joshi").description.startswith("defense editor at the Economist")
    assert t.metadata.recorded == "Feb. 26"
    assert t.metadata.truncated
    # The nine paywalled topics, and two announced ones the free part never reaches (tests/test_topics.py).
    assert sum(1 for p in t.topics if not p.in_text) == 11
    # Consecutive turns by one speaker stay separate.
    assert t.turns[-1].speaker == t.turns[-2].speaker == "jordan-schneider"


def test_seed_newsletter_has_no_dialogue():
    exp = _expected("000_05dd7dab88daf041")
    t = transcripts.load(shared_path("seeds", "000_05dd7dab88daf041.txt"))
    assert t.turns == () and t.speakers == ()
    assert t.metadata.title == exp["bonus"]["title"]
    kinds = {b.kind for b in t.blocks}
    assert {"heading", "prose", "note"} <= kinds


@pytest.mark.parametrize(
    "text",
    [
        "Summary: Calm seas.\n\nOutlook: Wind later.\n\nContact: harbour@example.org\n\nVessels: Three.\n",
        "Read here: https://example.org\n\nTrade: How Free is Too Free?\n",
        "The train was late: two hours.\nWe waited: patiently.\n",
        "",
        "\n\n\n",
    ],
)
def test_no_false_speakers(text):
    t = transcripts.parse(text)
    assert t.speakers == () and t.turns == ()


def test_continuations_and_repeated_speaker():
    t = transcripts.parse(
        "Ann Lee: One.\n\nTwo.\n\nBo Chen: Three.\n\nBo Chen: Four.\n\nAnn Lee: Five?\n"
    )
    assert [(u.speaker, u.paragraphs) for u in t.turns] == [
        ("ann-lee", ("One.", "Two.")),
        ("bo-chen", ("Three.",)),
        ("bo-chen", ("Four.",)),
        ("ann-lee", ("Five?",)),
    ]
    assert t.turns[0].lines == transcripts.Span(1, 3)


def test_nbsp_label_and_crlf_bom():
    text = "\ufeffAnn Lee:\u00a0Hello there.\r\n\r\nBo Chen:\u00a0 Hi.\r\n\r\nAnn Lee: Bye.\r\n"
    t = transcripts.parse(text)
    assert [u.paragraphs for u in t.turns] == [("Hello there.",), ("Hi.",), ("Bye.",)]


def test_parse_bytes_reports_bad_utf8():
    with pytest.raises(transcripts.ParseError) as info:
        transcripts.parse_bytes(b"Ann: hi\n\xc3(", filename="x.txt")
    assert (info.value.line, info.value.column) == (2, 1)


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("Michael Horowitz", "Mike Horowtz", True),
        ("Michael Horowitz", "Mike Horowitz", True),
        ("Michael Horowitz", "Michael Howard", False),
        ("Shashank Joshi", "Jordan Schneider", False),
        ("Dr. Amara Okafor", "Amara Okafor", True),
    ],
)
def test_same_person(a, b, same):
    assert same_person(a, b) is same


def test_names_display_and_slug():
    assert display_name("STEVE INSKEEP") == "Steve Inskeep"
    assert display_name("MARY O'NEIL") == "Mary O'Neil"
    assert display_name("Ursula van der Berg") == "Ursula van der Berg"
    assert slug("José Álvarez-Ruiz") == "jose-alvarez-ruiz"
    assert slug("张伟") == "张伟"  # letters of any script stay (tests/test_names.py)


# Found in review: each a regression test.


def test_speech_that_opens_with_a_time_keeps_it():
    t = transcripts.parse("Ann Lee: When?\nBo Chen: 10:30 works for me.\nAnn Lee: Fine.\nBo Chen: Good.\n")
    assert t.turns[1].paragraphs == ("10:30 works for me.",)


def test_bracketed_time_after_a_label_is_the_start_and_later_ones_are_kept():
    t = transcripts.parse("**Ann Lee:** [0:05] Hello.\n\n**Bo Chen:** [0:09] Hi.\n\n**Ann Lee:** [0:12] Bye.\n\n\\[0:20\\] More.\n")
    assert [(u.start, u.paragraphs) for u in t.turns] == [(5.0, ("Hello.",)), (9.0, ("Hi.",)), (12.0, ("Bye.", "More."))]
    assert [(b.kind, b.text) for b in t.blocks] == [("timestamp", "\\[0:20\\]")]


def test_a_time_line_gives_its_time_to_the_untimed_turns_below_it_until_the_next():
    t = transcripts.parse("[00:00:10]\nAnn Lee: Hi.\nBo Chen: Hello.\n\nAnn Lee: Bye.\n\n[00:00:20]\n\nBo Chen: Bye.\n")
    assert [u.start for u in t.turns] == [10.0, 10.0, 10.0, 20.0]


def test_a_leading_rule_is_not_front_matter():
    t = transcripts.parse("---\nAnn Lee: Hi.\nBo Chen: Hello.\nAnn Lee: Bye.\nBo Chen: Bye.\n---\nThe end.\n")
    assert len(t.turns) == 4


def test_front_matter_title_keeps_the_documents_subtitle():
    t = transcripts.parse("---\ntitle: Foo\n---\n# Foo\n## Bar sub\nAnn Lee: Hi.\nBo Chen: Hello.\nAnn Lee: Bye.\nBo Chen: Bye.\n")
    assert (t.metadata.title, t.metadata.subtitle) == ("Foo", "Bar sub")


def test_a_list_of_guests_is_not_a_description():
    t = transcripts.parse(
        "Today I spoke with Ann Lee, Bo Chen, and Cy Dee.\n\n"
        "Ann Lee: Hi.\nBo Chen: Hello.\nCy Dee: Hey.\nAnn Lee: Bye.\nBo Chen: Bye.\nCy Dee: Bye.\n"
    )
    assert [(s.name, s.role, s.description) for s in t.speakers] == [
        ("Ann Lee", "guest", None),
        ("Bo Chen", "guest", None),
        ("Cy Dee", "guest", None),
    ]


def test_two_names_each_used_often_are_two_people():
    t = transcripts.parse("Ann Lee: Hi, Mum.\nAnna Lee: Hi, darling.\nAnn Lee: Bye.\nAnna Lee: Bye.\n")
    assert [s.name for s in t.speakers] == ["Ann Lee", "Anna Lee"]


def test_a_rejected_look_alike_does_not_change_the_convention():
    d = "BOB: Hi.\nANN: Hello.\nBOB: Ok.\nANN: Ok.\n"
    assert transcripts.parse(d).metadata.convention == transcripts.parse("Summary: stuff here.\n" + d).metadata.convention
