r"""A density defined by cases, ``f(x;\lambda) = \begin{cases} \lambda e^{-\lambda x} &
\text{if } x \geq 0 \\ 0 & \text{if } x < 0 \end{cases}``, then applied with a comma,
``f(x_i,\lambda)``: the comma is read as the semicolon, as for a definition without cases
(README, ``p(x; \theta)``). The words in the cases' conditions made the whole row unreadable to
the function inference (``prose in the middle of a formula``), so the row counted for nothing:
``f(x_i,\lambda)`` stayed another function, and where the document had defined ``f(x, p)``
before (alstatmaxima's geometric, then exponential, MLE) the geometric's formula was put in for
the exponential's: a valid row was refuted, a wrong one left unknown."""

from __future__ import annotations

import sympy as sp
from helpers import document_steps

from eqchain.latex.applied import inferred_functions, parameter_mark

CASES = (
    r"f(x;\lambda)=\begin{cases} \lambda e^{-\lambda x} &\text{if } x \geq 0 \\ 0 &"
    r" \text{if } x<0 \end{cases}"
)

DOCUMENT = r"""# Geometric and exponential MLE

Geometric pmf:

$$f (x, p) = p(1 - p)^{x-1}, 0 \le p \le 1$$

Exponential pdf:

$$CASES$$

Likelihood:

$$\prod_{i=1}^n f(x_i,\lambda)=\prod_{i=1}^n \lambda e^{-\lambda RIGHT}$$
""".replace("CASES", CASES)


def statuses(tmp_path, right: str) -> list[str]:
    steps = document_steps(tmp_path, DOCUMENT.replace("RIGHT", right))
    return [s["status"] for s in steps if s["line"] == 13]


def test_a_definition_by_cases_records_its_parameters():
    functions = inferred_functions([CASES, r"f(x_i, \lambda)"])
    assert parameter_mark("f", 1, ("lambda",)) in functions


def test_names_applied_in_a_case_count():
    assert "g" in inferred_functions(
        [r"h(x) = \begin{cases} g(x) & \text{if } x > 0 \\ 0 & \text{otherwise} \end{cases}"]
    )


def test_the_valid_likelihood_is_not_read_with_the_first_definition(tmp_path):
    # as written the row is false where an x_i is negative (the cases give 0 there): refuted
    # there, and only there; with the geometric's formula it was refuted at x_1 = 2/7
    steps = document_steps(tmp_path, DOCUMENT.replace("RIGHT", "x_i"))
    (step,) = [s for s in steps if s["line"] == 13]
    assert step["status"] == "refuted", step
    values = step["counterexample"]["values"]
    assert any(k.startswith("x_") and sp.Rational(v) < 0 for k, v in values.items()), values


def test_the_valid_likelihood_is_verified_where_the_observations_are_positive(tmp_path):
    text = DOCUMENT.replace("RIGHT", "x_i").replace(
        "Likelihood:", r"Likelihood, for observations $x_i \geq 0$:"
    )
    steps = document_steps(tmp_path, text, "--assume", "x_i >= 0")
    assert [s["status"] for s in steps if s["line"] == 13] == ["verified"], steps


def test_x_written_for_x_i_is_refuted(tmp_path):
    assert statuses(tmp_path, "x") == ["refuted"]
