"""Refuting a step about unknown functions (``f(x)``, ``\\sigma(z)`` read as applied): a
counterexample names the concrete function it used (``f(t) = t``), or there is none and the step
stays unknown."""

from __future__ import annotations

import sympy as sp

from eqchain.check.refute import find_counterexample as refute


def find_counterexample(*args, **kwargs):
    return refute(*args, free_functions=True, **kwargs)


x, y = sp.symbols("x y", real=True)
f = sp.Function("f")
g = sp.Function("g")


def test_a_false_step_is_refuted_naming_the_function():
    cex = find_counterexample(f(x) * f(x), 2 * f(x))
    assert cex is not None
    names = dict(cex.values)
    assert r"f{\left(t \right)}" in names
    # the sides were evaluated with that function: f(t) = t, 2t or -t
    assert names[r"f{\left(t \right)}"] in ("t", "2 t", "- t")


def test_derivatives_of_the_function_are_taken():
    cex = find_counterexample(sp.Derivative(f(x) ** 2, x), f(x))
    assert cex is not None and any(name.startswith("f") for name, _ in cex.values)


def test_functions_of_several_arguments_and_several_functions():
    cex = find_counterexample(f(x, y) + g(x), g(x) + f(y, x) + 1)
    assert cex is not None
    names = [n for n, _ in cex.values]
    assert r"f{\left(t,u \right)}" in names and r"g{\left(t \right)}" in names


def test_a_step_true_for_the_product_reading_is_not_refuted():
    # f(2x) = 2 f(x) is false for most functions, but true when f(x) is the product f x: only
    # linear functions are tried, so it stays unknown whichever the author meant
    assert find_counterexample(f(2 * x), 2 * f(x)) is None


def test_a_step_true_for_every_function_is_not_refuted():
    assert find_counterexample(f(x) + f(x), 2 * f(x)) is None
    chain_rule = 2 * f(x) * sp.Derivative(f(x), x)
    assert find_counterexample(sp.Derivative(f(x) ** 2, x), chain_rule) is None


def test_a_function_with_assumptions_leaves_it_unknown():
    h = sp.Function("h", positive=True)
    assert find_counterexample(h(x) * h(x), 2 * h(x)) is None


def test_without_free_functions_a_step_about_unknown_functions_stays_unknown():
    # the checker does not pass free_functions yet: an earlier row may say what f is
    # (LL(mu, sigma^2) = ... that is no function definition), so no value of f refutes
    assert refute(f(x) * f(x), 2 * f(x)) is None
