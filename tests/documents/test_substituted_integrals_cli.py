"""Issue 11, end to end: integrals written after a substitution, ``\\int_{-\\infty - \\mu}^{+\\infty
- \\mu} f(z) \\, \\mathrm{d}(z + \\mu)`` (StatProofBook's normal moments). The differential of an
expression is its derivative times the differential of its one variable the limits do not name;
a limit written with an infinity and more is the infinity SymPy's extended arithmetic gives under
the assumptions (mu real, so finite: -oo - mu is -oo), else the formula is unreadable, saying so."""

from __future__ import annotations

from helpers import check_document_rows

ROWS = (
    r"\int_{-\infty-\mu}^{+\infty-\mu} e^{-z^2} \, \mathrm{d}(z + \mu) = \sqrt{\pi}",  # valid
    r"\int_{-\infty-\mu}^{+\infty-\mu} e^{-z^2} \, \mathrm{d}(z + \mu) = 2 \sqrt{\pi}",  # wrong
    # converges only for a > 0, which nothing says
    r"\int_{-\infty-\mu}^{+\infty-\mu} e^{-a z^2} \, \mathrm{d}(z + \mu) = \sqrt{\frac{\pi}{a}}",
    # -oo/sigma is -oo only for sigma > 0
    r"\int_{(-\infty-\mu)/\sigma}^{(+\infty-\mu)/\sigma} e^{-u^2} \, \mathrm{d}(\sigma u + \mu)"
    r" = \sigma \sqrt{\pi}",
)


def test_substituted_integrals_are_checked(tmp_path):
    steps = check_document_rows(tmp_path, *ROWS)
    assert [s["status"] for s in steps] == ["verified", "refuted", "unknown", "unreadable"]
    assert "neither \\infty nor -\\infty" in steps[3]["reason"]


def test_a_positive_scale_makes_the_scaled_limit_infinite(tmp_path):
    steps = check_document_rows(tmp_path, *ROWS, assume="sigma > 0")
    assert steps[3]["status"] == "verified", steps[3]


def test_a_complex_shift_leaves_the_limit_unread(tmp_path):
    steps = check_document_rows(tmp_path, ROWS[0], assume="mu complex")
    assert steps[0]["status"] == "unreadable"
    assert "-\\infty - \\mu" in steps[0]["reason"]


def test_a_name_integrated_over_is_the_same_real_value_outside_its_integral(tmp_path):
    steps = check_document_rows(
        tmp_path,
        r"\int_0^1 x \, dx + x = \frac{1}{2} + x",  # true: one x outside, the integral's inside
        r"\int_0^1 x \, dx + \sin(\pi x) = \frac{1}{2} + x - x",  # false for x = 1/2
    )
    assert [s["status"] for s in steps] == ["verified", "refuted"]
