"""Topics placed in the dialogue (issue 14): the segmentation on invented
evidence, title terms, chapter lists, headings, the chapters writer and
inspect on invented episodes, then the seed, the corpus and wild files
against tests/topics_expected.yaml (established by reading them)."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import attrs
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

import transcripts
from transcripts.cli import main
from transcripts.formats.chapters import ESTIMATED
from transcripts.model import Topic, Turn
from transcripts.topics import Placement, align, describe, evidence, segment, terms

from .conftest import shared_path

EXPECTED = yaml.safe_load((Path(__file__).resolve().parent / "topics_expected.yaml").read_text(encoding="utf-8"))


def runs(placed: dict[int, Placement]) -> dict[int, tuple[int, int]]:
    return {k: (p.first, p.last) for k, p in placed.items()}


# -- the segmentation, on invented evidence ----------------------------------------------------


def test_two_topics_split_where_the_evidence_changes() -> None:
    rows = [(0, (2.0, 0.0)), (1, (1.0, 0.0)), (2, (0.0, 2.0)), (3, (0.0, 1.0))]
    assert runs(segment(rows, 4, 2)) == {0: (0, 1), 1: (2, 3)}


def test_turns_without_evidence_stay_with_the_topic_before_them() -> None:
    # Units 1-4 say nothing of either topic: the second starts where its words start.
    rows = [(0, (2.0, 0.0)), (5, (0.0, 2.0))]
    assert runs(segment(rows, 8, 2)) == {0: (0, 4), 1: (5, 7)}


def test_a_topic_never_discussed_is_skipped() -> None:
    rows = [(0, (2.0, 0.0, 0.0)), (1, (2.0, 0.0, 0.0)), (2, (0.0, 0.0, 2.0)), (3, (0.0, 0.0, 2.0))]
    assert runs(segment(rows, 4, 3)) == {0: (0, 1), 2: (2, 3)}


def test_the_text_may_stop_before_the_last_topics() -> None:
    rows = [(0, (1.0, 0.0, 0.0, 0.0)), (2, (0.0, 1.5, 0.0, 0.0))]
    assert runs(segment(rows, 3, 4)) == {0: (0, 1), 1: (2, 2)}


def test_order_is_kept_a_return_to_an_earlier_topic_stays_in_the_later_one() -> None:
    rows = [(0, (2.0, 0.0)), (1, (0.0, 3.0)), (2, (0.5, 0.0)), (3, (0.0, 1.0))]
    assert runs(segment(rows, 4, 2)) == {0: (0, 0), 1: (1, 3)}


def test_a_passing_mention_does_not_open_a_topic() -> None:
    # One weak word of topic 1 inside topic 0's run: less than the cost of two changes.
    rows = [(0, (2.0, 0.0)), (1, (0.0, 0.3)), (2, (2.0, 0.0))]
    assert runs(segment(rows, 3, 2)) == {0: (0, 2)}


def test_the_first_topic_on_the_path_starts_at_the_first_unit() -> None:
    rows = [(3, (0.0, 2.0))]
    assert runs(segment(rows, 5, 2)) == {1: (0, 4)}


def test_no_evidence_places_nothing() -> None:
    assert segment([], 5, 3) == {}
    assert segment([(0, ())], 1, 0) == {}


def test_margins_say_how_clear_a_topic_is() -> None:
    strong = segment([(0, (3.0, 0.0)), (1, (0.0, 3.0))], 2, 2)
    weak = segment([(0, (3.0, 0.0)), (1, (0.6, 1.2))], 2, 2)
    assert strong[1].margin > weak[1].margin > 0
    # Leaving topic 1 out: both rows in topic 0 (3 + 0.6) instead of 3 + 1.2 less one change (0.5).
    assert weak[1].margin == pytest.approx(0.1)


@st.composite
def evidence_rows(draw: Any) -> tuple[list[tuple[int, tuple[float, ...]]], int, int]:
    k = draw(st.integers(1, 5))
    units = draw(st.integers(1, 30))
    used = sorted(draw(st.sets(st.integers(0, units - 1), max_size=units)))
    rows = [(u, tuple(draw(st.lists(st.floats(0, 5), min_size=k, max_size=k)))) for u in used]
    return rows, units, k


@given(evidence_rows())
def test_segmentation_is_a_monotone_partition(case: tuple[list[tuple[int, tuple[float, ...]]], int, int]) -> None:
    rows, units, k = case
    placed = segment(rows, units, k)
    if not rows:
        assert placed == {}
        return
    spans = [placed[t] for t in sorted(placed)]
    assert spans[0].first == 0 and spans[-1].last == units - 1
    for a, b in zip(spans, spans[1:]):
        assert b.first == a.last + 1
    assert all(p.first <= p.last and p.margin >= 0 for p in spans)


@given(evidence_rows())
def test_the_segmentation_scores_at_least_any_single_topic(case: tuple[list[tuple[int, tuple[float, ...]]], int, int]) -> None:
    rows, units, k = case
    placed = segment(rows, units, k, penalty=0.5, skip=0.1)
    if not rows:
        return
    owner = {u: t for t, p in placed.items() for u in range(p.first, p.last + 1)}
    order = sorted(placed)
    cost = 0.5 * (len(order) - 1) + 0.1 * (order[-1] - len(order) + 1)
    score = sum(s[owner[u]] for u, s in rows) - cost
    for t in range(k):
        assert score >= sum(s[t] for _, s in rows) - 0.1 * t - 1e-9


# -- terms and evidence --------------------------------------------------------------------------


def test_terms_drop_stop_words_and_cut_suffixes() -> None:
    got = terms("Why Western military bureaucracies are struggling to adapt, and what AI means")
    assert [t.stem for t in got] == ["western", "military", "bureaucrac", "struggl", "adapt", "ai", "mean"]
    weights = {t.stem: t.weight for t in got}
    assert weights["western"] == weights["ai"] == 2.0 and weights["military"] == 1.0
    assert {t.stem: t.exact for t in got}["ai"] is True
    assert terms("One thing, and another") == ()


def test_evidence_finds_the_forms_of_a_term() -> None:
    texts = [
        "The bureaucracy in Brussels.",
        "Drones, drones everywhere (AI too).",
        "Nothing here; the rain said it all.",
        "A drone.",
    ]
    topics = [terms("Bureaucracies"), terms("The drone revolution and AI")]
    rows = dict(evidence(texts, topics))
    assert set(rows) == {0, 1, 3}
    assert rows[0][0] > 0 and rows[0][1] == 0
    assert rows[1][1] > rows[3][1] > 0  # two drones and AI beat one drone; "said" is not "ai"


# -- align on invented transcripts ---------------------------------------------------------------

EPISODE = """\
Harbour Hours

To discuss, we interviewed Marisol Vega, an engineer.

We discuss…

  • Why the lighthouse keepers left the island,

  • The herring fishery and its quotas,

  • What the glaciers tell us about the climate.

Ada Lindqvist: Marisol, the lighthouse on the island stood empty for years. Why did the keepers leave?

Marisol Vega: Automation. The lighthouse got a lamp that needed no keepers, and the island school closed.

Ada Lindqvist: And the keepers' families?

Marisol Vega: They moved to the mainland. Nobody keeps a lighthouse now.

Ada Lindqvist: Let's turn to herring. How is the fishery doing under the new quotas?

Marisol Vega: The herring came back once the quotas were cut. The fishery is smaller and steadier.

Ada Lindqvist: Thank you.
"""


def test_announced_topics_cover_the_turns_that_discuss_them() -> None:
    t = transcripts.parse(EPISODE)
    assert [(p.title[:12], p.turns, p.in_text) for p in t.topics] == [
        ("Why the ligh", (0, 1, 2, 3), True),
        ("The herring ", (4, 5, 6), True),
        ("What the gla", (), False),
    ]
    assert all(0 < p.confidence <= 1 for p in t.topics[:2]) and t.topics[2].confidence is None


def test_align_keeps_order_and_leaves_paywalled_and_headings_alone() -> None:
    turns = [Turn(0, "a", ("The harbour silts up.",)), Turn(1, "b", ("The sea wall stopped the tide.",))]
    topics = [
        Topic("The harbour and its silt"),
        Topic("The budget fight", "paywalled", False),
        Topic("The sea wall", "announced"),
        Topic("A heading", "heading", True, (1,), None, None, 1.0),
    ]
    out = align(topics, turns)
    assert [p.title for p in out] == [p.title for p in topics]
    assert [p.turns for p in out] == [(0,), (), (1,), (1,)]
    assert out[1] == topics[1] and out[3] == topics[3]


def test_align_without_turns_places_nothing() -> None:
    out = align([Topic("Anything at all")], [])
    assert out[0].in_text is False and out[0].turns == ()


def test_topics_without_words_or_evidence_stay_unplaced() -> None:
    turns = [Turn(0, "a", ("The harbour silts up.",)), Turn(1, "b", ("Rain again.",))]
    topics = [Topic("One thing"), Topic("The harbour"), Topic("Another")]
    assert [(p.turns, p.in_text) for p in align(topics, turns)] == [((), True), ((0, 1), True), ((), True)]
    nothing = [Topic("Glaciers"), Topic("Vaccines")]
    assert align(nothing, turns) == tuple(nothing)


CHAPTERS = """\
The Harbour Hour, episode 12

Chapters:

00:00 Welcome
02:10 Why the harbour silts up
05:30 The sea wall and the currents
59:00 Listener questions

[00:00:05] Ada Lindqvist: Welcome to the show. Today, the harbour.

[00:01:00] Marisol Vega: Thanks for having me.

[00:02:12] Ada Lindqvist: So why does the harbour fill with silt?

[00:03:00] Marisol Vega: The river brings silt down from the farmland upstream.

[00:05:28] Ada Lindqvist: And the sea wall: how did it change the currents?

[00:06:10] Marisol Vega: The wall stopped the tide scouring the basin.
"""


def test_a_chapter_list_with_times_aligns_by_time() -> None:
    t = transcripts.parse(CHAPTERS)
    assert t.metadata.title == "The Harbour Hour, episode 12"
    assert [(p.title, p.source, p.start, p.turns, p.in_text) for p in t.topics] == [
        ("Welcome", "chapter", 0.0, (0, 1), True),
        ("Why the harbour silts up", "chapter", 130.0, (2, 3), True),
        ("The sea wall and the currents", "chapter", 330.0, (4, 5), True),
        ("Listener questions", "chapter", 3540.0, (), False),  # after the text ends
    ]
    assert {b.kind for b in t.blocks if b.text.startswith(("00:00", "02:10"))} == {"topic_list"}


def test_a_chapter_list_over_an_untimed_dialogue_aligns_by_words() -> None:
    text = CHAPTERS.replace("[00:00:05] ", "").replace("[00:01:00] ", "").replace("[00:02:12] ", "")
    text = text.replace("[00:03:00] ", "").replace("[00:05:28] ", "").replace("[00:06:10] ", "")
    t = transcripts.parse(text)
    placed = {p.title: (p.turns, p.start) for p in t.topics}
    assert placed["Why the harbour silts up"] == ((2, 3), 130.0)
    assert placed["The sea wall and the currents"] == ((4, 5), 330.0)


def test_a_lone_timed_line_is_not_a_chapter_list() -> None:
    text = "12:30 P.M. EDT\n\nMR. SMITH: Good afternoon.\n\nQ: Thank you.\n\n00:10 Welcome\n"
    assert [p for p in transcripts.parse(text).topics if p.source == "chapter"] == []


HEADINGS = """\
## Opening

**Ada:** Welcome, everyone.

**Bo:** Glad to be here.

## The silt

**Ada:** Where does the silt come from?

### Upstream

**Bo:** From the farms upstream.

The river carries it down.

### Downstream

**Ada:** And downstream?

**Bo:** It settles in the basin.

## **Break:** \\[13:19\\]

**Ada:** We are back.

## Closing

**Bo:** Goodbye.
"""


def test_headings_cover_their_sections_subsections_included() -> None:
    t = transcripts.parse(HEADINGS)
    got = [(p.title, p.turns, p.confidence) for p in t.topics]
    assert got == [
        ("Opening", (0, 1), 1.0),
        ("The silt", (2, 3, 4, 5, 6), 1.0),
        ("Upstream", (3,), 1.0),
        ("Downstream", (4, 5, 6), 1.0),  # an ad break is not a heading
        ("Closing", (7,), 1.0),
    ]


def test_a_heading_inside_a_turn_starts_its_section_with_that_turn() -> None:
    text = "## One\n\n**Ada:** First.\n\n**Bo:** Second, part one.\n\n## Two\n\nSecond, part two.\n\n**Ada:** Third.\n"
    t = transcripts.parse(text)
    assert [(p.title, p.turns) for p in t.topics] == [("One", (0,)), ("Two", (1, 2))]


# -- chapters out, inspect, the document ---------------------------------------------------------


def test_chapters_for_an_untimed_episode_are_ordered_and_estimated() -> None:
    t = transcripts.parse(EPISODE)
    doc = json.loads(transcripts.dumps(t, "chapters", wpm=150))
    chapters = doc["chapters"]
    assert [c["title"][:12] for c in chapters] == ["Why the ligh", "The herring ", "What the gla"]
    assert chapters[0]["startTime"] == 0 < chapters[1]["startTime"]
    assert chapters[0][ESTIMATED] is True and chapters[1][ESTIMATED] is True
    assert chapters[2]["toc"] is False and ESTIMATED not in chapters[2]
    slower = json.loads(transcripts.dumps(t, "chapters", wpm=100))["chapters"]
    assert slower[1]["startTime"] > chapters[1]["startTime"]


def test_chapters_with_given_times_are_not_flagged(validate: Any) -> None:
    doc = json.loads(transcripts.dumps(transcripts.parse(CHAPTERS), "chapters"))
    validate(doc, "podcast-chapters.schema.json")
    assert [(c["startTime"], c.get("toc", True)) for c in doc["chapters"]] == [(0.0, True), (130.0, True), (330.0, True), (3540.0, False)]
    assert not any(ESTIMATED in c for c in doc["chapters"])


def test_inspect_shows_turn_range_start_and_confidence(tmp_path: Path) -> None:
    path = tmp_path / "episode.txt"
    path.write_text(CHAPTERS, encoding="utf-8")
    out = io.StringIO()
    assert main(["inspect", str(path)], out=out, err=io.StringIO()) == 0
    text = out.getvalue()
    assert "  - [chapter] Why the harbour silts up  (turns 2-3, from 2:10, confidence 1.00)\n" in text
    assert "  - [chapter] Listener questions  (not in the text)\n" in text
    assert describe(Topic("x", turns=(4,))) == "turn 4"
    assert describe(Topic("x")) == "no turns"


def test_the_document_carries_confidence(validate: Any) -> None:
    t = transcripts.parse(EPISODE)
    for fmt in ("json", "yaml"):
        assert transcripts.loads(transcripts.dumps(t, fmt), fmt) == t
    data = json.loads(transcripts.dumps(t, "json"))
    validate(data, "transcript.schema.json")
    assert data["topics"][0]["confidence"] == t.topics[0].confidence
    data["topics"][0]["confidence"] = 1.5
    with pytest.raises(transcripts.ParseError, match=r"topics\[0\]\.confidence"):
        transcripts.loads(json.dumps(data), "json")


# -- real files, against what reading them says ---------------------------------------------------


def _probe(t: transcripts.Transcript, title: str) -> Topic:
    found = [p for p in t.topics if p.title.startswith(title)]
    assert found, f"no topic starting {title!r}: {[p.title for p in t.topics]}"
    return found[0]


def test_seed_topics_are_aligned_as_issue_14_describes() -> None:
    exp = EXPECTED["seed"]
    t = transcripts.load(shared_path(*exp["file"].split("/")))
    assert len(t.turns) == exp["turns"]
    for want in exp["announced"]:
        p = _probe(t, want["title"])
        assert p.source == "announced"
        if want["turns"] is None:
            assert (p.turns, p.in_text) == ((), False), p.title
        else:
            first, last = want["turns"]
            assert (p.turns, p.in_text) == (tuple(range(first, last + 1)), True), p.title
            assert 0 < p.confidence <= 1
    # The third topic starts at the turn that opens the subject, and not a turn earlier.
    third = _probe(t, exp["announced"][2]["title"])
    assert t.turns[third.turns[0]].paragraphs[0].startswith(exp["opens"])
    assert sum(1 for p in t.topics if p.source == "paywalled" and not p.in_text) == exp["paywalled"]


def test_seed_chapters_are_ordered_with_starts() -> None:
    exp = EXPECTED["seed"]
    t = transcripts.load(shared_path(*exp["file"].split("/")))
    chapters = json.loads(transcripts.dumps(t, "chapters"))["chapters"]
    shown = [c for c in chapters if c.get("toc", True)]
    assert [c["title"][:20] for c in shown] == [exp["announced"][0]["title"][:20], exp["announced"][2]["title"][:20]]
    assert shown[0]["startTime"] == 0 < shown[1]["startTime"] <= chapters[-1]["startTime"]
    assert all(c[ESTIMATED] for c in shown)
    starts = [c["startTime"] for c in chapters]
    assert starts == sorted(starts) and len(chapters) == 2 + 2 + exp["paywalled"]


@pytest.mark.parametrize("case", EXPECTED["corpus"], ids=lambda c: c["file"].split("/")[0])
def test_corpus_topics(case: dict[str, Any]) -> None:
    t = transcripts.load(shared_path("corpus", *case["file"].split("/")))
    assert [p.title for p in t.topics] == case["topics"]


@pytest.mark.parametrize("case", EXPECTED["wild"], ids=lambda c: c["file"].split("/")[-1][:40])
def test_wild_topics_cover_the_turns_under_their_headings(case: dict[str, Any]) -> None:
    t = transcripts.load(shared_path("wild", *case["file"].split("/")))
    assert len(t.turns) == case["turns"], "the parser's turns changed: re-read the file"
    want = case["topics"]
    assert len(t.topics) == len(want), [p.title for p in t.topics]
    for p, w in zip(t.topics, want):
        assert p.title.startswith(w["title"]), (p.title, w["title"])
        first, last = w["turns"]
        assert (p.turns[:1], p.turns[-1:]) == ((first,), (last,)), p.title
        assert p.turns == tuple(range(first, last + 1)) and p.in_text and p.confidence == 1.0


@pytest.mark.parametrize("case", [c for c in EXPECTED["wild"] if any("start" in w for w in c["topics"])], ids=lambda c: c["file"].split("/")[-1][:40])
def test_wild_topics_start_with_their_first_turn(case: dict[str, Any]) -> None:
    t = transcripts.load(shared_path("wild", *case["file"].split("/")))
    for p, w in zip(t.topics, case["topics"]):
        if "start" in w:
            assert p.start == pytest.approx(w["start"]), p.title


def test_enough_wild_files_with_topics() -> None:
    assert sum(1 for c in EXPECTED["wild"] if c["topics"]) >= 10
    for case in EXPECTED["wild"] + EXPECTED["corpus"]:
        for w in case["topics"]:
            assert 0 < len(w["title"]) <= 60


def test_expected_file_is_well_formed() -> None:
    assert attrs.has(Topic)
    for case in EXPECTED["wild"]:
        spans = [w["turns"] for w in case["topics"]]
        assert all(0 <= a <= b < case["turns"] for a, b in spans), case["file"]


def test_evidence_is_the_same_whatever_the_chunks_the_texts_are_lowered_in(monkeypatch):
    from transcripts import topics as T

    words = "Tidal barrage SILT, the marsh: harbour walls; Storm surge — Ledger town".split()
    texts = [" ".join(words[(k * 7 + j) % len(words)] for j in range(k % 40 + 1)) for k in range(300)]
    texts.append(" ".join(words * 3000))  # one long text, cut at spaces
    titles = [T.terms("Tidal barrage and silt"), T.terms("Storm surge in Ledger town"), T.terms("Harbour walls")]
    want = None
    for chunk in (1 << 30, 1 << 16, 97, 20):  # longer than any word: cuts fall at spaces
        monkeypatch.setattr(T, "_CHUNK", chunk)
        got = T.evidence(texts, titles)
        want = got if want is None else want
        assert got == want
    assert len(want) > 0
