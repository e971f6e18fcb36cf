"""Batch conversion: ``transcripts convert … --out-dir DIR -j N`` on 1,000
small generated episodes, -j 1 against -j 2 (or -j N), interleaved over
rounds with the best time of each kept; the outputs of the two must be
identical, file for file.

Target (issue 10): -j 2 at least 1.8x faster than -j 1 on 2 cores.  The
package's bytecode is compiled first, as an installed package has it (see
``_setup.py``): the start-up a batch pays once is then the program's.

    python bench/bench_batch.py [EPISODES] [ROUNDS] [JOBS]
"""

from __future__ import annotations

import filecmp
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _setup import bytecode  # noqa: E402

PY = sys.executable
NAMES = ["Ann Lee", "Bo Chen", "Carla Díaz", "Dev Patel", "Eli Novak", "Fay Okoro", "Gus Berg", "Hana Sato"]
WORDS = (
    "the harbour river silt storm water boat town wall money people year sand current tide ledger archive "
    "we it they always never often because however and but so then really quite rather"
).split()


def episode(rng: random.Random, n: int) -> str:
    people = rng.sample(NAMES, rng.choice((2, 2, 3)))
    lines = [f"Episode {n}: notes from the harbour", ""]
    for k in range(rng.randint(60, 140)):
        who = people[k % len(people)] if rng.random() < 0.8 else rng.choice(people)
        sentences = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 14))).capitalize() + "." for _ in range(rng.randint(1, 3))]
        lines += [f"{who}: {' '.join(sentences)}", ""]
    return "\n".join(lines)


def run(inputs: list[str], out: str, jobs: int) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the command and its workers)."""
    shutil.rmtree(out, ignore_errors=True)
    cmd = [PY, "-m", "transcripts", "convert", *inputs, "--to", "json", "--out-dir", out, "-j", str(jobs), "-q"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    bytecode()
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    jobs = int(sys.argv[3]) if len(sys.argv) > 3 else 2
    rng = random.Random(10)
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "in")
        os.makedirs(src)
        inputs = []
        for n in range(count):
            path = os.path.join(src, f"ep{n:05d}.txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(episode(rng, n))
            inputs.append(path)
        size = sum(os.path.getsize(p) for p in inputs)
        one, many = [], []
        load = os.getloadavg()[0]
        for _ in range(rounds):
            one.append(run(inputs, os.path.join(tmp, "j1"), 1))
            many.append(run(inputs, os.path.join(tmp, f"j{jobs}"), jobs))
        names = sorted(os.listdir(os.path.join(tmp, "j1")))
        same = names == sorted(os.listdir(os.path.join(tmp, f"j{jobs}"))) and not filecmp.cmpfiles(
            os.path.join(tmp, "j1"), os.path.join(tmp, f"j{jobs}"), names, shallow=False
        )[1:] != ([], [])
    (w1, c1), (wn, cn) = min(one), min(many)
    speedup = w1 / wn
    print(f"batch: {count} episodes ({size / 1e6:.1f} MB) to json, best of {rounds} interleaved rounds, {os.cpu_count()} cores, load {load:.2f} before")
    print(f"  -j 1        {w1:6.2f} s   ({count / w1:6.0f} files/s)  cpu {c1:5.2f} s")
    print(f"  -j {jobs:<8} {wn:6.2f} s   ({count / wn:6.0f} files/s)  cpu {cn:5.2f} s")
    print(f"  speedup     {speedup:6.2f}x  (target >= 1.8x on 2 cores); outputs identical: {'yes' if same else 'NO'}")
    if load > 0.5:
        print("  (other processes were running: the speedup needs the cores free)")
    return 0 if same and speedup >= 1.8 else 1


if __name__ == "__main__":
    raise SystemExit(main())
