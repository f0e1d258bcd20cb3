"""A document's derivative by the variance, checked end to end: valid verified where sigma is
nonzero, wrong refuted, and without sigma's sign the domain (sigma nonzero) is what it needs."""

from __future__ import annotations

from helpers import check_document_rows


def _steps(tmp_path, equation: str, assume: str | None = None) -> list[dict]:
    return check_document_rows(tmp_path, equation, assume=assume)


LL = r"-\frac{n}{2} \log \sigma^2 - \frac{S}{2 \sigma^2}"


def test_the_variance_derivative_of_the_gaussian_log_likelihood(tmp_path):
    derivative = rf"\frac{{\partial}}{{\partial \sigma^2}} \left( {LL} \right)"
    right = rf"{derivative} = -\frac{{n}}{{2\sigma^2}} + \frac{{S}}{{2\sigma^4}}"
    wrong = rf"{derivative} = -\frac{{n}}{{2\sigma^2}} + \frac{{S}}{{\sigma^3}}"
    assert [s["status"] for s in _steps(tmp_path, right, "sigma > 0")] == ["verified"]
    assert [s["status"] for s in _steps(tmp_path, wrong, "sigma > 0")] == ["refuted"]


def _statuses(tmp_path, *equations: str, assume: str | None = None) -> list[str]:
    return [s["status"] for s in check_document_rows(tmp_path, *equations, assume=assume)]


def test_a_function_of_the_variance_is_defined_and_applied(tmp_path):
    """``\\ell(\\mu, \\sigma^2) = ...`` defines a function of the square: applied at other
    arguments where its body mentions sigma only through sigma^2."""
    define = r"\ell(\mu, \sigma^2) = -\frac{1}{2} \log \sigma^2 - \frac{\mu^2}{2 \sigma^2}"
    right = r"\ell(0, 4) = -\log 2"
    wrong = r"\ell(0, 4) = -\log 4"
    assert _statuses(tmp_path, define, right) == ["definition", "verified"]
    assert _statuses(tmp_path, define, wrong) == ["definition", "refuted"]


def test_a_body_with_a_lone_sigma_is_not_applied_at_other_arguments(tmp_path):
    """The body mentions sigma alone (1/sigma): putting 4 for sigma^2 would keep the old
    sigma, so l(0, 4) stays as written, never a value with sigma in it."""
    define = r"\ell(\mu, \sigma^2) = \frac{1}{\sigma} - \mu"
    assert _statuses(tmp_path, define, r"\ell(0, 4) = \frac{1}{\sigma}") == [
        "definition",
        "unknown",
    ]


def test_the_derivative_by_the_variance_of_the_defined_function(tmp_path):
    define = r"\ell(\mu, \sigma^2) = -\frac{n}{2} \log \sigma^2 - \frac{S}{2 \sigma^2}"
    right = r"\frac{\partial \ell}{\partial \sigma^2} = -\frac{n}{2\sigma^2} + \frac{S}{2\sigma^4}"
    assert _statuses(tmp_path, define, right, assume="sigma > 0") == ["definition", "verified"]
