"""CHAT (``.cha``), the transcription format of TalkBank and CHILDES
(CLAN): ``@`` header lines, one ``*CODE:`` line per utterance, ``%`` tiers
that describe the utterance above them, and a line that starts with a tab
continuing the line before.

Read: each utterance is a turn, its text as transcribed (CHAT's codes
kept) with the time bullet (``\\x15start_end\\x15``, milliseconds) taken
off as the turn's times.  The speakers are the ``@Participants`` (``CODE
Name Role`` or ``CODE Role``): named by their name (underscores as spaces),
else by their role; the code is an alias and, when a name is given, the
role the description; an Investigator or Interviewer is a host and an
Interviewee a guest.  ``@Languages`` gives the language (the first, as
written), ``@Date`` the recording date.  ``@Comment`` lines and ``%com``
tiers are notes, ``%act`` and ``%sit`` events, every other header line a
metadata block (kept as written); the other dependent tiers (``%mor``,
``%gra``, ``%pho``, …) are reported as ignored, once per tier.  A line
that is none of these is an error naming it (with ``lenient``, skipped and
reported).
"""

from __future__ import annotations

from typing import Iterator, Optional

import regex

from ..model import Block, Metadata, Role, Span, Speaker, Transcript, Turn
from ..names import unique_slugs
from ._registry import Format, ReadContext, register
from ._timecodes import lines as text_lines

__all__ = ["read"]

_MAIN = regex.compile(r"^\*(?P<who>[^:\s]{1,40}):(?P<text>.*)$")
_DEPENDENT = regex.compile(r"^%(?P<tier>[^:\s]{1,40}):(?P<text>.*)$")
_BULLET = regex.compile(r"\x15(?P<start>\d{1,12})_(?P<end>\d{1,12})\x15")
#: Header lines that only open, close or mark the file.
_MARKS = frozenset({"utf8", "begin", "end", "blank", "new episode"})
_NOTES = {"com": "note", "act": "event", "sit": "event"}
_ROLES: dict[str, Role] = {"investigator": "host", "interviewer": "host", "host": "host", "interviewee": "guest", "guest": "guest"}
_MONTHS = "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split()
_DATE = regex.compile(r"^(?P<day>\d{1,2})-(?P<month>[A-Za-z]{3})-(?P<year>\d{4})$")


def _logical(text: str) -> Iterator[tuple[int, int, str]]:
    """(first line, last line, text) of each line with its continuations
    (lines that start with a tab) joined by a space."""
    first, parts = 0, []
    for number, line in enumerate(text_lines(text.lstrip("\ufeff")), 1):
        if line[:1] == "\t" and parts:
            parts.append(line.strip())
            last = number
            continue
        if parts:
            yield first, last, " ".join(parts)
        first = last = number
        parts = [line] if line.strip() else []
    if parts:
        yield first, last, " ".join(parts)


def _participants(value: str) -> list[tuple[str, Optional[str], str]]:
    """(code, name or None, role) of each ``@Participants`` entry."""
    out = []
    for entry in value.split(","):
        fields = entry.split()
        if not fields:
            continue
        code, rest = fields[0], fields[1:]
        name = rest[0].replace("_", " ") if len(rest) >= 2 else None
        role = (rest[-1] if rest else code).replace("_", " ")
        out.append((code, name, role))
    return out


def _date(value: str) -> Optional[str]:
    m = _DATE.match(value.strip())
    if m is None or m["month"].upper() not in _MONTHS:
        return None
    return f"{m['year']}-{_MONTHS.index(m['month'].upper()) + 1:02d}-{int(m['day']):02d}"


def read(text: str, ctx: ReadContext) -> Transcript:
    participants: list[tuple[str, Optional[str], str]] = []
    turns: list[tuple[str, str, Optional[float], Optional[float], Span]] = []
    blocks: list[Block] = []
    ignored: dict[str, list[int]] = {}  # dependent tiers left out: tier -> [first line, count]
    language = recorded = None
    for first, last, line in _logical(text):
        span = Span(first, last)
        where = len(turns) - 1 if turns else None
        if line[:1] == "*":
            m = _MAIN.match(line)
            if m is None:
                ctx.bad_cue("utterance line without its speaker code: expected *CODE:", first, 1)
                continue
            said = m["text"]
            start = end = None
            for b in _BULLET.finditer(said):
                start, end = int(b["start"]) / 1000, int(b["end"]) / 1000
            if start is not None and end is not None and end < start:
                ctx.bad_cue(f"time bullet ends ({end}) before it starts ({start})", first, line.index("\x15") + 1)
                continue
            words = " ".join(_BULLET.sub(" ", said).split())
            turns.append((m["who"], words, start, end, span))
        elif line[:1] == "%":
            m = _DEPENDENT.match(line)
            if m is None:
                ctx.bad_cue("dependent tier without its name: expected %tier:", first, 1)
                continue
            kind = _NOTES.get(m["tier"].lower())
            if kind is not None:
                blocks.append(Block(kind, " ".join(m["text"].split()), span, where))
            else:
                seen = ignored.setdefault(m["tier"], [first, 0])
                seen[1] += 1
        elif line[:1] == "@":
            key, _, value = line[1:].partition(":")
            key, value = " ".join(key.split()), " ".join(value.split())
            low = key.lower()
            if low in _MARKS:
                continue
            if low == "participants":
                participants += _participants(value)
            elif low == "languages" and language is None:
                language = value.split(",")[0].strip() or None
            elif low == "date" and recorded is None:
                recorded = _date(value)
            blocks.append(Block("note" if low == "comment" else "metadata", value if low == "comment" else " ".join(line.split()), span, where))
        else:
            ctx.bad_cue("not a CHAT line: expected @header, *SPEAKER: or %tier:", first, 1)
    for tier, (line, count) in ignored.items():
        ctx.ignored(f"%{tier} tier ignored ({count} line{'s' if count != 1 else ''})", line, 1)
    known = {code: (name, role) for code, name, role in participants}
    codes = list(dict.fromkeys([*known, *(who for who, *_ in turns)]))
    names = [known[c][0] or known[c][1] if c in known else c for c in codes]
    ids = dict(zip(codes, unique_slugs(names)))
    speakers = []
    for code, name in zip(codes, names):
        given, role = known.get(code, (None, ""))
        aliases = (code,) if code != name else ()
        speakers.append(Speaker(ids[code], name, aliases, _ROLES.get(role.lower(), "unknown"), role if given and role else None))
    out = tuple(Turn(i, ids[who], (said,) if said else (), start, end, "given" if start is not None else None, span) for i, (who, said, start, end, span) in enumerate(turns))
    metadata = Metadata(source=ctx.filename, language=language, recorded=recorded)
    return Transcript(metadata=metadata, speakers=tuple(speakers), turns=out, blocks=tuple(blocks))


def _sniff(text: str) -> bool:
    """The first line that is not blank opens a CHAT file."""
    for line in text_lines(text.lstrip("\ufeff")[:200]):
        if line.strip():
            return line.strip() in ("@UTF8", "@Begin")
    return False


register(Format("chat", (".cha",), None, read, _sniff))
