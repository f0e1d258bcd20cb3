"""A likelihood's product gathered in one step (issue 12: MLE notes): ``\\prod_{i=1}^{n} f(x_i)``
with f the Gaussian density is ``(2\\pi)^{-n/2} \\exp(-\\frac{1}{2} \\sum_i (x_i - \\mu)^2)``.
The rule search carries it part of the way, the rules that gather products and sums
(``prod_split``, ``prod_const``, ``prod_pow_sum``, ``sum_const_mul``) are applied to the state it
came closest with, and algebra closes the rest; each rule keeps its side conditions.
``prod_const``: ``\\prod_{k=m}^{n} c = c^{n-m+1}``, c positive or n an integer."""

from __future__ import annotations

import pytest
from helpers import check_document_rows

DENSITY = r"f(x)=\frac{1}{\sqrt{2\pi}}\exp\left(-\frac{(x-\mu)^2}{2}\right)"
LIKELIHOOD = r"L(\mu) =\prod_{i=1}^n f(x_i)"


def statuses(tmp_path, *rows, assume=None):
    return [s["status"] for s in check_document_rows(tmp_path, *rows, assume=assume)]


@pytest.mark.parametrize("assume", [None, "n integer"])
def test_the_gaussian_likelihood_is_gathered(tmp_path, assume):
    right = r"= (2\pi)^{-n/2} \exp\left(-\frac{1}{2}\sum_{i=1}^n (x_i-\mu)^2\right)"
    assert statuses(tmp_path, DENSITY, LIKELIHOOD, right, assume=assume)[-1] == "verified"


@pytest.mark.parametrize(
    "right",
    [
        r"= (2\pi)^{-n} \exp\left(-\frac{1}{2}\sum_{i=1}^n (x_i-\mu)^2\right)",  # the power
        r"= (2\pi)^{-n/2} \exp\left(\frac{1}{2}\sum_{i=1}^n (x_i-\mu)^2\right)",  # the sign
        r"= (2\pi)^{-n/2} \exp\left(-\sum_{i=1}^n (x_i-\mu)^2\right)",  # the half
        r"= (2\pi)^{-n/2} \exp\left(-\frac{1}{2}\sum_{i=0}^n (x_i-\mu)^2\right)",  # the range
        r"= (2\pi)^{-(n+1)/2} \exp\left(-\frac{1}{2}\sum_{i=1}^n (x_i-\mu)^2\right)",
        r"= (2\pi)^{-n/2} \exp\left(-\frac{1}{2}\sum_{i=1}^n (x_i+\mu)^2\right)",
        r"= (2\pi)^{-n/2} \exp\left(-\frac{n}{2}\sum_{i=1}^n (x_i-\mu)^2\right)",
    ],
)
def test_a_wrong_gathering_is_not_verified(tmp_path, right):
    assert statuses(tmp_path, DENSITY, LIKELIHOOD, right, assume="n integer")[-1] != "verified"


def test_a_range_from_zero_has_n_plus_one_factors(tmp_path):
    rows = (
        DENSITY,
        r"L(\mu) =\prod_{i=0}^n f(x_i)",
        r"= (2\pi)^{-(n+1)/2} \exp\left(-\frac{1}{2}\sum_{i=0}^n (x_i-\mu)^2\right)",
    )
    assert statuses(tmp_path, *rows, assume="n integer")[-1] == "verified"


def test_a_negative_constant_factor_is_powered_by_the_count(tmp_path):
    # n, the bound of a range, is read an integer: (-2)^n is real
    rows = (r"A = \prod_{i=1}^{n} (-2 x_i)", r"= (-2)^{n} \prod_{i=1}^{n} x_i")
    assert statuses(tmp_path, *rows)[-1] == "verified"


@pytest.mark.parametrize(
    "right",
    [
        r"= 2^{n} \prod_{i=1}^{n} x_i",  # the sign of the constant
        r"= (-2)^{n-1} \prod_{i=1}^{n} x_i",  # one factor too few
        r"= (-2) \prod_{i=1}^{n} x_i",  # the constant once
    ],
)
def test_a_wrong_constant_power_is_not_verified(tmp_path, right):
    rows = (r"A = \prod_{i=1}^{n} (-2 x_i)", right)
    assert statuses(tmp_path, *rows, assume="n integer")[-1] != "verified"


def test_the_constant_of_a_product_over_k_is_not_pulled_out(tmp_path):
    # c_i depends on the index: no constant factor to power
    rows = (r"A = \prod_{i=1}^{n} (c_i x_i)", r"= c_i^{n} \prod_{i=1}^{n} x_i")
    assert statuses(tmp_path, *rows, assume="n integer")[-1] != "verified"
