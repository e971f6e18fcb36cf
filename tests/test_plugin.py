"""The pytest plugin in a throwaway test directory, and the example that
property-tests a custom parser with ``episodes()``."""

from __future__ import annotations

from importlib.metadata import entry_points

import pytest

from .conftest import EXAMPLES

pytest_plugins = ["pytester"]

PLUGIN = "transcripts.pytest_plugin"

CLEAN = "Ann Lee: Welcome, Bo.\n\nBo Chen: Thanks, Ann.\n\nAnn Lee: Shall we?\n\nBo Chen: Yes.\n"
#: Cy Dee speaks once and nobody names him: two findings on line 7.
FLAWED = "Ann Lee: Welcome, Bo.\n\nBo Chen: Thanks, Ann.\n\nAnn Lee: Shall we?\n\nCy Dee: Interesting.\n\nBo Chen: Yes.\n"


def _installed() -> bool:
    """Whether the package's pytest11 entry point is installed (an
    editable install in .venv); from a checkout on PYTHONPATH it is not."""
    return any(ep.name == PLUGIN for ep in entry_points(group="pytest11"))


def _run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    enable = () if _installed() else ("-p", PLUGIN)
    return pytester.runpytest(*enable, "-p", "no:cacheprovider", *args)


def test_fixture_passes_on_a_clean_episode_and_returns_the_transcript(pytester):
    pytester.mkdir("episodes")
    (pytester.path / "episodes" / "ep41.txt").write_text(CLEAN, encoding="utf-8")
    pytester.makepyfile(
        test_ep41="""
        def test_ep41(transcript_check):
            t = transcript_check("episodes/ep41.txt")
            assert [s.name for s in t.speakers] == ["Ann Lee", "Bo Chen"]
        """
    )
    _run(pytester).assert_outcomes(passed=1)


def test_fixture_fails_listing_the_findings(pytester):
    pytester.mkdir("episodes")
    (pytester.path / "episodes" / "ep42.txt").write_text(FLAWED, encoding="utf-8")
    pytester.makepyfile(
        test_ep42="""
        def test_ep42(transcript_check):
            transcript_check("episodes/ep42.txt")

        def test_ep42_ignoring(transcript_check):
            transcript_check("episodes/ep42.txt", ignore=("single-label", "not-introduced"))
        """
    )
    result = _run(pytester)
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(
        [
            "*ep42.txt: 2 finding(s) from transcripts check:",
            "*ep42.txt:7: single-label: 'Cy Dee' speaks only once (turn 3)*",
            "*ep42.txt:7: not-introduced: 'Cy Dee' is named nowhere but in their labels",
        ]
    )


def test_ini_option_ignores_codes_everywhere(pytester):
    (pytester.path / "ep42.txt").write_text(FLAWED, encoding="utf-8")
    pytester.makeini("[pytest]\ntranscripts_check_ignore = single-label not-introduced\n")
    pytester.makepyfile(test_ep="def test_ep(transcript_check):\n    transcript_check('ep42.txt')\n")
    _run(pytester).assert_outcomes(passed=1)


def test_paths_beside_the_test_file_and_missing_files(pytester):
    sub = pytester.mkdir("shows")
    (sub / "ep1.txt").write_text(CLEAN, encoding="utf-8")
    (sub / "ep2.txt").write_bytes(b"Ann Lee: hi\n\xff\n")
    (sub / "test_show.py").write_text(
        "def test_beside(transcript_check):\n    transcript_check('ep1.txt')\n\n"
        "def test_missing(transcript_check):\n    transcript_check('nope.txt')\n\n"
        "def test_undecodable(transcript_check):\n    transcript_check('ep2.txt')\n",
        encoding="utf-8",
    )
    result = _run(pytester)
    result.assert_outcomes(passed=1, failed=2)
    result.stdout.fnmatch_lines(["*transcript_check: nope.txt not found*", "*ep2.txt: unreadable: *not UTF-8 text*"])


def test_example_property_tests_a_custom_parser(pytester):
    """examples/test_my_parser.py, run as a user would in their project."""
    for name in ("my_parser.py", "test_my_parser.py"):
        (pytester.path / name).write_text((EXAMPLES / name).read_text(encoding="utf-8"), encoding="utf-8")
    result = pytester.runpytest("-p", "no:cacheprovider", "test_my_parser.py", "--hypothesis-seed=0")
    result.assert_outcomes(passed=2)
