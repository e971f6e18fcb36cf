"""XML for the readers of XML formats (TTML, ELAN, Transcriber): the
document as a tree with source lines, parsed by expat without a DTD or
external entities (:func:`parse`), the name of a document's root element
for a format's content check, and escaping for the writers."""

from __future__ import annotations

import xml.parsers.expat
from typing import Any, Optional

import attrs
import regex

from ._registry import ReadContext

__all__ = ["NOT_XML", "Node", "escape", "find", "parse", "quoteattr", "root_element", "text_of"]


@attrs.define(slots=True)
class Node:
    tag: str  # "namespace local" or "local"
    attrs: dict[str, str]
    line: int
    column: int
    children: list[Any] = attrs.field(factory=list)  # Node or str
    end_line: int = 0

    @property
    def local(self) -> str:
        return self.tag.rpartition(" ")[2]

    @property
    def ns(self) -> str:
        return self.tag.rpartition(" ")[0]

    def get(self, ns: str, name: str) -> Optional[str]:
        return self.attrs.get(f"{ns} {name}" if ns else name)


def parse(text: str, ctx: ReadContext, kind: str = "TTML") -> Node:
    """The document as a tree of :class:`Node` with source lines.  No DTD,
    no external entities: expat reads neither, and refuses entity
    expansion bombs; an entity the document never declares is an error
    even where a DTD outside it (which is not read) might declare it.
    ``kind`` names the format in the errors (TTML, ELAN EAF, …)."""
    parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")
    root = Node("document", {}, 1, 1)
    stack = [root]

    def start(tag: str, attributes: dict[str, str]) -> None:
        node = Node(tag, attributes, parser.CurrentLineNumber, parser.CurrentColumnNumber + 1)
        stack[-1].children.append(node)
        stack.append(node)

    def end(tag: str) -> None:
        stack.pop().end_line = parser.CurrentLineNumber

    def data(chunk: str) -> None:
        children = stack[-1].children
        if children and isinstance(children[-1], str):
            children[-1] += chunk
        else:
            children.append(chunk)

    where: list[int] = []  # where a handler refused the document

    def no_entities(*_: Any) -> None:
        raise ValueError("entity declarations are not read")

    def undefined(name: str, _parameter: bool) -> None:
        where[:] = [parser.CurrentLineNumber, parser.CurrentColumnNumber + 1]
        raise ValueError(f"undefined entity &{name};")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = data
    parser.EntityDeclHandler = no_entities
    parser.SkippedEntityHandler = undefined
    try:
        parser.Parse(text.lstrip("\ufeff"), True)
    except xml.parsers.expat.ExpatError as exc:
        raise ctx.error(f"invalid XML: {xml.parsers.expat.ErrorString(exc.code)}", exc.lineno, exc.offset + 1) from None
    except ValueError as exc:
        line, column = where or (parser.CurrentLineNumber, parser.CurrentColumnNumber + 1)
        raise ctx.error(f"invalid {kind}: {exc}", line, column) from None
    return root


def find(node: Node, local: str) -> Optional[Node]:
    for child in node.children:
        if isinstance(child, Node):
            if child.local == local:
                return child
            found = find(child, local)
            if found is not None:
                return found
    return None


def text_of(node: Node) -> str:
    return "".join(c if isinstance(c, str) else text_of(c) for c in node.children)


# --------------------------------------------------------------- reading


# Characters XML 1.0 cannot hold: written as U+FFFD.
NOT_XML = regex.compile(r"[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def escape(text: str) -> str:
    """Text for XML character data (as ``xml.sax.saxutils.escape`` writes
    it, without importing it: that module pulls in urllib and http)."""
    return NOT_XML.sub("\ufffd", text).replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def quoteattr(text: str) -> str:
    """An attribute's value with its quotes (as ``xml.sax.saxutils.quoteattr``)."""
    text = escape(text).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' not in text:
        return f'"{text}"'
    if "'" not in text:
        return f"'{text}'"
    return '"' + text.replace('"', "&quot;") + '"'



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
