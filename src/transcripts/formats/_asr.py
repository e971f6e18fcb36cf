"""What the readers of speech recognisers' JSON share: recognising a
document by its shape, reading numbers and speaker labels, and building
turns from words.

Each vendor module reads its documented format into a sequence of
:class:`Said` (a speaker label and words, or a segment's text); :func:`build`
makes the transcript: consecutive speech of one speaker is one turn, a
new segment of a vendor's turn unit (a Rev.ai monologue, an AssemblyAI
utterance) starts a new turn, and every word keeps its times.
"""

from __future__ import annotations

import json
import re
from typing import Any, Iterable, Optional

import attrs

from ..model import Metadata, Transcript, Word
from ..times import seconds
from ._build import Piece, TurnBuilder

__all__ = [
    "Said", "build", "confidence", "iso_duration", "label", "language", "on_tokens", "protobuf_duration", "seconds", "shape", "ticks",
    "tokens",
]  # fmt: skip

# The last text :func:`shape` decoded, and its value: detection asks
# several readers in turn about one text.
_LAST: list[Any] = [None, None]


def shape(text: str) -> Any:
    """The JSON value of a text that is a JSON object or array (None when
    it is neither), for readers that recognise their format by its shape;
    the last text asked about is remembered."""
    if _LAST[0] is text:
        return _LAST[1]
    value = None
    if text.lstrip("\ufeff").lstrip()[:1] in ("{", "["):
        try:
            value = json.loads(text.lstrip("\ufeff"))
        except (ValueError, RecursionError):
            value = None
    _LAST[0], _LAST[1] = text, value
    return value


def ticks(value: Any) -> Optional[float]:
    """A time in 100-nanosecond ticks (Azure's ``offsetInTicks``) in
    seconds, divided rather than scaled so that 4200000 is 0.42 exactly;
    None when it is no finite, non-negative number."""
    t = seconds(value)
    if t is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return value / 10_000_000
    return t / 10_000_000


# An ISO 8601 duration as Azure writes offsets ("PT1.5S", "PT1M2.04S",
# "P1DT2H"): days, hours, minutes and seconds, each optional.
_ISO_DURATION = re.compile(
    r"P(?:(?P<d>[0-9]+(?:\.[0-9]+)?)D)?"
    r"(?:T(?:(?P<h>[0-9]+(?:\.[0-9]+)?)H)?(?:(?P<m>[0-9]+(?:\.[0-9]+)?)M)?(?:(?P<s>[0-9]+(?:\.[0-9]+)?)S)?)?",
    re.ASCII,
)


def iso_duration(value: Any) -> Optional[float]:
    """An ISO 8601 duration ("PT1.5S", "PT1M2.5S") in seconds; None for
    anything else (a number, "PT", "1.5")."""
    if not isinstance(value, str) or len(value) > 64:
        return None
    m = _ISO_DURATION.fullmatch(value.strip().upper())
    if m is None or not any(m.groups()) or value.strip().upper().endswith("T"):
        return None
    out = sum(float(m[k] or 0) * f for k, f in (("d", 86400.0), ("h", 3600.0), ("m", 60.0)))
    return seconds(out + float(m["s"] or 0))


# A protobuf Duration in its JSON form: decimal seconds with an "s".
_PROTOBUF_DURATION = re.compile(r"([0-9]{1,12})(?:\.([0-9]{1,9}))?s", re.ASCII)


def protobuf_duration(value: Any) -> Optional[float]:
    """A protobuf ``Duration`` as Google's APIs write it in JSON ("1.400s"),
    or as a JavaScript client's object (``{"seconds": "1", "nanos":
    400000000}``), in seconds; None otherwise."""
    if isinstance(value, str):
        m = _PROTOBUF_DURATION.fullmatch(value.strip())
        if m is None:
            return None
        whole, fraction = m.groups()
        nanos = int((fraction or "").ljust(9, "0"))
        return (int(whole) * 1_000_000_000 + nanos) / 1_000_000_000
    if isinstance(value, dict) and value.keys() <= {"seconds", "nanos"} and value:
        whole, nanos = value.get("seconds", 0), value.get("nanos", 0)
        if isinstance(whole, str) and whole.isascii() and whole.isdigit() and len(whole) <= 12:
            whole = int(whole)
        if type(whole) is not int or type(nanos) is not int or not 0 <= whole < 10**12 or not 0 <= nanos < 10**9:
            return None
        return (whole * 1_000_000_000 + nanos) / 1_000_000_000
    return None


def confidence(value: Any) -> Optional[float]:
    """A confidence from 0 to 1 (None when there is none or it is not one)."""
    c = seconds(value)
    return c if c is not None and c <= 1 else None


def label(value: Any) -> Optional[str]:
    """A recogniser's speaker label as a speaker's name: a word label kept
    as written ("spk_0", "SPEAKER_00"); a number or a letter becomes
    "Speaker 0", "Speaker A" (``--speaker 0=Ada`` and ``A=Ada`` still name
    them)."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return f"Speaker {value}"
    if not isinstance(value, str) or not value.strip():
        return None
    value = " ".join(value.split())
    if value.isdigit() or len(value) == 1:
        return f"Speaker {value}"
    return value


# The languages a recogniser may name in English rather than by code
# (whisper's verbose_json says "english"), with their codes.
_LANGUAGE_CODES = dict(
    pair.split(":")
    for pair in (
        "english:en chinese:zh german:de spanish:es russian:ru korean:ko french:fr japanese:ja portuguese:pt "
        "turkish:tr polish:pl catalan:ca dutch:nl arabic:ar swedish:sv italian:it indonesian:id hindi:hi "
        "finnish:fi vietnamese:vi hebrew:he ukrainian:uk greek:el malay:ms czech:cs romanian:ro danish:da "
        "hungarian:hu tamil:ta norwegian:no thai:th urdu:ur croatian:hr bulgarian:bg lithuanian:lt latin:la "
        "maori:mi malayalam:ml welsh:cy slovak:sk telugu:te persian:fa latvian:lv bengali:bn serbian:sr "
        "azerbaijani:az slovenian:sl kannada:kn estonian:et macedonian:mk breton:br basque:eu icelandic:is "
        "armenian:hy nepali:ne mongolian:mn bosnian:bs kazakh:kk albanian:sq swahili:sw galician:gl marathi:mr "
        "punjabi:pa sinhala:si khmer:km shona:sn yoruba:yo somali:so afrikaans:af occitan:oc georgian:ka "
        "belarusian:be tajik:tg sindhi:sd gujarati:gu amharic:am yiddish:yi lao:lo uzbek:uz faroese:fo "
        "haitian_creole:ht pashto:ps turkmen:tk nynorsk:nn maltese:mt sanskrit:sa luxembourgish:lb myanmar:my "
        "burmese:my tibetan:bo tagalog:tl malagasy:mg assamese:as tatar:tt hawaiian:haw lingala:ln hausa:ha "
        "bashkir:ba javanese:jv sundanese:su cantonese:yue"
    ).split()
)


def language(value: Any) -> Optional[str]:
    """A language code as the document gives it, "_" written "-"; a
    language's English name ("english", "Haitian Creole") as its code."""
    if not isinstance(value, str) or not value.strip() or len(value) > 35:
        return None
    value = value.strip()
    code = _LANGUAGE_CODES.get("_".join(value.lower().split()))
    return code if code is not None else value.replace("_", "-")


@attrs.frozen(slots=True)
class Said:
    """Speech of one speaker: ``words`` (each a whitespace-free token with
    its times) or, where the vendor gives no words, ``text``; ``new_turn``
    when it opens a vendor's turn unit; the source line where known."""

    speaker: Optional[str]
    words: tuple[Word, ...] = ()
    text: str = ""
    start: Optional[float] = None
    end: Optional[float] = None
    new_turn: bool = False
    line: Optional[int] = None


def build(said: Iterable[Said], metadata: Metadata) -> Transcript:
    b = TurnBuilder()
    for s in said:
        text = " ".join(w.text for w in s.words) if s.words else s.text
        start = s.start if s.start is not None else next((w.start for w in s.words if w.start is not None), None)
        end = s.end if s.end is not None else next((w.end for w in reversed(s.words) if w.end is not None), None)
        b.add(Piece(s.speaker, text, start, end, s.line, s.line, words=s.words, new_turn=s.new_turn))
    return b.build(metadata)


def tokens(text: str, start: Optional[float], end: Optional[float], conf: Optional[float] = None) -> tuple[Word, ...]:
    """A word as a vendor gives it, split where it holds spaces (each
    token gets the word's times)."""
    return tuple(Word(tok, start, end, conf) for tok in text.split())


def on_tokens(text: str, words: Iterable[Word]) -> tuple[Word, ...]:
    """The tokens of a vendor's display ``text`` with the times and
    confidence of its ``words`` (the recogniser's words, which may lack the
    text's punctuation and capitals), where there is one word for each
    token and every word has its times; none otherwise (the text is kept
    without words' times)."""
    toks = text.split()
    words = tuple(words)
    if not toks or len(words) != len(toks) or any(w.start is None or w.end is None for w in words):
        return ()
    return tuple(Word(tok, w.start, w.end, w.confidence) for tok, w in zip(toks, words))
