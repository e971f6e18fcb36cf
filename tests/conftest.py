"""Shared fixtures: the ../shared material, the JSON Schemas, hypothesis
profiles (`ci`: 200 examples per property; `dev`: 50)."""

from __future__ import annotations

import json
import os
from importlib.resources import files
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SCHEMAS = Path(str(files("transcripts") / "schemas"))  # shipped in the package
EXAMPLES = ROOT / "examples"
GOLDEN = Path(__file__).resolve().parent / "golden"

# CI draws the same examples on every run (a clean clone has no example
# database to replay): a property either holds on them or fails every time,
# never by chance.  Runs by hand draw afresh.  A hundred examples keep the
# suite within five minutes on the shared two-core machine; `make fuzz`
# and the sweeps run longer outside CI.
settings.register_profile(
    "ci", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True, database=None
)
settings.register_profile("dev", max_examples=50, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


#: Why tests of real material skip on a machine without ../shared.
SHARED_ABSENT = "../shared is absent (seeds, corpus, wild, fixtures and acceptance sit beside the checkout in CI)"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(SHARED_ABSENT if not SHARED.exists() else f"{path} is absent")
    return path


def pytest_terminal_summary(terminalreporter) -> None:  # type: ignore[no-untyped-def]
    """One line per reason for what was skipped (pytest's own -rs lists
    every test): without ../shared, one line says so for all of them."""
    reasons: dict[str, int] = {}
    for report in terminalreporter.stats.get("skipped", []):
        longrepr = report.longrepr
        reason = longrepr[2] if isinstance(longrepr, tuple) else str(longrepr)
        reason = reason[len("Skipped: "):] if reason.startswith("Skipped: ") else reason
        if "../shared" in reason and not SHARED.exists():
            reason = SHARED_ABSENT
        reasons[reason] = reasons.get(reason, 0) + 1
    for reason, count in reasons.items():
        terminalreporter.write_line(f"skipped {count} test{'s' if count != 1 else ''}: {reason}")


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
