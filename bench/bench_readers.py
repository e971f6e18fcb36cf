"""SRT and WebVTT reading beside ``srt.parse`` and webvtt-py, and how
reading grows with the file.

The input is real cue text: the captions our writers make of real
transcripts from ../shared/wild (SRT in the ``podcast`` profile, WebVTT
in its default), followed by the SRT and VTT files of
../shared/fixtures/peers that both readers accept, the whole repeated up to
the size asked for.  Each round reads it with the peer, then with
``transcripts.cues`` (the same job: text to cue objects) and with
``transcripts.loads`` (cues to a transcript: speakers, turns,
paragraphs); rounds take turns and each keeps its best time, so compare
the ratios, not the absolute figures.

``linear`` reads 1/4 of the largest size and the largest size (10 and
40 MB by default) and prints the time ratio (at most 4.4 for 4x the
input counts as linear).

Targets (issue 10): SRT reading at least 1x ``srt.parse``, WebVTT reading
at least 1.5x webvtt-py, both linear up to 40 MB.

Usage: ``python bench/bench_readers.py [speed|linear|all] [ROUNDS] [MEGABYTES]``
(defaults: all, 3 rounds, 5 MB for speed and 40 MB for linear).  The peers
are benchmark-only (``pip install -e '.[bench]'``, or ``pip install srt
webvtt-py``) and skipped with a message when missing.
"""

from __future__ import annotations

import pathlib
import sys
import time
import warnings
from typing import Callable, Optional

import transcripts

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from bench_captions import ROOT, sample  # noqa: E402

PEERS = ROOT.parent / "fixtures" / "peers"
TARGETS = {"srt": 1.0, "vtt": 1.5}


def _peer(fmt: str) -> Optional[Callable[[str], object]]:
    try:
        if fmt == "srt":
            import srt

            return lambda text: list(srt.parse(text))
        import webvtt

        return lambda text: webvtt.from_string(text)
    except ImportError:
        name = "srt" if fmt == "srt" else "webvtt-py"
        print(f"bench_readers: the peer {name} is not installed (pip install {name}, or the bench extra): our figures only", file=sys.stderr)
        return None


def _body(text: str, fmt: str) -> str:
    """A file's cues alone: without a byte order mark and, for WebVTT, the
    header block; lines ending in LF."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if fmt == "vtt":
        text = text.split("\n\n", 1)[1] if "\n\n" in text else ""
    return text.strip("\n")


def _clean(body: str, fmt: str, peer: Optional[Callable[[str], object]]) -> bool:
    """Whether both readers read ``body`` (after other cues) without a
    complaint, and it has no words' timestamps (in a file of many, those
    would time the words of every cue)."""
    text = body if fmt == "srt" else "WEBVTT\n\n" + body
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            found = transcripts.cues(text, fmt)
            if not found or any(c.words for c in found):
                return False
        if peer is not None:
            peer(text)
    except Exception:  # noqa: BLE001 - a file either reader refuses stays out
        return False
    return True


def base_text(fmt: str, docs: list[transcripts.Transcript], peer: Optional[Callable[[str], object]]) -> str:
    """Real cue text of one format: our captions of ``docs`` and the files
    of the peers that both readers read cleanly, as one file."""
    bodies = [_body(transcripts.dumps(t, fmt), fmt) for t in docs]
    for path in sorted(PEERS.rglob(f"*.{fmt}")) if PEERS.is_dir() else ():
        body = _body(path.read_bytes().decode("utf-8", "replace"), fmt)
        if body and _clean(body, fmt, peer):
            bodies.append(body)
    return ("" if fmt == "srt" else "WEBVTT\n\n") + "\n\n".join(bodies) + "\n"


def sized(text: str, fmt: str, megabytes: float) -> str:
    """``text`` repeated up to about ``megabytes`` MB."""
    body = text if fmt == "srt" else text.split("\n\n", 1)[1]
    reps = max(1, round(megabytes * 1e6 / len(body.encode())))
    return ("" if fmt == "srt" else "WEBVTT\n\n") + "\n".join([body] * reps)


def best_of(rounds: int, fns: dict[str, Callable[[], object]]) -> dict[str, float]:
    best = {name: float("inf") for name in fns}
    for _ in range(rounds):
        for name, fn in fns.items():
            t0 = time.perf_counter()
            fn()
            best[name] = min(best[name], time.perf_counter() - t0)
    return best


def speed(rounds: int, megabytes: float, docs: list[transcripts.Transcript]) -> bool:
    ok = True
    print(f"{'format':<8}{'MB':>6}{'cues':>9}{'peer':>10}{'cues()':>10}{'ratio':>8}{'loads()':>10}{'ratio':>8}  target")
    for fmt in ("srt", "vtt"):
        peer = _peer(fmt)
        text = sized(base_text(fmt, docs, peer), fmt, megabytes)
        count = len(transcripts.cues(text, fmt))
        fns: dict[str, Callable[[], object]] = {}
        if peer is not None:
            fns["peer"] = lambda: peer(text)
        fns["cues"] = lambda: transcripts.cues(text, fmt)
        fns["loads"] = lambda: transcripts.loads(text, fmt)
        t = best_of(rounds, fns)
        size = len(text.encode()) / 1e6
        if peer is None:
            print(f"{fmt:<8}{size:>6.1f}{count:>9}{'-':>10}{t['cues']:>9.3f}s{'':>8}{t['loads']:>9.3f}s")
            continue
        a, b = t["peer"] / t["cues"], t["peer"] / t["loads"]
        ok = ok and a >= TARGETS[fmt]
        verdict = "ok" if a >= TARGETS[fmt] else "below"
        print(f"{fmt:<8}{size:>6.1f}{count:>9}{t['peer']:>9.3f}s{t['cues']:>9.3f}s{a:>7.2f}x{t['loads']:>9.3f}s{b:>7.2f}x  {TARGETS[fmt]}x (cues) {verdict}")
    return ok


def linear(rounds: int, megabytes: float, docs: list[transcripts.Transcript]) -> bool:
    ok = True
    print(f"{'format':<8}{'reader':<8}{'MB':>6}{'time':>9}{'MB':>6}{'time':>9}{'growth':>8}  (4x the input: at most 4.4)")
    for fmt in ("srt", "vtt"):
        text = base_text(fmt, docs, None)
        small, large = sized(text, fmt, megabytes / 4), sized(text, fmt, megabytes)
        for name in ("cues", "loads"):
            fn = getattr(transcripts, name)
            t = best_of(rounds, {"small": lambda: fn(small, fmt), "large": lambda: fn(large, fmt)})
            growth = t["large"] / t["small"] * (len(small) / len(large)) * 4
            ok = ok and growth <= 4.4
            print(f"{fmt:<8}{name:<8}{len(small.encode()) / 1e6:>6.1f}{t['small']:>8.2f}s{len(large.encode()) / 1e6:>6.1f}{t['large']:>8.2f}s{growth:>8.2f}")
    return ok


def main(argv: list[str]) -> int:
    what = argv[1] if len(argv) > 1 else "all"
    if what not in ("speed", "linear", "all"):
        print(__doc__, file=sys.stderr)
        return 2
    rounds = int(argv[2]) if len(argv) > 2 else 3
    size = float(argv[3]) if len(argv) > 3 else None
    docs, where = sample(ROOT, 1.5)
    print(f"readers: captions written from {where}, with the peers' files; best of {rounds} interleaved rounds")
    ok = True
    if what in ("speed", "all"):
        ok = speed(rounds, size or 5.0, docs) and ok
    if what in ("linear", "all"):
        ok = linear(max(1, rounds - 1), size or 40.0, docs) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
