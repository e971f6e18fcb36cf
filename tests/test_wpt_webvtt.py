"""The WebVTT file-parsing tests of web-platform-tests
(../shared/fixtures/wpt-webvtt: each NAME.vtt with its expected cue count
and cue texts in expected.json) run against ``transcripts.cues``.

Two of the built files cannot give the texts their tests assert, whatever
the parser: the suite builds each file with Python's ``unicode_escape``,
which reads the source's ``\\03`` (meant as NUL then "3") as the octal
escape U+0003, and its ``\\`` at line ends as line continuations, so the
cues of ``newlines`` follow one another with no blank line and the
specification's algorithm keeps the lines "lf", "crlf" and "lfcr" as the
text of the cue before them.  For those two the test pins what the
algorithm gives for the bytes as built, and checks the intended input of
``nulls`` (NUL then "3") against the asserted text.
"""

from __future__ import annotations

import json
import re
import warnings

import pytest

import transcripts

from .conftest import SHARED, shared_path

WPT = SHARED / "fixtures" / "wpt-webvtt"
CASES = sorted(json.loads((WPT / "expected.json").read_text()).items()) if (WPT / "expected.json").exists() else []

#: What the algorithm gives for the bytes as built, where that cannot be
#: the asserted text (see the module's doc).
AS_BUILT = {
    ("newlines", "0"): "text1\nlf",
    ("newlines", "1"): "text2\ncrlf",
    ("newlines", "2"): "text3\nlfcr",
    ("newlines", "3"): "",
    ("nulls", "2"): "\ufffdtext\x03",
}


def _unescape(text: str) -> str:
    return re.sub(r"\\u([0-9A-Fa-f]{4})", lambda m: chr(int(m[1], 16)), text)


def _cues(data: bytes):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", transcripts.SkippedCueWarning)
        return transcripts.cues(data.decode("utf-8"), "vtt")


@pytest.mark.parametrize("name, expected", CASES, ids=[c[0] for c in CASES])
def test_wpt_file_parsing(name, expected):
    found = _cues(shared_path("fixtures", "wpt-webvtt", f"{name}.vtt").read_bytes())
    assert len(found) == expected["cues"]
    for index, text in expected["texts"].items():
        want = AS_BUILT.get((name, index), _unescape(text))
        assert found[int(index)].text == want, (name, index)


def test_wpt_nulls_as_its_source_means_it():
    source = shared_path("fixtures", "wpt-webvtt", "nulls.test").read_text(encoding="utf-8").split("\n===\n", 1)[1]
    meant = source.replace("\\uFFFD", "\ufffd").replace("\\0", "\0").replace("\\\n", "")
    found = _cues(meant.encode("utf-8"))
    assert len(found) == 7 and found[2].text == "\ufffdtext\ufffd3"


def test_skipped_blocks_are_reported_with_their_lines():
    text = shared_path("fixtures", "wpt-webvtt", "timings-too-short.vtt").read_text()
    reading = transcripts.read(text, "vtt", filename="t.vtt")
    # Every malformed timing line is a skipped cue naming its line.
    arrows = [n for n, line in enumerate(text.split("\n"), 1) if "-->" in line]
    assert [(e.filename, e.line) for e in reading.skipped] == [("t.vtt", n) for n in arrows[1:-1]]
    assert [" ".join(u.paragraphs) for u in reading.transcript.turns] == ["text1 text2"]
