"""An indefinite integral's integrand must be defined for every value of its variable. A step
whose right side's integrand needs more than its left side's (``\\int p(z) dz = \\int q(z)
\\frac{p(z)}{q(z)} dz``: q(z) nonzero for every z, which nothing establishes) was verified by
algebra, the division cancelled; the ELBO derivation's first step is such a one. It is
unknown now, naming the condition; a condition that holds for every z (e^z nonzero), or one
the left side needs too, still lets the step be verified."""

from __future__ import annotations

from helpers import check_document_rows


def _status(tmp_path, equation: str) -> dict:
    (step,) = check_document_rows(tmp_path, equation)
    return step


def test_a_division_the_left_side_does_not_need_is_not_verified(tmp_path):
    step = _status(tmp_path, r"\int p(z) \, dz = \int q(z) \frac{p(z)}{q(z)} \, dz")
    assert step["status"] == "unknown"
    assert "for every z" in step["reason"]
    step = _status(tmp_path, r"\log \int p(z) \, dz = \log \int q(z) \frac{p(z)}{q(z)} \, dz")
    assert step["status"] == "unknown"


def test_a_condition_that_always_holds_or_that_both_sides_need_is_no_obstacle(tmp_path):
    assert (
        _status(tmp_path, r"\int f(x) \, dx = \int e^{x} \frac{f(x)}{e^{x}} \, dx")["status"]
        == "verified"
    )
    assert (
        _status(tmp_path, r"\int q(z) \frac{p(z)}{q(z)} \, dz = \int p(z) \, dz")["status"]
        == "verified"
    )
