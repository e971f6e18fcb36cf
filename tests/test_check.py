"""``transcripts check``: each invariant on a small episode, the command
line, and the findings on ../shared (each explained in the README)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import attrs
import pytest

from transcripts import Block, Span, Speaker, Transcript, Turn
from transcripts.check import (
    CODES,
    Document,
    Finding,
    check_file,
    check_text,
    empty_turns,
    long_turns,
    not_introduced,
    single_labels,
    times_backwards,
    unaccounted,
)
from transcripts.cli import main

from .conftest import EXAMPLES, SHARED

ANN, BO, CY = Speaker("ann", "Ann Lee"), Speaker("bo", "Bo Chen"), Speaker("cy", "Cy Dee")


def _doc(turns, speakers=(ANN, BO), blocks=(), text="") -> Document:
    return Document("ep.txt", text, Transcript(speakers=speakers, turns=turns, blocks=blocks))


def _turn(i, who, *paras, start=None, line=None):
    line = line or 2 * i + 1
    return Turn(i, who, paras, start=start, lines=Span(line, line))


def _codes(findings):
    return [(f.line, f.code) for f in findings]


def test_a_clean_episode_has_no_findings():
    assert check_file(EXAMPLES / "tidewater.txt") == ()


def test_unaccounted_lines_are_reported_as_runs():
    text = "Ann Lee: Hi.\n\nlost\nlost too\n\nBo Chen: Hello.\n\n\u00a0\n[note]\n"
    turns = (_turn(0, "ann", "Hi.", line=1), _turn(1, "bo", "Hello.", line=6))
    doc = _doc(turns, blocks=(Block("note", "[note]", Span(9, 9)),), text=text)
    assert [(f.line, f.message) for f in unaccounted(doc)] == [(3, "lines 3-4 in no turn, block or event")]


def test_a_speaker_labelled_once_is_reported():
    turns = tuple(_turn(i, w, "Words here.") for i, w in enumerate(["ann", "bo", "ann", "cy", "bo"]))
    assert _codes(single_labels(_doc(turns, (ANN, BO, CY)))) == [(7, "single-label")]


def test_single_labels_need_a_dialogue_of_some_length():
    turns = (_turn(0, "ann", "Hi."), _turn(1, "bo", "Hello."), _turn(2, "ann", "Bye."))
    assert list(single_labels(_doc(turns))) == []


def test_a_speaker_named_nowhere_is_not_introduced():
    turns = (_turn(0, "ann", "Welcome, Bo."), _turn(1, "bo", "Thanks."), _turn(2, "cy", "Anyway."))
    found = list(not_introduced(_doc(turns, (ANN, BO, CY))))
    assert [(f.line, f.message) for f in found] == [(1, "'Ann Lee' is named nowhere but in their labels"), (5, "'Cy Dee' is named nowhere but in their labels")]
    intro = (Block("prose", "My guests are Cy Dee and Ann Lee.", Span(9, 9)),)
    assert list(not_introduced(_doc(turns, (ANN, BO, CY), intro))) == []


def test_names_in_cjk_script_are_found_inside_text():
    wei = Speaker("wei", "张伟")
    turns = (_turn(0, "ann", "欢迎张伟。"), _turn(1, "wei", "Thanks, Ann."))
    assert list(not_introduced(_doc(turns, (ANN, wei)))) == []


def test_a_very_long_turn_is_reported():
    long = " ".join(["word"] * 700)
    turns = tuple(_turn(i, "ann" if i % 2 else "bo", long if i == 3 else "A few words.") for i in range(6))
    assert _codes(long_turns(_doc(turns))) == [(7, "long-turn")]


def test_times_going_backwards_are_reported():
    turns = (_turn(0, "ann", "A.", start=5.0), _turn(1, "bo", "B.", start=None), _turn(2, "ann", "C.", start=4.0), _turn(3, "bo", "D.", start=9.0))
    assert [f.message for f in times_backwards(_doc(turns))] == ["turn 2 starts at 4 s, before turn 0 at 5 s"]


def test_a_turn_without_words_is_reported():
    turns = (_turn(0, "ann"), _turn(1, "bo", "…", "—"), _turn(2, "ann", "Yes."))
    assert _codes(empty_turns(_doc(turns))) == [(1, "empty-turn"), (3, "empty-turn")]


def test_check_text_runs_every_check_in_line_order():
    text = "Ann Lee: Hi, Bo.\n\nBo Chen: Hi, Ann.\n\nAnn Lee: So.\n\nCy Dee: Interesting.\n\nBo Chen: Indeed.\n"
    findings = check_text(text, "ep.txt")
    assert _codes(findings) == [(7, "single-label"), (7, "not-introduced")]
    assert str(findings[0]) == "ep.txt:7: single-label: 'Cy Dee' speaks only once (turn 3): a false speaker, or labels missed elsewhere"
    assert check_text(text, "ep.txt", ignore=["single-label", "not-introduced"]) == ()
    assert all(f.code in CODES for f in findings)


def test_unreadable_files_are_findings(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Ann Lee: hi\n\xff\n")
    assert _codes(check_file(bad)) == [(2, "unreadable")]
    assert _codes(check_file(tmp_path / "missing.txt")) == [(None, "unreadable")]


# ---------------------------------------------------------------------------
# The command line
# ---------------------------------------------------------------------------


def _run(argv):
    out, err = io.StringIO(), io.StringIO()
    return main(argv, out=out, err=err), out.getvalue(), err.getvalue()


def test_cli_exit_0_when_clean():
    assert _run(["check", str(EXAMPLES / "tidewater.txt")]) == (0, "", "")


def test_cli_exit_1_with_findings_and_json(tmp_path):
    ep = tmp_path / "ep.txt"
    ep.write_text("Ann Lee: Hi, Bo.\n\nBo Chen: Hi, Ann.\n\nAnn Lee: So.\n\nCy Dee: Interesting.\n\nBo Chen: Indeed.\n", encoding="utf-8")
    code, out, err = _run(["check", str(ep), str(EXAMPLES / "tidewater.txt")])
    assert code == 1
    assert out.splitlines()[0].startswith(f"{ep}:7: single-label: ")
    assert err == "transcripts: 2 finding(s) in 1 of 2 file(s)\n"
    code, out, _ = _run(["check", "--json", str(ep)])
    assert code == 1
    assert json.loads(out)[1] == {"file": str(ep), "line": 7, "code": "not-introduced", "message": "'Cy Dee' is named nowhere but in their labels"}
    assert _run(["check", "--ignore", "single-label", "--ignore", "not-introduced", str(ep)])[0] == 0


def test_cli_usage_errors_exit_2():
    assert _run(["check"])[0] == 2
    assert _run(["check", "--ignore", "nonsense", "x.txt"])[0] == 2


# ---------------------------------------------------------------------------
# ../shared: every finding is explained in the README ("Checking episodes")
# ---------------------------------------------------------------------------

#: (file, line, code) of each finding on ../shared, as the README explains them.
SEED4 = "seeds/004_2352aee58a9223cc.txt"
BIDEN = "corpus/allcaps_colon/wh-biden-press-conference-2021-03-25.md"
SPACELOG = "corpus/bracket_timestamp_line_callsign/spacelog-mercury-redstone4-ATG.txt"
GOTIME = "corpus/markdown_bold/changelog-gotime-104.md"
OTTER = "corpus/otter_export/ladybug-62-security.md"
ORBITFM = "corpus/timestamp_bold_label/orbitfm-bookbytes-005.txt"
TRUMP_MODI = "corpus/web_page_dump_markdown/wh-trump-modi-joint-press-conference-2025-02-13.md"
EXPECTED: list[tuple[str, int, str]] = [
    (SEED4, 306, "unsure"),
    (SEED4, 308, "unsure"),
    (BIDEN, 72, "not-introduced"),
    (BIDEN, 145, "long-turn"),
    (BIDEN, 221, "empty-turn"),
    (BIDEN, 698, "long-turn"),
    (BIDEN, 771, "long-turn"),
    (BIDEN, 910, "long-turn"),
    (BIDEN, 945, "unsure"),
    (SPACELOG, 3, "single-label"),
    (SPACELOG, 3, "not-introduced"),
    (SPACELOG, 9, "not-introduced"),
    (SPACELOG, 92, "single-label"),
    (SPACELOG, 176, "not-introduced"),
    (SPACELOG, 494, "not-introduced"),
    (SPACELOG, 497, "not-introduced"),
    (SPACELOG, 576, "single-label"),
    (SPACELOG, 576, "not-introduced"),
    (GOTIME, 99, "long-turn"),
    (GOTIME, 115, "long-turn"),
    (GOTIME, 151, "long-turn"),
    (GOTIME, 173, "long-turn"),
    (GOTIME, 191, "long-turn"),
    (OTTER, 7, "not-introduced"),
    (OTTER, 19, "single-label"),
    (OTTER, 22, "not-introduced"),
    (ORBITFM, 7, "time-backwards"),
    (ORBITFM, 29, "empty-turn"),
    (ORBITFM, 35, "long-turn"),
    (ORBITFM, 71, "long-turn"),
    (ORBITFM, 79, "empty-turn"),
    (ORBITFM, 101, "single-label"),
    (ORBITFM, 101, "empty-turn"),
    (ORBITFM, 135, "empty-turn"),
    (ORBITFM, 141, "long-turn"),
    (TRUMP_MODI, 26, "long-turn"),
    (TRUMP_MODI, 144, "long-turn"),
    (TRUMP_MODI, 259, "not-introduced"),
    (TRUMP_MODI, 650, "long-turn"),
    (TRUMP_MODI, 720, "single-label"),
    (TRUMP_MODI, 720, "not-introduced"),
    (TRUMP_MODI, 722, "empty-turn"),
]


def _shared_files() -> list[Path]:
    files = sorted(SHARED.glob("seeds/*")) + sorted(SHARED.glob("corpus/*/*"))
    return [p for p in files if p.suffix in (".txt", ".md")]


def test_findings_on_shared_material_are_the_explained_ones():
    files = _shared_files()
    if not files:
        pytest.skip("../shared is absent")
    got = [(str(Path(f.file).relative_to(SHARED)), f.line, f.code) for p in files for f in check_file(p)]
    assert got == EXPECTED, "the findings on ../shared changed: explain each in README.md (Checking episodes) and update EXPECTED"


def test_finding_is_plain_data():
    f = Finding("ep.txt", None, "unreadable", "gone")
    assert str(f) == "ep.txt: unreadable: gone"
    assert attrs.asdict(f) == {"file": "ep.txt", "line": None, "code": "unreadable", "message": "gone"}
