"""ASS / SSA subtitles (Advanced SubStation Alpha, SubStation Alpha v4;
read only).

The ``[Events]`` section's ``Format:`` line names the fields of each
``Dialogue:`` line (ASS: Layer, Start, End, Style, Name, MarginL, MarginR,
MarginV, Effect, Text; SSA: Marked instead of Layer); the ``Name`` field
is the speaker.  ``Comment:`` lines are not shown and not read; other
sections (styles, attached ``[Fonts]`` and ``[Graphics]``, editor data)
are skipped.  In the text, ``\\N`` and ``\\n`` break lines, ``\\h`` is a
space, override blocks (``{\\i1}``) are removed — karaoke timings
(``{\\k25}``) give the words' times and vector drawings (``{\\p1}…``) are
dropped.  ``Title:`` in ``[Script Info]`` gives the title (Aegisub's
placeholder "Default Aegisub file" is none) and ``Language:`` the
language.  A dialogue line whose times are no time is an error naming
line and column (with ``lenient``, a warning and the line is skipped).
A file whose events have no names is read by its speaker prefixes, as SRT.
"""

from __future__ import annotations

from typing import Optional

import regex

from ..model import Transcript, Word
from ._build import reading
from ._caption import Cue
from ._registry import Format, ReadContext, register
from ._timecodes import lines

__all__ = ["cues", "read"]

# A section header: "[Script Info]", "[V4+ Styles]", "[Events]".
_SECTION = regex.compile(r"^\[(?P<name>[A-Za-z][A-Za-z0-9 +!]{0,40})\][ \t]*$")
# "Key: value" in a section.
_FIELD = regex.compile(r"^(?P<key>[A-Za-z][A-Za-z0-9 ]{0,40}):[ \t]?(?P<value>.*)$")
# An ASS time: H:MM:SS.cc (one or more hour digits, hundredths).
_TIME = regex.compile(r"^(?P<h>[0-9]{1,4}):(?P<m>[0-9]{1,2}):(?P<s>[0-9]{1,2})(?:[.,](?P<f>[0-9]{1,3}))?$")
# An override block, and the tags in it this reader looks at.
_OVERRIDE = regex.compile(r"\{(?P<body>[^{}]{0,1000})\}")
_KARAOKE = regex.compile(r"\\(?:k|K|kf|ko)(?P<cs>[0-9]{1,6})")
_DRAWING = regex.compile(r"\\p(?P<level>[0-9]{1,2})")

#: The fields of an event line when the section gives no Format line.
_DEFAULT_FORMAT = ("layer", "start", "end", "style", "name", "marginl", "marginr", "marginv", "effect", "text")

#: Aegisub's title for a new, untitled file.
_PLACEHOLDER_TITLE = "Default Aegisub file"


def _time(text: str) -> Optional[int]:
    m = _TIME.match(text.strip())
    if m is None or int(m["m"]) > 59 or int(m["s"]) > 59:
        return None
    frac = (m["f"] or "0").ljust(3, "0")
    return ((int(m["h"]) * 60 + int(m["m"])) * 60 + int(m["s"])) * 1000 + int(frac)


def _text(raw: str, start: int, end: int) -> tuple[str, tuple[Word, ...]]:
    """The text shown and, for karaoke, its words' times."""
    shown: list[str] = []
    length = 0
    clock: list[tuple[int, int]] = []  # (offset in the shown text, ms)
    karaoke = start
    drawing = False
    pos = 0
    for m in [*_OVERRIDE.finditer(raw), None]:
        chunk = raw[pos : m.start() if m is not None else len(raw)]
        if chunk and not drawing:
            chunk = chunk.replace("\\N", "\n").replace("\\n", "\n").replace("\\h", " ")
            shown.append(chunk)
            length += len(chunk)
        if m is None:
            break
        pos = m.end()
        for d in _DRAWING.finditer(m["body"]):
            drawing = int(d["level"]) > 0
        for k in _KARAOKE.finditer(m["body"]):
            clock.append((length, karaoke))
            karaoke += int(k["cs"]) * 10
    text = "".join(shown)
    words: tuple[Word, ...] = ()
    if clock:
        tokens = [(t.start(), t.group()) for t in regex.finditer(r"\S+", text)]
        starts = []
        for offset, _ in tokens:
            ms = start
            for at, when in clock:
                if at <= offset:
                    ms = when
            starts.append(min(ms, max(start, end)))
        words = tuple(
            Word(tok, starts[i] / 1000, (starts[i + 1] if i + 1 < len(starts) else max(start, end)) / 1000) for i, (_, tok) in enumerate(tokens)
        )
    return text, words


def _scan(text: str, ctx: ReadContext) -> tuple[tuple[Cue, ...], Optional[str], Optional[str]]:
    section = ""
    fields: tuple[str, ...] = _DEFAULT_FORMAT
    title = language = None
    out: list[Cue] = []
    for number, line in enumerate(lines(text.lstrip("\ufeff")), 1):
        head = _SECTION.match(line.strip())
        if head is not None:
            section = head["name"].strip().lower()
            if section == "events":
                fields = _DEFAULT_FORMAT
            continue
        if section not in ("script info", "events"):
            continue  # styles, fonts, graphics, editor data
        m = _FIELD.match(line)
        if m is None:
            continue
        key, value = m["key"].strip().lower(), m["value"]
        if section == "script info":
            if key == "title" and value.strip() and value.strip() != _PLACEHOLDER_TITLE:
                title = value.strip()
            elif key == "language" and value.strip():
                language = value.strip()
            continue
        if key == "format":
            fields = tuple(f.strip().lower() for f in value.split(","))
            continue
        if key != "dialogue":
            continue  # Comment:, Picture:, Sound:, Movie:, Command:
        values = value.split(",", len(fields) - 1)
        if len(values) < len(fields) or "text" not in fields:
            ctx.bad_cue(f"dialogue line has {len(values)} of its {len(fields)} fields", number, 1)
            continue
        event = dict(zip(fields, values))
        start, end = _time(event.get("start", "")), _time(event.get("end", ""))
        if start is None or end is None:
            which = "start" if start is None else "end"
            column = len(line) - len(value) + value.find(event.get(which, "")) + 1
            ctx.bad_cue(f"bad {which} time {event.get(which, '').strip()!r} (expected H:MM:SS.cc)", number, column)
            continue
        shown, words = _text(event["text"], start, end)
        settings = {k: event[k].strip() for k in ("layer", "marked", "style", "effect", "marginl", "marginr", "marginv") if k in event and event[k].strip()}
        name = event.get("name", "").strip() or None
        out.append(Cue(start / 1000, max(start, end) / 1000, shown, name, settings=settings, words=words, line=number, end_line=number))
    return tuple(out), title, language


def cues(text: str, ctx: ReadContext) -> tuple[Cue, ...]:
    """The dialogue events of an ASS/SSA file, in file order."""
    return _scan(text, ctx)[0]


def read(text: str, ctx: ReadContext) -> Transcript:
    found, title, language = _scan(text, ctx)
    return reading(found, ctx, title, language)


def _sniff(text: str) -> bool:
    head = text.lstrip("\ufeff").lstrip()[:20].lower()
    return head.startswith("[script info]")


register(Format("ass", (".ass", ".ssa"), None, read, _sniff, (), cues))
