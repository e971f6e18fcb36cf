"""The command line's conversions: several inputs into --out-dir, one bad
input not stopping the others, --profile, --wpm, --lenient, --from, and
warnings about what a format drops."""

from __future__ import annotations

import io
import json

import pytest

import transcripts
from transcripts.cli import main

from .conftest import EXAMPLES
from .formats_support import srt_cues

EPISODE = "Ann Lee: Hi there.\n\nBo Chen: Hello, Ann.\n\nAnn Lee: Bye now.\n"
GOOD_SRT = "1\n00:00:01,000 --> 00:00:02,000\nAnn Lee: Hi.\n\n2\n00:00:02,000 --> 00:00:03,000\nBo Chen: Hello.\n"
BAD_SRT = "1\n00:00:01,000 --> 00:00:02,000\nAnn Lee: Hi.\n\n2\n00:00:05,000 --> 00:00:03,000\nBo Chen: Hello.\n"


def run(argv):
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_several_inputs_into_out_dir(tmp_path):
    (tmp_path / "one.txt").write_text(EPISODE, encoding="utf-8")
    (tmp_path / "two.srt").write_text(GOOD_SRT, encoding="utf-8")
    (tmp_path / "three.srt").write_text(BAD_SRT, encoding="utf-8")
    out_dir = tmp_path / "out"
    code, out, err = run(["convert", str(tmp_path / "one.txt"), str(tmp_path / "three.srt"), str(tmp_path / "two.srt"), "--to", "vtt", "--out-dir", str(out_dir)])
    assert code == 1 and out == ""
    assert sorted(p.name for p in out_dir.iterdir()) == ["one.vtt", "two.vtt"]
    assert f"{tmp_path / 'three.srt'}:6:" in err and "before it starts" in err
    assert transcripts.load(out_dir / "two.vtt").turns[1].paragraphs == ("Hello.",)


def test_out_dir_uses_the_formats_extension(tmp_path):
    src = tmp_path / "ep.transcript.json"
    src.write_text(transcripts.dumps(transcripts.parse(EPISODE), "podcast-json"), encoding="utf-8")
    for fmt, name in (("chapters", "ep.chapters.json"), ("markdown", "ep.md"), ("json", "ep.json"), ("html", "ep.html")):
        assert run(["convert", str(src), "--to", fmt, "--out-dir", str(tmp_path / "o")])[0] == 0
        assert (tmp_path / "o" / name).exists()


def test_out_dir_never_overwrites_an_input(tmp_path):
    src = tmp_path / "ep.srt"
    src.write_text(GOOD_SRT, encoding="utf-8")
    code, _, err = run(["convert", str(src), "--to", "srt", "--out-dir", str(tmp_path)])
    assert code == 1 and "overwrite" in err
    assert src.read_text(encoding="utf-8") == GOOD_SRT


@pytest.mark.parametrize(
    "argv",
    [
        ["convert", "a.txt", "b.txt", "--to", "json"],  # several inputs need --out-dir
        ["convert", "a.txt", "--to", "json", "--out-dir", "d", "-o", "x.json"],
        ["convert", "-", "--to", "json", "--out-dir", "d"],
        ["convert", "a.txt", "--to", "json", "--profile", "netflix"],
        ["convert", "a.txt", "--to", "srt", "--profile", "youtube"],
        ["convert", "a.txt", "--to", "srt", "--wpm", "0"],
        ["convert", "a.txt", "--to", "asr-json"],  # read only
    ],
)
def test_usage_errors(argv):
    assert run(argv)[0] == 2


def test_profile_and_wpm(tmp_path):
    src = tmp_path / "ep.txt"
    src.write_text(EPISODE, encoding="utf-8")
    code, out, _ = run(["convert", str(src), "--to", "srt", "--profile", "netflix", "--wpm", "100"])
    assert code == 0
    cues = srt_cues(out)
    assert all(834 <= c.end - c.start <= 7000 for c in cues)
    # 2 words at 100 wpm: 1.2 s (the label is not speech).
    assert (cues[0].start, cues[0].end) == (0, 1200)
    code, out, _ = run(["convert", str(src), "--to", "json", "--wpm", "120"])
    assert [u["timing"] for u in json.loads(out)["turns"]] == ["estimated"] * 3


def test_lenient_warns_and_skips(tmp_path):
    src = tmp_path / "bad.srt"
    src.write_text(BAD_SRT, encoding="utf-8")
    code, out, err = run(["convert", str(src), "--to", "json"])
    assert code == 1 and out == ""
    code, out, err = run(["convert", str(src), "--to", "json", "--lenient"])
    assert code == 0
    assert f"warning: {src}:6:" in err and "cue skipped" in err
    assert [u["paragraphs"] for u in json.loads(out)["turns"]] == [["Hi."]]


def test_from_overrides_detection(tmp_path):
    src = tmp_path / "ep.txt"
    src.write_text(GOOD_SRT, encoding="utf-8")
    _, out, _ = run(["convert", str(src), "--to", "json"])
    assert json.loads(out)["metadata"]["convention"] is None  # read as SRT
    _, out, _ = run(["convert", str(src), "--to", "json", "--from", "text"])
    assert json.loads(out)["metadata"]["source"] == str(src)


def test_drops_are_warned_on_stderr():
    code, out, err = run(["convert", str(EXAMPLES / "tidewater.txt"), "--to", "srt"])
    assert code == 0 and out.startswith("1\n00:00:00,000 --> ")
    assert "srt cannot hold everything" in err
    assert "1 editor note ('[Ada: the ledgers" in err and "7 topics" in err
    code, out, err = run(["convert", str(EXAMPLES / "tidewater.txt"), "--to", "json"])
    assert code == 0 and "cannot hold" not in err


def test_every_format_is_described_in_the_list():
    out = io.StringIO()
    assert main(["convert", "--list-formats"], out=out) == 0
    listed = out.getvalue().split("conventions")[0].splitlines()[1:]
    assert len(listed) == len(transcripts.formats.FORMATS)
    for line in listed:
        name, mode, *rest = line.split()
        assert rest and not rest[-1].startswith("."), f"{name} has no description"
