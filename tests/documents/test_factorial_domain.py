"""x! is defined for x >= 0 (the checker's domain of a factorial): a counterexample never
takes a factorial's argument negative, also for x_i! inside a product over i, which the
step's domain does not reach before the product is expanded (the Poisson log-likelihood was
refuted at x_1 = -31/8, where Gamma's values make the logarithm complex)."""

from __future__ import annotations

from helpers import check_document_rows

LIKELIHOOD = r"L(\lambda) = \prod_{i=1}^{n} \frac{\lambda^{x_i} e^{-\lambda}}{x_i!}"
LOG = r"\log L(\lambda) = \sum_{i=1}^{n} x_i \log \lambda - n\lambda - \sum_{i=1}^{n} \log x_i!"
WRONG = r"\log L(\lambda) = \sum_{i=1}^{n} x_i \log \lambda - \sum_{i=1}^{n} \log x_i!"


def _steps(tmp_path, *equations: str) -> list[dict]:
    return check_document_rows(tmp_path, *equations, assume="lambda > 0")


def test_the_poisson_log_likelihood_is_not_refuted_by_negative_counts(tmp_path):
    steps = _steps(tmp_path, LIKELIHOOD, LOG)
    assert steps[-1]["status"] in ("verified", "unknown"), steps[-1]


def test_a_wrong_log_likelihood_is_refuted_at_nonnegative_counts(tmp_path):
    steps = _steps(tmp_path, LIKELIHOOD, WRONG)
    assert steps[-1]["status"] == "refuted"
    values = steps[-1]["counterexample"]["values"]
    counts = [v for k, v in values.items() if k.startswith("x_")]
    assert counts and all(not v.startswith("-") for v in counts), values


def test_a_difference_of_2_pi_i_is_the_logs_branch_not_a_counterexample(tmp_path):
    """\\log \\prod_i a^{x_i} = \\sum_i x_i \\log a was refuted at a = -2, where the two sides
    differ by 2 pi i (the branch of the complex logarithm): unknown now, naming a > 0, as the
    single log_pow step is; a wrong factor is still refuted."""
    step = check_document_rows(
        tmp_path, r"\log \prod_{i=1}^{n} a^{x_i} = \sum_{i=1}^{n} x_i \log a"
    )[-1]
    assert step["status"] == "unknown" and "a > 0" in step["reason"]
    wrong = check_document_rows(
        tmp_path, r"\log \prod_{i=1}^{n} a^{x_i} = \sum_{i=1}^{n} 2 x_i \log a"
    )[-1]
    assert wrong["status"] == "refuted"
