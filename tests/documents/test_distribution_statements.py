"""``X \\sim \\mathcal{N}(\\mu, \\sigma^2)``: a statement of a distribution is a given, shown as
written, never checked and never used as an equation (issue 11)."""

from __future__ import annotations

import json

import jsonschema
import pytest
from click.testing import CliRunner

from eqchain.cli import cli
from eqchain.errors import UnsupportedLatex
from eqchain.latex.read import read_formula
from eqchain.schema import report_schema


def run(tmp_path, text, assume="", fmt="json"):
    post = tmp_path / "post.md"
    post.write_text(text, encoding="utf-8")
    args = ["check", str(post), "--no-cache", "--format", fmt]
    return CliRunner().invoke(cli, args + (["--assume", assume] if assume else []))


def steps(result):
    return json.loads(result.stdout)["derivations"][0]["steps"]


def test_a_distribution_sign_relates_two_sides():
    f = read_formula(r"X \sim \mathcal{N}(\mu, \sigma^2) \; .")
    assert [f.relation(i) for i in range(2)] == ["", "sim"]
    assert str(f.sides[0]) == "X" and "mathcalN" in str(f.sides[1])


@pytest.mark.parametrize("text", [r"f(x \sim y) = 1", r"a = (b \sim c)"])
def test_a_distribution_sign_inside_brackets_stays_unreadable(text):
    with pytest.raises(UnsupportedLatex, match="distribution sign"):
        read_formula(text)


def test_a_distribution_statement_is_a_given_in_every_format(tmp_path):
    text = "# Bernoulli\n\n$$\nX \\sim \\mathrm{Bern}(p) \\; .\n$$\n"
    result = run(tmp_path, text)
    # before it, the law's condition p <= 1 as a margin given (test_stated_laws.py)
    margin, step = steps(result)
    assert (margin["line"], margin["status"]) == (None, "given")
    assert (step["line"], step["status"], step["relation"]) == (4, "given", "sim")
    assert "distribution" in step["reason"]
    assert result.exit_code == 0
    jsonschema.Draft202012Validator(report_schema()).validate(json.loads(result.stdout))
    shown = run(tmp_path, text, fmt="text").stdout
    assert "given" in shown


def test_a_distribution_statement_is_never_used_as_an_equation(tmp_path):
    # were x \sim y taken as x = y, the last link would be verified
    text = "# S\n\n$$\nx \\sim y\n$$\n\n$$\nb = a + x - y = a\n$$\n"
    result = run(tmp_path, text, assume="x real, y real, a real")
    assert [s["status"] for s in steps(result)] == ["given", "definition", "refuted"]


def test_what_follows_from_a_distribution_statement_is_not_checked(tmp_path):
    row = r"X \sim \mathrm{Bern}(p) \quad \Rightarrow \quad \mathrm{E}(X) = p"
    text = f"# S\n\n$$\n{row}\n$$\n"
    [statement, conclusion] = steps(run(tmp_path, text))
    assert statement["status"] == "given"
    assert conclusion["status"] == "unknown"
    assert "not one" in conclusion["reason"]
