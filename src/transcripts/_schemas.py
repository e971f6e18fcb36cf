"""The JSON Schemas the package ships (``transcripts/schemas/*.schema.json``,
reachable with :mod:`importlib.resources`), each with a stable ``$id``.

    >>> from importlib.resources import files
    >>> (files("transcripts") / "schemas" / "transcript.schema.json").is_file()
    True
"""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

__all__ = ["SCHEMAS", "schema", "schema_names", "schema_text"]

#: Short name → file name; the first is the default of ``transcripts schema``.
SCHEMAS: dict[str, str] = {
    "transcript": "transcript.schema.json",
    "podcast-transcript": "podcast-transcript.schema.json",
    "podcast-chapters": "podcast-chapters.schema.json",
}


def schema_names() -> tuple[str, ...]:
    """The short names of the shipped schemas."""
    return tuple(SCHEMAS)


def _file_name(name: str) -> str:
    if name in SCHEMAS:
        return SCHEMAS[name]
    if name in SCHEMAS.values():
        return name
    raise ValueError(f"unknown schema {name!r}; known: {', '.join(SCHEMAS)}")


def schema_text(name: str = "transcript") -> str:
    """A schema's JSON text, by short name (``transcript``) or file name."""
    return (files(__package__) / "schemas" / _file_name(name)).read_text(encoding="utf-8")


def schema(name: str = "transcript") -> Any:
    """A schema as parsed JSON, by short name or file name."""
    return json.loads(schema_text(name))
