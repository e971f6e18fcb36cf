"""What placing the topics costs, as a share of the parse (issue 14: under a
tenth), and how well the title alignment finds the sections of real files.

For each input, the parse (which includes the alignment) and the alignment
alone (``transcripts.topics.align`` on the topics the parser found) are
timed, best of several rounds, and their ratio printed:

* the generated ~10 MB benchmark of ``bench_parse.py`` (its "We discuss"
  list of two topics);
* a generated ~10 MB episode with six announced topics whose words are
  spoken in their sections, so that the alignment has real work (and its
  boundaries can be checked);
* the files of ../shared/wild that have topics (headings), and the seed
  episode (announced topics) when ../shared is there.

Then, as a measure of the title alignment, the wild files' headings are
taken as announced topics (their turns forgotten) and aligned by their
words alone: the share of the headings whose start the alignment finds
within two turns, and the share of turns it gives the right heading,
against cutting the dialogue into equal parts.

Run: ``python bench/bench_topics.py [MB] [rounds]``.  Compare ratios, not
absolute figures: the machine is shared and noisy.
"""

from __future__ import annotations

import gc
import random
import sys
import time
from pathlib import Path
from typing import Any, Callable, Optional, Sequence

import attrs

import transcripts
import transcripts.parser as parser_module
from transcripts import topics as topics_module
from transcripts.model import Topic, Transcript

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_parse  # noqa: E402

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

FILLER = bench_parse.WORDS
SECTIONS = [
    ("harbour", "silt", "dredging"),
    ("drone", "precision", "battlefield"),
    ("pension", "budget", "taxes"),
    ("glacier", "meltwater", "valley"),
    ("vaccine", "trial", "clinic"),
    ("railway", "timetable", "signals"),
]


def topical(megabytes: float, seed: int = 3) -> tuple[str, list[int]]:
    """A generated episode with six announced topics, discussed in order;
    returns the text and the index of each section's first turn."""
    rnd = random.Random(seed)
    titles = [f"Why the {a} matters, and what {b} and {c} have to do with it" for a, b, c in SECTIONS]
    head = "Salt and Steel\n\nTo discuss, we interviewed Shashank Joshi, an editor.\n\nWe discuss…\n\n"
    parts = [head + "".join(f" • {t},\n\n" for t in titles)]
    target = int(megabytes * 1_000_000)
    per_section = target // len(SECTIONS)
    firsts: list[int] = []
    turn = 0
    for words in SECTIONS:
        firsts.append(turn)
        size = 0
        while size < per_section:
            name = rnd.choice(bench_parse.NAMES)
            said = [rnd.choice(words) if rnd.random() < 0.04 else rnd.choice(FILLER) for _ in range(rnd.randint(20, 90))]
            para = " ".join(said)
            chunk = f"{name}: {para[:1].upper()}{para[1:]}.\n\n"
            parts.append(chunk)
            size += len(chunk.encode())
            turn += 1
    return "".join(parts), firsts


def best(fn: Callable[[], Any], rounds: int) -> float:
    """The best of ``rounds`` timings, the garbage collector paused as the
    parser pauses it (the alignment runs inside the parse)."""
    times = []
    for _ in range(rounds):
        gc.collect()
        gc.disable()
        try:
            t0 = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t0)
        finally:
            gc.enable()
    return min(times)


def found_topics(text: str) -> tuple[tuple[Topic, ...], Transcript]:
    """The topics as the parser found them, before they are placed."""
    seen: list[tuple[Topic, ...]] = []
    real = parser_module.align

    def spy(topics: Sequence[Topic], turns: Sequence[Any]) -> tuple[Topic, ...]:
        seen.append(tuple(topics))
        return real(topics, turns)

    parser_module.align = spy
    try:
        t = transcripts.parse(text)
    finally:
        parser_module.align = real
    return seen[0], t


def ratio(text: str, rounds: int) -> tuple[float, float, Transcript]:
    topics, t = found_topics(text)
    parse = best(lambda: transcripts.parse(text), rounds)
    align = best(lambda: topics_module.align(topics, t.turns), rounds)
    return parse, align, t


def report(name: str, text: str, rounds: int) -> float:
    parse, align, t = ratio(text, rounds)
    kinds = sorted({p.source for p in t.topics})
    print(
        f"{name:<58} {len(text) / 1e6:6.2f} MB {len(t.turns):6d} turns {len(t.topics):3d} topics "
        f"{','.join(kinds) or '-':<20} parse {parse * 1e3:8.2f} ms  align {align * 1e3:7.3f} ms  ratio {align / parse:.4f}"
    )
    return align / parse


def wild_files() -> list[Path]:
    out = []
    for path in sorted((SHARED / "wild").glob("*/*")):
        if path.name in ("MANIFEST.tsv", "README.md") or path.suffix not in (".md", ".txt"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if "\n#" not in text and "We discuss" not in text:
            continue
        t = transcripts.parse(text)
        if t.topics:
            out.append(path)
    return out


def starts(n: int, firsts: Sequence[Optional[int]]) -> list[Optional[int]]:
    """Turn → index of the section it is in (None before the first)."""
    out: list[Optional[int]] = [None] * n
    for k, f in enumerate(firsts):
        if f is not None:
            for i in range(f, n):
                out[i] = k
    return out


def alignment_quality(paths: Sequence[Path]) -> None:
    found = near = right = total = 0
    base_near = base_right = 0
    for path in paths:
        t = transcripts.load(path)
        heads = [p for p in t.topics if p.source == "heading" and p.turns]
        leaves = [p for k, p in enumerate(heads) if not (k + 1 < len(heads) and heads[k + 1].turns[0] == p.turns[0])]
        if len(leaves) < 2:
            continue
        truth = [p.turns[0] for p in leaves]
        asked = [attrs.evolve(p, source="announced", turns=(), start=None, confidence=None) for p in leaves]
        placed = topics_module.align(asked, t.turns)
        guess = [p.turns[0] if p.turns else None for p in placed]
        n, a, k = len(t.turns), truth[0], len(truth)
        uniform = [a + (n - a) * j // k for j in range(k)]
        found += k - 1
        near += sum(1 for x, y in zip(truth[1:], guess[1:]) if y is not None and abs(x - y) <= 2)
        base_near += sum(1 for x, y in zip(truth[1:], uniform[1:]) if abs(x - y) <= 2)
        want = starts(n, truth)
        right += sum(1 for x, y in zip(want, starts(n, guess)) if x is not None and x == y)
        base_right += sum(1 for x, y in zip(want, starts(n, uniform)) if x is not None and x == y)
        total += sum(1 for x in want if x is not None)
    if not total:
        return
    print(f"\nheadings as announced topics, {len(paths)} wild files, {found} section starts after the first:")
    print(f"  start within 2 turns:  alignment {near / found:.3f}   equal parts {base_near / found:.3f}")
    print(f"  turns in the right section: alignment {right / total:.3f}   equal parts {base_right / total:.3f}")


def main(argv: list[str]) -> int:
    mb = float(argv[1]) if len(argv) > 1 else 10.0
    rounds = int(argv[2]) if len(argv) > 2 else 5
    worst = 0.0
    worst = max(worst, report("generated (bench_parse.py)", bench_parse.generate(mb), rounds))
    text, firsts = topical(mb)
    worst = max(worst, report("generated, six topics in their sections", text, rounds))
    t = transcripts.parse(text)
    got = [p.turns[0] if p.turns else None for p in t.topics]
    off = [abs(g - f) if g is not None else None for g, f in zip(got, firsts)]
    print(f"  section starts {firsts}\n  aligned at     {got} (off by {off} turns)")
    if (SHARED / "wild").is_dir():
        paths = wild_files()
        ratios = [report(p.parent.name[:6] + "/" + p.name[:50], p.read_text(encoding="utf-8"), rounds) for p in paths]
        for seed in sorted((SHARED / "seeds").glob("*.txt")):
            ratios.append(report("seed " + seed.name, seed.read_text(encoding="utf-8"), rounds))
        if ratios:
            print(f"real files: {len(ratios)}, worst ratio {max(ratios):.4f}, mean {sum(ratios) / len(ratios):.4f}")
            worst = max(worst, max(ratios))
        alignment_quality(paths)
    else:
        print(f"({SHARED / 'wild'} not found: real files skipped)")
    print(f"\nworst ratio align/parse: {worst:.4f} (target < 0.1)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
