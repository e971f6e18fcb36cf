"""Caption writers, line breaking included, beside ``srt.compose``.

Real transcripts from ../shared/wild (every file with dialogue, up to a
size budget, spread over the folders) are parsed once; then each round
writes every one of them as SRT, WebVTT, the Podcasting 2.0 JSON and TTML
and, in turn, has ``srt.compose`` (the ``srt`` package on PyPI) write the
same cues — the cues each of our outputs holds, read back before timing.
``srt.compose`` only formats cues that are already laid out; ours also
breaks the lines, times the cues and says what the format drops.

Rounds take turns (peer, ours, peer, ours, …) and each keeps its best
time, so that a burst of load on a shared machine hits both alike; compare
the ratios, not the absolute figures.  The caches of line breaking are
emptied before each of our rounds, so that every round pays for them.

Target (issue 10): every writer at least 0.5x ``srt.compose`` on the same
cues.  Usage: ``python bench/bench_captions.py [ROUNDS] [MEGABYTES]``
(defaults 3 and 1.5); the peer is benchmark-only
(``pip install -e '.[bench]'``, or ``pip install srt``) and skipped with a
message when it is missing.
"""

from __future__ import annotations

import datetime
import pathlib
import sys
import time
from typing import Callable, Optional

import transcripts
from transcripts.formats import _linebreak

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent / "shared" / "wild"
EXAMPLE = pathlib.Path(__file__).resolve().parent.parent / "examples" / "tidewater.txt"
FORMATS = ("srt", "vtt", "podcast-json", "ttml")
TARGET = 0.5


def sample(root: pathlib.Path, budget: float) -> tuple[list[transcripts.Transcript], str]:
    """Transcripts with dialogue, about ``budget`` MB of their source text,
    taken in turn from each folder of ``root`` (the bundled example when
    ``root`` is absent)."""
    if not root.is_dir():
        print(f"bench_captions: {root} is absent; using {EXAMPLE.name} alone", file=sys.stderr)
        return [transcripts.load(str(EXAMPLE))], EXAMPLE.name
    folders = [sorted(p for p in d.rglob("*") if p.is_file() and p.suffix in (".md", ".txt")) for d in sorted(root.iterdir()) if d.is_dir()]
    out: list[transcripts.Transcript] = []
    size, used = 0, 0
    while size < budget * 1e6 and any(folders):
        for files in folders:
            if not files or size >= budget * 1e6:
                continue
            path = files.pop(0)
            text = path.read_bytes().decode("utf-8", "replace")
            try:
                t = transcripts.parse(text)
            except transcripts.ParseError:
                continue
            if len(t.turns) >= 5:
                out.append(t)
                size += len(text.encode())
                used += 1
    return out, f"{size / 1e6:.2f} MB of {used} real transcripts ({root})"


def subtitles(text: str, fmt: str) -> list:  # type: ignore[type-arg]
    """The cues of one of our outputs as ``srt.Subtitle`` objects."""
    import srt

    return [
        srt.Subtitle(k, datetime.timedelta(seconds=c.start), datetime.timedelta(seconds=c.end), c.text.strip("\n"))
        for k, c in enumerate(transcripts.cues(text, fmt), 1)
    ]


def best_of(rounds: int, fns: dict[str, Callable[[], object]], before: Optional[dict[str, Callable[[], object]]] = None) -> dict[str, float]:
    """The best time of each function over ``rounds`` interleaved rounds."""
    best = {name: float("inf") for name in fns}
    for _ in range(rounds):
        for name, fn in fns.items():
            if before and name in before:
                before[name]()
            t0 = time.perf_counter()
            fn()
            best[name] = min(best[name], time.perf_counter() - t0)
    return best


def _cold() -> None:
    _linebreak.clear_caches()


def main(argv: list[str]) -> int:
    rounds = int(argv[1]) if len(argv) > 1 else 3
    budget = float(argv[2]) if len(argv) > 2 else 1.5
    try:
        import srt
    except ImportError:
        srt = None
        print("bench_captions: the peer `srt` is not installed (pip install srt, or the bench extra): our figures only", file=sys.stderr)
    docs, what = sample(ROOT, budget)
    print(f"captions: {what}; best of {rounds} interleaved rounds")
    print(f"{'format':<14}{'cues':>8}{'srt.compose':>14}{'ours':>10}{'ours MB/s':>11}{'ratio':>8}  target {TARGET}x")
    ok = True
    for fmt in FORMATS:
        outputs = [transcripts.dumps(t, fmt) for t in docs]
        size = sum(len(o.encode()) for o in outputs) / 1e6
        fns: dict[str, Callable[[], object]] = {"ours": lambda fmt=fmt: [transcripts.dumps(t, fmt) for t in docs]}
        count = sum(len(transcripts.cues(o, fmt)) for o in outputs)
        if srt is not None:
            subs = [subtitles(o, fmt) for o in outputs]
            fns = {"peer": lambda subs=subs: [srt.compose(s) for s in subs], **fns}
        t = best_of(rounds, fns, {"ours": _cold})
        if srt is None:
            print(f"{fmt:<14}{count:>8}{'-':>14}{t['ours']:>9.3f}s{size / t['ours']:>11.2f}")
            continue
        ratio = t["peer"] / t["ours"]
        ok = ok and ratio >= TARGET
        verdict = "ok" if ratio >= TARGET else "below"
        print(f"{fmt:<14}{count:>8}{t['peer']:>13.3f}s{t['ours']:>9.3f}s{size / t['ours']:>11.2f}{ratio:>7.2f}x  {verdict}")
    return 0 if ok or srt is None else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
