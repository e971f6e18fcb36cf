"""The one error type the library raises for bad input."""

from __future__ import annotations

from typing import Optional

__all__ = ["ParseError", "SkippedCueWarning"]


class ParseError(ValueError):
    """Input that cannot be read, with where it went wrong.

    ``filename``, ``line`` and ``column`` (1-based) are ``None`` where they do
    not apply.  ``str(err)`` reads ``file:line:column: message`` like a
    compiler's error, and the exception pickles (it crosses process pools).
    """

    def __init__(
        self,
        message: str,
        filename: Optional[str] = None,
        line: Optional[int] = None,
        column: Optional[int] = None,
    ) -> None:
        super().__init__(message, filename, line, column)
        self.message = message
        self.filename = filename
        self.line = line
        self.column = column

    def with_filename(self, filename: str) -> "ParseError":
        """The same error, naming ``filename`` (when it named none)."""
        if self.filename is not None:
            return self
        return ParseError(self.message, filename, self.line, self.column)

    def __str__(self) -> str:
        where = [str(p) for p in (self.filename, self.line, self.column) if p is not None]
        return ":".join(where + [" " + self.message]) if where else self.message

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (ParseError, (self.message, self.filename, self.line, self.column))


class SkippedCueWarning(UserWarning):
    """A malformed cue that a lenient reader skipped; the message names
    file, line and column as :class:`ParseError` does."""
