"""Helpers for the format tests: what must survive a conversion, and small
independent readers of SRT and WebVTT cues used to check the writers'
output against the profile limits (independent of the library's reader)."""

from __future__ import annotations

import html
import re
from typing import Optional

import attrs

from transcripts import Transcript

#: The published limits of each caption profile, written out here rather
#: than taken from the library, so the tests check the library against them.
LIMITS = {
    "podcast": dict(chars=32, lines=2),
    "netflix": dict(chars=42, lines=2, min_ms=834, max_ms=7000, cps=20),
    "bbc": dict(chars=37, lines=2, wpm=(160, 180)),
    "web": dict(chars=65, lines=2),
}

_TIME = re.compile(r"^(\d\d):(\d\d):(\d\d)[,.](\d\d\d)$")


def spoken(t: Transcript) -> list[tuple[str, list[str]]]:
    """The speaker sequence and the words of each turn, consecutive turns
    of one speaker merged and turns without words left out: what every
    timed format must keep."""
    names = {s.id: s.name for s in t.speakers}
    out: list[tuple[str, list[str]]] = []
    for u in t.turns:
        words = " ".join(u.paragraphs).split()
        if not words:
            continue
        name = names[u.speaker]
        if out and out[-1][0] == name:
            out[-1][1].extend(words)
        else:
            out.append((name, words))
    return out


def turns_and_paragraphs(t: Transcript) -> list[tuple[str, tuple[str, ...]]]:
    """(speaker name, paragraphs) per turn, paragraphs whitespace-normalised."""
    names = {s.id: s.name for s in t.speakers}
    return [(names[u.speaker], tuple(" ".join(p.split()) for p in u.paragraphs if p.strip())) for u in t.turns]


@attrs.frozen
class Cue:
    start: int
    end: int
    lines: tuple[str, ...]  # visible text, as a viewer reads it


def _ms(stamp: str) -> int:
    m = _TIME.match(stamp)
    assert m, f"bad timestamp {stamp!r}"
    h, mi, s, f = map(int, m.groups())
    return ((h * 60 + mi) * 60 + s) * 1000 + f


def srt_cues(text: str) -> list[Cue]:
    """The cues of SRT we wrote: number, timing line, text lines."""
    cues = []
    for k, block in enumerate(b for b in text.split("\n\n") if b.strip()):
        lines = block.strip("\n").split("\n")
        assert lines[0] == str(k + 1), f"cue {k + 1} is numbered {lines[0]!r}"
        start, arrow, end = lines[1].split(" ")
        assert arrow == "-->"
        cues.append(Cue(_ms(start), _ms(end), tuple(lines[2:])))
    return cues


_VOICE = re.compile(r"^<v ([^<>]+)>")


def vtt_cues(text: str) -> tuple[Optional[str], list[tuple[str, Cue]]]:
    """The title and the (voice, cue) pairs of WebVTT we wrote."""
    blocks = [b for b in text.split("\n\n") if b.strip()]
    assert blocks[0].strip() == "WEBVTT"
    title = None
    cues = []
    for block in blocks[1:]:
        lines = block.strip("\n").split("\n")
        if lines[0] == "NOTE":
            assert lines[1].startswith("Title: ")
            title = lines[1][len("Title: ") :]
            continue
        start, arrow, end = lines[0].split(" ")
        assert arrow == "-->"
        m = _VOICE.match(lines[1])
        assert m, f"cue without a voice: {block!r}"
        body = (lines[1][m.end() :],) + tuple(lines[2:])
        assert not any("<" in s or ">" in s for s in body), "unescaped markup in cue text"
        cues.append((html.unescape(m.group(1)), Cue(_ms(start), _ms(end), tuple(html.unescape(s) for s in body))))
    return title, cues


def limit_problems(cue: Cue, profile: str) -> list[str]:
    """How a cue breaks the profile's published limits.  A line holding a
    single word longer than a line is allowed (the word is kept whole), and
    so is a speaker's label with one word, where breaking after the label
    would leave a line a reader takes for a timing line ("00:00:01,000 -->")."""
    lim = LIMITS[profile]
    out = []
    if len(cue.lines) > lim["lines"]:
        out.append(f"{len(cue.lines)} lines")
    for line in cue.lines:
        if len(line) > lim["chars"] and len(line.split()) > 1 and not (": " in line and len(line.split(": ", 1)[1].split()) == 1):
            out.append(f"line of {len(line)} characters: {line!r}")
    duration = cue.end - cue.start
    if duration <= 0:
        out.append(f"duration {duration} ms")
    chars = sum(len(s) for s in cue.lines)
    words = len(" ".join(cue.lines).split())
    if "min_ms" in lim and not lim["min_ms"] <= duration <= lim["max_ms"]:
        out.append(f"duration {duration} ms")
    if "cps" in lim and chars / (duration / 1000) > lim["cps"] and not _one_long_word(cue, lim):
        out.append(f"{chars / (duration / 1000):.1f} characters per second")
    if "wpm" in lim:
        rate = words / (duration / 60000)
        lo, hi = lim["wpm"]
        if not lo <= rate <= hi:
            out.append(f"{rate:.1f} words per minute")
    return out


def _one_long_word(cue: Cue, lim: dict) -> bool:
    # A word longer than a cue can show at 20 cps within 7 s.
    return any(len(w) > lim["chars"] for line in cue.lines for w in line.split())
