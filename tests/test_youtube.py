"""YouTube's json3 and timedtext XML (srv1, srv2, srv3), written here."""

from __future__ import annotations

import json

import pytest

import transcripts
from transcripts.errors import ParseError

JSON3 = {
    "wireMagic": "pb3",
    "events": [
        {"tStartMs": 0, "dDurationMs": 5000, "id": 1},
        {"tStartMs": 120, "dDurationMs": 2880, "segs": [{"utf8": "the"}, {"utf8": " tide", "tOffsetMs": 480}]},
        {"tStartMs": 2990, "dDurationMs": 10, "aAppend": 1, "segs": [{"utf8": "\n"}]},
        {"tStartMs": 3000, "dDurationMs": 2000, "segs": [{"utf8": "turned"}, {"utf8": " early", "tOffsetMs": 600}]},
    ],
}


def test_json3_events_are_cues_and_their_segments_time_the_words():
    reading = transcripts.read(json.dumps(JSON3), filename="video.en.json3")
    assert reading.format == "youtube-json3"
    assert transcripts.read(json.dumps(JSON3), filename="video.json").format == "youtube-json3"  # by its shape
    (turn,) = reading.transcript.turns
    assert turn.paragraphs == ("the tide turned early",)
    assert [(w.text, w.start) for w in turn.words] == [("the", 0.12), ("tide", 0.6), ("turned", 3.0), ("early", 3.6)]


def test_timedtext_xml_in_its_three_versions():
    srv1 = '<?xml version="1.0"?><transcript><text start="0.5" dur="2">the tide &amp;amp; the wall</text><text start="2.5" dur="1">it&amp;#39;s late</text></transcript>'
    srv2 = '<timedtext><window id="1"/><text t="500" d="2000">the tide</text><text t="2500" d="1000">turned</text></timedtext>'
    srv3 = '<timedtext format="3"><body><p t="500" d="2000"><s>the</s><s t="400"> tide</s></p><p t="2500" d="1000">turned</p></body></timedtext>'
    got = {name: transcripts.read(text, filename=f"v.{name}") for name, text in (("srv1", srv1), ("srv2", srv2), ("srv3", srv3))}
    assert {r.format for r in got.values()} == {"youtube-xml"}
    assert got["srv1"].transcript.turns[0].paragraphs == ("the tide & the wall it's late",)
    assert [(c.start, c.end) for c in transcripts.cues(srv2, "youtube-xml")] == [(0.5, 2.5), (2.5, 3.5)]
    assert [(w.text, w.start) for w in transcripts.cues(srv3, "youtube-xml")[0].words] == [("the", 0.5), ("tide", 0.9)]


def test_malformed_youtube_input_is_named():
    with pytest.raises(ParseError, match="malformed XML") as err:
        transcripts.loads("<timedtext>\n<text t='1'>open", "youtube-xml")
    assert err.value.line == 2
    bad = dict(JSON3, events=[{"tStartMs": "soon", "segs": [{"utf8": "hi"}]}])
    with pytest.raises(ParseError, match="tStartMs"):
        transcripts.loads(json.dumps(bad), "youtube-json3")


@pytest.mark.parametrize("duration", ["1e999", "-1e999"])
def test_json3_an_infinite_duration_is_no_crash(duration):
    doc = '{"wireMagic": "pb3", "events": [{"tStartMs": 0, "dDurationMs": %s, "segs": [{"utf8": "the tide"}]}]}' % duration
    got = transcripts.read(doc, "youtube-json3", lenient=True)
    # (a duration that is no number is none: the cue keeps its text, at its start)
    assert [(u.paragraphs, u.start) for u in got.transcript.turns] == [(("the tide",), 0.0)]
