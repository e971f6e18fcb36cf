"""Cues as a caption file holds them: the public :class:`Cue` and
:func:`cues`, the cue-level reader of every caption format.

Each caption reader (SRT, WebVTT, SBV, ASS/SSA, TTML, SAMI, MicroDVD, the
Podcasting 2.0 JSON) turns its text into cues; its transcript reader then
builds turns from them (:func:`._build.from_cues`).
"""

from __future__ import annotations

import warnings
from typing import Mapping, Optional

import attrs

from ..errors import ParseError, SkippedCueWarning
from ..model import Word
from ._registry import FORMATS, ReadContext, detect, get

__all__ = ["Cue", "Part", "cues"]


def _words(value: "tuple[Word, ...] | list[Word]") -> tuple[Word, ...]:
    return value if type(value) is tuple else tuple(value)


def _parts(value: "tuple[Part, ...] | list[Part]") -> tuple["Part", ...]:
    return value if type(value) is tuple else tuple(value)


def _settings(value: Mapping[str, str]) -> dict[str, str]:
    return dict(value)


@attrs.frozen(slots=True)
class Part:
    """A stretch of a cue's text spoken by one voice (``None``: the cue
    does not say who)."""

    voice: Optional[str]
    text: str


@attrs.frozen(slots=True)
class Cue:
    """One cue of a caption file.

    ``start`` and ``end`` are seconds; ``text`` is the text shown, lines
    joined by ``"\\n"``, markup removed and character references decoded
    (WebVTT's leading spaces kept as the specification does); ``voice`` is
    the speaker the format itself names (WebVTT ``<v>``, a TTML agent, the
    ASS ``Name`` field), None where it names none — a ``Name:`` written in
    the text is left in the text.  ``parts`` divides the text where the
    voice changes inside the cue (empty when it does not).  ``settings``
    holds what the format says about placement and style (WebVTT cue
    settings, ASS style and layer, TTML region and style), ``identifier``
    the cue's id or number, ``words`` the words' times where the cue gives
    them (WebVTT timestamps, TTML spans, ASS karaoke), and ``line`` /
    ``end_line`` the cue's first and last source lines."""

    start: float
    end: float
    text: str
    voice: Optional[str] = None
    parts: tuple[Part, ...] = attrs.field(default=(), converter=_parts)
    settings: dict[str, str] = attrs.field(factory=dict, converter=_settings)
    identifier: Optional[str] = None
    words: tuple[Word, ...] = attrs.field(default=(), converter=_words)
    line: Optional[int] = None
    end_line: Optional[int] = None

    def voiced(self) -> tuple[Part, ...]:
        """The cue's parts, or its whole text as one part."""
        return self.parts or (Part(self.voice, self.text),)


def cues(text: str, fmt: Optional[str] = None, *, filename: Optional[str] = None, lenient: bool = False) -> tuple[Cue, ...]:
    """The cues of a caption file, in file order.

    ``fmt`` names the format ("srt", "vtt", "sbv", "ass", "ttml", "sami",
    "microdvd", "podcast-json", and the annotations of "eaf" and the timed
    stretches of "trs"); by default it is detected from
    ``filename`` and the content.  A malformed cue raises
    :class:`~transcripts.ParseError` naming file, line and column, or with
    ``lenient`` is skipped; what the format's own rules skip (a WebVTT
    block that is not a cue) is skipped in both cases.  Each skipped cue
    gives a :class:`~transcripts.SkippedCueWarning`."""
    codec = get(fmt) if fmt else detect(filename, text)
    if codec.cues is None:
        known = ", ".join(n for n, f in FORMATS.items() if f.cues is not None)
        raise ValueError(f"format {codec.name!r} has no cues; caption formats: {known}")
    ctx = ReadContext(filename, lenient)
    try:
        out = codec.cues(text, ctx)
    except ParseError as exc:
        raise exc.with_filename(filename) if filename else exc
    for err in ctx.skipped:
        warnings.warn(SkippedCueWarning(str(err)), stacklevel=2)
    return out
