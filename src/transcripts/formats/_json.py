"""JSON input for every JSON format (transcripts JSON, Podcasting 2.0
JSON, diarised ASR JSON, chapters): decoding with line and column in
errors and limits on what hostile input can do (huge integers, deep
nesting, lone surrogates, ``NaN``), the source line of each element of a
top-level array so a bad segment's error names its line, and the line of
any path in a document for the transcripts reader's errors."""

from __future__ import annotations

import json
import math
import re
from typing import Any, Iterator, Optional, Sequence, Union

from ..errors import ParseError
from ._registry import ReadContext

__all__ = ["array_lines", "decode", "load", "locate", "number", "objects"]

# A lone surrogate: one the text holds as a character (a str handed to the
# library), or a \uD800-\uDFFF escape that is not half of a pair.
_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(
    r"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})"
    r"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}"
)


def _position(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _has_surrogate(value: Any) -> bool:
    stack = [value]
    while stack:
        v = stack.pop()
        if isinstance(v, str):
            if _SURROGATE.search(v):
                return True
        elif isinstance(v, dict):
            stack.extend(v)
            stack.extend(v.values())
        elif isinstance(v, list):
            stack.extend(v)
    return False


def load(text: str, filename: Optional[str] = None) -> Any:
    """The JSON value of ``text``, or a ParseError naming line and column:
    for invalid JSON, integers of more than 4,300 digits, nesting deeper
    than the interpreter can follow, ``NaN``/``Infinity`` and lone
    surrogates (which no UTF-8 output can hold)."""
    found = _SURROGATE.search(text)
    if found:
        raise ParseError("invalid text: a lone surrogate character", filename, *_position(text, found.start()))
    try:
        data = json.loads(text, parse_constant=_constant)
    except json.JSONDecodeError as exc:
        raise ParseError(f"invalid JSON: {exc.msg}", filename, exc.lineno, exc.colno) from None
    except RecursionError:
        raise ParseError("invalid JSON: nested too deeply", filename) from None
    except ValueError as exc:  # an integer too long to convert, NaN, Infinity
        message = str(exc).split(";")[0]
        long = re.search(r"[0-9]{4301}", text) if "digits" in message else None
        raise ParseError(f"invalid JSON: {message}", filename, *(_position(text, long.start()) if long else ())) from None
    if "\\u" in text:
        escape = _SURROGATE_ESCAPE.search(text)
        if escape and _has_surrogate(data):
            raise ParseError("invalid JSON: a lone surrogate escape (half of a UTF-16 pair)", filename, *_position(text, escape.start()))
    return data


def decode(text: str, ctx: ReadContext) -> Any:
    """:func:`load` with the reader's file name."""
    return load(text, ctx.filename)


# JSON tokens, for locate(): a string, punctuation, or a bare scalar.
_TOKEN = re.compile(r'[ \t\r\n]*(?:("(?:[^"\\]|\\.)*")|([{}\[\],:])|([^ \t\r\n{}\[\],:"]+))', re.S)


def locate(text: str, path: Sequence[Union[str, int]]) -> Optional[tuple[int, int]]:
    """The (line, column) where the value at ``path`` (keys and indexes,
    ``("turns", 3, "speaker")``) starts in the JSON ``text``; None when it is
    not there, the start of the deepest part of it that is (the object
    missing a key).  One pass over the text, without recursion."""
    target = tuple(path)
    best: Optional[tuple[int, int]] = None
    stack: list[list[Any]] = []  # [is_object, key or index]
    expect_value = True
    i, n = 0, len(text)
    while i < n:
        m = _TOKEN.match(text, i)
        if m is None or m.end() == i:
            return best
        i = m.end()
        string, punct = m.group(1), m.group(2)
        start = m.start(m.lastindex or 0)
        if expect_value and punct not in ("]", "}"):
            here = tuple(e[1] for e in stack)
            if here == target:
                return _position(text, start)
            if target[: len(here)] == here:
                best = _position(text, start)
        if punct == "{":
            stack.append([True, None])
            expect_value = False
        elif punct == "[":
            stack.append([False, 0])
            expect_value = True
        elif punct in ("}", "]"):
            if not stack:
                return best
            stack.pop()
            expect_value = False
        elif punct == ",":
            if stack and not stack[-1][0]:
                stack[-1][1] += 1
                expect_value = True
            else:
                expect_value = False
        elif punct == ":":
            expect_value = True
        elif string is not None and not expect_value and stack and stack[-1][0]:
            stack[-1][1] = json.loads(string)
        else:
            expect_value = False
    return best


def array_lines(text: str, key: Optional[str]) -> list[int]:
    """The 1-based line on which each element of the array under the
    top-level ``key`` starts (empty when there is no such array); with
    ``key`` None, of the document's own array (``[{…}, {…}]``).

    One linear pass over the text, tracking strings and nesting depth."""
    level = 1 if key is None else 2  # the depth inside that array
    lines: list[int] = []
    depth = 0
    line = 1
    in_string = escaped = False
    string_start = 0
    last_string = ""
    after_key = False  # the array we want opens next
    in_array = False  # we are directly inside that array
    expect_item = False
    for i, ch in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
                last_string = text[string_start : i]
            elif ch == "\n":
                line += 1
            continue
        if ch == "\n":
            line += 1
            continue
        if ch in " \t\r":
            continue
        if in_array and expect_item and depth == level and ch not in "],":
            lines.append(line)
            expect_item = False
        if ch == '"':
            in_string = True
            string_start = i + 1
        elif ch == ":" and depth == 1:
            after_key = last_string == key
        elif ch in "[{":
            depth += 1
            if ch == "[" and depth == level and (after_key or key is None):
                in_array = expect_item = True
            after_key = False
        elif ch in "]}":
            if in_array and depth == level:
                return lines
            depth -= 1
        elif ch == "," and in_array and depth == level:
            expect_item = True
    return lines


def number(value: Any) -> Optional[float]:
    """A finite, non-negative number as float; None otherwise (also for an
    integer too large for a float, such as 10**400)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        value = float(value)
    except OverflowError:
        return None
    if not math.isfinite(value) or value < 0:
        return None
    return value


def objects(ctx: ReadContext, text: str, items: list[Any], key: str) -> Iterator[tuple[str, Optional[int], dict[str, Any]]]:
    """``(where, line, object)`` for each object in the array ``items``
    under the top-level ``key`` of ``text``: ``where`` names it
    ("segments[3]") and ``line`` is where it starts.  An element that is
    not an object is reported as a bad cue and skipped."""
    lines = array_lines(text, key)
    for i, item in enumerate(items):
        line = lines[i] if i < len(lines) else None
        where = f"{key}[{i}]"
        if not isinstance(item, dict):
            ctx.bad_cue(f"{where}: expected an object", line)
            continue
        yield where, line, item
