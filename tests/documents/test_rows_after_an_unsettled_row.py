r"""Rows that follow from an earlier row left unknown, or from a name defined as an optimum
eqchain could not find (red team s51, a binomial MLE post): ``k = np`` after the derivative set
to zero (dividing by p^{k-1}(1-p)^{n-k-1}, which p = 0 makes 0) is unknown; ``p = k/n`` after it
was refuted at p = 0, a root of the condition that the row before excludes. The step is the
author's from the row before, and the gap is that row's: unknown, naming it. ``\hat{p} =
\arg\max_p l(p)`` with l defined nowhere left p-hat a free number, and ``k/n = \hat{p}`` was
refuted at p-hat = 2."""

from __future__ import annotations

from helpers import document_steps

SOLVED = r"""This should be 0:

$$
k p^{k-1}(1-p)^{n-k} - (n - k) p^k (1-p)^{n-k-1} = 0
$$

Adding $kp$ to both sides,

$$
k = np
$$

so

$$
p = RESULT
$$
"""

OPTIMUM = r"""The estimate is the maximiser:

$$
\hat{p} = \arg \max_p \> l(p)
$$

Setting the derivative to 0,

$$
\begin{aligned}
\frac{k}{p} - \frac{n-k}{1-p} &= 0 \\
k &= np
\end{aligned}
$$

so

$$
p = \frac{k}{n} = RESULT
$$
"""


def at(steps, line):
    return [s for s in steps if s["line"] == line]


def test_a_row_that_follows_from_an_unsettled_row_names_it(tmp_path):
    steps = document_steps(tmp_path, SOLVED.replace("RESULT", r"\frac{k}{n}"))
    (step,) = at(steps, 16)
    assert step["status"] == "unknown", step
    assert "follows from line 10" in step["reason"], step


def test_a_row_that_does_not_follow_from_it_is_still_refuted(tmp_path):
    steps = document_steps(tmp_path, SOLVED.replace("RESULT", r"\frac{n}{k}"))
    assert [s["status"] for s in at(steps, 16)] == ["refuted"], steps


def test_a_name_defined_as_an_optimum_not_found_is_no_number_of_its_own(tmp_path):
    steps = document_steps(tmp_path, OPTIMUM.replace("RESULT", r"\hat{p}"))
    statuses = [s["status"] for s in at(steps, 19)]
    assert "refuted" not in statuses, steps
    assert "optimum" in at(steps, 19)[-1]["reason"], steps


def test_a_false_row_without_the_optimum_is_still_refuted(tmp_path):
    steps = document_steps(tmp_path, OPTIMUM.replace("RESULT", r"\frac{k}{n} + 1"))
    assert at(steps, 19)[-1]["status"] == "refuted", steps
