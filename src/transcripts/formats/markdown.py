"""Markdown: speaker-labelled text with bold labels (``**Name:** text``),
the title as a ``#`` heading and other headings as ``##``.  Read by the
parser, like plain text."""

from __future__ import annotations

from ._registry import Format, register
from .text import Style, read, writer

__all__ = ["MARKDOWN", "write"]

MARKDOWN = Style("markdown", lambda name: f"**{name}:** ", lambda s: f"# {s}", lambda s: f"## {s}")

write = writer(MARKDOWN)

register(Format("markdown", (".md", ".markdown"), write, read))
