r"""What was shown about a name holds for the meaning it had then, not after a redefinition.

Found by a helper on a real post (a binary cross-entropy walk-through reusing ``L_i`` for each
example): ``L = 2 + 3 = 5``, then ``L = x^2`` (a redefinition, with its warning), then the false
``x^2 = 5`` was VERIFIED: the verified ``L = 5`` about the earlier L was still a fact. A
redefinition now takes back every fact, given and instance that mentions the name."""

from __future__ import annotations

import pytest
from helpers import check_document_rows


@pytest.mark.parametrize(
    "rows",
    [
        (r"L = 2 + 3 = 5", r"L = x^2", r"x^2 = 5"),
        (r"f(x) = x + 1 = 1 + x", r"f(x) = x^2", r"x^2 = 1 + x"),
        (r"L = 2 + 3 = 5", r"L = x^2", r"L = 2 + 3 = 5", r"x^2 = 5"),
    ],
)
def test_a_fact_about_the_old_meaning_proves_nothing(tmp_path, rows):
    steps = check_document_rows(tmp_path, *rows)
    assert steps[-1]["status"] != "verified", steps[-1]


def test_the_new_meaning_is_used(tmp_path):
    steps = check_document_rows(tmp_path, r"L = 2 + 3 = 5", r"L = x^2", r"L = x \cdot x")
    assert steps[-1]["status"] == "verified", steps[-1]
    # written again right after, in the same names, it reads as a restatement: false as one,
    # unknown (stop 36; it was a redefinition with a warning, exit 0)
    wrong = check_document_rows(tmp_path, r"L = 2 + 3 = 5", r"L = x^2", r"L = 2 x")
    assert wrong[-1]["status"] == "unknown", wrong[-1]
    assert "reads as a restatement" in wrong[-1]["reason"], wrong[-1]
    # with a row between, a new meaning (a later example reusing the name), told if false
    later = check_document_rows(tmp_path, r"L = x^2", r"y = 1", r"L = 2 x")
    assert later[-1]["status"] == "definition", later[-1]
    assert "it is false" in " ".join(later[-1]["warnings"]), later[-1]


@pytest.mark.parametrize(
    "rows",
    [
        # a second red-team: facts about names defined from the earlier meaning
        (r"L = 5", r"M = L + 1 = 6", r"L = x^2", r"x^2 = 5"),
        (r"L = 2 + 3 = 5", r"g(t) = L t", r"g(1) = 5", r"L = x^2", r"x^2 = 5"),
        (r"L = 3 z^2", r"M = L + z", r"\frac{dM}{dz} = 6z + 1", r"L = z^3", r"3z^2 + 1 = 6z + 1"),
        (r"f(x) = x + 1", r"g(x) = f(x) + 1 = x + 2", r"f(x) = x^2", r"x^2 + 1 = x + 2"),
        # a third red-team: a family redefined (its generic member)
        (r"a_k = k", r"b_k = 2 a_k", r"b_3 = 6", r"a_k = k^2", r"b_3 = 6"),
        (r"a_k = k", r"S = \sum_{k=1}^{3} a_k = 6", r"a_k = k^2", r"\sum_{k=1}^{3} k^2 = 6"),
    ],
)
def test_what_was_shown_about_names_defined_from_it_is_forgotten(tmp_path, rows):
    steps = check_document_rows(tmp_path, *rows)
    assert steps[-1]["status"] != "verified", steps[-1]


def test_names_defined_from_it_follow_the_new_meaning(tmp_path):
    # a formula reused in the next example: M = L + 1 is about the L of the moment
    steps = check_document_rows(tmp_path, r"L = 5", r"M = L + 1", r"L = x^2", r"M = x^2 + 1")
    assert steps[-1]["status"] == "verified", steps[-1]
    steps = check_document_rows(tmp_path, r"a_k = k", r"b_k = 2 a_k", r"a_k = k^2", r"b_3 = 18")
    assert steps[-1]["status"] == "verified", steps[-1]


def test_a_row_about_the_name_by_itself_is_a_claim_and_the_rest_is_checked(tmp_path):
    # a third red-team: L = L + 1 after L = 5 stopped the whole document (exit 2) as "the
    # definition of L uses L itself", so the false 2 + 2 = 5 after it was never checked
    steps = check_document_rows(tmp_path, r"L = 5", r"L = L + 1", r"2 + 2 = 5")
    assert [s["status"] for s in steps] == ["definition", "refuted", "refuted"], steps
