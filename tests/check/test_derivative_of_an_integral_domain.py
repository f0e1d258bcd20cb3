r"""A derivative of an integral needs what the derivative of its integrand needs, not what
SymPy's closed form of the integral divides by: ``\int e^{tx} e^{-x^2/2} dx`` comes back over t,
and its derivative at t = 0 was "defined nowhere" (0 \neq 0). A derivative that does not exist
(of \sqrt{t} at 0) still is."""

from __future__ import annotations

from helpers import check_document_rows

MGF = r"\left. \frac{d}{dt} \int_{-\infty}^{\infty} e^{tx} e^{-x^2} dx \right|_{t=0}"


def test_the_derivative_of_a_moment_generating_integral_at_zero_is_defined(tmp_path):
    (step,) = check_document_rows(tmp_path, MGF + " = 0")
    assert "defined nowhere" not in step["reason"]
    assert step["status"] == "unknown"  # differentiating under the integral: its condition
    assert "dominated convergence" in step["reason"]


def test_a_derivative_that_does_not_exist_is_still_defined_nowhere(tmp_path):
    row = r"\left. \frac{d}{dt} \int_{0}^{1} \sqrt{t} x dx \right|_{t=0} = 0"
    (step,) = check_document_rows(tmp_path, row)
    assert step["status"] == "unknown"
    assert "defined nowhere" in step["reason"]
