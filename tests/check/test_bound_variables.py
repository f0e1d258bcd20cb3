"""A name a row defines is not the variable a sum, integral, limit or expectation binds.

Found when names defined later began to stay real: ``x = 3`` then ``E_{x \\sim p}[x] =
E_{x \\sim p}[3]`` was verified (the definition was put in for the bound x), and an integral
over x after ``x = 3`` became an integral over 3 (``could not be decided``)."""

from __future__ import annotations

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


def test_an_integral_over_a_defined_name_integrates_the_variable(tmp_path):
    assert statuses(tmp_path, r"x = 3", r"\int_0^1 x \, dx = \frac{1}{2}")[-1] == "verified"
    got = statuses(tmp_path, r"x = 3", r"x + \int_0^1 x \, dx = \frac{7}{2}")
    assert got[-1] == "verified"
    got = statuses(tmp_path, r"x = 3", r"\int_0^1 x \, dx = \int_0^1 3 \, dx")
    assert got[-1] == "refuted"


def test_a_sum_over_a_defined_name_sums_the_index(tmp_path):
    assert statuses(tmp_path, r"x = 3", r"\sum_{x=1}^{2} x = 3")[-1] == "verified"
    assert statuses(tmp_path, r"x = 3", r"\sum_{x=1}^{2} x = 6")[-1] == "refuted"


def test_a_bound_of_the_range_is_outside_the_binder(tmp_path):
    # red team: the upper limit x of \int_0^x x dx is the x defined, the x inside is not
    got = statuses(tmp_path, r"x = 3", r"\int_0^{x} x \, dx = \frac{9}{2}")
    assert got[-1] == "verified"
    got = statuses(tmp_path, r"x = 3", r"\int_0^{x} x \, dx = 9")
    assert got[-1] == "refuted"


def test_a_definition_put_in_under_a_binder_means_its_variable(tmp_path):
    # authors define an expression in x and integrate it over x (p = e^{-x^2/2}, \int p dx):
    # the x of the definition is the variable of integration there
    assert statuses(tmp_path, r"c = x^2", r"\int_0^1 c \, dx = \frac{1}{3}")[-1] == "verified"
    assert statuses(tmp_path, r"c = x^2", r"\int_0^1 c \, dx = \frac{1}{2}")[-1] == "refuted"
    got = statuses(tmp_path, r"c = x^2", r"\int_0^1 \frac{\partial c}{\partial x} \, dx = 1")
    assert got[-1] == "verified"
