r"""Rows written right after a derivative set to zero, in the same display: the author
evaluates the derivative and writes the next equation of the system (``\frac{\partial}{\partial
\mu} \log L(\mu) = 0``, then ``\sum_i (x_i - \mu) = 0``). Such a row was taken as a given, never
checked: a sign error in the derivative passed (four wrong rows of a public Bernoulli MLE did).
Now, when the function differentiated has a meaning written before it (a definition, or the
right side of an equation whose left side it is, in the same section), the row is checked as
following from the derivative of that meaning set to zero: verified when it follows, refuted
with a point where the derivative vanishes and the row does not hold, unknown naming what a
proof needs. It stays the author's condition for the rows after it (as before)."""

from __future__ import annotations

import json

import pytest
from helpers import run_eqchain

LOG_LIKELIHOOD = r"""# Normal mean

The log-likelihood of the sample is

$$
\begin{aligned}
\log L(\mu) &= \log \prod_{i=1}^{n} e^{-(x_i - \mu)^2 / 2} \\
&= -\frac{1}{2} \sum_{i=1}^{n} (x_i - \mu)^2
\end{aligned}
$$

Setting its derivative to zero:

$$
\begin{aligned}
\frac{\partial}{\partial \mu} \log L(\mu) &= 0 \\
ROW &= 0 \\
\sum_{i=1}^{n} x_i - n \mu &= 0
\end{aligned}
$$
"""

DEFINED = r"""# Scaled mean

The log-likelihood of the sample is

$$
\ell(\mu) = -\frac{1}{2} \sum_{i=1}^{n} (x_i - \mu)^2
$$

Setting its derivative to zero:

$$
\begin{aligned}
\frac{d \ell}{d \mu} &= 0 \\
ROW &= 0
\end{aligned}
$$
"""


def check(tmp_path, text: str) -> list[dict]:
    doc = tmp_path / "d.md"
    doc.write_text(text, encoding="utf-8")
    ran = run_eqchain("check", "--no-cache", "--format", "json", str(doc))
    return json.loads(ran.stdout)["derivations"][0]["steps"]


def at(steps: list[dict], line: int) -> dict:
    return next(s for s in steps if s["line"] == line)


def test_the_derivative_evaluated_follows(tmp_path):
    steps = check(tmp_path, LOG_LIKELIHOOD.replace("ROW", r"\sum_{i=1}^{n} (x_i - \mu)"))
    row = at(steps, 17)
    assert row["status"] == "verified", row
    assert "the derivative of line 8's right side" in row["reason"], row
    # the row is still the author's condition: the next row follows from it
    assert at(steps, 18)["status"] == "verified"


def test_a_sign_error_in_the_derivative_is_refuted(tmp_path):
    steps = check(tmp_path, LOG_LIKELIHOOD.replace("ROW", r"\sum_{i=1}^{n} (x_i + \mu)"))
    row = at(steps, 17)
    assert row["status"] == "refuted", row
    assert row["counterexample"], row
    # the next row is checked against the author's row (its condition), not refuted again
    assert at(steps, 18)["status"] != "verified"


def test_a_defined_function_differentiated(tmp_path):
    good = check(tmp_path, DEFINED.replace("ROW", r"\sum_{i=1}^{n} (x_i - \mu)"))
    assert at(good, 14)["status"] == "verified", at(good, 14)
    bad = check(tmp_path, DEFINED.replace("ROW", r"\sum_{i=1}^{n} (x_i - 2 \mu)"))
    assert at(bad, 14)["status"] == "refuted", at(bad, 14)


def test_dividing_by_a_name_not_shown_nonzero_is_unknown(tmp_path):
    text = DEFINED.replace(r"-\frac{1}{2}", r"-\frac{a}{2}")
    steps = check(tmp_path, text.replace("ROW", r"\sum_{i=1}^{n} (x_i - \mu)"))
    row = at(steps, 14)
    assert row["status"] == "unknown", row
    assert "a \\neq 0" in row["reason"], row
    # with the factor kept, it follows
    steps = check(tmp_path, text.replace("ROW", r"a \sum_{i=1}^{n} (x_i - \mu)"))
    assert at(steps, 14)["status"] == "verified", at(steps, 14)


def test_a_derivative_with_no_meaning_written_stays_a_given(tmp_path):
    text = (
        "# m\n\n$$\n\\begin{aligned}\n\\frac{\\partial \\ell}{\\partial \\mu} &= 0 \\\\\n"
        "\\sum_{i=1}^{n} (x_i + \\mu) &= 0\n\\end{aligned}\n$$\n"
    )
    steps = check(tmp_path, text)
    assert [s["status"] for s in steps] == ["given", "given"], steps


def test_a_constraint_in_new_names_stays_a_given(tmp_path):
    # the constraint names no variable of the derivative: the author's second condition
    text = DEFINED.replace("ROW", r"\sum_{i=1}^{n} w_i - 1")
    steps = check(tmp_path, text)
    assert at(steps, 14)["status"] == "given", at(steps, 14)


def test_a_derivative_that_vanishes_nowhere_verifies_nothing(tmp_path):
    # e^mu = 0 has no real solution: mu = 7 "follows" from it only vacuously
    text = (
        "# v\n\n$$\n\\log L(\\mu) = e^{\\mu}\n$$\n\n$$\n\\begin{aligned}\n"
        "\\frac{\\partial}{\\partial \\mu} \\log L(\\mu) &= 0 \\\\\n\\mu &= 7\n"
        "\\end{aligned}\n$$\n"
    )
    row = at(check(tmp_path, text), 10)
    assert row["status"] == "unknown", row
    assert "holds for no value" in row["reason"], row


BERNOULLI = r"""# Bernoulli

$$
\begin{aligned}
\ln p(D \mid \mu) &= \sum_{n=1}^{N} \left[ x_n \ln \mu + (1 - x_n) \ln (1 - \mu) \right]
\end{aligned}
$$

$$
\begin{aligned}
\frac{\partial}{\partial \mu} \ln p(D \mid \mu) &= 0 \\
\sum_{n=1}^{N} \left( \frac{x_n}{\mu} + \frac{1 - x_n}{1 - \mu} \right) &= 0
\end{aligned}
$$
"""


@pytest.mark.slow  # among the slowest of the README's pytest (5 to 8 s): CI runs it
def test_the_counterexample_lies_where_the_logarithms_are_defined(tmp_path):
    row = at(check(tmp_path, BERNOULLI), 12)
    assert row["status"] == "refuted", row
    values = dict(row["counterexample"]["values"])
    mu = values["\\mu"]
    assert not mu.startswith("-"), values
    num, _, den = mu.partition("/")
    assert 0 < int(num) < int(den or 1), values  # 0 < mu < 1, where ln(1 - mu) is real
    fixed = BERNOULLI.replace(r"+ \frac{1 - x_n}{1 - \mu}", r"- \frac{1 - x_n}{1 - \mu}")
    assert at(check(tmp_path, fixed), 12)["status"] == "verified"


LAGRANGE = r"""# Lagrange

$$
\mathcal{L}(x, y, \lambda) = x y - \lambda (x + y - 1)
$$

$$
\begin{aligned}
ROWS
x + y &= 1
\end{aligned}
$$
"""


def test_the_constraint_after_a_stationarity_row_is_no_step_from_it(tmp_path):
    # red team s49: x + y = 1 was refuted as not following from the derivative by y
    for rows in (
        r"\frac{\partial \mathcal{L}}{\partial y} &= 0 \\",
        r"\frac{\partial \mathcal{L}}{\partial x} &= y - \lambda = 0 \\"
        "\n"
        r"\frac{\partial \mathcal{L}}{\partial y} &= x - \lambda = 0 \\",
    ):
        steps = check(tmp_path, LAGRANGE.replace("ROWS", rows))
        last = steps[-1]
        assert last["status"] in ("given", "unknown"), last


def test_a_derivative_by_a_member_of_the_functions_argument_is_no_zero(tmp_path):
    # red team s49: l(mu) = (y_1 - mu_1)^2 + (y_2 - mu_2)^2, then d l(mu) / d mu_1 = 0 was
    # verified (SymPy takes the derivative of l(mu) by mu_1 to be 0)
    text = (
        "# d\n\n$$\n\\ell(\\mu) = (y_1 - \\mu_1)^2 + (y_2 - \\mu_2)^2\n$$\n\n"
        "$$\n\\frac{\\partial}{\\partial \\mu_1} \\ell(\\mu) = VALUE\n$$\n"
    )
    assert at(check(tmp_path, text.replace("VALUE", "0")), 8)["status"] != "verified"
    good = at(check(tmp_path, text.replace("VALUE", "-2 (y_1 - \\mu_1)")), 8)
    assert good["status"] != "refuted", good


def test_another_models_row_proves_nothing_of_this_system(tmp_path):
    # red team s49 (2): mu = x, right for the first model, "proved" mu = x for the second,
    # whose stationary point is x / 2
    model = (
        "$$\n\\log L(\\mu) = MEANING\n$$\n\n$$\n\\begin{aligned}\n"
        "\\frac{d}{d \\mu} \\log L(\\mu) &= 0 \\\\\n\\mu &= x\n\\end{aligned}\n$$\n"
    )
    text = (
        "# Two models\n\nFirst model.\n\n"
        + model.replace("MEANING", "-(x - \\mu)^2")
        + "\nSecond model.\n\n"
        + model.replace("MEANING", "-(x - 2 \\mu)^2")
    )
    steps = check(tmp_path, text)
    assert at(steps, 12)["status"] == "verified", at(steps, 12)
    assert at(steps, 25)["status"] != "verified", at(steps, 25)


def test_a_kink_is_no_stationary_point(tmp_path):
    # red team s49 (2): |mu| has no derivative at 0; mu^2 = 1 was refuted at mu = 0
    text = (
        "# k\n\n$$\nf(\\mu) = \\frac{\\mu^2}{2} - |\\mu|\n$$\n\n$$\n\\begin{aligned}\n"
        "\\frac{d f}{d \\mu} &= 0 \\\\\n\\mu^2 &= 1\n\\end{aligned}\n$$\n"
    )
    assert at(check(tmp_path, text), 10)["status"] != "refuted"


def test_a_point_found_meets_every_equation_of_the_row_before(tmp_path):
    # red team s49 (2): with d f/d mu = d f/d sigma = 0, a point met only the second
    text = (
        "# t\n\n$$\nf(\\mu, \\sigma) = (\\mu - 1)^2 + \\frac{\\sigma^2}{2} - \\log \\sigma\n$$\n\n"
        "$$\n\\begin{aligned}\n\\frac{\\partial f}{\\partial \\mu} = "
        "\\frac{\\partial f}{\\partial \\sigma} &= 0 \\\\\n\\mu + \\sigma &= 2\n"
        "\\end{aligned}\n$$\n"
    )
    assert at(check(tmp_path, text), 10)["status"] != "refuted"


def test_a_weaker_row_keeps_the_condition_for_the_rows_after(tmp_path):
    # red team s49 (2): mu^2 = 1 (verified) replaced mu - 1 = 0, and mu = 1 in the next
    # display was a given, never checked
    text = (
        "# w\n\n$$\nf(\\mu) = \\frac{\\mu^2}{2} - \\mu\n$$\n\n$$\n\\begin{aligned}\n"
        "\\frac{d f}{d \\mu} &= 0 \\\\\n\\mu^2 &= 1\n\\end{aligned}\n$$\n\n$$\n\\mu = 1\n$$\n"
    )
    steps = check(tmp_path, text)
    assert at(steps, 10)["status"] == "verified", at(steps, 10)
    assert steps[-1]["status"] == "verified", steps[-1]


@pytest.mark.slow  # among the slowest of the README's pytest (5 to 8 s): CI runs it
def test_the_other_equations_of_a_system_are_no_steps_from_the_first(tmp_path):
    # red team s49 (3): the equation of the derivative by sigma, and that of the derivative by
    # y, written after the first one's row, were refuted as not following from it
    gaussian = (
        "# g\n\n$$\n\\ell(\\mu, \\sigma) = -n \\log \\sigma - \\frac{1}{2 \\sigma^2} "
        "\\sum_{i=1}^{n} (x_i - \\mu)^2\n$$\n\n$$\n\\begin{aligned}\n"
        "\\frac{\\partial \\ell}{\\partial \\mu} &= 0 \\\\\nROWS\\end{aligned}\n$$\n"
    )
    for rows in (
        "\\sum_{i=1}^{n} (x_i - \\mu) &= 0 \\\\\n\\sum_{i=1}^{n} (x_i - \\mu)^2 &= n \\sigma^2\n",
        "\\sum_{i=1}^{n} (x_i - \\mu)^2 &= n \\sigma^2\n",
    ):
        steps = check(tmp_path, gaussian.replace("ROWS", rows))
        assert "refuted" not in [s["status"] for s in steps], steps
    two = (
        "# s\n\n$$\nf(x, y) = x^2 + x y + y^2 - 3 x\n$$\n\n$$\n\\begin{aligned}\n"
        "\\frac{\\partial f}{\\partial x} &= 0 \\\\\n2 x + y &= 3 \\\\\nx + 2 y &= 0\n"
        "\\end{aligned}\n$$\n"
    )
    steps = check(tmp_path, two)
    assert at(steps, 10)["status"] == "verified", at(steps, 10)
    assert at(steps, 11)["status"] != "refuted", at(steps, 11)


def test_the_row_after_a_refuted_row_of_the_system_is_checked_from_it(tmp_path):
    # the derivative of an unknown L set to zero no point can be shown to meet: after the row
    # that stands for it, the next row is checked from that row alone (a defined mean unfolded)
    text = LOG_LIKELIHOOD.replace("ROW", r"\sum_{i=1}^{n} (x_i + \mu)").replace(
        r"\sum_{i=1}^{n} x_i - n \mu &= 0", r"n \bar{x} - n \mu &= 0"
    )
    mean = "Let $\\bar{x} = \\frac{1}{n} \\sum_{i=1}^{n} x_i$. "
    text = text.replace("The log-likelihood", mean + "The log-likelihood")
    steps = check(tmp_path, text)
    assert at(steps, 17)["status"] == "refuted", at(steps, 17)
    assert at(steps, 18)["status"] == "refuted", at(steps, 18)
    # written right, the row after follows from it
    good = LOG_LIKELIHOOD.replace("ROW", r"\sum_{i=1}^{n} (x_i - \mu)")
    assert at(check(tmp_path, good), 18)["status"] == "verified"


def test_only_the_derivative_the_system_stands_for_makes_way(tmp_path):
    # red team s49 (4): the derivative by y set to zero was dropped too when the row after the
    # system of the derivative by x was checked, and x = 2 (which needs it) was refuted
    text = (
        "# h\n\n$$\n\\log L(x, y) = x^2 + x y + y^2 - 3 x\n$$\n\n$$\n\\begin{aligned}\n"
        "\\frac{\\partial}{\\partial y} \\log L(x, y) &= 0 \\\\\n"
        "\\frac{\\partial}{\\partial x} \\log L(x, y) &= 0 \\\\\n2 x + y &= 3 \\\\\nx &= 2\n"
        "\\end{aligned}\n$$\n"
    )
    assert at(check(tmp_path, text), 12)["status"] != "refuted"


def test_a_slip_in_a_system_of_plain_equations_stays_refuted(tmp_path):
    # red team s49 (4): no derivative set to zero, so no other equation of its system
    text = "# l\n\n$$\n\\begin{aligned}\n2 x + 4 y &= 6 \\\\\nx &= 3 - 2 z\n\\end{aligned}\n$$\n"
    assert check(tmp_path, text)[-1]["status"] == "refuted"


def test_a_wrong_solution_after_the_rows_of_a_system_is_refuted(tmp_path):
    # red team s49 (4): an exp_both_sides "certificate" (the premise in disguise) kept it unknown
    text = DEFINED.replace("ROW &= 0", "\\sum_{i=1}^{n} (x_i - \\mu) &= 0 \\\\\nROW")
    text = text.replace("ROW", "\\mu &= \\frac{1}{n} \\sum_{i=1}^{n} x_i + 1")
    assert check(tmp_path, text)[-1]["status"] == "refuted"
    right = text.replace("x_i + 1\n", "x_i\n")
    assert check(tmp_path, right)[-1]["status"] != "refuted"


def test_a_parameter_the_arguments_leave_out_has_its_own_equation(tmp_path):
    # red team s49 (5): l(beta) with alpha in its value: the intercept's normal equation after
    # the slope's was refuted as not following from it
    text = (
        "# m\n\n$$\n\\ell(\\beta) = -\\sum_{i=1}^{n} (y_i - \\alpha - \\beta x_i)^2\n$$\n\n"
        "$$\n\\begin{aligned}\n\\frac{d}{d\\beta} \\ell(\\beta) &= 0 \\\\\n"
        "\\sum_{i=1}^{n} x_i (y_i - \\alpha - \\beta x_i) &= 0 \\\\\n"
        "\\sum_{i=1}^{n} (y_i - \\alpha - \\beta x_i) &= 0\n\\end{aligned}\n$$\n"
    )
    steps = check(tmp_path, text)
    assert at(steps, 10)["status"] == "verified", at(steps, 10)
    assert at(steps, 11)["status"] != "refuted", at(steps, 11)


def test_what_the_function_needs_the_row_may_need(tmp_path):
    # red team s49 (5): 1/sigma^2 in the row, 1/(2 sigma^2) and log sigma in the function: the
    # row introduces nothing (it was unknown, "division needs sigma != 0")
    text = (
        "# e\n\n$$\n\\ell(\\mu) = -\\frac{1}{2\\sigma^2} \\sum_{i=1}^{n} (x_i - \\mu)^2 - n \\ln "
        "\\sigma\n$$\n\n$$\n\\begin{aligned}\n\\frac{d}{d\\mu} \\ell(\\mu) &= 0 \\\\\n"
        "\\frac{1}{\\sigma^2} \\sum_{i=1}^{n} (x_i - \\mu) &= 0\n\\end{aligned}\n$$\n"
    )
    assert at(check(tmp_path, text), 10)["status"] == "verified"
