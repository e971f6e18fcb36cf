"""The Podcasting 2.0 JSON chapters file, from the transcript's topics
(``schemas/podcast-chapters.schema.json``).

``{"version": "1.2.0", "title", "chapters": [{"startTime", "title",
"endTime"?, "toc"?}]}``, ascending by ``startTime``: one chapter per topic
(:mod:`transcripts.topics` places them in the dialogue).  A topic starts at
its own time, or at the start of the first turn it covers; where the
transcript has no times they are estimated from word counts at ``wpm``
and the chapter says ``"transcripts:estimated": true``.  A topic ends
where its last turn ends.  A topic the text announces but does not contain
(behind a paywall, or never reached) is kept as a silent chapter,
``"toc": false``, where the text stops.  A topic in the text with no known
place is left out, and the conversion reports it.
"""

from __future__ import annotations

import json
from typing import Any, Optional

from ..model import Metadata, Span, Topic, Transcript
from ._estimate import estimate_times
from ._json import decode, number, objects
from ._registry import Conversion, Dropped, Format, ReadContext, WriteOptions, register
from ._report import Holds, lost

__all__ = ["ESTIMATED", "VERSION", "read", "write"]

VERSION = "1.2.0"
#: The key that flags a chapter whose start is estimated from word counts
#: (namespaced, as the format's extensions are: players ignore it).
ESTIMATED = "transcripts:estimated"


def write(t: Transcript, options: WriteOptions) -> Conversion:
    timed = estimate_times(t, options.wpm)
    turns = {u.index: u for u in timed.turns}
    stop = max((u.end for u in timed.turns if u.end is not None), default=0.0)
    chapters: list[tuple[float, int, dict[str, Any]]] = []
    unplaced: list[str] = []
    for order, topic in enumerate(t.topics):
        covered = [turns[i] for i in topic.turns if i in turns]
        start: Optional[float] = topic.start
        estimated = False
        if start is None and covered:
            first = min((u for u in covered if u.start is not None), key=lambda u: u.start or 0.0)
            start, estimated = first.start, first.timing == "estimated"
        chapter: dict[str, Any]
        if not topic.in_text:
            chapter = {"startTime": round(start if start is not None else stop, 3), "title": topic.title, "toc": False}
        elif start is None:
            unplaced.append(topic.title)
            continue
        else:
            chapter = {"startTime": round(start, 3), "title": topic.title}
            ends = [u.end for u in covered if u.end is not None]
            if ends and max(ends) >= start:
                chapter["endTime"] = round(max(ends), 3)
            if estimated:
                chapter[ESTIMATED] = True
        chapters.append((chapter["startTime"], order, chapter))
    chapters.sort(key=lambda c: (c[0], c[1]))
    doc: dict[str, Any] = {"version": VERSION}
    if t.metadata.title:
        doc["title"] = t.metadata.title
    if t.metadata.show:
        doc["podcastName"] = t.metadata.show
    doc["chapters"] = [c for _, _, c in chapters]
    text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    dropped = list(lost(t, Holds(metadata=("title", "show"), topics=True, blocks=True, turns=False)))
    dropped = [d for d in dropped if d.what != "turn"]
    if unplaced:
        dropped.insert(0, Dropped("topic without a time", len(unplaced), tuple(unplaced[:3])))
    return Conversion(text, "chapters", tuple(dropped))


def read(text: str, ctx: ReadContext) -> Transcript:
    data = decode(text, ctx)
    if not isinstance(data, dict) or not isinstance(data.get("chapters"), list):
        raise ctx.error('not a Podcasting 2.0 chapters file: expected an object with a "chapters" list', 1, 1)
    topics = []
    for where, line, ch in objects(ctx, text, data["chapters"], "chapters"):
        start = number(ch.get("startTime"))
        if start is None:
            ctx.bad_cue(f"{where}.startTime: expected seconds (a number, not negative)", line)
            continue
        title = ch.get("title", "")
        if not isinstance(title, str):
            ctx.bad_cue(f"{where}.title: expected a string", line)
            continue
        topics.append(Topic(title, "chapter", ch.get("toc") is not False, (), start, Span(line, line) if line else None))
    meta = {k: data.get(k) if isinstance(data.get(k), str) else None for k in ("title", "podcastName")}
    return Transcript(Metadata(title=meta["title"], show=meta["podcastName"], source=ctx.filename), topics=tuple(topics))


def _sniff(text: str) -> bool:
    head = text.lstrip("\ufeff").lstrip()[:2000]
    return head.startswith("{") and '"chapters"' in head and '"startTime"' in head and '"segments"' not in head


register(Format("chapters", (".chapters.json",), write, read, _sniff))
