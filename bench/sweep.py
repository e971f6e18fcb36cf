"""Sweep a folder of real transcripts (by default ../shared/wild) and say
where the parser deserves a look, with counts per publisher.

For every file (the first folder level under the root is the publisher):

* ``no dialogue``: no turns although one label-like opener repeats five
  times or more (a crude count, independent of the parser);
* ``unreported``: a paragraph inside a turn that opens with a label of the
  document's winning template but is neither a turn nor reported as unsure
  nor a known non-speaker ("Question: …", "Note: …"): must be zero, nothing
  that fits the template is silently merged;
* ``unsure``: labels the parser rejected, with their reasons (reported by
  ``transcripts inspect`` and ``check``), and ``one-off`` accepted labels
  used once;
* ``agree``: for the publishers with a convention simple enough to count
  with one regular expression (markdown podcasts: ``**Name:**``; press
  briefings: ``NAME:`` in capitals and a bare ``Q``), whether the turn
  count is within 2% (and one turn) of that independent count.

Usage: ``python bench/sweep.py [ROOT] [--list N]``; ``make sweep``.  The
exit status is 1 when a file has no dialogue although a label repeats, when
a label is left unreported, or when fewer than 99% of the counted files
agree.
"""

from __future__ import annotations

import argparse
import collections
import pathlib
import re
import sys
import time
from typing import Optional

from transcripts.evidence import KNOWN_LOOKALIKES
from transcripts.names import name_key
from transcripts.parser import analyse
from transcripts.slots import field_word

HERE = pathlib.Path(__file__).resolve().parent
DEFAULT_ROOT = HERE.parent.parent / "shared" / "wild"

# Independent, crude counts: one regular expression per publisher style,
# written without the parser's rules.
_BOLD = re.compile(r"^\*\*([^*\n]{1,80}?):?\*\*:?")
_STAMP = re.compile(r"^\s*\\?\[[\d:.]+\\?\](?:\s+(?:to|-)\s+\\?\[[\d:.]+\\?\])?\s*$")
_CAPS = re.compile(
    r"^[ \t\u00a0]*(?:[A-ZÀ-Þ][A-ZÀ-Þ.'’\-]*(?:[ \u00a0]+[A-ZÀ-Þ][A-ZÀ-Þ.'’\-]*){0,5}:(?=[ \u00a0]|$)"
    r"|Q(?:[ \t]*\u00a0[ \t\u00a0]*|[ \t]{2,}|[ ](?=[A-Z\"“(—–-])|:|\.?[ \t\u00a0]*$))"
)
_ANY = re.compile(r"^(?:\*\*)?([A-Z][\w.'\- ]{0,40}?)(?:\*\*)?:(?:\*\*)?[ ]", re.M)
_NOT_SPEAKERS = {"break", "outro", "intro", "jingle", "remix", "song extract", "end"}


def _paragraphs(text: str) -> list[str]:
    body = text.split("\n---", 2)[-1] if text.startswith("---") else text
    return [q.strip("\n") for q in re.split(r"\n[ \t\u00a0]*\n", body) if q.strip()]


def independent_count(publisher: str, text: str) -> Optional[int]:
    """The number of turns a crude count of labels gives, or None for
    publishers whose conventions vary too much to count so."""
    if publisher == "thechangelog":
        n = 0
        for q in _paragraphs(text):
            m = _BOLD.match(q.lstrip())
            if m and m.group(1).strip().casefold() not in _NOT_SPEAKERS and not _STAMP.match(q[m.end() :]):
                n += 1
        return n
    if publisher == "brian14708":
        # Label lines, blank line before them or not (some briefings run
        # paragraphs together), but the front matter and an "END" line.
        body = text.split("\n---", 2)[-1] if text.startswith("---") else text
        return sum(1 for line in body.split("\n") if _CAPS.match(line) and not line.lstrip().startswith("END"))
    return None


def sweep(root: pathlib.Path, listed: int) -> int:
    stats: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    reasons: collections.Counter = collections.Counter()
    notes: list[tuple[str, str]] = []
    size = 0
    spent = 0.0
    files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".md", ".txt") and p.name[0].isalnum())
    files = [p for p in files if p.name not in ("MANIFEST.tsv", "README.md", "LICENSE.md")]
    for f in files:
        publisher = f.relative_to(root).parts[0]
        s = stats[publisher]
        text = f.read_bytes().decode("utf-8", "replace")
        size += len(text.encode())
        t0 = time.perf_counter()
        try:
            a = analyse(text, source=str(f))
        except Exception as exc:  # the parser promises never to raise on text
            s["crash"] += 1
            notes.append((f.name, f"crash {type(exc).__name__}: {exc}"))
            continue
        spent += time.perf_counter() - t0
        s["files"] += 1
        t = a.transcript
        s["turns"] += len(t.turns)
        repeats = max(collections.Counter(_ANY.findall(text)).values(), default=0)
        if not t.turns and repeats >= 5:
            s["no dialogue"] += 1
            notes.append((f.name, f"no dialogue although a label repeats {repeats} times"))
        unsure_lines = {u.line for u in a.dialogue.unsure}
        s["unsure"] += len(a.dialogue.unsure)
        for u in a.dialogue.unsure:
            reasons[u.reason.split(": ", 1)[-1]] += 1
        template = next((it.label.template for it in a.items if it.label is not None), None)
        counts = collections.Counter(it.label.name for it in a.items if it.label is not None)
        s["one-off"] += sum(1 for n in counts.values() if n == 1)
        for it in a.items:
            if it.speech and it.label is None and any(
                l.template == template and not field_word(name_key(l.name)) and it.kind not in KNOWN_LOOKALIKES for l in it.labels
            ):
                if it.line not in unsure_lines:
                    s["unreported"] += 1
                    notes.append((f.name, f"line {it.line}: label-like opener inside a turn, unreported: {it.text[:60]!r}"))
        want = independent_count(publisher, text)
        if want is not None and want >= 3:
            s["counted"] += 1
            if abs(len(t.turns) - want) <= max(1, 0.02 * want):
                s["agree"] += 1
            else:
                notes.append((f.name, f"{len(t.turns)} turns, independent count {want}"))
    for name, note in notes[:listed]:
        print(f"{name}: {note}")
    if len(notes) > listed:
        print(f"… and {len(notes) - listed} more (--list N)")
    print()
    print(f"{'publisher':<20} {'files':>6} {'turns':>7} {'no-dlg':>6} {'unrep':>6} {'unsure':>7} {'one-off':>8} {'agree':>12}")
    total: collections.Counter = collections.Counter()
    for publisher, s in sorted(stats.items()):
        total.update(s)
        agree = f"{s['agree']}/{s['counted']}" if s["counted"] else "-"
        print(f"{publisher:<20} {s['files']:>6} {s['turns']:>7} {s['no dialogue']:>6} {s['unreported']:>6} {s['unsure']:>7} {s['one-off']:>8} {agree:>12}")
    print("rejected labels by reason:", ", ".join(f"{r} ({n})" for r, n in reasons.most_common(8)) or "none")
    counted = total["counted"]
    share = total["agree"] / counted if counted else 1.0
    print(
        f"sweep: {total['files']} files, {total['agree']}/{counted} counted files agree ({100 * share:.1f}%), "
        f"{total['no dialogue']} no-dialogue, {total['unreported']} unreported, {total['crash']} crashes, "
        f"{size / 1e6 / max(spent, 1e-9):.1f} MB/s"
    )
    return 0 if share >= 0.99 and not total["no dialogue"] and not total["unreported"] and not total["crash"] else 1


def main(argv: Optional[list[str]] = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("root", nargs="?", default=str(DEFAULT_ROOT), help="folder of transcripts, one sub-folder per publisher")
    p.add_argument("--list", type=int, default=25, metavar="N", help="list at most N files that deserve a look")
    args = p.parse_args(argv)
    root = pathlib.Path(args.root)
    if not root.is_dir():
        print(f"sweep: {root} is absent", file=sys.stderr)
        return 2
    return sweep(root, args.list)


if __name__ == "__main__":
    sys.exit(main())
