"""Real transcripts in ../shared/corpus against their ground truth in tests/corpus_expected.

Each ``corpus_expected/<folder>.yaml`` describes a correct parse of the one file in
``../shared/corpus/<folder>/`` in the format of ../shared/acceptance/expected (see its README):
``speakers`` (key -> accepted names, case-insensitive), ``turns`` ([key, paragraph count] per turn,
a list of counts where several are acceptable), ``starts`` (seconds, +-0.5 s), ``in_turns`` /
``not_in_turns`` probes and optionally ``metadata.title``.  The comparison (tests/expect.py) follows score.py.
The expected files were derived by reading the corpus files, not from this parser's output.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
import yaml

import transcripts
from transcripts.cli import main

from .conftest import shared_path
from .expect import mismatches

EXPECTED = Path(__file__).resolve().parent / "corpus_expected"
CASES = sorted(p.stem for p in EXPECTED.glob("*.yaml"))


def corpus_file(folder: str) -> Path:
    """The transcript in ../shared/corpus/<folder>/ (skips when ../shared is absent)."""
    files = [p for p in shared_path("corpus", folder).iterdir() if p.is_file()]
    assert len(files) == 1, f"expected one file in corpus/{folder}, found {[p.name for p in files]}"
    return files[0]


def expected(folder: str) -> dict[str, Any]:
    return yaml.safe_load((EXPECTED / f"{folder}.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("folder", CASES)
def test_corpus_structure(folder: str) -> None:
    path = corpus_file(folder)
    exp = expected(folder)
    t = transcripts.load(path)
    source = path.read_text(encoding="utf-8-sig").splitlines()
    errs = mismatches(t, exp, source)
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
