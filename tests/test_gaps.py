"""Conventions found missing by hand-checking real files, each with invented
examples: a lower-case title line, field-like list items in show notes, a
mission log's comment lines, a press secretary named in the title."""

from __future__ import annotations

import transcripts


def speeches(t: transcripts.Transcript) -> list[str]:
    return [p for u in t.turns for p in u.paragraphs]


# 1. A title in lower case at the top of the document --------------------------


def test_a_lower_case_title_line_at_the_top_is_no_speech() -> None:
    text = (
        "---\ntitle: Fuzzing the Parser\nspeakers:\n  - Ada Lindqvist\n---\n"
        "libfoo-ng fuzzing workshop\n\n"
        "Thanks for coming. Today we look at how fuzzing found three bugs.\n\n"
        "The first one was in the tokenizer.\n"
    )
    t = transcripts.parse(text)
    assert "libfoo-ng fuzzing workshop" not in speeches(t)
    assert [b.kind for b in t.blocks if b.text == "libfoo-ng fuzzing workshop"] == ["heading"]
    assert speeches(t)[0].startswith("Thanks for coming.")


def test_lower_case_text_at_the_top_of_a_lower_case_document_is_speech() -> None:
    text = "ok so welcome everyone\n\nthanks for having me it is good to be here\n\nlet us start with the basics\n"
    t = transcripts.parse(text)
    assert all(b.kind != "heading" for b in t.blocks)


def test_a_lower_case_link_line_at_the_top_is_no_title() -> None:
    text = "---\nspeakers:\n  - Ada Lindqvist\n---\nslides <https://example.org/talk.pdf>\n\nThanks for coming.\n"
    t = transcripts.parse(text)
    assert all(b.kind != "heading" for b in t.blocks)


# 2. Questions in a list of notes ----------------------------------------------


NOTES = (
    "Notes from the storage session\n\n"
    "- goal: agree on the next steps for the cache\n"
    "- Question: Should the cache be shared between workers?\n"
    "  - sharing saves memory but needs locking\n"
    "  - most people preferred one cache per worker\n"
    "- Question: How long should entries live?\n"
    "  - a day by default, configurable\n"
    "- Question: Who reviews the patch?\n"
    "  - two volunteers, names in the tracker\n"
)


def test_questions_in_a_list_of_notes_answered_by_list_items_are_no_dialogue() -> None:
    t = transcripts.parse(NOTES)
    assert t.turns == ()
    assert sum(1 for b in t.blocks if b.kind == "list_item" and "Question:" in b.text) == 3


def test_questions_in_a_list_answered_in_prose_are_a_talks_questions() -> None:
    text = (
        "---\nspeakers:\n  - Ada Lindqvist\n---\n"
        "Thanks for coming, here is what we built this year.\n\n"
        "- Question: Should the cache be shared between workers?\n\n"
        "We tried that first. It saved memory, but the locking cost more than it saved.\n\n"
        "- Question: How long should entries live?\n\n"
        "A day by default. You can change it in the settings.\n"
    )
    t = transcripts.parse(text)
    assert [t.speaker(u.speaker).name for u in t.turns] == ["Ada Lindqvist", "Question", "Ada Lindqvist", "Question", "Ada Lindqvist"]


# 3. A comment line inside a mission log's cue ---------------------------------


LOG = (
    "[00:00:10:02]\nCAPCOM: Seagull, this is Harbour. Radio check.\n\n"
    "[00:00:10:09]\nPILOT: Harbour, Seagull. Loud and clear.\n\n"
    "[00:00:10:15]\n# Relay station speaking for Harbour\nCAPCOM: Seagull, stand by for the burn.\n\n"
    "[00:00:10:21]\n_page : 12\n# was \"burm\" in the source\nPILOT: Standing by for the burn.\n\n"
    "[00:00:10:30]\nCAPCOM: Burn complete. Good job.\n\n"
    "[00:00:10:34]\nPILOT: Thanks, Harbour.\n"
)


def test_a_comment_line_inside_a_timed_cue_is_a_note_not_a_topic() -> None:
    t = transcripts.parse(LOG)
    assert t.topics == ()
    notes = [b.text for b in t.blocks if b.kind == "note"]
    assert notes == ["# Relay station speaking for Harbour", '# was "burm" in the source']
    assert [u.speaker for u in t.turns] == ["capcom", "pilot"] * 3


def test_a_heading_between_timed_turns_is_still_a_topic() -> None:
    text = (
        "## Launch\n\n"
        "[00:00:10] CAPCOM: Seagull, this is Harbour. Radio check.\n\n"
        "[00:00:15] PILOT: Harbour, Seagull. Loud and clear.\n\n"
        "## Orbit\n\n"
        "[00:10:00] CAPCOM: Seagull, stand by for the burn.\n\n"
        "[00:10:05] PILOT: Standing by.\n"
    )
    t = transcripts.parse(text)
    assert [p.title for p in t.topics] == ["Launch", "Orbit"]


# 4. An honorific and a surname for the full name the title gives ------------


BRIEFING = (
    "---\ntitle: Press Briefing by Press Secretary Dana Whitcombe and Trade Adviser Omar Castellanos\n---\n"
    "Briefing Room\n\n"
    "MS. WHITCOMBE:  Good afternoon, everyone. I have two things at the top.\n\n"
    "Q  Thank you. Will the tariffs go up?\n\n"
    "MS. WHITCOMBE:  I will let the adviser take that one.\n\n"
    "MR. CASTELLANOS:  Thanks, Dana. Not this year.\n\n"
    "Q  And next year?\n\n"
    "MR. CASTELLANOS:  We will see.\n"
)


def test_an_honorific_and_a_surname_take_the_full_name_the_title_gives() -> None:
    t = transcripts.parse(BRIEFING)
    spoken = {s.name: s.aliases for s in t.speakers}
    assert spoken["Dana Whitcombe"] == ("Ms. Whitcombe",)
    assert spoken["Omar Castellanos"] == ("Mr. Castellanos",)


def test_a_title_word_before_the_surname_is_no_given_name() -> None:
    text = BRIEFING.replace("Trade Adviser Omar Castellanos", "Senior Adviser Castellanos")
    assert "Mr. Castellanos" in {s.name for s in transcripts.parse(text).speakers}


def test_two_given_names_for_one_surname_give_no_full_name() -> None:
    text = BRIEFING.replace("Briefing Room\n", "Briefing Room, with Omar and Lucia Castellanos\n").replace(
        "Trade Adviser Omar Castellanos", "Trade Adviser Omar Castellanos and Lucia Castellanos"
    )
    assert "Mr. Castellanos" in {s.name for s in transcripts.parse(text).speakers}


def test_a_word_of_a_job_before_the_surname_is_no_given_name_when_the_speech_names_another() -> None:
    text = BRIEFING.replace("Trade Adviser Omar Castellanos", "Adviser for Clean Trade Castellanos").replace(
        "I will let the adviser", "I will let Omar Castellanos"
    )
    assert "Mr. Castellanos" in {s.name for s in transcripts.parse(text).speakers}


# 5. An emoji before a label ---------------------------------------------------


def test_an_emoji_before_each_label_is_markup() -> None:
    text = (
        "🎙️ Ann Lee: Welcome to the show.\n\n"
        "🎧 Bo Chen: Thanks for having me.\n\n"
        "🎙️ Ann Lee: Let us start with the tides.\n\n"
        "🎧 Bo Chen: Sure.\n"
    )
    t = transcripts.parse(text)
    assert [(t.speaker(u.speaker).name, u.paragraphs[0]) for u in t.turns[:2]] == [
        ("Ann Lee", "Welcome to the show."),
        ("Bo Chen", "Thanks for having me."),
    ]
    assert len(t.turns) == 4


def test_emoji_fields_of_show_notes_are_no_dialogue() -> None:
    text = (
        "Episode 12: the sea wall\n\n"
        "🎧 Listen: on any podcast app\n\n"
        "🔗 Links: https://example.org/notes\n\n"
        "📌 Note: this episode was recorded before the storm.\n\n"
        "© Harbour Media: all rights reserved\n"
    )
    t = transcripts.parse(text)
    assert t.turns == ()


def test_an_emoji_before_bold_labels_is_markup() -> None:
    text = "🎙️ **Ann Lee:** Welcome.\n\n🎧 **Bo Chen:** Thanks.\n\n🎙️ **Ann Lee:** Shall we?\n\n🎧 **Bo Chen:** Sure.\n"
    t = transcripts.parse(text)
    assert [t.speaker(u.speaker).name for u in t.turns] == ["Ann Lee", "Bo Chen"] * 2
    assert t.turns[3].paragraphs == ("Sure.",)


# 5. An earnings call's "Name -- Title" alone on its line -----------------------


CALL = (
    "Harbour Freight Q3 2026 Earnings Call\n\n"
    "Operator\n\n"
    "Good day, and welcome to the third quarter call. I will now hand over.\n\n"
    "Jane Doe -- Chief Executive Officer\n\n"
    "Thanks, operator. Revenue grew nine percent this quarter.\n\n"
    "We also opened two depots.\n\n"
    "John Roe -- Analyst, Big Bank\n\n"
    "Hi, thanks for taking my question. What about margins?\n\n"
    "Jane Doe -- Chief Executive Officer\n\n"
    "Margins held steady.\n\n"
    "Operator\n\n"
    "That concludes the call.\n"
)


def test_a_name_and_a_title_after_two_hyphens_alone_on_a_line_are_a_label() -> None:
    t = transcripts.parse(CALL)
    assert [(t.speaker(u.speaker).name, len(u.paragraphs)) for u in t.turns] == [
        ("Operator", 1), ("Jane Doe", 2), ("John Roe", 1), ("Jane Doe", 1), ("Operator", 1)
    ]
    jane = next(s for s in t.speakers if s.name == "Jane Doe")
    assert jane.description == "Chief Executive Officer"
    assert jane.aliases == ("Jane Doe -- Chief Executive Officer",)


def test_a_byline_with_two_hyphens_once_is_no_label() -> None:
    text = "Harbour walls\n\nJane Doe -- Staff Writer\n\nThe sea wall was finished in May. It cost more than planned.\n"
    assert transcripts.parse(text).turns == ()


# 5. A bracketed name and the speech ------------------------------------------


def test_a_bracketed_name_and_the_speech_is_a_label() -> None:
    text = (
        "[Ann Lee] Welcome to the show.\n\n"
        "[Bo Chen] Thanks for having me.\n\n"
        "[Laughs] It is good to be here.\n\n"
        "[Ann Lee] Let us start.\n\n"
        "[Bo Chen] Sure.\n"
    )
    t = transcripts.parse(text)
    assert t.metadata.convention == "bracket-name"
    assert [(t.speaker(u.speaker).name, len(u.paragraphs)) for u in t.turns] == [
        ("Ann Lee", 1), ("Bo Chen", 2), ("Ann Lee", 1), ("Bo Chen", 1)
    ]
    assert [b.kind for b in t.blocks] == ["event"]


def test_bracketed_asides_opening_speech_are_no_labels() -> None:
    text = (
        "Ann Lee: Welcome to the show.\n\n"
        "Bo Chen: [Laughs] Thanks.\n\n"
        "[Inaudible] and then the tide came in.\n\n"
        "Ann Lee: Go on.\n\n"
        "[Crosstalk] so we left.\n"
    )
    t = transcripts.parse(text)
    assert t.metadata.convention == "name-colon"
    assert {s.name for s in t.speakers} == {"Ann Lee", "Bo Chen"}
