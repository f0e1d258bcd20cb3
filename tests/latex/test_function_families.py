"""A subscripted name before parentheses, ``E_n(\\mathbf{w})``, ``\\gamma_{z_i}(k)``, ``p_X(x)``,
read as a member of a family of functions: the subscript's indices are the first arguments of
one function per family (``eqchain.latex.applied.family_function``), so a sum over the index
runs over the members and substituting the index reaches it; printed back as written."""

from __future__ import annotations

import pytest
import sympy as sp

from eqchain.errors import LatexError
from eqchain.latex.applied import family_function, family_of, inferred_functions
from eqchain.latex.printer import latex
from eqchain.latex.read import read_expression
from eqchain.operators import Prime

n, w, k, i, N = sp.symbols("n w k i N")
E = family_function("E", 1)


SUMMED = r"L = \sum_{n=1}^{N} E_n(w)"  # a sum binds the subscript: E_ is a family


def read(text, texts=None):
    functions = inferred_functions(texts or [text])
    return read_expression(text, functions=functions)


def test_a_subscripted_function_is_the_family_at_its_index():
    assert read(r"E_n(w)", [r"E_n(w) = w^2", SUMMED]) == E(n, w)


def test_the_family_is_not_one_function_named_with_its_subscript():
    expr = read(r"E_n(w)", [r"E_n(w) = w^2", SUMMED])
    assert family_of(expr.func) == 1
    assert expr.func != sp.Function("E_n")
    assert expr.func != sp.Function("E")  # nor the function E of the same document


def test_a_sum_over_the_index_runs_over_the_members():
    expr = read(r"\sum_{n=1}^{N} E_n(w)", [r"E_n(w) = w^2", r"\sum_{n=1}^{N} E_n(w)"])
    assert expr == sp.Sum(E(n, w), (n, 1, N))
    assert expr.doit() != N * E(n, w)
    assert expr.subs(N, 2).doit() == E(1, w) + E(2, w)


def test_two_subscripts_are_two_members_equal_only_where_the_indices_are():
    texts = [r"E_n(w) = w^2", r"E_1(w) + E_2(w)", SUMMED]
    expr = read(texts[1], texts)
    assert expr == E(1, w) + E(2, w)
    assert (E(n, w) - E(k, w)).subs(k, n) == 0


def test_a_subscripted_subscript_is_the_index_of_the_family():
    texts = [r"P(Z_i = k) = \gamma_{Z_i}(k)", r"\sum_{i=1}^{n} \gamma_{Z_i}(k)"]
    expr = read(texts[1], texts)
    gamma = family_function("gamma", 1)
    assert expr == sp.Sum(gamma(sp.IndexedBase("Z")[i], k), (i, 1, sp.Symbol("n")))


def test_a_family_prints_back_as_written():
    texts = [r"\gamma_{z_i}(k) = a", r"\sum_{i=1}^{n} \gamma_{z_i}(k) x_i"]
    expr = read(texts[1], texts)
    printed = latex(expr)
    assert r"\gamma_{z_{i}}{\left(k \right)}" in printed
    functions = inferred_functions([*texts, printed])
    assert read_expression(printed, functions=functions) == expr


def test_a_family_with_two_indices():
    texts = [r"f_{n,Y}(x, y) = x y", r"\sum_{n=1}^{2} f_{n,Y}(x, y)"]
    expr = read(r"f_{n,Y}(x, y)", texts)
    assert family_of(expr.func) == 2
    assert expr.args == sp.symbols("n Y x y")
    assert latex(expr) == r"f_{n,Y}{\left(x, y \right)}"


def test_a_subscript_nothing_binds_names_one_function_of_its_own():
    # M_X(t) = ... defines M_X only: M_Y(t) is another function, never its value with X = Y
    texts = [r"M_X(t) = e^{t}", r"M_Y(t) = 1"]
    assert read(r"M_X(t)", texts) == sp.Function("M_X")(sp.Symbol("t"))
    assert read(r"M_Y(t)", texts).func != read(r"M_X(t)", texts).func


def test_a_family_under_a_sum_without_a_sign_stays_ambiguous():
    # \prod_i f X_i(x_i): nothing says X_i is a family of functions (a typo for f_{X_i})
    text = r"L = \prod_{i=1}^n f X_i(x_i)"
    with pytest.raises(LatexError, match="ambiguous"):
        read(r"\prod_{i=1}^n f X_i(x_i)", [text])


def test_E_with_a_summed_subscript_needs_its_definition():
    text = r"\sum_{n=1}^{N} E_n(w)"
    with pytest.raises(LatexError, match="ambiguous"):
        read(text, [text])


def test_a_prime_on_a_family_is_the_derivative_by_its_argument():
    texts = [r"M_n'(t) = M_n(t)", r"\sum_{n=1}^{2} M_n(t) = M_n(t)"]
    expr = read(r"M_n'(t)", texts)
    M = family_function("M", 1)
    t = sp.Symbol("t")
    assert expr == Prime(M(n, t), t)
