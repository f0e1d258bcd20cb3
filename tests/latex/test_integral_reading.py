"""Reading integrals: \\int with its limits and its differential, before or after the integrand."""

from __future__ import annotations

import pytest
import sympy as sp

from eqchain.errors import LatexError
from eqchain.latex.read import read_expression
from eqchain.tree import canonical

x, y, a, b, d, theta = sp.symbols("x y a b d theta")
f = sp.Function("f")


def read(text):
    return read_expression(text, functions=frozenset({"f"}))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (r"\int_0^1 x^2 \, dx", sp.Integral(x**2, (x, 0, 1))),
        (r"\int_a^b f(x)\, dx", sp.Integral(f(x), (x, a, b))),
        (r"\int f(x)\, dx", sp.Integral(f(x), x)),
        (r"\int x \,\mathrm{d}x", sp.Integral(x, x)),
        (r"\int dx\, f(x)", sp.Integral(f(x), x)),
        (r"\int_{-\infty}^{\infty} e^{-x^2} dx", sp.Integral(sp.exp(-(x**2)), (x, -sp.oo, sp.oo))),
        (r"\int_{\mathbb{R}} e^{-x^2} dx", sp.Integral(sp.exp(-(x**2)), (x, -sp.oo, sp.oo))),
        (r"\iint e^{x y} dx\, dy", sp.Integral(sp.exp(x * y), x, y)),
        (
            r"\iint_{\mathbb{R}^2} x y \, dx \, dy",
            sp.Integral(x * y, (x, -sp.oo, sp.oo), (y, -sp.oo, sp.oo)),
        ),
        (r"\int_0^{\pi} \sin\theta \, d\theta", sp.Integral(sp.sin(theta), (theta, 0, sp.pi))),
        (r"\int_0^1 x + 1 \, dx", sp.Integral(x + 1, (x, 0, 1))),
        (r"\int_0^1 d \, dx", sp.Integral(d, (x, 0, 1))),
        (r"2 \int_0^1 x \, dx + 1", 2 * sp.Integral(x, (x, 0, 1)) + 1),
        (r"\int_0^1 \frac{d}{dx} (x^2) \, dx", sp.Integral(sp.Derivative(x**2, x), (x, 0, 1))),
        # nested integrals: the inner takes the first differential after its integrand
        (r"\int \int f(x) \, dx \, dy", sp.Integral(f(x), x, y)),
        (r"\int_0^1 \int_a^b x y \, dy \, dx", sp.Integral(x * y, (y, a, b), (x, 0, 1))),
        (
            r"\int_0^1 x \int_a^b y \, dy \, dx",
            sp.Integral(x * sp.Integral(y, (y, a, b)), (x, 0, 1)),
        ),
        # a lower limit that names the variable
        (r"\int_{x=0}^{1} x^2 \, dx", sp.Integral(x**2, (x, 0, 1))),
        (
            r"\int_{\theta=0}^{2\pi} \frac{1}{2} d\theta",
            sp.Integral(sp.Rational(1, 2), (theta, 0, 2 * sp.pi)),
        ),
        (r"\int_{x=a+b}^{\infty} e^{-x} dx", sp.Integral(sp.exp(-x), (x, a + b, sp.oo))),
    ],
)
def test_integral_reads_as_an_unevaluated_integral(text, expected):
    value = read(text)
    assert canonical(value) == canonical(expected)


@pytest.mark.parametrize(
    ("text", "message", "column"),
    [
        (r"\int_0^1 x", "without its differential", 1),
        (r"\int_0 x \, dx", "one limit", 1),
        (r"\int_{a} x \, dx", "an integral over a set", 1),  # a is a limit, not a set
        (r"\int^1 x \, dx", "an upper limit only", 1),
        (r"\int_0^1 (d x + 1) \, dx", "ambiguous: 'd' followed by a name", 11),
        (r"\int_0^1 x \, dx \, dy", "needs 1 differential, found 2", 1),
        (r"\iint_0^1 x y \, dx \, dy", "\\iint with limits", 1),
        (r"\int_{\mathbb{C}} x \, dx", "blackboard bold", None),
        (r"\int_{y=0}^{1} x \, dx", "the lower limit names y but the differential is dx", 1),
        (r"\int_0^1 \int_0^2 x y \, dy", "without its differential", 1),
        (r"\int_{x=0=1}^{1} x \, dx", "names its variable once", 1),
    ],
)
def test_unreadable_integrals_name_the_reason_and_column(text, message, column):
    with pytest.raises(LatexError) as err:
        read(text)
    assert message in str(err.value)
    if column is not None:
        assert err.value.column == column


# -- issue 11: the differential of an expression, \mathrm{d}(z + \mu), after a substitution -----

z, u, mu, sigma = sp.symbols("z u mu sigma")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # d(z + mu) = dz: the limits name mu, so z is the variable; they stay as written
        (
            r"\int_{-\infty-\mu}^{+\infty-\mu} z \, \mathrm{d}(z+\mu)",
            sp.Integral(z, (z, -sp.oo - mu, sp.oo - mu)),
        ),
        (
            r"\int_{(-\infty-\mu)/\sigma}^{(\infty-\mu)/\sigma} u \,"
            r" \mathrm{d}\left(\sigma u + \mu\right)",
            sp.Integral(u * sigma, (u, (-sp.oo - mu) / sigma, (sp.oo - mu) / sigma)),
        ),
        (r"\int x \, \mathrm{d}(x^2)", sp.Integral(2 * x**2, x)),  # indefinite: x alone
    ],
)
def test_the_differential_of_an_expression_is_its_derivative_times_the_variable_s(text, expected):
    got = read(text)
    assert sp.simplify(got.function - expected.function) == 0
    assert [tuple(canonical(v) for v in lim) for lim in got.limits] == [
        tuple(canonical(v) for v in lim) for lim in expected.limits
    ]


def test_a_non_polynomial_differential_keeps_its_derivative_written_out():
    got = read(r"\int_0^1 x \, \mathrm{d}(\sin x)")
    assert got.function.has(sp.Derivative)
    assert sp.simplify(got.doit() - sp.integrate(x * sp.cos(x), (x, 0, 1))) == 0


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # sigma or x? the limits name neither
        (
            r"\int_{-\infty}^{+\infty} x \, \mathrm{d}(\sqrt{2} \sigma x)",
            "several variables (sigma, x)",
        ),
        (r"\int_0^1 x \, \mathrm{d}(2)", "in no variable"),
        (r"\int_0^1 x \, d(x + 1)", "without its differential"),  # a plain d: maybe a product
        (r"\int_0^1 \mathrm{d}(x^2) \, x", "without its differential"),  # it ends its integral
        (r"\int_0^1 x \, \mathrm{d}(x^2) y", "without its differential"),
    ],
)
def test_a_differential_of_an_expression_that_does_not_say_its_variable_is_unreadable(text, words):
    with pytest.raises(LatexError) as info:
        read(text)
    assert words in str(info.value)


def test_a_differential_alone_integrates_one():
    # \int_a^b dx is b - a: nothing after the differential, the integrand is 1
    assert read_expression(r"\int_{a}^{b} \, \mathrm{d}x") == sp.Integral(
        1, (sp.Symbol("x"), sp.Symbol("a"), sp.Symbol("b"))
    )
