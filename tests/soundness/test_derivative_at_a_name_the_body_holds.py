"""``f'(a)`` where f's body holds a otherwise (``f(x) = a x^2``) is the derivative of f at the
point a, not the derivative of f(a) = a^3 by a.

Found by a red-team helper (on ``f(a)'``, then the same with ``f'(a)``): ``f'(a) = 3a^2`` was
VERIFIED and the true ``f'(a) = 2a^2`` refuted."""

from __future__ import annotations

import pytest
from helpers import check_document_rows

F = r"f(x) = a x^2"


@pytest.mark.parametrize("prime", [r"f'(a)", r"f(a)'"])
def test_the_derivative_at_the_point(tmp_path, prime):
    rows = (F, prime + r" = 2 a^2", prime + r" = 3 a^2")
    got = [s["status"] for s in check_document_rows(tmp_path, *rows)]
    assert got == ["definition", "verified", "refuted"], got


def test_by_its_own_parameter_as_before(tmp_path):
    rows = (F, r"f'(x) = 2 a x", r"f'(x) = 3 a x")
    got = [s["status"] for s in check_document_rows(tmp_path, *rows)]
    assert got == ["definition", "verified", "refuted"], got
