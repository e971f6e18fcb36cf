"""The failure classes of real transcripts the parser was never shown (issue 9),
each with invented examples: the document's own template decides, not a
catalogue of name shapes."""

from __future__ import annotations

import pytest

import transcripts
from transcripts.parser import analyse
from transcripts.rules import DEFAULT_RULES, Label
from transcripts.slots import read_slot


def turns(text: str, **kw) -> list[tuple[str, int]]:
    t = transcripts.parse(text, **kw)
    names = {s.id: s.name for s in t.speakers}
    return [(names[u.speaker], len(u.paragraphs)) for u in t.turns]


def names(text: str) -> list[str]:
    t = transcripts.parse(text)
    return [t.speaker(u.speaker).name for u in t.turns]


# 1. Labels outside the name catalogue ---------------------------------------


def test_speech_recognisers_labels_in_text_are_voices_kept_as_written() -> None:
    text = "SPEAKER_00: Welcome back.\n\nSPEAKER_01: Thanks for having me.\n\nSPEAKER_00: Shall we start?\n\nSPEAKER_01: Sure.\n"
    assert turns(text) == [("SPEAKER_00", 1), ("SPEAKER_01", 1), ("SPEAKER_00", 1), ("SPEAKER_01", 1)]


def test_a_members_seat_and_party_describe_the_member() -> None:
    text = (
        "Mr Speaker: Order. Questions to the Minister.\n\n"
        "Sir Alan Pike (Thornbury) (Lab): Will the Minister say what she plans?\n\n"
        "The Minister: I thank him for his question.\n\n"
        "Sir Alan Pike: That is no answer.\n\n"
        "The Minister: It is the one he will get.\n"
    )
    assert names(text) == ["Mr Speaker", "Sir Alan Pike", "The Minister", "Sir Alan Pike", "The Minister"]


def test_state_department_briefings_question_the_spokesperson() -> None:
    text = "MR PRICE: Good afternoon.\n\nQUESTION: Where were you?\n\nMR PRICE: At home.\n\nQUESTION: Alone?\n\nMR PRICE: Yes.\n"
    t = transcripts.parse(text)
    assert [t.speaker(u.speaker).name for u in t.turns] == ["Mr Price", "Question", "Mr Price", "Question", "Mr Price"]
    assert t.speaker(t.turns[1].speaker).role == "host"


def test_a_code_in_parentheses_introduces_later_labels() -> None:
    text = "Interviewer (IV): Where were you?\n\nRespondent (R1): At home.\n\nIV: Alone?\n\nR1: Yes.\n\nIV: Why?\n\nR1: No reason.\n"
    assert names(text) == ["Interviewer", "Respondent"] * 3


@pytest.mark.parametrize(
    "text",
    [
        "**Ann Lee** (00:00:01): Welcome back.\n\n**Bo Chen** (00:00:06): Thanks.\n\n**Ann Lee** (00:00:10): Shall we?\n",
        "Ann Lee 00:00:01 - 00:00:05\nWelcome back.\n\nBo Chen 00:00:06 - 00:00:09\nThanks.\n\nAnn Lee 00:00:10 - 00:00:12\nShall we?\n",
    ],
)
def test_a_time_after_a_bold_name_or_a_time_range(text: str) -> None:
    t = transcripts.parse(text)
    assert names(text) == ["Ann Lee", "Bo Chen", "Ann Lee"]
    assert [u.start for u in t.turns] == [1.0, 6.0, 10.0]


def test_a_qualifier_that_describes_a_speaker_is_their_description() -> None:
    text = "Ann Lee (CEO, Acme Corp.): Welcome.\n\nBo Chen (Professor, Yale): Thanks.\n\nAnn Lee: So.\n\nBo Chen: Yes.\n"
    t = transcripts.parse(text)
    assert [(s.name, s.description) for s in t.speakers] == [("Ann Lee", "CEO, Acme Corp."), ("Bo Chen", "Professor, Yale")]
    assert names(text) == ["Ann Lee", "Bo Chen", "Ann Lee", "Bo Chen"]


def test_a_time_between_a_label_alone_and_its_speech_starts_that_turn() -> None:
    text = "Ann Lee\n\n00:00:01\n\nWelcome back.\n\nBo Chen\n\n00:00:04\n\nThanks.\n\nAnn Lee\n\n00:00:09\n\nSure.\n"
    t = transcripts.parse(text)
    assert names(text) == ["Ann Lee", "Bo Chen", "Ann Lee"]
    assert [u.start for u in t.turns] == [1.0, 4.0, 9.0]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("主持人：欢迎收听。\n\n林晓：谢谢。\n\n主持人：我们开始吧。\n\n林晓：好的。\n", ["主持人", "林晓", "主持人", "林晓"]),
        ("(00:00) Tess: Welcome.\n\n(00:05) Luis: Hi Tess.\n\n(00:09) Tess: So.\n\n(00:12) Luis: Yes.\n", ["Tess", "Luis", "Tess", "Luis"]),
        ("[00:00:00 - 00:00:04] Ann Lee: Welcome.\n\n[00:00:05 - 00:00:09] Bo Chen: Hi.\n\n[00:00:10 - 00:00:12] Ann Lee: So.\n", ["Ann Lee", "Bo Chen", "Ann Lee"]),
    ],
)
def test_full_width_colons_and_times_in_parentheses_or_ranges_before_a_label(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_broadcast_captions_mark_a_label_with_chevrons() -> None:
    text = ">> MARIA LOPEZ: Welcome back.\n>> DAN PRICE: Thanks for having me.\n>>> MARIA LOPEZ: Shall we start?\n>> DAN PRICE: Sure.\n"
    assert turns(text) == [("Maria Lopez", 1), ("Dan Price", 1), ("Maria Lopez", 1), ("Dan Price", 1)]


@pytest.mark.parametrize(
    "written, name, kind",
    [
        ("Ruth Okafor, PhD", "Ruth Okafor", "person"),
        ("Dr. Ann Lee, MD", "Dr. Ann Lee", "person"),
        ("Mireille B. Reece, Psy.D", "Mireille B. Reece", "person"),
        ("CAPCOM (Guam)", "CAPCOM (Guam)", "caps"),
        ("Audience member", "Audience member", "role"),
        ("Unidentified speaker", "Unidentified speaker", "role"),
        ("Male voice", "Male voice", "role"),
        ("SENIOR ADMINISTRATION OFFICIAL", "SENIOR ADMINISTRATION OFFICIAL", "role"),
        ("?", "?", "mark"),
        ("Unknown", "Unknown", "role"),
        ("roasbeef", "roasbeef", "handle"),
        ("Speaker 2", "Speaker 2", "role"),
        ("1st person", "1st person", "role"),
        ("Paul Frazee✌", "Paul Frazee", "person"),
        ("CV-39", "CV-39", "caps"),
        ("SPEAKER_00", "SPEAKER_00", "role"),
        ("spk_1", "spk_1", "role"),
        ("Sir Alan Pike (Thornbury) (Lab)", "Sir Alan Pike", "person"),
    ],
)
def test_the_label_grammar_reads_what_labels_hold(written: str, name: str, kind: str) -> None:
    slot = read_slot(written)
    assert slot is not None and (slot.name, slot.kind) == (name, kind)


@pytest.mark.parametrize(
    "written",
    ["The train was late", "Number two, I think this is important", "First, on vaccinations", "What’s more", "Read here", "Yes"],
)
def test_sentences_are_no_labels(written: str) -> None:
    assert read_slot(written) is None


def test_credentials_qualifiers_and_roles_in_bold_labels() -> None:
    text = (
        "**Ruth Okafor, PhD:** Welcome to the show.\n\n**Tom Reyes:** Thanks, Ruth.\n\n"
        "**Audience member:** Can I ask one thing?\n\n**Ruth Okafor, PhD:** Please.\n\n**Tom Reyes:** Sure.\n"
    )
    t = transcripts.parse(text)
    assert names(text) == ["Ruth Okafor", "Tom Reyes", "Audience member", "Ruth Okafor", "Tom Reyes"]
    assert "Ruth Okafor, PhD" in t.speakers[0].aliases


def test_role_and_unknown_labels_in_a_plain_dialogue() -> None:
    text = (
        "Ann Lee: Shall we start?\n\nBo Chen: Yes.\n\nUnidentified speaker: Is this on?\n\n"
        "Ann Lee: It is.\n\n?: Hello?\n\nBo Chen: Go on.\n\nAnn Lee: Fine.\n"
    )
    assert names(text) == ["Ann Lee", "Bo Chen", "Unidentified speaker", "Ann Lee", "?", "Bo Chen", "Ann Lee"]


def test_several_word_role_labels_in_capitals() -> None:
    text = (
        "MODERATOR: Our first speaker.\n\nSENIOR ADMINISTRATION OFFICIAL: Thanks, everyone.\n\n"
        "Q Thank you. A question on trade.\n\nSENIOR ADMINISTRATION OFFICIAL: Sure.\n\nMODERATOR: Next.\n"
    )
    assert [n for n, _ in turns(text)] == ["Moderator", "Senior Administration Official", "Q", "Senior Administration Official", "Moderator"]


def test_nicknames_that_recur_are_speakers() -> None:
    text = "Stephan: Hi Laolu.\n\nroasbeef: It's good to be here.\n\nStephan: How are things?\n\nroasbeef: Not bad.\n"
    assert names(text) == ["Stephan", "roasbeef", "Stephan", "roasbeef"]


# 2. Labels ending with a full stop ---------------------------------------------


def test_congressional_record_labels_end_with_a_full_stop() -> None:
    text = (
        "Chairman HOLLIS. The committee will come to order.\n\nMr. BRANDT. Thank you, Mr. Chairman.\n\n"
        "Chairman HOLLIS. Please proceed.\n\nMr. BRANDT.\n\nI have three points.\n\nCHAIR WEXLER. Briefly, please.\n"
    )
    t = transcripts.parse(text)
    assert t.metadata.convention == "name-period"
    assert turns(text) == [("Chairman HOLLIS", 1), ("Mr. BRANDT", 1), ("Chairman HOLLIS", 1), ("Mr. BRANDT", 1), ("Chair Wexler", 1)]


def test_a_word_in_capitals_and_a_stop_is_speech() -> None:
    assert not [l for l in DEFAULT_RULES.find_labels("OK. So we go on.") if l.rule == "name-period"]
    assert not [l for l in DEFAULT_RULES.find_labels("I. Introduction") if l.rule == "name-period"]


# 3. A label whose rest is a time, the speech below ----------------------------


def test_a_label_with_only_a_time_starts_the_speech_below() -> None:
    text = "Ines Caro: 00:00:00\n\nWelcome, everyone.\n\nTom Reyes: 00:00:05\n\nThanks, Ines.\n\nInes Caro: 00:00:09\n\nLet's go.\n"
    t = transcripts.parse(text)
    assert [(u.start, u.paragraphs) for u in t.turns] == [(0.0, ("Welcome, everyone.",)), (5.0, ("Thanks, Ines.",)), (9.0, ("Let's go.",))]


def test_bold_label_with_a_time_and_once_without_its_colon() -> None:
    text = (
        "**Tom Reyes:** 00:12:01\n\nSo here we are.\n\n**Nadia Ferris:** 00:12:10\n\nIndeed.\n\n"
        "**Tom Reyes** 00:37:24\n\nOne more thing.\n\n**Nadia Ferris:**\n\nGo on.\n\nAnd then?\n"
    )
    t = transcripts.parse(text)
    assert [(u.start, len(u.paragraphs)) for u in t.turns] == [(721.0, 1), (730.0, 1), (2244.0, 1), (None, 2)]


def test_a_time_in_speech_stays_speech() -> None:
    text = "[00:00:01:00]\nCC: What is the reading?\n\n[00:00:01:05]\nC: 1:19\n\n[00:00:01:09]\nCC: Roger.\n"
    t = transcripts.parse(text)
    assert [(u.start, u.paragraphs) for u in t.turns] == [(60.0, ("What is the reading?",)), (65.0, ("1:19",)), (69.0, ("Roger.",))]


def test_segment_markers_with_only_a_time_are_breaks() -> None:
    text = (
        "**Mat Ryer:** Hello.\n\n**Egon Elbre:** Hi.\n\n**Jingle:** \\[09:56\\]\n\n**Mat Ryer:** Welcome back.\n\n"
        "**Jingle:** \\[19:01\\]\n\n**Egon Elbre:** Yes.\n\n**Song extract:** \\[21:00\\]\n\n**Mat Ryer:** Bye.\n"
    )
    t = transcripts.parse(text)
    assert [n for n, _ in turns(text)] == ["Mat Ryer", "Egon Elbre", "Mat Ryer", "Egon Elbre", "Mat Ryer"]
    assert sum(1 for b in t.blocks if b.kind == "break") == 3


@pytest.mark.parametrize("span", ["\\[56:55\\] to \\[57:12\\]", "[1:02:03]-[1:02:30]", "(12:01) – (12:20)"])
def test_a_marker_with_the_span_of_a_clip_is_a_break(span: str) -> None:
    text = (
        f"**Mat Ryer:** Hello.\n\n**Egon Elbre:** Hi.\n\n**Mat Ryer:** Now a song.\n\n**Jingle:** {span}\n\n"
        "**Mat Ryer:** Welcome back.\n\n**Egon Elbre:** Yes.\n"
    )
    t = transcripts.parse(text)
    assert [n for n, _ in turns(text)] == ["Mat Ryer", "Egon Elbre", "Mat Ryer", "Mat Ryer", "Egon Elbre"]
    assert [b.kind for b in t.blocks] == ["break"]


# 4. Pseudo-labels ---------------------------------------------------------------


def test_fields_and_links_are_no_speakers() -> None:
    text = (
        "Podcast: https://example.org/ep/12\n\nVideo:\n\nTranscript: [here](https://example.org/t)\n\n"
        "_page : 77\n\n_note:\n\nSlides: <https://example.org/s.pdf>\n\n"
        "Ann Lee: Welcome.\n\nBo Chen: Thanks.\n\nAnn Lee: Bye.\n"
    )
    t = transcripts.parse(text)
    assert [s.name for s in t.speakers] == ["Ann Lee", "Bo Chen"]
    assert t.metadata.title is None
    assert {b.text for b in t.blocks} >= {"Podcast: https://example.org/ep/12", "_page : 77", "Video:"}


def test_the_terms_of_notes_are_no_speakers() -> None:
    text = (
        "Goal: agree on the tide tables.\n\nOption: print them weekly.\n\nOption: put them online.\n\n"
        "Problem: nobody reads them.\n\nSolution: a siren.\n\nProblem: the siren is loud.\n\nSolution: a bell.\n\n"
        "Ann Lee: Shall we vote?\n\nBo Chen: Yes.\n\nAnn Lee: The bell it is.\n"
    )
    t = transcripts.parse(text)
    assert [s.name for s in t.speakers] == ["Ann Lee", "Bo Chen"]


# 5. Speech before the first label -------------------------------------------------


def test_a_talk_before_its_questions_belongs_to_the_front_matter_speaker() -> None:
    text = (
        "---\ntitle: Tides\nspeakers: [Lena Ortiz]\n---\n"
        "## Intro\n\nThank you for coming.\n\nToday: tides.\n\nQ: Why do tides rise?\n\nA: The moon.\n\nQ: And fall?\n\nA: Also the moon.\n"
    )
    assert turns(text) == [("Lena Ortiz", 2), ("Q", 1), ("Lena Ortiz", 1), ("Q", 1), ("Lena Ortiz", 1)]


def test_unlabelled_answers_to_an_audience_are_the_speakers() -> None:
    text = (
        "---\nspeakers:\n  - Lena Ortiz\n---\nSo that is the talk.\n\nQ: What about storms?\n\nStorms add a surge.\n\n"
        "Q: How high?\n\nA metre or two.\n"
    )
    assert turns(text) == [("Lena Ortiz", 1), ("Q", 1), ("Lena Ortiz", 1), ("Q", 1), ("Lena Ortiz", 1)]


def test_a_talk_without_labels_is_its_one_named_speakers() -> None:
    t = transcripts.parse("---\nspeakers: [Lena Ortiz]\n---\n# Tides\n\nThe moon pulls.\n\nThe sea follows.\n")
    assert [(t.speaker(u.speaker).name, u.paragraphs) for u in t.turns] == [("Lena Ortiz", ("The moon pulls.", "The sea follows."))]
    assert t.metadata.convention == "unlabelled"


# 6. Front matter as evidence and as names -------------------------------------------


def test_front_matter_speakers_give_full_names_to_initials_and_first_names() -> None:
    text = "---\nspeakers:\n  - Maya Moreau\n  - Tomás Okafor\n---\nMM: Welcome.\n\nTomás: Thanks.\n\nMM: Let's begin.\n"
    assert names(text) == ["Maya Moreau", "Tomás Okafor", "Maya Moreau"]


def test_front_matter_keys_are_case_insensitive() -> None:
    t = transcripts.parse("---\nTitle: Sea Walls\npubDate: 2024-05-01\n---\nAnn Lee: Hi.\n\nBo Chen: Hello.\n\nAnn Lee: Bye.\n")
    assert (t.metadata.title, t.metadata.published) == ("Sea Walls", "2024-05-01")


def test_an_impossible_date_in_front_matter_is_kept_as_written() -> None:
    t = transcripts.parse("---\ntitle: Tides\ndate: 2020-13-45\n---\nAnn Lee: Hi.\n\nBo Chen: Hello.\n\nAnn Lee: Bye.\n")
    assert (t.metadata.title, t.metadata.published) == ("Tides", "2020-13-45")


def test_a_label_introducing_initials() -> None:
    text = "Aaron van Wirdum (AvW): Welcome.\n\nLuke Dashjr (LD): Hi.\n\nAvW: First question.\n\nLD: Sure.\n\nAvW: Thanks.\n"
    assert names(text) == ["Aaron van Wirdum", "Luke Dashjr", "Aaron van Wirdum", "Luke Dashjr", "Aaron van Wirdum"]


# 7. Distinct labels stay distinct ------------------------------------------------------


def test_role_words_never_fold_into_longer_labels() -> None:
    text = "HOST: Welcome.\n\nAUDIENCE: Hello!\n\nAUDIENCE MEMBER: A question.\n\nHOST: Yes?\n\nAUDIENCE MEMBER: Why?\n\nAUDIENCE: Ha!\n"
    assert [n for n, _ in turns(text)] == ["Host", "Audience", "Audience Member", "Host", "Audience Member", "Audience"]


def test_surnames_fold_into_the_full_name() -> None:
    text = "STEVE INSKEEP, HOST: Good morning.\n\nLULU MILLER: Hi Steve.\n\nINSKEEP: Tell us.\n\nMILLER: Well.\n"
    assert [n for n, _ in turns(text)] == ["Steve Inskeep", "Lulu Miller", "Steve Inskeep", "Lulu Miller"]


# 9. Evidence must not collapse -----------------------------------------------------------


def test_a_long_opening_statement_does_not_split_the_dialogue() -> None:
    statement = "".join(f"Point {k}: we have done a great deal of work on this, as you all know.\n\n" for k in range(40))
    text = "MODERATOR: Over to our official.\n\nMS. HALLORAN: Thank you.\n\n" + statement + "".join(
        "Q Thank you. One more question?\n\nMS. HALLORAN: Yes.\n\n" for _ in range(20)
    )
    got = turns(text)
    assert got[0] == ("Moderator", 1) and got[1] == ("Ms. Halloran", 41) and len(got) == 42


def test_one_voice_labelling_many_paragraphs_is_a_dialogue() -> None:
    text = "".join(f"[00:00:0{k}:00]\nPAO: Report {k}.\n\n" for k in range(6))
    t = transcripts.parse(text)
    assert [(t.speaker(u.speaker).name, u.start) for u in t.turns] == [("PAO", k * 60.0) for k in range(6)]


def test_a_dozens_times_repeated_label_survives_an_odd_label_and_a_long_intro() -> None:
    intro = "".join(f"This is paragraph {k} of a long intro about the week.\n\n" for k in range(60))
    body = "".join("MS. JEAN-PIERRE: Hello.\n\nQ Oooh, cookies!\n\n" for _ in range(30))
    t = transcripts.parse("# Briefing\n\n2 de março de 2025\n\n" + intro + "James S. Brady Press Briefing Room\n\n" + body)
    assert len(t.turns) == 60


def test_a_post_title_far_below_the_dialogue_is_not_a_speaker() -> None:
    dialogue = "".join("Ann Lee: A question.\n\nBo Chen: An answer.\n\n" for _ in range(10))
    sidebar = "".join(f"Post {k} of the archive, with words.\n\n" for k in range(40))
    a = analyse(dialogue + sidebar + "Trade: How Free is Too Free?\n\nTrade: How Free is Too Free?\n")
    assert [s.name for s in a.transcript.speakers] == ["Ann Lee", "Bo Chen"]
    assert any("Trade" in u.reason for u in a.dialogue.unsure)


# 10. Time lines ----------------------------------------------------------------------


def test_negative_and_fractional_time_lines() -> None:
    text = "[-00:00:00:04]\nPAO: Ignition.\n\n[00:00:00:00]\nPAO: Liftoff.\n\n[00:00:01:02:03.4]\nPAO: Go.\n\n[00:00:00:05]\nPAO: Pitch.\n"
    t = transcripts.parse(text)
    assert [u.start for u in t.turns][:2] == [-4.0, 0.0]


def test_untimed_turns_under_a_time_line_take_its_time() -> None:
    text = "[00:01:02:03]\nCDR: One.\n\nLMP: Two.\n\n[00:01:02:09]\nCDR: Three.\n\nLMP: Four.\n\nCDR: Five.\n"
    t = transcripts.parse(text)
    assert [u.start for u in t.turns] == [3723.0, 3723.0, 3729.0, 3729.0, 3729.0]


# 11. A tiny dialogue -------------------------------------------------------------------


def test_two_full_names_used_once_each_are_a_dialogue() -> None:
    assert names("Ann Lee: Did you see the tide?\n\nBo Chen: I did.\n") == ["Ann Lee", "Bo Chen"]


def test_two_full_names_in_an_essay_are_no_dialogue() -> None:
    essay = "".join(f"Paragraph {k} of an essay on the sea, with no one speaking.\n\n" for k in range(10))
    assert names(essay + "Ann Lee: A note.\n\nBo Chen: Another.\n" + essay) == []


# Rejected labels are reported, never silently merged ----------------------------------


def test_what_fits_the_template_but_is_rejected_is_reported() -> None:
    text = (
        "THE PRESIDENT: Thank you.\n\nQ Mr. President, a question.\n\nTHE PRESIDENT: Three things.\n\n"
        "Bridges: we will build them.\n\nQ Thank you.\n\nTHE PRESIDENT: Good.\n"
    )
    a = analyse(text)
    assert [a.transcript.speaker(u.speaker).name for u in a.transcript.turns] == ["The President", "Q", "The President", "Q", "The President"]
    assert [(u.line, "written in another style" in u.reason) for u in a.dialogue.unsure] == [(7, True)]


# The rule set as an object ------------------------------------------------------------


def test_a_rule_set_copy_takes_a_new_rule_before_a_named_one() -> None:
    import regex

    rules = DEFAULT_RULES.copy()

    @rules.label_rule("arrow", regex.compile(r"^(?P<name>[A-Z][a-z]{1,20}) >> "), first=lambda o: o[:1].isupper(), before="colon")
    def arrow(rule, m, text):  # type: ignore[no-untyped-def]
        return Label(rule.name, m["name"], text[m.end() :], template=rule.template)

    text = "Ann >> Hello.\n\nBo >> Hi.\n\nAnn >> Bye.\n"
    assert [r.name for r in rules.label_rules].index("arrow") == [r.name for r in rules.label_rules].index("colon") - 1
    assert turns(text, rules=rules) == [("Ann", 1), ("Bo", 1), ("Ann", 1)]
    assert transcripts.parse(text).turns == ()  # the default rule set is unchanged
    with pytest.raises(ValueError):
        rules.add(rules.label_rules[0])


# Conventions of other tools and records -----------------------------------------------


def test_court_records_question_and_answer() -> None:
    text = "THE COURT: Proceed.\n\nQ. Where were you?\n\nA. At home.\n\nQ. Alone?\n\nA.  Yes.\n\nTHE COURT: Next.\n"
    assert [n for n, _ in turns(text)] == ["The Court", "Q", "A", "Q", "A", "The Court"]


def test_a_capital_a_opening_a_sentence_is_speech() -> None:
    text = "Ann Lee: So?\n\nBo Chen: Well.\n\nA New York paper said so.\n\nAnn Lee: Fine.\n"
    assert turns(text) == [("Ann Lee", 1), ("Bo Chen", 2), ("Ann Lee", 1)]


def test_a_label_and_a_bracketed_time_without_markup() -> None:
    text = "Speaker 1 [00:00:05] Hello there.\n\nSpeaker 2 [00:00:09]\n\nHi.\n\nSpeaker 1 [00:01:00] Bye.\n"
    t = transcripts.parse(text)
    assert t.metadata.convention == "name-bracket-time"
    assert [(u.start, u.paragraphs) for u in t.turns] == [(5.0, ("Hello there.",)), (9.0, ("Hi.",)), (60.0, ("Bye.",))]


@pytest.mark.parametrize(
    "text, convention",
    [
        ("[Alex Smith] 10:02:15\nHello everyone.\n\n[Bea Jones] 10:02:20\nHi Alex.\n\n[Alex Smith] 10:02:31\nLet's start.\n", "bracket-name-time"),
        ("00:00:05 Alex Smith: Hello everyone.\n00:00:09 Bea Jones: Hi Alex.\n00:00:15 Alex Smith: Let's start.\n", "bracket-time-name"),
        ("[00:00:05.12] Alex Smith\nHello everyone.\n\n[00:00:09.00] Bea Jones\nHi Alex.\n\n[00:00:15.50] Alex Smith\nLet's start.\n", "time-name"),
        ("Alex Smith — Hello everyone.\n\nBea Jones — Hi Alex.\n\nAlex Smith — Let's start.\n", "name-dash"),
    ],
)
def test_exports_of_meeting_and_transcription_tools(text: str, convention: str) -> None:
    t = transcripts.parse(text)
    assert t.metadata.convention == convention
    assert [t.speaker(u.speaker).name for u in t.turns] == ["Alex Smith", "Bea Jones", "Alex Smith"]
    assert [u.paragraphs[0] for u in t.turns] == ["Hello everyone.", "Hi Alex.", "Let's start."]
    if convention != "name-dash":
        assert all(u.start is not None for u in t.turns)


def test_a_dash_inside_wrapped_text_does_not_split_it() -> None:
    wrapped = (
        "MS. LEE:  We have talked to the partners in the region about this for many\n"
        "months — and China — as we said, is part of that conversation every day now\n"
        "and it will be.\n\nQ  Thanks.\n\nMS. LEE:  Sure.\n\nQ  More?\n\nMS. LEE:  No.\n"
    ) * 3
    t = transcripts.parse(wrapped)
    assert [len(u.paragraphs) for u in t.turns][:2] == [1, 1]


@pytest.mark.parametrize("slip", ["MR. HALLORN", "MR. HALOLRAN", "MR. HALLORAAN"])
@pytest.mark.parametrize("first", [False, True])
def test_a_label_written_once_with_a_slip_is_the_speaker_it_misspells(slip: str, first: bool) -> None:
    once = f"{slip}:  One more thing.\n\n"
    body = "".join(f"MR. HALLORAN:  Answer {k}.\n\nQ  Question {k}?\n\n" for k in range(4))
    text = (once + body) if first else (body + once)
    t = transcripts.parse(text)
    assert sorted(s.name for s in t.speakers) == ["Mr. Halloran", "Q"]
    (halloran,) = [s for s in t.speakers if s.name == "Mr. Halloran"]
    assert sum(1 for u in t.turns if u.speaker == halloran.id) == 5


def test_two_voices_a_letter_apart_stay_two() -> None:
    text = "".join("SPEAKER 1:  Hello.\n\nSPEAKER 2:  Hi.\n\n" for _ in range(3)) + "MR. BATES:  Yes.\n\n" + "MR. GATES:  No.\n\n" * 3
    t = transcripts.parse(text)
    assert len(t.speakers) == 4


def test_a_sentence_without_a_stop_after_the_last_label_does_not_end_the_speech() -> None:
    text = (
        "**Ann Lee:** Welcome to the tide report.\n\n**Bo Chen:** Thanks, Ann.\n\n**Ann Lee:** That's the report for now.\n\n"
        "Read the rest of the charts at example.org/tides\n\nHave a good week, and I'll talk to you soon.\n\n"
        "Related Episodes\n\nThe silt report, part two.\n"
    )
    t = transcripts.parse(text)
    assert t.turns[-1].paragraphs == (
        "That's the report for now.",
        "Read the rest of the charts at example.org/tides",
        "Have a good week, and I'll talk to you soon.",
    )
    assert [b.text for b in t.blocks] == ["Related Episodes", "The silt report, part two."]


def _opening(first: str) -> str:
    return (
        f"**Ines Caro:** {first}\n\n**Odile Marchetti:** Glad to be here.\n\n"
        "**Tomas Brandt:** And I am here too.\n\n**Ines Caro:** Let us start with the dunes.\n\n"
        "**Odile Marchetti:** They move every winter.\n\n**Tomas Brandt:** Further each year.\n"
    )


def test_the_opening_of_a_show_without_an_intro_names_its_host_and_guest() -> None:
    t = transcripts.parse(_opening("Hello, and welcome to Tide Talk. Today I am joined by Odile Marchetti."))
    # Tomas Brandt, whom the opening does not introduce, may be a co-host or a guest.
    assert [(s.name, s.role) for s in t.speakers] == [("Ines Caro", "host"), ("Odile Marchetti", "guest"), ("Tomas Brandt", "unknown")]


@pytest.mark.parametrize(
    "first",
    [
        "Today I am joined by Odile Marchetti.",  # no opening of a show: a mention
        "Hello, and welcome to Tide Talk. Today I am joined by Odile.",  # no full name
    ],
)
def test_a_mention_in_the_first_turn_alone_gives_no_roles(first: str) -> None:
    t = transcripts.parse(_opening(first))
    assert {s.role for s in t.speakers} == {"unknown"}


def test_a_term_used_once_whose_speech_opens_in_lower_case_is_speech() -> None:
    qa = "".join(f"Q: Does the wall hold number {k}?\n\nA: Yes, it holds.\n\n" for k in range(3))
    text = qa + "A: It has two parts.\n\nDrainage: water runs off below the crest.\n\nQ: And the rest?\n\nA: Sand.\n"
    t = transcripts.parse(text)
    assert [s.name for s in t.speakers] == ["Q", "A"]
    assert t.turns[6].paragraphs == ("It has two parts.", "Drainage: water runs off below the crest.")
    # A voice used once whose speech opens in capitals stays a voice.
    assert "Odile" in [s.name for s in transcripts.parse(qa + "Odile: May I add something?\n\nA: Please.\n").speakers]


def test_a_panel_roster_in_the_intro_tells_whom_initials_stand_for() -> None:
    text = (
        "Salt marsh futures\n\nOdile Marchetti, Harbour Trust - Moderator\n\nTomas Brandt, Tide Works\n\n"
        "Ines Caro (Dune Lab)\n\n"
        + "".join("OM: What comes next for the marsh?\n\nTB: More silt.\n\nIC: And more sand.\n\n" for _ in range(2))
    )
    t = transcripts.parse(text)
    assert [(s.name, s.description) for s in t.speakers] == [
        ("Odile Marchetti", "Harbour Trust - Moderator"),
        ("Tomas Brandt", "Tide Works"),
        ("Ines Caro", "Dune Lab"),
    ]
