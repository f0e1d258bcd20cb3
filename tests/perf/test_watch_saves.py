"""``--watch`` in-process: one key per file, only changed lines printed, counts that do not
grow, and files saved in place or by rename (``sed -i``, editors) still watched."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from eqchain.watch import watch_and_check

GOOD = """[symbols]
a = "positive"
b = "positive"
[[steps]]
label = "1"
claim = '\\log(a b) = \\log a + \\log b'
[[steps]]
label = "2"
claim = '(a + b)^2 = a^2 + 2 a b + b^2'
"""
WRONG = GOOD.replace("2 a b + b^2", "b^2")
OPTIONS = {"timeout": 10.0}


class Watcher:
    """watch_and_check in a thread; ``wait_for(n)`` waits for the n-th summary line."""

    def __init__(self, paths, rechecks):
        self.lines: list[str] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(
            target=watch_and_check,
            args=(paths, OPTIONS, rechecks, self.lines.append, self.stop),
            daemon=True,
        )
        self.thread.start()

    def summaries(self) -> list[str]:
        return [ln for ln in self.lines if ln.startswith("-- ")]

    def wait_for(self, n: int, timeout: float = 60) -> list[str]:
        end = time.monotonic() + timeout
        while len(self.summaries()) < n:
            if time.monotonic() > end:
                self.stop.set()
                pytest.fail(f"no summary {n}: {self.lines}")
            time.sleep(0.05)
        return list(self.lines)

    def close(self):
        self.stop.set()
        self.thread.join(10)


def save_by_rename(path, text):
    """As ``sed -i`` and many editors save: a new file moved over the old one."""
    tmp = path.with_name(".tmp-" + path.name + "~")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


@pytest.mark.parametrize("save", ["in_place", "rename"])
def test_a_relative_path_is_one_file_and_only_changed_lines_are_printed(
    tmp_path, monkeypatch, save
):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "d.toml"
    path.write_text(GOOD, encoding="utf-8")
    write = path.write_text if save == "in_place" else (lambda t, **_: save_by_rename(path, t))
    watcher = Watcher(["d.toml"], 2)
    try:
        first = watcher.wait_for(1)
        assert first[0].startswith("d.toml: (1) verified") and len(first) == 3, first
        assert first[-1] == "-- 2 verified, 0 refuted, 0 unknown, 0 unreadable, 0 error"
        time.sleep(0.5)  # let the watcher start
        write(WRONG, encoding="utf-8")
        lines = watcher.wait_for(2)[len(first) :]
        assert len(lines) == 2 and lines[0].startswith("d.toml: (2) refuted"), lines
        assert lines[1] == "-- 1 verified, 1 refuted, 0 unknown, 0 unreadable, 0 error"
        write(GOOD, encoding="utf-8")  # the second save: still watched
        lines = watcher.wait_for(3)[len(first) + 2 :]
        assert lines == [first[1], first[2]]  # back to the first verdict, counted once
    finally:
        watcher.close()


def test_a_folder_is_watched_for_new_documents_and_skips_others(tmp_path):
    (tmp_path / "d.toml").write_text(GOOD, encoding="utf-8")
    watcher = Watcher([str(tmp_path)], 1)
    try:
        first = watcher.wait_for(1)
        time.sleep(0.5)
        (tmp_path / "notes.txt").write_text("not watched", encoding="utf-8")
        (tmp_path / "post.md").write_text("$$\n(a + b)^2 = a^2 + b^2\n$$\n", encoding="utf-8")
        lines = watcher.wait_for(2)[len(first) :]
        assert len(lines) == 2 and "post.md: (line 2) refuted" in lines[0], lines
        assert lines[1] == "-- 2 verified, 1 refuted, 0 unknown, 0 unreadable, 0 error"
    finally:
        watcher.close()


@pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")
def test_watch_on_a_real_terminal_follows_sed_i_saves(tmp_path):
    """Under tmux (a real terminal): two ``sed -i`` saves, each shown once, counts right."""
    path = tmp_path / "d.toml"
    path.write_text(GOOD, encoding="utf-8")
    server = f"eqchain-test-{os.getpid()}"
    src = str(Path(__file__).resolve().parents[2] / "src")
    command = (
        f"cd {shlex.quote(str(tmp_path))} && PYTHONPATH={shlex.quote(src)} "
        f"EQCHAIN_CACHE_DIR={shlex.quote(str(tmp_path / 'c'))} "
        f"{shlex.quote(sys.executable)} -m eqchain check --watch d.toml"
    )
    tmux = ["tmux", "-L", server]
    subprocess.run([*tmux, "new-session", "-d", "-x", "150", "-y", "40", command], check=True)

    def screen_after(n_summaries: int) -> list[str]:
        end = time.monotonic() + 60
        while time.monotonic() < end:
            out = subprocess.run(
                [*tmux, "capture-pane", "-p"], capture_output=True, text=True
            ).stdout
            lines = [ln.rstrip() for ln in out.splitlines() if ln.strip()]
            if sum(ln.startswith("-- ") for ln in lines) >= n_summaries:
                return lines
            time.sleep(0.2)
        pytest.fail(f"the watch printed no summary {n_summaries}: {lines}")

    try:
        screen_after(1)
        time.sleep(0.5)
        subprocess.run(["sed", "-i", "s/2 a b + b^2/b^2/", str(path)], check=True)
        screen_after(2)
        subprocess.run(["sed", "-i", "s/= a^2 + b^2/= a^2 + 2 a b + b^2/", str(path)], check=True)
        lines = screen_after(3)
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True)
    summaries = [ln for ln in lines if ln.startswith("-- ")]
    assert summaries == [
        "-- 2 verified, 0 refuted, 0 unknown, 0 unreadable, 0 error",
        "-- 1 verified, 1 refuted, 0 unknown, 0 unreadable, 0 error",
        "-- 2 verified, 0 refuted, 0 unknown, 0 unreadable, 0 error",
    ]
    assert len(lines) == 7  # 2 steps, summary; 1 changed line, summary; 1 changed line, summary


def test_a_folder_watch_takes_only_what_glob_chooses(tmp_path):
    (tmp_path / "posts").mkdir()
    (tmp_path / "posts" / "a.md").write_text("$$\n(a + b) = b + a\n$$\n", encoding="utf-8")
    lines: list[str] = []
    stop = threading.Event()
    options = {**OPTIONS, "globs": ("posts/*.md",)}
    thread = threading.Thread(
        target=watch_and_check, args=([str(tmp_path)], options, 1, lines.append, stop), daemon=True
    )
    thread.start()
    try:
        end = time.monotonic() + 60
        while sum(ln.startswith("-- ") for ln in lines) < 1 and time.monotonic() < end:
            time.sleep(0.05)
        first = len(lines)
        assert first == 2 and "a.md" in lines[0], lines
        time.sleep(0.5)
        (tmp_path / "d.toml").write_text(WRONG, encoding="utf-8")  # not chosen: not checked
        (tmp_path / "posts" / "b.md").write_text(
            "$$\n(a + b)^2 = a^2 + b^2\n$$\n", encoding="utf-8"
        )
        while sum(ln.startswith("-- ") for ln in lines) < 2 and time.monotonic() < end:
            time.sleep(0.05)
        assert len(lines) == first + 2 and "b.md: (line 2) refuted" in lines[first], lines
    finally:
        stop.set()
        thread.join(10)
