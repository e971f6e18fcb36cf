"""YAML: the JSON document, pleasant to read and hand-edit.

Long paragraphs are written as folded block scalars and multi-line strings
as literal ones, where the string survives that style unchanged; libyaml's
C emitter and loader are used when PyYAML has them.  Reading uses safe
loading only, after a pass over the document's events that refuses what
hostile input can do to a loader: aliases that expand the document many
times over ("billion laughs"), nesting deeper than :data:`MAX_DEPTH`, and
lone surrogates.
"""

from __future__ import annotations

import functools
from typing import Any, Optional, Sequence, Union

from ..errors import ParseError
from ..model import Transcript
from ._data import WordData, from_data, to_data
from ._registry import Conversion, Format, ReadContext, WriteOptions, register

__all__ = ["MAX_DEPTH", "dumps", "load", "loads", "locate"]


#: Strings at least this long are written as folded block scalars.
FOLD_AT = 72
#: The deepest nesting of lists and mappings a document may have.
MAX_DEPTH = 64
#: What aliases may add to a document: this many times its own size (plus
#: a little), counted in characters of the expanded document.
ALIAS_FACTOR = 10
ALIAS_SLACK = 10_000


def _block_safe(s: str) -> bool:
    """Whether a block scalar reads back as exactly ``s``."""
    if s != s.strip() or "  " in s or "\t" in s or "\r" in s:
        return False
    if any(not c.isprintable() and c != "\n" for c in s):
        return False
    return all(line == line.strip() and line for line in s.split("\n"))


def _represent_str(dumper: Any, s: str) -> Any:
    style = None
    if _block_safe(s):
        if "\n" in s:
            style = "|"
        elif len(s) >= FOLD_AT:
            style = ">"
    return dumper.represent_scalar("tag:yaml.org,2002:str", s, style=style)


def _represent_word(dumper: Any, w: WordData) -> Any:
    # One word per line: {text: Hello, start: 0.5, end: 0.8}.
    return dumper.represent_mapping("tag:yaml.org,2002:map", dict(w), flow_style=True)


@functools.lru_cache(maxsize=None)
def _codec() -> tuple[Any, Any, Any]:
    """PyYAML, its safe loader and our dumper (libyaml's where PyYAML has
    it), imported when first needed: most conversions never touch YAML."""
    import yaml

    class _TranscriptDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
        pass

    _TranscriptDumper.add_representer(str, _represent_str)
    _TranscriptDumper.add_representer(WordData, _represent_word)
    return yaml, getattr(yaml, "CSafeLoader", yaml.SafeLoader), _TranscriptDumper


def dumps(t: Transcript) -> str:
    yaml, _, dumper = _codec()
    return yaml.dump(
        to_data(t), Dumper=dumper, allow_unicode=True, sort_keys=False, width=88, default_flow_style=False
    )


def _where(mark: Any) -> tuple[Optional[int], Optional[int]]:
    return (mark.line + 1, mark.column + 1) if mark is not None else (None, None)


def _vet(text: str, filename: Optional[str]) -> None:
    """Refuse deep nesting, alias amplification and lone surrogates, from
    the parser's events (no tree is built; nothing recurses)."""
    limit = ALIAS_FACTOR * len(text) + ALIAS_SLACK
    weights: dict[str, int] = {}
    stack: list[list[Any]] = []  # [anchor, weight]
    expanded = 0
    event: Any
    yaml, loader, _ = _codec()
    for event in yaml.parse(text, Loader=loader):
        kind = type(event)
        if kind is yaml.ScalarEvent:
            value = event.value
            if not value.isascii() and any("\ud800" <= c <= "\udfff" for c in value):
                raise ParseError("invalid YAML: a lone surrogate character", filename, *_where(event.start_mark))
            weight = len(value) + 1
            if event.anchor:
                weights[event.anchor] = weight
            if stack:
                stack[-1][1] += weight
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            if len(stack) >= MAX_DEPTH:
                raise ParseError(f"invalid YAML: nested more than {MAX_DEPTH} levels deep", filename, *_where(event.start_mark))
            stack.append([event.anchor, 1])
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            anchor, weight = stack.pop()
            if anchor:
                weights[anchor] = weight
            if stack:
                stack[-1][1] += weight
        elif kind is yaml.AliasEvent:
            weight = weights.get(event.anchor, 1)
            expanded += weight
            if expanded > limit:
                raise ParseError(
                    "invalid YAML: its aliases expand the document more than "
                    f"{ALIAS_FACTOR} times over (a document that amplifies itself is refused)",
                    filename,
                    *_where(event.start_mark),
                )
            if stack:
                stack[-1][1] += weight


def load(text: str, filename: Optional[str] = None) -> Any:
    """The data of a YAML document (safe loading, after :func:`_vet`); a
    ParseError naming line and column for anything a loader refuses,
    including values its constructors cannot build (``2020-13-45``, an
    integer of more than 4,300 digits)."""
    yaml, loader, _ = _codec()
    try:
        _vet(text, filename)
        return yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise ParseError(f"invalid YAML: {problem}", filename, *_where(mark)) from None
    except ParseError:
        raise
    except (ValueError, OverflowError, TypeError, AttributeError, RecursionError) as exc:
        # PyYAML's constructors fail this way on values they cannot build
        # (``2020-13-45``, ``!!timestamp nonsense``, 5,000-digit integers).
        raise ParseError(f"invalid YAML: a value cannot be read ({str(exc).split(';')[0]})", filename) from None


def locate(text: str, path: Sequence[Union[str, int]]) -> Optional[tuple[int, int]]:
    """The (line, column) of the value at ``path`` in a YAML document, or of
    the deepest part of the path it has."""
    yaml, loader, _ = _codec()
    try:
        node = yaml.compose(text, Loader=loader)
    except yaml.YAMLError:
        return None
    best = None
    for part in path:
        if node is None:
            break
        best = node.start_mark
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            node = node.value[part]
        else:
            node = None
    if node is not None:
        best = node.start_mark
    line, column = _where(best)
    return (line, column) if line is not None and column is not None else None


def loads(text: str, filename: Optional[str] = None) -> Transcript:
    return from_data(load(text, filename), filename, lambda path: locate(text, path))


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
