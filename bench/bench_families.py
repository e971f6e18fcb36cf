"""Every input family the parser meets, generated at two sizes: speed,
linearity and peak memory of parse plus JSON writing.

Families: long paragraphs, hard-wrapped lines, one short line per
paragraph, one label per line, many headings, one huge line without
newlines, many distinct names, front matter, Otter and Rev exports.  For
each: MB/s at the large size, the time for 4x the input (linear is ~4,
target at most 4.4), and the peak memory that parsing the large input and
writing it as JSON allocate, in MiB per MB of input (target at most 10).  Targets (issue 10): every family at least 5 MB/s.

Usage: ``python bench/bench_families.py [MB] [ROUNDS] [FAMILY…]``
(default 2 MB, 3 rounds, every family).  Rounds interleave the two sizes.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from typing import Callable

import transcripts

WORDS = (
    "the tide sea wall harbour silt policy river question answer really think know because which would "
    "could about there their people years important actually interesting right storm marsh ledger town"
).split()
NAMES = ["Ada Lindqvist", "Marisol Vega", "Tomás Okafor", "Ingrid Solberg", "Bo Chen"]


def _sentence(rnd: random.Random, n: int) -> str:
    words = " ".join(rnd.choice(WORDS) for _ in range(n))
    return words[:1].upper() + words[1:] + rnd.choice((".", "?", "."))


def long_paragraphs(size: int, rnd: random.Random) -> str:
    out, n = [], 0
    while n < size:
        chunk = f"{rnd.choice(NAMES)}: {_sentence(rnd, rnd.randint(60, 160))}\n\n"
        out.append(chunk)
        n += len(chunk)
    return "".join(out)


def hard_wrapped(size: int, rnd: random.Random) -> str:
    out, n = [], 0
    while n < size:
        text = f"{rnd.choice(NAMES).upper()}:  " + " ".join(_sentence(rnd, rnd.randint(8, 20)) for _ in range(rnd.randint(2, 8)))
        lines, line = [], ""
        for word in text.split(" "):
            if len(line) + len(word) > 70:
                lines.append(line + "  ")
                line = word
            else:
                line = f"{line} {word}" if line else word
        lines.append(line)
        chunk = "\n".join(lines) + "\n  \n"
        out.append(chunk)
        n += len(chunk)
    return "".join(out)


def short_lines(size: int, rnd: random.Random) -> str:
    """One short sentence per paragraph, a label alone now and then (the
    shape of caption-like and one-sentence-per-line exports)."""
    out, n = [], 0
    while n < size:
        chunk = f"{rnd.choice(NAMES)}:\n\n" + "".join(_sentence(rnd, rnd.randint(3, 9)) + "\n\n" for _ in range(rnd.randint(3, 30)))
        out.append(chunk)
        n += len(chunk)
    return "".join(out)


def label_per_line(size: int, rnd: random.Random) -> str:
    out, n = [], 0
    while n < size:
        chunk = f"{rnd.choice(NAMES)}: {_sentence(rnd, rnd.randint(2, 8))}\n"
        out.append(chunk)
        n += len(chunk)
    return "".join(out)


def headings(size: int, rnd: random.Random) -> str:
    out, n = [], 0
    while n < size:
        chunk = f"## {_sentence(rnd, 4)[:-1].title()}\n\n**{rnd.choice(NAMES)}:** {_sentence(rnd, rnd.randint(5, 15))}\n\n"
        out.append(chunk)
        n += len(chunk)
    return "".join(out)


def huge_line(size: int, rnd: random.Random) -> str:
    out, n = [], 0
    while n < size:
        chunk = f"{rnd.choice(NAMES)}: {_sentence(rnd, rnd.randint(5, 20))} "
        out.append(chunk)
        n += len(chunk)
    return "".join(out) + "\n"


#: Syllables of the generated surnames: each number is a name of its own.
SYLLABLES = (
    "ba", "kov", "ri", "ten", "vel", "mar", "sol", "din", "gu", "lo", "fer", "ash",
    "quin", "bre", "ty", "hal", "wen", "dro", "pim", "zak", "ols", "ney", "cha", "um",
)  # fmt: skip


def _surname(k: int) -> str:
    """The k-th surname: k written in syllables, at least two of them."""
    parts = []
    k += len(SYLLABLES)
    while k:
        k, digit = divmod(k, len(SYLLABLES))
        parts.append(SYLLABLES[digit])
    return "".join(parts).title()


def many_names(size: int, rnd: random.Random) -> str:
    """Every label a name of its own, each speaking once (a public-comment
    session, a vox pop): names as names are written, letters only."""
    out, n, k = [], 0, 0
    while n < size:
        k += 1
        first = rnd.choice(NAMES).split(" ")[0]
        chunk = f"{first} {_surname(k)}: {_sentence(rnd, rnd.randint(5, 20))}\n\n"
        out.append(chunk)
        n += len(chunk)
    return "".join(out)


def front_matter(size: int, rnd: random.Random) -> str:
    head = "---\ntitle: Tides\nspeakers:\n  - Ada Lindqvist\n  - Marisol Vega\ndate: 2024-05-01\n---\n"
    return head + long_paragraphs(size, rnd)


def _clock(t: int, pad: bool) -> str:
    """A time as the exports write it: m:ss (Rev: mm:ss), h:mm:ss past the
    hour (Rev: hh:mm:ss)."""
    h, m, s = t // 3600, t // 60 % 60, t % 60
    if h:
        return f"{h:02d}:{m:02d}:{s:02d}" if pad else f"{h}:{m:02d}:{s:02d}"
    return f"{m:02d}:{s:02d}" if pad else f"{m}:{s:02d}"


def otter(size: int, rnd: random.Random) -> str:
    out, n, t = [], 0, 0
    while n < size:
        t += rnd.randint(2, 40)
        chunk = f"{rnd.choice(NAMES).split(' ')[0]}  {_clock(t, False)}  \n{_sentence(rnd, rnd.randint(5, 30))}\n\n"
        out.append(chunk)
        n += len(chunk)
    return "".join(out) + "Transcribed by https://otter.ai\n"


def rev(size: int, rnd: random.Random) -> str:
    out, n, t = [], 0, 0
    while n < size:
        t += rnd.randint(2, 40)
        chunk = f"Speaker {rnd.randint(1, 3)} ({_clock(t, True)}):\n{_sentence(rnd, rnd.randint(5, 30))}\n\n"
        out.append(chunk)
        n += len(chunk)
    return "".join(out)


FAMILIES: dict[str, Callable[[int, random.Random], str]] = {
    "long-paragraphs": long_paragraphs,
    "hard-wrapped": hard_wrapped,
    "short-lines": short_lines,
    "label-per-line": label_per_line,
    "headings": headings,
    "huge-line": huge_line,
    "many-names": many_names,
    "front-matter": front_matter,
    "otter": otter,
    "rev": rev,
}

_MEMORY = """
import sys, tracemalloc
import transcripts
text = open({path!r}, encoding="utf-8").read()
size = len(text.encode()) / 1e6
transcripts.dumps(transcripts.parse("Ann Lee: Hi.\\n\\nBo Chen: Hello.\\n"), "json")  # warm the caches
tracemalloc.start()
out = transcripts.dumps(transcripts.parse(text), "json")
peak = tracemalloc.get_traced_memory()[1]
print(peak / 2**20 / size)
"""


def peak_memory(text: str) -> float:
    """MiB per MB of input that parsing and writing JSON allocate at their
    peak (traced by tracemalloc in a fresh process, the input already in
    memory)."""
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as f:
        f.write(text)
    try:
        code = _MEMORY.format(path=f.name)
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    finally:
        os.unlink(f.name)
    return float(out.stdout.strip())


def main(argv: list[str]) -> int:
    mb = float(argv[1]) if len(argv) > 1 else 2.0
    rounds = int(argv[2]) if len(argv) > 2 else 3
    chosen = argv[3:] or list(FAMILIES)
    print(f"{'family':<18} {'MB/s':>7} {'4x time':>8} {'MiB/MB':>7}   (large input {mb:g} MB, best of {rounds})")
    failed = 0
    for name in chosen:
        make = FAMILIES[name]
        big = make(int(mb * 1_000_000), random.Random(1))
        small = make(int(mb * 250_000), random.Random(2))
        t_big = t_small = float("inf")
        for _ in range(rounds):
            t0 = time.perf_counter()
            transcripts.parse(small)
            t_small = min(t_small, time.perf_counter() - t0)
            t0 = time.perf_counter()
            transcripts.parse(big)
            t_big = min(t_big, time.perf_counter() - t0)
        speed = len(big.encode()) / 1e6 / t_big
        growth = t_big / t_small * (len(small) / len(big)) * 4
        memory = peak_memory(big)
        ok = speed >= 5 and growth <= 4.4 and memory <= 10
        failed += not ok
        print(f"{name:<18} {speed:7.1f} {growth:8.2f} {memory:7.1f}   {'ok' if ok else 'BELOW TARGET'}")
    print(json.dumps({"families": len(chosen), "below_target": failed}))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
