"""The Podcasting 2.0 JSON chapters file, from the transcript's topics
(``schemas/podcast-chapters.schema.json``; written only).

``{"version": "1.2.0", "title", "chapters": [{"startTime", "title",
"endTime"?, "toc"?}]}``, ascending by ``startTime``.  A topic starts at its
own time, or at the start of the first turn it covers (times estimated
where the transcript has none); it ends where its last turn ends.  A topic
the text announces but does not contain (behind a paywall) is kept as a
silent chapter, ``"toc": false``, where the text stops.  A topic in the
text with no known place is left out, and the conversion reports it.
"""

from __future__ import annotations

import json
from typing import Any, Optional

from ..model import Transcript
from ._cues import estimate_times
from ._registry import Conversion, Dropped, Format, WriteOptions, register
from ._report import Holds, lost

__all__ = ["VERSION", "write"]

VERSION = "1.2.0"


def write(t: Transcript, options: WriteOptions) -> Conversion:
    timed = estimate_times(t, options.wpm)
    turns = {u.index: u for u in timed.turns}
    stop = max((u.end for u in timed.turns if u.end is not None), default=0.0)
    chapters: list[tuple[float, int, dict[str, Any]]] = []
    unplaced: list[str] = []
    for order, topic in enumerate(t.topics):
        covered = [turns[i] for i in topic.turns if i in turns]
        start: Optional[float] = topic.start
        if start is None and covered:
            start = min(u.start for u in covered if u.start is not None)
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


register(Format("chapters", (".chapters.json",), write, None))
