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
