"""The ``transcripts`` command: a thin layer over the library.

Exit status: 0 success, 1 bad input (the message names the file, and the
line and column where they apply) or an output that could not be written,
2 bad usage.  :func:`main` returns the status; only the console script and
``python -m transcripts`` turn it into the process's exit (and install the
signal handlers that clean up temporary files).

Only argparse is imported up front: ``transcripts --version`` and
``--help`` import none of the parser or the formats, and each command
builds only its own options.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any, NoReturn, Optional, Sequence, TextIO

from . import __version__

__all__ = ["main", "main_entry"]

PROG = "transcripts"
COMMANDS = ("convert", "inspect", "check", "schema")


class _UsageExit(Exception):
    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


class _Usage(Exception):
    """Bad usage found after parsing the arguments: exit 2."""


class _ArgumentParser(argparse.ArgumentParser):
    """argparse that returns to :func:`main` instead of exiting."""

    def exit(self, status: int = 0, message: Optional[str] = None) -> NoReturn:
        if message:
            sys.stderr.write(message)
        raise _UsageExit(status)


# ---------------------------------------------------------------------------
# Arguments
# ---------------------------------------------------------------------------


def _formats(kind: str) -> tuple[str, ...]:
    from .formats._registry import FORMAT_NAMES, READ_ONLY, WRITE_ONLY

    skip = WRITE_ONLY if kind == "read" else READ_ONLY
    return tuple(n for n in FORMAT_NAMES if n not in skip)


def _conventions() -> tuple[str, ...]:
    from .parser import conventions

    return conventions()


def _encoding(text: str) -> str:
    import codecs

    try:
        return codecs.lookup(text).name
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown encoding: {text!r}") from None


def _wpm(text: str) -> float:
    from .formats._registry import WPM_RANGE

    low, high = WPM_RANGE
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not low <= value <= high:
        raise argparse.ArgumentTypeError(f"must be from {low:g} to {high:g} words per minute: {text!r}")
    return value


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {text!r}")
    return value


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _reading_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("-f", "--from", dest="source_format", metavar="FORMAT", choices=_formats("read"), help="input format: " + ", ".join(_formats("read")) + " (default: from the extension, then the content)")
    p.add_argument("--convention", metavar="NAME", help="force one labelling convention when parsing text or markdown (--list-formats lists them)")
    p.add_argument("--encoding", type=_encoding, metavar="NAME", help="the input's text encoding (default: UTF-8, or UTF-16/32 with a byte-order mark)")


def _add_convert(c: argparse.ArgumentParser) -> None:
    from .formats._profiles import PROFILES

    c.add_argument("input", metavar="INPUT", nargs="*", help="input files or folders (the files under a folder that a format reads), or - for standard input")
    c.add_argument("-o", "--output", metavar="OUTPUT", default="-", help="output file, or folder for convokit (default: - for standard output); written atomically; its extension gives the format when --to is not given")
    c.add_argument("--out-dir", metavar="DIR", help="write one output per input into DIR: the input's base name and the format's extension")
    c.add_argument("-t", "--to", dest="to", metavar="FORMAT", choices=_formats("write"), help="output format: " + ", ".join(_formats("write")) + " (default: from the extension of -o)")
    _reading_options(c)
    c.add_argument("--profile", choices=tuple(PROFILES), help="caption profile for srt, vtt and podcast-json (default: podcast; vtt: 65-character lines)")
    c.add_argument("--wpm", type=_wpm, metavar="N", help="words per minute for estimating missing times, 20 to 1000 (default 160 for timed formats; given, it also fills in times for the others)")
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
    c.add_argument("--compact", action="store_true", help="json: no indentation")
    c.add_argument("--rows", choices=("turns", "paragraphs"), default=None, help="csv, tsv: one row per turn (default) or per paragraph")
    c.add_argument("-j", "--jobs", type=_jobs, metavar="N", default=None, help="convert with N worker processes (default: the number of cores)")
    c.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    c.add_argument("-v", "--verbose", action="store_true", help="list everything each output dropped, and each file converted")
    c.add_argument("--list-formats", action="store_true", help="list the formats and conventions, and exit")


def _add_inspect(i: argparse.ArgumentParser) -> None:
    i.add_argument("input", metavar="FILE", help="input file, or - for standard input")
    _reading_options(i)
    i.add_argument("--lenient", action="store_true", help="skip malformed cues instead of failing")
    i.add_argument("--json", action="store_true", help="print what was detected as JSON")


def _add_check(k: argparse.ArgumentParser) -> None:
    from .check import CODES

    k.description = (
        "Read each file (any format convert reads) and report, with line numbers, what deserves a look: "
        + "; ".join(f"{code} ({what})" for code, what in CODES.items())
        + ".  Exit status 0 when clean, 1 with findings."
    )
    k.add_argument("input", metavar="FILE", nargs="+", help="files, or - for standard input")
    k.add_argument("--json", action="store_true", help="print the findings as a JSON array of {file, line, code, message}")
    k.add_argument("--ignore", metavar="CODE", action="append", default=[], choices=tuple(CODES), help="skip findings with this code (repeatable)")
    _reading_options(k)


def _add_schema(s: argparse.ArgumentParser) -> None:
    from ._schemas import SCHEMAS

    s.add_argument("name", metavar="NAME", nargs="?", default="transcript", choices=tuple(SCHEMAS), help="the schema: " + ", ".join(SCHEMAS) + " (default: transcript)")
    s.add_argument("--list", action="store_true", help="list the schemas with their $id")


_DESCRIPTIONS = {
    "convert": (
        "convert transcripts to another format",
        "Convert transcripts between speaker-labelled text, markdown, JSON, YAML, SRT, WebVTT, the Podcasting 2.0 JSON, "
        "HTML and chapters, read diarised ASR JSON, and export corpora (csv, tsv, jsonl, convokit, rttm).  What the "
        "output format cannot hold is listed on standard error.",
    ),
    "inspect": ("show what was read", "Print the format, convention, speakers, topics and the lines the parser was unsure about."),
    "check": ("check that episodes were read right", ""),
    "schema": ("print a JSON Schema the package ships", "Print one of the JSON Schemas shipped inside the package."),
}
_BUILDERS = {"convert": _add_convert, "inspect": _add_inspect, "check": _add_check, "schema": _add_schema}


def _command_of(argv: Sequence[str]) -> Optional[str]:
    for arg in argv:
        if arg in COMMANDS:
            return arg
        if not arg.startswith("-"):
            return None
    return None


def _build_parser(command: Optional[str]) -> argparse.ArgumentParser:
    """The argument parser; only ``command``'s options are built (the others
    are listed by name), so ``--help`` and ``--version`` stay light."""
    p = _ArgumentParser(prog=PROG, description="Turn podcast and interview transcripts into structured data.")
    p.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    p.add_argument("--list-formats", action="store_true", help="list the formats and conventions, and exit")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        short, long = _DESCRIPTIONS[name]
        s = sub.add_parser(name, help=short, description=long or None)
        if name == command:
            _BUILDERS[name](s)
    return p


# ---------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------


class _Report:
    """Messages on standard error: errors always; warnings unless quiet;
    a progress bar when stderr is a terminal and there are many inputs."""

    def __init__(self, err: TextIO, quiet: bool = False, verbose: bool = False, total: int = 1) -> None:
        self.err = err
        self.quiet = quiet
        self.verbose = verbose
        self.total = total
        self.done = 0
        isatty = getattr(err, "isatty", None)
        self.bar = total > 1 and not quiet and bool(isatty and isatty())
        self.shown = False

    def _clear(self) -> None:
        if self.shown:
            self.err.write("\r\x1b[K")
            self.shown = False

    def write(self, text: str) -> None:
        self._clear()
        self.err.write(text)

    def error(self, text: str) -> None:
        self.write(f"{PROG}: error: {text}\n")

    def warning(self, text: str) -> None:
        if not self.quiet:
            self.write(f"{PROG}: warning: {text}\n")

    def note(self, text: str) -> None:
        if not self.quiet:
            self.write(f"{PROG}: {text}\n")

    def step(self, name: str) -> None:
        self.done += 1
        if self.bar:
            width = 24
            filled = width * self.done // self.total
            self._clear()
            self.err.write(f"[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} {os.path.basename(name)[:40]}")
            self.err.flush()
            self.shown = True

    def finish(self) -> None:
        self._clear()


def _stdout_bytes(out: TextIO, text: str) -> None:
    """Write to standard output, checking the write and the flush (a full
    disk is an error, not a truncated output with exit 0)."""
    buffer = getattr(out, "buffer", None)
    if buffer is not None:
        out.flush()
        buffer.write(text.encode("utf-8"))
        buffer.flush()
    else:
        out.write(text)
        out.flush()


def _silence_stdout() -> None:
    """After stdout failed, point it at /dev/null so the interpreter's own
    flush at exit does not fail again."""
    try:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, sys.stdout.fileno())
        os.close(fd)
    except (OSError, ValueError, AttributeError):
        pass


# ---------------------------------------------------------------------------
# Reading one input
# ---------------------------------------------------------------------------


def _display(path: str) -> str:
    return "<stdin>" if path == "-" else path


def _input_bytes(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    from .io import read_bytes

    if os.path.isdir(path):
        from .errors import ParseError

        raise ParseError("a folder holding no file that a format reads by its extension", path)

    return read_bytes(path)


class _Input:
    """One input as read: the transcript, its format, skipped cues, and for
    the parser's formats what it was unsure about."""

    def __init__(self, transcript: Any, fmt: str, skipped: tuple[Any, ...], text: str, unsure: Optional[tuple[Any, ...]]) -> None:
        self.transcript = transcript
        self.format = fmt
        self.skipped = skipped
        self.text = text
        self.unsure = unsure


_PARSED = ("text", "markdown")


def _read_input(path: str, fmt: Optional[str], convention: Optional[str], encoding: Optional[str], lenient: bool, analyse: bool = False) -> _Input:
    from ._source import decode
    from .formats import detect, detect_binary, get
    from .io import read

    filename = None if path == "-" else path
    data = _input_bytes(path)
    binary = get(fmt) if fmt else detect_binary(filename, data)
    if binary is not None and binary.binary:
        reading = read(data, binary.name, filename=filename, lenient=lenient)  # type: ignore[arg-type]
        return _Input(reading.transcript, reading.format, reading.skipped, "", None)
    text = decode(data, _display(path), encoding)
    codec = get(fmt) if fmt else detect(filename, text)
    if codec.name in _PARSED and (convention or analyse):
        from .parser import analyse as run

        a = run(text, convention=convention, source=filename)
        return _Input(a.transcript, codec.name, (), text, a.dialogue.unsure)
    reading = read(text, codec.name, filename=filename, lenient=lenient)  # type: ignore[arg-type]
    return _Input(reading.transcript, reading.format, reading.skipped, text, None)


# ---------------------------------------------------------------------------
# convert
# ---------------------------------------------------------------------------


class _Job:
    """What a worker needs to convert one input (picklable)."""

    def __init__(self, index: int, path: str, target: Optional[str], settings: dict[str, Any]) -> None:
        self.index, self.path, self.target, self.settings = index, path, target, settings


class _Result:
    """What a worker found: messages (kind, text), and the transcript (for a
    corpus) or the text (for standard output)."""

    def __init__(self, index: int) -> None:
        self.index = index
        self.failed = False
        self.messages: list[tuple[str, str]] = []
        self.transcript: Any = None
        self.text: Optional[str] = None

    @property
    def warned(self) -> bool:
        return any(kind == "warning" for kind, _ in self.messages)


def _dropped_messages(shown: str, fmt: str, dropped: Sequence[Any]) -> list[tuple[str, str]]:
    if not dropped:
        return []
    head = f"{shown}: {fmt} cannot hold everything; dropped:"
    from .formats import Dropped

    brief = f"{shown}: {fmt} dropped " + ", ".join(str(Dropped(d.what, d.count)) for d in dropped[:4]) + (", …" if len(dropped) > 4 else "")
    return [("warning", head), ("detail", "".join(f"  - {d}\n" for d in dropped)), ("brief", brief)]


def _convert_job(job: _Job, batch: Any = None) -> _Result:
    """Read, convert and write (into ``batch`` for --out-dir) one input.
    Bad input and unwritable outputs are recorded in the result, never
    raised."""
    from .errors import ParseError

    s = job.settings
    r = _Result(job.index)
    shown = _display(job.path)
    try:
        got = _read_input(job.path, s["from"], s["convention"], s["encoding"], s["lenient"])
        for problem in got.skipped:
            # A reader's note that says what became of the input stands as
            # it is; a malformed cue was skipped.
            said = any(word in problem.message for word in ("ignored", "skipped", "kept"))
            r.messages.append(("warning", f"{problem.with_filename(shown)}" + ("" if said else " (cue skipped)")))
        t = got.transcript
        if s["names"]:
            from .naming import name_speakers, unmatched

            for label in unmatched(t, s["names"]):
                r.messages.append(("warning", f"{shown}: no speaker is labelled {label!r}"))
            t = name_speakers(t, s["names"], strict=False)
        if not t.turns:
            r.messages.append(("note", f"{shown}: no dialogue found"))
        if s["corpus"]:
            r.transcript = t
            return r
        from .io import convert

        conversion = convert(t, s["to"], profile=s["profile"], wpm=s["wpm"], compact=s["compact"], rows=s["rows"])
        r.messages += _dropped_messages(shown, s["to"], conversion.dropped)
        if job.target is None:
            r.text = conversion.text
        elif batch is not None:
            batch.write(job.target, conversion.text)
        else:
            from .io import atomic_write

            atomic_write(job.target, conversion.text)
    except ParseError as exc:
        r.failed = True
        r.messages.append(("error", str(exc.with_filename(shown))))
    except OSError as exc:
        r.failed = True
        r.messages.append(("error", f"{exc.filename or shown}: {exc.strerror or exc}"))
    except (ValueError, RecursionError, UnicodeError) as exc:
        r.failed = True
        r.messages.append(("error", f"{shown}: {exc}"))
    return r


def _speaker_pair(text: str) -> tuple[str, str]:
    label, sep, name = text.partition("=")
    if not sep or not label.strip() or not name.strip():
        raise argparse.ArgumentTypeError(f"expected LABEL=NAME, not {text!r}")
    return label.strip(), name.strip()


def _speaker_names(args: argparse.Namespace) -> dict[str, str]:
    """The --speaker-map file's names, then the --speaker options'."""
    names: dict[str, str] = {}
    if args.speaker_map:
        from .naming import read_mapping
        from .parser import read_text

        names.update(read_mapping(read_text(args.speaker_map), args.speaker_map))
    names.update(dict(args.speaker))
    return names


def _convert_chunk(jobs: list[_Job]) -> list[_Result]:
    """Convert a group of inputs, in a worker process or in this one alike;
    their outputs (for --out-dir) are written as part of a
    :class:`~transcripts.io.Batch` the parent flushes to disk once."""
    from .io import Batch

    batch = Batch() if jobs and jobs[0].settings["batch"] else None
    return [_convert_job(job, batch) for job in jobs]


def _show(report: _Report, result: _Result, batch: bool) -> None:
    for kind, text in result.messages:
        if kind == "error":
            report.error(text)
        elif kind == "note":
            report.note(text)
        elif kind == "warning":
            if not batch or report.verbose or not text.endswith("dropped:"):
                report.warning(text)
        elif kind == "detail":
            if (not batch or report.verbose) and not report.quiet:
                report.write(text)
        elif kind == "brief":
            if batch and not report.verbose:
                report.warning(text)


def _worker_init() -> None:
    import signal

    signal.signal(signal.SIGTERM, _terminate)
    signal.signal(signal.SIGINT, signal.default_int_handler)


#: Inputs converted together: one task for a worker, one flush to disk.
CHUNK = 8


def _results(jobs: list[_Job], workers: int) -> Any:
    """Each job's result in input order: converted in groups of at most
    :data:`CHUNK`, in this process alone or in it and ``workers - 1``
    forked ones (the outputs are the same either way)."""
    size = max(1, min(CHUNK, -(-len(jobs) // max(1, workers * 16))))
    # The last few inputs go one by one, so that the workers finish
    # together instead of one waiting for another's last group.
    tail = max(0, len(jobs) - 2 * workers * size) if workers > 1 else len(jobs)
    chunks = [jobs[k : min(k + size, tail)] for k in range(0, tail, size)] + [[job] for job in jobs[tail:]]
    if workers <= 1 or len(jobs) < 4:
        for chunk in chunks:
            yield from _convert_chunk(chunk)
        return
    from . import parser  # noqa: F401 (imported once here, and shared by the forked workers, rather than in each)
    from ._workers import ordered

    for results in ordered(_convert_chunk, chunks, workers, init=_worker_init):
        yield from results


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


def _settings(args: argparse.Namespace, to: str, corpus: bool, batch: bool) -> dict[str, Any]:
    return {
        "from": args.source_format,
        "convention": args.convention,
        "encoding": args.encoding,
        "lenient": args.lenient,
        "to": to,
        "profile": args.profile,
        "wpm": args.wpm,
        "compact": args.compact,
        "rows": args.rows or "turns",
        "corpus": corpus,
        "batch": batch,
        "names": args.names,
    }


def _check_options(codec: Any, args: argparse.Namespace) -> None:
    from .formats import FORMATS

    def having(test: Any) -> str:
        return ", ".join(n for n, f in FORMATS.items() if test(f))

    if args.profile is not None and args.profile not in codec.profiles:
        raise _Usage(f"--profile applies to {having(lambda f: f.profiles)}, not {codec.name}")
    if args.compact and "compact" not in codec.options:
        raise _Usage(f"--compact applies to {having(lambda f: 'compact' in f.options)}, not {codec.name}")
    if args.rows is not None and "rows" not in codec.options:
        raise _Usage(f"--rows applies to {having(lambda f: 'rows' in f.options)}, not {codec.name}")


def _convert(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .formats import FORMATS, base_name, by_extension, get

    if args.list_formats:
        return _list_formats(out)
    if not args.input:
        raise _Usage("give at least one INPUT (or - for standard input)")
    args.input, args.folders = _expand_folders(args.input)
    if args.quiet and args.verbose:
        raise _Usage("use either -q/--quiet or -v/--verbose")
    to_stdout = args.output == "-"
    if args.to is None:
        if args.out_dir is not None or to_stdout:
            raise _Usage("give the output format with --to (it comes from the extension of -o otherwise)")
        try:
            args.to = by_extension(args.output).name
        except ValueError as exc:
            raise _Usage(str(exc).replace("(or name the format)", "(or give --to)")) from None
    codec = get(args.to)
    _check_options(codec, args)
    try:
        args.names = _speaker_names(args)
    except ValueError as exc:
        raise _Usage(f"--speaker-map: {exc}") from None
    corpus = codec.write_corpus is not None and args.out_dir is None
    if args.out_dir is not None and not to_stdout:
        raise _Usage("use either -o/--output or --out-dir")
    if codec.directory:
        if args.out_dir is not None:
            raise _Usage(f"{codec.name} writes one corpus folder: use -o DIR")
        if to_stdout:
            raise _Usage(f"{codec.name} writes a folder: give it with -o DIR")
    if args.out_dir is None and not corpus and len(args.input) > 1:
        corpora = ", ".join(n for n, f in FORMATS.items() if f.write_corpus is not None)
        raise _Usage(f"several inputs need --out-dir DIR (or a corpus format: {corpora})")
    if "-" in args.input and args.out_dir is not None:
        raise _Usage("standard input has no name to give its output in --out-dir; use -o")
    if not to_stdout:
        for path in args.input:
            if path != "-" and _same_file(path, args.output):
                raise _Usage(f"output {args.output} is the input {path}: refusing to overwrite it")
    workers = args.jobs or _cores()
    batch = len(args.input) > 1 or args.out_dir is not None
    report = _Report(err, args.quiet, args.verbose, len(args.input))
    if args.out_dir is None:
        return _convert_to_output(args, codec, corpus, workers, report, out)

    os.makedirs(args.out_dir, exist_ok=True)
    jobs: list[_Job] = []
    refused: dict[int, str] = {}
    written: dict[str, str] = {}
    settings = _settings(args, codec.name, False, batch=True)
    for index, path in enumerate(args.input):
        target = os.path.join(args.out_dir, args.folders.get(path, ""), base_name(path) + codec.extensions[0])
        key = os.path.abspath(target)
        if _same_file(target, path):
            refused[index] = f"{path}: output {target} would overwrite the input"
        elif key in written:
            refused[index] = f"{path}: output {target} was already written for {written[key]}"
        else:
            written[key] = path
            jobs.append(_Job(index, path, target, settings))
    for folder in sorted({os.path.dirname(job.target) for job in jobs if job.target}):
        os.makedirs(folder, exist_ok=True)  # a folder's subfolders, mirrored
    return _run_batch(jobs, refused, workers, report, batch)


def _expand_folders(inputs: Sequence[str]) -> tuple[list[str], dict[str, str]]:
    """The inputs with each folder replaced by the files under it that a
    format reads by its extension (hidden ones left out), in name order,
    and the folder of each such file relative to the folder given (its
    output goes into the same place under --out-dir).  A folder holding
    none stays as it is, to be reported."""
    from .formats import FORMATS

    extensions = tuple(sorted({e for f in FORMATS.values() if f.read is not None for e in f.extensions}))
    out: list[str] = []
    where: dict[str, str] = {}
    for path in inputs:
        if path == "-" or not os.path.isdir(path):
            out.append(path)
            continue
        found = []
        for folder, subfolders, files in os.walk(path):
            subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
            relative = os.path.relpath(folder, path)
            for name in sorted(files):
                if not name.startswith(".") and name.lower().endswith(extensions):
                    file = os.path.join(folder, name)
                    found.append(file)
                    where[file] = "" if relative == "." else relative
        out.extend(found or [path])
    return out, where


def _run_batch(jobs: list[_Job], refused: dict[int, str], workers: int, report: _Report, batch: bool) -> int:
    from .io import sync_folders

    failed = warned = converted = 0
    pending = {job.index: job for job in jobs}
    order = sorted([*pending, *refused])
    results = _results(jobs, workers)
    try:
        for index in order:
            if index in refused:
                report.step(refused[index])
                report.error(refused[index])
                failed += 1
                continue
            result = next(results)
            job = pending.pop(index)
            report.step(job.path)
            _show(report, result, batch)
            if result.failed:
                failed += 1
                continue
            converted += 1
            warned += result.warned
            if report.verbose:
                report.note(f"{job.path} → {job.target}")
        for _ in results:  # none left: this closes the pool
            pass
        sync_folders({os.path.dirname(os.path.realpath(job.target)) for job in jobs if job.target})
    except BaseException:
        results.close()
        _remove_strays(pending.values())
        raise
    finally:
        report.finish()
    if batch and not report.quiet:
        report.write(f"{PROG}: {converted} converted, {failed} failed, {warned} with warnings\n")
    return 1 if failed else 0


def _remove_strays(jobs: Any) -> None:
    """Temporary files of outputs a worker was writing when the batch was
    interrupted (workers remove their own on SIGTERM; this catches what a
    worker killed outright left)."""
    import glob

    for job in jobs:
        if job.target:
            real = os.path.realpath(job.target)
            folder, base = os.path.split(real)
            for tmp in glob.glob(os.path.join(glob.escape(folder), "." + glob.escape(base) + ".*.tmp")):
                try:
                    os.unlink(tmp)
                except OSError:
                    pass


def _convert_to_output(args: argparse.Namespace, codec: Any, corpus: bool, workers: int, report: _Report, out: TextIO) -> int:
    """One output: standard output or ``-o``, from one input, or from many
    inputs for a corpus format."""
    from .formats import base_name
    from .io import atomic_write

    to_stdout = args.output == "-"
    settings = _settings(args, codec.name, corpus, batch=False)
    jobs = [_Job(i, path, None, settings) for i, path in enumerate(args.input)]
    batch = len(jobs) > 1
    episodes: list[tuple[str, Any]] = []
    failed = warned = 0
    text: Optional[str] = None
    results = _results(jobs, workers)
    try:
        for job, result in zip(jobs, results):
            report.step(job.path)
            _show(report, result, batch)
            if result.failed:
                failed += 1
                continue
            warned += result.warned
            if corpus:
                episodes.append((base_name(job.path) if job.path != "-" else "stdin", result.transcript))
            else:
                text = result.text
        for _ in results:  # none left: this closes the pool
            pass
    finally:
        results.close()
        report.finish()
    if corpus:
        from .io import corpus as make_corpus

        if not episodes:
            if batch and not report.quiet:
                report.write(f"{PROG}: 0 converted, {failed} failed, 0 with warnings\n")
            return 1
        c = make_corpus(episodes, codec.name, profile=args.profile, wpm=args.wpm, compact=args.compact, rows=args.rows or "turns")
        for kind, message in _dropped_messages(f"{len(episodes)} input(s)" if batch else _display(args.input[0]), codec.name, c.dropped):
            _show(report, _one_message(kind, message), batch)
        if to_stdout:
            text = c.files[0][1]
        elif codec.directory:
            _write_folder(args.output, c.files)
        else:
            atomic_write(args.output, c.files[0][1])
    elif text is not None and not to_stdout:
        atomic_write(args.output, text)
    if text is not None and to_stdout:
        try:
            _stdout_bytes(out, text)
        except BrokenPipeError:
            raise
        except OSError as exc:
            if out is sys.stdout:
                _silence_stdout()
            report.error(f"<stdout>: {exc.strerror or exc}")
            return 1
    if batch and not report.quiet:
        report.write(f"{PROG}: {len(episodes)} converted, {failed} failed, {warned} with warnings\n")
    return 1 if failed else 0


def _one_message(kind: str, message: str) -> _Result:
    r = _Result(0)
    r.messages.append((kind, message))
    return r


def _write_folder(folder: str, files: Sequence[tuple[str, str]]) -> None:
    from .io import Batch

    if os.path.exists(folder) and not os.path.isdir(folder):
        raise NotADirectoryError(20, "Not a directory", folder)
    os.makedirs(folder, exist_ok=True)
    with Batch() as batch:
        for name, text in files:
            batch.write(os.path.join(folder, name), text)


#: One line per built-in format for --list-formats (a format registered
#: by others says its own in Format.summary).
_SUMMARIES = {
    "json": "the whole model (schema: transcripts schema), lossless",
    "yaml": "the JSON document as YAML, lossless",
    "text": "speaker-labelled text, read by the parser",
    "markdown": "text with **bold** labels and # headings",
    "srt": "SubRip captions in a profile",
    "vtt": "WebVTT captions with <v> voices",
    "podcast-json": "the Podcasting 2.0 JSON transcript",
    "asr-json": "diarised ASR JSON (speakers and segments; whisperX, OpenAI, whisper)",
    "aws-transcribe": "AWS Transcribe job output, detected by its shape",
    "deepgram": "Deepgram /v1/listen response, detected by its shape",
    "elevenlabs": "ElevenLabs Speech-to-Text (Scribe) response, detected by its shape",
    "assemblyai": "AssemblyAI transcript, detected by its shape",
    "revai": "Rev.ai transcript JSON, detected by its shape",
    "speechmatics": "Speechmatics json-v2 transcript, detected by its shape",
    "azure-speech": "Azure AI Speech batch transcription, detected by its shape",
    "google-stt": "Google Speech-to-Text response, detected by its shape",
    "ibm-watson": "IBM Watson Speech to Text response, detected by its shape",
    "whisper-cpp": "whisper.cpp JSON output (-oj, -ojf), detected by its shape",
    "vosk": "Vosk recognition results, detected by their shape",
    "gladia": "Gladia v2 pre-recorded result, detected by its shape",
    "html": "the Podcasting 2.0 HTML transcript",
    "chapters": "the Podcasting 2.0 JSON chapters, from the topics",
    "sbv": "YouTube SBV captions",
    "ass": "ASS/SSA subtitles: Dialogue events, the Name field as the speaker",
    "ttml": "TTML/DFXP captions with ttm:agent speakers (Apple Podcasts)",
    "sami": "SAMI captions",
    "microdvd": "MicroDVD frame-numbered subtitles",
    "scc": "Scenarist SCC: refused by name (convert it to SRT or WebVTT first)",
    "docx": "Word documents, read by the parser as markdown",
    "json-records": "a JSON array of utterance records (youtube-transcript-api)",
    "youtube-json3": "YouTube json3 captions (yt-dlp)",
    "youtube-xml": "YouTube timedtext XML captions (srv1, srv2, srv3)",
    "csv": "one row per turn or paragraph (RFC 4180); many inputs make one table",
    "tsv": "the csv table with tabs",
    "jsonl": "JSON Lines, one utterance per line; many inputs make one file",
    "convokit": "a ConvoKit corpus folder (-o DIR); many inputs make one corpus",
    "rttm": "NIST RTTM diarisation, one SPEAKER line per timed turn",
    "textgrid": "Praat TextGrid, an interval tier per speaker",
    "chat": "CHAT (TalkBank, CHILDES): *CODE: utterances with their time bullets",
}


def _list_formats(out: TextIO) -> int:
    from .formats import FORMATS

    w = out.write
    w("formats (r: read, w: write; extensions):\n")
    for name, f in FORMATS.items():
        mode = ("r" if f.read else "-") + ("w" if f.write or f.directory else "-")
        exts = " ".join(f.extensions) or ("(a folder)" if f.directory else "")
        w(f"  {name:<14} {mode}  {exts:<20} {f.summary or _SUMMARIES.get(name, '')}".rstrip() + "\n")
    w("conventions (--convention, for text and markdown):\n")
    for name in _conventions():
        w(f"  {name}\n")
    return 0


# ---------------------------------------------------------------------------
# inspect, check, schema
# ---------------------------------------------------------------------------


def _inspect(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    got = _read_input(args.input, args.source_format, args.convention, args.encoding, args.lenient, analyse=True)
    t = got.transcript
    shown = _display(args.input)
    counts = {s.id: 0 for s in t.speakers}
    for u in t.turns:
        counts[u.speaker] = counts.get(u.speaker, 0) + 1
    unsure = got.unsure or ()
    from .naming import suggest_names
    from .topics import describe

    guesses = suggest_names(t)  # (a guess, never applied: --speaker applies it)
    if args.json:
        from .formats.jsonfmt import encode

        doc = {
            "file": shown,
            "format": got.format,
            "convention": t.metadata.convention,
            "metadata": {f: getattr(t.metadata, f) for f in ("title", "subtitle", "show", "recorded", "published", "truncated")},
            "turns": len(t.turns),
            "speakers": [{"id": s.id, "name": s.name, "role": s.role, "turns": counts.get(s.id, 0), "aliases": list(s.aliases)} for s in t.speakers],
            "topics": [
                {"title": p.title, "source": p.source, "in_text": p.in_text, "turns": list(p.turns), "start": p.start, "confidence": p.confidence}
                for p in t.topics
            ],
            "suggested_names": [{"speaker": label, "name": name, "evidence": why} for label, (name, why) in guesses.items()],
            "unsure": [{"line": u.line, "reason": u.reason} for u in unsure],
            "skipped": [{"line": e.line, "message": e.message} for e in got.skipped],
        }
        _stdout_bytes(out, encode(doc))
        return 0
    lines = [f"file:       {shown}\n", f"format:     {got.format}\n"]
    w = lines.append
    if got.format in _PARSED:
        w(f"convention: {t.metadata.convention or '(no dialogue found)'}\n")
    elif not t.turns:
        w("convention: (no dialogue found)\n")
    for field in ("title", "subtitle", "show", "recorded", "published"):
        value = getattr(t.metadata, field)
        if value:
            w(f"{field + ':':<11} {value}\n")
    if t.metadata.truncated:
        w("truncated:  yes (the text stops where the free part ends)\n")
    w(f"turns:      {len(t.turns)}\n")
    w("speakers:\n")
    for s in t.speakers:
        aliases = f"  aliases: {', '.join(s.aliases)}" if s.aliases else ""
        w(f"  {s.id:<24} {s.name!r:<28} {s.role:<8} {counts.get(s.id, 0):>4} turns{aliases}\n")
    if t.topics:
        w("topics:\n")
        for topic in t.topics:
            w(f"  - [{topic.source}] {topic.title}  ({describe(topic)})\n")
    if guesses:
        w("suggested names (guesses from the speech, not applied; use --speaker LABEL=NAME):\n")
        for label, (name, why) in guesses.items():
            w(f"  {label} = {name!r}  (\"…{why}…\")\n")
    if unsure:
        w("unsure:\n")
        for u in unsure:
            w(f"  line {u.line}: {u.reason}\n")
    if got.skipped:
        w("skipped:\n")
        for e in got.skipped:
            w(f"  line {e.line}: {e.message}\n")
    _stdout_bytes(out, "".join(lines))
    return 0


def _check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .check import Finding, check_bytes, check_file, findings_json

    findings: list[Finding] = []
    options = {"fmt": args.source_format, "convention": args.convention, "encoding": args.encoding, "ignore": args.ignore}
    for path in args.input:
        if path == "-":
            findings += check_bytes(sys.stdin.buffer.read(), "<stdin>", **options)
        else:
            findings += check_file(path, **options)
    _stdout_bytes(out, findings_json(findings) if args.json else "".join(f"{f}\n" for f in findings))
    files = len({f.file for f in findings})
    err.write(f"{PROG}: {len(findings)} finding(s) in {files} of {len(args.input)} file(s)\n" if findings else "")
    return 1 if findings else 0


def _schema(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ._schemas import SCHEMAS, schema, schema_text

    if args.list:
        _stdout_bytes(out, "".join(f"{name:<20} {schema(name)['$id']}\n" for name in SCHEMAS))
        return 0
    _stdout_bytes(out, schema_text(args.name))
    return 0


# ---------------------------------------------------------------------------
# main
# ---------------------------------------------------------------------------


def main(argv: Optional[Sequence[str]] = None, out: Optional[TextIO] = None, err: Optional[TextIO] = None) -> int:
    """Run the command line with ``argv``; return the exit status."""
    out = out or sys.stdout
    err = err or sys.stderr
    argv = list(sys.argv[1:] if argv is None else argv)
    command = _command_of(argv)
    import contextlib

    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            args = _build_parser(command).parse_args(argv)
    except _UsageExit as exc:
        return exc.status
    if args.command is None:
        if args.list_formats:
            return _list_formats(out)
        err.write(f"usage: {PROG} [--version] [--list-formats] COMMAND ...  (commands: {', '.join(COMMANDS)}; see --help)\n")
        return 2
    from .errors import ParseError

    try:
        if getattr(args, "convention", None) is not None and args.convention not in _conventions():
            raise _Usage(f"unknown convention {args.convention!r}; known: {', '.join(_conventions())}")
        if args.command == "convert":
            return _convert(args, out, err)
        if args.command == "check":
            return _check(args, out, err)
        if args.command == "schema":
            return _schema(args, out, err)
        return _inspect(args, out, err)
    except _Usage as exc:
        err.write(f"{PROG}: error: {exc}\n")
        return 2
    except ParseError as exc:
        if exc.filename is None and args.command == "inspect":
            exc = exc.with_filename(_display(args.input))
        err.write(f"{PROG}: error: {exc}\n")
        return 1
    except BrokenPipeError:
        # The reader went away (``| head``): not an error of ours.
        if out is sys.stdout:
            _silence_stdout()
        return 0
    except OSError as exc:
        if exc.filename is None and out is sys.stdout:
            _silence_stdout()
        err.write(f"{PROG}: error: {exc.filename or '<stdout>'}: {exc.strerror or exc}\n")
        return 1
    except (ValueError, RecursionError, UnicodeError) as exc:
        # Bad input the readers did not name a line for.
        where = _display(args.input) if isinstance(args.input, str) else ", ".join(map(_display, args.input))
        err.write(f"{PROG}: error: {where}: {exc}\n")
        return 1


def _terminate(signum: int, frame: Any) -> None:
    """SIGTERM: unwind like Ctrl-C, so temporary files are removed."""
    raise SystemExit(128 + signum)


def main_entry() -> None:
    """The console script: run :func:`main` and exit with its status; a
    SIGTERM unwinds (removing temporary files) and exits 143."""
    import signal

    try:
        signal.signal(signal.SIGTERM, _terminate)
    except (ValueError, OSError):  # not the main thread
        pass
    try:
        status = main()
    except KeyboardInterrupt:
        sys.stderr.write(f"{PROG}: interrupted\n")
        status = 130
    raise SystemExit(status)
