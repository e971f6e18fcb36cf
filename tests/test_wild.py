"""Real transcripts in ../shared/wild against expected structure established by reading them.

Each ``wild_expected/<publisher>/<name>.yaml`` names its file (``file: <publisher>/<file name>``,
relative to ../shared/wild) and describes a correct parse in the format of
../shared/acceptance/expected (see tests/test_corpus.py and tests/expect.py): ``speakers``,
``turns`` ([key, paragraph count] per turn), optional ``starts``, ``in_turns``/``not_in_turns``
probes and ``metadata.title``.  The files were written by reading the transcripts (with
independent label counts), not from this parser's output; each says in its comments how.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

import transcripts

from .conftest import shared_path
from .expect import mismatches

EXPECTED = Path(__file__).resolve().parent / "wild_expected"
CASES = sorted(str(p.relative_to(EXPECTED).with_suffix("")) for p in EXPECTED.glob("*/*.yaml"))


def expected(case: str) -> dict[str, Any]:
    return yaml.safe_load((EXPECTED / f"{case}.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES)
def test_wild_structure(case: str) -> None:
    exp = expected(case)
    path = shared_path("wild", *exp["file"].split("/"))
    t = transcripts.load(path)
    source = path.read_bytes().decode("utf-8", "replace").splitlines()
    errs = mismatches(t, exp, source)
    assert not errs, f"{exp['file']}:\n  " + "\n  ".join(errs)


def test_wild_expected_well_formed() -> None:
    """Every turn names a declared speaker, every declared speaker speaks, starts line up."""
    for case in CASES:
        exp = expected(case)
        assert isinstance(exp.get("file"), str) and exp["file"].split("/")[0] == case.split("/")[0], case
        keys = set(exp["speakers"] or {})
        used = {k for k, _ in exp["turns"] or []}
        assert used == keys, (case, used ^ keys)
        for _, n in exp["turns"] or []:
            assert all(isinstance(x, int) and x >= 0 for x in (n if isinstance(n, list) else [n])), (case, n)
        if "starts" in exp:
            assert len(exp["starts"]) == len(exp["turns"]), case
        for s in (exp.get("in_turns") or []) + (exp.get("not_in_turns") or []):
            assert 0 < len(s) <= 60, (case, s)
