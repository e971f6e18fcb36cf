"""The ``transcripts`` command: a thin layer over the library.

Exit status: 0 success, 1 bad input (the message names file, line and
column), 2 bad usage.  :func:`main` returns the status; only the console
script and ``python -m transcripts`` turn it into the process's exit.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import NoReturn, Optional, Sequence, TextIO

from . import __version__
from .check import CODES, Finding, check_bytes, check_file, findings_json
from .errors import ParseError
from .formats import PROFILES, base_name, detect, readable, writable
from .formats import get as get_format
from .io import atomic_write, convert, read
from .model import Transcript
from .naming import name_speakers, read_mapping, unmatched
from ._source import decode
from .parser import analyse, conventions, parse, read_text
from .topics import describe

__all__ = ["main"]

PROG = "transcripts"


class _UsageExit(Exception):
    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


class _ArgumentParser(argparse.ArgumentParser):
    """argparse that returns to :func:`main` instead of exiting."""

    def exit(self, status: int = 0, message: Optional[str] = None) -> NoReturn:
        if message:
            sys.stderr.write(message)
        raise _UsageExit(status)


def _build_parser() -> argparse.ArgumentParser:
    p = _ArgumentParser(prog=PROG, description="Turn podcast and interview transcripts into structured data.")
    p.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    c = sub.add_parser(
        "convert",
        help="convert transcripts to another format",
        description="Convert transcripts between speaker-labelled text, markdown, JSON, YAML, SRT, WebVTT, the "
        "Podcasting 2.0 JSON, HTML and chapters, and diarised ASR JSON (read only).  What the output format "
        "cannot hold is listed on standard error.",
    )
    c.add_argument("input", metavar="INPUT", nargs="+", help="input files, or - for standard input")
    c.add_argument("-o", "--output", metavar="OUTPUT", default="-", help="output file (default: - for standard output); written atomically")
    c.add_argument("--out-dir", metavar="DIR", help="write one output per input into DIR: the input's base name and the format's extension")
    c.add_argument("-t", "--to", dest="to", required=True, choices=writable(), help="output format")
    c.add_argument("-f", "--from", dest="source_format", choices=readable(), help="input format (default: from the extension, then the content)")
    c.add_argument("--convention", choices=conventions(), help="force one labelling convention when parsing text")
    c.add_argument("--profile", choices=tuple(PROFILES), help="caption profile for srt, vtt and podcast-json (default: podcast; vtt: 65-character lines)")
    c.add_argument("--wpm", type=_positive, metavar="N", help="words per minute for estimating missing times (default 160 for timed formats; given, it also fills in times for json and yaml)")
    c.add_argument("--lenient", action="store_true", help="skip malformed cues with a warning instead of failing")
    c.add_argument(
        "--speaker",
        metavar="LABEL=NAME",
        action="append",
        default=[],
        type=_speaker_pair,
        help="name the speaker labelled LABEL in the source (spk_0, SPEAKER_00, A, 0); repeatable",
    )
    c.add_argument("--speaker-map", metavar="FILE", help="names for speaker labels: a JSON or YAML mapping, or LABEL=NAME lines")

    i = sub.add_parser("inspect", help="show what the parser detected", description="Print the detected convention, speakers, topics and the lines the parser was unsure about.")
    i.add_argument("input", metavar="FILE", help="input file, or - for standard input")
    i.add_argument("--from", dest="convention", choices=conventions(), help="force one labelling convention")

    k = sub.add_parser(
        "check",
        help="check that episodes parsed right",
        description="Parse each file and report, with line numbers, what deserves a look: "
        + "; ".join(f"{code} ({what})" for code, what in CODES.items())
        + ".  Exit status 0 when clean, 1 with findings.",
    )
    k.add_argument("input", metavar="FILE", nargs="+", help="speaker-labelled text files, or - for standard input")
    k.add_argument("--json", action="store_true", help="print the findings as a JSON array of {file, line, code, message}")
    k.add_argument("--ignore", metavar="CODE", action="append", default=[], choices=tuple(CODES), help="skip findings with this code (repeatable)")
    k.add_argument("--from", dest="convention", choices=conventions(), help="force one labelling convention")
    return p


def _read(path: str) -> tuple[str, Optional[str]]:
    """(text, filename) of an input argument; ``-`` reads standard input."""
    if path == "-":
        return decode(sys.stdin.buffer.read(), "<stdin>"), None
    return read_text(path), path


def _display(path: str) -> str:
    return "<stdin>" if path == "-" else path


def _positive(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a positive number: {text!r}")
    return value


def _speaker_pair(text: str) -> tuple[str, str]:
    label, sep, name = text.partition("=")
    if not sep or not label.strip() or not name.strip():
        raise argparse.ArgumentTypeError(f"expected LABEL=NAME, not {text!r}")
    return label.strip(), name.strip()


def _speaker_names(args: argparse.Namespace) -> dict[str, str]:
    """The --speaker-map file's names, then the --speaker options'."""
    names: dict[str, str] = {}
    if args.speaker_map:
        names.update(read_mapping(read_text(args.speaker_map), args.speaker_map))
    names.update(dict(args.speaker))
    return names


def _convert_one(path: str, args: argparse.Namespace, output: Optional[str], out: TextIO, err: TextIO) -> None:
    """Convert one input; bad input raises ParseError or OSError."""
    text, filename = _read(path)
    fmt = args.source_format
    shown = _display(path)
    if args.convention and fmt in (None, "text", "markdown") and detect(filename, text).name in ("text", "markdown"):
        transcript: Transcript = parse(text, convention=args.convention, source=filename)
    else:
        reading = read(text, fmt, filename=filename, lenient=args.lenient)
        for problem in reading.skipped:
            err.write(f"{PROG}: warning: {problem.with_filename(shown)} (cue skipped)\n")
        transcript = reading.transcript
    if args.names:
        for label in unmatched(transcript, args.names):
            err.write(f"{PROG}: warning: {shown}: no speaker is labelled {label!r}\n")
        transcript = name_speakers(transcript, args.names, strict=False)
    if not transcript.turns:
        err.write(f"{PROG}: {shown}: no dialogue found\n")
    conversion = convert(transcript, args.to, profile=args.profile, wpm=args.wpm)
    if conversion.dropped:
        err.write(f"{PROG}: warning: {shown}: {args.to} cannot hold everything; dropped:\n")
        for item in conversion.dropped:
            err.write(f"  - {item}\n")
    if output is None:
        out.write(conversion.text)
        out.flush()
    else:
        atomic_write(output, conversion.text)


def _convert(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    codec = get_format(args.to)
    try:
        args.names = _speaker_names(args)
    except ValueError as exc:
        err.write(f"{PROG}: error: --speaker-map: {exc}\n")
        return 2
    if args.profile is not None and args.profile not in codec.profiles:
        err.write(f"{PROG}: error: --profile applies to {', '.join(n for n in writable() if get_format(n).profiles)}, not {args.to}\n")
        return 2
    if args.out_dir is None:
        if len(args.input) > 1:
            err.write(f"{PROG}: error: several inputs need --out-dir DIR\n")
            return 2
        _convert_one(args.input[0], args, None if args.output == "-" else args.output, out, err)
        return 0
    if args.output != "-":
        err.write(f"{PROG}: error: use either -o/--output or --out-dir\n")
        return 2
    if "-" in args.input:
        err.write(f"{PROG}: error: standard input has no name to give its output in --out-dir; use -o\n")
        return 2
    os.makedirs(args.out_dir, exist_ok=True)
    status = 0
    written: dict[str, str] = {}
    for path in args.input:
        target = os.path.join(args.out_dir, base_name(path) + codec.extensions[0])
        try:
            if os.path.abspath(target) == os.path.abspath(path):
                raise ParseError(f"output {target} would overwrite the input", path)
            if os.path.abspath(target) in written:
                raise ParseError(f"output {target} was already written for {written[os.path.abspath(target)]}", path)
            _convert_one(path, args, target, out, err)
            written[os.path.abspath(target)] = path
        except ParseError as exc:
            err.write(f"{PROG}: error: {exc.with_filename(path)}\n")
            status = 1
        except OSError as exc:
            err.write(f"{PROG}: error: {exc.filename or path}: {exc.strerror or exc}\n")
            status = 1
    return status


def _inspect(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    text, filename = _read(args.input)
    a = analyse(text, convention=args.convention, source=filename)
    t = a.transcript
    w = out.write
    w(f"file:       {_display(args.input)}\n")
    w(f"convention: {t.metadata.convention or '(no dialogue found)'}\n")
    for field in ("title", "subtitle", "show", "recorded", "published"):
        value = getattr(t.metadata, field)
        if value:
            w(f"{field + ':':<11} {value}\n")
    if t.metadata.truncated:
        w("truncated:  yes (the text stops where the free part ends)\n")
    w(f"turns:      {len(t.turns)}\n")
    w("speakers:\n")
    for s in t.speakers:
        n = sum(1 for u in t.turns if u.speaker == s.id)
        aliases = f"  aliases: {', '.join(s.aliases)}" if s.aliases else ""
        w(f"  {s.id:<24} {s.name!r:<28} {s.role:<8} {n:>4} turns{aliases}\n")
    if t.topics:
        w("topics:\n")
        for topic in t.topics:
            w(f"  - [{topic.source}] {topic.title}  ({describe(topic)})\n")
    if a.dialogue.unsure:
        w("unsure:\n")
        for u in a.dialogue.unsure:
            w(f"  line {u.line}: {u.reason}\n")
    return 0


def _check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    findings: list[Finding] = []
    for path in args.input:
        if path == "-":
            findings += check_bytes(sys.stdin.buffer.read(), "<stdin>", convention=args.convention, ignore=args.ignore)
        else:
            findings += check_file(path, convention=args.convention, ignore=args.ignore)
    out.write(findings_json(findings) if args.json else "".join(f"{f}\n" for f in findings))
    files = len({f.file for f in findings})
    err.write(f"{PROG}: {len(findings)} finding(s) in {files} of {len(args.input)} file(s)\n" if findings else "")
    return 1 if findings else 0


def main(argv: Optional[Sequence[str]] = None, out: Optional[TextIO] = None, err: Optional[TextIO] = None) -> int:
    """Run the command line with ``argv``; return the exit status."""
    out = out or sys.stdout
    err = err or sys.stderr
    parser = _build_parser()
    try:
        args = parser.parse_args(argv)
    except _UsageExit as exc:
        return exc.status
    try:
        if args.command == "convert":
            return _convert(args, out, err)
        if args.command == "check":
            return _check(args, out, err)
        return _inspect(args, out, err)
    except ParseError as exc:
        if exc.filename is None:
            exc = exc.with_filename(_display(args.input[0] if isinstance(args.input, list) else args.input))
        err.write(f"{PROG}: error: {exc}\n")
        return 1
    except ValueError as exc:
        err.write(f"{PROG}: error: {exc}\n")
        return 2
    except BrokenPipeError:
        # The reader went away (``| head``): not an error of ours.
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return 0
    except OSError as exc:
        err.write(f"{PROG}: error: {exc.filename or ''}: {exc.strerror or exc}\n")
        return 1


def main_entry() -> None:
    """The console script: run :func:`main` and exit with its status."""
    raise SystemExit(main())
