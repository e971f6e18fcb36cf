"""The command line as people use it: every command reads every format,
--from means the format everywhere, the output format from -o's
extension, quiet and verbose batches with a closing line, JSON for
machines, the schemas, and a start-up that imports nothing it does not
need."""

from __future__ import annotations

import io
import os
import json
import subprocess
import sys

import pytest
from hypothesis import given, settings

import transcripts
from transcripts.cli import main
from transcripts.formats import FORMAT_NAMES, FORMATS, readable, writable
from transcripts.formats._registry import READ_ONLY, WRITE_ONLY
from transcripts.formats.jsonfmt import encode
from transcripts.formats._data import to_data
from transcripts.strategies import transcripts as gen_transcripts

from .conftest import EXAMPLES

EPISODE = "Ann Lee: Hi there.\n\nBo Chen: Hello, Ann.\n\nAnn Lee: Bye now.\n"
SRT = "1\n00:00:00,179 --> 00:00:02,000\nTravis: Hi, Ann.\n\n2\n00:00:02,000 --> 00:00:03,500\nAnn: Hello.\n\n3\n00:00:03,500 --> 00:00:05,000\nTravis: Bye.\n"
HTML = "<cite>Travis:</cite>\n<time>0:00</time>\n<p>Hi, Ann.</p>\n<cite>Ann:</cite>\n<time>0:02</time>\n<p>Hello.</p>\n"


def cli(argv, tty: bool = False):
    out = io.StringIO()

    class Err(io.StringIO):
        def isatty(self) -> bool:
            return tty

    err = Err()
    code = main(argv, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def files(tmp_path):
    paths = {}
    for name, text in [("ep.txt", EPISODE), ("ep.srt", SRT), ("ep.html", HTML)]:
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths[name] = str(tmp_path / name)
    return paths


# ---------------------------------------------------------------------------
# inspect and check read any format
# ---------------------------------------------------------------------------


def test_inspect_reads_srt_as_srt(files):
    code, out, err = cli(["inspect", files["ep.srt"]])
    assert code == 0, err
    assert "format:     srt" in out and "title:      1" not in out and "-->" not in out
    assert "travis" in out and "'Travis'" in out and "2 turns" in out


def test_inspect_reads_html_as_html(files):
    code, out, err = cli(["inspect", files["ep.html"]])
    assert code == 0 and "format:     html" in out and "<cite>" not in out and "'Travis'" in out


def test_check_reads_srt_as_srt(files):
    code, out, err = cli(["check", "--json", files["ep.srt"]])
    codes = {f["code"] for f in json.loads(out)}
    assert "unaccounted" not in codes and "unsure" not in codes and "unreadable" not in codes


def test_check_reports_a_bad_cue_as_unreadable(tmp_path):
    bad = tmp_path / "bad.srt"
    bad.write_text(SRT.replace("00:00:03,500 --> 00:00:05,000", "00:00:05,000 --> 00:00:03,500"), encoding="utf-8")
    code, out, err = cli(["check", "--json", str(bad)])
    assert code == 1 and json.loads(out)[0]["code"] == "unreadable" and json.loads(out)[0]["line"] == 10


def test_from_is_the_format_and_convention_the_convention(files):
    code, out, err = cli(["inspect", files["ep.txt"], "--from", "text", "--convention", "name-colon"])
    assert code == 0 and "convention: name-colon" in out
    code, out, err = cli(["inspect", files["ep.txt"], "--from", "name-colon"])
    assert code == 2 and "--from" in err
    code, out, err = cli(["check", files["ep.srt"], "--from", "srt", "--ignore", "not-introduced"])
    assert code == 0, out
    code, out, err = cli(["convert", files["ep.txt"], "--convention", "name-colon", "--to", "json"])
    assert code == 0 and json.loads(out)["metadata"]["convention"] == "name-colon"


def test_inspect_json(files):
    code, out, err = cli(["inspect", "--json", files["ep.srt"]])
    doc = json.loads(out)
    assert code == 0 and doc["format"] == "srt" and doc["turns"] == 3
    assert [(s["name"], s["turns"]) for s in doc["speakers"]] == [("Travis", 2), ("Ann", 1)]
    assert set(doc) >= {"file", "format", "convention", "metadata", "speakers", "topics", "unsure"}
    code, out, err = cli(["inspect", "--json", str(EXAMPLES / "tidewater.txt")])
    doc = json.loads(out)
    assert doc["metadata"]["title"] == "Salt, Silt and the Sea Wall" and doc["topics"] and isinstance(doc["unsure"], list)


# ---------------------------------------------------------------------------
# convert: the format from -o, listing formats
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("name, fmt", [("ep.srt", "srt"), ("ep.vtt", "vtt"), ("ep.chapters.json", "chapters"), ("ep.yml", "yaml"), ("ep.csv", "csv"), ("ep.rttm", "rttm")])
def test_the_output_format_comes_from_the_extension(tmp_path, files, name, fmt):
    dst = tmp_path / "out" / name
    dst.parent.mkdir()
    code, out, err = cli(["convert", files["ep.srt"], "-o", str(dst)])
    assert code == 0, err
    if fmt in readable():
        assert transcripts.read(dst.read_text(encoding="utf-8"), filename=name).format == fmt


def test_an_unknown_extension_is_bad_usage(tmp_path, files):
    code, out, err = cli(["convert", files["ep.txt"], "-o", str(tmp_path / "ep.docx")])
    assert code == 2 and "ep.docx" in err and ".srt" in err and "--to" in err
    assert not (tmp_path / "ep.docx").exists()
    code, out, err = cli(["convert", files["ep.txt"]])
    assert code == 2 and "--to" in err


def test_list_formats_lists_formats_and_conventions():
    code, out, err = cli(["--list-formats"])
    assert code == 0
    for name in FORMAT_NAMES:
        assert f"\n  {name} " in out
    assert "name-colon" in out and "caps-colon" in out
    assert cli(["convert", "--list-formats"])[1] == out


def test_the_static_format_names_match_the_registry():
    assert tuple(FORMATS)[: len(FORMAT_NAMES)] == FORMAT_NAMES  # tests may register more after them
    assert set(READ_ONLY) == set(readable()) - set(writable()) and set(WRITE_ONLY) == set(writable()) - set(readable())


# ---------------------------------------------------------------------------
# Batches: quiet, verbose, progress, closing line, workers
# ---------------------------------------------------------------------------


@pytest.fixture
def batch(tmp_path):
    paths = []
    for k in range(6):
        path = tmp_path / f"ep{k}.txt"
        path.write_text(EPISODE.replace("Bye now.", f"Bye {k}.") + ("\n[Editor: a note.]\n" if k % 2 else ""), encoding="utf-8")
        paths.append(str(path))
    bad = tmp_path / "bad.srt"
    bad.write_text("1\n00:00:09,000 --> 00:00:01,000\nAnn: x\n", encoding="utf-8")
    return paths[:3] + [str(bad)] + paths[3:]


def test_a_batch_ends_with_a_summary_line(tmp_path, batch):
    code, out, err = cli(["convert", *batch, "--to", "srt", "--out-dir", str(tmp_path / "o")])
    assert code == 1
    assert err.splitlines()[-1] == "transcripts: 6 converted, 1 failed, 3 with warnings"
    assert err.count("dropped") == 3 and "  - " not in err  # one line per file, not the list


def test_quiet_prints_errors_only(tmp_path, batch):
    code, out, err = cli(["convert", *batch, "--to", "srt", "--out-dir", str(tmp_path / "o"), "-q"])
    assert code == 1 and err.splitlines() == [line for line in err.splitlines() if "error:" in line] and len(err.splitlines()) == 1


def test_verbose_lists_everything(tmp_path, batch):
    code, out, err = cli(["convert", *batch, "--to", "srt", "--out-dir", str(tmp_path / "o"), "-v"])
    assert "  - 1 editor note" in err and "→" in err


def test_progress_only_on_a_terminal(tmp_path, batch):
    _, _, plain = cli(["convert", *batch, "--to", "json", "--out-dir", str(tmp_path / "a")])
    _, _, tty = cli(["convert", *batch, "--to", "json", "--out-dir", str(tmp_path / "b")], tty=True)
    assert "\r" not in plain and "[" not in plain.split("\n")[0][:1]
    assert "\r" in tty and "7/7" in tty
    assert tty.rstrip().endswith("6 converted, 1 failed, 0 with warnings")


def test_workers_give_the_same_output_and_messages(tmp_path, batch):
    one = cli(["convert", *batch, "--to", "yaml", "--out-dir", str(tmp_path / "j1"), "-j", "1"])
    two = cli(["convert", *batch, "--to", "yaml", "--out-dir", str(tmp_path / "j2"), "-j", "2"])
    assert one[0] == two[0] == 1
    assert one[2].replace("/j1/", "/") == two[2].replace("/j2/", "/")
    names = sorted(p.name for p in (tmp_path / "j1").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "j2").iterdir()) and len(names) == 6
    for name in names:
        assert (tmp_path / "j1" / name).read_bytes() == (tmp_path / "j2" / name).read_bytes()
    import multiprocessing
    import threading

    assert multiprocessing.active_children() == [] and threading.active_count() == 1  # the pool is gone


def test_a_folder_converts_the_files_under_it_into_the_same_places(tmp_path):
    src = tmp_path / "archive"
    (src / "2023").mkdir(parents=True)
    (src / ".cache").mkdir()
    (src / "ep1.txt").write_text(EPISODE, encoding="utf-8")
    (src / "2023" / "ep1.txt").write_text(EPISODE.replace("Bye now.", "Bye then."), encoding="utf-8")
    (src / ".cache" / "ep9.txt").write_text(EPISODE, encoding="utf-8")
    (src / "cover.png").write_bytes(b"\x89PNG")
    (src / ".hidden.txt").write_text(EPISODE, encoding="utf-8")
    code, out, err = cli(["convert", str(src), "--to", "json", "--out-dir", str(tmp_path / "out")])
    assert code == 0, err
    written = sorted(str(p.relative_to(tmp_path / "out")) for p in (tmp_path / "out").rglob("*.json"))
    assert written == [os.path.join("2023", "ep1.json"), "ep1.json"]
    assert "2 converted" in err
    (tmp_path / "empty").mkdir()
    code, out, err = cli(["convert", str(tmp_path / "empty"), "--to", "json", "--out-dir", str(tmp_path / "o2")])
    assert code == 1 and "a folder holding no file" in err
    code, out, err = cli(["convert", str(src), "--to", "json"])
    assert code == 2 and "--out-dir" in err


def test_quiet_and_verbose_together_is_bad_usage(files):
    assert cli(["convert", files["ep.txt"], "--to", "json", "-q", "-v"])[0] == 2


@pytest.mark.parametrize("argv", [["--profile", "bbc"], ["--compact"], ["--rows", "paragraphs"]])
def test_options_for_other_formats_are_bad_usage(files, argv):
    code, out, err = cli(["convert", files["ep.txt"], "--to", "yaml", *argv])
    assert code == 2 and argv[0] in err


# ---------------------------------------------------------------------------
# JSON
# ---------------------------------------------------------------------------


@settings(max_examples=60)
@given(gen_transcripts())
def test_indented_json_is_exactly_what_json_dumps_writes(t):
    data = to_data(t)
    assert encode(data) == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    assert json.loads(encode(data, compact=True)) == data


def test_compact_json(files):
    code, out, err = cli(["convert", files["ep.txt"], "--to", "json", "--compact"])
    assert code == 0 and "\n" not in out.rstrip("\n") and ", " not in out.split('"paragraphs"')[0]
    assert transcripts.loads(out, "json") == transcripts.load(files["ep.txt"])


# ---------------------------------------------------------------------------
# Schemas and packaging
# ---------------------------------------------------------------------------


def test_schema_command_prints_each_shipped_schema():
    for name in transcripts.schema_names():
        code, out, err = cli(["schema", name])
        doc = json.loads(out)
        assert code == 0 and doc["$id"].endswith(f"/{doc['$id'].rsplit('/', 1)[1]}") and doc["$id"].startswith("https://")
    code, out, err = cli(["schema"])
    assert json.loads(out)["title"] == "Transcript"
    code, out, err = cli(["schema", "--list"])
    assert len(out.splitlines()) == 3 and "transcript.schema.json" in out


def test_schemas_are_reachable_with_importlib_resources():
    from importlib.resources import files

    ids = set()
    for name in ("transcript", "podcast-transcript", "podcast-chapters"):
        doc = json.loads((files("transcripts") / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
        ids.add(doc["$id"])
        assert doc == transcripts.schema(name)
    assert len(ids) == 3


def test_import_and_version_import_nothing_heavy():
    code = (
        "import sys, transcripts; "
        "from transcripts.cli import main; "
        "main(['--version']); "
        "heavy = [m for m in ('transcripts.parser', 'transcripts.formats', 'transcripts.model', 'yaml', 'regex', 'attr', 'json') if m in sys.modules]; "
        "print(heavy)"
    )
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert p.stdout.strip().endswith("[]"), p.stdout + p.stderr


def test_the_public_names_load_on_first_use():
    p = subprocess.run([sys.executable, "-c", "import transcripts as t; print(t.parse('Ann: Hi.\\n\\nBo: Yo.\\n\\nAnn: Bye.').turns[0].speaker, t.ParseError.__name__, 'dumps' in dir(t))"], capture_output=True, text=True)
    assert p.stdout.split() == ["ann", "ParseError", "True"], p.stderr


def test_inspect_suggests_names_for_recogniser_labels_without_applying_them(tmp_path):
    import json as _json

    doc = {
        "speakers": {"spk_0": "spk_0", "spk_1": "spk_1"},
        "segments": [
            {"speakerLabel": "spk_0", "start": 0, "end": 2, "text": "Welcome, I am Ada Lindqvist and this is the show."},
            {"speakerLabel": "spk_1", "start": 2, "end": 4, "text": "Thanks Ada."},
            {"speakerLabel": "spk_0", "start": 4, "end": 6, "text": "Let's start."},
        ],
    }
    path = tmp_path / "ep.json"
    path.write_text(_json.dumps(doc), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert main(["inspect", str(path)], out=out, err=err) == 0
    assert "suggested names" in out.getvalue() and "spk_0 = 'Ada Lindqvist'" in out.getvalue()
    assert "'spk_0'" in out.getvalue()  # the speaker keeps its label: a guess is never applied
    out = io.StringIO()
    assert main(["inspect", "--json", str(path)], out=out, err=err) == 0
    got = _json.loads(out.getvalue())
    assert got["suggested_names"][0]["speaker"] == "spk_0" and got["suggested_names"][0]["name"] == "Ada Lindqvist"


def test_converting_text_to_json_imports_no_yaml_or_web_modules_and_compiles_patterns_on_use():
    code = (
        "import sys, transcripts; "
        "from transcripts import _patterns as P; "
        "transcripts.dumps(transcripts.parse('Ann Lee: Hi.\\n\\nBo Chen: Yo.\\n'), 'json'); "
        "print([m for m in ('yaml', 'xml.sax.saxutils', 'urllib.request', 'http.client') if m in sys.modules]); "
        "deferred = [v for v in vars(P).values() if type(v).__name__ == '_Deferred']; "
        "print(len(deferred), sum('match' in vars(v) for v in deferred))"
    )
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    lines = p.stdout.split("\n")
    assert lines[0] == "[]", p.stdout + p.stderr
    total, compiled = map(int, lines[1].split())
    assert total > 40 and compiled < total  # a short dialogue never needs most of them


def test_a_deferred_pattern_behaves_as_the_pattern():
    from transcripts import _patterns as P

    pattern = P.compile_lazily(r"^(?P<name>[A-Z]\w+):[ ]")
    assert pattern.match("Ann: hi")["name"] == "Ann"
    assert pattern.groupindex == {"name": 1} and pattern.pattern.startswith("^")
    assert pattern.sub("", "Bo: yo") == "yo" and pattern.search("x") is None
