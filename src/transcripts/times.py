"""Clock times in transcripts → seconds."""

from __future__ import annotations

from typing import Optional

import regex

__all__ = ["TIME", "parse_time", "strip_leading_time"]

#: A clock time: "0:03", "01:02:03", "0:00:14.1", "00:00:00:01" (days,
#: hours, minutes, seconds, as NASA writes mission time), "00:00:02,400".
TIME = r"\d{1,3}(?::\d{1,2}){1,3}(?:[.,]\d{1,3})?"

_TIME = regex.compile(rf"^(?P<t>{TIME})$")

#: A time opening a paragraph: "[08:02] ", "\[08:02\] ", "(00:00:27) ".
_LEADING = regex.compile(
    rf"""
    ^(?:\\?\[(?P<a>{TIME})\\?\]|\((?P<b>{TIME})\)|(?P<c>{TIME}))   # the time, bracketed or bare
    (?:[ ]+|$)
    """,
    regex.VERBOSE,
)


def parse_time(text: str) -> Optional[float]:
    """Seconds in a clock time; ``None`` when ``text`` is not one.

    Two fields are minutes and seconds, three hours too, four days too."""
    text = text.strip().strip("[]()\\ ")
    if not _TIME.match(text):
        return None
    fields = text.replace(",", ".").split(":")
    seconds = float(fields[-1])
    scale = (60, 3600, 86400)
    for k, field in enumerate(reversed(fields[:-1])):
        seconds += int(field) * scale[k]
    return seconds


def strip_leading_time(text: str) -> str:
    """A paragraph without the time that opens it ("\\[08:02\\] So…")."""
    if not text[:1] in "[(\\0123456789":
        return text
    m = _LEADING.match(text)
    return text[m.end() :] if m and m.end() < len(text) else text
