"""A document's row that writes a name for the first time (not declared, not defined, in no
row before) names it in passing: ``L = -\\sum_j y_j \\log p_j = -\\sum_j \\ell_j`` says what
the new l_j are, it does not claim the sum equal for every l. A counterexample that gives the
new name a value is no refutation: the step is ``unknown``, naming the new name. A wrong step
whose counterexample leaves the new names alone, or a name declared or seen before, is still
refuted."""

from __future__ import annotations

from helpers import check_document_rows


def _steps(tmp_path, *equations: str, assume: str | None = None) -> list[dict]:
    return check_document_rows(tmp_path, *equations, assume=assume)


CE = r"L = -\sum_{j=1}^{C} y_j \log p_j \\ = -\sum_{j=1}^{C} \ell_j"


def test_a_continuation_naming_a_new_family_is_unknown_naming_it(tmp_path):
    steps = _steps(tmp_path, CE)
    assert [s["status"] for s in steps] == ["definition", "unknown"]
    assert "\\ell" in steps[1]["reason"] and "first time" in steps[1]["reason"]


def test_a_row_naming_a_new_symbol_is_unknown(tmp_path):
    steps = _steps(tmp_path, r"a = b + 1 \\ = c + 2")
    assert [s["status"] for s in steps] == ["definition", "unknown"]
    assert "first time" in steps[1]["reason"]


def test_the_same_name_seen_before_is_refuted(tmp_path):
    steps = _steps(tmp_path, "c = 5", r"a = b + 1 \\ = c + 2")
    assert [s["status"] for s in steps][-1] == "refuted"


def test_a_declared_name_is_no_new_name(tmp_path):
    steps = _steps(tmp_path, r"a = b + 1 \\ = c + 2", assume="c real")
    assert steps[-1]["status"] == "refuted"


def test_a_wrong_step_with_old_names_only_is_still_refuted(tmp_path):
    steps = _steps(tmp_path, r"L = -\sum_{j=1}^{C} y_j \log p_j \\ = -\sum_{j=1}^{C} p_j \log y_j")
    assert [s["status"] for s in steps] == ["definition", "refuted"]


def test_a_row_of_its_own_with_new_names_claims_it_for_every_value(tmp_path):
    steps = _steps(tmp_path, "s = 1", "(a + b)^2 = a^2 + b^2")
    assert steps[-1]["status"] == "refuted"


BERNOULLI = (
    r"\ell(\theta) = \sum_{n=1}^{N} \left\{ x_n \ln \theta + (1 - x_n) \ln (1-\theta) \right\} "
    r"\\ = m \ln \theta + (N - m) \ln(1-\theta)"
)


def test_a_later_row_refuted_only_by_a_value_of_a_name_met_in_passing_is_unknown(tmp_path):
    """m (the number of ones, said in prose only) met in passing: the derivative's row after
    it is not refuted by a value of m either, and says where m was met."""
    rows = [BERNOULLI, r"\frac{d \ell}{d \theta} = \frac{m}{\theta} - \frac{N-m}{1-\theta}"]
    steps = _steps(tmp_path, *rows, assume="0 < theta < 1")
    assert [s["status"] for s in steps][-2:] == ["unknown", "unknown"]
    assert "named in passing at line" in steps[-1]["reason"]


def test_a_later_row_wrong_whatever_the_name_met_in_passing_is_still_refuted(tmp_path):
    rows = [BERNOULLI, r"\frac{d \ell}{d \theta} = \frac{1}{\theta}"]
    steps = _steps(tmp_path, *rows, assume="0 < theta < 1")
    assert steps[-1]["status"] == "refuted"
