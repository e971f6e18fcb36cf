"""One test group per rule."""

import pytest

from transcripts.rules import BLOCK_RULES, LABEL_RULES, classify_block, find_labels


def label(text):
    found = [l for l in find_labels(text) if l.rule == "name-colon"]
    return (found[0].name, found[0].text) if found else None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Jordan Schneider: Shashank, it seems", ("Jordan Schneider", "Shashank, it seems")),
        ("Shashank Joshi: It means", ("Shashank Joshi", "It means")),
        ("José Álvarez-Ruiz: Hola.", ("José Álvarez-Ruiz", "Hola.")),
        ("Ursula van der Berg: Yes.", ("Ursula van der Berg", "Yes.")),
        ("Mary O'Neil: Right.", ("Mary O'Neil", "Right.")),
        ("Dr. Amara Okafor: Indeed.", ("Dr. Amara Okafor", "Indeed.")),
        ("Zhang Wei 张伟: 你好", ("Zhang Wei 张伟", "你好")),
        ("Jordan Schneider:", ("Jordan Schneider", "")),
    ],
)
def test_name_colon_reads_labels(text, expected):
    assert label(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Number two, I think this is important: there is",
        "On the human capital front: DeepSeek has",
        "Read here: https://example.org",
        "The train was late: two hours.",
        "What’s more: parallelism is useful",
        "Ursula van: no",
        "[Jordan: export controls are changing]",
        "James writes the following substack:",
    ],
)
def test_name_colon_rejects_sentences(text):
    assert label(text) is None


@pytest.mark.parametrize(
    "text, kind",
    [
        ("(...)", "elision"),
        ("[…]", "elision"),
        ("Paid subscribers get access to the rest of the conversation, where we discuss…", "paywall"),
        ("[Jordan: export controls are changing the fitness landscape.]", "note"),
        ("*[Transcript edited for clarity.]*", "note"),
        ("We discuss….", "topic_list"),
        ("In this interview, we discuss:", "topic_list"),
        ("• Trump’s pivot to Putin,", "list_item"),
        ("· How East Asian nations managed", "list_item"),
        ("1. How did DeepSeek outcompete", "list_item"),
        ("- a dash bullet", "list_item"),
        ("https://www.academia.edu/127962074/Trump", "chrome"),
        ("---", "chrome"),
        ("domingo, 2 de março de 2025", "date"),
        ("February 13, 2025", "date"),
        ("Friday, 14 March 2025", "date"),
        ("2025-02-13", "date"),
        ("## The drone revolution", "heading"),
        ("Trump's Pivot to Putin", "heading"),
        ("This is a sentence that ends.", "prose"),
        ("Why is Trump appeasing Russia?", "prose"),
    ],
)
def test_block_kinds(text, kind):
    assert classify_block(text) == kind


def test_rules_are_named_and_unique():
    names = [r.name for r in LABEL_RULES] + [r.name for r in BLOCK_RULES]
    assert len(names) == len(set(names))
    assert "name-colon" in names
