"""Invalid input: a clear message with file and line, exit status 2, no traceback; a claim
that cannot be read is an unreadable step (exit status 1) and the rest is still checked.

The command line runs in this process (``run``, click's CliRunner, through the console script's
entry point); a named pipe and a usage error are tried on a real ``python -m eqchain`` process
(``run_process``: a read of the pipe would block, and it ends the test after 120 s)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest
from helpers import run_eqchain as run

GOOD_HEAD = """\
title = "t"
[symbols]
a = "positive"
b = "positive"
"""

CASES = {
    "toml_syntax": ("title = 'x'\n[symbols\na = 1\n", 2, "TOML syntax error"),
    "unknown_top_key": (
        "colour = 'red'\n" + GOOD_HEAD + "[[steps]]\nclaim = 'a = a'\n",
        1,
        "unknown key 'colour'",
    ),
    "unknown_step_key": (
        GOOD_HEAD + "[[steps]]\nclaim = 'a = a'\nbye = ['log_mul']\n",
        7,
        "unknown key 'bye'",
    ),
    "unknown_rule": (
        GOOD_HEAD + "[[steps]]\nclaim = 'a = a'\nby = ['log_mull']\n",
        7,
        "unknown rule 'log_mull' (did you mean 'log_mul'?)",
    ),
    "nothing_to_continue": (GOOD_HEAD + "[[steps]]\nclaim = '= a'\n", 6, "nothing to continue"),
    "not_an_equation": (GOOD_HEAD + "[[steps]]\nclaim = 'a + b'\n", 6, "must be an equation"),
    "unknown_assumption": (
        "[symbols]\na = 'positve'\n[[steps]]\nclaim = 'a = a'\n",
        2,
        "unknown assumption 'positve'",
    ),
    "no_steps": (GOOD_HEAD, None, "at least one [[steps]]"),
    "bad_where": (
        GOOD_HEAD + "[[steps]]\nclaim = 'a = a'\nwhere = { a = 'x' }\n",
        7,
        "not a number",
    ),
    "where_infinity": (
        GOOD_HEAD + "[[steps]]\nclaim = 'a = a'\nwhere = { a = inf }\n",
        7,
        "not a finite number",
    ),
    "integer_of_5000_digits": (
        GOOD_HEAD + "[[steps]]\nclaim = 'a = a'\nwhere = { a = " + "9" * 5000 + " }\n",
        7,
        "number too long",
    ),
    "derivations_with_a_list_of_symbols": (
        "[[derivations]]\nsymbols = [1]\n[[derivations.steps]]\nclaim = '1 = 1'\n",
        2,
        "[symbols] must be a table",
    ),
    "toml_nested_too_deeply": ("x = " + "[" * 5000 + "]" * 5000 + "\n", None, "nested too deeply"),
    "definition_of_a_number": (
        GOOD_HEAD + "[[steps]]\nkind = 'definition'\nclaim = '1 = a'\n",
        7,
        "definition",
    ),
    "maximize_a_double_sum": (
        "[symbols]\nK = 'integer positive'\n"
        "y = { index = 'k', range = '1..K', assume = 'positive' }\n"
        "[[steps]]\nkind = 'definition'\nclaim = 'L = 1'\n[maximize]\n"
        "objective = '\\sum_{k=1}^{K} \\sum_{j=1}^{K} \\log y_{k}'\n"
        "variables = ['y_k']\nconstraints = ['\\sum_{k=1}^{K} y_{k} = 1']\n",
        7,
        "separable objective",
    ),
}


def run_process(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "eqchain", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )


# Claims that cannot be read: (file text, line, column of the offending character, message).
UNREADABLE = {
    "undefined_symbol": (GOOD_HEAD + "[[steps]]\nclaim = 'a = c'\n", 6, 10, "undefined symbol 'c'"),
    "unreadable_latex": (
        GOOD_HEAD + "[[steps]]\nclaim = 'a = \\frac{b'\n",
        6,
        19,
        "cannot read the claim",
    ),
    "unknown_command": (
        GOOD_HEAD + "[[steps]]\nclaim = 'a = \\foo b'\n",
        6,
        14,
        "unknown LaTeX command \\foo",
    ),
    # claim = '  starts the text at column 10; \nabla is its 9th character.
    "not_supported": (
        GOOD_HEAD + "[[steps]]\nclaim = 'a = b + \\nabla b'\n",
        6,
        18,
        "not supported",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_is_reported_with_place_and_exit_2(tmp_path, case):
    text, line, message = CASES[case]
    path = tmp_path / f"{case}.toml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    proc = run("check", str(path))
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    assert message in proc.stdout
    where = f"{path}:{line}" if line else str(path)
    assert where in proc.stdout
    assert proc.stderr == ""


@pytest.mark.parametrize("case", ["toml_syntax", "no_steps", "unknown_rule"])
def test_bad_input_in_json_is_an_entry_with_its_error(tmp_path, case):
    text, line, message = CASES[case]
    path = tmp_path / f"{case}.toml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    proc = run("check", "--format", "json", str(path))
    assert proc.returncode == 2, proc.stderr
    (entry,) = json.loads(proc.stdout)["derivations"]
    assert entry["path"] == str(path) and entry["steps"] == []
    assert message in entry["error"]["message"] and entry["error"]["line"] == line
    assert message in proc.stderr  # for whoever watches the run


@pytest.mark.parametrize("case", sorted(UNREADABLE))
def test_an_unreadable_claim_is_a_step_at_its_offending_character(tmp_path, case):
    text, line, column, message = UNREADABLE[case]
    path = tmp_path / f"{case}.toml"
    path.write_text(text + "[[steps]]\nclaim = 'a + b = b + a'\n", encoding="utf-8")
    proc = run("check", "--format", "json", str(path))
    assert proc.returncode == 1, proc.stderr
    bad, good = json.loads(proc.stdout)["derivations"][0]["steps"]
    assert (bad["status"], bad["line"], bad["column"]) == ("unreadable", line, column)
    assert message in bad["reason"]
    assert good["status"] == "verified"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_refused_without_being_read(tmp_path):
    os.mkfifo(tmp_path / "pipe.toml")
    proc = run_process("check", str(tmp_path / "pipe.toml"))
    assert proc.returncode == 2
    assert "pipe.toml: a named pipe (FIFO), not a regular file" in proc.stdout


def test_input_error_keeps_its_place_across_processes():
    import pickle

    from eqchain.errors import InputError, LatexError

    err = pickle.loads(pickle.dumps(LatexError("bad", "f.toml", 3, 4)))
    assert type(err) is LatexError and str(err) == "f.toml:3:4: bad"
    assert str(pickle.loads(pickle.dumps(InputError("m", "g.toml")))) == "g.toml: m"


def test_missing_file_is_exit_2(tmp_path):
    proc = run("check", str(tmp_path / "nope.toml"))
    assert proc.returncode == 2
    assert "no such file" in proc.stdout


def test_usage_error_is_exit_2():
    proc = run_process("check")
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr


def test_non_utf8_file_is_exit_2(tmp_path):
    path = tmp_path / "bin.toml"
    path.write_bytes(b"title = 'x'\n\xff\xfe\x00garbage")
    proc = run("check", str(path))
    assert proc.returncode == 2
    assert "not UTF-8" in proc.stdout
    assert f"{path}:2" in proc.stdout


def test_formula_that_readers_read_differently_is_reported_as_ambiguous(tmp_path):
    # SymPy's parser reads 2 \frac{1}{2} as 1, latex2sympy2 as 5/2: eqchain's parser rejects
    # it itself and says why (no cross-check needed).
    path = tmp_path / "amb.toml"
    path.write_text(GOOD_HEAD + "[[steps]]\nclaim = 'a = 2 \\frac{1}{2}'\n", encoding="utf-8")
    proc = run("check", "--format", "json", str(path))
    assert proc.returncode == 1
    (step,) = json.loads(proc.stdout)["derivations"][0]["steps"]
    assert step["status"] == "unreadable" and step["line"] == 6
    assert "ambiguous" in step["reason"] and "mixed number" in step["reason"]


def test_ambiguous_formula_in_a_document_points_at_its_line(tmp_path):
    path = tmp_path / "amb.md"
    path.write_text("Intro\n\n$$\nx = 2 \\frac{1}{2}\n$$\n", encoding="utf-8")
    proc = run("check", "--format", "json", str(path))
    assert proc.returncode == 1
    (step,) = json.loads(proc.stdout)["derivations"][0]["steps"]
    assert step["status"] == "unreadable" and step["line"] == 4
    assert "ambiguous LaTeX" in step["reason"]
