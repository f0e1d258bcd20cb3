"""A counterexample value that needs a transcendental number is shown in the output's notation:
Unicode on a terminal and in one-line diagnostics, LaTeX in LaTeX output and in JSON; never in
SymPy's input syntax (``log(2)*3``, ``sqrt(2)``, ``exp(1)``)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from eqchain.cli import cli

DERIVATION = """
[symbols]
x = "real"

[[steps]]
kind = "given"
claim = 'e^{2x} = 3'

[[steps]]
claim = 'x = 1'
"""
LOG_3_HALF_UNICODE = "x = log(3)/2"
LOG_3_HALF_LATEX = r"x = \frac{\log{\left(3 \right)}}{2}"


@pytest.fixture
def path(tmp_path):
    p = tmp_path / "log.toml"
    p.write_text(DERIVATION, encoding="utf-8")
    return str(p)


def run(*args):
    return CliRunner().invoke(cli, [*args, "--no-cache"] if args[0] == "check" else list(args))


def test_the_terminal_shows_the_value_in_unicode(path):
    result = run("check", path)
    assert "refuted" in result.stdout
    assert LOG_3_HALF_UNICODE in result.stdout, result.stdout
    assert "*" not in result.stdout


def test_a_one_line_diagnostic_shows_the_value_in_unicode(path):
    result = run("check", path, "--format", "concise")
    assert LOG_3_HALF_UNICODE in result.stdout, result.stdout


def test_json_keeps_the_value_as_latex(path):
    result = run("check", path, "--format", "json")
    (step,) = [
        s
        for d in json.loads(result.stdout)["derivations"]
        for s in d["steps"]
        if s["status"] == "refuted"
    ]
    assert step["counterexample"]["values"] == {"x": r"\frac{\log{\left(3 \right)}}{2}"}


def test_latex_output_typesets_the_value(path):
    result = run("latex", path)
    assert f"${LOG_3_HALF_LATEX}$" in result.stdout, result.stdout
