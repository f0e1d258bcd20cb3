"""``eqchain check`` on documents: a Qiita post with ```math blocks, a paper with macros,
``\\input`` and a listing, ``--dialect`` and ``--macros``, in text and JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from test_markdown_math import QIITA
from test_tex_documents import write_paper

import eqchain
from eqchain.load.markdown import DIALECTS

SOURCE = str(Path(eqchain.__file__).resolve().parents[1])  # this eqchain, from any folder


def run(*args, cwd=None):
    env = {**os.environ, "PYTHONPATH": SOURCE + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.run(
        [sys.executable, "-m", "eqchain", "check", "--no-cache", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=cwd,
        env=env,
    )


def steps(proc):
    return json.loads(proc.stdout)["derivations"][0]["steps"]


def test_a_paper_is_checked_with_its_inputs_lines_in_text_and_json(tmp_path):
    write_paper(tmp_path)
    text = run("paper.tex", cwd=tmp_path)
    assert text.returncode == 0, text.stdout + text.stderr
    assert "line 9" in text.stdout
    assert "sections/logs.tex:6" in text.stdout and "sections/logs.tex:7" in text.stdout
    data = run("--format", "json", "paper.tex", cwd=tmp_path)
    assert data.returncode == 0, data.stderr
    places = [(s.get("file"), s["line"], s["status"]) for s in steps(data)]
    assert places == [
        (None, 9, "verified"),
        ("sections/logs.tex", 6, "verified"),
        ("sections/logs.tex", 7, "verified"),
    ]


def test_a_qiita_post_is_checked_at_its_lines_in_json(tmp_path):
    post = tmp_path / "qiita.md"
    post.write_text(QIITA, encoding="utf-8")
    proc = run("--format", "json", "--assume", "a > 0, b > 0", post)
    assert proc.returncode == 0, proc.stderr
    assert [(s["line"], s["status"]) for s in steps(proc)] == [
        (19, "verified"),
        (20, "verified"),
        (27, "verified"),
    ]


def test_dialect_zenn_reads_no_math_fences(tmp_path):
    post = tmp_path / "qiita.md"
    post.write_text(QIITA, encoding="utf-8")
    proc = run("--dialect", "zenn", post)
    assert proc.returncode == 2
    assert "no displayed equations found" in proc.stdout + proc.stderr


def test_macros_from_a_katex_table_serve_a_markdown_post(tmp_path):
    table = tmp_path / "katex.json"
    table.write_text('{"\\\\sq": "#1^{2}"}', encoding="utf-8")
    post = tmp_path / "post.md"
    post.write_text("$$\n\\sq{(a + b)} = a^2 + 2 a b + \\sq{b}\n$$\n", encoding="utf-8")
    proc = run("--macros", table, post)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "line 2" in proc.stdout and "verified" in proc.stdout
    without = run(post)
    assert without.returncode == 1 and "\\sq" in without.stdout  # an unreadable step


def test_the_command_line_offers_every_dialect():
    from eqchain.cli import check

    [option] = [p for p in check.params if p.name == "dialect"]
    assert sorted(option.type.choices) == sorted(DIALECTS)


def cached_run(tmp_path, *args, cwd=None):
    env = {
        **os.environ,
        "PYTHONPATH": SOURCE + os.pathsep + os.environ.get("PYTHONPATH", ""),
        "EQCHAIN_CACHE_DIR": str(tmp_path / "cache"),
    }
    return subprocess.run(
        [sys.executable, "-m", "eqchain", "check", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=cwd,
        env=env,
    )


def test_a_changed_input_file_is_checked_again_not_taken_from_the_cache(tmp_path):
    write_paper(tmp_path)
    assert cached_run(tmp_path, "paper.tex", cwd=tmp_path).returncode == 0
    logs = tmp_path / "sections" / "logs.tex"
    logs.write_text(logs.read_text(encoding="utf-8").replace("2 \\log a", "3 \\log a"), "utf-8")
    again = cached_run(tmp_path, "paper.tex", cwd=tmp_path)
    assert again.returncode == 1 and "refuted" in again.stdout


def test_a_missing_macros_file_is_an_error_even_with_the_cache(tmp_path):
    post = tmp_path / "post.md"
    post.write_text("$$ a = a $$\n", encoding="utf-8")
    proc = cached_run(tmp_path, "--macros", tmp_path / "none.json", post)
    assert proc.returncode == 2 and "none.json" in proc.stdout + proc.stderr
