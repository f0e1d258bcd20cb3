"""The derivative of a sum of a declared function of a family's members by one member:
``\\frac{\\partial}{\\partial A_i} \\sum_k Y_k \\log \\sigma(A_k)`` is ``Y_i
\\sigma'(A_i)/\\sigma(A_i)`` where i's range lies within the sum's (check/varying.py: \\sigma(A_k)
depends on A_i through its argument, a Kronecker delta; check/rewrite.py: SymPy's Piecewise on
1 <= i <= C is its value there). Found on a public post (en/softmax-cross-entropy-purepisces):
every such row ended "expression nested too deeply" (\\sigma was read as varying with A besides
its argument, \\sigma(A_i, A_i), and SymPy's differentiation recursed without end)."""

from __future__ import annotations

from helpers import check_document_rows

SIGMA = "sigma function"
LHS = r"\frac{\partial}{\partial A_i} \left( - \sum_{k=1}^{C} Y_k \log \sigma(A_k) \right)"


def _last(tmp_path, *rows, assume=SIGMA):
    return check_document_rows(tmp_path, *rows, assume=assume)[-1]


def test_the_member_of_the_sum_is_picked_out(tmp_path):
    step = _last(tmp_path, "q = 1", LHS + r" = - \frac{Y_i}{\sigma(A_i)} \sigma'(A_i)")
    assert step["status"] == "verified", step
    # \sigma(A_i) \neq 0 is the k = i member of what the left side needs, i within 1..C
    assert "introduces" not in step.get("reason", "")


def test_the_derivative_goes_into_the_sum(tmp_path):
    row = (
        LHS
        + r" = \sum_{k=1}^{C} \frac{\partial}{\partial A_i} \left( - Y_k \log \sigma(A_k) \right)"
    )
    assert _last(tmp_path, "q = 1", row)["status"] == "verified"


def test_a_wrong_derivative_is_not_verified(tmp_path):
    step = _last(tmp_path, "q = 1", LHS + r" = - \frac{Y_i}{\sigma(A_i)}")
    assert step["status"] != "verified"
    assert "nested" not in step.get("reason", "")
    # the same mistake without an unknown function is refuted
    row = r"\frac{\partial}{\partial A_i} \sum_{k=1}^{C} Y_k A_k^2 = Y_i A_i"
    assert _last(tmp_path, "q = 1", row, assume=None)["status"] == "refuted"


def test_a_member_that_may_lie_outside_the_range_is_not_picked(tmp_path):
    # A_{C+1} is written: i may be C + 1, where the sum has no member i and the derivative is 0
    step = _last(tmp_path, "A_{C+1} = 1", LHS + r" = - \frac{Y_i}{\sigma(A_i)} \sigma'(A_i)")
    assert step["status"] == "unknown", step
