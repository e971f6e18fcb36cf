"""Hostile inputs for every reader, shared by the bounded fuzz test in the
suite (tests/test_fuzz.py, hypothesis) and the long run outside CI
(``make fuzz``, tests/fuzz_run.py).

A case is a seed document in one of the readable formats (written by the
library itself from a parsed example, or written here for the read-only
ASR JSON), mutated by a few operations that reviewers found to break
readers: hostile tokens (huge integers, deep nesting, lone surrogates,
YAML aliases, impossible dates, NULs, BOMs, stray cue arrows), cut,
repeated, spliced and re-encoded text; and a command line (convert to any
format with options, inspect, check) run on it.  The command must end
with exit 0 or 1 and no exception.
"""

from __future__ import annotations

import functools
import io
import os
import random
from typing import Any, Optional

import transcripts
from transcripts.cli import main

EPISODE = (
    "# Ferries at Dawn\n\nA conversation with Ingrid Solberg, harbour pilot.\n\n"
    "Ada Lind: Welcome, Ingrid. How did you start?\n\n"
    "Ingrid Solberg: On my father's boat, at twelve: fog, gulls and a radio that never worked.\n\n"
    "Later I sat the pilot's exam.\n\n"
    "Ada Lind: [laughs] And the radio?\n\n"
    "Ingrid Solberg: Still broken. 10:30 is when the first ferry leaves.\n"
)
ASR = (
    '{"speakers": {"spk_0": "Ada", "spk_1": "Ingrid"}, "segments": ['
    '{"speakerLabel": "spk_0", "start": 0.0, "end": 1.5, "text": "Welcome."},'
    '{"speakerLabel": "spk_1", "start": 1.5, "end": 4.0, "text": "Thank you."}]}'
)
WHISPERX = '{"segments": [{"speaker": "SPEAKER_00", "start": 0.2, "end": 1.0, "text": " Hi."}, {"speaker": "SPEAKER_01", "start": 1.0, "end": 2.0, "text": " Hello."}]}'

#: Tokens that broke readers in review, and other hostile ones.
HOSTILE = (
    "1" + "0" * 400,
    "9" * 5000,
    "-1",
    "1e400",
    "NaN",
    "[" * 3000,
    "{" * 1200,
    "- " * 500,
    "\\ud800",
    "\\udc00\\ud800",
    "\ud800",
    '"\\u0000"',
    "&a [x, *a]",
    "*a",
    "&b [&c [*b]]",
    "!!python/object:os.system",
    "!!timestamp 2020-13-45",
    "---\ndate: 2020-13-45\ntitle: x\n---\n",
    "date: 2020-13-45",
    "\x00",
    "\ufeff",
    "\r",
    "\r\n",
    "\u2028",
    " --> ",
    "00:00:01,000 --> 00:00:00,500",
    "99:99:99,999 --> 100:00:00,000",
    "<v Ann>",
    "</v>",
    "<cite>",
    "<time>",
    "<p>",
    "&#x110000;",
    "&#0;",
    "WEBVTT\n\nNOTE",
    "Speaker 1 (00:00):",
    "**Name:**",
    "INSKEEP:",
    "Q:",
    ":" * 300,
    "x" * 20000,
    "\n" * 2000,
    '"startTime": -5',
    '"speaker": null',
    '"turns": [{}]',
    '"index": 1e308',
    "\t" * 100,
)

#: Tokens only the long run (make fuzz) uses: known failures of modules
#: being rewritten elsewhere, kept out of the suite's bounded run.
HOSTILE_LONG_RUN = (
    "---\ntitle: !!timestamp nonsense\n---\n",
    "---\ntitle: x\ndate: !!timestamp 2020-99-99\n---\n",
)

CODECS = ("utf-16", "utf-16-le", "utf-32", "latin-1", "utf-8-sig")
#: The largest input a case makes (bytes).
MAX_SIZE = 1_500_000


@functools.lru_cache(maxsize=1)
def seeds() -> tuple[tuple[str, str], ...]:
    """(format, text) of a document in every readable format."""
    example = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "examples", "tidewater.txt")
    texts = [EPISODE] + ([open(example, encoding="utf-8").read()] if os.path.exists(example) else [])
    out = [("asr-json", ASR), ("asr-json", WHISPERX)]
    samples = os.path.join(os.path.dirname(os.path.abspath(__file__)), "asr")
    for fmt, name in (("aws-transcribe", "aws_transcribe"), ("deepgram", "deepgram"), ("assemblyai", "assemblyai"), ("revai", "revai"),
                      ("speechmatics", "speechmatics"), ("azure-speech", "azure_speech"), ("google-stt", "google_stt"),
                      ("elevenlabs", "elevenlabs"), ("ibm-watson", "ibm_watson"), ("whisper-cpp", "whisper_cpp"), ("vosk", "vosk"), ("gladia", "gladia")):
        with open(os.path.join(samples, name + ".json"), encoding="utf-8") as f:
            out.append((fmt, f.read()))
    out += list(READ_ONLY_SAMPLES.items())
    out.append(("docx", _WORD_XML.format(body="".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in EPISODE.split("\n") if line))))
    for text in texts:
        t = transcripts.parse(text)
        timed = transcripts.estimate_times(t, 160)
        out.append(("text", text))
        for fmt in transcripts.formats.writable():
            codec = transcripts.formats.get(fmt)
            if codec.read is not None and codec.write is not None:
                out.append((fmt, transcripts.dumps(timed if fmt in ("json", "yaml") else t, fmt)))
    return tuple(out)


#: A Word document's body XML; a docx case is its mutated text, zipped.
_WORD_XML = '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>'


def _zipped(xml: bytes) -> bytes:
    """A .docx archive holding ``xml`` as its document."""
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", xml)
    return out.getvalue()


#: Small documents of the formats that are only read, written here.
READ_ONLY_SAMPLES = {
    "youtube-json3": '{"wireMagic": "pb3", "events": [{"tStartMs": 0, "dDurationMs": 2500, "segs": [{"utf8": "Ada: the tide"}, {"utf8": " comes in", "tOffsetMs": 900}]}, {"tStartMs": 2500, "dDurationMs": 2000, "segs": [{"utf8": "Marisol: twice a day"}]}]}',
    "youtube-xml": '<timedtext format="3"><body><p t="0" d="2500"><s>Ada: the</s><s t="400"> tide</s></p><p t="2500" d="2000">Marisol: twice a day</p></body></timedtext>',
    "json-records": '[{"text": "The tide comes in.", "start": 1.0, "duration": 2.5}, {"text": "Twice a day.", "start": 3.5, "duration": 2.5}]',
    "sbv": "0:00:01.000,0:00:03.500\nAda: The tide comes in.\n\n0:00:03.500,0:00:06.000\nMarisol: Twice a day.\n",
    "ass": (
        "[Script Info]\nTitle: Tides\nScriptType: v4.00+\n\n[Events]\n"
        "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n"
        "Dialogue: 0,0:00:01.00,0:00:03.50,Default,Ada,0,0,0,,The tide {\\i1}comes{\\i0} in.\n"
        "Dialogue: 0,0:00:03.50,0:00:06.00,Default,Marisol,0,0,0,,Twice a day.\\NAlways.\n"
    ),
    "sami": (
        "<SAMI><HEAD><TITLE>Tides</TITLE><STYLE><!-- .ENUSCC { Name: English; lang: en-US; } --></STYLE></HEAD><BODY>\n"
        "<SYNC Start=1000><P Class=ENUSCC>Ada: The tide comes in.\n<SYNC Start=3500><P Class=ENUSCC>&nbsp;\n</BODY></SAMI>\n"
    ),
    "microdvd": "{1}{1}25\n{25}{87}Ada: The tide comes in.\n{88}{150}Marisol: Twice a day.|Always.\n",
    "chat": (
        "@UTF8\n@Begin\n@Languages:\teng\n@Participants:\tINV Ada_Lindqvist Investigator, PAR Participant\n"
        "*INV:\tso tell me about the flood . \x151200_3400\x15\n%mor:\tadv|so v|tell .\n"
        "*PAR:\tthe water came up\n\tto the wall . \x153500_9100\x15\n%com:\tpoints\n@End\n"
    ),
    "scc": "Scenarist_SCC V1.0\n\n00:00:01:00\t9420 9420 94ae 94ae 9452 9452 97a2 97a2 c8e5 ecec ef80\n",
    "eaf": (
        '<?xml version="1.0" encoding="UTF-8"?>\n<ANNOTATION_DOCUMENT AUTHOR="" DATE="2024-03-05T10:12:00+01:00" FORMAT="3.0" VERSION="3.0">\n'
        '<HEADER TIME_UNITS="milliseconds"><MEDIA_DESCRIPTOR MEDIA_URL="file:///tides.wav" MIME_TYPE="audio/x-wav"/></HEADER>\n'
        '<TIME_ORDER><TIME_SLOT TIME_SLOT_ID="ts1" TIME_VALUE="1000"/><TIME_SLOT TIME_SLOT_ID="ts2"/><TIME_SLOT TIME_SLOT_ID="ts3" TIME_VALUE="6000"/></TIME_ORDER>\n'
        '<TIER LINGUISTIC_TYPE_REF="utt" PARTICIPANT="Ada" TIER_ID="A"><ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a1" TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts2">'
        "<ANNOTATION_VALUE>The tide comes in.</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION></TIER>\n"
        '<TIER LINGUISTIC_TYPE_REF="utt" TIER_ID="Marisol"><ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a2" TIME_SLOT_REF1="ts2" TIME_SLOT_REF2="ts3">'
        "<ANNOTATION_VALUE>Twice a day.</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION></TIER>\n"
        '<TIER LINGUISTIC_TYPE_REF="tr" PARENT_REF="A" TIER_ID="A-fr"><ANNOTATION><REF_ANNOTATION ANNOTATION_ID="a3" ANNOTATION_REF="a1">'
        "<ANNOTATION_VALUE>La marée monte.</ANNOTATION_VALUE></REF_ANNOTATION></ANNOTATION></TIER>\n</ANNOTATION_DOCUMENT>\n"
    ),
    "trs": (
        '<?xml version="1.0" encoding="ISO-8859-1"?>\n<!DOCTYPE Trans SYSTEM "trans-14.dtd">\n<Trans scribe="Inès" audio_filename="tides" xml:lang="en">\n'
        '<Speakers><Speaker id="spk1" name="Ada" type="female"/><Speaker id="spk2" name="Marisol"/></Speakers>\n'
        '<Topics><Topic id="to1" desc="Tides"/></Topics>\n<Episode><Section type="report" topic="to1" startTime="0" endTime="6">\n'
        '<Turn speaker="spk1" startTime="0" endTime="3.5"><Sync time="0"/>The tide <Event desc="rire"/> comes in.<Sync time="2"/>Again.</Turn>\n'
        '<Turn speaker="spk1 spk2" startTime="3.5" endTime="6"><Sync time="3.5"/><Who nb="1"/>Twice?<Who nb="2"/>Twice a day.<Comment desc="noise"/></Turn>\n'
        "</Section></Episode>\n</Trans>\n"
    ),
}


def _mutate(rng: random.Random, text: str, tokens: tuple[str, ...] = HOSTILE) -> str:
    op = rng.randrange(8)
    n = len(text)
    at = rng.randint(0, n)
    if op <= 2:
        token = rng.choice(tokens)
        if token.startswith("---") and rng.random() < 0.7:
            at = 0  # front matter opens the document
        return text[:at] + token + text[at:]
    if op == 3 and n:
        end = min(n, at + rng.randint(1, 200))
        return text[:at] + text[end:]
    if op == 4 and n:
        end = min(n, at + rng.randint(1, 400))
        return text[:at] + text[at:end] * rng.choice((2, 3, 50, 400)) + text[end:]
    if op == 5:
        return text[:at]
    if op == 6 and n:
        return text[:at] + chr(rng.choice((rng.randint(0, 0x7F), rng.randint(0x80, 0x2FFF), rng.randint(0x10000, 0x10FFFF)))) + text[at + 1 :]
    other = rng.choice(seeds())[1]
    return text[:at] + other[rng.randint(0, len(other)) :]


_EXT = {"text": ".txt", "markdown": ".md", "json": ".json", "yaml": ".yaml", "srt": ".srt", "vtt": ".vtt", "podcast-json": ".transcript.json",
        "asr-json": ".asr.json", "html": ".html", "chapters": ".chapters.json", "aws-transcribe": ".json", "deepgram": ".json",
        "assemblyai": ".json", "revai": ".json", "speechmatics": ".json", "azure-speech": ".json", "google-stt": ".json", "elevenlabs": ".json", "ibm-watson": ".json",
        "whisper-cpp": ".json", "vosk": ".json", "gladia": ".json", "sbv": ".sbv", "ass": ".ass", "ttml": ".ttml", "sami": ".smi", "microdvd": ".sub",
        "scc": ".scc", "rttm": ".rttm", "docx": ".docx", "csv": ".csv", "tsv": ".tsv", "jsonl": ".jsonl", "json-records": ".json", "youtube-json3": ".json3", "youtube-xml": ".srv3",
        "textgrid": ".TextGrid", "chat": ".cha", "eaf": ".eaf", "trs": ".trs"}  # fmt: skip


def make_case(rng: random.Random, fmt: Optional[str] = None, max_size: int = MAX_SIZE, long_run: bool = False) -> tuple[str, bytes, list[str]]:
    """(file name, bytes, command line with ``{}`` for the file) of one
    case, from a seed in ``fmt`` (any readable format by default)."""
    fmt, text = rng.choice([s for s in seeds() if fmt is None or s[0] == fmt])
    tokens = HOSTILE + HOSTILE_LONG_RUN if long_run else HOSTILE
    for _ in range(rng.choice((1, 1, 2, 3, 5))):
        text = _mutate(rng, text, tokens)
        if len(text) > max_size:
            text = text[:max_size]
    if rng.random() < 0.1:
        data = text.encode(rng.choice(CODECS), "replace")
    else:
        data = text.encode("utf-8", "surrogatepass" if rng.random() < 0.3 else "replace")
    if fmt == "docx":
        data = _zipped(data)
    if rng.random() < 0.05 and data:
        spoiled = bytearray(data)
        for _ in range(rng.randint(1, 20)):
            spoiled[rng.randrange(len(spoiled))] = rng.randrange(256)
        data = bytes(spoiled)
    name = "case" + (_EXT[fmt] if rng.random() < 0.85 else rng.choice((".txt", "", ".json", ".srt")))
    command = rng.randrange(10)
    if command < 6:
        to = rng.choice(transcripts.formats.writable())
        argv = ["convert", "{}", "--to", to]
        if to == "convokit":
            argv += ["-o", "{dir}"]
        if to == "json" and rng.random() < 0.3:
            argv.append("--compact")
        if to in ("csv", "tsv") and rng.random() < 0.5:
            argv += ["--rows", "paragraphs"]
        if rng.random() < 0.2:
            argv += ["--wpm", str(rng.choice((20, 150, 1000)))]
    elif command < 8:
        argv = ["inspect", "{}"] + (["--json"] if rng.random() < 0.5 else [])
    else:
        argv = ["check", "{}", "--json"]
    if rng.random() < 0.3:
        argv += ["--from", fmt]
    if rng.random() < 0.3 and command < 6:
        argv.append("--lenient")
    return name, data, argv


def run_case(name: str, data: bytes, argv: list[str], folder: str) -> tuple[int, str, Optional[BaseException]]:
    """Run one case in this process: (exit status, stderr, exception)."""
    path = os.path.join(folder, name)
    with open(path, "wb") as f:
        f.write(data)
    args = [a.replace("{}", path).replace("{dir}", os.path.join(folder, "kit")) for a in argv]
    out, err = io.StringIO(), io.StringIO()
    try:
        code = main(args, out=out, err=err)
    except BaseException as exc:  # noqa: BLE001 - a crash is what we look for
        return -1, err.getvalue(), exc
    return code, err.getvalue(), None


def problem(code: int, err: str, exc: Optional[BaseException]) -> Optional[str]:
    """What is wrong with a case's outcome (None: nothing)."""
    if exc is not None:
        import traceback

        return "exception: " + "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))[-3000:]
    if code not in (0, 1):
        return f"exit {code}: {err[-500:]}"
    if "Traceback" in err:
        return f"traceback on stderr: {err[-2000:]}"
    if code == 1 and "error" not in err and "finding" not in err:
        return f"exit 1 without an error message: {err[-500:]}"
    return None


def describe(seed: Any, index: int, name: str, argv: list[str]) -> str:
    return f"case {seed}:{index}: {name} {' '.join(argv)}"
