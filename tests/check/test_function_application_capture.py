"""A defined function applied to an argument that a variable its body binds would capture is
left as written (as for sums and products): integrals and limits bind too. Red team 24:
``f(x) = \\int_0^1 x t \\, dt`` then ``f(t) = \\frac{1}{3}`` was verified (f(t) read as
``\\int_0^1 t^2 \\, dt``; it is t/2)."""

from __future__ import annotations

import pytest
from helpers import check_document_rows


@pytest.mark.parametrize(
    "definition, claim",
    [
        (r"f(x) = \int_0^1 x t \, dt", r"f(t) = \frac{1}{3}"),
        (r"f(x) = \lim_{t \to 2} x t", r"f(t) = 4"),
    ],
)
def test_an_argument_is_not_captured_by_the_bodys_variable(tmp_path, definition, claim):
    results = check_document_rows(tmp_path, definition, claim)
    assert results[-1]["status"] != "verified"


def test_an_argument_free_of_the_bodys_variable_is_put_in(tmp_path):
    results = check_document_rows(tmp_path, r"f(x) = \int_0^1 x t \, dt", r"f(s) = \frac{s}{2}")
    assert results[-1]["status"] == "verified", results[-1]["reason"]
