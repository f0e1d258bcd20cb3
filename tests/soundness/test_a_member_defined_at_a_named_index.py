r"""A member defined at a named index is that value wherever the index takes a number.

Found by a helper on a Japanese post (multinomial MLE): ``p_m = 1 - \sum_{j=1}^{m-1} p_j``, then
the valid ``\sum_{j=1}^{m} p_j = 1`` was REFUTED at m = 6 with p_6 = 5/8, a value the author's
definition does not allow (it gives p_6 = 1 - (p_1 + ... + p_5)). The definition is now an
equation every counterexample must satisfy (engine._givens)."""

from __future__ import annotations

from helpers import check_document_rows

DEFINITION = r"p_m = 1-\sum_{j=1}^{m-1} p_j"


def test_the_valid_step_is_not_refuted(tmp_path):
    steps = check_document_rows(tmp_path, DEFINITION, r"\sum_{j=1}^m p_j = 1", assume="m >= 2")
    assert steps[-1]["status"] != "refuted", steps[-1]


def test_a_wrong_one_is_refuted_with_the_member_the_definition_gives(tmp_path):
    steps = check_document_rows(tmp_path, DEFINITION, r"\sum_{j=1}^m p_j = 2", assume="m >= 2")
    assert steps[-1]["status"] == "refuted", steps[-1]


def test_the_definition_holds_at_its_own_index_only(tmp_path):
    # a third red-team: read as a rule for every member (its body names m), p_1 = 1 was verified
    steps = check_document_rows(tmp_path, DEFINITION, r"p_1 = 1", assume="m >= 2")
    assert steps[-1]["status"] != "verified", steps[-1]
    steps = check_document_rows(
        tmp_path, DEFINITION, r"p_{m-1} = 1 - \sum_{j=1}^{m-2} p_j", assume="m >= 2"
    )
    assert steps[-1]["status"] != "verified", steps[-1]
