"""Found on derivations collected in session 44 (PRML notes, a Math.SE question): a softmax
log-derivative of a family of functions y_k(x_n, w) was "expression nested too deeply" (SymPy's
differentiation recursed on x_n made a function of a_j, its index too); an exponent in
parentheses holding a sum was "a superscript in brackets (an index)"."""

from __future__ import annotations

from helpers import check_document_rows

from eqchain.latex.read import read_expression


def test_a_family_of_functions_differentiated_is_no_recursion(tmp_path):
    steps = check_document_rows(
        tmp_path,
        r"\frac{\partial}{\partial a_j}\log y_k(x_n,w)"
        r"=\frac{1}{y_k}\frac{\partial y_k}{\partial a_j}=\delta_{kj}-y_j",
    )
    assert steps, steps
    assert all("nested too deeply" not in (s["reason"] or "") for s in steps), steps
    assert all(s["status"] != "verified" for s in steps), steps  # y is defined nowhere


def test_the_softmax_log_derivative_is_verified(tmp_path):
    steps = check_document_rows(
        tmp_path,
        r"y_k=\frac{\exp a_k}{\sum_j \exp(a_j)}",
        r"\frac{\partial}{\partial a_j}\log y_k=\frac{1}{y_k}\frac{\partial y_k}{\partial a_j}"
        r"=\delta_{kj}-y_j",
        r"\frac{\partial}{\partial a_j}\log y_k=\delta_{kj}+y_j",
    )
    assert [s["status"] for s in steps] == ["definition", "verified", "verified", "refuted"]


def test_an_exponent_in_parentheses_holding_a_sum_is_a_power(tmp_path):
    assert read_expression(r"p^{(\sum_{i=1}^n x_i)}") == read_expression(r"p^{\sum_{i=1}^n x_i}")
    steps = check_document_rows(
        tmp_path,
        r"\prod_{i=1}^n p^{x_i} = p^{(\sum_{i=1}^n x_i)}",
        r"\prod_{i=1}^n p^{x_i} = p^{(\sum_{i=1}^n 2 x_i)}",
    )
    assert [s["status"] for s in steps] == ["verified", "refuted"], steps


def test_a_sign_dropped_after_an_unknown_left_side_is_refuted(tmp_path):
    # a notebook's cross-entropy before its fix (PR #24, "lost a negative sign"): the link
    # after -\log \mathcal{L}(...) (a function nothing defines) found no point where the
    # unknown logarithm was defined, and was never refuted
    row = (
        r"-\log \mathcal{L}(\theta|\mathbf{t},\mathbf{z}) = - \log \prod_{c=1}^{C} y_c^{t_c}"
        r" = {} \sum_{c=1}^{C} t_c \cdot \log(y_c)"
    )
    wrong = check_document_rows(tmp_path, row.replace("{}", ""))
    assert [s["status"] for s in wrong] == ["unknown", "refuted"], wrong
    right = check_document_rows(tmp_path, row.replace("{}", "-"))
    assert right[1]["status"] != "refuted", right
