"""transcripts: podcast and interview transcripts as structured data.

    >>> import transcripts
    >>> t = transcripts.parse("Ann Lee: Hello.\\n\\nBo Chen: Hi, Ann.\\n\\nAnn Lee: Welcome.\\n")
    >>> [s.name for s in t.speakers]
    ['Ann Lee', 'Bo Chen']
    >>> transcripts.loads(transcripts.dumps(t, "json"), "json") == t
    True
"""

from __future__ import annotations

from .errors import ParseError
from .io import dump, dumps, load, loads
from .model import Block, Metadata, Span, Speaker, Topic, Transcript, Turn
from .parser import conventions, parse, parse_bytes

__version__ = "0.1.0"

__all__ = [
    "Block",
    "Metadata",
    "ParseError",
    "Span",
    "Speaker",
    "Topic",
    "Transcript",
    "Turn",
    "__version__",
    "conventions",
    "dump",
    "dumps",
    "load",
    "loads",
    "parse",
    "parse_bytes",
]
