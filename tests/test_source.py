import pytest

from transcripts._source import decode, normalise, split_lines
from transcripts.errors import ParseError


def test_bom_crlf_and_cr_are_normalised():
    lines = split_lines("\ufeffA: x\r\nB: y\rC: z\n")
    assert [l.text for l in lines] == ["A: x", "B: y", "C: z"]
    assert [l.number for l in lines] == [1, 2, 3]


def test_no_break_spaces_fold_and_trailing_spaces_go():
    assert normalise("Jordan Schneider:\u00a0 Shashank,\u202fhi   ") == "Jordan Schneider: Shashank, hi"


def test_raw_text_and_indent_are_kept():
    (line,) = split_lines("     PRESIDENT TRUMP:  Thank you.  ")
    assert line.indent == 5
    assert line.raw == "     PRESIDENT TRUMP:  Thank you.  "  # trailing spaces kept: two are a hard break
    assert line.text == "PRESIDENT TRUMP: Thank you."


def test_curly_quotes_stay():
    assert normalise("It’s “fine”") == "It’s “fine”"


def test_decode_strips_bom():
    assert decode("\ufeffhé".encode()) == "hé"


def test_undecodable_byte_names_line_and_column():
    with pytest.raises(ParseError) as info:
        decode(b"ok\nab\xffc", "ep.txt")
    err = info.value
    assert (err.filename, err.line, err.column) == ("ep.txt", 2, 3)
    assert str(err).startswith("ep.txt:2:3: ")


def test_parse_error_pickles():
    import pickle

    err = ParseError("bad", "f.txt", 3, 4)
    again = pickle.loads(pickle.dumps(err))
    assert (again.message, again.filename, again.line, again.column) == ("bad", "f.txt", 3, 4)
    assert str(again) == str(err)


@pytest.mark.parametrize(
    "data, where",
    [
        (b"line1\rline2\r\xff\r", (3, 1)),
        ("é".encode() * 3 + b"\xff", (1, 4)),
        (b"\xef\xbb\xbfab\xff", (1, 3)),
    ],
)
def test_error_position_counts_characters_and_any_line_end(data, where):
    with pytest.raises(ParseError) as info:
        decode(data)
    assert (info.value.line, info.value.column) == where


from hypothesis import given
from hypothesis import strategies as st


@given(st.text(alphabet=st.sampled_from(list(" \t\u00a0\u200bab:")), max_size=40))
def test_folding_is_split_and_join(raw):
    """Runs of spaces fold as splitting on spaces and joining the words
    would (without making an object of each word)."""
    from transcripts._source import _unusual_spaces

    assert normalise(raw) == " ".join(filter(None, _unusual_spaces(raw).split(" ")))
    for line in split_lines(raw + "\nx"):
        assert line.text == " ".join(filter(None, _unusual_spaces(line.raw).split(" ")))
