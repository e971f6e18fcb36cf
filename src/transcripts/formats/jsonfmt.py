"""JSON: the document of ``schemas/transcript.schema.json``.

Written indented (two spaces, as ``json.dumps(indent=2)`` writes it) or
``compact`` (no whitespace).  Either way the C encoder does the work: the
indented layout is built from the document's known shape, each string
encoded by the C string encoder, rather than by the pure-Python encoder
``json.dumps`` falls back to whenever ``indent`` is given.
"""

from __future__ import annotations

import json
from typing import Any, Callable, Optional

from ..model import Transcript
from ._data import Rows, WordData, from_data, to_data
from ._json import load, locate
from ._registry import Conversion, Format, ReadContext, WriteOptions, register

__all__ = ["dumps", "encode", "loads"]

_string: Callable[[str], str] = getattr(json.encoder, "c_encode_basestring", None) or json.encoder.py_encode_basestring
_compact = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode
_float = float.__repr__
_int = int.__repr__
_INFINITY = float("inf")


class _Fallback(Exception):
    """Data the fast path does not handle (a key that is not a string)."""


def _scalar(value: Any) -> str:
    kind = type(value)
    if kind is str:
        return _string(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if kind is int:
        return _int(value)
    if kind is float:
        if value != value or value in (_INFINITY, -_INFINITY):
            raise ValueError(f"out of range float values are not JSON compliant: {value!r}")
        return _float(value)
    raise _Fallback


#: What :func:`_indented` walks (a word's data is a marked dict).
_NESTED = (dict, list, WordData)

#: Encoded keys with their separator ('"speaker": '), by key.
_KEYS: dict[str, str] = {}


def _key(key: Any) -> str:
    if type(key) is not str:
        raise _Fallback
    encoded = _KEYS.get(key)
    if encoded is None:
        encoded = _string(key) + ": "
        if len(_KEYS) < 10_000:
            _KEYS[key] = encoded
    return encoded


def _indented(value: Any, pad: str) -> str:
    """``value`` as ``json.dumps(indent=2)`` writes it, ``pad`` being the
    indentation of the line it starts on.  Strings go to the C string
    encoder (a list of strings in one ``map``); only the nesting is walked
    here."""
    kind = type(value)
    if kind is dict or kind is WordData:
        if not value:
            return "{}"
        inner = pad + "  "
        parts = []
        append = parts.append
        for key, item in value.items():
            k = type(item)
            if k is str:
                append(_key(key) + _string(item))
            elif item is None:
                append(_key(key) + "null")
            elif k is dict or k is list or k is Rows or k is WordData:
                append(_key(key) + _indented(item, inner))
            else:
                append(_key(key) + _scalar(item))
        return "{\n" + inner + (",\n" + inner).join(parts) + "\n" + pad + "}"
    if kind is list:
        if not value:
            return "[]"
        inner = pad + "  "
        if all(type(v) is str for v in value):
            body = (",\n" + inner).join(map(_string, value))
        else:
            body = (",\n" + inner).join([_indented(v, inner) if type(v) in _NESTED else _scalar(v) for v in value])
        return "[\n" + inner + body + "\n" + pad + "]"
    if kind is Rows:
        return "".join(_rows(value, pad))
    return _scalar(value)


def _rows(value: Rows, pad: str) -> list[str]:
    """The pieces of :class:`Rows` written as :func:`_indented` writes a
    list: each record's data is made, encoded and dropped in turn, and the
    pieces are joined once (not copied at each level)."""
    if not len(value):
        return ["[]"]
    inner = pad + "  "
    sep = ",\n" + inner
    out = ["[\n" + inner]
    append = out.append
    for v in value:
        append(_indented(v, inner))
        append(sep)
    out[-1] = "\n" + pad + "]"
    return out


def _document(data: dict[str, Any]) -> str:
    """The document as :func:`encode` indents it, its :class:`Rows`
    written by :func:`_rows`, with one join of every piece."""
    out = ["{\n  "]
    for key, value in data.items():
        out.append(_key(key))
        if type(value) is Rows:
            out.extend(_rows(value, "  "))
        else:
            out.append(_indented(value, "  ") if type(value) in _NESTED else _scalar(value))
        out.append(",\n  ")
    out[-1] = "\n}\n"
    return "".join(out)


def _compact_document(data: dict[str, Any]) -> str:
    """``data`` without whitespace, as ``json.dumps(separators=(",", ":"))``
    writes it, its :class:`Rows` encoded one record at a time."""
    parts = []
    for key, value in data.items():
        body = "[" + ",".join(map(_compact, value)) + "]" if type(value) is Rows else _compact(value)
        parts.append(_string(key) + ":" + body)
    return "{" + ",".join(parts) + "}"


def encode(data: Any, compact: bool = False) -> str:
    """JSON text of plain data (non-ASCII kept as is) and a final newline:
    indented by two spaces, byte for byte as ``json.dumps(data,
    ensure_ascii=False, indent=2)`` writes it, or compact (no whitespace)."""
    if compact:
        return _compact(data) + "\n"
    try:
        return _indented(data, "") + "\n"
    except _Fallback:
        return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def dumps(t: Transcript, compact: bool = False) -> str:
    """The transcript as JSON text (see :func:`encode`).  The data of one
    turn or block at a time is made, so that a long transcript's text is
    not held twice over as data and text."""
    data = to_data(t, lazy=True)
    try:
        return _compact_document(data) + "\n" if compact else _document(data)
    except _Fallback:
        return encode(to_data(t), compact)


def loads(text: str, filename: Optional[str] = None) -> Transcript:
    return from_data(load(text, filename), filename, lambda path: locate(text, path))


def _sniff(text: str) -> bool:
    head = text.lstrip()[:200]
    return head.startswith("{") and '"format"' in text[:400] and '"transcripts"' in text[:400]


def _write(t: Transcript, options: WriteOptions) -> Conversion:
    return Conversion(dumps(t, options.compact), "json")


def _read(text: str, ctx: ReadContext) -> Transcript:
    return loads(text, ctx.filename)


register(Format("json", (".json",), _write, _read, _sniff, options=("compact",)))
