"""YouTube's own caption formats (read only), as yt-dlp and the timedtext
API give them.

* ``youtube-json3`` (``.json3``): ``{"events": [{"tStartMs", "dDurationMs",
  "segs": [{"utf8", "tOffsetMs"}]}]}``; each event with text is a cue, and
  a segment's offset times its words (automatic captions give one per
  word); events that only break a line (``"\\n"``) are left out.
* ``youtube-xml``: the timedtext XML, ``srv1`` (``<transcript><text
  start="0.12" dur="3.7">``, seconds, the text escaped once more), ``srv2``
  (``<timedtext><text t="120" d="3700">``, milliseconds) and ``srv3``
  (``<timedtext format="3"><body><p t d><s t>``, with words).

Cues become a transcript as every caption file's do (speaker prefixes
taken on evidence, ``>>`` changes of speaker, rolling captions read once;
see :mod:`._build`).  A cue without a start, or with a time that is no
number, is a malformed cue naming its line; malformed XML is an error
naming its line and column.
"""

from __future__ import annotations

import html
import math
from typing import Any, Optional
from xml.etree import ElementTree

from ..model import Transcript, Word
from ..times import MAX_SECONDS
from ._asr import shape
from ._build import reading
from ._caption import Cue
from ._json import decode, objects
from ._registry import Format, ReadContext, register

__all__ = ["json3_cues", "read_json3", "read_xml", "xml_cues"]


def _ms(value: Any) -> Optional[int]:
    """Whole milliseconds (a number, or digits), None otherwise."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        value = int(value)
    if isinstance(value, float) and math.isfinite(value):
        value = int(round(value))
    if isinstance(value, int) and abs(value) <= MAX_SECONDS * 1000:
        return value
    return None


def _timed(pieces: list[tuple[int, str]], end: int) -> tuple[str, tuple[Word, ...]]:
    """A cue's text from its pieces (start in ms, text), and its words, each
    from its piece's start to the next piece's."""
    text = " ".join("".join(t for _, t in pieces).split())
    words: list[Word] = []
    for k, (start, piece) in enumerate(pieces):
        stop = pieces[k + 1][0] if k + 1 < len(pieces) else end
        words.extend(Word(tok, start / 1000, max(start, stop) / 1000) for tok in piece.split())
    if len(words) != len(text.split()):
        return text, ()  # a word written across two pieces: the text alone
    return text, tuple(words)


# ------------------------------------------------------------------ json3


def json3_cues(text: str, ctx: ReadContext) -> tuple[Cue, ...]:
    data = decode(text, ctx)
    if not isinstance(data, dict) or not isinstance(data.get("events"), list):
        raise ctx.error('not YouTube json3: expected an object with an "events" list', 1, 1)
    out: list[Cue] = []
    for where, line, event in objects(ctx, text, data["events"], "events"):
        segs = event.get("segs")
        if not isinstance(segs, list):
            continue  # a window's definition, not text
        start = _ms(event.get("tStartMs"))
        if start is None:
            ctx.bad_cue(f"{where}.tStartMs: expected milliseconds", line)
            continue
        duration = _ms(event.get("dDurationMs", 0)) or 0
        pieces = []
        for seg in segs:
            said = seg.get("utf8") if isinstance(seg, dict) else None
            if isinstance(said, str):
                offset = _ms(seg.get("tOffsetMs", 0)) or 0
                pieces.append((start + offset, said))
        shown, words = _timed(pieces, start + duration)
        if shown:
            out.append(Cue(start / 1000, (start + max(duration, 0)) / 1000, shown, words=words if any(seg.get("tOffsetMs") for seg in segs if isinstance(seg, dict)) else (), line=line, end_line=line))
    return tuple(out)


def read_json3(text: str, ctx: ReadContext) -> Transcript:
    return reading(json3_cues(text, ctx), ctx)


def _sniff_json3(text: str) -> bool:
    data = shape(text)
    if not isinstance(data, dict) or not isinstance(data.get("events"), list):
        return False
    first = next((e for e in data["events"] if isinstance(e, dict)), None)
    return "wireMagic" in data or (first is not None and "tStartMs" in first)


# -------------------------------------------------------------------- XML


def xml_cues(text: str, ctx: ReadContext) -> tuple[Cue, ...]:
    try:
        root = ElementTree.fromstring(text.lstrip("\ufeff"))
    except ElementTree.ParseError as exc:
        line, column = exc.position
        raise ctx.error(f"not YouTube timedtext: malformed XML ({str(exc).split(':')[0]})", line, column + 1) from None
    out: list[Cue] = []
    number = 0
    for el in root.iter():
        tag = el.tag.rsplit("}", 1)[-1]
        if tag not in ("text", "p"):
            continue
        number += 1
        where = f"<{tag}> {number}"
        if "start" in el.attrib:  # srv1: seconds, text escaped once more
            try:
                start_s = float(el.get("start", ""))
                duration_s = float(el.get("dur", "0") or 0)
            except ValueError:
                ctx.bad_cue(f"{where}: start and dur must be seconds")
                continue
            if not (0 <= start_s <= MAX_SECONDS and 0 <= duration_s <= MAX_SECONDS):
                ctx.bad_cue(f"{where}: a time past any recording")
                continue
            shown = " ".join(html.unescape("".join(el.itertext())).split())
            if shown:
                out.append(Cue(start_s, start_s + duration_s, shown))
            continue
        start = _ms(el.get("t"))
        if start is None:
            ctx.bad_cue(f"{where}: expected its start in milliseconds (t=)")
            continue
        duration = _ms(el.get("d", "0")) or 0
        spans = [s for s in el if s.tag.rsplit("}", 1)[-1] == "s"]
        if spans:  # srv3 words
            pieces = [((start + (_ms(s.get("t", "0")) or 0)), "".join(s.itertext())) for s in spans]
            shown, words = _timed(pieces, start + duration)
        else:
            shown, words = " ".join("".join(el.itertext()).split()), ()
        if shown:
            out.append(Cue(start / 1000, (start + duration) / 1000, shown, words=words))
    return tuple(out)


def read_xml(text: str, ctx: ReadContext) -> Transcript:
    return reading(xml_cues(text, ctx), ctx)


def _sniff_xml(text: str) -> bool:
    head = text.lstrip("\ufeff").lstrip()[:400]
    return head.startswith("<") and ("<timedtext" in head or ("<transcript>" in head and "<text start=" in head))


register(Format("youtube-json3", (".json3",), None, read_json3, _sniff_json3, (), json3_cues))
register(Format("youtube-xml", (".srv1", ".srv2", ".srv3"), None, read_xml, _sniff_xml, (), xml_cues))
