"""The command line: streams, files, errors, exit codes."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest

import transcripts
from transcripts.cli import main

from .conftest import EXAMPLES, shared_path

EPISODE = "Ann Lee: Hi.\n\nBo Chen: Hello.\n\nAnn Lee: Bye.\n"


def run(argv, stdin: bytes = b""):
    """Run the CLI in a subprocess, as a user would."""
    p = subprocess.run([sys.executable, "-m", "transcripts", *argv], input=stdin, capture_output=True)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


def test_stdin_to_stdout_json(validate):
    code, out, err = run(["convert", "-", "--to", "json"], EPISODE.encode())
    assert code == 0, err
    doc = json.loads(out)
    validate(doc)
    assert [t["speaker"] for t in doc["turns"]] == ["ann-lee", "bo-chen", "ann-lee"]


def test_file_to_yaml_file(tmp_path):
    src = tmp_path / "ep.txt"
    src.write_text(EPISODE, encoding="utf-8")
    dst = tmp_path / "ep.yaml"
    assert main(["convert", str(src), "--to", "yaml", "-o", str(dst)]) == 0
    assert transcripts.load(dst) == transcripts.load(src)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_json_back_to_yaml_round_trip(tmp_path):
    j = tmp_path / "ep.json"
    assert main(["convert", str(EXAMPLES / "tidewater.txt"), "--to", "json", "-o", str(j)]) == 0
    y = tmp_path / "ep.yaml"
    assert main(["convert", str(j), "--to", "yaml", "-o", str(y)]) == 0
    assert transcripts.load(y) == transcripts.load(j)


def test_missing_file_exit_1():
    code, out, err = run(["convert", "no/such/file.txt", "--to", "json"])
    assert code == 1 and out == ""
    assert "no/such/file.txt" in err


def test_bad_utf8_exit_1_names_line_and_column():
    code, out, err = run(["convert", "-", "--to", "json"], b"Ann Lee: hi\n\xff\n")
    assert code == 1 and out == ""
    assert "<stdin>:2:1:" in err


def test_bad_json_names_file_line(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "transcripts",\n oops}', encoding="utf-8")
    err = io.StringIO()
    assert main(["convert", str(bad), "--to", "yaml"], out=io.StringIO(), err=err) == 1
    assert f"{bad}:2:2:" in err.getvalue()


def test_failure_leaves_existing_output_untouched(tmp_path):
    dst = tmp_path / "out.json"
    dst.write_text("precious", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00")
    assert main(["convert", str(bad), "--to", "json", "-o", str(dst)], err=io.StringIO()) == 1
    assert dst.read_text(encoding="utf-8") == "precious"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.txt", "out.json"]


@pytest.mark.parametrize("argv", [[], ["convert"], ["convert", "x.txt"], ["convert", "x", "--to", "docx"], ["frobnicate"]])
def test_usage_errors_exit_2(argv):
    assert main(argv, out=io.StringIO(), err=io.StringIO()) == 2


def test_version_and_help():
    code, out, _ = run(["--version"])
    assert code == 0 and out.strip() == f"transcripts {transcripts.__version__}"
    code, out, _ = run(["convert", "--help"])
    assert code == 0 and "--to" in out


def test_no_dialogue_is_said_on_stderr():
    path = shared_path("seeds", "000_05dd7dab88daf041.txt")
    code, out, err = run(["convert", str(path), "--to", "json"])
    assert code == 0
    assert "no dialogue found" in err
    assert json.loads(out)["turns"] == []


def test_inspect_prints_what_was_detected():
    out = io.StringIO()
    assert main(["inspect", str(EXAMPLES / "tidewater.txt")], out=out) == 0
    text = out.getvalue()
    assert "convention: name-colon" in text
    assert "Marisol Vega" in text and "guest" in text


def test_acceptance_score_on_seeds():
    score = shared_path("acceptance", "score.py")
    cmd = [sys.executable, str(score), str(shared_path("seeds")), str(shared_path("acceptance", "expected")), "2", "--", sys.executable, "-m", "transcripts", "convert", "{}", "--to", "json"]
    p = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ})
    assert p.returncode == 0, p.stdout + p.stderr
    assert "2/2 cases exact, bonus 6/6" in p.stdout
