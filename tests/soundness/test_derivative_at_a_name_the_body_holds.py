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


def test_a_derivative_at_a_sum_index(tmp_path):
    # a red-team helper: \sum_{a=1}^{3} f'(a) ended "could not be decided (SymPy: ValueError:
    # Can't calculate derivative wrt 1.)": a took numbers, and f'(a) was the derivative by a
    steps = check_document_rows(tmp_path, r"f(x) = x^2", r"\sum_{a=1}^{3} f'(a) = 12")
    assert steps[-1]["status"] == "verified", steps[-1]
    wrong = check_document_rows(tmp_path, r"f(x) = x^2", r"\sum_{a=1}^{3} f'(a) = 13")
    assert wrong[-1]["status"] != "verified", wrong[-1]
    assert "SymPy" not in wrong[-1]["reason"], wrong[-1]


def test_a_derivative_at_an_expression_of_a_sum_index(tmp_path):
    # a third red-team: \sum_{a=1}^{3} f'(2a) = 48 (true: 24) was a given, and a row verified
    # from it: the a of the point stayed free (SymPy's cache gave the reader's point back)
    steps = check_document_rows(tmp_path, r"f(x) = x^2", r"\sum_{a=1}^{3} f'(2a) = 48")
    assert steps[-1]["status"] == "refuted", steps[-1]
    steps = check_document_rows(tmp_path, r"f(x) = x^2", r"\sum_{a=1}^{3} f'(2a) = 24")
    assert steps[-1]["status"] == "verified", steps[-1]
