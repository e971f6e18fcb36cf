"""Markdown label variants (italics, a list's bullet, a blockquote), a
marked name alone on its line ("**Name**", "### Name") and a role word in
parentheses ("Name (Host):"): the dialogues they write, and the pages
written in the same markup that are no dialogue (glossaries, sections,
profiles).  Every example is invented."""

from __future__ import annotations

import pytest

import transcripts
from transcripts.parser import analyse


def turns(text: str) -> list[tuple[str, int]]:
    t = transcripts.parse(text)
    names = {s.id: s.name for s in t.speakers}
    return [(names[u.speaker], len(u.paragraphs)) for u in t.turns]


def unsure(text: str) -> list[str]:
    return [u.reason for u in analyse(text).dialogue.unsure]


def _dialogue(fmt: str, head: str = "# On the estuary\n\n") -> str:
    said = [
        ("Ines Caro", "Welcome back to the marsh, Tomas."),
        ("Tomas Brandt", "Glad to be back, Ines."),
        ("Ines Caro", "Where shall we start?"),
        ("Tomas Brandt", "With the spring tides."),
        ("Ines Caro", "Fine by me."),
    ]
    return head + "\n\n".join(fmt.format(name=n, text=s) for n, s in said) + "\n"


EXPECTED = [("Ines Caro", 1), ("Tomas Brandt", 1), ("Ines Caro", 1), ("Tomas Brandt", 1), ("Ines Caro", 1)]


# 1. Markdown variants of "**Name:** text" -------------------------------------


@pytest.mark.parametrize(
    "fmt",
    ["*{name}:* {text}", "_{name}:_ {text}", "***{name}:*** {text}", "- **{name}:** {text}", "* **{name}:** {text}", "> **{name}:** {text}"],
)
def test_markdown_variants_write_a_dialogue(fmt: str) -> None:
    text = _dialogue(fmt)
    t = transcripts.parse(text)
    assert t.metadata.convention == "markdown-bold"
    assert turns(text) == EXPECTED


def test_a_glossary_of_terms_in_bold_is_no_dialogue() -> None:
    text = "# What the boat carries\n\n" + "\n".join(
        f"- **{term}:** {what}." for term, what in [("Mail", "two sacks"), ("Feed", "for the farm"), ("Fuel", "one drum"), ("Post", "parcels")]
    )
    assert turns(text) == []
    assert unsure(text) == []  # (terms used once are no doubt either)


def test_the_same_terms_under_each_heading_are_a_form_not_voices() -> None:
    text = "# Reviews\n\n" + "\n\n".join(
        f"## Boat {x}\n\n- **Pros:** It is quick.\n- **Cons:** It leaks." for x in "ABCD"
    )
    assert turns(text) == []


def test_questions_in_a_list_of_notes_are_no_dialogue() -> None:
    # A "Q" that recurs and terms used once: notes of a session, not a dialogue.
    text = "# Notes\n\n- **Q: Why now?**\n\nBecause fees rose.\n\n- **Proposal:** raise the limit.\n\n- **Sidechains:** maybe.\n\n- **Q: Who pays?**\n\nNobody knows.\n"
    assert turns(text) == []


def test_voices_in_a_list_must_take_turns() -> None:
    text = "- **Ines Caro:** Welcome.\n- **Ines Caro:** Still me.\n- **Tomas Brandt:** Thanks.\n- **Tomas Brandt:** Me again.\n"
    assert turns(text) == []


def test_a_list_voice_used_once_counts_when_the_intro_names_them() -> None:
    text = (
        "My guests today are Tomas Brandt and Odile Marchetti.\n\n"
        "- **Ines Caro:** Welcome.\n- **Tomas Brandt:** Thanks.\n- **Ines Caro:** Odile?\n"
        "- **Odile Marchetti:** Hello.\n- **Tomas Brandt:** Shall we?\n"
    )
    assert [n for n, _ in turns(text)] == ["Ines Caro", "Tomas Brandt", "Ines Caro", "Odile Marchetti", "Tomas Brandt"]


def test_a_list_inside_a_bold_dialogue_stays_speech_and_is_reported() -> None:
    text = (
        "**Ines Caro:** What do you carry?\n\n**Tomas Brandt:** Three things:\n\n"
        "- **Mail:** two sacks.\n- **Feed:** for the farm.\n- **Mail:** one more.\n\n"
        "**Ines Caro:** Good.\n\n**Tomas Brandt:** Yes.\n"
    )
    assert turns(text) == [("Ines Caro", 1), ("Tomas Brandt", 4), ("Ines Caro", 1), ("Tomas Brandt", 1)]
    assert sum("in a list, unlike the dialogue's labels" in r for r in unsure(text)) == 3


def test_an_italic_note_in_a_bold_dialogue_is_not_a_voice() -> None:
    text = "**Ines Caro:** Hello.\n\n*Editor's note: recorded on the boat.*\n\n**Tomas Brandt:** Hi.\n\n**Ines Caro:** Ready?\n\n**Tomas Brandt:** Yes.\n"
    assert [n for n, _ in turns(text)] == ["Ines Caro", "Tomas Brandt", "Ines Caro", "Tomas Brandt"]


# 2. A marked name alone on its line ---------------------------------------------


@pytest.mark.parametrize("fmt", ["**{name}**\n\n{text}", "**{name}**\n{text}", "### {name}\n\n{text}", "## **{name}**\n\n{text}"])
def test_a_marked_name_alone_writes_a_dialogue(fmt: str) -> None:
    text = _dialogue(fmt)
    t = transcripts.parse(text)
    assert t.metadata.convention == "marked-own-line"
    assert turns(text) == EXPECTED
    assert t.metadata.title == "On the estuary"


def test_a_heading_that_reads_as_a_name_is_still_the_title() -> None:
    text = _dialogue("### {name}\n\n{text}", head="# Harbour Lights\n\n")
    assert transcripts.parse(text).metadata.title == "Harbour Lights"
    text = _dialogue("**{name}:** {text}", head="# Harbour Lights\n\n")
    assert transcripts.parse(text).metadata.title == "Harbour Lights"
    text = _dialogue("**{name}:** {text}", head="**Harbour Lights**\n\nA talk about lamps.\n\n")
    assert transcripts.parse(text).metadata.title == "Harbour Lights"


_OPENING = "### Ines Caro\n\nLet us talk about sea walls.\n\n### Tomas Brandt\n\nSea walls are old here.\n\n### Ines Caro\n\nVery old?\n\n"


def test_topic_headings_between_marked_names_are_topics() -> None:
    text = _OPENING + "## Sea Walls\n\n### Tomas Brandt\n\nOlder than the town.\n\n### Ines Caro\n\nHow so?\n"
    t = transcripts.parse(text)
    assert [n for n, _ in turns(text)] == ["Ines Caro", "Tomas Brandt", "Ines Caro", "Tomas Brandt", "Ines Caro"]
    assert [(p.title, p.turns) for p in t.topics] == [("Sea Walls", (3, 4))]


def test_a_heading_used_once_at_the_voices_level_is_no_voice() -> None:
    # Its words in the speech above are no introduction.
    text = _OPENING + "### Sea Walls\n\nThey hold the tide back.\n\n### Tomas Brandt\n\nOlder than the town.\n"
    assert turns(text) == [("Ines Caro", 1), ("Tomas Brandt", 1), ("Ines Caro", 2), ("Tomas Brandt", 1)]
    assert any("'Sea Walls' not accepted: a marked line used once" in r for r in unsure(text))


def test_marked_names_that_never_come_back_within_a_section_are_a_form() -> None:
    # One label of each per section, the same under every heading: "### Problem", "### Solution".
    text = "### Ines Caro\n\nHello.\n\n### Tomas Brandt\n\nHi.\n\n## Tides\n\n### Ines Caro\n\nSo?\n\n### Tomas Brandt\n\nYes.\n"
    assert turns(text) == []


def test_a_marked_voice_used_once_counts_when_named_above_as_written() -> None:
    intro = "# Dunes\n\nWith Odile Marchetti, and a word on sea walls.\n\n"
    text = intro + _OPENING + "### Odile Marchetti\n\nHello.\n\n### Sea Walls\n\nThey hold.\n\n### Tomas Brandt\n\nOlder than the town.\n"
    assert [n for n, _ in turns(text)] == ["Ines Caro", "Tomas Brandt", "Ines Caro", "Odile Marchetti", "Tomas Brandt"]


@pytest.mark.parametrize(
    "text",
    [
        # Section headings that read as names, each once.
        "# Notes\n\n## Batch Signing\n\nIt is faster.\n\n## Key Rotation\n\nIt is safer.\n\n## Open Questions\n\nMany.\n",
        # A profile page: two people, each once, named above.
        "# Our crew\n\nMeet Ines Caro and Tomas Brandt.\n\n### Ines Caro\n\nInes keeps the marsh.\n\n### Tomas Brandt\n\nTomas sails the ferry.\n",
        "# Our crew\n\nMeet Ines Caro and Tomas Brandt.\n\n**Ines Caro**\n\nInes keeps the marsh.\n\n**Tomas Brandt**\n\nTomas sails the ferry.\n",
        # One bold line that recurs.
        "**Update**\n\nThe ferry is late.\n\n**Update**\n\nThe ferry is here.\n\n**Update**\n\nIt left.\n",
    ],
)
def test_headings_and_bold_lines_of_a_page_are_no_dialogue(text: str) -> None:
    assert turns(text) == []
    assert unsure(text) == []


@pytest.mark.parametrize("fmt", ["### {}", "**{}**"])
def test_the_same_sections_under_each_heading_are_no_dialogue(fmt: str) -> None:
    text = "# Repairs\n\n" + "\n\n".join(f"## Pump {x}\n\n{fmt.format('Problem')}\n\nIt failed.\n\n{fmt.format('Solution')}\n\nWe replaced it." for x in "ABC")
    assert turns(text) == []


def test_a_talk_with_sections_goes_on_after_its_last_label() -> None:
    # Headings that read as names ("## Misconceptions") still divide the talk.
    text = (
        "---\ntitle: Tides\nspeakers:\n  - Ines Caro\n---\n## Introduction\n\nToday I talk about tides.\n\n"
        "Q: Are they late?\n\nA: Never.\n\nQ: Are they high?\n\nA: Sometimes.\n\n## Misconceptions\n\nThe moon is not alone.\n\nThe sun pulls too.\n"
    )
    t = transcripts.parse(text)
    assert t.turns[-1].paragraphs == ("Sometimes.", "The moon is not alone.", "The sun pulls too.")


# 3. A role word in parentheses ----------------------------------------------------


def test_a_role_word_in_parentheses_is_the_role_not_a_description() -> None:
    text = "Mara Quint (Host): Good evening.\n\nJonas Berg (Guest): Thank you.\n\nMara Quint: Shall we?\n\nJonas Berg: Yes.\n"
    t = transcripts.parse(text)
    assert [(s.name, s.role, s.description) for s in t.speakers] == [("Mara Quint", "host", None), ("Jonas Berg", "guest", None)]
    assert [n for n, _ in turns(text)] == ["Mara Quint", "Jonas Berg", "Mara Quint", "Jonas Berg"]


def test_another_qualifier_still_describes_the_speaker() -> None:
    text = "Mara Quint (Harbour Board): Good evening.\n\nJonas Berg: Thank you.\n\nMara Quint: Shall we?\n\nJonas Berg: Yes.\n"
    t = transcripts.parse(text)
    assert [(s.name, s.description) for s in t.speakers][0] == ("Mara Quint", "Harbour Board")


# Generated dialogues in each markdown variant -------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from transcripts.strategies import conversations, differences, render  # noqa: E402

_VARIANTS = {"italic": "*{}:*", "list": "- **{}:**", "list-italic": "* *{}:*", "blockquote": "> **{}:**"}


def _each_twice(t) -> bool:
    said = [u.speaker for u in t.turns]
    return all(said.count(s.id) >= 2 for s in t.speakers)


@settings(deadline=None)
@given(conversations(2, 3, 4, 9, alternate=True).filter(_each_twice), st.sampled_from(sorted(_VARIANTS)))
def test_generated_dialogues_in_each_markdown_variant_parse_back(t, variant) -> None:
    """A host asking and guests answering in turn (each twice or more: a
    voice in a list used once is a term), written "**Name:**" and then
    re-marked as the variant: the same dialogue parses back."""
    ep = render(t, "markdown-bold", "colon-inside")
    marks = {f"**{s.name}:**": _VARIANTS[variant].format(s.name) for s in t.speakers}
    lines = []
    for line in ep.text.split("\n"):
        for bold, other in marks.items():
            if line.startswith(bold + " "):
                line = other + line[len(bold) :]
                break
        lines.append(line)
    text = "\n".join(lines)
    got = transcripts.parse(text)
    assert got.metadata.convention == "markdown-bold"
    assert differences(ep.transcript, got) == ()


def test_a_list_of_terms_in_bold_after_we_discuss_is_still_the_announced_topics() -> None:
    text = (
        "In this episode, we discuss:\n\n- **Tariffs:** why they rose\n- **Ports:** how they cope\n\n"
        "Mara Quint: Welcome back.\n\nJonas Berg: Thanks.\n\nMara Quint: Tariffs first.\n\nJonas Berg: Then ports.\n"
    )
    t = transcripts.parse(text)
    assert [p.title for p in t.topics if p.source == "announced"] == ["**Tariffs:** why they rose", "**Ports:** how they cope"]


def test_a_heading_that_reads_as_a_name_and_ends_in_a_stop_is_still_a_heading() -> None:
    text = "# Talk\n\nMara Quint: Welcome back.\n\n## Harbour Walls.\n\nJonas Berg: Thanks.\n\nMara Quint: Good.\n\nJonas Berg: Yes.\n"
    assert [p.title for p in transcripts.parse(text).topics] == ["Harbour Walls."]


def test_a_quoted_dialogue_s_follow_on_paragraphs_lose_the_quote_mark():
    doc = (
        "# Tides\n\n> **Ada Lind:** Welcome back to the show.\n>\n> It has been a long winter.\n\n"
        "> **Bo Chen:** Thanks, Ada.\n>\n> Long indeed.\n\n> **Ada Lind:** So, the wall?\n\n> **Bo Chen:** Still standing.\n"
    )
    t = transcripts.parse(doc)
    assert [u.paragraphs for u in t.turns][:2] == [("Welcome back to the show.", "It has been a long winter."), ("Thanks, Ada.", "Long indeed.")]


def test_a_quote_inside_a_plain_dialogue_keeps_its_mark_and_its_empty_lines_are_blank():
    doc = "Ada Lind: Look at this.\n\n> The wall will hold.\n>\n> So they said.\n\nBo Chen: Famous last words.\n\nAda Lind: Indeed.\n\nBo Chen: Yes.\n"
    t = transcripts.parse(doc)
    assert t.turns[0].paragraphs == ("Look at this.", "> The wall will hold.", "> So they said.")


@pytest.mark.parametrize("terms", [("Pros", "Cons"), ("Problem", "Solution")])
def test_plain_bold_terms_once_under_each_heading_are_no_dialogue(terms: tuple[str, str]) -> None:
    # An article's form: the same two terms in bold, once each per section.
    a, b = terms
    text = "# Ferries compared\n\nThree boats we sailed.\n\n" + "\n\n".join(
        f"## The {x}\n\nIt crosses the bay.\n\n**{a}:** It is quick.\n\n**{b}:** It leaks." for x in ("Heron", "Gull", "Tern")
    )
    assert turns(text) == []


def test_a_podcast_with_topic_headings_between_its_turns_stays_a_dialogue() -> None:
    text = (
        "# On the estuary\n\n**Ines Caro:** Welcome back.\n\n**Tomas Brandt:** Glad to be here.\n\n**Ines Caro:** Shall we?\n\n"
        "## Tides\n\n**Tomas Brandt:** The tides are late.\n\n**Ines Caro:** Why?\n\n**Tomas Brandt:** The moon.\n\n"
        "## Walls\n\n**Ines Caro:** And the walls?\n\n**Tomas Brandt:** They hold.\n"
    )
    assert [n for n, _ in turns(text)] == ["Ines Caro", "Tomas Brandt", "Ines Caro", "Tomas Brandt", "Ines Caro", "Tomas Brandt", "Ines Caro", "Tomas Brandt"]


@pytest.mark.parametrize(
    "intro, ask, answer",
    [
        ("We spoke with Odile Marchetti about the dunes.", "Ines Caro", "Odile Marchetti"),  # the guest named above
        ("An interview about the dunes.", "Q", "A"),  # a questioner's role
    ],
)
def test_an_interview_of_one_question_per_heading_stays_a_dialogue(intro: str, ask: str, answer: str) -> None:
    text = f"# Dunes\n\n{intro}\n\n" + "\n\n".join(
        f"## {topic}\n\n**{ask}:** What about {topic.lower()}?\n\n**{answer}:** They move." for topic in ("Sand", "Grass", "Wind")
    )
    assert len(turns(text)) == 6
