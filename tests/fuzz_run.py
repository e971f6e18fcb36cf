"""The long fuzz run (``make fuzz``): CASES cases over every reader and the
three commands, in worker processes watched by this one.  A case fails on
an exception, an exit status other than 0 or 1, a traceback on stderr, or
taking longer than TIMEOUT seconds (its worker is killed and replaced).
Failing cases are written to fuzz-failures/ to be replayed:

    python tests/fuzz_run.py [--cases 10000] [--seed 1] [--jobs 2] [--timeout 10]
    python tests/fuzz_run.py --replay fuzz-failures/case-1-123.bin   (its argv is in the .txt beside it)

Exit status 0 when every case passed, 1 otherwise.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from tests.fuzzing import describe, make_case, problem, run_case  # noqa: E402


def _worker(seed: int, indexes: list[int], conn) -> None:  # type: ignore[no-untyped-def]
    with tempfile.TemporaryDirectory() as folder:
        for i in indexes:
            rng = random.Random(f"{seed}:{i}")
            name, data, argv = make_case(rng, long_run=True)
            conn.send(("start", i))
            code, err, exc = run_case(name, data, argv, folder)
            conn.send(("done", i, code, problem(code, err, exc)))
    conn.send(("exit", None))


def _save(out: str, seed: int, i: int, why: str) -> None:
    os.makedirs(out, exist_ok=True)
    name, data, argv = make_case(random.Random(f"{seed}:{i}"), long_run=True)
    with open(os.path.join(out, f"case-{seed}-{i}.bin"), "wb") as f:
        f.write(data)
    with open(os.path.join(out, f"case-{seed}-{i}.txt"), "w", encoding="utf-8") as f:
        f.write(f"{name}\n{' '.join(argv)}\n\n{why}\n")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--cases", type=int, default=10_000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    p.add_argument("--timeout", type=float, default=10.0)
    p.add_argument("--out", default="fuzz-failures")
    p.add_argument("--replay", metavar="FILE")
    args = p.parse_args()
    if args.replay:
        with open(args.replay.replace(".bin", ".txt"), encoding="utf-8") as f:
            name, argv = f.readline().strip(), f.readline().split()
        with open(args.replay, "rb") as f:
            data = f.read()
        with tempfile.TemporaryDirectory() as folder:
            code, err, exc = run_case(name, data, argv, folder)
        print(f"exit {code}\n{err[-3000:]}")
        found = problem(code, err, exc)
        print(found or "passes")
        return 1 if found else 0

    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    todo = list(range(args.cases))
    failures: list[tuple[int, str]] = []
    slowest = (0.0, -1)
    started = time.monotonic()
    done = 0
    workers: dict[object, tuple] = {}

    def spawn(indexes: list[int]) -> None:
        if not indexes:
            return
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_worker, args=(args.seed, indexes, child), daemon=True)
        proc.start()
        child.close()
        workers[parent] = (proc, indexes, None, 0.0)

    share = [todo[k :: args.jobs] for k in range(args.jobs)]
    for part in share:
        spawn(part)
    from multiprocessing.connection import wait

    while workers:
        ready = wait(list(workers), timeout=0.5)
        now = time.monotonic()
        for conn in ready:
            proc, indexes, current, since = workers[conn]
            try:
                msg = conn.recv()
            except EOFError:
                proc.join()
                del workers[conn]
                if current is not None:  # the worker died inside a case
                    failures.append((current, f"worker died (exit {proc.exitcode})"))
                    done += 1
                    spawn(indexes[indexes.index(current) + 1 :])
                continue
            if msg[0] == "start":
                workers[conn] = (proc, indexes, msg[1], now)
            elif msg[0] == "done":
                _, i, code, found = msg
                done += 1
                slowest = max(slowest, (now - since, i))
                if found:
                    failures.append((i, found))
                workers[conn] = (proc, indexes, None, now)
                if done % 1000 == 0:
                    print(f"  {done} cases, {len(failures)} failing, {now - started:.0f} s", flush=True)
            else:
                proc.join()
                del workers[conn]
        for conn, (proc, indexes, current, since) in list(workers.items()):
            if current is not None and now - since > args.timeout:
                proc.kill()
                proc.join()
                del workers[conn]
                failures.append((current, f"hang: still running after {args.timeout:g} s"))
                done += 1
                spawn(indexes[indexes.index(current) + 1 :])
    for i, why in failures:
        _save(args.out, args.seed, i, why)
        name, _, argv = make_case(random.Random(f"{args.seed}:{i}"), long_run=True)
        print(describe(args.seed, i, name, argv) + "\n  " + why.strip().splitlines()[-1][:300])
    print(
        f"fuzz: {done} cases (seed {args.seed}) in {time.monotonic() - started:.0f} s; slowest {slowest[0]:.2f} s (case {slowest[1]}); "
        f"{len(failures)} failing" + (f", written to {args.out}/" if failures else "")
    )
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
