"""Speaker-labelled text and markdown written back: the parser reads the
same speakers, turns and paragraphs (and, for a whole page, the same
context)."""

from __future__ import annotations

import attrs
from hypothesis import given
from hypothesis import strategies as st

import transcripts
from transcripts.strategies import conversations, topic_titles

from .conftest import EXAMPLES
from .formats_support import turns_and_paragraphs


@st.composite
def titled_conversations(draw: st.DrawFn) -> transcripts.Transcript:
    """Realistic conversations, some with a title."""
    t = draw(conversations())
    title = draw(st.one_of(st.none(), topic_titles()))
    return attrs.evolve(t, metadata=transcripts.Metadata(title=title))


@given(t=titled_conversations())
def test_text_and_markdown_keep_speakers_turns_and_paragraphs(t):
    want = turns_and_paragraphs(t)
    for fmt in ("text", "markdown"):
        out = transcripts.dumps(t, fmt)
        back = transcripts.loads(out, fmt)
        assert turns_and_paragraphs(back) == want, (fmt, out)
        assert {s.name for s in back.speakers} == {s.name for s in t.speakers if any(u.speaker == s.id for u in t.turns)}
        if t.metadata.title:
            first = out.split("\n", 1)[0]
            assert first == (t.metadata.title if fmt == "text" else "# " + t.metadata.title)


def test_markdown_uses_bold_labels_and_headings():
    t = transcripts.parse("Ann Lee: Hi.\n\nBo Chen: Hello.\n\nMore from Bo.\n\nAnn Lee: Bye.\n")
    t = attrs.evolve(t, metadata=attrs.evolve(t.metadata, title="A Title"))
    out = transcripts.dumps(t, "markdown")
    assert out == "# A Title\n\n**Ann Lee:** Hi.\n\n**Bo Chen:** Hello.\n\nMore from Bo.\n\n**Ann Lee:** Bye.\n"
    assert transcripts.dumps(t, "text") == "A Title\n\nAnn Lee: Hi.\n\nBo Chen: Hello.\n\nMore from Bo.\n\nAnn Lee: Bye.\n"


def _without_source(t: transcripts.Transcript) -> transcripts.Transcript:
    return attrs.evolve(t, metadata=attrs.evolve(t.metadata, source=None))


def test_the_example_page_round_trips_through_text():
    t = transcripts.load(EXAMPLES / "tidewater.txt")
    conversion = transcripts.convert(t, "text")
    assert conversion.dropped == ()
    back = transcripts.loads(conversion.text, "text")
    # Everything the parser found — speakers with roles and descriptions,
    # turns, topics, blocks, metadata — is found again.
    same = lambda x: [attrs.evolve(u, lines=None) for u in x]  # noqa: E731
    assert _without_source(back).metadata == _without_source(t).metadata
    assert back.speakers == t.speakers
    assert same(back.turns) == same(t.turns)
    assert [(p.title, p.source, p.in_text) for p in back.topics] == [(p.title, p.source, p.in_text) for p in t.topics]
    assert [(b.kind, b.text, b.turn) for b in back.blocks] == [(b.kind, b.text, b.turn) for b in t.blocks]


def test_the_example_page_round_trips_through_markdown():
    t = transcripts.load(EXAMPLES / "tidewater.txt")
    back = transcripts.loads(transcripts.dumps(t, "markdown"), "markdown")
    assert back.speakers == t.speakers
    assert turns_and_paragraphs(back) == turns_and_paragraphs(t)
    assert back.metadata.title == t.metadata.title
    assert [p.title for p in back.topics] == [p.title for p in t.topics]


def test_text_reports_times_it_cannot_hold():
    t = transcripts.parse("Ann Lee: Hi.\n\nBo Chen: Hello.\n\nAnn Lee: Bye.\n")
    timed = transcripts.estimate_times(t)
    assert [d.what for d in transcripts.convert(timed, "text").dropped] == ["turn time"]
    assert transcripts.convert(t, "text").dropped == ()


def test_turns_without_words_are_written_as_labels_alone():
    t = transcripts.parse("Ann Lee:\n\nBo Chen: Hi.\n\nAnn Lee:\n")
    assert [u.paragraphs for u in t.turns] == [(), ("Hi.",), ()]
    for fmt in ("text", "markdown"):
        conversion = transcripts.convert(t, fmt)
        assert conversion.dropped == ()
        assert turns_and_paragraphs(transcripts.loads(conversion.text, fmt)) == turns_and_paragraphs(t)


def test_a_paragraph_that_reads_as_a_label_is_escaped_and_read_back():
    # Found in review (issue 11): "Bridges: …" inside a turn came back as a new speaker.
    t = transcripts.parse(
        "THE PRESIDENT: Thank you.\n\nQ  A question.\n\nTHE PRESIDENT: Three things.\n\n"
        "Bridges: we will build them.\n\n\\n is a newline.\n\nQ  Thanks.\n\nTHE PRESIDENT: Good.\n"
    )
    assert t.turns[2].paragraphs == ("Three things.", "Bridges: we will build them.", "n is a newline.")
    out = transcripts.dumps(t, "text")
    assert "\n\\Bridges: we will build them.\n" in out
    back = transcripts.loads(out, "text")
    assert turns_and_paragraphs(back) == turns_and_paragraphs(t)
    assert turns_and_paragraphs(transcripts.loads(transcripts.dumps(back, "text"), "text")) == turns_and_paragraphs(t)


def test_a_paragraph_opening_with_a_backslash_keeps_it():
    t = transcripts.parse("Ann Lee: Regexes?\n\nBo Chen: Yes.\n\nAnn Lee: Go on.\n")
    turn = attrs.evolve(t.turns[1], paragraphs=("Yes.", "\\d matches a digit."))
    t = attrs.evolve(t, turns=(t.turns[0], turn, t.turns[2]))
    out = transcripts.dumps(t, "text")
    assert "\n\\\\d matches a digit.\n" in out
    assert transcripts.loads(out, "text").turns[1].paragraphs == ("Yes.", "\\d matches a digit.")


def test_a_list_item_that_reads_as_a_label_stays_a_list_item():
    # Found converting real pages: "- **Suggestion:** …" was written behind
    # a backslash ("\- **Suggestion:** …"), no list in markdown, and read
    # back with the backslash in its text.  Its first colon is escaped now.
    page = (
        "Ann Lee: Hello.\n\nBo Chen: Hi.\n\nAnn Lee: Notes below.\n\nNotes\n\n"
        "- **Suggestion:** increase the witness size.\n\n- Cluster: a set of connected transactions.\n"
    )
    t = transcripts.parse(page)
    assert [b.text for b in t.blocks][1:] == ["- **Suggestion:** increase the witness size.", "- Cluster: a set of connected transactions."]
    for fmt in ("text", "markdown"):
        out = transcripts.dumps(t, fmt)
        assert "\n- **Suggestion\\:** increase the witness size.\n" in out, out
        assert "\n- Cluster\\: a set of connected transactions.\n" in out, out
        back = transcripts.loads(out, fmt)
        assert turns_and_paragraphs(back) == turns_and_paragraphs(t)
        # (markdown writes the heading as "## Notes")
        assert [(b.kind, b.text, b.turn) for b in back.blocks][1:] == [(b.kind, b.text, b.turn) for b in t.blocks][1:]


def test_a_marked_block_that_reads_as_a_label_keeps_its_kind_and_place():
    # "**Break:** \[13:19\]" was written "\**Break:** …", which the parser
    # read as speech of the turn before it.
    t = transcripts.parse("**Ann Lee:** Hello.\n\n**Bo Chen:** Hi.\n\n**Break:** \\[13:19\\]\n\n**Ann Lee:** Back again.\n\n**Bo Chen:** Yes.\n")
    assert [(b.kind, b.text, b.turn) for b in t.blocks] == [("break", "**Break:** \\[13:19\\]", 1)]
    for fmt in ("text", "markdown"):
        out = transcripts.dumps(t, fmt)
        assert "\n**Break\\:** \\[13:19\\]\n" in out, out
        back = transcripts.loads(out, fmt)
        assert turns_and_paragraphs(back) == turns_and_paragraphs(t)
        assert [(b.kind, b.text, b.turn) for b in back.blocks] == [(b.kind, b.text, b.turn) for b in t.blocks]


def test_a_paragraph_whose_first_colon_is_escaped_keeps_its_backslash():
    t = transcripts.parse("Ann Lee: Paths?\n\nBo Chen: Yes.\n\nAnn Lee: Go on.\n")
    turn = attrs.evolve(t.turns[1], paragraphs=("Yes.", "- a\\: b", "Drive C\\\\: is full."))
    t = attrs.evolve(t, turns=(t.turns[0], turn, t.turns[2]))
    for fmt in ("text", "markdown"):
        out = transcripts.dumps(t, fmt)
        assert "\n- a\\\\: b\n" in out
        assert transcripts.loads(out, fmt).turns[1].paragraphs == ("Yes.", "- a\\: b", "Drive C\\\\: is full.")


def test_a_block_inside_a_turn_is_written_where_it_sits():
    # Found converting real pages: a note or an event between two
    # paragraphs of one turn was written after the whole turn.
    page = (
        "Ann Lee: Hello there.\n\nBo Chen: (Laughs.) The first part of my answer.\n\n"
        "[Editor's note: the bridge opened in 1932.]\n\nThe second part.\n\n(LAUGHTER)\n\nThe third part.\n\n"
        "Ann Lee: Thanks.\n\n(APPLAUSE)\n\nBo Chen: Bye.\n"
    )
    t = transcripts.parse(page)
    assert t.turns[1].paragraphs == ("The first part of my answer.", "The second part.", "The third part.")
    assert [(b.kind, b.text, b.turn, b.paragraph) for b in t.blocks] == [
        ("event", "(Laughs.)", 1, 0),
        ("note", "[Editor's note: the bridge opened in 1932.]", 1, 1),
        ("event", "(LAUGHTER)", 1, 2),
        ("event", "(APPLAUSE)", 2, None),
    ]
    out = transcripts.dumps(t, "text")
    assert out == page
    assert transcripts.dumps(t, "markdown") == page.replace("Ann Lee:", "**Ann Lee:**").replace("Bo Chen:", "**Bo Chen:**")
    for fmt in ("text", "markdown"):
        back = transcripts.loads(transcripts.dumps(t, fmt), fmt)
        assert turns_and_paragraphs(back) == turns_and_paragraphs(t)
        assert [(b.kind, b.text, b.turn, b.paragraph) for b in back.blocks] == [(b.kind, b.text, b.turn, b.paragraph) for b in t.blocks]


def test_a_block_between_a_label_alone_and_its_speech_stays_there():
    page = "Ann Lee:\n\n(LAUGHTER)\n\nHello there.\n\nBo Chen: Hi.\n\nAnn Lee: Go on.\n\nBo Chen:\n\n[00:00:09]\n\nMore from me.\n"
    t = transcripts.parse(page)
    assert [(b.kind, b.turn, b.paragraph) for b in t.blocks] == [("event", 0, 0), ("timestamp", 3, 0)]
    out = transcripts.dumps(t, "text")
    assert out == page
    back = transcripts.loads(out, "text")
    assert turns_and_paragraphs(back) == turns_and_paragraphs(t)
    assert back.blocks == t.blocks


def test_where_a_block_sits_in_its_turn_survives_json_and_yaml():
    t = transcripts.parse("Ann Lee: One.\n\n(LAUGHTER)\n\nTwo.\n\nBo Chen: Three.\n")
    assert [(b.turn, b.paragraph) for b in t.blocks] == [(0, 1)]
    for fmt in ("json", "yaml"):
        assert transcripts.loads(transcripts.dumps(t, fmt), fmt).blocks == t.blocks


def test_a_time_before_a_label_is_not_written_into_the_speech():
    # "5:19 P.M. EDT MODERATOR:  Thanks…": the time before the label is a
    # block of the turn, but not between its label and its speech.
    t = transcripts.parse("5:19 P.M. EDT MODERATOR:  Thanks for joining.\n\nMS. LEE:  Happy to.\n\nMODERATOR:  Good.\n")
    assert [(b.kind, b.text, b.turn, b.paragraph) for b in t.blocks] == [("date", "5:19 P.M. EDT", 0, None)]
    back = transcripts.loads(transcripts.dumps(t, "text"), "text")
    assert turns_and_paragraphs(back) == turns_and_paragraphs(t)
    assert [(b.kind, b.text, b.turn, b.paragraph) for b in back.blocks] == [("date", "5:19 P.M. EDT", 0, None)]


def test_front_matter_is_written_first_and_read_again():
    # Found converting real pages: the title line went first, so the
    # "---" block was no longer front matter, and the speakers it named
    # were lost.
    page = (
        "---\ntitle: Tides and Harbours\nspeakers:\n  - Ann Lee\n---\n\nAnn: Thanks for coming. Tides first.\n\n"
        "They rise twice a day.\n\nAudience Member: Why twice?\n\nAnn: The moon.\n"
    )
    t = transcripts.parse(page)
    assert t.metadata.title == "Tides and Harbours"
    assert t.blocks[0].kind == "metadata"
    for fmt in ("text", "markdown"):
        out = transcripts.dumps(t, fmt)
        # The front matter holds the title: no title line besides.
        assert out.startswith("---\ntitle: Tides and Harbours\nspeakers:\n  - Ann Lee\n---\n\n"), out
        assert out.count("Tides and Harbours") == 1
        back = transcripts.loads(out, fmt)
        assert back.metadata.title == t.metadata.title
        assert turns_and_paragraphs(back) == turns_and_paragraphs(t)
        assert [(b.kind, b.text, b.turn) for b in back.blocks] == [(b.kind, b.text, b.turn) for b in t.blocks]


def test_a_title_the_front_matter_lacks_is_written_below_it():
    t = transcripts.parse("---\ndate: 2024-05-01\n---\n\nAnn Lee: Hi.\n\nBo Chen: Hello.\n")
    t = attrs.evolve(t, metadata=attrs.evolve(t.metadata, title="A Title"))
    out = transcripts.dumps(t, "text")
    assert out.startswith("---\ndate: 2024-05-01\n---\n\nA Title\n\nAnn Lee: Hi.\n")
    back = transcripts.loads(out, "text")
    assert back.metadata.title == "A Title"
    assert back.metadata.published == t.metadata.published


def test_an_escaped_paragraph_is_read_as_the_paragraph_it_was():
    # Found converting real pages: a paragraph the writer escaped because
    # it reads as a label ("\\Reading: …") came back as unlabelled prose,
    # which the one speaker the front matter names then spoke.
    for line in ("Reading: the chapter on tides, then the one on harbours.", "Bo Chen – 00:02:02: So on to the talk."):
        page = f"---\ntitle: Tides\nspeakers:\n  - Ann Lee\n---\n\n{line}\n\nAnn: Tides first.\n\nAudience Member: Why?\n\nAnn: The moon.\n"
        t = transcripts.parse(page)
        assert [(b.kind, b.text) for b in t.blocks[1:]] == [("prose", line)]
        escaped = transcripts.parse(page.replace(line, "\\" + line))
        assert escaped.blocks == t.blocks
        assert escaped.turns == t.turns
        for fmt in ("text", "markdown"):
            back = transcripts.loads(transcripts.dumps(t, fmt), fmt)
            assert turns_and_paragraphs(back) == turns_and_paragraphs(t)
            assert [(b.kind, b.text, b.turn) for b in back.blocks] == [(b.kind, b.text, b.turn) for b in t.blocks]


def test_a_heading_is_written_as_its_text_is():
    # Found converting real pages: markdown wrote "## Part One" as
    # "## ## Part One" and a plain heading "Part One" as "## Part One", so
    # each round trip changed the heading's text; and a title read from a
    # "# Title" heading was written a second time above it.
    page = "# Big Title\n\nSome intro.\n\n## Part One\n\nAnn Lee: Hi.\n\nBo Chen: Hello.\n\nClosing Words\n\nAnn Lee: Bye.\n"
    t = transcripts.parse(page)
    assert t.metadata.title == "Big Title"
    assert [(b.kind, b.text) for b in t.blocks if b.kind == "heading"] == [("heading", "# Big Title"), ("heading", "## Part One")]
    for fmt in ("text", "markdown"):
        out = transcripts.dumps(t, fmt)
        assert out.count("Big Title") == 1 and "## Part One\n" in out and "## ##" not in out, out
        back = transcripts.loads(out, fmt)
        assert back.metadata.title == t.metadata.title
        assert [(b.kind, b.text, b.turn) for b in back.blocks] == [(b.kind, b.text, b.turn) for b in t.blocks]
        assert turns_and_paragraphs(back) == turns_and_paragraphs(t)
    plain = transcripts.parse("Part One\n\nAnn Lee: Hi.\n\nBo Chen: Hello.\n")
    assert [(b.kind, b.text) for b in plain.blocks] == [("heading", "Part One")]
    back = transcripts.loads(transcripts.dumps(plain, "markdown"), "markdown")
    assert [(b.kind, b.text) for b in back.blocks] == [("heading", "Part One")]


def test_the_talk_of_the_one_person_the_front_matter_names_is_written_without_a_label():
    # Found converting real pages: a talk the front matter's one speaker
    # gives, unlabelled, was written "Ann Lee: My name is…", a label used
    # once, which the parser did not take: the talk came back as prose.
    page = (
        "---\ntitle: Tides\nspeakers:\n  - Ann Lee\n---\n\nStart time: 1:02:03\n\n"
        "My name is Ann Lee, and I will talk about tides.\n\nThey rise twice a day, and the moon is why.\n\nThat is all from me.\n"
    )
    t = transcripts.parse(page)
    assert [(t.speaker(u.speaker).name, len(u.paragraphs)) for u in t.turns] == [("Ann Lee", 3)]
    assert transcripts.dumps(t, "text") == page
    for fmt in ("text", "markdown"):
        back = transcripts.loads(transcripts.dumps(t, fmt), fmt)
        assert turns_and_paragraphs(back) == turns_and_paragraphs(t)
        assert [(b.kind, b.text, b.turn) for b in back.blocks] == [(b.kind, b.text, b.turn) for b in t.blocks]
    # A talk that opens with what reads as a label keeps its label.
    labelled = transcripts.parse(page.replace("My name is", "Ann Lee: My name is"))
    out = transcripts.dumps(labelled, "text")
    assert turns_and_paragraphs(transcripts.loads(out, "text")) == turns_and_paragraphs(labelled)


def test_a_paragraph_a_label_rule_reads_without_a_colon_round_trips():
    # A table inside speech reads as the table-row convention's label; the
    # writer puts a backslash before it, which the parser takes off again.
    t = transcripts.parse(
        "Ann Lee: Here are the figures.\n\n| Route | Fee | Odds |\n\nBo Chen: Thanks.\n\nAnn Lee: And \\| stays.\n\nBo Chen: Bye.\n"
    )
    assert t.turns[0].paragraphs == ("Here are the figures.", "| Route | Fee | Odds |")
    text = transcripts.dumps(t, "text")
    assert "\\| Route | Fee | Odds |" in text
    back = transcripts.loads(text, "text")
    assert [(u.speaker, u.paragraphs) for u in back.turns] == [(u.speaker, u.paragraphs) for u in t.turns]
    # A paragraph that opens with a backslash of its own before such text keeps it.
    t2 = attrs.evolve(t, turns=(attrs.evolve(t.turns[0], paragraphs=("Figures.", "\\| Route | Fee | Odds |")),) + t.turns[1:])
    back2 = transcripts.loads(transcripts.dumps(t2, "text"), "text")
    assert back2.turns[0].paragraphs == ("Figures.", "\\| Route | Fee | Odds |")


def test_the_lead_comes_first_among_the_speakers_labelled_or_not():
    # The one speaker the front matter names speaks what no label claims;
    # written back with labels (after a question), she still comes first.
    doc = "---\nspeakers:\n  - Ann Lee\n---\nWelcome to the talk.\n\nQ: A question?\n\nAnn Lee: An answer.\n\nQ: Another?\n\nAnn Lee: Yes.\n"
    assert [s.name for s in transcripts.parse(doc).speakers] == ["Ann Lee", "Q"]
