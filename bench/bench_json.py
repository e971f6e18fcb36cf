"""JSON writing: the indented document as ``json.dumps(indent=2)`` writes
it (the pure-Python encoder) against the library's writer (the same bytes,
strings encoded by the C encoder) and the compact form (the C encoder
throughout), on a transcript of about 10 MB; interleaved rounds, best of
each.

    python bench/bench_json.py [ROUNDS]
"""

from __future__ import annotations

import json
import os
import sys
import time

import attrs

import transcripts
from transcripts.formats._data import to_data
from transcripts.formats.jsonfmt import encode

HERE = os.path.dirname(os.path.abspath(__file__))


def main() -> int:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    t = transcripts.load(os.path.join(HERE, "..", "examples", "tidewater.txt"))
    turns = [attrs.evolve(u, index=k) for k in range(30000) for u in t.turns[k % len(t.turns) : k % len(t.turns) + 1]]
    big = attrs.evolve(t, turns=tuple(turns), topics=(), blocks=())
    data = to_data(big)
    cases = {
        "json.dumps(indent=2)": lambda: json.dumps(data, ensure_ascii=False, indent=2) + "\n",
        "transcripts (indented)": lambda: encode(data),
        "transcripts --compact": lambda: encode(data, compact=True),
    }
    best = {name: float("inf") for name in cases}
    outputs = {}
    for _ in range(rounds):
        for name, fn in cases.items():
            start = time.perf_counter()
            outputs[name] = fn()
            best[name] = min(best[name], time.perf_counter() - start)
    size = len(outputs["json.dumps(indent=2)"].encode()) / 1e6
    same = outputs["json.dumps(indent=2)"] == outputs["transcripts (indented)"]
    print(f"JSON writing, {size:.1f} MB document, best of {rounds} interleaved rounds")
    base = best["json.dumps(indent=2)"]
    for name, t_ in best.items():
        print(f"  {name:<24} {t_ * 1000:7.0f} ms  {size / t_:6.1f} MB/s  {base / t_:4.2f}x json.dumps(indent=2)")
    print(f"  indented output identical to json.dumps(indent=2): {'yes' if same else 'NO'}")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
