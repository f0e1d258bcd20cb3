"""A name the document differentiates by x on its own (``\\frac{dy}{dx} = 1``) may vary with x
(check/varying.py): inside an integral over x it is an unknown function of x, no constant
factor. Red team 24: ``\\int e^{y} f(x) dx = e^{y} \\int f(x) dx`` (the constant-factor rule
of indefinite integrals) and ``\\int_0^1 y dx = y`` were verified beside ``dy/dx = 1``."""

from __future__ import annotations

import pytest
from helpers import check_document_rows


def statuses(tmp_path, *rows):
    return [s["status"] for s in check_document_rows(tmp_path, *rows)]


@pytest.mark.parametrize(
    "row",
    [
        r"\int e^{y} f(x) \, dx = e^{y} \int f(x) \, dx",
        r"\int_0^1 y \, dx = y",
        r"\int_0^1 e^{y} \, dx = e^{y}",
    ],
)
def test_a_name_that_varies_with_x_is_no_constant_under_an_integral_over_x(tmp_path, row):
    assert statuses(tmp_path, r"\frac{dy}{dx} = 1", row)[-1] != "verified"


def test_a_name_held_fixed_is_still_a_constant_factor(tmp_path):
    # y differentiated by t only: held fixed in an integral over x
    rows = (r"\frac{dy}{dt} = 1", r"\int e^{y} f(x) \, dx = e^{y} \int f(x) \, dx")
    assert statuses(tmp_path, *rows)[-1] == "verified"
    assert statuses(tmp_path, r"\int e^{y} f(x) \, dx = e^{y} \int f(x) \, dx")[-1] == "verified"
