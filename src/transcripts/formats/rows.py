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
``to``) as seconds or clock times, ``turn`` and ``role``.  Rows with one
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
from typing import Optional, Sequence

import attrs

from ..model import ROLES, Metadata, Transcript
from ..times import MAX_SECONDS, parse_time
from ._build import Piece, TurnBuilder
from ._export import clock, dropped_over, single, utterances
from ._registry import ROWS, Corpus, Episode, Format, ReadContext, WriteOptions, register

__all__ = ["HEADER", "read_csv", "read_tsv", "write_csv", "write_tsv"]

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

#: A column's role, by its name as a key (lower case, spaces and hyphens as
#: underscores), in order of preference within a role.
_COLUMNS: dict[str, tuple[str, ...]] = {
    "text": ("text", "transcript", "utterance", "content", "sentence", "speech", "caption", "words"),
    "speaker": ("speaker_name", "speaker", "name", "speaker_label", "participant", "who", "spk"),
    "start": ("start", "start_time", "begin", "from", "start_seconds", "start_sec"),
    "end": ("end", "end_time", "stop", "to", "end_seconds", "end_sec"),
    "turn": ("turn", "turn_index"),
    "role": ("role", "speaker_role"),
    "episode": ("episode", "episode_id"),
}


def _key(name: str) -> str:
    return "_".join(name.strip().lstrip("\ufeff").lower().replace("-", " ").split())


def _columns(header: Sequence[str]) -> dict[str, int]:
    """Which column plays each role (the most preferred name present)."""
    keys = [_key(h) for h in header]
    out: dict[str, int] = {}
    for role, names in _COLUMNS.items():
        for name in names:
            if name in keys and keys.index(name) not in out.values():
                out[role] = keys.index(name)
                break
    return out


def _time(value: str) -> Optional[float]:
    """Seconds in a cell: a number, or a clock time (``1:02:03.5``); None
    when it is neither (or past any recording)."""
    value = value.strip()
    try:
        seconds: Optional[float] = float(value)
    except ValueError:
        seconds = parse_time(value)
    if seconds is None or seconds != seconds or abs(seconds) > MAX_SECONDS:
        return None
    return seconds


def _in_ms(rows: list[tuple[int, list[str]]], columns: dict[str, int]) -> bool:
    """Whether a table's times are whole milliseconds: every time an
    integer, and most rows 100 or more after the one before."""
    at = columns.get("start")
    if at is None:
        return False
    values = [row[at].strip() for _, row in rows if at < len(row) and row[at].strip()]
    if not values or not all(v.isdigit() for v in values):
        return False
    starts = [int(v) for v in values]
    gaps = [b - a for a, b in zip(starts, starts[1:])]
    return bool(gaps) and sum(g >= 100 for g in gaps) * 2 > len(gaps)


def _read(text: str, ctx: ReadContext, delimiter: str) -> Transcript:
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=delimiter)
    rows: list[tuple[int, list[str]]] = []
    header: Optional[list[str]] = None
    try:
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            if header is None:
                header = row
            else:
                rows.append((reader.line_num, row))
    except csv.Error as exc:
        raise ctx.error(f"not a table: {exc}", reader.line_num) from None
    if header is None:
        raise ctx.error("an empty table: no header row", 1, 1)
    columns = _columns(header)
    if "text" not in columns:
        raise ctx.error(f"no column of text in the header (one of: {', '.join(_COLUMNS['text'])})", 1, 1)
    episodes = columns.get("episode")
    if episodes is not None:
        seen: dict[str, int] = {}
        for line, row in rows:
            value = row[episodes].strip() if episodes < len(row) else ""
            seen.setdefault(value, line)
        if len(seen) > 1:
            second = sorted(seen.values())[1]
            raise ctx.error(f"a table of {len(seen)} episodes: read it as a corpus, not as one transcript (the second starts here)", second, 1)
    scale = 0.001 if _in_ms(rows, columns) else 1.0
    b = TurnBuilder()
    roles: dict[str, str] = {}
    last_turn: Optional[str] = None
    for line, row in rows:
        cell = {role: (row[k] if k < len(row) else "") for role, k in columns.items()}
        times = []
        for role in ("start", "end"):
            value = cell.get(role, "").strip()
            seconds = _time(value) if value else None
            if value and seconds is None:
                ctx.bad_cue(f"{header[columns[role]].strip()}: not a time: {value!r}", line, columns[role] + 1)
                break
            times.append(None if seconds is None else seconds * scale)
        else:
            who = " ".join(cell.get("speaker", "").split()) or None
            turn = cell.get("turn", "").strip() if "turn" in columns else None
            new_turn = turn is not None and turn != last_turn
            last_turn = turn
            if who is not None and cell.get("role", "").strip().lower() in ROLES:
                roles.setdefault(who, cell["role"].strip().lower())
            # A row is a paragraph (and so is each line of its text) in a
            # table of turns or of speakers' utterances; a recogniser's
            # segments, without speakers, run on.
            parts = [p for p in cell["text"].split("\n") if p.strip()] or [""]
            ends = "turn" in columns or "speaker" in columns or len(parts) > 1
            for k, part in enumerate(parts):
                b.add(Piece(who, part, times[0], times[1], line, line, ends_paragraph=ends, new_turn=new_turn and k == 0))
    t = b.build(Metadata(source=ctx.filename))
    if roles:
        speakers = tuple(attrs.evolve(s, role=roles[s.name]) if s.name in roles else s for s in t.speakers)  # type: ignore[arg-type]
        t = attrs.evolve(t, speakers=speakers)
    return t


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
