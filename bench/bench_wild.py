"""Parse the real transcripts of ../shared/wild with the full parser and,
in the same run, with the naive split-on-"Name: " baseline of
bench_parse.py; print both in MB/s and their ratio.

Rounds take turns (naive, parser, naive, parser, …) and each keeps its
best time, so that a burst of load on a shared machine hits both alike.
Compare the ratio, not the absolute figures.

Usage: ``python bench/bench_wild.py [ROUNDS] [ROOT]``.
"""

from __future__ import annotations

import pathlib
import sys
import time

import transcripts

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from bench_parse import naive  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent / "shared" / "wild"


def texts(root: pathlib.Path) -> list[str]:
    files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".md", ".txt") and p.name[0].isalnum())
    return [p.read_bytes().decode("utf-8", "replace") for p in files if p.name not in ("README.md", "LICENSE.md")]


def best(fn, docs: list[str], rounds: int, other) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    a = b = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        for d in docs:
            fn(d)
        a = min(a, time.perf_counter() - t0)
        t0 = time.perf_counter()
        for d in docs:
            other(d)
        b = min(b, time.perf_counter() - t0)
    return a, b


def main(argv: list[str]) -> int:
    rounds = int(argv[1]) if len(argv) > 1 else 3
    root = pathlib.Path(argv[2]) if len(argv) > 2 else ROOT
    if not root.is_dir():
        print(f"bench_wild: {root} is absent", file=sys.stderr)
        return 2
    docs = texts(root)
    size = sum(len(d.encode()) for d in docs) / 1e6
    t_naive, t_parse = best(naive, docs, rounds, transcripts.parse)
    print(f"input:    {size:.1f} MB, {len(docs)} real transcripts ({root}), best of {rounds} rounds")
    print(f"naive:    {size / t_naive:8.1f} MB/s  (split on 'Name: ')")
    print(f"parser:   {size / t_parse:8.1f} MB/s  (transcripts.parse)")
    print(f"ratio:    {t_naive / t_parse:8.3f}  (target >= 0.33)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
