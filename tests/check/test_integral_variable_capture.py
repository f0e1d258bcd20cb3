"""Two definite integrals over one range compared by their integrands (integral_integrand)
rename the variables to a fresh one, never one to the other's name: the first's variable may
be free in the second integrand. Red team 24: ``\\int_0^1 e^{t^2} dt = \\int_0^1 e^{t x} dx``
(the right side a function of t) was verified by renaming x to t."""

from __future__ import annotations

import pytest
from helpers import check_document_rows


@pytest.mark.parametrize(
    "row",
    [
        r"\int_0^1 e^{t^2} \, dt = \int_0^1 e^{t x} \, dx",
        r"\int_0^1 t^2 \, dt = \int_0^1 t x \, dx",
    ],
)
def test_a_free_name_of_an_integrand_is_not_captured_by_the_other_variable(tmp_path, row):
    (result,) = check_document_rows(tmp_path, row)
    assert result["status"] != "verified"


@pytest.mark.parametrize(
    "row",
    [
        r"\int_0^1 e^{t x} \, dx = \int_0^1 e^{t u} \, du",
        r"\int_0^1 (x + 1)^2 \, dx = \int_0^1 (u^2 + 2 u + 1) \, du",
    ],
)
def test_integrals_over_one_range_with_equal_integrands_are_still_verified(tmp_path, row):
    (result,) = check_document_rows(tmp_path, row)
    assert result["status"] == "verified", result["reason"]
