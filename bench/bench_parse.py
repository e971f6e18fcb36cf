"""Parse a generated ~10 MB transcript with the full parser and, in the
same run, with a naive split-on-"Name:" baseline; print both in MB/s.

Target (issue 2): the full parser at least one third as fast as the naive
baseline.  Run: ``make bench`` or ``python bench/bench_parse.py [MB]``.
Compare the ratio, not the absolute figures: machines are shared and noisy.
"""

from __future__ import annotations

import random
import re
import sys
import time

import transcripts

NAMES = ["Jordan Schneider", "Shashank Joshi", "Michael Horowitz", "Marisol Vega", "Tomás Okafor"]
WORDS = (
    "the war drone harbour silt policy China Ukraine question answer really think know because "
    "which would could about there their people years important actually interesting right"
).split()


def generate(megabytes: float, seed: int = 1) -> str:
    rnd = random.Random(seed)
    parts = [
        "Salt and Steel\n\nTo discuss, we interviewed Shashank Joshi, an editor, and Michael Horowitz, a professor.\n\n"
        "We discuss…\n\n • One thing,\n\n • Another.\n\n"
    ]
    size = 0
    target = int(megabytes * 1_000_000)
    while size < target:
        name = rnd.choice(NAMES)
        for k in range(rnd.choice((1, 1, 1, 2, 3))):
            words = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(20, 90)))
            para = words[:1].upper() + words[1:] + rnd.choice((".", "?", "."))
            chunk = f"{name}: {para}\n\n" if k == 0 else f"{para}\n\n"
            parts.append(chunk)
            size += len(chunk.encode())
    return "".join(parts)


_NAIVE = re.compile(r"^([A-Z][\w .'-]{0,40}): ", re.M)


def naive(text: str) -> list[tuple[str, list[str]]]:
    """What people write first: split on "Name: " at line starts."""
    pieces = _NAIVE.split(text)
    turns = []
    for name, body in zip(pieces[1::2], pieces[2::2]):
        turns.append((name, [p.strip() for p in body.split("\n\n") if p.strip()]))
    return turns


def best_times(fns: dict, text: str, rounds: int) -> dict:
    """The best of ``rounds`` timings of each function, the functions taking
    turns within each round so that a burst of load on a shared machine
    hits them alike."""
    best = {name: float("inf") for name in fns}
    for _ in range(rounds):
        for name, fn in fns.items():
            t0 = time.perf_counter()
            fn(text)
            best[name] = min(best[name], time.perf_counter() - t0)
    return best


def main(argv: list[str]) -> int:
    mb = float(argv[1]) if len(argv) > 1 else 10.0
    rounds = int(argv[2]) if len(argv) > 2 else 5
    text = generate(mb)
    size = len(text.encode()) / 1e6
    t = best_times({"naive": naive, "parser": transcripts.parse}, text, rounds)
    quarter = generate(mb / 4, seed=2)
    t_quarter = best_times({"parser": transcripts.parse}, quarter, rounds)["parser"]
    print(f"input:    {size:.1f} MB generated transcript, best of {rounds} rounds")
    print(f"naive:    {size / t['naive']:8.1f} MB/s  (split on 'Name: ')")
    print(f"parser:   {size / t['parser']:8.1f} MB/s  (transcripts.parse)")
    ratio = t["naive"] / t["parser"]
    print(f"ratio:    {ratio:8.2f}  (target >= 0.5)")
    print(f"linear:   {t['parser'] / t_quarter:8.2f}  (time for 4x the input; linear is ~4)")
    return 0 if ratio >= 1 / 3 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
