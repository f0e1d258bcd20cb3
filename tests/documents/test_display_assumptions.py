r"""A display row that only bounds names no display before it writes (``\alpha > 0,\ \beta > 0``,
``\lambda > 0``: a law's parameters, before 「を満たす必要がある」) is a condition the author
states: it was refuted at \lambda = -1 (stop 37, ja/repro/B1, two anemptyarchive notes). It is
``unknown``, saying how to assume it, and no assumption: a bound row may be one case of a proof
by cases, and taken for the whole document it verified a row false in the other case (a red
team, stop 37; load.document._display_bounds)."""

from __future__ import annotations

from helpers import check_document_rows

BOUNDS = r"\alpha > 0,\ \beta > 0"


def _steps(tmp_path, *rows):
    return check_document_rows(tmp_path, *rows)


def test_a_bound_row_is_unknown_saying_how_to_assume_it(tmp_path):
    for row in (r"\lambda > 0", BOUNDS, r"0 < p < 1"):
        step = _steps(tmp_path, row)[0]
        assert step["status"] == "unknown", row
        assert "Assume" in step["reason"] and "--assume" in step["reason"]


def test_it_is_no_assumption(tmp_path):
    # a proof by cases: x > 0 is one case; |x| x = x^2 is false for x < 0
    steps = _steps(tmp_path, r"x > 0", r"|x| x = x^2")
    assert steps[-1]["status"] == "refuted"
    (step,) = _steps(tmp_path, r"\lambda > 0", r"\log \lambda^2 = 2 \log \lambda")[1:]
    assert step["status"] == "unknown" and r"\lambda > 0" in step["reason"]


def test_a_bound_on_a_name_written_before_is_a_claim(tmp_path):
    steps = _steps(tmp_path, r"x^2 = 4", r"x > 0")
    assert steps[-1]["status"] in ("refuted", "unknown")
    assert "Assume" not in steps[-1].get("reason", "")


def test_a_bound_on_an_expression_is_a_claim(tmp_path):
    (step,) = _steps(tmp_path, r"a^2 + 1 > 0")
    assert step["status"] == "verified"


def test_a_false_bound_between_numbers_is_refuted(tmp_path):
    (step,) = _steps(tmp_path, r"2 > 3")
    assert step["status"] == "refuted"
