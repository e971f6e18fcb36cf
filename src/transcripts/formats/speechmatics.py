"""Speechmatics' JSON transcript, ``json-v2`` (read only).

``GET /v2/jobs/{id}/transcript?format=json-v2`` as Speechmatics' batch API
reference documents it (format 2.x, 2023–2025): ``{"format": "2.9",
"job": {...}, "metadata": {"transcription_config": {"language",
"diarization"}, ...}, "results": [{"type": "word" | "punctuation" |
"entity", "start_time", "end_time", "attaches_to", "is_eos", "channel",
"alternatives": [{"content", "confidence", "language", "speaker"}]}]}``,
times in seconds.  The first alternative's ``speaker`` ("S1", "UU" for one
not identified, kept as written) is the speaker, else the result's
``channel`` ("channel_1", channel diarisation); a punctuation mark joins
the word on the side its ``attaches_to`` names (``previous`` when it names
none); an entity is read from its ``written_form`` words, or as its
content; other result types are left out, as the reference asks.  The
configured language gives the language (``auto``: the first word's).
Recognised by its shape.
"""

from __future__ import annotations

from typing import Any, Optional

import attrs

from ..model import Metadata, Transcript, Word
from ._asr import Said, build, confidence, label, language, seconds, shape
from ._json import decode, objects
from ._registry import Format, ReadContext, register

__all__ = ["read"]

#: The result types that are speech.
_SPEECH = ("word", "punctuation", "entity")


def _is(data: Any) -> bool:
    if not isinstance(data, dict) or not isinstance(data.get("results"), list) or not isinstance(data.get("metadata"), dict):
        return False
    version = data.get("format")
    if not isinstance(version, str) or not version.startswith("2."):
        return False
    first = next((r for r in data["results"] if isinstance(r, dict)), None)
    return first is None or "type" in first and "alternatives" in first


def _best(result: dict[str, Any]) -> Optional[dict[str, Any]]:
    alternatives = result.get("alternatives")
    best = alternatives[0] if isinstance(alternatives, list) and alternatives else None
    return best if isinstance(best, dict) and isinstance(best.get("content"), str) else None


class _Words:
    """The words read so far, each with its speaker, and the marks that
    wait for the next word (``attaches_to: next``, or ``both``)."""

    def __init__(self) -> None:
        self.out: list[tuple[Optional[str], Word]] = []
        self.prefix = ""
        self.glue = False  # the next word joins the last one ("both")
        self.orphan = False  # the last word was malformed: its marks go with it
        self.language: Optional[str] = None

    def word(self, speaker: Optional[str], content: str, start: float, end: float, conf: Optional[float]) -> None:
        for tok in content.split():
            tok, self.prefix = self.prefix + tok, ""
            if self.glue and self.out:
                who, last = self.out[-1]
                self.out[-1] = (who, attrs.evolve(last, text=last.text + tok, end=max(last.end or end, end)))
            else:
                self.out.append((speaker, Word(tok, start, max(start, end), conf)))
            self.glue = False
        self.orphan = False

    def mark(self, speaker: Optional[str], content: str, attaches: Any, start: float, end: float) -> None:
        mark = "".join(content.split())
        if not mark or self.orphan and attaches in ("previous", "both", None):
            return
        if attaches == "next" or self.prefix:
            self.prefix += mark
        elif attaches in ("previous", "both", None) and self.out:
            who, last = self.out[-1]
            self.out[-1] = (who, attrs.evolve(last, text=last.text + mark))
            self.glue = attaches == "both"
        else:  # "none", or nothing before it to join
            self.glue = False
            self.word(speaker, mark, start, end, None)

    def close(self) -> None:
        """A mark that waited for a word that never came joins the last one."""
        if self.prefix and self.out:
            who, last = self.out[-1]
            self.out[-1] = (who, attrs.evolve(last, text=last.text + self.prefix))
        self.prefix = ""


def _written(entity: dict[str, Any], best: dict[str, Any], start: float, end: float) -> list[tuple[dict[str, Any], float, float]]:
    """An entity's words as written ("£10" for "ten pounds"), each with its
    best alternative and times; the entity itself when they are not all
    there."""
    parts = entity.get("written_form")
    out = []
    for part in parts if isinstance(parts, list) else []:
        best = _best(part) if isinstance(part, dict) else None
        start, end = (seconds(part.get("start_time")), seconds(part.get("end_time"))) if best is not None else (None, None)
        if best is None or start is None or end is None:
            out = []
            break
        out.append((best, start, end))
    return out or [(best, start, end)]


def _speaker(result: dict[str, Any], best: dict[str, Any]) -> Optional[str]:
    who = label(best.get("speaker"))
    return who if who is not None else label(result.get("channel"))


def read(text: str, ctx: ReadContext) -> Transcript:
    data = decode(text, ctx)
    if not _is(data):
        raise ctx.error('not a Speechmatics transcript: expected {"format": "2.x", "metadata", "results": [...]}', 1, 1)
    words = _Words()
    channels = False
    for where, line, result in objects(ctx, text, data["results"], "results"):
        kind = result.get("type")
        if kind not in _SPEECH:
            continue
        best = _best(result)
        if best is None:
            ctx.bad_cue(f"{where}: expected alternatives[0].content (a string)", line)
            words.orphan = kind != "punctuation"
            continue
        start, end = seconds(result.get("start_time")), seconds(result.get("end_time"))
        if kind == "punctuation":
            # A mark's times are the word's end; missing ones are no matter.
            at = start if start is not None else end if end is not None else (words.out[-1][1].end if words.out else None)
            at = at if at is not None else 0.0
            words.mark(_speaker(result, best), best["content"], result.get("attaches_to"), at, end if end is not None else at)
            continue
        if start is None or end is None:
            ctx.bad_cue(f"{where}: expected start_time and end_time (seconds)", line)
            words.orphan = True
            continue
        channels = channels or "channel" in result
        words.language = words.language or language(best.get("language"))
        for b, s, e in _written(result, best, start, end) if kind == "entity" else [(best, start, end)]:
            words.word(_speaker(result, b), b["content"], s, e, confidence(b.get("confidence")))
    words.close()
    found = words.out
    if channels:  # channel diarisation: each channel's words, in order of time
        found = sorted(found, key=lambda f: f[1].start or 0.0)
    return build([Said(who, (w,)) for who, w in found], Metadata(source=ctx.filename, language=_language(data) or words.language))


def _language(data: dict[str, Any]) -> Optional[str]:
    config = data["metadata"].get("transcription_config")
    code = config.get("language") if isinstance(config, dict) else None
    return language(code) if isinstance(code, str) and code.strip().lower() != "auto" else None


def _sniff(text: str) -> bool:
    return _is(shape(text))


register(Format("speechmatics", (), None, read, _sniff))
