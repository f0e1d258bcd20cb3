"""Atomic writes: all or nothing, byte-identical for the same input."""

from __future__ import annotations

import os
import stat

import pytest

from eqchain import output
from eqchain.output import write_atomic


def _boom():
    yield "first half\n"
    raise RuntimeError("renderer failed")


def test_text_is_written_as_utf8_with_newlines_untouched(tmp_path):
    target = tmp_path / "r.md"
    write_atomic(target, "検証済み\r\nok\n")
    assert target.read_bytes() == "検証済み\r\nok\n".encode()


def test_bytes_and_chunks_are_written_in_order(tmp_path):
    target = tmp_path / "r.bin"
    write_atomic(target, iter([b"ab", "c", b"d"]))
    assert target.read_bytes() == b"abcd"


def test_same_input_gives_identical_bytes(tmp_path, report):
    from eqchain.render.json import render_json

    write_atomic(tmp_path / "a.json", render_json(report))
    write_atomic(tmp_path / "b.json", render_json(report))
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_failing_chunks_leave_no_file(tmp_path):
    with pytest.raises(RuntimeError, match="renderer failed"):
        write_atomic(tmp_path / "r.tex", _boom())
    assert list(tmp_path.iterdir()) == []


def test_failing_write_keeps_the_old_content(tmp_path):
    target = tmp_path / "r.tex"
    target.write_text("old\n")
    with pytest.raises(RuntimeError):
        write_atomic(target, _boom())
    assert target.read_text() == "old\n"
    assert list(tmp_path.iterdir()) == [target]


def test_failing_rename_leaves_no_temporary_file(tmp_path, monkeypatch):
    def refuse(src, dst):
        raise OSError("rename refused")

    monkeypatch.setattr(output.os, "replace", refuse)
    with pytest.raises(OSError, match="rename refused"):
        write_atomic(tmp_path / "r.json", "{}\n")
    assert list(tmp_path.iterdir()) == []


def test_missing_directory_is_an_error_and_creates_nothing(tmp_path):
    with pytest.raises(FileNotFoundError):
        write_atomic(tmp_path / "missing" / "r.json", "{}\n")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_directory_is_an_error_and_creates_nothing(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(PermissionError):
            write_atomic(locked / "r.json", "{}\n")
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)


def test_chunk_that_is_not_text_is_rejected_and_leaves_no_file(tmp_path):
    with pytest.raises(TypeError, match="cannot write a int"):
        write_atomic(tmp_path / "r.txt", iter(["a", 1]))
    assert list(tmp_path.iterdir()) == []


def test_existing_file_keeps_its_mode(tmp_path):
    target = tmp_path / "r.txt"
    target.write_text("old")
    target.chmod(0o640)
    write_atomic(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_new_file_gets_mode_from_umask(tmp_path):
    target = tmp_path / "r.txt"
    write_atomic(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~output._umask()
