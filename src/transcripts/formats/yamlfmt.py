"""YAML: the JSON document, pleasant to read and hand-edit.

Long paragraphs are written as folded block scalars and multi-line strings
as literal ones, where the string survives that style unchanged; libyaml's
C emitter and loader are used when PyYAML has them.  Reading uses safe
loading only.
"""

from __future__ import annotations

from typing import Any, Optional

import yaml

from ..errors import ParseError
from ..model import Transcript
from ._data import WordData, from_data, to_data
from ._registry import Conversion, Format, ReadContext, WriteOptions, register

__all__ = ["dumps", "loads"]

_Dumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: Strings at least this long are written as folded block scalars.
FOLD_AT = 72


def _block_safe(s: str) -> bool:
    """Whether a block scalar reads back as exactly ``s``."""
    if s != s.strip() or "  " in s or "\t" in s or "\r" in s:
        return False
    if any(not c.isprintable() and c != "\n" for c in s):
        return False
    return all(line == line.strip() and line for line in s.split("\n"))


class _TranscriptDumper(_Dumper):  # type: ignore[misc, valid-type]
    pass


def _represent_str(dumper: Any, s: str) -> Any:
    style = None
    if _block_safe(s):
        if "\n" in s:
            style = "|"
        elif len(s) >= FOLD_AT:
            style = ">"
    return dumper.represent_scalar("tag:yaml.org,2002:str", s, style=style)


_TranscriptDumper.add_representer(str, _represent_str)


def _represent_word(dumper: Any, w: WordData) -> Any:
    # One word per line: {text: Hello, start: 0.5, end: 0.8}.
    return dumper.represent_mapping("tag:yaml.org,2002:map", dict(w), flow_style=True)


_TranscriptDumper.add_representer(WordData, _represent_word)


def dumps(t: Transcript) -> str:
    return yaml.dump(
        to_data(t), Dumper=_TranscriptDumper, allow_unicode=True, sort_keys=False, width=88, default_flow_style=False
    )


def loads(text: str, filename: Optional[str] = None) -> Transcript:
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        line = mark.line + 1 if mark is not None else None
        column = mark.column + 1 if mark is not None else None
        raise ParseError(f"invalid YAML: {problem}", filename, line, column) from None
    return from_data(data, filename)


def _sniff(text: str) -> bool:
    """A document whose first key is ``format: transcripts``, after any
    comments, blank lines and a ``---`` document start."""
    for line in text.lstrip("\ufeff").split("\n", 50)[:50]:
        line = line.rstrip()
        if not line or line.startswith("#") or line == "---":
            continue
        return line.startswith("format: transcripts")
    return False


def _write(t: Transcript, options: WriteOptions) -> Conversion:
    return Conversion(dumps(t), "yaml")


def _read(text: str, ctx: ReadContext) -> Transcript:
    return loads(text, ctx.filename)


register(Format("yaml", (".yaml", ".yml"), _write, _read, _sniff))
