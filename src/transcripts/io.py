"""Reading and writing transcripts by format name or file name, and
writing files safely.

Output files are written atomically: to a temporary file beside the target
(created with the target's mode, or as the umask says for a new file),
flushed to disk, then renamed over it, so a failure or a signal never
leaves a half-written file and a crash never leaves an empty one.  A
symlink is written through (its target is replaced, the link kept);
something that is not a regular file (a pipe, ``/dev/stdout``,
``/dev/null``) is written directly.  Many files written together
(:class:`Batch`) are flushed to disk with one call at the end instead of
one per file, except those replacing an existing file, flushed before
their rename.
"""

from __future__ import annotations

import os
import stat
import sys
import warnings
from typing import IO, TYPE_CHECKING, Any, Iterable, Optional, Union, cast

from .errors import ParseError, SkippedCueWarning

if TYPE_CHECKING:
    from .formats import Conversion, Corpus, Format, FormatName, Reading
    from .model import Transcript

__all__ = ["Batch", "atomic_write", "convert", "corpus", "dump", "dumps", "load", "loads", "read", "read_bytes", "sync_folders", "write_corpus"]

PathLike = Union[str, "os.PathLike[str]"]
Source = Union[PathLike, IO[str], IO[bytes]]


def _options(fmt: "Format", profile: Optional[str], wpm: Optional[float], compact: bool, rows: str) -> Any:
    from .formats._registry import DEFAULT_WPM, ROWS, WPM_RANGE, WriteOptions

    if profile is not None and profile not in fmt.profiles:
        raise ValueError(f"format {fmt.name!r} has no profile {profile!r}" + (f"; known: {', '.join(fmt.profiles)}" if fmt.profiles else ""))
    if wpm is not None:
        low, high = WPM_RANGE
        if isinstance(wpm, bool) or not isinstance(wpm, (int, float)) or not low <= wpm <= high:
            raise ValueError(f"words per minute must be a number from {low:g} to {high:g}, not {wpm!r}")
    if compact and "compact" not in fmt.options:
        raise ValueError(f"format {fmt.name!r} has no compact form (json has)")
    if rows not in ROWS:
        raise ValueError(f"rows must be one of {', '.join(ROWS)}, not {rows!r}")
    if rows != "turns" and "rows" not in fmt.options:
        raise ValueError(f"format {fmt.name!r} has no rows option (csv and tsv have)")
    return WriteOptions(profile, DEFAULT_WPM if wpm is None else float(wpm), compact, rows)


def convert(
    t: "Transcript", fmt: "FormatName", *, profile: Optional[str] = None, wpm: Optional[float] = None, compact: bool = False, rows: str = "turns"
) -> "Conversion":
    """Write the transcript in format ``fmt`` and say what was lost.

    Returns a :class:`~transcripts.formats.Conversion`: ``.text`` and
    ``.dropped``, the parts of the transcript the format cannot hold (an
    empty tuple when nothing was lost).  ``profile`` chooses the caption
    profile of srt, vtt and podcast-json (``podcast``, ``netflix``,
    ``bbc``).  Timed formats estimate missing times at ``wpm`` words per
    minute (default 160, at most 20–1000); given for any other format,
    ``wpm`` fills in the missing times too (marked ``timing="estimated"``).
    ``compact`` writes JSON without indentation; ``rows`` ("turns" or
    "paragraphs") is what a csv or tsv row holds."""
    from .formats import estimate_times, get

    codec = get(fmt)
    if codec.write is None:
        if codec.directory:
            raise ValueError(f"format {fmt!r} writes a folder: use dump(t, FOLDER, {fmt!r}) or write_corpus()")
        raise ValueError(f"format {fmt!r} can be read but not written")
    options = _options(codec, profile, wpm, compact, rows)
    if wpm is not None:
        t = estimate_times(t, wpm)
    return codec.write(t, options)


def dumps(
    t: "Transcript", fmt: "FormatName" = "json", *, profile: Optional[str] = None, wpm: Optional[float] = None, compact: bool = False, rows: str = "turns"
) -> str:
    """The transcript written in format ``fmt`` ("json", "yaml", "srt", …);
    see :func:`convert` for the options and for what a format drops."""
    return convert(t, fmt, profile=profile, wpm=wpm, compact=compact, rows=rows).text


def read(
    data: Union[str, bytes],
    fmt: Optional["FormatName"] = None,
    *,
    filename: Optional[str] = None,
    lenient: bool = False,
    encoding: Optional[str] = None,
) -> "Reading":
    """Read a transcript from text or bytes in format ``fmt`` (by default
    detected from ``filename``, then the content).  Bytes of a binary
    format (a Word document) are read as they are; others are decoded as
    ``encoding`` says, by default UTF-8 or the UTF-8/16/32 their
    byte-order mark names.  Malformed cues raise :class:`ParseError` naming
    file and line; with ``lenient`` they are skipped and listed in the
    result's ``.skipped``."""
    from .formats import ReadContext, Reading, detect, detect_binary, get

    given = get(fmt) if fmt else None
    content: Union[str, bytes]
    if isinstance(data, (bytes, bytearray, memoryview)):
        data = bytes(data)
        binary = given if given is not None and given.binary else None if given is not None else detect_binary(filename, data)
        if binary is not None:
            codec, content = binary, data
        else:
            from ._source import decode

            content = decode(data, filename, encoding)
            codec = given or detect(filename, content)
    else:
        content = data
        codec = given or detect(filename, content)
        if codec.binary:
            raise ValueError(f"format {codec.name!r} is read from the file's bytes, not from text")
    if codec.read is None:
        raise ValueError(f"format {codec.name!r} can be written but not read")
    ctx = ReadContext(filename, lenient)
    try:
        t = codec.read(content, ctx)  # type: ignore[arg-type]
    except ParseError as exc:
        raise exc.with_filename(filename) if filename else exc
    return Reading(t, codec.name, tuple(ctx.skipped))


def loads(
    data: Union[str, bytes], fmt: Optional["FormatName"] = None, *, filename: Optional[str] = None, lenient: bool = False, encoding: Optional[str] = None
) -> "Transcript":
    """Read a transcript from text (or bytes) in format ``fmt``; by default
    the format is detected from ``filename`` and the content.  ``"text"``
    parses speaker-labelled text.  With ``lenient``, malformed cues are
    skipped, each with a :class:`SkippedCueWarning` (see :func:`read`)."""
    reading = read(data, fmt, filename=filename, lenient=lenient, encoding=encoding)
    for err in reading.skipped:
        warnings.warn(SkippedCueWarning(str(err)), stacklevel=2)
    return reading.transcript


def _name_of(f: Any) -> Optional[str]:
    name = getattr(f, "name", None)
    return name if isinstance(name, str) and not name.startswith("<") else None


def read_bytes(path: PathLike) -> bytes:
    """A file's bytes; an OSError becomes a ParseError naming the file."""
    name = os.fspath(path)
    try:
        with open(name, "rb") as f:
            return f.read()
    except OSError as exc:
        raise ParseError(exc.strerror or str(exc), name) from None


def load(source: Source, fmt: Optional["FormatName"] = None, *, lenient: bool = False, encoding: Optional[str] = None) -> "Transcript":
    """Read a transcript from a file: a path, or a file object open in text
    or binary mode.  The format comes from the file's extension and content
    unless ``fmt`` names it; bytes are decoded as :func:`read` says."""
    if hasattr(source, "read"):
        data = source.read()  # type: ignore[union-attr]
        name = _name_of(source)
    else:
        name = os.fspath(source)  # type: ignore[arg-type]
        data = read_bytes(name)
    return loads(data, fmt, filename=name, lenient=lenient, encoding=encoding)


# ---------------------------------------------------------------------------
# Writing files
# ---------------------------------------------------------------------------


def _user_error(exc: OSError, name: str) -> OSError:
    """The same error naming the user's path (not a temporary file)."""
    return OSError(exc.errno, exc.strerror or str(exc), name)


def _temporary(folder: str, base: str, mode: Optional[int]) -> tuple[int, str]:
    """A new temporary file in ``folder``: (fd, path).  Created as the umask
    says, then given ``mode`` (the file it replaces) when there is one."""
    for _ in range(100):
        tmp = os.path.join(folder, f".{base}.{os.urandom(4).hex()}.tmp")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o666)
        except FileExistsError:
            continue
        try:
            if mode is not None and hasattr(os, "fchmod"):
                os.fchmod(fd, mode)
        except BaseException:
            os.close(fd)
            os.unlink(tmp)
            raise
        return fd, tmp
    raise FileExistsError(f"no free temporary name in {folder}")


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


def _fsync_folder(folder: str) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write_file(name: str, data: bytes, durable: bool) -> Optional[str]:
    """Write ``data`` for the file ``name`` and return the real path
    written (None for a target written directly).  A regular file (or a new one) is written through a temporary
    file beside its real target and renamed over it; the temporary file is
    flushed to disk first when ``durable``, or when it replaces an existing
    file (so a crash leaves the old content or the new, never an empty
    file).  A target that is not a regular file is written directly."""
    try:
        st: Optional[os.stat_result] = os.stat(name)  # through any symlink
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise _user_error(exc, name) from None
    if st is not None and not stat.S_ISREG(st.st_mode):
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(21, "Is a directory", name)
        try:
            with open(name, "wb") as f:  # a pipe, a terminal, /dev/null, /dev/stdout
                f.write(data)
                f.flush()
        except OSError as exc:
            raise _user_error(exc, name) from None
        return None
    real = os.path.realpath(name)
    folder, base = os.path.split(real)
    tmp = None
    try:
        fd, tmp = _temporary(folder or ".", base, stat.S_IMODE(st.st_mode) if st is not None else None)
        try:
            if st is not None and hasattr(os, "fchown") and (st.st_uid, st.st_gid) != (os.geteuid(), os.getegid()):
                try:
                    os.fchown(fd, st.st_uid, st.st_gid)  # keep the owner where we may (as root)
                except OSError:
                    pass
            _write_all(fd, data)
            if durable or st is not None:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, real)
        tmp = None
        return real
    except BaseException as exc:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        if isinstance(exc, OSError):
            raise _user_error(exc, name) from None
        raise


def _bytes(text: Union[str, bytes]) -> bytes:
    return text if isinstance(text, bytes) else text.encode("utf-8")


def atomic_write(path: PathLike, text: Union[str, bytes]) -> None:
    """Write ``text`` (UTF-8) to ``path`` safely: through a temporary file
    beside it, flushed to disk and renamed into place, then the folder
    flushed, so that neither a failure nor a crash leaves a partial file
    (see the module's description)."""
    real = _write_file(os.fspath(path), _bytes(text), durable=True)
    if real is not None:
        _fsync_folder(os.path.dirname(real) or ".")


_SYNCFS: list[Any] = []


def _syncfs() -> Any:
    if not _SYNCFS:
        fn = None
        if sys.platform.startswith("linux"):
            try:
                import ctypes

                fn = ctypes.CDLL(None, use_errno=True).syncfs
                fn.argtypes = [ctypes.c_int]
            except (ImportError, OSError, AttributeError):
                fn = None
        _SYNCFS.append(fn)
    return _SYNCFS[0]


def sync_folders(folders: Iterable[str]) -> None:
    """Flush to disk everything written into ``folders`` and the folders
    themselves: one ``syncfs`` per file system where the platform has it
    (``sync`` elsewhere), then one fsync per folder."""
    folders = sorted(set(folders))
    syncfs = _syncfs()
    devices: set[int] = set()
    for folder in folders:
        try:
            dev = os.stat(folder).st_dev
        except OSError:
            continue
        if dev in devices:
            continue
        devices.add(dev)
        done = False
        if syncfs is not None:
            try:
                fd = os.open(folder, os.O_RDONLY)
            except OSError:
                fd = -1
            if fd >= 0:
                try:
                    done = syncfs(fd) == 0
                finally:
                    os.close(fd)
        if not done and hasattr(os, "sync"):
            os.sync()
    for folder in folders:
        _fsync_folder(folder)


class Batch:
    """Many output files written together, as safely as :func:`atomic_write`
    but without flushing each file to disk on its own.  Each file goes
    through a temporary file and a rename, so a failure never leaves a
    partial one; a file that replaces an existing one is flushed before the
    rename (a crash leaves the old content or the new); a new file is not,
    and :meth:`commit` flushes everything the batch wrote with one call per
    file system, and each folder once.

        with Batch() as batch:
            for name, text in outputs:
                batch.write(name, text)

    A batch whose files are written in several processes calls
    :meth:`commit` once, in the parent, with ``folders``."""

    def __init__(self) -> None:
        self.folders: set[str] = set()

    def write(self, path: PathLike, text: Union[str, bytes]) -> None:
        """Write one file (safely, not yet flushed to disk when new)."""
        real = _write_file(os.fspath(path), _bytes(text), durable=False)
        if real is not None:
            self.folders.add(os.path.dirname(real) or ".")

    def commit(self, folders: Iterable[str] = ()) -> None:
        """Flush what was written (in this batch, or into ``folders``)."""
        sync_folders(self.folders | set(folders))
        self.folders = set()

    def __enter__(self) -> "Batch":
        return self

    def __exit__(self, kind: Any, value: Any, tb: Any) -> None:
        if kind is None:
            self.commit()


def _write_to(target: Any, text: str) -> None:
    """Write text to a file object open in text or binary mode."""
    if isinstance(getattr(target, "mode", None), str) and "b" in target.mode or hasattr(target, "getbuffer"):
        target.write(text.encode("utf-8"))
    else:
        try:
            target.write(text)
        except TypeError:
            target.write(text.encode("utf-8"))
    flush = getattr(target, "flush", None)
    if flush is not None:
        flush()


def dump(
    t: "Transcript",
    target: Union[PathLike, IO[str], IO[bytes]],
    fmt: Optional["FormatName"] = None,
    *,
    profile: Optional[str] = None,
    wpm: Optional[float] = None,
    compact: bool = False,
    rows: str = "turns",
) -> "Conversion":
    """Write a transcript to a file (atomically) or a file object open in
    text or binary mode.  The format comes from the file name's extension
    unless ``fmt`` names it; an extension no format has (``x.docx``) is a
    ValueError naming the known ones.  A folder format (convokit) writes
    the folder ``target``.  Returns the conversion (what the format
    dropped), as :func:`convert` does."""
    from .formats import Conversion, by_extension, get

    name = _name_of(target) if hasattr(target, "write") else os.fspath(target)  # type: ignore[arg-type]
    if fmt is None:
        if name is None:
            raise ValueError("name the format: a file object without a name has no extension to tell it")
        fmt = cast("FormatName", by_extension(name).name)
    if get(fmt).directory:
        if hasattr(target, "write"):
            raise ValueError(f"format {fmt!r} writes a folder; give its path")
        c = write_corpus([t], target, fmt, profile=profile, wpm=wpm, compact=compact, rows=rows)  # type: ignore[arg-type]
        return Conversion("", c.format, c.dropped)
    conversion = convert(t, fmt, profile=profile, wpm=wpm, compact=compact, rows=rows)
    if hasattr(target, "write"):
        _write_to(target, conversion.text)
    else:
        atomic_write(name, conversion.text)  # type: ignore[arg-type]
    return conversion


def corpus(
    transcripts: Iterable[Union["Transcript", tuple[str, "Transcript"]]],
    fmt: "FormatName",
    *,
    profile: Optional[str] = None,
    wpm: Optional[float] = None,
    compact: bool = False,
    rows: str = "turns",
) -> "Corpus":
    """Many transcripts written as one corpus in ``fmt`` (csv, tsv, jsonl,
    convokit): each a Transcript (its id is its file's base name, else its
    title) or an ``(id, transcript)`` pair; repeated ids get a suffix."""
    from .formats import Episode, estimate_times, get
    from .formats._export import episode_id, unique_ids

    codec = get(fmt)
    if codec.write_corpus is None:
        raise ValueError(f"format {fmt!r} writes one transcript per file; corpus formats: csv, tsv, jsonl, convokit")
    options = _options(codec, profile, wpm, compact, rows)
    pairs = [item if isinstance(item, tuple) else (episode_id(item), item) for item in transcripts]
    ids = unique_ids(i for i, _ in pairs)
    episodes: list[Episode] = [Episode(i, estimate_times(t, wpm) if wpm is not None else t) for i, (_, t) in zip(ids, pairs)]
    return codec.write_corpus(episodes, options)


def write_corpus(
    transcripts: Iterable[Union["Transcript", tuple[str, "Transcript"]]],
    target: PathLike,
    fmt: Optional["FormatName"] = None,
    **options: Any,
) -> "Corpus":
    """Write :func:`corpus` to ``target``: a file for csv, tsv and jsonl
    (format from the extension unless named), a folder for convokit (made
    if missing; its files replaced atomically)."""
    from .formats import by_extension

    name = os.fspath(target)
    c = corpus(transcripts, fmt or cast("FormatName", by_extension(name).name), **options)
    if len(c.files) == 1 and c.files[0][0] == "":
        atomic_write(name, c.files[0][1])
        return c
    os.makedirs(name, exist_ok=True)
    with Batch() as batch:
        for file_name, text in c.files:
            batch.write(os.path.join(name, file_name), text)
    return c
