"""Margin line numbers (transcripts.margins): a court reporter's layout."""

from __future__ import annotations

import transcripts
from transcripts._source import split_lines
from transcripts.margins import unnumbered

PAGE = """\
                                                      Page {page}

 1        Q.   Where were you on the night of the
 2   fourteenth?
 3        A.   At home, with my sister.
 4        Q.   Did anyone else see you there?
 5        A.   The neighbour came by around nine.
 6             MR. HALE:  Objection, form.
 7             THE WITNESS:  She brought back a ladder.
 8        Q.   What kind of ladder?
 9        A.   An aluminium one.
10
11        Q.   And then?
12        A.   She left.
"""


def test_margin_numbers_come_off():
    text = PAGE.format(page=12) + "\n" + PAGE.format(page=13)
    t = transcripts.parse(text)
    said = [p for u in t.turns for p in u.paragraphs]
    assert said[:2] == ["Where were you on the night of the", "fourteenth?"] or said[0].startswith("Where were you")
    assert not any(p[:1].isdigit() for p in said)
    assert [s.name for s in t.speakers][:2] == ["Q", "A"]
    assert [s.name for s in t.speakers][2:] == ["Mr. Hale", "The Witness"]
    assert [b.text for b in t.blocks] == ["Page 12", "Page 13"]  # page numbers are layout
    assert t.turns[1].lines == transcripts.Span(5, 5)  # line numbers are the file's


def test_other_documents_keep_their_numbers():
    lines = split_lines("".join(f"{k} people came on day {k}.\n" for k in (3, 10, 4, 12, 1, 7, 2, 30, 5, 6, 9, 8)))
    assert unnumbered(lines) is lines
    numbered_list = split_lines("".join(f"{k}. Point number {k}.\n" for k in range(1, 13)))
    assert unnumbered(numbered_list) is numbered_list
