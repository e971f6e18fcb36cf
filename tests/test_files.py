"""Encodings in, and output files written safely: modes, symlinks, pipes
and devices, the input never overwritten, signals, full disks, errors that
name the user's path.

Everything here runs as root on the development machine, so nothing relies
on a permission being refused: an unwritable target is simulated by making
the write itself fail (a full device, an error raised where the file is
opened), which is the code path a refused permission takes."""

from __future__ import annotations

import errno
import io
import os
import stat
import subprocess
import sys
import threading

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import transcripts
from transcripts import ParseError
from transcripts._source import decode
from transcripts.cli import main

EPISODE = "Ann Lee: Hi there, Søren.\n\nBo Chen: Hello, Ann.\n\nAnn Lee: Bye now.\n"
SRT = "1\n00:00:01,000 --> 00:00:02,000\nAnn Lee: Hi, Søren.\n\n2\n00:00:02,000 --> 00:00:03,000\nBo Chen: Hello.\n"


def run(argv, stdin: bytes = b"", **kw):
    p = subprocess.run([sys.executable, "-m", "transcripts", *argv], input=stdin, capture_output=True, timeout=60, **kw)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def cli(argv):
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def no_temporaries(folder) -> bool:
    return not [p for p in os.listdir(folder) if p.endswith(".tmp")]


# ---------------------------------------------------------------------------
# Encodings
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"])
def test_byte_order_marks_are_read(tmp_path, codec):
    bom = {"utf-16-le": "\ufeff", "utf-16-be": "\ufeff", "utf-32-le": "\ufeff", "utf-32-be": "\ufeff"}.get(codec, "")
    path = tmp_path / "ep.srt"
    path.write_bytes((bom + SRT).encode(codec))
    t = transcripts.load(path)
    assert [s.name for s in t.speakers] == ["Ann Lee", "Bo Chen"] and t.turns[0].paragraphs == ("Hi, Søren.",)


@pytest.mark.parametrize("codec, name", [("utf-16-le", "UTF-16-LE"), ("utf-16-be", "UTF-16-BE"), ("utf-32-le", "UTF-32-LE")])
def test_utf16_without_a_mark_is_detected_and_said(tmp_path, codec, name):
    path = tmp_path / "ep.srt"
    path.write_bytes(SRT.encode(codec))
    code, out, err = cli(["convert", str(path), "--to", "json"])
    assert code == 1 and out == "" and f"looks like {name}" in err and f"--encoding {name.lower()}" in err
    code, out, err = cli(["convert", str(path), "--to", "json", "--encoding", codec])
    assert code == 0, err
    assert transcripts.loads(out, "json").turns[0].paragraphs == ("Hi, Søren.",)


@pytest.mark.parametrize(
    "data, guess",
    [("Ann Lee: Café, Søren.\n".encode("latin-1"), "Latin-1"), ("Ann Lee: “Quoted” — Søren.\n".encode("cp1252"), "Windows-1252")],
)
def test_decode_errors_name_the_likely_encoding(data, guess):
    with pytest.raises(ParseError) as info:
        decode(data, "ep.txt")
    assert f"looks like {guess}" in info.value.message and info.value.line == 1 and info.value.column == next(i for i, b in enumerate(data) if b >= 0x80) + 1
    encoding = "latin-1" if guess == "Latin-1" else "cp1252"
    assert decode(data, "ep.txt", encoding).startswith("Ann Lee: ")


def test_encoding_in_the_library(tmp_path):
    path = tmp_path / "ep.txt"
    path.write_bytes(EPISODE.encode("cp1252", "replace").replace(b"\xf8", b"\xf8"))
    assert transcripts.load(path, encoding="cp1252").turns[0].paragraphs == ("Hi there, Søren.",)
    assert transcripts.read(EPISODE.encode("utf-16-le"), "text", encoding="utf-16-le").transcript.turns[1].paragraphs == ("Hello, Ann.",)
    with pytest.raises(LookupError):
        transcripts.loads(b"x", "text", encoding="no-such-codec")


def test_unknown_encoding_is_bad_usage(tmp_path):
    path = tmp_path / "ep.txt"
    path.write_text(EPISODE, encoding="utf-8")
    code, out, err = cli(["convert", str(path), "--to", "json", "--encoding", "klingon"])
    assert code == 2 and "unknown encoding" in err


def test_check_and_inspect_take_an_encoding(tmp_path):
    path = tmp_path / "ep.txt"
    path.write_bytes(EPISODE.encode("utf-16-le"))
    code, out, err = cli(["check", "--json", str(path)])
    assert code == 1 and '"unreadable"' in out and "UTF-16-LE" in out
    code, out, err = cli(["inspect", str(path), "--encoding", "utf-16-le"])
    assert code == 0 and "ann-lee" in out


@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=200), st.sampled_from(["utf-8-sig", "utf-16", "utf-32"]))
def test_text_with_a_mark_decodes_to_itself(text, codec):
    # UTF-16-LE text opening with NUL starts FF FE 00 00, the UTF-32-LE mark:
    # read as UTF-32 when it decodes as such.
    assume(not (codec == "utf-16" and text.startswith("\x00")))
    assert decode(text.encode(codec)) == text


@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_utf8_decodes_or_says_why(text):
    data = text.encode("utf-8")
    try:
        assert decode(data) == text.removeprefix("\ufeff") or decode(data) == text
    except ParseError as exc:  # NULs throughout: UTF-16 without a mark, said so
        assert "\x00" in text and "looks like UTF" in exc.message


@given(st.binary(max_size=300))
def test_any_bytes_decode_or_give_a_positioned_error(data):
    try:
        decode(data, "f")
    except ParseError as exc:
        assert exc.filename == "f" and exc.line is not None and exc.column is not None


# ---------------------------------------------------------------------------
# Output files
# ---------------------------------------------------------------------------


@pytest.fixture
def episode(tmp_path):
    path = tmp_path / "ep.txt"
    path.write_text(EPISODE, encoding="utf-8")
    return path


def test_output_equal_to_the_input_is_refused(tmp_path, episode):
    os.link(episode, tmp_path / "hard.txt")
    os.symlink(episode, tmp_path / "soft.txt")
    for same in (str(episode), f"{tmp_path}/./ep.txt", str(tmp_path / "hard.txt"), str(tmp_path / "soft.txt")):
        code, out, err = cli(["convert", str(episode), "--to", "text", "-o", same])
        assert code == 2 and "refusing to overwrite" in err, same
    assert episode.read_text(encoding="utf-8") == EPISODE


def test_an_existing_file_keeps_its_mode(tmp_path, episode):
    dst = tmp_path / "ep.json"
    dst.write_text("old", encoding="utf-8")
    os.chmod(dst, 0o640)
    assert cli(["convert", str(episode), "-o", str(dst)])[0] == 0
    assert stat.S_IMODE(os.stat(dst).st_mode) == 0o640 and dst.read_text(encoding="utf-8").startswith("{")
    os.chmod(dst, 0o644)
    assert cli(["convert", str(episode), "-o", str(dst)])[0] == 0
    assert stat.S_IMODE(os.stat(dst).st_mode) == 0o644


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_a_new_file_honours_the_umask(tmp_path, episode, umask, mode):
    dst = tmp_path / f"new{umask:o}.json"
    code = subprocess.run(
        [sys.executable, "-c", f"import os, sys; os.umask({umask}); from transcripts.cli import main; sys.exit(main(sys.argv[1:]))",
         "convert", str(episode), "-o", str(dst)],  # fmt: skip
        capture_output=True,
    ).returncode
    assert code == 0 and stat.S_IMODE(os.stat(dst).st_mode) == mode


def test_a_symlink_is_written_through(tmp_path, episode):
    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    os.symlink(real, link)
    assert cli(["convert", str(episode), "-o", str(link)])[0] == 0
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert transcripts.load(real).turns[0].paragraphs == ("Hi there, Søren.",)
    assert no_temporaries(tmp_path)


def test_a_dangling_symlink_creates_its_target(tmp_path, episode):
    link = tmp_path / "link.json"
    os.symlink(tmp_path / "made.json", link)
    assert cli(["convert", str(episode), "-o", str(link)])[0] == 0
    assert link.is_symlink() and (tmp_path / "made.json").is_file()


def test_dev_null_and_links_to_devices_are_written_directly(tmp_path, episode):
    assert cli(["convert", str(episode), "--to", "json", "-o", os.devnull])[0] == 0
    assert os.path.exists(os.devnull) and stat.S_ISCHR(os.stat(os.devnull).st_mode)
    link = tmp_path / "out.json"
    os.symlink(os.devnull, link)  # stands in for /dev/stdout, which is a link to the process's output
    assert cli(["convert", str(episode), "--to", "json", "-o", str(link)])[0] == 0
    assert link.is_symlink() and stat.S_ISCHR(os.stat(os.devnull).st_mode)
    assert no_temporaries(tmp_path)


def test_a_named_pipe_is_written_directly(tmp_path, episode):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(open(fifo, "rb").read()))
    reader.start()
    code, out, err = cli(["convert", str(episode), "--to", "json", "-o", str(fifo)])
    reader.join(10)
    assert code == 0, err
    assert stat.S_ISFIFO(os.stat(fifo).st_mode) and transcripts.loads(got[0].decode(), "json").turns
    assert no_temporaries(tmp_path)


def test_dev_stdout_reaches_standard_output(episode):
    code, out, err = run(["convert", str(episode), "--to", "json", "-o", "/dev/stdout"])
    assert code == 0 and transcripts.loads(out, "json").turns
    assert os.path.islink("/dev/stdout") or not os.path.isfile("/dev/stdout")


def test_a_full_disk_on_standard_output_is_exit_1(episode):
    with open("/dev/full", "wb") as full:
        p = subprocess.run([sys.executable, "-m", "transcripts", "convert", str(episode), "--to", "json"], stdout=full, stderr=subprocess.PIPE, timeout=60)
    err = p.stderr.decode()
    assert p.returncode == 1 and "<stdout>: No space left on device" in err and "Traceback" not in err and "Exception ignored" not in err


def test_a_full_device_as_output_is_exit_1_naming_it(episode):
    code, out, err = cli(["convert", str(episode), "--to", "json", "-o", "/dev/full"])
    assert code == 1 and "/dev/full: No space left on device" in err


def test_a_failed_write_names_the_users_path_and_leaves_no_temporary(tmp_path, episode, monkeypatch):
    import transcripts.io as tio

    def full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(tio.os, "write", full)
    dst = tmp_path / "out.json"
    code, out, err = cli(["convert", str(episode), "-o", str(dst)])
    assert code == 1 and f"error: {dst}: No space left on device" in err
    assert not dst.exists() and no_temporaries(tmp_path)


def test_a_refused_permission_names_the_users_path(tmp_path, episode, monkeypatch):
    # As root no permission is refused; raise the error os.open gives.
    import transcripts.io as tio

    real_open = tio.os.open

    def refuse(path, flags, mode=0o777, **kw):
        if str(path).endswith(".tmp"):
            raise PermissionError(errno.EACCES, "Permission denied", path)
        return real_open(path, flags, mode, **kw)

    monkeypatch.setattr(tio.os, "open", refuse)
    dst = tmp_path / "out.json"
    code, out, err = cli(["convert", str(episode), "-o", str(dst)])
    assert code == 1 and f"error: {dst}: Permission denied" in err and ".tmp" not in err


def test_an_unwritable_folder_in_a_batch_fails_that_file_only(tmp_path, episode):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "ep.json").mkdir()  # the target is a folder: cannot be replaced
    other = tmp_path / "two.txt"
    other.write_text(EPISODE, encoding="utf-8")
    code, out, err = cli(["convert", str(episode), str(other), "--to", "json", "--out-dir", str(tmp_path / "out")])
    assert code == 1 and f"{tmp_path / 'out' / 'ep.json'}: Is a directory" in err
    assert (tmp_path / "out" / "two.json").is_file() and "1 converted, 1 failed" in err


@pytest.mark.parametrize("signame", ["SIGTERM", "SIGINT"])
def test_a_signal_during_a_write_leaves_no_temporary(tmp_path, episode, signame):
    dst = tmp_path / "out.json"
    script = f"""
import os, signal, sys
import transcripts.io as tio
real_write = os.write
def slow(fd, data):
    n = real_write(fd, data[:10])
    os.kill(os.getpid(), signal.{signame})
    return n
tio.os.write = slow
from transcripts.cli import main_entry
sys.argv = ["transcripts", "convert", {str(episode)!r}, "-o", {str(dst)!r}]
main_entry()
"""
    p = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert p.returncode in (130, 143), p.stderr.decode()
    assert not dst.exists() and no_temporaries(tmp_path)
    assert b"Traceback" not in p.stderr


def test_dump_and_load_take_file_objects(tmp_path):
    t = transcripts.parse(EPISODE)
    text = io.StringIO()
    transcripts.dump(t, text, "json")
    data = io.BytesIO()
    transcripts.dump(t, data, "yaml")
    assert transcripts.load(io.StringIO(text.getvalue()), "json") == t
    assert transcripts.load(io.BytesIO(data.getvalue()), "yaml") == t
    with open(tmp_path / "ep.srt", "w", encoding="utf-8") as f:
        transcripts.dump(t, f)  # the format from the file's name
    with open(tmp_path / "ep.srt", "rb") as f:
        assert [u.paragraphs for u in transcripts.load(f).turns] == [u.paragraphs for u in t.turns]
    with open(tmp_path / "ep16.txt", "wb") as f:
        f.write(EPISODE.encode("utf-16"))
    with open(tmp_path / "ep16.txt", "rb") as f:
        assert transcripts.load(f) == transcripts.parse(EPISODE, source=str(tmp_path / "ep16.txt"))


def test_dump_refuses_an_unknown_extension(tmp_path):
    t = transcripts.parse(EPISODE)
    with pytest.raises(ValueError, match=r"x\.docx.*known: .*\.json.*\.srt"):
        transcripts.dump(t, tmp_path / "x.docx")
    assert not (tmp_path / "x.docx").exists()
    with pytest.raises(ValueError, match="name the format"):
        transcripts.dump(t, io.StringIO())
