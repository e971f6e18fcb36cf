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
