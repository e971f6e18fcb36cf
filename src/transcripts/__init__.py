"""transcripts: podcast and interview transcripts as structured data.

    >>> import transcripts
    >>> t = transcripts.parse("Ann Lee: Hello.\\n\\nBo Chen: Hi, Ann.\\n\\nAnn Lee: Welcome.\\n")
    >>> [s.name for s in t.speakers]
    ['Ann Lee', 'Bo Chen']
    >>> transcripts.loads(transcripts.dumps(t, "json"), "json") == t
    True

The names below are imported on first use, so ``import transcripts`` (and
``transcripts --version``) stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .errors import ParseError, SkippedCueWarning
    from .formats import FORMAT_NAMES, PROFILES, Conversion, Cue, Dropped, FormatName, Reading, cues, estimate_times
    from .io import convert, dump, dumps, load, loads, read, write_corpus
    from .model import Block, Metadata, Span, Speaker, Topic, Transcript, Turn, Word
    from .naming import name_speakers
    from .parser import conventions, parse, parse_bytes
    from .rules import DEFAULT_RULES, RuleSet
    from ._schemas import schema, schema_names

#: Where each public name lives.
_WHERE = {
    "ParseError": "errors",
    "SkippedCueWarning": "errors",
    "FORMAT_NAMES": "formats",
    "FormatName": "formats",
    "PROFILES": "formats",
    "Conversion": "formats",
    "Dropped": "formats",
    "Cue": "formats",
    "cues": "formats",
    "Reading": "formats",
    "estimate_times": "formats",
    "convert": "io",
    "dump": "io",
    "dumps": "io",
    "load": "io",
    "loads": "io",
    "read": "io",
    "write_corpus": "io",
    "Block": "model",
    "Metadata": "model",
    "Span": "model",
    "Speaker": "model",
    "Topic": "model",
    "Transcript": "model",
    "Turn": "model",
    "Word": "model",
    "name_speakers": "naming",
    "DEFAULT_RULES": "rules",
    "RuleSet": "rules",
    "conventions": "parser",
    "parse": "parser",
    "parse_bytes": "parser",
    "schema": "_schemas",
    "schema_names": "_schemas",
}

__all__ = sorted([*_WHERE, "__version__"])


#: Subpackages and modules reachable as attributes (``transcripts.formats``).
_MODULES = ("check", "cli", "errors", "formats", "io", "model", "names", "naming", "parser", "rules", "slots", "strategies", "times", "topics")


def __getattr__(name: str) -> Any:
    from importlib import import_module

    if name in _MODULES:
        return import_module(f"{__name__}.{name}")
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_WHERE))
