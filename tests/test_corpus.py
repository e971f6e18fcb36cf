"""Real transcripts in ../shared/corpus against their ground truth in tests/corpus_expected.

Each ``corpus_expected/<folder>.yaml`` describes a correct parse of the one file in
``../shared/corpus/<folder>/`` in the format of ../shared/acceptance/expected (see its README):
``speakers`` (key -> accepted names, case-insensitive), ``turns`` ([key, paragraph count] per turn,
a list of counts where several are acceptable), ``starts`` (seconds, +-0.5 s), ``in_turns`` /
``not_in_turns`` probes and optionally ``metadata.title``.  The comparison follows score.py.
The expected files were derived by reading the corpus files, not from this parser's output.
"""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml

import transcripts
from transcripts.cli import main

from .conftest import shared_path

EXPECTED = Path(__file__).resolve().parent / "corpus_expected"
CASES = sorted(p.stem for p in EXPECTED.glob("*.yaml"))


def norm(s: object) -> str:
    return " ".join(unicodedata.normalize("NFC", str(s)).casefold().split())


def corpus_file(folder: str) -> Path:
    """The transcript in ../shared/corpus/<folder>/ (skips when ../shared is absent)."""
    files = [p for p in shared_path("corpus", folder).iterdir() if p.is_file()]
    assert len(files) == 1, f"expected one file in corpus/{folder}, found {[p.name for p in files]}"
    return files[0]


def expected(folder: str) -> dict[str, Any]:
    return yaml.safe_load((EXPECTED / f"{folder}.yaml").read_text(encoding="utf-8"))


def _source_line(lines: list[str], turn: Any) -> str:
    span = getattr(turn, "lines", None)
    if span is None:
        return "(no source lines)"
    text = lines[span.start - 1].strip() if 0 < span.start <= len(lines) else ""
    if len(text) > 80:
        text = text[:77] + "..."
    return f"lines {span.start}-{span.end}: {text!r}"


def compare(t: transcripts.Transcript, exp: dict[str, Any], source: list[str]) -> list[str]:
    """Differences between a parsed transcript and its expected structure, score.py's way."""
    errs: list[str] = []
    names = {s.id: s.name for s in t.speakers}
    used = {turn.speaker for turn in t.turns}
    key_of: dict[str, str] = {}
    for key, accepted in (exp.get("speakers") or {}).items():
        want = {norm(n) for n in accepted}
        hits = sorted(sid for sid in used if sid in names and norm(names[sid]) in want)
        if len(hits) != 1:
            errs.append(f"speaker {key} {accepted}: {len(hits)} matches among {sorted(names.get(s, s) for s in used)}")
        for h in hits:
            key_of[h] = key
    extra = sorted(names.get(s, s) for s in used if s not in key_of)
    if extra:
        errs.append(f"unexpected speakers {extra}")

    got = [(key_of.get(turn.speaker, "?"), len(turn.paragraphs)) for turn in t.turns]
    want = exp.get("turns") or []
    if len(got) != len(want):
        errs.append(f"{len(got)} turns, want {len(want)}")
    for i, (turn, (gk, gp), (wk, wp)) in enumerate(zip(t.turns, got, want)):
        okp = gp in wp if isinstance(wp, list) else gp == wp
        if gk != wk or not okp:
            who = names.get(turn.speaker, turn.speaker)
            errs.append(
                f"first mismatch at turn {i}: got ({gk} = {who!r}, {gp} paragraphs), want ({wk}, {wp}); "
                f"{_source_line(source, turn)}"
            )
            break

    if "starts" in exp and len(t.turns) == len(exp["starts"]):
        for i, (turn, s) in enumerate(zip(t.turns, exp["starts"])):
            st = turn.start
            if not isinstance(st, (int, float)) or abs(st - s) > 0.5:
                errs.append(f"turn {i} start {st!r}, want {s}; {_source_line(source, turn)}")
                break

    text = "\n".join(p for turn in t.turns for p in turn.paragraphs)
    for s in exp.get("not_in_turns") or []:
        if s in text:
            errs.append(f"turn text holds {s!r}")
    for s in exp.get("in_turns") or []:
        if s not in text:
            errs.append(f"turn text lacks {s!r}")

    title = (exp.get("metadata") or {}).get("title")
    if title is not None and norm(t.metadata.title or "") != norm(title):
        errs.append(f"metadata.title {t.metadata.title!r}, want {title!r}")
    return errs


@pytest.mark.parametrize("folder", CASES)
def test_corpus_structure(folder: str) -> None:
    path = corpus_file(folder)
    exp = expected(folder)
    t = transcripts.load(path)
    source = path.read_text(encoding="utf-8-sig").splitlines()
    errs = compare(t, exp, source)
    assert not errs, f"{folder}/{path.name}:\n  " + "\n  ".join(errs)


@pytest.mark.parametrize("folder", CASES)
def test_corpus_inspect(folder: str) -> None:
    path = corpus_file(folder)
    out, err = io.StringIO(), io.StringIO()
    code = main(["inspect", str(path)], out=out, err=err)
    assert code == 0, f"inspect {folder}/{path.name} exited {code}: {err.getvalue()[-500:]}"


def test_expected_files_are_well_formed() -> None:
    """Every turn names a declared speaker, every declared speaker has a turn, starts line up."""
    assert CASES, "no expected files in tests/corpus_expected"
    for folder in CASES:
        exp = expected(folder)
        keys = set(exp["speakers"])
        used = {k for k, _ in exp["turns"]}
        assert used == keys, (folder, used ^ keys)
        for _, n in exp["turns"]:
            assert all(isinstance(x, int) and x >= 0 for x in (n if isinstance(n, list) else [n])), (folder, n)
        if "starts" in exp:
            assert len(exp["starts"]) == len(exp["turns"]), folder
        for s in (exp.get("in_turns") or []) + (exp.get("not_in_turns") or []):
            assert 0 < len(s) <= 60, (folder, s)
