"""Unit tests of the evidence for a header naming who plays a part, a
meeting tool's join marks, screenplays and interviews whose questions are
bold paragraphs (the golden files in tests/conventions/ hold whole
documents)."""

from __future__ import annotations

import pytest

import transcripts
from transcripts.evidence import cast
from transcripts.items import classify
from transcripts.paragraphs import paragraphs
from transcripts.rules import DEFAULT_RULES
from transcripts._source import split_lines


def _items(text):
    rules = DEFAULT_RULES
    return classify(paragraphs(split_lines(text), lambda l: rules.opens_item(l.text, l.raw), lambda l: rules.is_item(l.text, l.raw)), rules)


def _names(t):
    return [t.speaker(u.speaker).name for u in t.turns]


DIALOGUE = "Q: Where did you grow up?\n\nA: By the docks.\n\nQ: And then?\n\nA: Inland.\n"


@pytest.mark.parametrize(
    "header, people",
    [
        ("Interviewer: Daniel Ferreira\nInterviewee: Maria Lopez\n\n", [("Daniel Ferreira", "host", "Interviewer"), ("Maria Lopez", "guest", "Interviewee")]),
        ("Q: Daniel Ferreira\nA: Maria Lopez\n\n", [("Daniel Ferreira", "host", "Q"), ("Maria Lopez", "guest", "A")]),
        ("Project: River Trades\nModerator: Ann Lee\n\n", [("Ann Lee", "host", "Moderator")]),
        # A code or one word is no person; a legend needs both sides.
        ("Respondent: R12\n\n", []),
        ("Q: Daniel Ferreira\n\n", []),
        ("Q: Daniel Ferreira\nQ: Maria Lopez\n\n", []),
    ],
)
def test_cast_reads_a_header_naming_who_plays_a_part(header, people):
    found = cast(_items(header + DIALOGUE))
    assert [(p.name, p.role, p.label) for p in found] == people


def test_a_legend_resolves_the_one_letter_labels():
    t = transcripts.parse("Q: Daniel Ferreira\nA: Maria Lopez\n\n" + DIALOGUE)
    assert _names(t) == ["Daniel Ferreira", "Maria Lopez"] * 2
    assert {s.name: s.aliases for s in t.speakers} == {"Daniel Ferreira": ("Q",), "Maria Lopez": ("A",)}


def test_a_name_answering_a_question_is_no_legend():
    """"A: Maria Lopez" after a question asks nothing of a header: speech."""
    t = transcripts.parse("Q: Who taught you?\n\nA: Maria Lopez.\n\nQ: Where?\n\nA: Lisbon.\n")
    assert [s.name for s in t.speakers] == ["Q", "A"] and len(t.turns) == 4


def test_a_lone_q_line_with_a_name_stays_a_turn():
    t = transcripts.parse("Q: Daniel Ferreira\n\n" + DIALOGUE)
    assert len(t.turns) == 5 and t.turns[0].paragraphs == ("Daniel Ferreira",)


@pytest.mark.parametrize("mark", ["External", "Unverified", "Unverified External"])
def test_meeting_marks_leave_the_name(mark):
    t = transcripts.parse(f"Ann Lee: Hello.\n\nBo Chen ({mark}): Hi.\n\nAnn Lee: Go on.\n\nBo Chen ({mark}): Yes.\n")
    bo = t.speakers[1]
    assert (bo.name, bo.aliases, bo.description) == ("Bo Chen", (f"Bo Chen ({mark})",), mark)


SCRIPT = "INT. KITCHEN - NIGHT\n\nJO\nIs there coffee?\n\nSam pours a cup.\n\nSAM\nThe end of the pot.\n\nJO\nCold.\n"


@pytest.mark.parametrize(
    "text, kind",
    [("INT. KITCHEN - NIGHT", "heading"), ("EXT./INT. CAR - DAY", "heading"), ("I/E VAN - MOVING", "heading")],
)
def test_sluglines_are_headings(text, kind):
    from transcripts.rules import classify_block

    assert classify_block(text) == kind


def test_a_scripts_action_is_no_ones_speech():
    t = transcripts.parse(SCRIPT)
    assert [u.paragraphs for u in t.turns] == [("Is there coffee?",), ("The end of the pot.",), ("Cold.",)]
    assert [(b.kind, b.turn) for b in t.blocks] == [("heading", None), ("note", 0)]


def test_a_delivery_mark_makes_a_script_without_scene_headings():
    t = transcripts.parse(SCRIPT.replace("INT. KITCHEN - NIGHT\n\n", "").replace("SAM\n", "SAM (O.S.)\n"))
    assert [b.kind for b in t.blocks] == ["note"]


@pytest.mark.parametrize(
    "text",
    [
        # No scene heading, no delivery mark: a transcript's follow-on paragraph.
        SCRIPT.replace("INT. KITCHEN - NIGHT\n\n", ""),
        # Names alone, the speech after a blank line: no script.
        "INT. KITCHEN - NIGHT\n\nJO\n\nIs there coffee?\n\nSam pours a cup.\n\nSAM\n\nThe end of the pot.\n\nJO\n\nCold.\n",
    ],
)
def test_no_script_without_its_evidence(text):
    t = transcripts.parse(text)
    assert "Sam pours a cup." in t.turns[0].paragraphs


QA = "Intro about the potter.\n\n**How did you begin?**\n\nBy accident.\n\n**And now?**\n\nI teach.\n\n**What next?**\n\nA bigger kiln.\n"


def test_bold_questions_without_a_named_interviewee_are_q_and_a():
    t = transcripts.parse(QA)
    assert t.metadata.convention == "bold-questions"
    assert _names(t) == ["Q", "A"] * 3
    assert [b.kind for b in t.blocks] == ["prose"]


@pytest.mark.parametrize(
    "text",
    [
        # Section titles in bold above an article's paragraphs: no questions.
        QA.replace("?**", "**"),
        # Two bold paragraphs without an answer between them.
        QA.replace("By accident.\n\n", ""),
        # Two questions only.
        QA.split("**What next?**")[0],
        # A bold paragraph that nothing answers.
        QA + "\n**And finally?**\n",
    ],
)
def test_no_bold_interview_without_its_evidence(text):
    assert transcripts.parse(text).metadata.convention != "bold-questions"


def test_a_delivery_mark_is_no_description():
    """A script's "(CONT'D)" or "(O.S.)" says how a line is delivered: the
    spelling is kept as an alias, but it describes no one."""
    t = transcripts.parse("SAM\nWhere were you?\n\nELENA (O.S.)\nOut.\n\nSAM (CONT'D)\nOut where?\n\nELENA\nJust out.\n")
    assert [s.description for s in t.speakers] == [None, None]
    assert "SAM (CONT'D)" in t.speakers[0].aliases
