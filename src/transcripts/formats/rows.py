"""CSV and TSV: one row per turn (or per paragraph, ``rows="paragraphs"``)
with the header ``episode,turn,speaker,speaker_name,role,start,end,text``.

``speaker`` is the speaker's id, ``turn`` the turn's index, ``start`` and
``end`` seconds (empty where unknown), ``text`` the turn's paragraphs
joined by newlines.  CSV follows RFC 4180 (CRLF line ends, fields with a
comma, quote or line end quoted, quotes doubled); TSV is the same with tabs.
Many transcripts make one table, the ``episode`` column telling them apart.

Read, a table with a header row is a transcript when one column holds the
text (``text``, ``transcript``, ``utterance``, ``content``, ``sentence``,
``speech``, ``caption``); the others are taken by their names, in any case
and with spaces or underscores: the speaker (``speaker_name``, ``speaker``,
``name``, ``speaker_label``, ``participant``, ``who``), times (``start``,
``start_time``, ``begin``, ``from``; ``end``, ``end_time``, ``stop``,
``to``; or a ``duration``) as seconds or clock times, ``turn`` and ``role``.  Rows with one
``turn`` value make one turn; without that column, consecutive rows of one
speaker do (each row a paragraph, as are the lines of a row's text; a
table without speakers, a recogniser's segments, runs on as one).
Times in whole milliseconds (whisper's ``.tsv``: integers, most rows
100 or more apart) are read as such.  A table of several ``episode``
values is refused rather than merged; a row with a bad time is an error
naming its line and column (``lenient``: skipped).
"""

from __future__ import annotations

import csv
import io
from typing import Any, Iterable, Optional, Sequence

import attrs

from ..model import ROLES, Metadata, Transcript
from ..times import MAX_SECONDS, parse_time
from ._build import Piece, TurnBuilder
from ._export import clock, dropped_over, single, utterances
from ._registry import ROWS, Corpus, Episode, Format, ReadContext, WriteOptions, register

__all__ = ["HEADER", "fields", "read_csv", "read_tsv", "records", "write_csv", "write_tsv"]

HEADER = ("episode", "turn", "speaker", "speaker_name", "role", "start", "end", "text")


def _table(episodes: Sequence[Episode], options: WriteOptions, delimiter: str, name: str) -> Corpus:
    if options.rows not in ROWS:
        raise ValueError(f"rows must be one of {', '.join(ROWS)}, not {options.rows!r}")
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(HEADER)
    for e in episodes:
        w.writerows(
            (r.episode, r.turn.index, r.turn.speaker, r.speaker_name, r.role, clock(r.start), clock(r.end), r.text)
            for r in utterances(e, options.rows)
        )
    return Corpus((("", buf.getvalue()),), name, dropped_over(episodes))


def write_csv(episodes: Sequence[Episode], options: WriteOptions) -> Corpus:
    return _table(episodes, options, ",", "csv")


def write_tsv(episodes: Sequence[Episode], options: WriteOptions) -> Corpus:
    return _table(episodes, options, "\t", "tsv")


# ---------------------------------------------------------------- reading

#: A field's role, by its name as a key (lower case, spaces and hyphens as
#: underscores), in order of preference within a role.
_COLUMNS: dict[str, tuple[str, ...]] = {
    "text": ("text", "transcript", "utterance", "content", "sentence", "speech", "caption", "words"),
    "speaker": ("speaker_name", "speaker", "name", "speaker_label", "participant", "who", "spk"),
    "start": ("start", "start_time", "begin", "from", "start_seconds", "start_sec"),
    "end": ("end", "end_time", "stop", "to", "end_seconds", "end_sec"),
    "duration": ("duration", "dur", "length"),
    "turn": ("turn", "turn_index"),
    "role": ("role", "speaker_role"),
    "episode": ("episode", "episode_id"),
    "paragraphs": ("paragraphs",),
}

#: A record: its line, and its fields by name as written.
Record = tuple[int, dict[str, Any]]


def _key(name: str) -> str:
    return "_".join(name.strip().lstrip("\ufeff").lower().replace("-", " ").split())


def fields(names: Iterable[str]) -> dict[str, str]:
    """The field playing each role, among ``names`` (the most preferred
    name present)."""
    keyed: dict[str, str] = {}
    for name in names:
        keyed.setdefault(_key(name), name)
    out: dict[str, str] = {}
    for role, wanted in _COLUMNS.items():
        for name in wanted:
            if name in keyed and keyed[name] not in out.values():
                out[role] = keyed[name]
                break
    return out


def _text(value: Any) -> str:
    return "" if value is None else value if isinstance(value, str) else str(value)


def _time(value: Any) -> Optional[float]:
    """Seconds in a field: a number, or a clock time (``1:02:03.5``); None
    when it is neither (or past any recording)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        seconds: Optional[float] = float(value)
    else:
        value = _text(value).strip()
        try:
            seconds = float(value)
        except ValueError:
            seconds = parse_time(value)
    if seconds is None or seconds != seconds or abs(seconds) > MAX_SECONDS:
        return None
    return seconds


def _in_ms(records: Sequence[Record], start: Optional[str]) -> bool:
    """Whether the times are whole milliseconds: every start an integer,
    and most records 100 or more after the one before."""
    if start is None:
        return False
    values = [_text(r.get(start)).strip() for _, r in records]
    values = [v for v in values if v]
    if not values or not all(v.isdigit() for v in values):
        return False
    starts = [int(v) for v in values]
    gaps = [b - a for a, b in zip(starts, starts[1:])]
    return bool(gaps) and sum(g >= 100 for g in gaps) * 2 > len(gaps)


def records(items: Sequence[Record], names: Sequence[str], ctx: ReadContext, what: str = "column") -> Transcript:
    """A transcript from records (a table's rows, JSON Lines' objects)
    whose fields are found by name (see the module's doc); ``names`` are
    the fields the records may have, in order, for columns in errors."""
    role = fields(names)
    if "text" not in role and "paragraphs" not in role:
        raise ctx.error(f"no {what} of text (one of: {', '.join(_COLUMNS['text'])})", 1, 1)
    column = {name: k + 1 for k, name in enumerate(names)}
    if "episode" in role:
        seen: dict[str, int] = {}
        for line, r in items:
            seen.setdefault(_text(r.get(role["episode"])).strip(), line)
        if len(seen) > 1:
            second = sorted(seen.values())[1]
            raise ctx.error(f"{len(seen)} episodes: read them as a corpus, not as one transcript (the second starts here)", second, 1)
    scale = 0.001 if _in_ms(items, role.get("start")) else 1.0
    b = TurnBuilder()
    roles: dict[str, str] = {}
    last_turn: Optional[str] = None
    # A record is a paragraph (as is each line of its text) where there are
    # turns or speakers; a recogniser's segments, without, run on.
    ends = "turn" in role or "speaker" in role
    for line, r in items:
        times: list[Optional[float]] = []
        for key in ("start", "end", "duration"):
            value = r.get(role[key]) if key in role else None
            seconds = _time(value) if _text(value).strip() else None
            if _text(value).strip() and seconds is None:
                ctx.bad_cue(f"{role[key]}: not a time: {_text(value)[:40]!r}", line, column.get(role[key]) if what == "column" else None)
                break
            times.append(None if seconds is None else seconds * scale)
        else:
            if times[1] is None and times[0] is not None and times[2] is not None:
                times[1] = times[0] + times[2]  # a start and a duration
            who = " ".join(_text(r.get(role["speaker"])).split()) or None if "speaker" in role else None
            turn = _text(r.get(role["turn"])).strip() if "turn" in role else None
            new_turn = turn is not None and turn != last_turn
            last_turn = turn
            said = _text(r.get(role["role"])).strip().lower() if "role" in role else ""
            if who is not None and said in ROLES:
                roles.setdefault(who, said)
            given = r.get(role["paragraphs"]) if "paragraphs" in role else None
            if isinstance(given, list) and all(isinstance(p, str) for p in given):
                parts = [p for p in given if p.strip()] or [""]
            else:
                parts = [p for p in _text(r.get(role["text"]) if "text" in role else "").split("\n") if p.strip()] or [""]
            for k, part in enumerate(parts):
                b.add(Piece(who, part, times[0], times[1], line, line, ends_paragraph=ends or len(parts) > 1, new_turn=new_turn and k == 0))
    t = b.build(Metadata(source=ctx.filename))
    if roles:
        speakers = tuple(attrs.evolve(s, role=roles[s.name]) if s.name in roles else s for s in t.speakers)
        t = attrs.evolve(t, speakers=speakers)
    return t


def _read(text: str, ctx: ReadContext, delimiter: str) -> Transcript:
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=delimiter)
    rows: list[Record] = []
    header: Optional[list[str]] = None
    try:
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            if header is None:
                header = [h.strip() for h in row]
            else:
                rows.append((reader.line_num, dict(zip(header, row))))
    except csv.Error as exc:
        raise ctx.error(f"not a table: {exc}", reader.line_num) from None
    if header is None:
        raise ctx.error("an empty table: no header row", 1, 1)
    return records(rows, header, ctx)


def read_csv(text: str, ctx: ReadContext) -> Transcript:
    return _read(text, ctx, ",")


def read_tsv(text: str, ctx: ReadContext) -> Transcript:
    return _read(text, ctx, "\t")


register(
    Format("csv", (".csv",), single(write_csv, "csv"), read_csv, write_corpus=write_csv, options=("rows",))
)  # fmt: skip
register(
    Format("tsv", (".tsv",), single(write_tsv, "tsv"), read_tsv, write_corpus=write_tsv, options=("rows",))
)  # fmt: skip
