"""transcripts: podcast and interview transcripts as structured data.

    >>> import transcripts
    >>> t = transcripts.parse("Ann Lee: Hello.\\n\\nBo Chen: Hi, Ann.\\n\\nAnn Lee: Welcome.\\n")
    >>> [s.name for s in t.speakers]
    ['Ann Lee', 'Bo Chen']
    >>> transcripts.loads(transcripts.dumps(t, "json"), "json") == t
    True
"""

from __future__ import annotations

from .errors import ParseError, SkippedCueWarning
from .formats import PROFILES, Conversion, Cue, Dropped, Reading, cues, estimate_times
from .io import convert, dump, dumps, load, loads, read
from .model import Block, Metadata, Span, Speaker, Topic, Transcript, Turn, Word
from .naming import name_speakers
from .parser import conventions, parse, parse_bytes

__version__ = "0.1.0"

__all__ = [
    "Block",
    "Conversion",
    "Cue",
    "Dropped",
    "Metadata",
    "PROFILES",
    "ParseError",
    "Reading",
    "SkippedCueWarning",
    "Span",
    "Speaker",
    "Topic",
    "Transcript",
    "Turn",
    "Word",
    "__version__",
    "conventions",
    "convert",
    "cues",
    "dump",
    "dumps",
    "estimate_times",
    "load",
    "loads",
    "name_speakers",
    "parse",
    "parse_bytes",
    "read",
]
