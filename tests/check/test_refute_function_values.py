r"""Refuting a step about an unknown function by its value taken as a number of its own
(check/refute.py, ``_with_opaque_values``): only where no function but a constant one makes the
step hold for every value of the names outside its arguments. A step that says what the function
is (its value depends on the argument), one true for every value, and one whose value is fixed at
a constant argument stay undecided by these values."""

from __future__ import annotations

import json

import pytest
import sympy as sp
from helpers import run_eqchain

from eqchain.check.refute import UNSETTLED, find_counterexample


@pytest.fixture(autouse=True)
def _a_link():
    # what the checker sets for a link of a chain whose names are all settled
    token = UNSETTLED.set(frozenset())
    yield
    UNSETTLED.reset(token)


Y, A, z, b, c = sp.symbols("Y A z b c", real=True)
sigma = sp.Function("sigma")
k, K = sp.symbols("k K", integer=True, positive=True)
Yk = sp.IndexedBase("Y")


def test_a_sign_error_is_refuted_naming_the_value():
    # y(1 - s) - (1 - y)s = y + s (the gradient is y - s) holds for every y only where s = 0,
    # and no value of y makes it hold for every s
    cex = find_counterexample(Y * (1 - sigma(A)) - (1 - Y) * sigma(A), Y + sigma(A))
    assert cex is not None
    names = dict(cex.values)
    assert r"\sigma{\left(A \right)}" in names and names[r"\sigma{\left(A \right)}"] != "0"
    assert "only where \\sigma(A) = 0" in cex.note


def test_a_case_of_the_other_names_is_not_refuted():
    # -Y(1 - s) = s - Y holds for every s where Y = 1: a case the author may mean (prose),
    # undecided as for a plain name; so is y_0 + y_1 = 1 of one-hot labels
    assert find_counterexample(-Y * (1 - sigma(A)), sigma(A) - Y) is None
    y0, y1 = sp.symbols("y0 y1", real=True)
    assert find_counterexample(-(y1 * (1 - sigma(z)) - y0 * sigma(z)), sigma(z) - y1) is None


def test_a_function_taking_two_values_is_not_refuted():
    # (I - p)^2 = I(1 - 2p) + p^2 holds for every p where I = 0 or I = 1: an indicator
    p = sp.Symbol("p", real=True)
    indicator = sp.Function("I")(A)
    assert find_counterexample((indicator - p) ** 2, indicator * (1 - 2 * p) + p**2) is None


def test_a_given_tying_the_other_names_leaves_it_undecided():
    # u e^z = 1: u is no free name, and the step holds for the logistic function
    u = sp.Symbol("u", real=True)
    lhs, rhs = sigma(z) * u / (1 + u), sigma(z) * (1 - sigma(z))
    assert find_counterexample(lhs, rhs, [(u * sp.exp(z), 1)]) is None


def test_a_step_no_value_makes_hold_is_refuted():
    # (Y^2 + 1) s + Y = 0 for every Y: s = 0 and 1 = 0 at once (at each one Y, some s works)
    cex = find_counterexample((Y**2 + 2) * sigma(A) + Y, sigma(A))
    assert cex is not None and "no value of it" in cex.note


def test_a_step_that_says_what_the_function_is_is_not_refuted():
    # true for the logistic function: the value it needs depends on the argument
    assert find_counterexample(Y * sigma(z) * (1 + sp.exp(-z)), Y) is None
    assert find_counterexample(sigma(z), (1 - sigma(z)) * sp.exp(z)) is None


def test_a_value_on_one_side_only_is_not_refuted():
    # P(X_m) = x_m / n: what the estimate is, not an identity in x_m and n
    P, X, x, n = sp.Function("P"), sp.IndexedBase("X"), sp.IndexedBase("x"), sp.Symbol("n")
    m = sp.Symbol("m", integer=True, positive=True)
    assert find_counterexample(P(X[m]), x[m] / n) is None


def test_a_step_true_for_every_value_is_not_refuted():
    assert find_counterexample(Y * (sigma(A) + 1), Y * sigma(A) + Y) is None


def test_a_value_at_a_constant_argument_is_not_refuted():
    # sigma(1) = 0 is a value a function may take at one point
    assert find_counterexample(Y * sigma(1) + sigma(1), sigma(1)) is None


def test_a_value_under_a_sum_is_not_refuted():
    # sigma(A_k) differs per term: no one number stands for it
    lhs = sp.Sum(Yk[k] * sigma(sp.IndexedBase("A")[k]), (k, 1, K))
    assert find_counterexample(lhs, sp.Sum(Yk[k], (k, 1, K))) is None


def test_a_name_both_a_function_and_a_factor_is_not_refuted():
    # a(b + c) = a b + a c: the product reading holds
    a = sp.Function("a")
    assert find_counterexample(a(b + c), sp.Symbol("a", real=True) * (b + c)) is None


@pytest.mark.slow  # 6 s (the sampler meets the given first): in .ci/run
def test_a_given_about_the_function_leaves_it_undecided():
    assert find_counterexample(-Y * (1 - sigma(A)), sigma(A) - Y, [(sigma(A), 0)]) is None


def test_a_positive_function_forced_to_zero_is_refuted():
    h = sp.Function("h", positive=True)
    cex = find_counterexample((Y**2 + 2) * h(A), h(A))
    assert cex is not None and "no value of it" in cex.note


def test_only_for_a_link_of_a_chain_and_names_settled_there():
    # a row of its own may be an equation to solve (n_x L(p) / p_x = \lambda): never so
    lhs, rhs = Y * (1 - sigma(A)) - (1 - Y) * sigma(A), Y + sigma(A)
    token = UNSETTLED.set(None)
    try:
        assert find_counterexample(lhs, rhs) is None
    finally:
        UNSETTLED.reset(token)
    for open_name in ("s:Y", "s:A"):
        token = UNSETTLED.set(frozenset({open_name}))
        try:
            assert find_counterexample(lhs, rhs) is None
        finally:
            UNSETTLED.reset(token)


def test_through_the_cli_a_softmax_link_is_refuted_and_others_are_not(tmp_path):
    doc = tmp_path / "softmax.md"
    doc.write_text(
        "The loss:\n\n"
        "$$\\ell = -y \\log \\sigma(z) - (1 - y) \\log(1 - \\sigma(z))$$\n\n"
        "The gradient:\n\n"
        "$$\\frac{\\partial \\ell}{\\partial z} = y(1 - \\sigma(z)) - (1 - y)\\sigma(z) "
        "= y + \\sigma(z)$$\n\n"
        "The logistic identity:\n\n"
        "$$G = Y \\sigma(z) (1 + e^{-z}) = Y$$\n\n"
        "The Lagrange condition:\n\n"
        "$$\\frac{n_x}{p_x} L(p) = \\lambda$$\n",
        encoding="utf-8",
    )
    ran = run_eqchain("check", "--format", "json", str(doc))
    steps = json.loads(ran.stdout)["derivations"][0]["steps"]
    statuses = [s["status"] for s in steps]
    assert statuses[2] == "refuted" and "refuted" not in statuses[:2]
    assert any("only where" in w for w in steps[2]["warnings"])
    assert "refuted" not in statuses[3:]
    assert ran.returncode == 1


def test_through_the_cli_names_of_an_earlier_link_explained_after_are_not_free(tmp_path):
    # u is written first in the chain's first link, and the prose after the display says
    # what it is: the link after it is no identity in a free u
    doc = tmp_path / "sigmoid.md"
    doc.write_text(
        "$$\\frac{d\\sigma(z)}{dz} = \\sigma(z)\\frac{u}{1 + u} "
        "= \\sigma(z)(1 - \\sigma(z))$$\n\nwhere $u = e^{-z}$.\n",
        encoding="utf-8",
    )
    ran = run_eqchain("check", "--format", "json", str(doc))
    steps = json.loads(ran.stdout)["derivations"][0]["steps"]
    assert "refuted" not in [s["status"] for s in steps]
