r"""A new name whose definition is not taken (its value not shown real) is never refuted by a
value of that name: ``S = \sum_{i=1}^{n} (x_i - \bar{x})^2`` was REFUTED at S = 2 (a red-team;
the usual S_{xx}, S_{xy} of a regression post broke the same way). It is unknown, saying why."""

from __future__ import annotations

from helpers import check_document_rows


def test_the_sum_of_squared_deviations(tmp_path):
    steps = check_document_rows(tmp_path, r"S = \sum_{i=1}^{n} (x_i - \bar{x})^2")
    assert steps[0]["status"] == "unknown", steps[0]
    assert "not a definition" in steps[0]["reason"]
    # with the sample size declared it is a definition, as before
    steps = check_document_rows(tmp_path, r"S = \sum_{i=1}^{n} (x_i - \bar{x})^2", assume="n >= 1")
    assert steps[-1]["status"] == "definition", steps[-1]


def test_a_definition_against_a_declaration_is_still_refuted(tmp_path):
    steps = check_document_rows(tmp_path, r"x = -1", assume="x > 0")
    assert steps[-1]["status"] == "refuted", steps[-1]
