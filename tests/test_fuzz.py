"""A bounded fuzz run over the command line, with every input format: each
case is a mutated document (tests/fuzzing.py) given to convert, inspect
or check, and must end with exit 0 or 1 and no exception.  ``make fuzz``
runs the same cases by the ten thousand, outside CI."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import transcripts

from .fuzzing import describe, make_case, problem, run_case

FORMATS = transcripts.formats.readable()


@pytest.mark.parametrize("fmt", FORMATS)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(seed=st.integers(0, 2**64))
def test_the_command_line_survives_hostile_input(tmp_path, fmt, seed):
    name, data, argv = make_case(random.Random(seed), fmt, max_size=60_000)
    code, err, exc = run_case(name, data, argv, str(tmp_path))
    found = problem(code, err, exc)
    assert found is None, describe(fmt, seed, name, argv) + "\n" + found
