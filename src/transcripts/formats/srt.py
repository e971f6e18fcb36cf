"""SRT (SubRip) captions.

Writing: cues follow a readability profile (``podcast``, the default, is
the Podcasting 2.0 rule of two lines of 32 characters; ``netflix``; ``bbc``)
and a turn's first cue opens with "Name: ".  Reading: a speaker prefix on a
cue's first line — ``Name:``, ``[Name]:``, ``NAME:`` — names the speaker of
that cue and of the cues after it, until the next prefix; ``-`` lines are
the two speakers of a dual-speaker cue.  Consecutive cues of one speaker
make one turn.
"""

from __future__ import annotations

from typing import Optional

import regex

from ..model import Metadata, Speaker, Transcript
from ._build import Piece, TurnBuilder
from ._cues import PODCAST, PROFILES, TimingError, cue_blocks, format_timestamp, layout, parse_timing, profile, read_timing
from ._registry import Conversion, Format, ReadContext, WriteOptions, register
from ._report import Holds, lost

__all__ = ["LABEL", "read", "write"]

# One word of a speaker's name: a capitalised word (O'Neil, Álvarez-Ruiz,
# Dr., STEVE), a lower-case particle (van, der), a word in a script without
# case (张伟, 김), or a number after the first word ("Speaker 2").
_NAME_WORD = r"""
    (?:\p{Lu}[\p{L}\p{M}'’\-]{0,30}\.?
      | (?:van|von|der|den|de|del|della|di|da|du|dos|das|la|le|bin|ibn|al|el|ter|ten|y)
      | [\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}]{1,12}
    )
"""

#: A speaker prefix on a cue line: "Name: text", "[Name]: text",
#: "NAME: text"; the text may be empty (the name alone on its line).
LABEL = regex.compile(
    rf"""
    ^(?:\[(?P<bracketed>[^\[\]\n]{{1,80}})\]        # [Name]
      | (?P<name>{_NAME_WORD}(?:[ ](?:{_NAME_WORD}|[0-9]{{1,3}})){{0,5}})  # Name of 1-6 words
    )
    [ ]?:                                          # the colon
    (?:[ ]+(?P<text>.*))?$                         # the speech, perhaps none
    """,
    regex.VERBOSE | regex.VERSION1,
)

#: A dual-speaker line: a hyphen (not "--"), perhaps a space, then speech.
DASH = regex.compile(r"^-(?!-)[ ]?(?P<text>\S.*)$")

# Formatting a player may show: <i>, <b>, <u>, <font …> tags and ASS
# override blocks such as {\an8}; removed from the text.
_MARKUP = regex.compile(r"</?(?:i|b|u|font)(?:[ ][^<>]{0,200})?>|\{\\[^{}]{0,50}\}", regex.IGNORECASE)

# A cue number: digits alone on the line.
_NUMBER = regex.compile(r"^[0-9]{1,9}$")


def _ambiguous(text: str) -> bool:
    """Whether a cue starting with ``text`` would be read as naming a
    speaker (so the writer labels it with the real one)."""
    return LABEL.match(text) is not None or DASH.match(text) is not None


def _dash(text: str) -> bool:
    """Whether a line starting with ``text`` reads as a dual-speaker line."""
    return DASH.match(text) is not None


def _label(s: Speaker) -> str:
    return f"{s.name}: "


def write(t: Transcript, options: WriteOptions) -> Conversion:
    prof = profile(options.profile, PODCAST)
    _, cues = layout(t, prof, wpm=options.wpm, label=_label, ambiguous=_ambiguous, bad_start=_dash)
    blocks = []
    for n, cue in enumerate(cues, 1):
        head = f"{n}\n{format_timestamp(cue.start)} --> {format_timestamp(cue.end)}\n"
        blocks.append(head + "\n".join(cue.text_lines) + "\n")
    return Conversion("\n".join(blocks), "srt", lost(t, Holds(times=True)))


def _speaker_of(m: "regex.Match[str]") -> str:
    return (m["bracketed"] or m["name"]).strip()


def read(text: str, ctx: ReadContext) -> Transcript:
    text = text.lstrip("\ufeff")
    b = TurnBuilder(display_case=True)
    for block in cue_blocks(text):
        at = 1 if _NUMBER.match(block[0][1].strip()) and len(block) > 1 else 0
        if at == 0 and len(block) > 1 and parse_timing(block[0][1]) is None and parse_timing(block[1][1]) is not None:
            at = 1  # a cue identifier that is not a number
        number, line = block[min(at, len(block) - 1)]
        timing = read_timing(ctx, line if at < len(block) else None, number)
        if timing is None:
            continue
        start, end = timing.start / 1000, timing.end / 1000
        lines = [(n, _MARKUP.sub("", s).strip()) for n, s in block[at + 1 :]]
        lines = [(n, s) for n, s in lines if s]
        if not lines:
            continue
        # Split the cue into (speaker or None, text, line) parts.
        parts: list[tuple[Optional[str], str, int]] = []
        dashes = 0
        for k, (n, s) in enumerate(lines):
            dash = DASH.match(s)
            if dash is not None:
                s = dash["text"]
                m = LABEL.match(s)
                if m is not None:
                    parts.append((_speaker_of(m), m["text"] or "", n))
                else:
                    # An unnamed dash line: the first continues the
                    # current speaker, the next is the other one.
                    who = None if dashes == 0 else (b.previous or "Speaker 2")
                    parts.append((who, s, n))
                dashes += 1
                continue
            m = LABEL.match(s) if k == 0 else None
            if m is not None:
                parts.append((_speaker_of(m), m["text"] or "", n))
            elif parts:
                who, said, first = parts[-1]
                parts[-1] = (who, f"{said} {s}".strip(), first)
            else:
                parts.append((None, s, n))
        last = block[-1][0]
        for who, said, n in parts:
            if who is not None or said:
                b.add(Piece(who, said, start, end, block[0][0], last))
    return b.build(Metadata(source=ctx.filename))


def _sniff(text: str) -> bool:
    lines = [s.strip() for s in text.lstrip("\ufeff").split("\n", 6)[:6] if s.strip()]
    if not lines:
        return False
    if _NUMBER.match(lines[0]) and len(lines) > 1:
        lines = lines[1:]
    timing = parse_timing(lines[0])
    return timing is not None and not isinstance(timing, TimingError) and "," in lines[0]


register(Format("srt", (".srt",), write, read, _sniff, tuple(PROFILES)))
