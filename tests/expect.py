"""Compare a parsed transcript with an expected structure (the format of
../shared/acceptance/expected/*.yaml): speakers, the speaker and paragraph
count of every turn, starts (±0.5 s), text probes, title, roles, topics."""

from __future__ import annotations

import unicodedata
from typing import Any, Optional, Sequence

from transcripts import Transcript


def norm(s: object) -> str:
    return " ".join(unicodedata.normalize("NFC", str(s)).casefold().split())


def _where(turn: Any, source: Optional[Sequence[str]]) -> str:
    """A turn's source lines, and the first of them when the text is given."""
    span = turn.lines
    if span is None:
        return "(no source lines)"
    if not source or not 0 < span.start <= len(source):
        return f"line {span.start}"
    text = source[span.start - 1].strip()
    return f"lines {span.start}-{span.end}: {text[:77] + '...' if len(text) > 80 else text!r}"


def mismatches(t: Transcript, exp: dict[str, Any], source: Optional[Sequence[str]] = None) -> list[str]:
    """What differs, as readable lines naming the turn and where it came
    from (quoting the line when ``source``, the input's lines, is given)."""
    errs: list[str] = []
    names = {s.id: s.name for s in t.speakers}
    used = list(dict.fromkeys(u.speaker for u in t.turns))
    key_of: dict[str, str] = {}
    for key, accepted in (exp.get("speakers") or {}).items():
        want = {norm(n) for n in accepted}
        hits = [sid for sid in used if norm(names[sid]) in want]
        if len(hits) != 1:
            errs.append(f"speaker {key}: {len(hits)} matches among {[names[s] for s in used]}")
        for h in hits:
            key_of[h] = key
    extra = [names[s] for s in used if s not in key_of]
    if extra:
        errs.append(f"unexpected speakers {extra}")
    got = [(key_of.get(u.speaker, "?"), len(u.paragraphs)) for u in t.turns]
    want = [tuple(w) for w in exp.get("turns") or []]
    for i, (g, w) in enumerate(zip(got, want)):
        ok = g[1] in w[1] if isinstance(w[1], list) else g[1] == w[1]
        if g[0] != w[0] or not ok:
            errs.append(f"first mismatch at turn {i}: {g} ({names[t.turns[i].speaker]!r}), want {w}; {_where(t.turns[i], source)}")
            break
    if len(got) != len(want):
        errs.append(f"{len(got)} turns, want {len(want)}")
    if "starts" in exp and len(t.turns) == len(exp["starts"]):
        for i, (u, s) in enumerate(zip(t.turns, exp["starts"])):
            if (u.start is None) != (s is None) or (s is not None and abs(u.start - s) > 0.5):  # null: no time
                errs.append(f"turn {i} start {u.start!r}, want {s}; {_where(u, source)}")
                break
    text = "\n".join(p for u in t.turns for p in u.paragraphs)
    errs += [f"turn text holds {s!r}" for s in exp.get("not_in_turns", []) if s in text]
    errs += [f"turn text lacks {s!r}" for s in exp.get("in_turns", []) if s not in text]
    title = exp.get("title", (exp.get("metadata") or {}).get("title"))
    if title is not None and norm(t.metadata.title or "") != norm(title):
        errs.append(f"title {t.metadata.title!r}, want {title!r}")
    inv = {v: k for k, v in key_of.items()}
    for key, role in (exp.get("roles") or {}).items():
        got_role = next((s.role for s in t.speakers if s.id == inv.get(key)), None)
        if got_role != role:
            errs.append(f"role of {key}: {got_role}, want {role}")
    if "topics" in exp and [p.title for p in t.topics] != exp["topics"]:
        errs.append(f"topics {[p.title for p in t.topics]}, want {exp['topics']}")
    return errs
