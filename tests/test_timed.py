"""Speech under times without labels (transcripts.timed), and writing
speech that no one is named for."""

from __future__ import annotations

import pytest

import transcripts
from transcripts.model import UNKNOWN_SPEAKER
from transcripts.timed import stamp


def _turns(t):
    return [(u.speaker, u.start, u.paragraphs) for u in t.turns]


def test_times_alone_on_their_lines_open_turns():
    t = transcripts.parse("0:00\nwelcome back to the show\n0:03\ntoday we walk the\nsea wall\n1:02\nSo, the storm.\n")
    assert [s.name for s in t.speakers] == [UNKNOWN_SPEAKER]
    assert t.metadata.convention == "unlabelled"
    assert [(u.start, u.end) for u in t.turns] == [(0.0, 3.0), (3.0, 62.0), (62.0, None)]
    assert t.turns[0].paragraphs == ("welcome back to the show",)
    assert "sea wall" in " ".join(t.turns[1].paragraphs)
    # The times are the turns' own, as labels are: no block repeats them.
    assert [b.kind for b in t.blocks] == []
    assert t.turns[1].lines == transcripts.Span(3, 5)


@pytest.mark.parametrize(
    "text",
    [
        "00:00:07 Welcome back to the channel, today we talk tides.\n00:00:12 The harbour board met last week and decided.\n00:00:19 So let us get into it, then.\n",
        "[00:00:07] Welcome back to the channel, today we talk tides.\n\n[00:00:12] The harbour board met last week and decided.\n\n[00:00:19] So let us get into it, then.\n",
        "(0:07) welcome back to the channel today we talk tides\n(0:12) the harbour board met last week and decided\n(0:19) so let us get into it\n",
    ],
)
def test_lines_that_open_with_their_time(text):
    t = transcripts.parse(text)
    assert [u.start for u in t.turns] == [7.0, 12.0, 19.0]
    assert {u.speaker for u in t.turns} == {"unknown-speaker"}
    assert not any(p[:1].isdigit() or p[:1] in "[(" for u in t.turns for p in u.paragraphs)


def test_a_chapter_list_stays_a_list():
    text = "Tides, episode 4\n\n0:00 Intro\n2:15 The sea wall\n5:40 Questions from listeners\n9:02 Outro\n"
    t = transcripts.parse(text)
    assert t.turns == ()
    assert [p.title for p in t.topics][:2] == ["Intro", "The sea wall"]


def test_labelled_dialogue_is_not_timed_speech():
    text = "0:00\nAnn Lee: Welcome back.\n0:05\nBo Chen: Thanks.\n0:09\nAnn Lee: So, the wall.\n"
    t = transcripts.parse(text)
    assert [s.name for s in t.speakers] == ["Ann Lee", "Bo Chen"]


def test_stamp():
    assert stamp("00:00:07 Welcome") == (7.0, "Welcome")
    assert stamp("[1:02] So") == (62.0, "So")
    assert stamp("0:07") is None and stamp("Welcome 0:07 x") is None


def test_one_numbered_or_unknown_voice_is_a_speaker():
    for name in ("Speaker 1", "SPEAKER_00", UNKNOWN_SPEAKER):
        text = "".join(f"{name}: Sentence number {k} of the talk.\n\n" for k in range(3))
        t = transcripts.parse(text)
        assert [s.name for s in t.speakers] == [name] and len(t.turns) == 3


def test_timed_speech_survives_text_and_captions():
    t = transcripts.parse("0:00\nwelcome back to the show\n0:03\ntoday we walk the sea wall\n0:09\nso the storm\n")
    back = transcripts.loads(transcripts.dumps(t, "text"), "text")
    assert [u.paragraphs for u in back.turns] == [u.paragraphs for u in t.turns]
    srt = transcripts.dumps(t, "srt")
    assert UNKNOWN_SPEAKER not in srt
    again = transcripts.loads(srt, "srt")
    assert [s.name for s in again.speakers] == [UNKNOWN_SPEAKER]
    assert again.turns[0].start == 0.0


CAPTIONS = "1\n00:00:01,000 --> 00:00:03,000\nwelcome back to the channel\n\n2\n00:00:03,500 --> 00:00:06,000\ntoday we talk tides\n"


@pytest.mark.parametrize("fmt", ["srt", "vtt"])
def test_captions_without_speakers_are_written_without_them(fmt):
    t = transcripts.loads(CAPTIONS, "srt")
    out = transcripts.dumps(t, fmt)
    assert UNKNOWN_SPEAKER not in out and "<v" not in out
    assert transcripts.loads(out, fmt).turns[0].paragraphs == t.turns[0].paragraphs


@pytest.mark.parametrize("fmt", ["srt", "vtt"])
def test_unnamed_speech_that_reads_as_a_label_keeps_one(fmt):
    t = transcripts.loads("1\n00:00:01,000 --> 00:00:03,000\nAnn Lee: is what the sign says\n", "srt")
    assert [s.name for s in t.speakers] == ["Ann Lee"]
    # The same speech, no one named: its label says whose it is.
    anon = transcripts.Transcript(
        speakers=(transcripts.Speaker("unknown-speaker", UNKNOWN_SPEAKER),),
        turns=(transcripts.Turn(0, "unknown-speaker", ("Ann Lee: is what the sign says",), 1.0, 3.0, "given"),),
    )
    back = transcripts.loads(transcripts.dumps(anon, fmt), fmt)
    assert [s.name for s in back.speakers] == [UNKNOWN_SPEAKER]
    assert back.turns[0].paragraphs == ("Ann Lee: is what the sign says",)


def _srt(cues):
    return "\n".join(f"{k}\n00:00:{a:02d},000 --> 00:00:{b:02d},000\n{text}\n" for k, (a, b, text) in enumerate(cues, 1))


def test_one_speakers_cues_make_paragraphs_at_pauses():
    t = transcripts.loads(_srt([(1, 3, "so we begin"), (3, 5, "with the wall."), (8, 10, "Later, the storm"), (10, 12, "came in")]), "srt")
    assert t.turns[0].paragraphs == ("so we begin with the wall.", "Later, the storm came in")


def test_a_long_run_of_cues_ends_its_paragraphs_at_sentences():
    sentence = "The harbour wall was built in four summers by the town. "
    cues = [(k % 60, k % 60 + 1, sentence.strip()) for k in range(40)]
    text = "\n".join(f"{k}\n00:{k // 60:02d}:{k % 60:02d},000 --> 00:{k // 60:02d}:{k % 60:02d},900\n{s}\n" for k, (_, _, s) in enumerate(cues, 1))
    t = transcripts.loads(text, "srt")
    paragraphs = t.turns[0].paragraphs
    assert len(paragraphs) > 1 and all(p.endswith(".") for p in paragraphs)
    assert max(map(len, paragraphs)) < 1000
    assert " ".join(paragraphs) == " ".join(s for _, _, s in cues)


def test_paragraphs_a_source_marks_stand():
    """Where the source marks paragraphs (the Podcasting 2.0 JSON's final
    newline), a long one or a pause inside one divides nothing."""
    long = " ".join(["The harbour wall was built in four summers."] * 30)
    t = transcripts.Transcript(
        speakers=(transcripts.Speaker("ann", "Ann"),),
        turns=(transcripts.Turn(0, "ann", (long, "And then the storm."), 0.0, 300.0, "given"),),
    )
    back = transcripts.loads(transcripts.dumps(t, "podcast-json"), "podcast-json")
    assert back.turns[0].paragraphs == t.turns[0].paragraphs
