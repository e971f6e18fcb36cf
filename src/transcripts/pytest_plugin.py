"""A pytest plugin: check episodes from your own test suite.

Installed with the package (entry point ``pytest11``), it gives the
``transcript_check`` fixture::

    def test_ep42(transcript_check):
        transcript_check("episodes/ep42.txt")

The test fails listing the findings of :mod:`transcripts.check`, with line
numbers; it returns the parsed transcript so the test can assert more.  A
relative path is looked for beside the test file, then under pytest's
rootdir.  ``ignore=("long-turn",)`` skips codes for one call; the ini option
``transcripts_check_ignore`` skips them everywhere.

Without the entry point (a checkout on ``PYTHONPATH``), enable it with
``-p transcripts.pytest_plugin`` or ``pytest_plugins =
["transcripts.pytest_plugin"]`` in a conftest.py.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Iterable, Optional, Union

import pytest

from .check import CODES, Document, check_document
from .errors import ParseError
from .model import Transcript
from .parser import read_text

__all__ = ["TranscriptCheck", "pytest_addoption", "transcript_check"]

INI_IGNORE = "transcripts_check_ignore"

#: The fixture's type: ``(path, *, ignore=(), convention=None) -> Transcript``.
TranscriptCheck = Callable[..., Transcript]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini(INI_IGNORE, type="args", default=[], help="finding codes transcript_check skips: " + ", ".join(CODES))


def _resolve(path: Union[str, "os.PathLike[str]"], request: pytest.FixtureRequest) -> Path:
    p = Path(path)
    if p.is_absolute():
        return p
    tried = [Path(request.path).parent / p, Path(request.config.rootpath) / p]
    for candidate in tried:
        if candidate.exists():
            return candidate
    pytest.fail(f"transcript_check: {os.fspath(path)} not found (looked in {', '.join(str(c.parent) for c in tried)})", pytrace=False)
    raise AssertionError("unreachable: pytest.fail raises")  # for type checkers without pytest's types


@pytest.fixture
def transcript_check(request: pytest.FixtureRequest) -> TranscriptCheck:
    """Parse an episode file and fail the test with the findings of
    ``transcripts check``; return the transcript."""
    default_ignore = tuple(request.config.getini(INI_IGNORE))
    unknown = set(default_ignore) - set(CODES)
    if unknown:
        raise pytest.UsageError(f"{INI_IGNORE}: unknown codes {sorted(unknown)}; known: {', '.join(CODES)}")

    def check(path: Union[str, "os.PathLike[str]"], *, ignore: Iterable[str] = (), convention: Optional[str] = None) -> Transcript:
        skip = tuple(ignore) + default_ignore
        bad = set(skip) - set(CODES)
        if bad:
            raise ValueError(f"unknown finding codes {sorted(bad)}; known: {', '.join(CODES)}")
        file = _resolve(path, request)
        try:
            text = read_text(file)
        except ParseError as exc:
            pytest.fail(f"{file}: unreadable: {exc}", pytrace=False)
        doc = Document.parse(text, os.fspath(file), convention)
        findings = check_document(doc, skip)
        if findings:
            lines = "\n".join(f"  {f}" for f in findings)
            pytest.fail(f"{file}: {len(findings)} finding(s) from transcripts check:\n{lines}", pytrace=False)
        return doc.transcript

    return check
