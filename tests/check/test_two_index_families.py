"""A free member of a two-index family (x_{pq} beside \\sum_{i=1}^{m} \\sum_{j=1}^{n} x_{ij}) lies
in the ranges its family is summed over, each index position its own: the derivative of such a
sum by it is verified (issue 12: the sum_kronecker rule for two-index families). Through the
command line."""

from __future__ import annotations

import pytest
from helpers import check_document_rows

DOUBLE = r"\sum_{i=1}^{m} \sum_{j=1}^{n}"


@pytest.mark.parametrize(
    "row",
    [
        rf"\frac{{\partial}}{{\partial x_{{pq}}}} {DOUBLE} t_{{ij}} x_{{ij}} y = t_{{pq}} y",
        rf"\frac{{\partial}}{{\partial x_{{pq}}}} {DOUBLE} x_{{ij}}^2 = 2 x_{{pq}}",
        r"\frac{\partial}{\partial x_{pq}} \sum_{i, j} t_{ij} x_{ij} = t_{pq}",
        r"\frac{\partial}{\partial x_{pq}} \log \sum_{k=1}^n \exp(x_{pk}) = "
        r"\frac{\exp(x_{pq})}{\sum_{k=1}^n \exp(x_{pk})}",
    ],
)
def test_the_derivative_of_a_sum_by_a_member_of_a_two_index_family(tmp_path, row):
    assert check_document_rows(tmp_path, row)[0]["status"] == "verified"


@pytest.mark.parametrize(
    "row",
    [
        rf"\frac{{\partial}}{{\partial x_{{pq}}}} {DOUBLE} x_{{ij}}^2 = 2 x_{{qp}}",
        # the diagonal: 0 where p \neq q
        r"\frac{\partial}{\partial x_{pq}} \sum_{i=1}^{m} x_{ii} y = y",
        # a triangle: j runs to i, so x_{pq} with q > p is no term
        r"\frac{\partial}{\partial x_{pq}} \sum_{i=1}^{m} \sum_{j=1}^{i} x_{ij} y = y",
    ],
)
def test_a_wrong_derivative_by_a_member_is_refuted(tmp_path, row):
    assert check_document_rows(tmp_path, row)[0]["status"] == "refuted"


def test_a_member_of_a_family_summed_over_two_ranges_is_not_placed(tmp_path):
    # x_{0q} is a term of the second sum only: p need not lie in 1..m
    steps = check_document_rows(
        tmp_path,
        rf"S = {DOUBLE} x_{{ij}} + \sum_{{i=0}}^{{m}} \sum_{{j=1}}^{{n}} x_{{ij}}",
        rf"\frac{{\partial}}{{\partial x_{{pq}}}} {DOUBLE} x_{{ij}} y = y",
    )
    assert steps[-1]["status"] != "verified"  # refuted at a p outside every range


def test_a_family_also_written_with_one_index_is_not_placed(tmp_path):
    # x_i beside x_{ij}: no one family (a red team's: verified, p outside 1..m at m = 1)
    steps = check_document_rows(
        tmp_path,
        r"\sum_{i=1}^{m} x_i = 1",
        rf"\frac{{\partial}}{{\partial x_{{pq}}}} {DOUBLE} x_{{ij}} y = y",
    )
    assert steps[-1]["status"] != "verified"
