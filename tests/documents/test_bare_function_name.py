"""After ``l(\\mu) = ...`` a bare ``l`` is ``l(\\mu)`` in every step, before any rule sees it: a
derivative of the bare symbol would be 0, which verified false steps."""

from __future__ import annotations

import json

from click.testing import CliRunner

from eqchain.cli import cli


def _statuses(tmp_path, *rows: str) -> list[str]:
    doc = tmp_path / "d.md"
    doc.write_text("# t\n\n" + "\n\n".join(f"$$ {r} $$" for r in rows) + "\n", encoding="utf-8")
    out = CliRunner().invoke(cli, ["check", "--no-cache", "--format", "json", str(doc)])
    return [s["status"] for s in json.loads(out.output)["derivations"][0]["steps"]]


def test_the_derivative_of_a_bare_defined_name_is_not_zero(tmp_path):
    rows = ("l(\\mu) = \\mu^2", "\\frac{dl}{d\\mu} + 1 = 1")
    assert _statuses(tmp_path, *rows) == ["definition", "refuted"]


def test_the_right_derivative_of_a_bare_defined_name_is_verified(tmp_path):
    rows = ("l(\\mu) = \\mu^2", "\\frac{dl}{d\\mu} = 2 \\mu")
    assert _statuses(tmp_path, *rows) == ["definition", "verified"]


def test_an_equation_naming_a_defined_function_is_not_a_given(tmp_path):
    # a number on one side, but it mentions the defined l: a claim, checked
    rows = ("l(\\mu) = \\mu^2", "l(3) = 10")
    assert _statuses(tmp_path, *rows) == ["definition", "refuted"]


def test_a_bare_subscripted_function_name_is_its_value(tmp_path):
    # J_i after J_i(a) = ...: "J stands on one side only" before (a quiz's 8 steps)
    rows = ("J_i(a) = a^2", "\\frac{\\partial J_i}{\\partial a} = 2a")
    assert _statuses(tmp_path, *rows) == ["definition", "verified"]
    rows = ("J_{ij}(a) = a^2 x_{ij}", "\\frac{\\partial J_{ij}}{\\partial a} = 3a x_{ij}")
    assert _statuses(tmp_path, *rows) == ["definition", "refuted"]
    # another member of the letter J is no value of J_i
    rows = ("J_i(a) = a^2", "\\frac{\\partial J_k}{\\partial a} = 2a")
    assert _statuses(tmp_path, *rows)[-1] != "verified"
