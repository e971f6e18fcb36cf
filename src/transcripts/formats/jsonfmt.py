"""JSON: the document of ``schemas/transcript.schema.json``."""

from __future__ import annotations

import json
from typing import Optional

from ..errors import ParseError
from ..model import Transcript
from ._data import from_data, to_data
from ._registry import Conversion, Format, ReadContext, WriteOptions, register

__all__ = ["dumps", "loads"]


def dumps(t: Transcript) -> str:
    return json.dumps(to_data(t), ensure_ascii=False, indent=2) + "\n"


def loads(text: str, filename: Optional[str] = None) -> Transcript:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ParseError(f"invalid JSON: {exc.msg}", filename, exc.lineno, exc.colno) from None
    return from_data(data, filename)


def _sniff(text: str) -> bool:
    head = text.lstrip()[:200]
    return head.startswith("{") and '"format"' in text[:400] and '"transcripts"' in text[:400]


def _write(t: Transcript, options: WriteOptions) -> Conversion:
    return Conversion(dumps(t), "json")


def _read(text: str, ctx: ReadContext) -> Transcript:
    return loads(text, ctx.filename)


register(Format("json", (".json",), _write, _read, _sniff))
