"""Issue 11: primes as derivatives. ``f'(x)``, ``f''(x)``, ``h'(b_j)`` for a function of the
document is its derivative by that name; ``f'(0)``, ``M_X'(0)``, ``f'(2u + 1)`` its derivative
at that point, ``Subs(Derivative(f(u), u), u, 0)``; ``M'_X(t)`` (the prime before the
subscript) is the derivative of ``M_X``; ``(\\tanh x)'`` is the derivative of the expression by
its one variable. Everything else a prime stands on is unreadable, with the reason: ``x'``, an
f the document does not apply, a function of several arguments (``l'(p, \\lambda)``, a new name
to its author), an expression with several variables or none."""

from __future__ import annotations

import pytest
import sympy as sp

from eqchain.errors import UnsupportedLatex
from eqchain.latex.parser import POINT_VARIABLE
from eqchain.latex.read import read_formula
from eqchain.operators import Prime

x, t, u, p, lam = sp.symbols("x t u p lambda")
f, M = sp.Function("f"), sp.Function("M_X")


def one(text, functions=()):
    (side,) = read_formula(text, functions=frozenset(functions)).sides
    return side


def test_a_prime_on_a_function_applied_to_a_name_is_the_derivative_by_it():
    assert one("f'(x)", {"f"}) == Prime(f(x), x)
    assert one("f''(x)", {"f"}) == Prime(f(x), (x, 2))
    b_j = sp.IndexedBase("b")[sp.Symbol("j")]
    assert one("h'(b_{j})", {"h"}) == Prime(sp.Function("h")(b_j), b_j)


@pytest.mark.parametrize(
    ("text", "functions", "order", "point"),
    [
        ("f'(0)", {"f"}, 1, 0),
        ("f''(1)", {"f"}, 2, 1),
        ("M_X'(0)", {"M_X"}, 1, 0),
        ("M'_X(0)", {"M_X"}, 1, 0),
        ("f'(2t + 1)", {"f"}, 1, 2 * t + 1),
    ],
)
def test_a_prime_on_a_function_at_a_point_is_the_derivative_there(text, functions, order, point):
    side = one(text, functions)
    assert isinstance(side, sp.Subs)
    (variable,) = side.variables
    (at,) = side.point
    assert sp.simplify(at - point) == 0
    assert variable not in at.free_symbols  # a variable of its own, bound by the Subs
    assert variable.name == POINT_VARIABLE  # a name no document can write: nothing captured
    name = sp.Function(next(iter(functions)))
    assert side.expr == sp.Derivative(name(variable), (variable, order))
    assert side.free_symbols == point.free_symbols if hasattr(point, "free_symbols") else True


def test_the_derivative_at_a_point_is_the_derivative_evaluated_there():
    side = one("f'(0)", {"f"})
    value = side.replace(f, sp.Lambda(u, sp.exp(3 * u) + u**2)).doit()
    assert value == 3


def test_the_prime_before_the_subscript_is_the_derivative_of_the_subscripted_function():
    assert one("M'_X(t)", {"M_X"}) == Prime(M(t), t)
    assert one("M_X'(t)", {"M_X"}) == Prime(M(t), t)


def test_a_prime_on_a_parenthesised_expression_is_the_derivative_by_its_one_variable():
    assert one(r"(\tanh x)'") == sp.Derivative(sp.tanh(x), x)
    assert one(r"\left( x^2 e^{x} \right)''") == sp.Derivative(x**2 * sp.exp(x), (x, 2))


@pytest.mark.parametrize(
    ("text", "functions", "words"),
    [
        ("x' + 1", (), "primes"),  # a prime on a value: not read (no new name is guessed)
        ("f'(x)", (), "primes"),  # f is no function of the document
        ("f' + 1", {"f"}, "primes"),  # no argument
        (r"l'(p, \lambda)", {"l"}, "several arguments"),  # a new name for a Lagrangian
        (r"l'(p \mid \lambda)", {"l"}, "several arguments"),
        ("(a x^2)'", (), "(a, x)"),  # by x or by a?
        ("(2)'", (), "other than one variable"),
    ],
)
def test_other_primes_are_unreadable_naming_why(text, functions, words):
    with pytest.raises(UnsupportedLatex) as info:
        read_formula(text, functions=frozenset(functions))
    assert words in str(info.value)
    assert info.value.column == 1


def test_a_value_of_the_document_primed_before_an_expression_is_unreadable():
    # p is also a value (a function before names only): p'(1 - p) is a derivative or a name
    with pytest.raises(UnsupportedLatex, match="also a value"):
        read_formula("p'(1 - p)", functions=frozenset({"{}(names)".format("p")}))
    assert one("p'(x)", {"{}(names)".format("p")}) == Prime(sp.Function("p")(x), x)


def test_a_prime_typed_as_a_quotation_mark_or_the_prime_sign_is_a_prime():
    assert one("s\u2019(x)", {"s"}) == Prime(sp.Function("s")(x), x)
    assert one("s\u2032(x)", {"s"}) == Prime(sp.Function("s")(x), x)


def test_a_prime_on_a_function_the_document_applies_to_several_arguments_is_unreadable():
    from eqchain.latex.applied import several

    with pytest.raises(UnsupportedLatex, match="several"):
        read_formula("f'(x)", functions=frozenset({"f", several("f")}))


@pytest.mark.parametrize(
    "text",
    [r"\{x^2 e^{x}\}' = 2x e^x + x^2 e^x", r"\left\{ x^2 e^{x} \right\}' = 2x e^x + x^2 e^x",
     r"[x^2 e^{x}]' = 2x e^x + x^2 e^x"],
)  # fmt: skip
def test_a_prime_after_braces_or_square_brackets_is_the_derivative(text):
    # \{f(x) g(x)\}' in a Japanese post on the product rule was unreadable
    left = read_formula(text).sides[0]
    assert isinstance(left, sp.Derivative) and str(left.variables) == "(x,)"


def test_a_prime_after_braces_with_two_variables_is_rejected():
    with pytest.raises(UnsupportedLatex, match="other than one variable"):
        read_formula(r"\{a x^2\}' = 2ax")
