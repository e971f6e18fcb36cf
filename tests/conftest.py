"""Shared fixtures: the ../shared material, the JSON Schemas, hypothesis
profiles (`ci`: 200 examples per property; `dev`: 50)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SCHEMAS = ROOT / "schemas"
EXAMPLES = ROOT / "examples"
GOLDEN = Path(__file__).resolve().parent / "golden"

settings.register_profile("ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=50, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: ../shared (seeds, corpus, acceptance) sits beside the checkout in CI")
    return path


@pytest.fixture(scope="session")
def validate():
    """Validate a JSON document against a schema in schemas/ (by file name)."""
    import jsonschema

    cache: dict[str, object] = {}

    def check(doc: object, schema: str = "transcript.schema.json") -> None:
        if schema not in cache:
            cache[schema] = jsonschema.Draft202012Validator(json.loads((SCHEMAS / schema).read_text()))
        cache[schema].validate(doc)  # type: ignore[attr-defined]

    return check


def check_golden(name: str, text: str) -> None:
    """Compare ``text`` with tests/golden/NAME; UPDATE_GOLDEN=1 rewrites it."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path} missing: run UPDATE_GOLDEN=1 pytest"
    assert text == path.read_text(encoding="utf-8")
