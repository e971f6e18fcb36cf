"""Lines to paragraphs: hard-wrapped text joined back, except where a line
opens a new item or stands alone."""

from __future__ import annotations

import transcripts
from transcripts._source import split_lines
from transcripts.paragraphs import paragraphs, wrap_width

WRAPPED = (
    "The survey boat left the harbour before dawn, and by the time we reached\n"
    "the channel the silt had moved again, further than the charts had it.\n"
)


def test_hard_wrapped_lines_join_into_one_paragraph():
    lines = split_lines((WRAPPED + "\n") * 10)
    assert wrap_width(lines) is not None
    assert [p.text.count("reached the channel") for p in paragraphs(lines)] == [1] * 10


def test_a_heading_or_a_bold_line_above_its_text_stands_alone_and_does_not_hide_the_wrapping():
    for mark in ("**{}**", "### {}"):
        doc = "".join(mark.format(name) + "\n" + WRAPPED + "\n" for name in ("Ada Lind", "Bo Chen") * 4)
        lines = split_lines(doc)
        assert wrap_width(lines) is not None
        texts = [p.text for p in paragraphs(lines)]
        assert texts[:2] == [mark.format("Ada Lind"), WRAPPED.replace("\n", " ").strip()]
        t = transcripts.parse("# Harbour Walls\n\n" + doc)
        assert [t.speaker(u.speaker).name for u in t.turns] == ["Ada Lind", "Bo Chen"] * 4
        assert all(u.paragraphs == (WRAPPED.replace("\n", " ").strip(),) for u in t.turns)


def test_what_stands_alone():
    from transcripts.paragraphs import _stands_alone

    def alone(text: str) -> bool:
        return _stands_alone(split_lines(text)[0])

    assert alone("## Ada Lind") and alone("**Ada Lind**") and alone("__Ada Lind__")
    assert not alone("#hashtag and more") and not alone("####### seven") and not alone("**Ada:** hello")
    assert not alone("**Note** the silt moved") and not alone("**a** and **b**") and not alone("** x **")


def test_a_list_item_wrapped_under_its_text_is_one_paragraph():
    doc = (
        "Notes from the survey\n"
        "- the silt moved further than the charts\n"
        "  had it, again\n"
        "  * the channel is shallower\n"
        "    by the pier\n"
        "1. sound it weekly\n"
        "   from the boat\n"
        "not in the list\n"
        "- last item\n"
    )
    texts = [p.text for p in paragraphs(split_lines(doc))]
    assert texts == [
        "Notes from the survey",
        "- the silt moved further than the charts had it, again",
        "* the channel is shallower by the pier",
        "1. sound it weekly from the boat",
        "not in the list",
        "- last item",
    ]


def test_lines_indented_under_no_list_item_stay_apart():
    # (a line broken mid-sentence under a label is the labels' business)
    doc = "CC: Roger, the cabin is at 5.5.\n     Over.\nP: Roger.\n- a list item\nSpeech again.\n"
    assert [p.text for p in paragraphs(split_lines(doc))] == ["CC: Roger, the cabin is at 5.5.", "Over.", "P: Roger.", "- a list item", "Speech again."]
