"""Caption formats at the cue level and what reading and writing keep:
``transcripts.cues``, tolerant SRT, turn boundaries (kept where the format
can carry them, counted where it cannot), words' times out again in
WebVTT, the Podcasting 2.0 JSON and TTML, and HTML pages read whole."""

from __future__ import annotations

import json
import re
import xml.dom.minidom

import pytest
from hypothesis import given
from hypothesis import strategies as st

import transcripts
from transcripts import Metadata, Speaker, Transcript, Turn, Word

ANN, BO = Speaker("ann-lee", "Ann Lee"), Speaker("bo-chen", "Bo Chen")


def _turns(t: Transcript) -> list[tuple[str, tuple[str, ...]]]:
    names = {s.id: s.name for s in t.speakers}
    return [(names[u.speaker], u.paragraphs) for u in t.turns]


def _dropped(c: transcripts.Conversion) -> dict[str, int]:
    return {d.what: d.count for d in c.dropped}


# ------------------------------------------------------------------ cues()


def test_cues_of_srt_and_webvtt():
    srt = "7\n00:00:01,000 --> 00:00:02,500 X1:10\n<i>Ann Lee:</i> Hello\nthere.\n"
    [cue] = transcripts.cues(srt, "srt")
    assert (cue.start, cue.end, cue.text, cue.voice, cue.identifier, cue.line, cue.end_line) == (1.0, 2.5, "Ann Lee: Hello\nthere.", None, "7", 1, 4)
    vtt = "WEBVTT\n\nintro\n00:01.000 --> 00:02.000 align:start bogus:1\n<v.loud Ann Lee>Hi <00:01.500>you</v> <v Bo>yo\n"
    [cue] = transcripts.cues(vtt, filename="ep.vtt")
    assert (cue.identifier, cue.voice, cue.settings) == ("intro", "Ann Lee", {"align": "start"})
    assert [(p.voice, p.text) for p in cue.parts] == [("Ann Lee", "Hi you"), ("Bo", "yo")]
    assert [(w.text, w.start, w.end) for w in cue.words] == [("Hi", 1.0, 1.5), ("you", 1.5, 1.5), ("yo", 1.5, 2.0)]
    with pytest.raises(ValueError, match="has no cues"):
        transcripts.cues("Ann: hi", "text")


@pytest.mark.filterwarnings("ignore::transcripts.SkippedCueWarning")
def test_webvtt_cue_right_after_the_header_and_bare_cr_line_ends():
    found = transcripts.cues("WEBVTT\r00:00.000 --> 00:01.000\rHi\r\r00:01.000 -> 00:02.000\nno\n", "vtt")
    assert [(c.start, c.text) for c in found] == [(0.0, "Hi")]


# ------------------------------------------------------------ tolerant SRT


def test_srt_without_blank_lines_spaces_or_known_tags():
    text = (
        "1\n00:00:01,000-->00:00:02,000\nAnn Lee: <s>Struck</s> and <sub>low</sub> <blink>text</blink>\n"
        "2\n00:00:02,000 --> 00:00:03,000\nstill Ann.\n"
        "00:00:03,000 --> 00:00:04,000\nBo Chen: Hi.\n"
    )
    found = transcripts.cues(text, "srt")
    assert [(c.start, c.text, c.identifier) for c in found] == [(1.0, "Ann Lee: Struck and low text", "1"), (2.0, "still Ann.", "2"), (3.0, "Bo Chen: Hi.", None)]
    t = transcripts.loads(text, "srt")
    assert _turns(t) == [("Ann Lee", ("Struck and low text still Ann.",)), ("Bo Chen", ("Hi.",))]


# --------------------------------------------------------- turn boundaries

#: Ann speaks twice in a row: two turns.
TWICE = Transcript(
    speakers=(ANN, BO),
    turns=(
        Turn(0, "ann-lee", ("Hello and welcome to the harbour, where the water is high today.",)),
        Turn(1, "ann-lee", ("Now, a word about the tides.",)),
        Turn(2, "bo-chen", ("Thanks.",)),
    ),
)


@pytest.mark.parametrize("fmt", ["srt", "html", "ttml", "text", "markdown", "json"])
def test_formats_that_carry_turn_boundaries_keep_them(fmt):
    c = transcripts.convert(TWICE, fmt)
    assert "turn boundary" not in _dropped(c)
    assert [name for name, _ in _turns(transcripts.loads(c.text, fmt))] == ["Ann Lee", "Ann Lee", "Bo Chen"]


@pytest.mark.parametrize("fmt", ["vtt", "podcast-json"])
def test_formats_that_cannot_say_how_many_boundaries_merge(fmt):
    c = transcripts.convert(TWICE, fmt)
    assert _dropped(c)["turn boundary"] == 1
    assert [name for name, _ in _turns(transcripts.loads(c.text, fmt))] == ["Ann Lee", "Bo Chen"]


def test_srt_labelling_every_cue_merges_and_says_so():
    # Every turn fits in one cue, so every cue is labelled: read as a
    # recogniser's file, one label per cue.
    short = Transcript(speakers=(ANN, BO), turns=(Turn(0, "ann-lee", ("Hi.",)), Turn(1, "ann-lee", ("Again.",)), Turn(2, "bo-chen", ("Yo.",))))
    c = transcripts.convert(short, "srt")
    assert _dropped(c)["turn boundary"] == 1
    assert len(transcripts.loads(c.text, "srt").turns) == 2


def test_srt_label_that_disambiguates_continues_the_turn():
    first = "Hello there, and welcome to the harbour on a day of high water."
    for said in ("Bridges: they come first.", "00:00:01,000 --> 00:00:02,000 is a timing line."):
        t = Transcript(speakers=(ANN,), turns=(Turn(0, "ann-lee", (first, said)), Turn(1, "ann-lee", ("Next.",))))
        out = transcripts.dumps(t, "srt")
        assert "Ann Lee: " + said.split()[0] in out
        back = transcripts.loads(out, "srt")
        assert [u.paragraphs for u in back.turns] == [(first + " " + said,), ("Next.",)]


# --------------------------------------------------------------- words out

WORDS = Transcript(
    Metadata(title="Tides", language="en-GB"),
    (ANN, BO),
    (
        Turn(0, "ann-lee", ("Welcome back, Ines.",), 0.42, 1.62, "given", words=(Word("Welcome", 0.42, 0.8, 0.9), Word("back,", 0.8, 1.05), Word("Ines.", 1.1, 1.62))),
        Turn(1, "bo-chen", ("Thanks.",), 2.1, 2.48, "given", words=(Word("Thanks.", 2.1, 2.48),)),
    ),
)


def test_podcast_json_writes_word_level_segments():
    c = transcripts.convert(WORDS, "podcast-json")
    doc = json.loads(c.text)
    assert [s["body"] for s in doc["segments"]] == ["Welcome", "back,", "Ines.\n", "Thanks.\n"]
    assert "word time" not in _dropped(c)
    back = transcripts.loads(c.text, "podcast-json")
    assert [[(w.text, w.start, w.end) for w in u.words] for u in back.turns] == [[(w.text, w.start, w.end) for w in u.words] for u in WORDS.turns]


def test_webvtt_writes_word_timestamps():
    c = transcripts.convert(WORDS, "vtt")
    assert "<00:00:00.800>back," in c.text and "Language: en-GB" in c.text
    back = transcripts.loads(c.text, "vtt")
    assert back.metadata.language == "en-GB"
    assert [w.start for w in back.turns[0].words][1:] == [0.8, 1.1]


def test_ttml_round_trip_with_agents_spans_and_language():
    c = transcripts.convert(WORDS, "ttml")
    xml.dom.minidom.parseString(c.text)  # well-formed
    assert [str(d) for d in c.dropped] == ["1 word confidence"]  # TTML has no place for it
    back = transcripts.loads(c.text, filename="ep.ttml")
    assert (back.metadata.title, back.metadata.language) == ("Tides", "en-GB")
    assert _turns(back) == _turns(WORDS)
    assert [u.words for u in back.turns] == [tuple(Word(w.text, w.start, w.end) for w in u.words) for u in WORDS.turns]


@st.composite
def timed_transcripts(draw: st.DrawFn) -> Transcript:
    """Small transcripts whose every word has times (whole milliseconds)."""
    tokens = st.sampled_from(["Hello,", "tides", "rise", "and", "fall.", "Bridges:", "-", "&", "<b>", "Ünïcode", "42"])
    people = (ANN, BO)
    clock, turns = 0, []
    for i in range(draw(st.integers(1, 4))):
        paragraphs = draw(st.lists(st.lists(tokens, min_size=1, max_size=6), min_size=1, max_size=2))
        words = []
        for tok in [x for p in paragraphs for x in p]:
            step = draw(st.integers(1, 900))
            conf = draw(st.one_of(st.none(), st.floats(0, 1)))
            words.append(Word(tok, clock / 1000, (clock + step) / 1000, conf))
            clock += step + draw(st.integers(0, 300))
        who = people[draw(st.integers(0, 1))].id
        turns.append(Turn(i, who, tuple(" ".join(p) for p in paragraphs), words[0].start, words[-1].end, "given", words=tuple(words)))
    return Transcript(Metadata(language=draw(st.sampled_from([None, "en", "pt-BR"]))), people, tuple(turns))


@given(t=timed_transcripts())
def test_words_survive_json_yaml_podcast_json_and_ttml(validate, t):
    for fmt in ("json", "yaml"):
        assert transcripts.loads(transcripts.dumps(t, fmt), fmt) == t
    validate(json.loads(transcripts.dumps(t, "json")))
    spoken = [w.text for u in t.turns for w in u.words]
    for fmt in ("podcast-json", "ttml"):
        back = transcripts.loads(transcripts.dumps(t, fmt), fmt)
        words = [(w.text, w.start, w.end) for u in back.turns for w in u.words]
        assert words == [(w.text, w.start, w.end) for u in t.turns for w in u.words], fmt
        assert [w for u in back.turns for p in u.paragraphs for w in p.split()] == spoken
    # WebVTT's timestamps give every word but a cue's first its start
    # (a file with none, its cues one word each, gives no words).
    out = transcripts.dumps(t, "vtt")
    back = transcripts.loads(out, "vtt")
    timestamped = re.search(r"<[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}>", out) is not None
    assert [w.text for u in back.turns for w in u.words] == (spoken if timestamped else [])
    starts = [w.start for u in back.turns for w in u.words]
    assert starts == sorted(starts)


# -------------------------------------------------------------------- HTML


def test_html_keeps_text_outside_the_transcript_as_blocks():
    page = (
        "<html><head><title>Ep 1</title></head><body><div class=nav>Home | Shows</div>\n"
        "<cite>Ann:</cite><time>0:01</time><p>Hi.</p>\n<blockquote>A quote</blockquote>\n"
        "<cite>Ann:</cite><time>0:05</time><p>Again.</p><ul><li>A link</li></ul>Bye now<br>see you</body></html>"
    )
    t = transcripts.loads(page, "html")
    assert [u.paragraphs for u in t.turns] == [("Hi.",), ("Again.",)]
    assert [(b.kind, b.text, b.turn) for b in t.blocks] == [
        ("prose", "Home | Shows", None),
        ("prose", "A quote", 0),
        ("list_item", "A link", 1),
        ("prose", "Bye now\nsee you", 1),
    ]


CONGRESS = """<html><head><title>Hearing on harbour walls</title></head><body>
<h1>Hearing on harbour walls</h1>
<p><strong>Chairman HOLLIS</strong>: The committee will come to order.<br/><br/>
<strong>Mr. BRANDT</strong>: Thank you, Mr. Chairman. The walls are old.<br/><br/>
<strong>Chairman HOLLIS</strong>: How old?
<p><strong>Mr. BRANDT</strong>: Older than the town.
<p><strong>Ms. OKAFOR</strong>:</p>
<p>May I add something about the tides?</p>
<div>Printed by the committee office.</div>
</body></html>
"""


def test_html_page_beyond_podcasting20_is_read_as_a_document():
    t = transcripts.loads(CONGRESS, filename="hearing.html")
    names = {s.id: s.name for s in t.speakers}
    turns = [(names[u.speaker], " ".join(u.paragraphs)) for u in t.turns]
    assert turns[:4] == [
        ("Chairman Hollis", "The committee will come to order."),
        ("Mr. Brandt", "Thank you, Mr. Chairman. The walls are old."),
        ("Chairman Hollis", "How old?"),
        ("Mr. Brandt", "Older than the town."),
    ] or [n for n, _ in turns[:4]] == ["Chairman HOLLIS", "Mr. BRANDT", "Chairman HOLLIS", "Mr. BRANDT"]
    # Nothing is dropped: every word of the page is in a turn or a block.
    kept = " ".join([" ".join(u.paragraphs) for u in t.turns] + [b.text for b in t.blocks] + [s.name for s in t.speakers])
    for word in ("order.", "old.", "town.", "tides?", "Printed", "harbour", "OKAFOR"):
        assert word in kept or word.lower() in kept.lower(), word
    # Line numbers are the page's.
    assert t.turns[0].lines.start == 3
