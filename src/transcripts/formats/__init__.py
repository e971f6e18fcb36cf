"""Readers and writers, one module per format, behind one registry.

The built-in codecs register themselves when the registry is first used
(:data:`FORMATS`, :func:`get`, :func:`detect`), not when this package is
imported.  Detection asks them in registration order, so the strict content
checks (transcripts JSON and YAML, WebVTT's header, SRT's timing lines, …)
come before looser ones.  The README's "Adding a format" is the checklist
for a new one (module, registry entry, the builders to use, errors, tests).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._registry import (
    FORMAT_NAMES,
    FORMATS,
    Conversion,
    Corpus,
    Dropped,
    Episode,
    Format,
    FormatName,
    ReadContext,
    Reading,
    WriteOptions,
    base_name,
    by_extension,
    detect,
    detect_binary,
    get,
    register,
)

if TYPE_CHECKING:
    from ._caption import Cue, Part, cues
    from ._estimate import estimate_times
    from ._profiles import PROFILES, Profile

__all__ = [
    "FORMATS",
    "FORMAT_NAMES",
    "PROFILES",
    "Conversion",
    "Cue",
    "Corpus",
    "Dropped",
    "Episode",
    "Format",
    "Part",
    "FormatName",
    "Profile",
    "ReadContext",
    "Reading",
    "WriteOptions",
    "base_name",
    "cues",
    "by_extension",
    "detect",
    "detect_binary",
    "estimate_times",
    "get",
    "readable",
    "register",
    "writable",
]

# The caption machinery, imported when first asked for.
_LAZY = {
    "PROFILES": "_profiles",
    "Profile": "_profiles",
    "estimate_times": "_estimate",
    "Cue": "_caption",
    "Part": "_caption",
    "cues": "_caption",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def readable() -> tuple[str, ...]:
    """Names of the formats that can be read."""
    return tuple(n for n, f in FORMATS.items() if f.read is not None)


def writable() -> tuple[str, ...]:
    """Names of the formats that can be written (to a file or a folder)."""
    return tuple(n for n, f in FORMATS.items() if f.write is not None or f.directory)
