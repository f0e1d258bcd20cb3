"""A hatted name defined right after an equation the author set about its letter (``\\hat\\mu =
\\frac{1}{n} \\sum_i x_i`` after ``\\sum_i (x_i - \\mu) = 0``) is the solution of that equation:
verified when the equation implies it, refuted when the value does not solve the equation, and
otherwise the definition it was (check/engine.py, ``_solves_a_given``). Through the CLI."""

from __future__ import annotations

import json

from helpers import run_eqchain


def steps(tmp_path, *rows: str, assume: str = "n integer, n > 0") -> list[dict]:
    doc = tmp_path / "d.md"
    doc.write_text("# t\n\n" + "\n\n".join(f"$$\n{r}\n$$" for r in rows) + "\n", encoding="utf-8")
    out = run_eqchain("check", "--no-cache", "--format", "json", "--assume", assume, str(doc))
    return json.loads(out.stdout)["derivations"][0]["steps"]


CONDITION = r"\frac{\partial \ell}{\partial \mu} = \sum_{i=1}^{n} (x_i - \mu) = 0"


def test_the_solution_of_the_condition_is_verified(tmp_path):
    last = steps(tmp_path, CONDITION, r"\hat{\mu} = \frac{1}{n} \sum_{i=1}^{n} x_i")[-1]
    assert last["status"] == "verified", last
    assert "line 4" in last["reason"]


def test_a_value_that_does_not_solve_the_condition_is_refuted(tmp_path):
    last = steps(tmp_path, CONDITION, r"\hat{\mu} = \frac{1}{n - 1} \sum_{i=1}^{n} x_i")[-1]
    assert last["status"] == "refuted"
    assert last["counterexample"] is not None


def test_a_root_the_equation_does_not_give_is_unknown_saying_so(tmp_path):
    # p^2 = 1 has two roots: 1 solves it, the equation does not imply it (p = -1)
    last = steps(tmp_path, "p^2 - 1 = 0", r"\hat{p} = 1", assume="")[-1]
    assert last["status"] == "unknown"
    assert "solves the equation at line 4" in last["reason"]


def test_a_later_row_uses_the_solution_as_its_definition(tmp_path):
    rows = steps(
        tmp_path,
        CONDITION,
        r"\hat{\mu} = \frac{1}{n} \sum_{i=1}^{n} x_i",
        r"n \hat{\mu} = \sum_{i=1}^{n} x_i",
    )
    assert rows[-1]["status"] == "verified"


def test_without_a_condition_on_its_letter_it_is_a_definition(tmp_path):
    last = steps(tmp_path, "a + b = 0", r"\hat{\mu} = 3")[-1]
    assert last["status"] == "definition"


def test_a_value_stated_for_the_letter_is_no_condition_to_solve(tmp_path):
    # mu = 0 is a hypothesis, not an equation set to find mu: the estimate is a definition
    last = steps(tmp_path, r"\mu = 0", r"\hat{\mu} = \frac{1}{n} \sum_{i=1}^{n} x_i")[-1]
    assert last["status"] == "definition"


def test_without_the_condition_the_division_needs_it_is_unknown_naming_it(tmp_path):
    rows = steps(tmp_path, CONDITION, r"\hat{\mu} = \frac{1}{n} \sum_{i=1}^{n} x_i", assume="")
    assert rows[-1]["status"] == "unknown"
    assert "n \\neq 0" in rows[-1]["reason"]


def test_a_named_estimate_is_the_solution_for_its_letter(tmp_path):
    last = steps(tmp_path, CONDITION, r"\hat{\mu}_{MLE} = \frac{1}{n} \sum_{i=1}^{n} x_i")[-1]
    assert last["status"] == "verified"


def test_an_equation_over_an_unwritten_range_does_not_refute_the_value(tmp_path):
    # \sum x_i (no range written: 1..n_i) against \sum_{i=1}^n x_i: they differ only at an
    # invented length
    rows = steps(tmp_path, r"\sum x_i - n p = 0", r"\hat{p} = \frac{\sum_{i=1}^{n} x_i}{n}")
    assert rows[-1]["status"] != "refuted"


def test_a_root_beside_another_root_is_never_refuted(tmp_path):
    # (p - 1)(p - 2) = 0 does not give p = 1 (p = 2 refutes that), but 1 is a root
    last = steps(tmp_path, "(p - 1)(p - 2) = 0", r"\hat{p} = 1", assume="")[-1]
    assert last["status"] == "unknown"
    assert last["counterexample"] is None
