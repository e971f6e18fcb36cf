"""Readers and writers, one module per format, behind one registry.

Importing this package registers the built-in formats.
"""

from __future__ import annotations

from . import jsonfmt as _jsonfmt  # noqa: F401  (registers "json")
from . import text as _text  # noqa: F401  (registers "text")
from . import yamlfmt as _yamlfmt  # noqa: F401  (registers "yaml")
from ._registry import FORMATS, Format, detect, get, register

__all__ = ["FORMATS", "Format", "detect", "get", "readable", "register", "writable"]


def readable() -> tuple[str, ...]:
    """Names of the formats that can be read."""
    return tuple(n for n, f in FORMATS.items() if f.loads is not None)


def writable() -> tuple[str, ...]:
    """Names of the formats that can be written."""
    return tuple(n for n, f in FORMATS.items() if f.dumps is not None)
