"""A document that writes one family with two numbers of indices (``x_j``, the j-th feature, and
``x_j^{(i)}``, that is ``x_{i,j}``, the j-th feature of the i-th sample; ``t_{nk}`` and ``t_k``):
two families, as the scalar ``N`` and the family ``N_k`` are two quantities. Every row is read
(it was "'x' takes 1 index(es), got 2" for every row after the second kind), nothing identifies
the two, and each is checked as its own family, end to end through the CLI."""

from __future__ import annotations

from helpers import check_document_rows


def _statuses(tmp_path, *rows: str, assume: str | None = None) -> list[str]:
    return [s["status"] for s in check_document_rows(tmp_path, *rows, assume=assume)]


FEATURE = r"z = \sum_{j=1}^{m} w_j x_j"
DERIVATIVE = r"\frac{\partial}{\partial w_j} \sum_{i=1}^{3} y^{(i)} w_j x_j^{(i)}"


def test_a_feature_and_a_feature_of_a_sample_are_both_read(tmp_path):
    valid = DERIVATIVE + r" = \sum_{i=1}^{3} y^{(i)} x_j^{(i)}"
    assert _statuses(tmp_path, FEATURE, valid)[1:] == ["verified"]


def test_a_wrong_step_with_both_is_refuted(tmp_path):
    both = r"\sum_{i=1}^{2} \sum_{j=1}^{2} x_j^{(i)}"
    swapped = both + r" = \sum_{i=1}^{2} \sum_{j=1}^{2} x_i^{(j)}"
    diagonal = both + r" = 2 \sum_{j=1}^{2} x_j^{(j)}"
    assert _statuses(tmp_path, FEATURE, swapped)[1] == "verified"
    assert _statuses(tmp_path, FEATURE, diagonal)[1] == "refuted"


def test_the_two_families_are_never_identified(tmp_path):
    for row in (r"x_j^{(i)} = x_j", r"x_{j}^{(j)} = x_j", r"t_{nk} = t_k"):
        statuses = _statuses(tmp_path, FEATURE, r"y = \sum_{n=1}^{2} t_{n1}", row)
        assert statuses[-1] not in ("verified", "unreadable"), row


def test_each_family_keeps_its_own_members(tmp_path):
    rows = (r"L = \sum_{n=1}^{2} \sum_{k=1}^{2} t_{nk}", r"y_0 = t_{0} + t_{1} - t_{1}")
    statuses = _statuses(tmp_path, *rows, r"t_{0} + t_{1} - t_{1} = t_0")
    assert statuses[-1] == "verified"
