"""XML for the readers of XML formats (TTML, ELAN, Transcriber): the
document as a tree with source lines, parsed by expat without a DTD or
external entities (see :func:`.ttml._parse_xml`), and the name of a
document's root element for a format's content check."""

from __future__ import annotations

from typing import Optional

import regex

from .ttml import _Node as Node
from .ttml import _parse_xml as parse
from .ttml import _text_of as text_of

__all__ = ["Node", "parse", "root_element", "text_of"]

# What may come before the root element: an XML declaration, comments,
# processing instructions and a document type declaration (with an
# internal subset in brackets, which holds no ">" inside a quoted string
# here: enough to find the root, not to read the subset).
_PROLOG = regex.compile(
    r"""(?:\s|<\?[^>]{0,500}\?>|<!--.{0,2000}?-->|<!DOCTYPE\s[^\[>]{0,500}(?:\[[^\]]{0,4000}\])?\s*>)*""",
    regex.DOTALL,
)
_ROOT = regex.compile(r"<([A-Za-z_][-A-Za-z0-9._:]{0,100})[\s/>]")


def root_element(text: str) -> Optional[str]:
    """The name of the document's root element as written (``Trans``,
    ``ANNOTATION_DOCUMENT``), from the first few thousand characters;
    None when the text does not open as an XML document does."""
    head = text[:8000].lstrip("\ufeff")
    m = _PROLOG.match(head)
    at = m.end() if m is not None else 0
    root = _ROOT.match(head, at)
    return root.group(1) if root is not None else None
