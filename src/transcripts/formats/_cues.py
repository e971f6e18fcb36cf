"""Cues: a transcript's turns laid out as the cues of a caption profile.

Writers of timed formats (SRT, WebVTT, TTML, the Podcasting 2.0 JSON)
call :func:`layout`: every turn is split into cues that obey a profile
(:mod:`._profiles`), with lines broken by :mod:`._linebreak` — after
punctuation and before conjunctions where they can, never inside a
person's name; a cue never holds two speakers, each paragraph starts a
new cue, and cue times never go backwards.  Times a transcript lacks are
estimated first (:mod:`._estimate`); timestamps are written by
:mod:`._timestamps`.

All cue times are whole milliseconds, so that what is written is exactly
what was checked.
"""

from __future__ import annotations

from typing import Callable, Optional

import attrs

from ..model import Speaker, Transcript
from ._estimate import estimate_times
from ._linebreak import break_paragraph, name_tokens
from ._profiles import Profile, word_count
from ._registry import DEFAULT_WPM

__all__ = ["Cue", "layout"]


@attrs.frozen(slots=True)
class Cue:
    """One cue: times in ms, the speaker, the text ``lines`` (the label,
    when there is one, is in ``label`` and is written before the first
    line), which turn it belongs to and whether it ends a paragraph."""

    start: int
    end: int
    speaker: Speaker
    lines: tuple[str, ...]
    label: str
    turn: int
    first_in_turn: bool
    ends_paragraph: bool

    @property
    def text_lines(self) -> tuple[str, ...]:
        """The lines as written, the label included."""
        if not self.label:
            return self.lines
        return ((self.label + self.lines[0]).rstrip(),) + self.lines[1:]

    @property
    def text(self) -> str:
        return " ".join(line for line in self.lines if line)


def _ms(seconds: Optional[float]) -> int:
    return int(round((seconds or 0.0) * 1000))


def layout(
    t: Transcript,
    prof: Profile,
    *,
    wpm: float = DEFAULT_WPM,
    label: Optional[Callable[[Speaker], str]] = None,
    ambiguous: Optional[Callable[[str], bool]] = None,
    bad_start: Optional[Callable[[str], bool]] = None,
) -> tuple[Transcript, tuple[Cue, ...]]:
    """The transcript's turns as cues obeying ``prof``.

    Returns the transcript with its times estimated where missing (see
    :func:`._estimate.estimate_times`) and the cues.  ``label(speaker)``
    is the text written before the first line of a turn's first cue
    ("Name: "), counted in the line's width; ``ambiguous(text)`` says
    whether a cue whose text starts with ``text`` would be misread (as a
    label, say) and so needs the label too; ``bad_start(text)`` says no
    other line may start with ``text`` (a dual-speaker dash).  Every
    paragraph starts a new cue; each turn's time is shared among its cues
    by their length, then stretched or cut to the profile's durations,
    never starting before the previous cue ends."""
    timed = estimate_times(t, wpm)
    speakers = {s.id: s for s in t.speakers}
    names = name_tokens(t.speakers)
    # A profile without reading speeds bounds every cue alike.
    fixed = None if prof.max_cps or prof.max_wpm or prof.min_wpm else prof.duration_bounds(0, 0)
    cues: list[Cue] = []
    clock = 0
    tags: dict[str, tuple[Speaker, str, int]] = {}
    for ti, u in enumerate(timed.turns):
        known = tags.get(u.speaker)
        if known is None:
            who = speakers.get(u.speaker) or Speaker(u.speaker, u.speaker)
            tag = label(who) if label is not None else ""
            known = tags[u.speaker] = (who, tag, word_count(tag))
        who, tag, tag_words = known
        pieces: list[tuple[tuple[str, ...], str, bool, int, int]] = []  # lines, label, ends paragraph, words, characters
        for p in u.paragraphs:
            tokens = p.split()
            if not tokens:
                continue
            laid = break_paragraph(tokens, prof, len(tag), not pieces, ambiguous, bad_start, names)
            last = len(laid) - 1
            for k, (labelled, spans) in enumerate(laid):
                if len(spans) == 2:
                    (a, b), (c, d) = spans
                    texts: tuple[str, ...] = (" ".join(tokens[a:b]), " ".join(tokens[c:d]))
                    chars = len(texts[0]) + len(texts[1])
                else:
                    texts = tuple([" ".join(tokens[i:j]) for i, j in spans])
                    chars = sum(map(len, texts))
                words = spans[-1][1] - spans[0][0]
                if labelled:
                    pieces.append((texts, tag, k == last, words + tag_words, chars + len(tag)))
                else:
                    pieces.append((texts, "", k == last, words, chars))
        if not pieces:
            continue
        begin, finish = _ms(u.start), max(_ms(u.end), _ms(u.start))
        span = finish - begin
        total = sum(piece[4] for piece in pieces) + len(pieces)
        acc = 0
        ideal_start = begin
        for k, (texts, lab, ends, words, chars) in enumerate(pieces):
            acc += chars + 1
            ideal_end = begin + span * acc // total
            start = ideal_start if ideal_start > clock else clock
            lo, hi = fixed or prof.duration_bounds(chars, words)
            length = ideal_end - ideal_start
            end = start + (hi if length >= hi else lo if length <= lo else length)
            cues.append(Cue(start, end, who, texts, lab, ti, k == 0, ends))
            clock = end
            ideal_start = ideal_end
    return timed, tuple(cues)
