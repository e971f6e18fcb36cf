"""Each labelling convention, in short invented episodes (tests/conventions/):
speakers, the speaker and paragraph count of every turn, start times."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import transcripts

from .expect import mismatches

HERE = Path(__file__).resolve().parent / "conventions"
CASES = sorted(p for p in HERE.iterdir() if p.suffix in (".txt", ".md"))


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_convention(path):
    exp = yaml.safe_load(path.with_suffix(".yaml").read_text(encoding="utf-8"))
    t = transcripts.load(path)
    assert mismatches(t, exp) == []


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_convention_survives_crlf_bom_and_nbsp(path):
    """Input hygiene does not change the result."""
    text = path.read_text(encoding="utf-8")
    dirty = "\ufeff" + text.replace(": ", ":\u00a0").replace("\n", "\r\n")
    a, b = transcripts.parse(text), transcripts.parse(dirty)
    assert [(u.speaker, u.paragraphs, u.start) for u in a.turns] == [(u.speaker, u.paragraphs, u.start) for u in b.turns]
