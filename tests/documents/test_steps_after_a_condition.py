r"""A row after a condition the author set (a derivative set to zero): a step from it, checked,
never a new given (check/engine.py: Facts.conditions, _from_a_condition).

Before, ``\sum_i x_i - 2n\mu = 0`` after ``\sum_i (x_i - \mu) = 0`` mentioned no defined symbol
and had a number on one side, so it was taken as a given: a wrong step accepted silently."""

from __future__ import annotations

import json

from helpers import run_eqchain

START = r"""# MLE of a mean

$$
\ell(\mu) = -\frac{1}{2}\sum_{i=1}^{n} (x_i - \mu)^2
$$

Setting the derivative to zero:

$$
\frac{d\ell}{d\mu} = \sum_{i=1}^{n} (x_i - \mu) = 0
$$
"""


def check(tmp_path, *rows: str, assume: str | None = None) -> list[dict]:
    post = tmp_path / "post.md"
    post.write_text(START + "".join(f"\n$$\n{r}\n$$\n" for r in rows))
    options = ["--assume", assume] if assume else []
    ran = run_eqchain("check", "--format", "json", *options, str(post))
    return json.loads(ran.stdout)["derivations"][0]["steps"]


def test_the_condition_rewritten_is_verified_from_it(tmp_path):
    steps = check(tmp_path, r"\sum_{i=1}^{n} x_i - n \mu = 0")
    assert steps[-1]["status"] == "verified", steps[-1]
    assert steps[-1]["rules"] == ["scale_equation"]


def test_a_wrong_rewriting_of_the_condition_is_refuted_not_given(tmp_path):
    steps = check(tmp_path, r"\sum_{i=1}^{n} x_i - 2 n \mu = 0")
    assert steps[-1]["status"] == "refuted", steps[-1]
    assert steps[-1].get("counterexample"), steps[-1]


def test_solving_it_needs_n_nonzero_and_stays_unknown_naming_it(tmp_path):
    # mu = (1/n) sum x_i follows where n is not 0; n is a real number here: never verified
    steps = check(tmp_path, r"\mu = \frac{1}{n}\sum_{i=1}^{n} x_i")
    assert steps[-1]["status"] == "unknown", steps[-1]
    assert "n \\neq 0" in steps[-1]["reason"], steps[-1]


def test_an_equation_with_a_new_name_is_still_a_given(tmp_path):
    steps = check(tmp_path, r"\sum_{i=1}^{n} w_i = 1")
    assert steps[-1]["status"] == "given", steps[-1]


def test_solving_it_where_n_is_a_positive_integer_is_verified(tmp_path):
    steps = check(tmp_path, r"\mu = \frac{1}{n}\sum_{i=1}^{n} x_i", assume="n positive integer")
    assert steps[-1]["status"] == "verified", steps[-1]
    assert steps[-1]["rules"] == ["solve_for"]


def test_a_wrong_solution_is_refuted_where_n_is_a_positive_integer(tmp_path):
    steps = check(tmp_path, r"\mu = \frac{1}{2n}\sum_{i=1}^{n} x_i", assume="n positive integer")
    assert steps[-1]["status"] == "refuted", steps[-1]


def test_a_quotient_condition_is_solved_through_its_numerator(tmp_path):
    # n / lambda - sum x_i = 0 gives lambda = n / sum x_i where the sum is not 0
    post = tmp_path / "post.md"
    post.write_text(
        "# Exponential\n\n$$\n\\ell(\\lambda) = n \\log \\lambda - \\lambda \\sum_{i=1}^{n} x_i\n$$"
        "\n\n$$\n\\frac{d\\ell}{d\\lambda} = \\frac{n}{\\lambda} - \\sum_{i=1}^{n} x_i = 0\n$$\n\n"
        "$$\n\\lambda = \\frac{n}{\\sum_{i=1}^{n} x_i}\n$$\n"
    )
    assume = "lambda > 0, x_i > 0, n positive integer"
    ran = run_eqchain("check", "--format", "json", "--assume", assume, str(post))
    steps = json.loads(ran.stdout)["derivations"][0]["steps"]
    assert steps[-1]["status"] == "verified", steps[-1]
    ran = run_eqchain("check", "--format", "json", "--assume", "lambda > 0", str(post))
    steps = json.loads(ran.stdout)["derivations"][0]["steps"]
    assert steps[-1]["status"] == "unknown", steps[-1]  # the sum may be 0
