"""Hostile input gets a clear error (exit 1 naming the file and line), and
the JSON/YAML readers refuse what their schema refuses: one regression
test per finding of the reliability review, and properties for the limits
and the validation."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tracemalloc

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

import transcripts
from transcripts import ParseError
from transcripts.cli import main
from transcripts.formats._data import to_data

EPISODE = "Ann Lee: Hi there.\n\nBo Chen: Hello, Ann.\n\nAnn Lee: Bye now.\n"


def run(argv, stdin: bytes = b""):
    """The CLI in a subprocess, as a user runs it."""
    p = subprocess.run([sys.executable, "-m", "transcripts", *argv], input=stdin, capture_output=True, timeout=60)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def cli(argv):
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def doc(**changes):
    d = to_data(transcripts.parse(EPISODE))
    d.update(changes)
    return d


# ---------------------------------------------------------------------------
# Crashes and exit codes
# ---------------------------------------------------------------------------

HUGE = "1" + "0" * 400  # 10**400: no float holds it


@pytest.mark.parametrize(
    "name, text",
    [
        ("ep.json", json.dumps(doc()).replace('"start": null', f'"start": {HUGE}', 1)),
        ("ep.yaml", transcripts.dumps(transcripts.parse(EPISODE), "yaml").replace("start: null", f"start: {HUGE}", 1)),
        ("ep.transcript.json", '{"version": "1.0.0", "segments": [{"speaker": "Ann", "startTime": %s, "endTime": 2, "body": "Hi"}]}' % HUGE),
        ("ep.asr.json", '{"speakers": {"spk_0": "Ann"}, "segments": [{"speakerLabel": "spk_0", "start": %s, "end": 1, "text": "Hi"}]}' % HUGE),
        ("ep.chapters.json", '{"version": "1.2.0", "chapters": [{"startTime": %s, "title": "One"}]}' % HUGE),
    ],
)
def test_huge_integer_times_are_bad_input_not_a_crash(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    code, out, err = run(["convert", str(path), "--to", "json"])
    assert code in (0, 1) and "Traceback" not in err, err
    if code == 1:
        assert str(path) in err


def test_integers_of_more_than_4300_digits_are_exit_1_with_the_line(tmp_path):
    path = tmp_path / "ep.json"
    path.write_text('{\n "format": "transcripts",\n "version": "1.0",\n "x": ' + "9" * 5000 + "}\n", encoding="utf-8")
    code, out, err = run(["convert", str(path), "--to", "yaml"])
    assert code == 1 and "Traceback" not in err and "set_int_max_str_digits" not in err
    assert f"{path}:4:" in err and "4300 digits" in err


@pytest.mark.parametrize("depth", [1_000, 100_000])
def test_deep_nesting_is_exit_1(tmp_path, depth):
    for name, body in [
        ("ep.json", '{"format": "transcripts", "version": "1.9", "extra": ' + "[" * depth + "]" * depth + "}"),
        ("ep.transcript.json", '{"version": "1.0.0", "extra": ' + "[" * depth + "]" * depth + ', "segments": []}'),
        ("ep.yaml", "format: transcripts\nextra: " + "[" * depth + "]" * depth + "\n"),
    ]:
        path = tmp_path / name
        path.write_text(body, encoding="utf-8")
        code, out, err = run(["convert", str(path), "--to", "json"])
        assert code == 1 and "Traceback" not in err and str(path) in err, (name, err[-300:])
        assert "nest" in err


@pytest.mark.parametrize("to", ["json", "yaml", "srt"])
def test_a_lone_surrogate_escape_is_exit_1_for_any_output(tmp_path, to):
    path = tmp_path / "ep.json"
    path.write_text(json.dumps(doc()).replace("Hi there.", "Hi \\ud800 there."), encoding="utf-8")
    code, out, err = run(["convert", str(path), "--to", to])
    assert code == 1 and out == "" and f"{path}:1:" in err and "surrogate" in err


def test_a_surrogate_pair_escape_is_fine():
    text = json.dumps(doc()).replace("Hi there.", "Hi \\ud83d\\ude00 there.")
    assert transcripts.loads(text, "json").turns[0].paragraphs == ("Hi \U0001f600 there.",)


def test_a_lone_surrogate_in_yaml_is_refused():
    for text in ('format: transcripts\nmetadata: {title: "x\\ud800"}\n', 'format: transcripts\nmetadata: {title: "x\ud800"}\n'):
        with pytest.raises(ParseError, match="surrogate|invalid Unicode"):
            transcripts.loads(text, "yaml")


def test_nan_is_not_json():
    text = json.dumps(doc()).replace('"start": null', '"start": NaN', 1)
    with pytest.raises(ParseError, match="NaN is not a JSON number"):
        transcripts.loads(text, "json")


def test_bad_input_is_exit_1_naming_the_file_not_exit_2(tmp_path):
    # A value error deep in a reader (here an impossible date in YAML) is
    # bad input, not bad usage.
    path = tmp_path / "ep.yaml"
    path.write_text("format: transcripts\nmetadata:\n  title: !!timestamp 2020-13-45\n", encoding="utf-8")
    code, out, err = run(["convert", str(path), "--to", "json"])
    assert code == 1 and str(path) in err and "Traceback" not in err


def test_check_goes_on_after_a_file_a_reader_cannot_handle(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: transcripts\nmetadata: {title: !!timestamp 2020-13-45}\n", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(EPISODE, encoding="utf-8")
    code, out, err = cli(["check", "--json", str(bad), str(good)])
    findings = json.loads(out)
    assert code == 1 and findings[0]["file"] == str(bad) and findings[0]["code"] == "unreadable"
    assert {f["file"] for f in findings} == {str(bad), str(good)}  # the good file was still checked


# ---------------------------------------------------------------------------
# YAML amplification
# ---------------------------------------------------------------------------


def _laughs(levels: int = 9, width: int = 10) -> str:
    lines = ["format: transcripts", "a0: &a0 [" + ", ".join(["lol"] * width) + "]"]
    for k in range(1, levels):
        lines.append(f"a{k}: &a{k} [" + ", ".join([f"*a{k - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


def test_yaml_alias_amplification_is_refused_quickly_and_in_little_memory():
    text = _laughs()
    tracemalloc.start()
    try:
        with pytest.raises(ParseError, match="aliases expand the document"):
            transcripts.loads(text, "yaml")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 5_000_000


def test_modest_yaml_aliases_are_fine():
    y = transcripts.dumps(transcripts.parse(EPISODE), "yaml")
    y = y.replace("aliases: []", "aliases: &none []", 1)
    assert transcripts.loads(y, "yaml") == transcripts.parse(EPISODE)


@given(st.integers(1, 12), st.integers(2, 12))
def test_yaml_expansion_is_bounded(levels, width):
    text = _laughs(levels, width)
    expanded = width ** levels * 4
    try:
        transcripts.loads(text, "yaml")
    except ParseError as exc:
        assert "aliases expand" in exc.message or "unknown key" in exc.message
        assert exc.line is not None
    else:  # pragma: no cover - the document has keys no transcript has
        assert expanded < 10 * len(text) + 10_000


# ---------------------------------------------------------------------------
# Validation on reading: what the schema refuses, and what it cannot say
# ---------------------------------------------------------------------------

T = {
    "format": "transcripts",
    "version": "1.0",
    "metadata": {"title": "T", "truncated": False},
    "speakers": [{"id": "ann", "name": "Ann", "aliases": [], "role": "host"}, {"id": "bo", "name": "Bo", "aliases": [], "role": "guest"}],
    "turns": [
        {"index": 0, "speaker": "ann", "paragraphs": ["Hi."], "start": 0.0, "end": 1.5},
        {"index": 1, "speaker": "bo", "paragraphs": ["Hello."], "start": 1.5, "end": 3.0},
    ],
    "topics": [{"title": "Greeting", "turns": [0, 1]}],
    "blocks": [{"kind": "note", "text": "[edited]", "turn": 1}],
}


def _mutated(path, value):
    d = json.loads(json.dumps(T))
    *head, last = path
    target = d
    for part in head:
        target = target[part]
    if value is KeyError:
        del target[last]
    else:
        target[last] = value
    return d


# (path, new value, the path named in the error, whether the schema refuses it too)
MUTATIONS = [
    (("turns", 1, "index"), -1, "turns[1].index", True),
    (("turns", 1, "index"), 0, "turns[1].index", False),  # duplicate
    (("turns", 0, "speaker"), "cy", "turns[0].speaker", False),  # no such speaker
    (("speakers", 1, "id"), "ann", "speakers[1].id", False),  # duplicate id
    (("speakers", 0, "id"), "", "speakers[0].id", True),
    (("topics", 0, "turns"), [0, 7], "topics[0].turns[1]", False),
    (("blocks", 0, "turn"), 9, "blocks[0].turn", False),
    (("turns", 0, "end"), -2, "turns[0].end", False),  # ends before it starts (seconds may be negative)
    (("turns", 1, "end"), 1.0, "turns[1].end", False),  # ends before it starts
    (("version",), "2.0", "version", True),
    (("version",), "one", "version", True),
    (("format",), "podcast", "format", True),
    (("turns", 0, "lines"), {"start": 5, "end": 2}, "turns[0].lines", False),
    (("turns", 0, "lines"), {"start": 0, "end": 2}, "turns[0].lines.start", True),
    (("turns", 0, "paragraph"), ["typo"], "turns[0].paragraph", True),  # unknown key
    (("metadata", "truncated"), "no", "metadata.truncated", True),
    (("turns", 0, "start"), True, "turns[0].start", True),
    (("turns", 0, "timing"), "guessed", "turns[0].timing", True),
]


def test_the_valid_document_is_valid(validate):
    validate(T)
    assert len(transcripts.loads(json.dumps(T), "json").turns) == 2


@pytest.mark.parametrize("fmt", ["json", "yaml"])
@pytest.mark.parametrize("path, value, named, schema_refuses", MUTATIONS)
def test_the_reader_refuses_with_path_and_line(validate, fmt, path, value, named, schema_refuses):
    import jsonschema

    d = _mutated(path, value)
    text = json.dumps(d, indent=2) if fmt == "json" else yaml.safe_dump(d, sort_keys=False)
    with pytest.raises(ParseError) as info:
        transcripts.loads(text, fmt, filename="ep." + fmt)
    err = info.value
    assert err.message.startswith(named + ":"), err.message
    assert err.filename == "ep." + fmt and err.line is not None and err.column is not None
    if schema_refuses:
        with pytest.raises(jsonschema.ValidationError):
            validate(d)


def test_a_later_minor_version_may_have_more_keys():
    d = _mutated(("turns", 0, "gestures"), [{"w": "Hi."}])
    d["version"] = "1.7"
    assert transcripts.loads(json.dumps(d), "json").turns[0].paragraphs == ("Hi.",)


def test_error_line_points_at_the_offending_value():
    text = json.dumps(_mutated(("turns", 1, "speaker"), "nobody"), indent=2)
    with pytest.raises(ParseError) as info:
        transcripts.loads(text, "json")
    assert '"nobody"' in text.splitlines()[info.value.line - 1]


# ---------------------------------------------------------------------------
# Option ranges
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("wpm", ["1e-5", "0", "-3", "5000", "inf", "nan", "x"])
def test_wpm_out_of_range_is_bad_usage(tmp_path, wpm):
    src = tmp_path / "ep.txt"
    src.write_text(EPISODE, encoding="utf-8")
    code, out, err = cli(["convert", str(src), "--to", "srt", "--wpm", wpm])
    assert code == 2 and out == "" and "--wpm" in err


def test_wpm_out_of_range_in_the_library():
    t = transcripts.parse(EPISODE)
    with pytest.raises(ValueError, match="words per minute"):
        transcripts.convert(t, "srt", wpm=1e-5)


@given(st.floats(20, 1000))
def test_estimated_times_in_range_read_back(wpm):
    t = transcripts.parse(EPISODE)
    for fmt in ("json", "srt", "vtt"):
        out = transcripts.dumps(t, fmt, wpm=wpm)
        transcripts.loads(out, fmt)
