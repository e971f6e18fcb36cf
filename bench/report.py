"""Run the benchmark suite and write the README's performance table.

Each benchmark runs in its own process (as ``make bench`` runs it) and
prints its peers' figures beside ours; this script collects the figures
that the targets of issue 10 name, prints one table (ours, the peer, the
ratio, the target, met or not) and, with ``--readme``, writes it and every
benchmark's own output between the markers of README.md's "Performance"
section.  Run it twice and compare: the machine is shared and noisy, so
only ratios measured in one run mean anything.

Usage: ``python bench/report.py [--readme] [--quick]`` (``--quick``: fewer
rounds and smaller inputs, for trying it out).
"""

from __future__ import annotations

import argparse
import datetime
import os
import pathlib
import re
import subprocess
import sys
from typing import Callable, Optional

HERE = pathlib.Path(__file__).resolve().parent
README = HERE.parent / "README.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"

Row = tuple[str, str, str, str, str, bool]  # measure, ours, peer, ratio, target, met


def _run(script: str, *args: str) -> str:
    env = dict(os.environ, PYTHONHASHSEED="0")
    done = subprocess.run([sys.executable, str(HERE / script), *args], capture_output=True, text=True, env=env)
    return done.stdout + (done.stderr if done.returncode not in (0, 1) else "")


def _num(pattern: str, text: str) -> Optional[float]:
    m = re.search(pattern, text, re.M)
    return float(m.group(1)) if m else None


def _parse(out: str, label: str, target: float) -> list[Row]:
    naive, ours, ratio = _num(r"^naive:\s+([\d.]+)", out), _num(r"^parser:\s+([\d.]+)", out), _num(r"^ratio:\s+([\d.]+)", out)
    rows: list[Row] = []
    if ours is not None and naive is not None and ratio is not None:
        rows.append((f"parse, {label}", f"{ours:.1f} MB/s", f"{naive:.1f} MB/s (naive split)", f"{ratio:.2f}x", f">= {target}x", ratio >= target))
    linear = _num(r"^linear:\s+([\d.]+)", out)
    if linear is not None:
        rows.append((f"parse, {label}: 4x the input", f"{linear:.2f}x the time", "", "", "<= 4.4x", linear <= 4.4))
    return rows


def _families(out: str) -> list[Row]:
    rows: list[Row] = []
    for m in re.finditer(r"^(\S+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+(ok|BELOW TARGET)$", out, re.M):
        name, speed, growth, memory = m.group(1), float(m.group(2)), float(m.group(3)), float(m.group(4))
        ok = speed >= 5 and growth <= 4.4 and memory <= 10
        rows.append((f"family {name}", f"{speed:.1f} MB/s, 4x: {growth:.2f}x, {memory:.1f} MiB/MB", "", "", ">= 5 MB/s, <= 4.4x, <= 10 MiB/MB", ok))
    return rows


def _captions(out: str) -> list[Row]:
    rows: list[Row] = []
    for m in re.finditer(r"^(srt|vtt|podcast-json|ttml)\s+\d+\s+([\d.]+)s\s+([\d.]+)s\s+([\d.]+)\s+([\d.]+)x", out, re.M):
        fmt, peer, ours, mbs, ratio = m.group(1), float(m.group(2)), float(m.group(3)), float(m.group(4)), float(m.group(5))
        rows.append((f"write {fmt} (line breaking included)", f"{mbs:.2f} MB/s", f"srt.compose {peer:.3f}s vs ours {ours:.3f}s", f"{ratio:.2f}x", ">= 0.5x", ratio >= 0.5))
    return rows


def _readers(out: str) -> list[Row]:
    rows: list[Row] = []
    targets = {"srt": 1.0, "vtt": 1.5}
    peers = {"srt": "srt.parse", "vtt": "webvtt-py"}
    for m in re.finditer(r"^(srt|vtt)\s+[\d.]+\s+\d+\s+([\d.]+)s\s+([\d.]+)s\s+([\d.]+)x\s+([\d.]+)s\s+([\d.]+)x", out, re.M):
        fmt, cues_ratio, loads_ratio = m.group(1), float(m.group(4)), float(m.group(6))
        rows.append((f"read {fmt}: cues()", f"{cues_ratio:.2f}x", peers[fmt], f"{cues_ratio:.2f}x", f">= {targets[fmt]}x", cues_ratio >= targets[fmt]))
        rows.append((f"read {fmt}: loads() (a transcript)", f"{loads_ratio:.2f}x", peers[fmt], f"{loads_ratio:.2f}x", "", True))
    for m in re.finditer(r"^(srt|vtt)\s+(\S+)\s+[\d.]+\s+[\d.]+s\s+[\d.]+\s+[\d.]+s\s+([\d.]+)$", out, re.M):
        growth = float(m.group(3))
        rows.append((f"read {m.group(1)} {m.group(2)}: 4x the input (to 40 MB)", f"{growth:.2f}x the time", "", "", "<= 4.4x", growth <= 4.4))
    return rows


def _startup(out: str) -> list[Row]:
    rows: list[Row] = []
    for m in re.finditer(r"^\s+(import transcripts|transcripts --version|transcripts --help)\s+([\d.]+) ms\s+([\d.]+)x", out, re.M):
        name, ms, ratio = m.group(1), float(m.group(2)), float(m.group(3))
        if name == "import transcripts":
            rows.append((name, f"{ms:.0f} ms", "python -c pass", f"{ratio:.2f}x", "<= 150 ms", ms <= 150))
        else:
            rows.append((name, f"{ms:.0f} ms", "python -c pass", f"{ratio:.2f}x", "<= 6x", ratio <= 6))
    return rows


def _json(out: str) -> list[Row]:
    rows: list[Row] = []
    for m in re.finditer(r"^\s+(transcripts[^\d]*?)\s+(\d+) ms\s+([\d.]+) MB/s\s+([\d.]+)x", out, re.M):
        rows.append((m.group(1).strip(), f"{float(m.group(3)):.0f} MB/s", "json.dumps(indent=2)", f"{float(m.group(4)):.2f}x", "faster", float(m.group(4)) > 1))
    return rows


def _batch(out: str) -> list[Row]:
    speedup = _num(r"speedup\s+([\d.]+)x", out)
    if speedup is None:
        return []
    return [("convert --out-dir -j 2 vs -j 1 (1,000 episodes)", f"{speedup:.2f}x", "-j 1", f"{speedup:.2f}x", ">= 1.8x on 2 free cores", speedup >= 1.8)]


def _topics(out: str) -> list[Row]:
    worst = _num(r"worst ratio align/parse: ([\d.]+)", out)
    if worst is None:
        return []
    return [("placing topics, share of the parse (worst file)", f"{worst:.3f}", "", "", "< 0.1", worst < 0.1)]


BENCHES: list[tuple[str, tuple[str, ...], tuple[str, ...], Callable[[str], list[Row]]]] = [
    ("bench_parse.py", ("10", "5"), ("2", "3"), lambda out: _parse(out, "generated", 0.5)),
    ("bench_wild.py", ("3",), ("1",), lambda out: _parse(out, "../shared/wild", 0.33)),
    ("bench_families.py", ("2", "3"), ("0.5", "2"), _families),
    ("bench_captions.py", ("3",), ("1", "0.4"), _captions),
    ("bench_readers.py", (), (), _readers),
    ("bench_startup.py", (), (), _startup),
    ("bench_json.py", (), (), _json),
    ("bench_batch.py", (), (), _batch),
    ("bench_topics.py", (), (), _topics),
]


def table(rows: list[Row]) -> str:
    out = ["| measure | ours | beside | ratio | target | met |", "|---|---|---|---|---|---|"]
    out += [f"| {m} | {o} | {p} | {r} | {t} | {'yes' if ok else '**no**'} |" for m, o, p, r, t, ok in rows]
    return "\n".join(out) + "\n"


def main(argv: Optional[list[str]] = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--readme", action="store_true", help="write the table and the outputs into README.md")
    p.add_argument("--quick", action="store_true", help="fewer rounds and smaller inputs")
    args = p.parse_args(argv)
    rows: list[Row] = []
    outputs: list[tuple[str, str]] = []
    for script, full, quick, read in BENCHES:
        out = _run(script, *(quick if args.quick else full))
        outputs.append((script, out))
        rows += read(out)
        print(f"== {script}\n{out}", flush=True)
    text = table(rows)
    print(text)
    if args.readme:
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        stamp = f"{datetime.date.today().isoformat()}, {os.cpu_count()} cores, load {load:.1f} when it started"
        body = f"{START}\nMeasured by `python bench/report.py --readme` ({stamp}):\n\n{text}\n"
        body += "".join(f"<details><summary><code>bench/{s}</code></summary>\n\n```\n{o.rstrip()}\n```\n\n</details>\n\n" for s, o in outputs)
        body += END
        readme = README.read_text(encoding="utf-8")
        if START in readme and END in readme:
            readme = readme[: readme.index(START)] + body + readme[readme.index(END) + len(END) :]
        else:
            readme = readme.rstrip("\n") + "\n\n" + body + "\n"
        README.write_text(readme, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
