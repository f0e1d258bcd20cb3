"""The derivative of a sum over a family by one member: ``\\frac{\\partial}{\\partial A_i}
\\left(-\\sum_k Y_k A_k^2\\right)`` is ``-2 Y_i A_i`` where i's range lies within the sum's
(check/rewrite.py: SymPy's Piecewise on 1 <= i <= C is its value there, the sum kept otherwise;
sum_kronecker normalises the derivative taken into the sum). A function applied to a member,
\\sigma(A_k), may depend on A_i beyond its argument (README, check/varying.py: a softmax
does): the one-argument answer is never verified. Found on a public post
(en/softmax-cross-entropy-purepisces)."""

from __future__ import annotations

from helpers import check_document_rows

LHS = r"\frac{\partial}{\partial A_i} \left( - \sum_{k=1}^{C} Y_k A_k^2 \right)"


def _last(tmp_path, *rows, assume=None):
    return check_document_rows(tmp_path, *rows, assume=assume)[-1]


def test_the_member_of_the_sum_is_picked_out(tmp_path):
    step = _last(tmp_path, "q = 1", LHS + r" = - 2 Y_i A_i")
    assert step["status"] == "verified", step


def test_the_derivative_goes_into_the_sum(tmp_path):
    row = LHS + r" = \sum_{k=1}^{C} \frac{\partial}{\partial A_i} \left( - Y_k A_k^2 \right)"
    assert _last(tmp_path, "q = 1", row)["status"] == "verified"


def test_a_wrong_derivative_is_refuted(tmp_path):
    assert _last(tmp_path, "q = 1", LHS + r" = - Y_i A_i")["status"] == "refuted"


def test_a_member_that_may_lie_outside_the_range_is_not_picked(tmp_path):
    # A_{C+1} is written: i may be C + 1, where the sum has no member i and the derivative is 0
    step = _last(tmp_path, "A_{C+1} = 1", LHS + r" = - 2 Y_i A_i")
    assert step["status"] == "unknown", step


def test_a_function_of_a_member_is_not_taken_as_one_of_its_argument_only(tmp_path):
    # the post differentiates \sigma(A_k) by A_i on its own: \sigma may depend on A_i beyond
    # its argument (a softmax does), so the one-argument answer is not verified
    said = r"\frac{\partial \sigma(A_k)}{\partial A_i} = - \sigma(A_k) \sigma(A_i)"
    row = (
        r"\frac{\partial}{\partial A_i} \left( - \sum_{k=1}^{C} Y_k \log \sigma(A_k) \right)"
        r" = - \frac{Y_i}{\sigma(A_i)} \sigma'(A_i)"
    )
    step = _last(tmp_path, "q = 1", said, row, assume="sigma function")
    assert step["status"] != "verified", step
