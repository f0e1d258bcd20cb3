"""Keep going past bad input: an unreadable formula is a step, a file that cannot be loaded is
one entry with its error, and everything else is still checked and reported, through the
command line as in-process."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import jsonschema
import pytest

import eqchain
from eqchain.schema import report_schema

POST = textwrap.dedent(
    r"""
    # A post with a bad formula

    $$
    (a + b)^2 = a^2 + 2 a b + b^2
    $$

    $$
    x = \foo{y}
    $$

    $$
    (y - 1)(y + 1) = y^2 - 1
    $$
    """
)
GOOD = textwrap.dedent(
    r"""
    title = "good"
    [symbols]
    a = "positive"
    b = "positive"
    [[steps]]
    claim = '\log(a b) = \log a + \log b'
    """
)
BROKEN = "title = 'x'\n[symbols\na = 1\n"
ONE_UNREADABLE = (
    GOOD + "[[steps]]\nclaim = '= \\log a + \\log'\n[[steps]]\nclaim = 'a + b = b + a'\n"
)


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "eqchain", *args], capture_output=True, text=True, timeout=300
    )


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "a_broken.toml").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "b_good.toml").write_text(GOOD, encoding="utf-8")
    return tmp_path


def validate(text: str) -> dict:
    data = json.loads(text)
    jsonschema.Draft202012Validator(report_schema()).validate(data)
    return data


def test_a_post_with_a_bad_formula_gives_verdicts_before_and_after_it_in_text(tmp_path):
    post = tmp_path / "post.md"
    post.write_text(POST, encoding="utf-8")
    proc = run("check", str(post))
    assert proc.returncode == 1, proc.stderr
    lines = proc.stdout.splitlines()
    assert any(ln.split()[:3] == ["line", "5", "✓"] for ln in lines), proc.stdout
    bad = next(ln for ln in lines if "unreadable" in ln and "line 9" in ln)
    assert "column 5: cannot read the formula: unknown LaTeX command \\foo" in bad
    assert any(ln.split()[:3] == ["line", "13", "✓"] for ln in lines), proc.stdout
    assert lines[-1] == "2 verified, 0 refuted, 0 unknown, 1 unreadable (0 given, 0 definition)"


def test_a_post_with_a_bad_formula_gives_verdicts_before_and_after_it_in_json(tmp_path):
    post = tmp_path / "post.md"
    post.write_text(POST, encoding="utf-8")
    proc = run("check", "--format", "json", str(post))
    assert proc.returncode == 1, proc.stderr
    data = validate(proc.stdout)
    steps = data["derivations"][0]["steps"]
    assert [(s["status"], s["line"]) for s in steps] == [
        ("verified", 5),
        ("unreadable", 9),
        ("verified", 13),
    ]
    assert steps[1]["column"] == 5 and "\\foo" in steps[1]["reason"]
    assert data["summary"]["unreadable"] == 1 and data["summary"]["errors"] == 0


def test_a_folder_with_a_broken_file_reports_it_and_checks_the_others(folder):
    proc = run("check", str(folder))
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert lines[0].startswith(f"{folder / 'a_broken.toml'}:2:9: TOML syntax error")
    assert any("✓ verified" in ln for ln in lines)
    assert lines[-1].endswith("; 1 file not read")
    assert "Traceback" not in proc.stderr


def test_a_folder_with_a_broken_file_in_json_has_an_entry_with_its_error(folder):
    proc = run("check", "--format", "json", str(folder))
    assert proc.returncode == 1
    data = validate(proc.stdout)
    broken, good = data["derivations"]
    assert broken["error"]["line"] == 2 and broken["error"]["column"] == 9
    assert broken["error"]["message"].startswith("TOML syntax error")
    assert good["error"] is None and [s["status"] for s in good["steps"]] == ["verified"]
    assert data["summary"]["errors"] == 1 and data["summary"]["verified"] == 1
    assert "a_broken.toml:2:9: TOML syntax error" in proc.stderr


def test_parallel_jobs_report_the_same(folder):
    one = run("check", "--no-cache", "--format", "json", str(folder))
    two = run("check", "--no-cache", "--format", "json", "--jobs", "2", str(folder))
    assert (two.returncode, two.stdout) == (one.returncode, one.stdout)


def test_a_missing_path_among_others_is_reported_and_the_others_checked(tmp_path):
    good = tmp_path / "good.toml"
    good.write_text(GOOD, encoding="utf-8")
    proc = run("check", str(tmp_path / "nope.toml"), str(good))
    assert proc.returncode == 1
    assert f"{tmp_path / 'nope.toml'}: no such file or folder" in proc.stdout
    assert "✓ verified" in proc.stdout


def test_a_derivation_file_with_one_unreadable_claim_exits_1(tmp_path):
    path = tmp_path / "d.toml"
    path.write_text(ONE_UNREADABLE, encoding="utf-8")
    proc = run("check", "--format", "json", str(path))
    assert proc.returncode == 1
    steps = validate(proc.stdout)["derivations"][0]["steps"]
    assert [s["status"] for s in steps] == ["verified", "unreadable", "verified"]
    # "claim = '= \log a + \log'": the text starts at column 10, the second \log is its 12th
    assert (steps[1]["line"], steps[1]["column"]) == (9, 21)


def test_published_markdown_shows_an_unreadable_step_as_written(tmp_path):
    post = tmp_path / "post.md"
    post.write_text(POST, encoding="utf-8")
    proc = run("markdown", str(post))
    assert proc.returncode == 1, proc.stderr
    assert "`x = \\foo{y}`" in proc.stdout
    assert "⊘ unreadable" in proc.stdout and "unknown LaTeX command" in proc.stdout


def test_published_latex_shows_an_unreadable_step_as_text(tmp_path):
    post = tmp_path / "post.md"
    post.write_text(POST, encoding="utf-8")
    out = tmp_path / "out.tex"
    proc = run("latex", str(post), "-o", str(out))
    assert proc.returncode == 1, proc.stderr
    tex = out.read_text(encoding="utf-8")
    assert r"x = \textbackslash{}foo\{y\}" in tex and r"\oslash" in tex


def test_publishing_an_invalid_file_writes_nothing(folder, tmp_path):
    out = tmp_path / "out.md"
    proc = run("markdown", str(folder / "a_broken.toml"), "-o", str(out))
    assert proc.returncode == 2 and not out.exists()
    assert "TOML syntax error" in proc.stderr


def test_check_path_reports_a_broken_file_and_checks_the_others(folder):
    report = eqchain.check_path(str(folder))
    assert not report.all_verified
    (error,) = report.errors
    assert (error.place.line, error.place.column) == (2, 9)
    assert report.counts()["verified"] == 1


def test_watch_lines_show_unreadable_steps_and_broken_files(folder, tmp_path):
    from eqchain.watch import _lines

    options = {"timeout": 10.0}
    (line,) = _lines(str(folder / "a_broken.toml"), options).values()
    assert line.startswith("error: ") and "TOML syntax error" in line
    path = tmp_path / "d.toml"
    path.write_text(ONE_UNREADABLE, encoding="utf-8")
    lines = list(_lines(str(path), options).values())
    assert ") unreadable" in lines[1] and "cannot read the claim" in lines[1]


def test_a_broken_file_a_document_with_a_bad_formula_and_a_good_file_are_all_reported(folder):
    post = folder / "post.md"
    post.write_text(POST, encoding="utf-8")
    proc = run("check", "--format", "json", str(folder), str(post))
    assert proc.returncode == 1
    data = validate(proc.stdout)
    reported = [
        (d["path"], d["error"] is not None, [s["status"] for s in d["steps"]])
        for d in data["derivations"]
    ]
    assert reported == [
        (str(folder / "a_broken.toml"), True, []),
        (str(folder / "b_good.toml"), False, ["verified"]),
        (str(post), False, ["verified", "unreadable", "verified"]),
    ]
