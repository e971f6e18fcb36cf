"""Speech recognisers' JSON: each vendor's documented format (our own small
samples in tests/asr/, one conversation of three turns) read into the
right speakers, words and starts, detected from its shape, its words'
times kept through JSON and YAML; and naming their speakers."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import transcripts
from transcripts.cli import main

ASR = Path(__file__).resolve().parent / "asr"

#: The conversation every sample holds.
PARAGRAPHS = [("Welcome back, Ines.",), ("Thanks, glad to be here.",), ("Let's start with the tides.",)]
STARTS = [0.42, 2.1, 4.0]

#: (sample, detected format, speaker names, language, words timed)
SAMPLES = [
    ("aws_transcribe.json", "aws-transcribe", ["spk_0", "spk_1"], "en-US", True),
    ("deepgram.json", "deepgram", ["Speaker 0", "Speaker 1"], "en", True),
    ("assemblyai.json", "assemblyai", ["Speaker A", "Speaker B"], "en-us", True),
    ("revai.json", "revai", ["Speaker 0", "Speaker 1"], None, True),
    ("openai_diarized.json", "asr-json", ["Speaker A", "Speaker B"], None, False),
    ("whisperx.json", "asr-json", ["SPEAKER_00", "SPEAKER_01"], "en", True),
    ("speechmatics.json", "speechmatics", ["S1", "S2"], "en", True),
    ("azure_speech.json", "azure-speech", ["Speaker 1", "Speaker 2"], "en-US", True),
    ("google_stt.json", "google-stt", ["Speaker 1", "Speaker 2"], "en-us", True),
    ("elevenlabs.json", "elevenlabs", ["speaker_0", "speaker_1"], "eng", True),
    ("ibm_watson.json", "ibm-watson", ["Speaker 0", "Speaker 1"], None, True),
    ("gladia.json", "gladia", ["Speaker 0", "Speaker 1"], "en", True),
]


@pytest.mark.parametrize("name, fmt, speakers, language, timed", SAMPLES, ids=[s[0] for s in SAMPLES])
def test_vendor_json_reads_speakers_words_and_starts(name, fmt, speakers, language, timed):
    text = (ASR / name).read_text(encoding="utf-8")
    # Detected from the shape, whatever the file is called.
    reading = transcripts.read(text, filename="episode.json")
    assert reading.format == fmt and reading.skipped == ()
    t = reading.transcript
    assert [s.name for s in t.speakers] == speakers
    assert [u.paragraphs for u in t.turns] == PARAGRAPHS
    assert [u.speaker for u in t.turns] == [t.speakers[i].id for i in (0, 1, 0)]
    assert [u.start for u in t.turns] == STARTS
    assert t.metadata.language == language
    if timed:
        words = t.turns[1].words
        assert [w.text for w in words] == "Thanks, glad to be here.".split()
        assert (words[0].start, words[0].end) == (2.1, 2.48) and words[0].confidence is not None
        assert words[-1].end == pytest.approx(3.52)
    else:
        assert all(u.words == () for u in t.turns)
    for out in ("json", "yaml"):
        assert transcripts.loads(transcripts.dumps(t, out), out) == t


def test_words_reach_the_json_document_and_its_schema(validate):
    t = transcripts.load(ASR / "whisperx.json")
    doc = json.loads(transcripts.dumps(t, "json"))
    validate(doc)
    assert doc["version"] == "1.2" and doc["metadata"]["language"] == "en"
    assert doc["turns"][0]["words"][0] == {"text": "Welcome", "start": 0.42, "end": 0.8, "confidence": 0.998}
    # A 1.0 document (no words, no language) reads unchanged.
    del doc["metadata"]["language"]
    for turn in doc["turns"]:
        del turn["words"]
    doc["version"] = "1.0"
    old = transcripts.loads(json.dumps(doc), "json")
    assert old.metadata.language is None and all(u.words == () for u in old.turns)
    assert [u.paragraphs for u in old.turns] == PARAGRAPHS


def test_malformed_vendor_items_are_positioned_or_skipped():
    doc = json.loads((ASR / "assemblyai.json").read_text())
    doc["utterances"][1]["words"][0]["start"] = "soon"
    text = json.dumps(doc, indent=1)
    with pytest.raises(transcripts.ParseError, match=r"utterances\[1\]\.words\[0\]"):
        transcripts.loads(text, filename="a.json")
    reading = transcripts.read(text, filename="a.json", lenient=True)
    assert len(reading.skipped) == 1
    # The turn keeps its text; words that do not spell it are dropped.
    assert reading.transcript.turns[1].paragraphs == ("glad to be here.",)


def test_speaker_prefixed_captions_give_the_recognisers_speakers():
    srt = "1\n00:00:00,000 --> 00:00:01,000\n[SPEAKER_00]: Hello there.\n\n2\n00:00:01,000 --> 00:00:02,000\n[SPEAKER_00]: Still me.\n\n3\n00:00:02,000 --> 00:00:03,000\n[SPEAKER_01]: Hi.\n"
    t = transcripts.loads(srt, "srt")
    assert [s.name for s in t.speakers] == ["SPEAKER_00", "SPEAKER_01"]
    # Every cue is prefixed: consecutive cues of one speaker are one turn.
    assert [u.paragraphs for u in t.turns] == [("Hello there. Still me.",), ("Hi.",)]
    vtt = "WEBVTT\n\n00:00.000 --> 00:01.000\nSPEAKER_00: Hello there.\n\n00:01.000 --> 00:02.000\nSPEAKER_01: Hi.\n"
    v = transcripts.loads(vtt, "vtt")
    assert [s.name for s in v.speakers] == ["SPEAKER_00", "SPEAKER_01"]
    named = transcripts.name_speakers(v, {"SPEAKER_00": "Ada Lindqvist", "SPEAKER_01": "Ines Caro"})
    assert [(s.id, s.name, s.aliases) for s in named.speakers] == [("ada-lindqvist", "Ada Lindqvist", ("SPEAKER_00",)), ("ines-caro", "Ines Caro", ("SPEAKER_01",))]
    assert [u.speaker for u in named.turns] == ["ada-lindqvist", "ines-caro"]


@pytest.mark.parametrize("label", ["0", "Speaker 0", "speaker 0"])
def test_name_speakers_takes_the_label_as_the_source_writes_it(label):
    t = transcripts.load(ASR / "deepgram.json")
    named = transcripts.name_speakers(t, {label: "Ada Lindqvist", "1": "Ines Caro"})
    assert [s.name for s in named.speakers] == ["Ada Lindqvist", "Ines Caro"]
    assert named.turns[0].words == t.turns[0].words


def test_name_speakers_merges_labels_given_one_name_and_refuses_unknown_ones():
    t = transcripts.load(ASR / "aws_transcribe.json")
    one = transcripts.name_speakers(t, {"spk_0": "Ada", "spk_1": "Ada"})
    assert [(s.id, s.aliases) for s in one.speakers] == [("ada", ("spk_0", "spk_1"))]
    assert {u.speaker for u in one.turns} == {"ada"}
    with pytest.raises(ValueError, match="spk_9.*spk_0"):
        transcripts.name_speakers(t, {"spk_9": "Nobody"})
    assert transcripts.name_speakers(t, {"spk_9": "Nobody"}, strict=False) == t


def test_cli_speaker_options_and_mapping_file(tmp_path):
    mapping = tmp_path / "names.yaml"
    mapping.write_text("A: Ada Lindqvist\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    argv = ["convert", str(ASR / "assemblyai.json"), "--to", "json", "--speaker-map", str(mapping), "--speaker", "B=Ines Caro", "--speaker", "C=Nobody"]
    assert main(argv, out, err) == 0
    doc = json.loads(out.getvalue())
    assert [s["name"] for s in doc["speakers"]] == ["Ada Lindqvist", "Ines Caro"]
    assert "no speaker is labelled 'C'" in err.getvalue()
    # LABEL=NAME lines work as a mapping file too; a bad line is bad usage.
    mapping.write_text("# names\nA=Ada\n", encoding="utf-8")
    assert main(["convert", str(ASR / "assemblyai.json"), "--to", "text", "--speaker-map", str(mapping)], io.StringIO(), io.StringIO()) == 0
    mapping.write_text("A Ada\n", encoding="utf-8")
    err = io.StringIO()
    assert main(["convert", str(ASR / "assemblyai.json"), "--to", "text", "--speaker-map", str(mapping)], io.StringIO(), err) == 2
    assert "line 1" in err.getvalue()
    assert main(["convert", str(ASR / "assemblyai.json"), "--to", "text", "--speaker", "nameless"], io.StringIO(), io.StringIO()) == 2


def test_suggested_names_come_from_the_speech_and_are_only_guesses():
    from transcripts.naming import suggest_names

    srt = (
        "1\n00:00:00,000 --> 00:00:02,000\n[SPEAKER_00]: Hello. I'm Ada Lindqvist, and with me today, welcome, Marisol.\n\n"
        "2\n00:00:02,000 --> 00:00:03,000\n[SPEAKER_01]: Thanks, Ada. So, this is going well.\n\n"
        "3\n00:00:03,000 --> 00:00:04,000\n[SPEAKER_00]: It is.\n"
    )
    t = transcripts.loads(srt, "srt")
    guesses = suggest_names(t)
    assert {label: name for label, (name, _) in guesses.items()} == {"SPEAKER_00": "Ada Lindqvist", "SPEAKER_01": "Marisol"}
    assert "I'm Ada Lindqvist" in guesses["SPEAKER_00"][1]
    assert [s.name for s in t.speakers] == ["SPEAKER_00", "SPEAKER_01"]  # nothing applied
    # Speakers with names get no guesses.
    assert suggest_names(transcripts.name_speakers(t, {"SPEAKER_00": "Ada", "SPEAKER_01": "Marisol"})) == {}


def test_a_recognisers_text_alone_reads_as_one_unnamed_speaker():
    plain = json.dumps({"text": "  Welcome back. Thanks,\nglad to be here. "})
    t = transcripts.loads(plain, "asr-json")
    assert [u.paragraphs for u in t.turns] == [("Welcome back. Thanks, glad to be here.",)]
    assert len(t.speakers) == 1 and t.turns[0].words == ()
    assert transcripts.formats.detect("whisper.json", plain).name == "asr-json"


def test_verbose_json_without_segments_keeps_the_words_times_on_the_texts_tokens():
    doc = {
        "task": "transcribe",
        "language": "english",
        "duration": 2.0,
        "text": "Hello, there. Fine day.",
        "words": [{"word": w, "start": i * 0.5, "end": i * 0.5 + 0.4} for i, w in enumerate(["Hello", "there", "Fine", "day"])],
    }
    t = transcripts.loads(json.dumps(doc), "asr-json")
    assert t.metadata.language == "en"
    assert [w.text for w in t.turns[0].words] == ["Hello,", "there.", "Fine", "day."]
    assert (t.turns[0].start, t.turns[0].end) == (0.0, 1.9)
    doc["words"] = doc["words"][:3]  # words that do not match the text's tokens: the text alone
    assert transcripts.loads(json.dumps(doc), "asr-json").turns[0].words == ()


def test_json_with_a_text_and_other_keys_is_not_taken_for_a_recogniser():
    other = json.dumps({"text": "A note.", "author": "Ann"})
    assert transcripts.formats.detect("note.json", other).name != "asr-json"


def _line_of(text, needle):
    """The 1-based line of the first line of ``text`` holding ``needle``."""
    return next(i + 1 for i, line in enumerate(text.splitlines()) if needle in line)


def test_malformed_speechmatics_results_are_positioned_or_skipped():
    doc = json.loads((ASR / "speechmatics.json").read_text())
    assert doc["results"][5]["alternatives"][0]["content"] == "Thanks"
    doc["results"][5]["start_time"] = "soon"
    text = json.dumps(doc, indent=1)
    with pytest.raises(transcripts.ParseError, match=r"results\[5\]: expected start_time") as err:
        transcripts.loads(text, filename="s.json")
    # The line where the result's object opens.
    lines = text.splitlines()
    assert err.value.line == max(i for i in range(_line_of(text, '"soon"')) if lines[i] == "  {") + 1
    reading = transcripts.read(text, filename="s.json", lenient=True)
    assert len(reading.skipped) == 1 and reading.skipped[0].line == err.value.line
    # The comma of the word left out goes with it.
    assert [u.paragraphs for u in reading.transcript.turns][:2] == [("Welcome back, Ines.",), ("glad to be here.",)]


def _speechmatics(*results, language="en"):
    return json.dumps({"format": "2.9", "metadata": {"transcription_config": {"language": language}}, "results": list(results)})


def _sm(kind, content, start=None, end=None, attaches=None, **extra):
    alt = {"content": content, "confidence": 0.9, "language": "de"}
    alt.update({k: v for k, v in extra.items() if k == "speaker"})
    item = {"type": kind, "alternatives": [alt]}
    if start is not None:
        item.update(start_time=start, end_time=end)
    if attaches:
        item["attaches_to"] = attaches
    item.update({k: v for k, v in extra.items() if k != "speaker"})
    return item


def test_speechmatics_marks_join_the_side_they_attach_to_and_entities_read_as_written():
    text = _speechmatics(
        _sm("punctuation", "\u201c", 0.0, 0.0, "next"),
        _sm("word", "well", 0.0, 0.3),
        _sm("punctuation", "-", 0.3, 0.3, "both"),
        _sm("word", "known", 0.3, 0.6),
        _sm("punctuation", "\u201d", 0.6, 0.6, "previous"),
        _sm("punctuation", "&", 0.7, 0.7, "none"),
        _sm("entity", "ten pounds", 0.8, 1.4, written_form=[_sm("word", "\u00a310", 0.8, 1.4)]),
        _sm("speaker_change", "", 1.4, 1.4),
        _sm("punctuation", "."),
        language="auto",
    )
    reading = transcripts.read(text, filename="x.json")
    assert reading.format == "speechmatics"
    t = reading.transcript
    assert [w.text for w in t.turns[0].words] == ["\u201cwell-known\u201d", "&", "\u00a310."]
    assert (t.turns[0].words[0].start, t.turns[0].words[0].end) == (0.0, 0.6)
    assert t.metadata.language == "de"  # "auto": the words' own
    assert [s.name for s in t.speakers] == ["Unknown Speaker"]


def test_speechmatics_channels_are_speakers_in_order_of_time():
    text = _speechmatics(
        _sm("word", "Hello", 0.0, 0.4, channel="channel_1"),
        _sm("word", "there", 1.0, 1.4, channel="channel_1"),
        _sm("word", "Hi", 0.5, 0.9, channel="channel_2"),
    )
    t = transcripts.loads(text, "speechmatics")
    assert [(t.speaker(u.speaker).name, u.paragraphs) for u in t.turns] == [
        ("channel_1", ("Hello",)), ("channel_2", ("Hi",)), ("channel_1", ("there",)),
    ]


def test_malformed_azure_words_are_positioned_and_the_display_text_kept():
    doc = json.loads((ASR / "azure_speech.json").read_text())
    doc["recognizedPhrases"][1]["nBest"][0]["words"][0]["offsetInTicks"] = "soon"
    text = json.dumps(doc, indent=1)
    with pytest.raises(transcripts.ParseError, match=r"recognizedPhrases\[1\]\.nBest\[0\]\.words\[0\]") as err:
        transcripts.loads(text, filename="a.json")
    assert err.value.line is not None and text.splitlines()[err.value.line - 1].strip() == "{"
    assert err.value.line < _line_of(text, '"soon"')
    reading = transcripts.read(text, filename="a.json", lenient=True)
    assert len(reading.skipped) == 1
    turn = reading.transcript.turns[1]
    assert turn.paragraphs == ("Thanks, glad to be here.",) and turn.words == () and turn.start == 2.1


def test_azure_display_words_ticks_milliseconds_iso_and_channels():
    def phrase(channel, offset, display, **extra):
        best = {"confidence": 0.9, "lexical": display.lower(), "display": display}
        best.update(extra.pop("best", {}))
        return {"recognitionStatus": "Success", "channel": channel, **offset, "nBest": [best], **extra}

    doc = {
        "combinedRecognizedPhrases": [],
        "recognizedPhrases": [
            phrase(0, {"offset": "PT1M2.5S", "duration": "PT1S"}, "Back again."),
            phrase(1, {"offsetMilliseconds": 500, "durationMilliseconds": 900}, "Hi, you.",
                   best={"displayWords": [{"displayText": "Hi,", "offsetMilliseconds": 500, "durationMilliseconds": 300},
                                          {"displayText": "you.", "offsetMilliseconds": 900, "durationMilliseconds": 500}]}),
            {"recognitionStatus": "NoMatch", "channel": 0, "offsetInTicks": 0, "durationInTicks": 10},
            phrase(0, {"offsetInTicks": 0, "durationInTicks": 4000000}, "Hello.",
                   best={"words": [{"word": "hello", "offsetInTicks": 0, "durationInTicks": 4000000, "confidence": 0.8}]}),
        ],
    }
    reading = transcripts.read(json.dumps(doc), filename="x.json")
    assert reading.format == "azure-speech" and reading.skipped == ()
    t = reading.transcript
    assert [(t.speaker(u.speaker).name, u.paragraphs, u.start) for u in t.turns] == [
        ("Channel 1", ("Hello.",), 0.0), ("Channel 2", ("Hi, you.",), 0.5), ("Channel 1", ("Back again.",), 62.5),
    ]
    assert t.turns[0].words[0] == transcripts.Word("Hello.", 0.0, 0.4, 0.8)
    assert [(w.text, w.start, w.end) for w in t.turns[1].words] == [("Hi,", 0.5, 0.8), ("you.", 0.9, 1.4)]
    assert t.turns[2].words == () and t.turns[2].end == 63.5
    # Without phrases, each channel's combined text.
    doc = {"combinedRecognizedPhrases": [{"channel": 0, "display": "All of it."}], "recognizedPhrases": []}
    assert transcripts.loads(json.dumps(doc), "azure-speech").turns[0].paragraphs == ("All of it.",)


def test_malformed_google_words_are_positioned_or_skipped():
    doc = json.loads((ASR / "google_stt.json").read_text())
    doc["response"]["results"][3]["alternatives"][0]["words"][3]["startTime"] = "soon"
    text = json.dumps(doc, indent=1)
    with pytest.raises(transcripts.ParseError, match=r"response\.results\[3\]\.alternatives\[0\]\.words\[3\]") as err:
        transcripts.loads(text, filename="g.json")
    # The line of the word's object, the one holding the bad time.
    assert err.value.line == _line_of(text, '"soon"') - 1
    reading = transcripts.read(text, filename="g.json", lenient=True)
    assert len(reading.skipped) == 1
    assert [u.paragraphs for u in reading.transcript.turns][1] == ("glad to be here.",)


def test_google_without_diarisation_reads_each_result_as_a_turn():
    doc = {
        "results": [
            {"alternatives": [{"transcript": "Good morning.", "confidence": 0.9,
                               "words": [{"startOffset": "0.500s", "endOffset": "1s", "word": "Good"},
                                         {"startOffset": {"seconds": "1", "nanos": 100000000}, "endOffset": "1.600s", "word": "morning."}]}],
             "languageCode": "en-gb", "resultEndOffset": "1.700s"},
            {"alternatives": [{}], "resultEndTime": "2s"},
            {"alternatives": [{"transcript": " Another one", "confidence": 0.8}], "resultEndTime": "4.200s"},
        ],
        "totalBilledTime": "5s",
    }
    reading = transcripts.read(json.dumps(doc), filename="x.json")
    assert reading.format == "google-stt" and reading.skipped == ()
    t = reading.transcript
    assert [u.paragraphs for u in t.turns] == [("Good morning.",), ("Another one",)]
    assert [(w.text, w.start, w.end) for w in t.turns[0].words] == [("Good", 0.5, 1.0), ("morning.", 1.1, 1.6)]
    assert t.turns[1].words == () and t.turns[1].end == 4.2
    assert len(t.speakers) == 1 and t.metadata.language == "en-gb"
    # Channels separately recognised are speakers.
    doc["results"][2]["channelTag"] = 2
    doc["results"][0]["channelTag"] = 1
    t = transcripts.loads(json.dumps(doc), "google-stt")
    assert [s.name for s in t.speakers] == ["Channel 1", "Channel 2"]


def test_a_bare_google_response_positions_a_malformed_result_by_its_line():
    doc = json.loads((ASR / "google_stt.json").read_text())["response"]
    results = doc["results"][:3]  # without diarisation
    results.insert(1, ["not", "a", "result"])
    text = json.dumps({"results": results}, indent=2)
    reading = transcripts.read(text, "google-stt", filename="g.json", lenient=True)
    assert [(e.line, e.message.split(":")[0]) for e in reading.skipped] == [(_line_of(text, '"not"') - 1, "results[1]")]
    assert [u.paragraphs for u in reading.transcript.turns] == PARAGRAPHS
    assert reading.transcript.turns[1].words[0] == transcripts.Word("Thanks,", 2.1, 2.48, 0.96)


@pytest.mark.parametrize(
    "value, expected",
    [("PT0.42S", 0.42), ("PT1M2.5S", 62.5), ("PT1H", 3600.0), ("P1DT0.5S", 86400.5), ("pt2s", 2.0),
     ("PT", None), ("P", None), ("P1DT", None), ("1.5", None), ("PT-1S", None), (1.5, None)],
)
def test_iso_8601_durations(value, expected):
    from transcripts.formats._asr import iso_duration

    assert iso_duration(value) == expected


@pytest.mark.parametrize(
    "value, expected",
    [("1.400s", 1.4), ("0s", 0.0), ("3s", 3.0), ({"seconds": "2", "nanos": 100000000}, 2.1), ({"nanos": 5}, 5e-9), ({"seconds": 4}, 4.0),
     ("1.4", None), ("-1s", None), ("1e3s", None), ({"seconds": -1}, None), ({"nanos": 10**9}, None), ({"seconds": 1, "x": 2}, None), ({}, None), (True, None)],
)
def test_protobuf_durations(value, expected):
    from transcripts.formats._asr import protobuf_duration

    assert protobuf_duration(value) == expected


@pytest.mark.parametrize(
    "other",
    [
        # IBM Watson's results (alternatives with timestamps, a result_index)
        {"result_index": 0, "results": [{"final": True, "alternatives": [{"transcript": "hello ", "confidence": 0.9, "timestamps": [["hello", 0.1, 0.5]]}]}]},
        # Results of something else that has alternatives
        {"results": [{"alternatives": [{"transcript": "x", "score": 2}]}]},
        {"results": []},
        {"format": "2.9", "results": [{"name": "x"}], "metadata": {}},
        {"format": "1.0", "results": [], "metadata": {}},
        {"recognizedPhrases": []},
        {"combinedRecognizedPhrases": [], "phrases": []},
    ],
)
def test_the_new_recognisers_claim_no_other_json(other):
    text = json.dumps(other)
    for name in ("speechmatics", "azure-speech", "google-stt"):
        assert not transcripts.formats.get(name).sniff(text), name


def test_each_recogniser_sample_is_claimed_by_its_own_reader_alone():
    readers = [f for f in transcripts.formats.FORMATS.values() if f.sniff is not None and not f.binary]
    for name, fmt, *_ in SAMPLES:
        text = (ASR / name).read_text(encoding="utf-8")
        claims = [f.name for f in readers if f.sniff(text)]
        assert claims == [fmt], name


def test_elevenlabs_channels_events_and_confidence():
    doc = {
        "transcripts": [
            {"language_code": "en", "channel_index": 0, "text": "Hello there.", "words": [
                {"text": "Hello", "start": 0.0, "end": 0.4, "type": "word", "logprob": -0.1},
                {"text": " ", "start": 0.4, "end": 0.5, "type": "spacing"},
                {"text": "there.", "start": 0.5, "end": 0.9, "type": "word", "logprob": 0.0}]},
            {"language_code": "en", "channel_index": 1, "text": "(laughter) Hi.", "words": [
                {"text": "(laughter)", "start": 1.0, "end": 1.5, "type": "audio_event"},
                {"text": "Hi.", "start": 1.6, "end": 1.9, "type": "word", "logprob": -0.5}]},
        ]
    }
    t = transcripts.loads(json.dumps(doc), "elevenlabs")
    assert [s.name for s in t.speakers] == ["Channel 1", "Channel 2"]
    assert [u.paragraphs for u in t.turns] == [("Hello there.",), ("(laughter) Hi.",)]
    assert t.turns[0].words[0].confidence == pytest.approx(0.905, abs=1e-3) and t.turns[0].words[1].confidence == 1.0
    assert t.turns[1].words[0].confidence is None
    assert transcripts.formats.detect("x.json", json.dumps(doc)).name == "elevenlabs"


def test_ibm_watson_without_speaker_labels_and_with_hesitations():
    doc = {"results": [{"final": True, "alternatives": [{"transcript": "so %HESITATION the tide ", "timestamps": [["so", 0.1, 0.3], ["%HESITATION", 0.3, 0.8], ["the", 0.9, 1.0], ["tide", 1.0, 1.4]]}]},
                       {"final": True, "alternatives": [{"transcript": "comes in "}]}], "result_index": 0}
    got = transcripts.read(json.dumps(doc), "ibm-watson")
    assert [u.paragraphs for u in got.transcript.turns] == [("so the tide",), ("comes in",)]
    assert [w.text for w in got.transcript.turns[0].words] == ["so", "the", "tide"]
    assert [e.message for e in got.skipped] == ["1 %HESITATION mark left out"]
    # A finished asynchronous job holds the response as its first result.
    job = {"id": "job-1", "status": "completed", "results": [doc]}
    from_job = transcripts.read(json.dumps(job)).transcript
    assert [(u.paragraphs, u.words) for u in from_job.turns] == [(u.paragraphs, u.words) for u in got.transcript.turns]


#: Recognisers that name no speakers: (sample, format, language).
UNNAMED = [("whisper_cpp.json", "whisper-cpp", "en"), ("vosk.json", "vosk", None)]


@pytest.mark.parametrize("name, fmt, language", UNNAMED, ids=[u[0] for u in UNNAMED])
def test_recognisers_without_speakers_give_turns_of_one_unnamed_speaker(name, fmt, language):
    text = (ASR / name).read_text(encoding="utf-8")
    assert [f.name for f in transcripts.formats.FORMATS.values() if f.sniff is not None and not f.binary and f.sniff(text)] == [fmt]
    got = transcripts.read(text, filename="episode.json")
    t = got.transcript
    assert got.format == fmt and got.skipped == () and t.metadata.language == language
    assert [s.name for s in t.speakers] == ["Unknown Speaker"]
    # Each of whisper.cpp's segments ends a turn here (tinydiarize), as does each of Vosk's results.
    assert [u.start for u in t.turns] == STARTS
    words = t.turns[1].words
    assert [w.text.strip(".,").lower() for w in words] == "thanks glad to be here".split()
    assert (words[0].start, words[0].end) == (2.1, 2.48) and words[-1].end == pytest.approx(3.52)


def test_whisper_cpp_tokens_make_words_and_a_plain_output_reads_its_text():
    t = transcripts.load(ASR / "whisper_cpp.json")
    assert [u.paragraphs for u in t.turns] == PARAGRAPHS
    assert t.turns[2].words[0].text == "Let's" and t.turns[2].words[0].confidence == 0.8
    doc = json.loads((ASR / "whisper_cpp.json").read_text())
    for segment in doc["transcription"]:
        del segment["tokens"], segment["offsets"], segment["speaker_turn_next"]
    plain = transcripts.loads(json.dumps(doc))
    assert [u.paragraphs for u in plain.turns] == [(" ".join(p[0] for p in PARAGRAPHS),)]
    assert plain.turns[0].start == 0.42 and plain.turns[0].words == ()
