"""Names applied to parentheses (``\\sigma(z)``, ``L(\\theta)``, ``M_X(t)``): the document-wide
pre-pass of :mod:`eqchain.latex.applied` decides which names are functions, and the reader
applies them; a name used any other way stays ambiguous (or a product, with an expression
inside the parentheses)."""

from __future__ import annotations

import pytest
import sympy as sp

from eqchain.errors import LatexError
from eqchain.latex.applied import (
    expectation_mark,
    family_function,
    inferred_functions,
    on_names,
    several,
)
from eqchain.latex.read import read_formula


@pytest.mark.parametrize(
    "rows, expected",
    [
        ([r"\sigma(z) = \frac{1}{1+e^{-z}}", r"\sigma'(z) = \sigma(z)(1 - \sigma(z))"], {"sigma"}),
        ([r"L(\theta) = \prod_{i=1}^{n} p(x_i)"], {"L", "p"}),
        (
            [r"M_X(t) = E[e^{tX}]", r"F_X\left(x\right) = 1"],
            {"M_X", "F_X", *(expectation_mark("italic", n) for n in "etX")},
        ),
        # E written as the expectation (E[...], E(...) holding more than names) and never as a
        # value or a function: E(X) of the names written in those bodies is the expectation too
        ([r"E(X^2) = 1", r"y = E(X)"], {expectation_mark("italic", "X")}),
        (
            [r"\mathrm{E}(X + c) = \mathrm{E}(X) + c"],
            {expectation_mark("upright", "X"), expectation_mark("upright", "c")},
        ),
        # ... not the argument of an E(...) inside the body, nor the E that ends a word
        ([r"E[|E(G)|] = 1"], set()),
        ([r"E[X] = 0", r"y = SE(Y^2)"], {expectation_mark("italic", "X")}),
        ([r"y = E(X)"], set()),
        ([r"E(X^2) = 1", r"E = m c^2"], set()),
        ([r"E(w) = w^2", r"y = E(X^2)"], set()),
        ([r"E'(X^2) = 1", r"y = E(X)"], set()),
        ([r"q_\phi(z) = 1"], {"q_phi"}),
        # a joint density: a subscript of names between commas
        ([r"y = f_{X,Y}(x, y)"], {"f_X,Y", several("f_X,Y")}),  # several: f_{X,Y}' is no derivative
        ([r"y = \sum_{X=1}^{2} f_{X,Y}(x, y)"], set()),
        ([r"\Gamma(a+1) = a \Gamma(a)"], {"Gamma"}),
        # used as a value somewhere in the document: a function before names only
        ([r"y = \sigma(z)", r"\sigma^2 = 2"], {on_names("sigma")}),
        ([r"y = f(x)", r"g = f"], {on_names("f")}),
        ([r"y = f(x)", r"x_f = 2"], {on_names("f")}),
        ([r"KL(p||q) = \int p(x) \log \frac{p(x)}{q(x)} dx"], {on_names("p"), on_names("q")}),
        # ... unless a definition row f(x) = ... defines it (arguments: distinct names)
        ([r"\sigma(z) = 1", r"\sigma^2 = 2"], {"sigma"}),
        ([r"y = \phi(x_j)", r"\phi^2 = 1", r"\phi(x_j) := x_j"], {"phi"}),
        ([r"\ell(\mathbf{w}) = 1", r"\ell = 2"], {"ell"}),
        ([r"y = f(x, x)", r"f = 2", r"f(x, x) = 1"], {on_names("f"), several("f")}),
        # bound (differentiated by, summed over): never a function, whatever else
        ([r"\frac{\partial}{\partial \lambda} \lambda(1-p) = 1 - p"], set()),
        ([r"\lambda(x) = 1", r"\frac{d}{d\lambda} \lambda = 1"], set()),
        ([r"y = \sum_{f=1}^{n} f(x)"], set()),
        # differentiating f(x) does not bind f
        ([r"\frac{\partial \sigma(z)}{\partial z} = 1"], {"sigma"}),
        ([r"f^{-1}(x) = 1"], set()),
        # the tail of a run of letters: Sar(X) is S a r(X); Var(X) is the variance
        ([r"Sar(X) = 1"], set()),
        ([r"Var(X) = 1", r"y = r(x)"], {"r"}),
        ([r"Sar(X) = 1", r"y = r(x)"], set()),
        # a letter that is a one-token subscript ends the run: \sum_xp_X(x) sums p_X(x)
        ([r"y = \sum_xp_X(x)"], {"p_X"}),
        ([r"y = e^xf(x)"], {"f"}),
        # a subscripted name after letters the document binds: x p_X(x), no word
        ([r"y = \sum_xxp_X(x)"], {"p_X"}),
        ([r"y = ap_X(x)"], set()),
        ([r"y = \sum_x Var_X(x)", r"z = r_X(t)"], set()),
        # declared a symbol in the assumptions: a value, a function before names only
        ([r"p(x) = 1"], {on_names("p")}),
        # constants and the differential
        ([r"e(x) = 1", r"d(x) = 2", r"\pi(x) = 3", r"E(X) = 4"], set()),
        # e defined, differentiated with a prime and written nowhere else: a function
        ([r"e(p) = t \log p", r"e'(p) = \frac{t}{p}"], {"e"}),
        ([r"e(p) = t \log p", r"e'(p) = \frac{t}{p}", r"y = e^{p}"], set()),
        ([r"e(p) = t \log p", r"e(p) = 1"], set()),
        # the prime before the subscript: M'_X(t) applies M_X
        ([r"M'_X(t) = 1"], {"M_X"}),
        # a subscript something binds or varies
        ([r"\sum_{k=1}^{n} f_k(x) = 1"], set()),
        # ... unless the document names the family as a whole side of an equation, E (never
        # inferred alone: an expectation) too: then a family of functions, decided for all its
        # members (E_1 with E_n)
        ([r"\sum_{k=1}^{n} f_k(x) = 1", r"f_k(x) = x^k"], {"f_"}),
        ([r"E_n(w) = w^2", r"E(w) = \sum_{n=1}^{N} E_n(w)"], {"E_"}),
        ([r"P(Z_i = k) = \gamma_{Z_i}(k)", r"\sum_{i=1}^{n} \gamma_{Z_i}(k) = 1"], {"P", "gamma_"}),
        ([r"L = \prod_{i=1}^{n} f X_i(x_i)"], set()),
        ([r"y = \sum_{n=1}^{N} E_n(w)"], set()),
        ([r"E_n(w) = w", r"y = \sum_{n=1}^{N} E_n(w) + E_1(w)"], {"E_"}),
        ([r"f_{n,Y}(x, y) = 1", r"y = \sum_{n=1}^{2} f_{n,Y}(x, y)"], {"f_", several("f_")}),
        ([r"\frac{\partial}{\partial \phi} q_\phi(z) = 0"], set()),
        ([r"\int_0^1 f_t(x) dt = 1"], set()),
        ([r"f_{k+1}(x) = 1"], set()),
        # text the tokeniser refuses: none of its names is inferred
        ([r"f(x) = 1 \text{ où } y", r"g(x) = 2"], {"g"}),
    ],
)
def test_which_names_are_functions(rows, expected):
    symbols = frozenset({"p"}) if rows == [r"p(x) = 1"] else frozenset()
    assert inferred_functions(rows, symbols) == expected


def read(text, functions):
    return tuple(s.doit() for s in read_formula(text, functions=frozenset(functions)).sides)


def test_an_inferred_function_is_applied_to_an_expression_too():
    z, w, b = sp.symbols("z w b")
    (lhs, _) = read(r"\sigma(w z + b) = 1", {"sigma"})
    assert lhs == sp.Function("sigma")(w * z + b)


def test_a_name_not_inferred_before_an_expression_is_a_product():
    lam, y = sp.symbols("lambda y")
    (lhs, _) = read(r"\lambda(1 - y) = 1", set())
    assert lhs == lam * (1 - y)


def test_a_name_not_inferred_before_names_stays_ambiguous_at_its_column():
    with pytest.raises(LatexError, match="ambiguous: 'f\\(...\\)'") as err:
        read(r"y = f(x)", set())
    assert err.value.column == 5


def test_subscripted_functions_keep_their_name():
    t = sp.Symbol("t")
    (lhs, _) = read(r"M_X(t) = 1", {"M_X"})
    assert lhs == sp.Function("M_X")(t)
    (lhs, _) = read(r"M_X'(t) = 1", {"M_X"})
    assert lhs == sp.Derivative(sp.Function("M_X")(t), t)
    # M_X not a function: ambiguous, as before
    with pytest.raises(LatexError, match="ambiguous"):
        read(r"M_X(t) = 1", set())


def test_members_of_a_family_decided_for_the_family():
    t, n = sp.symbols("t n")
    M = family_function("M", 1)
    (lhs, _) = read(r"M_n(t) = 1", {"M_"})
    assert lhs == M(n, t)
    (lhs, _) = read(r"M_n'(t) = 1", {"M_"})
    assert lhs == sp.Derivative(M(n, t), t)


def test_gamma_and_erf_are_the_known_functions():
    a, x = sp.symbols("a x")
    (lhs, rhs) = read(r"\Gamma(a + 1) = a \Gamma(a)", {"Gamma"})
    assert lhs == sp.gamma(a + 1) and rhs == a * sp.gamma(a)
    (lhs, _) = read(r"\mathrm{erf}(x) = 1", set())
    assert lhs == sp.erf(x)
    (lhs, _) = read(r"\operatorname{erf}(x) = 1", set())
    assert lhs == sp.erf(x)


def test_the_cross_check_agrees_with_the_gamma_function():
    from eqchain.latex.memo import read_cached

    a = sp.Symbol("a")
    formula = read_cached(
        r"\Gamma(a) = 1", functions=frozenset({"Gamma"}), cross_check=True, use_disk=False
    )
    assert formula.sides[0] == sp.gamma(a)


def test_a_word_after_a_function_of_names_is_ambiguous(tmp_path):
    # a helper's Bayes post: P(Sick | Pos) was the function P, P(Sick) beside it the product
    # P S i c k (Pos has a letter P: P is also a value, a function only before names)
    from helpers import check_document_rows

    steps = check_document_rows(
        tmp_path,
        r"P(Sick | Pos) = \frac{P(Pos | Sick) P(Sick)}{P(Pos)}",
        r"P(Sick | Pos) = P(Sick)",
    )
    assert [s["status"] for s in steps] == ["unreadable", "unreadable"], steps
    assert "holds a word" in steps[0]["reason"]
    # names written as one: read, the function applied
    steps = check_document_rows(
        tmp_path,
        r"P(\mathit{Sick} | \mathit{Pos}) = \frac{P(\mathit{Pos} | \mathit{Sick})"
        r" P(\mathit{Sick})}{P(\mathit{Pos})}",
    )
    assert steps[0]["status"] != "unreadable", steps
