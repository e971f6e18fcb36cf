"""WebVTT captions with voice spans.

Writing: every cue opens with ``<v Full Name>``; the title goes in a NOTE
block and the language in a ``Language:`` header line; lines are at most
65 characters unless a profile says otherwise; where a turn has its words'
times, each word after a cue's first is preceded by its timestamp
(``<00:00:01.250>``).  A voice cannot mark where one turn ends and the
next of the same speaker begins: the conversion says how many such
boundaries are merged.

Reading follows the WebVTT file-parsing algorithm of the W3C
specification (https://www.w3.org/TR/webvtt1/#file-parsing): NULs become
U+FFFD, CR LF, CR and LF end lines, a timing line starts a new cue even
right after cue text, blocks that are no cue (NOTE, STYLE, REGION, stray
text) and cues whose timings are malformed are skipped — each skipped
block is reported with its line, never raising — and a cue may end before
it starts.  Only a file whose first line is not ``WEBVTT`` is an error.

In the cue text, ``<v Name>`` (or ``<v.loud Name>``) starts that speaker,
``</v>`` closes the span, and a cue without a voice continues the
previous speaker; timestamps give the words' times; other tags (``<c>``,
``<i>``, ``<lang>``, ``<ruby>``) are removed, ruby text (``<rt>``) with
them, and character references decoded.  A file with no voices at all is
read by its speaker prefixes instead (``[SPEAKER_00]: ``, ``Name: ``, as
in SRT), each needing evidence: used twice, or bracketed, a recogniser's
label, several words or capitals.
"""

from __future__ import annotations

import bisect
import html
from typing import Optional

import regex

from ..model import Transcript, Word
from ..times import MAX_SECONDS
from ._build import ambiguous, paused_gc, reading
from ._caption import Cue, Part
from ._cues import anonymous, layout
from ._profiles import PROFILES, WEB, profile
from ._registry import Conversion, Format, ReadContext, WriteOptions, register
from ._report import Holds, lost
from ._timestamps import VTT_TIME, cue_stamps, format_timestamp, vtt_ms, vtt_timestamp

__all__ = ["cues", "read", "write"]

# The title line of our NOTE block, and a language line of the header.
_TITLE = regex.compile(r"^Title:[ ](?P<title>.+)$")
_LANGUAGE = regex.compile(r"^Language:[ \t]*(?P<lang>[A-Za-z]{1,8}(?:[-_][A-Za-z0-9]{1,8}){0,4})[ \t]*$")

#: Cue settings the specification knows.
_SETTINGS = frozenset("vertical line position size align region".split())

_WS = " \t\n\f\r"
# Runs of WebVTT's white space; one white space character; the same or a
# full stop (what ends a tag's name).
_WS_RUN = regex.compile(r"[ \t\n\f\r]+")
_WS_ONE = regex.compile(r"[ \t\n\f\r]")
_TAG_NAME_END = regex.compile(r"[ \t\n\f\r.]")
_TOKEN = regex.compile(r"\S+")


def _escape(text: str) -> str:
    # A NUL reads back as U+FFFD whatever is written.
    return html.escape(text, quote=False).replace("\0", "\ufffd")


def _plain(t: Transcript) -> bool:
    """Whether no paragraph holds what :func:`_escape` changes (and so no
    line of a cue does)."""
    return not any("&" in p or "<" in p or ">" in p or "\0" in p for u in t.turns for p in u.paragraphs)


# ----------------------------------------------------------------- writing


def _token_words(t: Transcript) -> dict[int, tuple[Word, ...]]:
    """The words of each turn (by position) whose words match its tokens."""
    out = {}
    for i, u in enumerate(t.turns):
        if u.words and len(u.words) == sum(len(p.split()) for p in u.paragraphs):
            out[i] = u.words
    return out


def _timed_line(tokens: list[str], words: tuple[Word, ...], at: int, start: int, end: int, first: bool) -> str:
    out = []
    clock = start
    for k, token in enumerate(tokens):
        w = words[at + k] if at + k < len(words) else None
        if w is not None and w.start is not None and not (first and k == 0):
            ms = int(round(w.start * 1000))
            if clock < ms < end:
                out.append(f"<{format_timestamp(ms, '.')}>")
                clock = ms
        out.append(_escape(token) + " ")
    return "".join(out).rstrip()


def write(t: Transcript, options: WriteOptions) -> Conversion:
    prof = profile(options.profile, WEB)
    laid = layout(t, prof, wpm=options.wpm)
    words = _token_words(t)
    plain = _plain(t)
    head = "WEBVTT\n"
    if t.metadata.language:
        head += f"Language: {' '.join(t.metadata.language.split())}\n"
    out = [head]
    if t.metadata.title:
        # A NUL reads back as U+FFFD whatever is written.
        title = " ".join(t.metadata.title.split()).replace("-->", "->").replace("\0", "\ufffd")
        out.append(f"NOTE\nTitle: {title}\n")
    position: dict[int, int] = {}
    voices: dict[str, str] = {}
    # Speech no one is named for has no voice, unless its words would read
    # as a speaker's label.
    quiet = anonymous(t)
    for cue, (start, end) in zip(laid, cue_stamps(laid, ".")):
        voice = voices.get(cue.speaker.name)
        if voice is None:
            voice = voices[cue.speaker.name] = _escape(" ".join(cue.speaker.name.split()))
        turn_words = words.get(cue.turn) if words else None
        if turn_words is None:
            body = "\n".join(cue.lines) if plain else _escape("\n".join(cue.lines))
        else:
            at = position.get(cue.turn, 0)
            rows = []
            for k, line in enumerate(cue.lines):
                tokens = line.split()
                rows.append(_timed_line(tokens, turn_words, at, cue.start, cue.end, k == 0))
                at += len(tokens)
            position[cue.turn] = at
            body = "\n".join(rows)
        if quiet and not ambiguous(cue.text):
            out.append(f"{start} --> {end}\n{body}\n")  # no one named: no voice
        else:
            out.append(f"{start} --> {end}\n<v {voice}>{body}\n")
    holds = Holds(metadata=("title", "language"), times=True, turn_boundaries=False, words=True)
    return Conversion("\n".join(out), "vtt", lost(t, holds))


# ----------------------------------------------------------------- reading


# "Collect WebVTT cue timings": white space, a timestamp, white space,
# "-->", white space, a timestamp.
_TIMINGS = regex.compile(rf"[ \t\n\f\r]*{VTT_TIME}[ \t\n\f\r]*-->[ \t\n\f\r]*{VTT_TIME}")


def _timings(line: str) -> Optional[tuple[int, int, dict[str, str]]]:
    """"Collect WebVTT cue timings and settings": start, end (ms) and the
    known settings, or None."""
    m = _TIMINGS.match(line)
    if m is None:
        return None
    fields = m.groups()
    start = vtt_ms(*fields[:4])
    end = vtt_ms(*fields[4:])
    if start is None or end is None:
        return None
    i = m.end()
    settings: dict[str, str] = {}
    if ":" in line[i:]:
        for word in _WS_RUN.split(line[i:]):
            name, colon, value = word.partition(":")
            if colon and name in _SETTINGS and value and name not in settings:
                settings[name] = value
    return start, end, settings


class _Text:
    """The characters of the input and where each line starts."""

    def __init__(self, text: str) -> None:
        text = text.lstrip("\ufeff").replace("\0", "\ufffd")
        self.s = text.replace("\r\n", "\n").replace("\r", "\n")
        self.starts = [0] + [m.end() for m in regex.finditer("\n", self.s)]

    def line_of(self, pos: int) -> int:
        return bisect.bisect_right(self.starts, pos)


class _Block:
    """What "collect a WebVTT block" returns, with where it started."""

    __slots__ = ("kind", "identifier", "timing", "text", "line", "end_line", "first_text", "failed")

    def __init__(self) -> None:
        self.kind: Optional[str] = None  # "cue", "style", "region" or None
        self.identifier = ""
        self.timing: Optional[tuple[int, int, dict[str, str]]] = None
        self.text = ""
        self.line = 0
        self.end_line = 0
        self.first_text = ""
        self.failed = False


def _collect_block(src: _Text, pos: int, in_header: bool, seen_cue: bool, ctx: ReadContext) -> tuple[_Block, int]:
    s = src.s
    n = len(s)
    block = _Block()
    block.line = first = src.line_of(pos)
    line_count = 0
    previous = pos
    buffer = ""
    seen_arrow = False
    while True:
        nl = s.find("\n", pos)
        if nl == -1:
            line, pos, seen_eof = s[pos:], n, True
        else:
            line, pos, seen_eof = s[pos:nl], nl + 1, False
        line_count += 1
        if line_count == 1:
            block.first_text = line
        if "-->" in line:
            if not in_header and (line_count == 1 or (line_count == 2 and not seen_arrow)):
                seen_arrow = True
                previous = pos
                timing = _timings(line)
                if timing is None:
                    block.kind, block.failed = None, True
                    ctx.ignored(f"malformed cue timings {line.strip()!r}: the cue is skipped", first + line_count - 1, 1)
                else:
                    block.kind, block.identifier, block.timing = "cue", buffer, timing
                    buffer = ""
                    seen_cue = True
            else:
                pos = previous
                break
        elif line == "":
            break
        else:
            if not in_header and line_count == 2 and not seen_cue:
                if buffer.startswith("STYLE") and not buffer[5:].strip(_WS):
                    block.kind, buffer = "style", ""
                elif buffer.startswith("REGION") and not buffer[6:].strip(_WS):
                    block.kind, buffer = "region", ""
            if buffer:
                buffer += "\n"
            buffer += line
            previous = pos
        block.end_line = first + line_count - 1  # the line just taken
        if seen_eof:
            break
    block.text = buffer
    return block, pos


def _blocks(text: str, ctx: ReadContext) -> tuple[list[_Block], list[_Block]]:
    """The header block(s) and the blocks after it, as the file-parsing
    algorithm collects them."""
    src = _Text(text)
    s, n = src.s, len(src.s)
    header: list[_Block] = []
    out: list[_Block] = []
    if n < 6 or not s.startswith("WEBVTT") or (n > 6 and s[6] not in " \t\n"):
        ctx.bad_cue("not WebVTT: the first line must be 'WEBVTT'", 1, 1)
        pos = 0  # lenient: read the blocks all the same
    else:
        nl = s.find("\n")
        if nl == -1:
            return header, out
        pos = nl + 1
        if pos < n and s[pos] != "\n":
            block, pos = _collect_block(src, pos, True, False, ctx)
            header.append(block)
        elif pos < n:
            pos += 1
    seen_cue = False
    while pos < n and s[pos] == "\n":
        pos += 1
    while pos < n:
        block, pos = _collect_block(src, pos, False, seen_cue, ctx)
        seen_cue = seen_cue or block.kind == "cue"
        out.append(block)
        while pos < n and s[pos] == "\n":
            pos += 1
    return header, out


# A tag in cue text: from "<" to ">" (or the end of the text).
_TAG = regex.compile(r"<(?P<body>[^>]{0,1000})>?")


def _cue_text(text: str, start: int, end: int) -> tuple[str, tuple[Part, ...], tuple[Word, ...]]:
    """The text shown, its parts by voice and, where the cue has
    timestamps, its words' times."""
    if "<" not in text:
        return (html.unescape(text) if "&" in text else text), (), ()
    if text[:2] == "<v" and text.count("<") == 1:
        # One voice for the whole cue: "<v Name>text".
        close = text.find(">")
        body = text[1:close]
        if 0 < close <= 1001 and _TAG_NAME_END.split(body, maxsplit=1)[0] == "v":
            annotation = _WS_ONE.split(body, maxsplit=1)
            who = (html.unescape(annotation[1]).strip() if len(annotation) > 1 else "") or None
            rest = text[close + 1 :]
            if "&" in rest:
                rest = html.unescape(rest)
            return rest, ((Part(who, rest),) if who is not None or rest.strip() else ()), ()
    parts: list[tuple[Optional[str], list[str]]] = [(None, [])]
    clock: list[tuple[int, int]] = []  # (offset in the shown text, ms)
    shown = 0
    voiced = False
    in_rt = 0
    pos = 0

    def add(chunk: str) -> None:
        nonlocal shown
        if chunk and not in_rt:
            chunk = html.unescape(chunk)
            parts[-1][1].append(chunk)
            shown += len(chunk)

    for m in _TAG.finditer(text):
        add(text[pos : m.start()])
        pos = m.end()
        body = m["body"]
        if body[:1].isdigit():
            got = vtt_timestamp(body, 0)
            if got is not None and got[1] == len(body):
                clock.append((shown, got[0]))
            continue
        closing = body.startswith("/")
        name = _TAG_NAME_END.split(body[1:] if closing else body, maxsplit=1)[0]
        if name == "rt":
            in_rt = max(0, in_rt + (-1 if closing else 1))
        elif name == "v":
            voiced = True
            if closing:
                parts.append((None, []))
            else:
                annotation = _WS_ONE.split(body, maxsplit=1)
                who = html.unescape(annotation[1]).strip() if len(annotation) > 1 else ""
                parts.append((who or None, []))
    add(text[pos:])
    full = "".join("".join(chunks) for _, chunks in parts)
    out_parts: tuple[Part, ...] = ()
    if voiced:
        out_parts = tuple(Part(who, "".join(chunks)) for who, chunks in parts if who is not None or "".join(chunks).strip())
    words: tuple[Word, ...] = ()
    if clock and all(ms <= _MAX_MS for _, ms in clock):  # (a time past any recording times no word)
        tokens = [(m.start(), m.group()) for m in _TOKEN.finditer(full)]
        # Each word starts at the last timestamp before it (the cue's
        # start before the first).
        starts = []
        ms, k, count = start, 0, len(clock)
        for offset, _ in tokens:
            while k < count and clock[k][0] <= offset:
                ms = clock[k][1]
                k += 1
            starts.append(ms)
        words = tuple(
            Word(token, starts[k] / 1000, (starts[k + 1] if k + 1 < len(starts) else max(end, starts[k])) / 1000)
            for k, (_, token) in enumerate(tokens)
        )
    return full, out_parts, words


#: The latest time a cue may have, in milliseconds.
_MAX_MS = int(MAX_SECONDS) * 1000


def _scan(text: str, ctx: ReadContext) -> tuple[tuple[Cue, ...], Optional[str], Optional[str]]:
    header, blocks = _blocks(text, ctx)
    title = language = None
    for block in header:
        for line in block.text.split("\n"):
            m = _LANGUAGE.match(line.strip())
            if m is not None and language is None:
                language = m["lang"]
    found: list[tuple[int, int, str, Optional[str], tuple[Part, ...], dict[str, str], Optional[str], tuple[Word, ...], int, int]] = []
    timed = False
    for block in blocks:
        if block.kind == "cue" and block.timing is not None:
            start, end, settings = block.timing
            if max(start, end) > _MAX_MS:
                ctx.bad_cue(f"cue time past any recording (more than {MAX_SECONDS:.0e} seconds)", block.line, 1)
                continue
            shown, parts, words = _cue_text(block.text, start, end)
            voice = next((p.voice for p in parts if p.voice), None)
            timed = timed or bool(words)
            found.append((start, end, shown, voice, parts, settings, block.identifier or None, words, block.line, block.end_line))
        elif block.kind is None:
            first = block.first_text.strip()
            if first == "NOTE" or first.startswith(("NOTE ", "NOTE\t")):
                for line in block.text.split("\n"):
                    m = _TITLE.match(line.strip())
                    if m is not None and title is None:
                        title = m["title"].strip()
            elif block.text.strip() and not block.failed and first not in ("STYLE", "REGION"):
                ctx.ignored(f"text outside a cue ignored: {first[:40]!r}", block.line, 1)
    # A file with timestamps times its words: a cue without any holds words
    # spoken from its start.
    out = tuple(
        Cue(
            start / 1000,
            end / 1000,
            shown,
            voice,
            parts,
            settings,
            ident,
            words or (tuple([Word(tok, start / 1000, end / 1000) for tok in shown.split()]) if timed else ()),
            line,
            end_line,
        )
        for start, end, shown, voice, parts, settings, ident, words, line, end_line in found
    )
    return out, title, language


def cues(text: str, ctx: ReadContext) -> tuple[Cue, ...]:
    """The cues of a WebVTT file, as the specification's parser finds them."""
    with paused_gc():
        return _scan(text, ctx)[0]


def read(text: str, ctx: ReadContext) -> Transcript:
    with paused_gc():
        found, title, language = _scan(text, ctx)
        return reading(found, ctx, title, language)


def _sniff(text: str) -> bool:
    head = text.lstrip("\ufeff")[:7]
    return head.startswith("WEBVTT") and (len(head) == 6 or head[6] in " \t\r\n")


register(Format("vtt", (".vtt",), write, read, _sniff, tuple(PROFILES), cues))
