"""Start-up time: ``import transcripts``, ``transcripts --version`` and
``transcripts --help`` beside a bare ``python -c pass``, run interleaved
(one of each per round) and the median of each kept.

Targets (issue 10): --version and --help at most 6x a bare interpreter;
``import transcripts`` at most 150 ms.

    python bench/bench_startup.py [ROUNDS]
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _setup import bytecode  # noqa: E402

PY = sys.executable
SCRIPT = shutil.which("transcripts", path=os.path.dirname(PY)) or shutil.which("transcripts")
CASES = {
    "python -c pass": [PY, "-c", "pass"],
    "import transcripts": [PY, "-c", "import transcripts"],
    "transcripts --version": [SCRIPT, "--version"] if SCRIPT else [PY, "-m", "transcripts", "--version"],
    "transcripts --help": [SCRIPT, "--help"] if SCRIPT else [PY, "-m", "transcripts", "--help"],
    "import + parse a line": [PY, "-c", "import transcripts; transcripts.parse('Ann: hi')"],
}


def main() -> int:
    bytecode()
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 21
    times: dict[str, list[float]] = {name: [] for name in CASES}
    for _ in range(rounds):
        for name, cmd in CASES.items():
            start = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            times[name].append(time.perf_counter() - start)
    base = statistics.median(times["python -c pass"])
    print(f"start-up, median of {rounds} interleaved rounds (python {sys.version.split()[0]})")
    for name, values in times.items():
        t = statistics.median(values)
        print(f"  {name:<24} {t * 1000:7.1f} ms  {t / base:5.2f}x python -c pass")
    import_ms = statistics.median(times["import transcripts"]) * 1000
    ratios = [statistics.median(times[k]) / base for k in ("transcripts --version", "transcripts --help")]
    ok = import_ms <= 150 and max(ratios) <= 6
    print(f"targets: --version/--help <= 6x ({max(ratios):.2f}x), import <= 150 ms ({import_ms:.0f} ms): {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
