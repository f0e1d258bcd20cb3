r"""``\frac{d}{da} g(a)`` is the derivative of g(a) by a, all of it; ``g'(a)`` is g's derivative
at the point a. The two differ where g's body names a otherwise (``g(t) = a t``: 2a and a).

Found by a red-team helper: the reader built the same tree for both, and the engine read both as
the prime, so ``\frac{d}{da} g(a) = a`` after ``g(t) = a t`` was VERIFIED (the derivative of
a^2 is 2a)."""

from __future__ import annotations

import pytest
from helpers import check_document_rows

G = r"g(t) = a t"


@pytest.mark.parametrize("fraction", [r"\frac{d}{da} g(a)", r"\frac{\partial}{\partial a} g(a)",
                                      r"\frac{dg(a)}{da}"])  # fmt: skip
def test_the_fraction_is_the_whole_derivative(tmp_path, fraction):
    rows = (G, fraction + " = 2a", fraction + " = a")
    got = [s["status"] for s in check_document_rows(tmp_path, *rows)]
    assert got == ["definition", "verified", "refuted"], got


def test_the_prime_is_the_derivative_at_the_point(tmp_path):
    rows = (G, r"g'(a) = a", r"g'(a) = 2a")
    got = [s["status"] for s in check_document_rows(tmp_path, *rows)]
    assert got == ["definition", "verified", "refuted"], got


def test_a_partial_derivative_of_a_function_of_two(tmp_path):
    rows = (r"g(s, t) = e^{a s} + b t", r"\frac{\partial}{\partial a} g(2, a) = b",
            r"\frac{\partial}{\partial a} g(2, a) = 2 e^{2a} + b")  # fmt: skip
    got = [s["status"] for s in check_document_rows(tmp_path, *rows)]
    assert got == ["definition", "refuted", "verified"], got


def test_the_prime_and_the_fraction_agree_where_the_body_does_not_name_the_variable(tmp_path):
    rows = (r"f(x) = x^3", r"f'(x) = \frac{d}{dx} f(x)", r"\frac{d}{dx} f(x) = 3x^2",
            r"f'(x) = 3 x^2")  # fmt: skip
    got = [s["status"] for s in check_document_rows(tmp_path, *rows)]
    assert got == ["definition", "verified", "verified", "verified"], got
