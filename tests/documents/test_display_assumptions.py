r"""A display row that only bounds names no display before it writes (``\alpha > 0,\ \beta > 0``,
``\lambda > 0``: a law's parameters, before 「を満たす必要がある」) states assumptions for the
whole document, as "Assume $\lambda > 0$." in the prose does (load.document._display_assumptions):
it was refuted at \lambda = -1 and not used, a later \log \lambda staying unknown (stop 37,
ja/repro/B1, two anemptyarchive notes)."""

from __future__ import annotations

from helpers import check_document_rows

BOUNDS = r"\alpha > 0,\ \beta > 0"


def _steps(tmp_path, *rows):
    return check_document_rows(tmp_path, *rows)


def test_the_bounds_are_assumed_and_used(tmp_path):
    steps = _steps(tmp_path, r"\lambda > 0", r"\log \lambda^2 = 2 \log \lambda")
    assert [s["status"] for s in steps] == ["verified"]


def test_a_list_of_bounds_is_assumed(tmp_path):
    steps = _steps(tmp_path, BOUNDS, r"\log (\alpha \beta) = \log \alpha + \log \beta")
    assert [s["status"] for s in steps] == ["verified"]


def test_a_wrong_step_after_them_is_refuted(tmp_path):
    steps = _steps(tmp_path, r"\lambda > 0", r"\log \lambda^2 = 3 \log \lambda")
    assert [s["status"] for s in steps] == ["refuted"]


def test_without_them_the_condition_is_named(tmp_path):
    (step,) = _steps(tmp_path, r"\log \lambda^2 = 2 \log \lambda")
    assert step["status"] == "unknown" and r"\lambda > 0" in step["reason"]


def test_a_bound_on_a_name_written_before_is_a_claim(tmp_path):
    steps = _steps(tmp_path, r"x^2 = 4", r"x > 0")
    assert steps[-1]["status"] in ("refuted", "unknown")
    assert len(steps) == 2


def test_a_bound_on_an_expression_is_a_claim(tmp_path):
    (step,) = _steps(tmp_path, r"a^2 + 1 > 0")
    assert step["status"] == "verified"


def test_contradicting_bounds_are_not_taken(tmp_path):
    steps = _steps(tmp_path, r"c > 2", r"c < 1")
    assert len(steps) == 2 and "verified" not in {s["status"] for s in steps}
