"""YAML front matter: the ``---`` block at the top of a markdown page."""

from __future__ import annotations

import datetime
import re
from typing import Any, Optional, Sequence

import attrs
import yaml

from ._source import Line, normalise
from .model import Span

__all__ = ["FrontMatter", "front_matter"]

#: How far down the closing ``---`` may be.
MAX_LINES = 200

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: Front matter keys are identifiers: "title", "published_time", "source-url".
_KEY = re.compile(r"^[a-z_][a-z0-9_\-]{0,40}$")


@attrs.frozen(slots=True)
class FrontMatter:
    """What the front matter says, and the lines it takes."""

    text: str
    span: Span
    title: Optional[str] = None
    subtitle: Optional[str] = None
    date: Optional[str] = None


def _text(value: Any) -> Optional[str]:
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return normalise(str(value)) or None
    return None


def front_matter(lines: Sequence[Line]) -> tuple[Optional[FrontMatter], Sequence[Line]]:
    """Split front matter off the top of a document's (non-blank) lines.

    Only a block that opens on line 1, closes within :data:`MAX_LINES`
    non-blank lines and holds a YAML mapping of identifier keys counts."""
    if not lines or lines[0].number != 1 or lines[0].text != "---":
        return None, lines
    for k, line in enumerate(lines[1:MAX_LINES], 1):
        if line.text in ("---", "...") and line.indent == 0:
            break
    else:
        return None, lines
    body = "\n".join(l.raw for l in lines[1:k])
    try:
        data = yaml.load(body, Loader=_Loader)
    except yaml.YAMLError:
        return None, lines
    if not isinstance(data, dict) or not data or not all(isinstance(k, str) and _KEY.match(k) for k in data):
        # Not front matter but a document that opens with a rule: dialogue
        # such as "Ann Lee: Hi." is valid YAML too, with keys no front
        # matter has.
        return None, lines
    date = next((_text(data[key]) for key in ("date", "published", "published_time", "pubDate") if key in data), None)
    fm = FrontMatter(
        text="\n".join(l.raw for l in lines[: k + 1]),
        span=Span(1, lines[k].number),
        title=_text(data.get("title")),
        subtitle=_text(data.get("subtitle") or data.get("description")),
        date=date,
    )
    return fm, lines[k + 1 :]
