"""Markdown: speaker-labelled text with bold labels (``**Name:** text``),
and a title no block holds as a ``#`` heading; headings are written as
their text is ("## Part One" once, never "## ## Part One").  Read by the
parser, like plain text."""

from __future__ import annotations

import regex

from ._registry import Format, register
from .text import Style, read, writer

__all__ = ["MARKDOWN", "write"]

MARKDOWN = Style("markdown", lambda name: f"**{name}:** ", lambda s: f"# {s}")

write = writer(MARKDOWN)

# A bold label at the start of a line: "**Full Name:** text" (the colon
# inside or just after the bold), or a "# " heading opening the document.
_BOLD_LABEL = regex.compile(r"^\*\*[^*\n]{1,80}(?::\*\*|\*\*:)[ ]", regex.MULTILINE)
_HEADING = regex.compile(r"^#{1,3}[ ]\S")


def _sniff(text: str) -> bool:
    head = text.lstrip("\ufeff")[:4000]
    return _HEADING.match(head.lstrip()) is not None or _BOLD_LABEL.search(head) is not None


register(Format("markdown", (".md", ".markdown"), write, read, _sniff))
