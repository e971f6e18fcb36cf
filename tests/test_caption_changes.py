"""Broadcast captioning's change of speaker, ">>", in caption files."""

from __future__ import annotations

import transcripts


def _srt(*texts: str) -> str:
    return "".join(f"{i}\n00:00:{i:02d},000 --> 00:00:{i:02d},900\n{text}\n\n" for i, text in enumerate(texts, 1))


def _turns(t: transcripts.Transcript) -> list[tuple[str, str]]:
    return [(t.speaker(u.speaker).name, " ".join(u.paragraphs)) for u in t.turns]


def test_a_named_change_names_the_speaker_of_the_cues_after_it():
    t = transcripts.loads(_srt(">> ANN LEE: Good evening.", "Tonight, the harbour.", ">> BO CHEN: Thanks, Ann."), "srt")
    assert _turns(t) == [("Ann Lee", "Good evening. Tonight, the harbour."), ("Bo Chen", "Thanks, Ann.")]


def test_unnamed_changes_alternate_between_two_speakers():
    t = transcripts.loads(_srt(">> So what happened?", ">> The wall gave way.", ">> When?", ">> At dawn."), "srt")
    names = [name for name, _ in _turns(t)]
    assert len(names) == 4 and names[0] == names[2] and names[1] == names[3] and names[0] != names[1]
    assert [text for _, text in _turns(t)] == ["So what happened?", "The wall gave way.", "When?", "At dawn."]


def test_a_change_inside_a_line_splits_it():
    vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n>> ANN LEE: That is all. >> BO CHEN:\nThank you.\n"
    t = transcripts.loads(vtt, "vtt")
    assert _turns(t) == [("Ann Lee", "That is all."), ("Bo Chen", "Thank you.")]


def test_without_a_cue_that_opens_with_one_it_is_speech():
    t = transcripts.loads(_srt("Ann: I said >> and stopped.", "Ann: Then more."), "srt")
    assert all(">>" not in name for name, _ in _turns(t))
    assert "I said >> and stopped." in " ".join(text for _, text in _turns(t))


def test_a_written_cue_that_opens_with_it_is_labelled_and_reads_back():
    t = transcripts.parse("Ann Lee: >> is how captions mark a change.\n\nBo Chen: I see.\n\nAnn Lee: Right.\n")
    back = transcripts.loads(transcripts.dumps(t, "srt"), "srt")
    assert [" ".join(u.paragraphs) for u in back.turns] == [" ".join(u.paragraphs) for u in t.turns]


def _vtt(*cues: str) -> str:
    return "WEBVTT\n\n" + "".join(f"00:00:{i:02d}.000 --> 00:00:{i:02d}.900\n{text}\n\n" for i, text in enumerate(cues, 1))


def test_rolling_captions_give_each_line_once_with_its_words_times():
    vtt = _vtt(
        " \nthe<00:00:01.300><c> tide</c><00:00:01.600><c> turned</c>",
        "the tide turned\n ",
        "the tide turned\nat<00:00:03.400><c> dawn</c>",
        "at dawn\n ",
        "at dawn\nand<00:00:05.500><c> we</c><00:00:05.700><c> left</c>",
        "and we left\n ",
        "and we left\nfor<00:00:07.400><c> home</c>",
    )
    t = transcripts.loads(vtt, "vtt")
    assert [u.paragraphs for u in t.turns] == [("the tide turned at dawn and we left for home",)]
    assert [(w.text, w.start) for w in t.turns[0].words][2:5] == [("turned", 1.6), ("at", 3.0), ("dawn", 3.4)]


def test_cues_that_repeat_the_one_before_without_rolling_are_kept():
    t = transcripts.loads(_vtt("No.", "No.", "No.", "No."), "vtt")
    assert " ".join(p for u in t.turns for p in u.paragraphs) == "No. No. No. No."
    # One line repeated over cues that add lines: a writer's unbreakable token, not a roll.
    url = "https://example.com/a/rather/long/address"
    t = transcripts.loads(_vtt(url, f"{url}\nmore", "more", f"more\n{url}", url, f"{url}\nend"), "vtt")
    assert " ".join(p for u in t.turns for p in u.paragraphs).count(url) == 5


def test_srt_text_after_a_blank_line_inside_a_cue_is_kept_and_said():
    text = "1\n00:00:01,000 --> 00:00:02,000\nAnn: The first line\n\nand what follows it.\n\n2\n00:00:03,000 --> 00:00:04,000\nBo: Next.\n"
    reading = transcripts.read(text, "srt")
    assert [" ".join(u.paragraphs) for u in reading.transcript.turns] == ["The first line and what follows it.", "Next."]
    assert [(e.line, "kept" in e.message) for e in reading.skipped] == [(5, True)]


def test_srt_a_block_with_a_number_and_no_timing_is_still_an_error():
    import pytest

    from transcripts.errors import ParseError

    with pytest.raises(ParseError) as err:
        transcripts.loads("1\n00:00:01,000 --> 00:00:02,000\nOne.\n\n2\nTwo.\n", "srt")
    assert err.value.line == 6  # where the timing line should be


def test_a_time_past_any_recording_is_an_input_error_not_a_writer_crash():
    import json

    import pytest

    from transcripts.errors import ParseError

    doc = json.loads(transcripts.dumps(transcripts.parse("Ann: Hi.\n\nBo: Hello.\n\nAnn: Bye.\n"), "json"))
    doc["turns"][0]["start"] = 1e308
    with pytest.raises(ParseError, match="at most"):
        transcripts.loads(json.dumps(doc), "json")
    doc["turns"][0]["start"] = 3600.0 * 1000  # a thousand hours is a time
    assert "1000:00:00" in transcripts.dumps(transcripts.loads(json.dumps(doc), "json"), "srt")
    with pytest.raises(ParseError):
        transcripts.loads("SPEAKER ep 1 1e308 1.0 <NA> <NA> a <NA> <NA>\n", "rttm")


def test_caption_times_past_any_recording_are_malformed_cues():
    import pytest

    from transcripts.errors import ParseError

    huge = "9" * 320
    vtt = f"WEBVTT\n\n{huge}:00:00.000 --> {huge}:00:01.000\nHi\n\n00:00:01.000 --> 00:00:02.000\n<00:00:01.500>Hello <{huge}:00:00.000>there\n"
    with pytest.raises(ParseError, match="past any recording"):
        transcripts.loads(vtt, "vtt")
    reading = transcripts.read(vtt, "vtt", lenient=True)
    assert [u.paragraphs for u in reading.transcript.turns] == [("Hello there",)] and reading.transcript.turns[0].words == ()
    with pytest.raises(ParseError, match="past any recording"):
        transcripts.loads(f"<SAMI><BODY><SYNC Start={huge}><P Class=ENCC>Hi</SYNC></BODY></SAMI>", "sami")
