"""YAML front matter: the ``---`` block at the top of a markdown page."""

from __future__ import annotations

import datetime
import re
from typing import Any, Optional, Sequence

import attrs

from ._source import Line, normalise
from .model import Span

__all__ = ["FrontMatter", "front_matter"]

#: How far down the closing ``---`` may be.
MAX_LINES = 200


#: Front matter keys are identifiers: "title", "published_time", "pubDate".
_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_\-]{0,40}$")

#: Keys (case-folded) that give the publication date, in order of preference.
DATE_KEYS = ("date", "published", "published_time", "pubdate", "pub_date", "publish_date", "published_at")

#: Keys that list the people speaking, and the role they give.
PEOPLE_KEYS: dict[str, Optional[str]] = {
    "speakers": None,
    "speaker": None,
    "participants": None,
    "people": None,
    "hosts": "host",
    "host": "host",
    "interviewer": "host",
    "interviewers": "host",
    "guests": "guest",
    "guest": "guest",
    "interviewee": "guest",
    "interviewees": "guest",
}


@attrs.frozen(slots=True)
class FrontMatter:
    """What the front matter says, and the lines it takes."""

    text: str
    span: Span
    title: Optional[str] = None
    subtitle: Optional[str] = None
    date: Optional[str] = None
    episode: Optional[str] = None
    season: Optional[str] = None
    people: tuple[tuple[str, Optional[str]], ...] = ()  # (name, role or None), in order


def _names(value: Any) -> list[str]:
    """The names a people field holds: a list of names (or of mappings
    with a ``name``), or one string of names separated by commas."""
    if isinstance(value, str):
        return [n.strip() for n in re.split(r",|;|\band\b", value) if n.strip()]
    if isinstance(value, dict):
        value = [value]
    out = []
    if isinstance(value, list):
        for v in value:
            if isinstance(v, dict):
                v = v.get("name")
            text = _text(v)
            if text:
                out.append(text)
    return out


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
    import yaml  # here, not at the top: most documents have no front matter

    try:
        try:
            data = yaml.load(body, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        except (ValueError, TypeError, AttributeError, OverflowError):
            # A value YAML cannot build ("date: 2020-13-45" is no date, nor
            # "!!timestamp nonsense"): read every value as the string it is.
            data = yaml.load(body, Loader=getattr(yaml, "CBaseLoader", yaml.BaseLoader))
    except (yaml.YAMLError, ValueError, TypeError, AttributeError, OverflowError, RecursionError):
        return None, lines
    if not isinstance(data, dict) or not data or not all(isinstance(k, str) and _KEY.match(k) for k in data):
        # Not front matter but a document that opens with a rule: dialogue
        # such as "Ann Lee: Hi." is valid YAML too, with keys no front
        # matter has.
        return None, lines
    fields = {key.casefold(): value for key, value in data.items()}
    date = next((_text(fields[key]) for key in DATE_KEYS if key in fields), None)
    people: dict[str, Optional[str]] = {}
    for key, role in PEOPLE_KEYS.items():
        for name in _names(fields.get(key)):
            if people.get(name) is None:
                people[name] = role
    fm = FrontMatter(
        text="\n".join(l.raw for l in lines[: k + 1]),
        span=Span(1, lines[k].number),
        title=_text(fields.get("title")),
        subtitle=_text(fields.get("subtitle") or fields.get("description")),
        date=date,
        episode=_text(fields.get("episode") or fields.get("episode_number")),
        season=_text(fields.get("season") or fields.get("season_number")),
        people=tuple(people.items()),
    )
    return fm, lines[k + 1 :]
