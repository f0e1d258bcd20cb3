"""A name a row defines is not the variable a sum, integral, limit or expectation binds.

Found when names defined later began to stay real: ``x = 3`` then ``E_{x \\sim p}[x] =
E_{x \\sim p}[3]`` was verified (the definition was put in for the bound x), and an integral
over x after ``x = 3`` became an integral over 3 (``could not be decided``)."""

from __future__ import annotations

import pytest
import sympy as sp
from helpers import check_document_rows

from eqchain.tree import canonical, put_in


def statuses(tmp_path, *rows, assume=None):
    return [s["status"] for s in check_document_rows(tmp_path, *rows, assume=assume)]


def test_put_in_leaves_bound_variables_alone():
    x, y = sp.symbols("x y", real=True)
    k = sp.Symbol("k", integer=True)
    integral = sp.Integral(x * y, (x, 0, y))
    same = canonical(put_in(integral, {x: 3, y: 2})) == canonical(sp.Integral(2 * x, (x, 0, 2)))
    assert same
    total = sp.Sum(k * x, (k, 1, x))
    assert canonical(put_in(total, {k: 5, x: 2})) == canonical(sp.Sum(2 * k, (k, 1, 2)))
    limit = sp.Limit(x / y, x, y)
    assert canonical(put_in(limit, {x: 3, y: 2})) == canonical(sp.Limit(x / 2, x, 2))


def test_an_expectation_over_a_defined_name_is_not_of_its_value(tmp_path):
    wrong = r"\mathbb{E}_{x \sim p}[x] = \mathbb{E}_{x \sim p}[3]"
    assert statuses(tmp_path, r"x = 3", wrong)[-1] != "verified"


@pytest.mark.parametrize(
    ("definition", "row", "expected"),
    [
        # an integral over a defined name integrates the variable
        (r"x = 3", r"\int_0^1 x \, dx = \frac{1}{2}", "verified"),
        (r"x = 3", r"x + \int_0^1 x \, dx = \frac{7}{2}", "verified"),
        (r"x = 3", r"\int_0^1 x \, dx = \int_0^1 3 \, dx", "refuted"),
        # a sum over a defined name sums the index
        (r"x = 3", r"\sum_{x=1}^{2} x = 3", "verified"),
        (r"x = 3", r"\sum_{x=1}^{2} x = 6", "refuted"),
        # red team: the upper limit x of \int_0^x x dx is the x defined, the x inside is not
        (r"x = 3", r"\int_0^{x} x \, dx = \frac{9}{2}", "verified"),
        (r"x = 3", r"\int_0^{x} x \, dx = 9", "refuted"),
        # authors define an expression in x and integrate it over x (p = e^{-x^2/2}, \int p
        # dx): the x of the definition is the variable of integration there
        (r"c = x^2", r"\int_0^1 c \, dx = \frac{1}{3}", "verified"),
        (r"c = x^2", r"\int_0^1 c \, dx = \frac{1}{2}", "refuted"),
        (r"c = x^2", r"\int_0^1 \frac{\partial c}{\partial x} \, dx = 1", "verified"),
    ],
)
def test_a_binder_over_a_defined_name(tmp_path, definition, row, expected):
    assert statuses(tmp_path, definition, row)[-1] == expected
