"""Issue 11: ``\\lim_{x \\to a} f``, ``\\lim_{x \\rightarrow \\infty} f``, ``\\lim_{x \\to 0^+} f``:
an unevaluated limit (two-sided at a finite point unless written a^+ or a^-), the body the product
after it. A step with one is verified only where SymPy computes the limit, finite, under the
assumptions; otherwise it is unknown, naming the limit, or refuted by the computed value."""

from __future__ import annotations

import json

import pytest
import sympy as sp
from helpers import run_eqchain

from eqchain.errors import LatexError
from eqchain.latex.printer import EqchainLatexPrinter
from eqchain.latex.read import read_expression, read_formula

x, n, t, lam = sp.symbols("x n t lambda")


def side(text):
    (expr,) = read_formula(text).sides
    return expr


@pytest.mark.parametrize(
    ("text", "variable", "point", "direction"),
    [
        (r"\lim_{x \to 0} \frac{\sin x}{x}", x, 0, "+-"),
        (r"\lim_{x\rightarrow \infty} e^{x(t-\lambda)}", x, sp.oo, "-"),
        (r"\lim_{n \to +\infty} n", n, sp.oo, "-"),
        (r"\lim_{x \to -\infty} x", x, -sp.oo, "+"),
        (r"\lim_{x \to 0^+} x \log x", x, 0, "+"),
        (r"\lim_{x \to 0^{-}} x", x, 0, "-"),
        # the signed zero of Japanese and German textbooks: one side, never the number 0 added
        (r"\lim_{x \to +0} x \log x", x, 0, "+"),
        (r"\lim_{x \to -0} x", x, 0, "-"),
        (r"\lim_{x \to t + 0} x", x, t, "+"),
        (r"\lim_{x \to t-0} x", x, t, "-"),
        (r"\lim_{x \to 0+} x", x, 0, "+"),
        (r"\lim_{x \to 10} x", x, 10, "+-"),
        # the side in the arrow: from above (\downarrow, \searrow), from below (\uparrow, \nearrow)
        (r"\lim_{x \downarrow 0} x", x, 0, "+"),
        (r"\lim_{x \searrow 0^+} x", x, 0, "+"),
        (r"\lim_{x \uparrow 1} x", x, 1, "-"),
        (r"\lim_{x \nearrow 1} x", x, 1, "-"),
        (r"\lim_{n \uparrow \infty} n", n, sp.oo, "-"),
    ],
)
def test_a_limit_is_read_unevaluated(text, variable, point, direction):
    expr = side(text)
    assert isinstance(expr, sp.Limit)
    assert expr.args[1:3] == (variable, point)
    assert str(expr.args[3]) == direction
    assert read_expression(EqchainLatexPrinter().doprint(expr)).args[1:3] == (variable, point)


def test_the_body_is_the_product_after_it():
    expr = side(r"\lim_{x \to 0} x \cdot 2 + 1")
    assert isinstance(expr, sp.Add) and 1 in expr.args


@pytest.mark.parametrize(
    "text",
    [
        r"\lim x",
        r"\lim_{x} x",
        r"\lim_{x \to x} x",
        r"\lim_{x \to 0}",
        r"\lim_{2 \to 0} x",
        r"\lim_{x \downarrow 0^-} x",  # the arrow and the point name opposite sides
        r"\lim_{x \downarrow \infty} x",  # from beyond infinity
    ],
)
def test_what_a_limit_cannot_be(text):
    with pytest.raises(LatexError):
        read_formula(text)


DOCUMENT = r"""# Limits

$$
a = \lim_{x \to 0} \frac{\sin x}{x} = 1
$$

$$
b = \lim_{x \to 0} \frac{\sin x}{x} = 2
$$

$$
c = \lim_{x \rightarrow \infty} e^{x (t - \lambda)} = 0
$$

$$
d = \lim_{x \to 0^+} x \log x = 0
$$

$$
g = \lim_{x \to 0} \frac{1}{x} - \lim_{x \to 0} \frac{1}{x} = 0
$$

$$
h = \lim_{x \to +0} \frac{|x|}{x} = 1
$$

$$
k = \lim_{x \to -0} \frac{|x|}{x} = 1
$$
"""


def test_limits_through_the_cli(tmp_path):
    path = tmp_path / "limits.md"
    path.write_text(DOCUMENT, encoding="utf-8")
    ran = run_eqchain("check", "--format", "json", str(path))
    steps = [s for d in json.loads(ran.stdout)["derivations"] for s in d["steps"]]
    claims = {s["line"]: s for s in steps if s["status"] not in ("definition", "given")}
    assert claims[4]["status"] == "verified"
    assert claims[8]["status"] == "refuted"  # the limit is 1
    # e^{x(t - lambda)} tends to 0 only when t < lambda: not established, never verified
    assert claims[12]["status"] == "unknown"
    assert claims[16]["status"] == "verified"  # one-sided: x log x -> 0 from the right
    # 1/x has no limit at 0: oo - oo is no value, whatever algebra says
    assert claims[20]["status"] == "unknown"
    assert "\\lim_{x \\to 0}" in claims[20]["reason"]
    # x -> +0 is the limit from the right (|x|/x = 1 there), x -> -0 from the left (-1): read
    # as the two-sided limit, which does not exist, neither would be decided
    assert claims[24]["status"] == "verified"
    assert claims[28]["status"] == "refuted"
