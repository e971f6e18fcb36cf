"""The batch's worker processes (transcripts._workers): results in task
order, every task done once, a dead worker's tasks done by the caller, and
nothing left running afterwards."""

from __future__ import annotations

import os
import signal
import threading
import time

import pytest

from transcripts._workers import ordered

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the workers fork")


def _square_with_pid(k: int) -> tuple[int, int]:
    time.sleep(0.001 * (k % 3))
    return k * k, os.getpid()


def _nothing_left() -> bool:
    return threading.active_count() == 1


def test_results_come_in_task_order_from_several_processes():
    got = list(ordered(_square_with_pid, range(200), 3))
    assert [value for value, _ in got] == [k * k for k in range(200)]
    pids = {pid for _, pid in got}
    assert os.getpid() in pids and len(pids) >= 2  # the caller works too
    assert _nothing_left()


def test_one_worker_or_one_task_runs_here():
    assert {pid for _, pid in ordered(_square_with_pid, range(5), 1)} == {os.getpid()}
    assert list(ordered(_square_with_pid, [3], 4)) == [(9, os.getpid())]
    assert list(ordered(_square_with_pid, [], 4)) == []


def _die_on_seven(k: int) -> int:
    if k == 7 and os.getpid() != PARENT:
        os.kill(os.getpid(), signal.SIGKILL)
    return k + 1


PARENT = os.getpid()


def test_a_task_whose_worker_died_is_done_by_the_caller():
    assert list(ordered(_die_on_seven, range(40), 2)) == [k + 1 for k in range(40)]
    assert _nothing_left()


def _fail_on_three(k: int) -> int:
    if k == 3:
        raise ZeroDivisionError("three")
    time.sleep(0.002)
    return k


def test_an_error_is_raised_in_the_caller_and_the_workers_stop():
    # Whichever process meets it first, the caller raises it (a worker's
    # task is done again here).
    with pytest.raises(ZeroDivisionError, match="three"):
        list(ordered(_fail_on_three, range(30), 2))
    assert _nothing_left()


def test_stopping_early_stops_the_workers():
    results = ordered(_square_with_pid, range(500), 2)
    assert next(results)[0] == 0
    results.close()
    assert _nothing_left()
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # every child was reaped


def test_a_batch_whose_groups_do_not_divide_it_gives_each_input_once(tmp_path):
    # 45 inputs on two workers: groups of two, then the last eight one by
    # one; the group before those once reached into them.
    from transcripts.cli import main

    paths = []
    for n in range(45):
        path = tmp_path / f"ep{n:02d}.txt"
        path.write_text(f"Ann Lee: Episode {n} opens.\n\nBo Chen: And closes, {n}.\n", encoding="utf-8")
        paths.append(str(path))
    for jobs in ("1", "2"):
        assert main(["convert", *paths, "--to", "jsonl", "-o", str(tmp_path / f"j{jobs}.jsonl"), "-j", jobs, "-q"]) == 0
    one = (tmp_path / "j1.jsonl").read_text(encoding="utf-8")
    assert one == (tmp_path / "j2.jsonl").read_text(encoding="utf-8")
    import json

    opening = [json.loads(line)["text"] for line in one.splitlines() if "opens" in line]
    assert opening == [f"Episode {n} opens." for n in range(45)]


def _cube(k: int) -> int:
    return k**3


def test_without_fork_a_pool_of_fresh_interpreters_does_the_work(monkeypatch):
    monkeypatch.delattr(os, "fork")
    assert list(ordered(_cube, range(12), 2)) == [k**3 for k in range(12)]
