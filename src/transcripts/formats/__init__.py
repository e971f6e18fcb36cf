"""Readers and writers, one module per format, behind one registry.

Importing this package registers the built-in formats.  Detection asks
them in this order, so the strict content checks (transcripts JSON and
YAML, WebVTT's header, SRT's timing lines, …) come before looser ones.
"""

from __future__ import annotations

from . import jsonfmt as _jsonfmt  # noqa: F401  (registers "json")
from . import yamlfmt as _yamlfmt  # noqa: F401  (registers "yaml")
from . import text as _text  # noqa: F401  (registers "text")
from . import markdown as _markdown  # noqa: F401  (registers "markdown")
from . import srt as _srt  # noqa: F401  (registers "srt")
from . import vtt as _vtt  # noqa: F401  (registers "vtt")
from . import podcast_json as _podcast_json  # noqa: F401  (registers "podcast-json")
from . import asr_json as _asr_json  # noqa: F401  (registers "asr-json")
from . import aws_transcribe as _aws  # noqa: F401  (registers "aws-transcribe")
from . import deepgram as _deepgram  # noqa: F401  (registers "deepgram")
from . import assemblyai as _assemblyai  # noqa: F401  (registers "assemblyai")
from . import revai as _revai  # noqa: F401  (registers "revai")
from . import html as _html  # noqa: F401  (registers "html")
from . import chapters as _chapters  # noqa: F401  (registers "chapters")
from . import sbv as _sbv  # noqa: F401  (registers "sbv")
from . import ass as _ass  # noqa: F401  (registers "ass")
from . import ttml as _ttml  # noqa: F401  (registers "ttml")
from . import sami as _sami  # noqa: F401  (registers "sami")
from . import microdvd as _microdvd  # noqa: F401  (registers "microdvd")
from . import scc as _scc  # noqa: F401  (registers "scc")
from ._caption import Cue, Part, cues
from ._estimate import estimate_times
from ._profiles import PROFILES, Profile
from ._registry import FORMATS, Conversion, Dropped, Format, ReadContext, Reading, WriteOptions, base_name, detect, get, register

__all__ = [
    "FORMATS",
    "PROFILES",
    "Conversion",
    "Cue",
    "Dropped",
    "Format",
    "Part",
    "Profile",
    "ReadContext",
    "Reading",
    "WriteOptions",
    "base_name",
    "cues",
    "detect",
    "estimate_times",
    "get",
    "readable",
    "register",
    "writable",
]


def readable() -> tuple[str, ...]:
    """Names of the formats that can be read."""
    return tuple(n for n, f in FORMATS.items() if f.read is not None)


def writable() -> tuple[str, ...]:
    """Names of the formats that can be written."""
    return tuple(n for n, f in FORMATS.items() if f.write is not None)
