"""Issue 11: sums and products whose range the author did not write (``\\sum_k x_k``).

The reader runs such an index from 1 to an abstract bound ``n_k`` (README). A step that holds for
every length of that range may be verified (linearity, a constant factor); a step whose truth
depends on the range (``\\sum_i 1 = n``: true when i runs over 1..n) must never be refuted with
a length eqchain invented: it is ``unknown``, naming the unwritten range. A step false for every
range the author could mean is still not verified.
"""

from __future__ import annotations

import pytest

from eqchain.model import Verdict

from .judged import check_markdown, claims
from .redteam import document

DEPENDS_ON_THE_RANGE = [
    r"\sum_i 1 = n",
    r"\sum_k x = N x",
    r"\prod_k 2 = 2^{m}",
    r"\sum_{i,j} 1 = n^2",
    r"\sum_k (a_k + b_k) = \sum_k a_k",
]


@pytest.mark.parametrize("claim", DEPENDS_ON_THE_RANGE)
def test_a_step_that_depends_on_an_unwritten_range_is_unknown_naming_it(tmp_path, claim):
    (result,) = claims(check_markdown(tmp_path, document(claim)))
    assert result.verdict is Verdict.UNKNOWN, (claim, result.verdict, result.reason)
    assert "range" in result.reason and "not written" in result.reason


def test_the_same_step_with_its_range_written_is_refuted(tmp_path):
    (result,) = claims(check_markdown(tmp_path, document(r"\sum_{i=1}^{m} 1 = 2 m")))
    assert result.verdict is Verdict.REFUTED
    (result,) = claims(check_markdown(tmp_path, document(r"\sum_{i=1}^{m} 1 = m + n")))
    assert result.verdict is Verdict.REFUTED
    # a new name alone on the right names the left side (engine._is_reversed_definition): no
    # claim about every n, never refuted by a value of n no row fixes
    results = check_markdown(tmp_path, document(r"\sum_{i=1}^{m} 1 = n", "n - m = 0"))
    assert [r.verdict for r in results] == [Verdict.DEFINITION, Verdict.VERIFIED]


@pytest.mark.parametrize(
    "claim",
    [
        r"\sum_k (a_k + b_k) = \sum_k a_k + \sum_k b_k",
        r"\sum_k c x_k = c \sum_k x_k",
        r"\prod_k a_k b_k = \left(\prod_k a_k\right) \left(\prod_k b_k\right)",
    ],
)
def test_a_step_that_holds_for_every_range_is_verified(tmp_path, claim):
    (result,) = claims(check_markdown(tmp_path, document(claim)))
    assert result.verdict is Verdict.VERIFIED, (claim, result.reason)


def test_the_abstract_bound_is_not_a_name_the_author_wrote(tmp_path):
    r"""``n_k`` written by the author is the family n[k], not the bound of ``\sum_k``: the step
    is not verified by the two being taken for one."""
    (result,) = claims(check_markdown(tmp_path, document(r"\sum_k 1 = n_k")))
    assert result.verdict is not Verdict.VERIFIED


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        (r"\sum x_i - p \sum x_i = (1 - p) \sum x_i", Verdict.VERIFIED),
        (r"\sum x_i - p \sum x_i = (1 - p) \sum y_i", Verdict.UNKNOWN),
        (r"\sum x_i = n", Verdict.UNKNOWN),
        (r"\sum 2 x_i = 2 \sum x_i", Verdict.VERIFIED),
        (r"\sum 2 x_i = \sum x_i", Verdict.UNKNOWN),  # 0 = 0 for the empty range
    ],
)
def test_a_sum_over_the_index_its_body_names_is_checked_over_an_unwritten_range(
    tmp_path, claim, verdict
):
    (result,) = claims(check_markdown(tmp_path, document(claim)))
    assert result.verdict is verdict, (claim, result.verdict, result.reason)
