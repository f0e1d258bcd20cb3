r"""Rows after an earlier row left unknown, and after a name defined as an optimum eqchain could
not find (red teams s51, a binomial MLE post). ``\hat{p} = \arg\max_p l(p)`` with l defined
nowhere left p-hat a free number, and ``k/n = \hat{p}`` was refuted at p-hat = 2: unknown now,
naming that row. A row after one left unknown is checked against the givens as it is: ``p =
k/n`` after ``k = np`` (unknown: dividing the condition by p^{k-1}(1-p)^{n-k-1}) is refuted at
p = 0, a root of the condition the row before excludes, as ``y = x/2`` after ``x = 2y`` under ``x
- y = 0`` is (excusing the first as following from the second excused the wrong second too)."""

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


def test_a_name_defined_as_an_optimum_not_found_is_no_number_of_its_own(tmp_path):
    steps = document_steps(tmp_path, OPTIMUM.replace("RESULT", r"\hat{p}"))
    statuses = [s["status"] for s in at(steps, 19)]
    assert "refuted" not in statuses, steps
    assert "optimum" in at(steps, 19)[-1]["reason"], steps


def test_a_false_row_without_the_optimum_is_still_refuted(tmp_path):
    steps = document_steps(tmp_path, OPTIMUM.replace("RESULT", r"\frac{k}{n} + 1"))
    assert at(steps, 19)[-1]["status"] == "refuted", steps


def test_a_row_an_earlier_row_was_left_to_is_checked(tmp_path):
    # x = 2y is left to y = x/2 (a later row defines y): that row is then refuted, not
    # excused as following from x = 2y (both were unknown, each excused by the other)
    text = "$$x - y = 0$$\n\n$$x = 2y$$\n\n$$y = \\frac{x}{2}$$\n"
    steps = document_steps(tmp_path, text)
    assert [s["status"] for s in at(steps, 5)] == ["refuted"], steps


def test_a_defined_objective_s_optimum_is_no_free_name(tmp_path):
    text = (
        "$$l(p) = k \\log p + (n-k)\\log(1-p)$$\n\n$$\\hat{p} = \\arg\\max_p l(p)$$\n\n"
        "$$\\hat{p}^2 = \\frac{k^2}{(n-1)^2}$$\n"
    )
    steps = document_steps(tmp_path, text)
    assert [s["status"] for s in at(steps, 5)] == ["refuted"], steps
