"""CSV and TSV: one row per turn (or per paragraph, ``rows="paragraphs"``)
with the header ``episode,turn,speaker,speaker_name,role,start,end,text``.

``speaker`` is the speaker's id, ``turn`` the turn's index, ``start`` and
``end`` seconds (empty where unknown), ``text`` the turn's paragraphs
joined by newlines.  CSV follows RFC 4180 (CRLF line ends, fields with a
comma, quote or line end quoted, quotes doubled); TSV is the same with tabs.
Many transcripts make one table, the ``episode`` column telling them apart.
"""

from __future__ import annotations

import csv
import io
from typing import Sequence

from ._export import clock, dropped_over, single, utterances
from ._registry import ROWS, Corpus, Episode, Format, WriteOptions, register

__all__ = ["HEADER", "write_csv", "write_tsv"]

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


register(
    Format("csv", (".csv",), single(write_csv, "csv"), None, write_corpus=write_csv, options=("rows",))
)  # fmt: skip
register(
    Format("tsv", (".tsv",), single(write_tsv, "tsv"), None, write_corpus=write_tsv, options=("rows",))
)  # fmt: skip
