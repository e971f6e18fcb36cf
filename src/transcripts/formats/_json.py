"""JSON input for the segment formats (Podcasting 2.0 JSON, diarised ASR
JSON): decoding with line and column in errors, and the source line of
each element of a top-level array, so a bad segment's error names its
line."""

from __future__ import annotations

import json
import math
from typing import Any, Iterator, Optional

from ._registry import ReadContext

__all__ = ["array_lines", "decode", "number", "objects"]


def decode(text: str, ctx: ReadContext) -> Any:
    """The JSON value of ``text``; a ParseError naming line and column."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ctx.error(f"invalid JSON: {exc.msg}", exc.lineno, exc.colno) from None


def array_lines(text: str, key: str) -> list[int]:
    """The 1-based line on which each element of the array under the
    top-level ``key`` starts (empty when there is no such array).

    One linear pass over the text, tracking strings and nesting depth."""
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
        if in_array and expect_item and depth == 2 and ch not in "],":
            lines.append(line)
            expect_item = False
        if ch == '"':
            in_string = True
            string_start = i + 1
        elif ch == ":" and depth == 1:
            after_key = last_string == key
        elif ch in "[{":
            depth += 1
            if ch == "[" and depth == 2 and after_key:
                in_array = expect_item = True
            after_key = False
        elif ch in "]}":
            if in_array and depth == 2:
                return lines
            depth -= 1
        elif ch == "," and in_array and depth == 2:
            expect_item = True
    return lines


def number(value: Any) -> Optional[float]:
    """A finite, non-negative number as float; None otherwise."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if not math.isfinite(value) or value < 0:
        return None
    return float(value)


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
