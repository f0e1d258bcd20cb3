r"""A member written as a product's or sum's upper bound counts its terms: an undeclared family
of nonnegative integers, as a name there is.

Found on the corpus (en/multinomial-mle-attempt-math-stackexchange line 10) when a later link
before an arrow stopped being a premise: \prod_i \prod_{k=1}^{n_i} \pi_i = \prod_i \pi_i^{n_i}
was refuted at n_1 = -2."""

from __future__ import annotations

from helpers import check_document_rows

LEFT = r"\prod_{i=1}^{p} \prod_{k=1}^{n_i} \pi_i"


def test_equal_factors_make_a_power(tmp_path):
    steps = check_document_rows(tmp_path, LEFT + r" = \prod_{i=1}^{p} \pi_i^{n_i}")
    assert steps[-1]["status"] == "verified", steps[-1]


def test_a_wrong_power_is_refuted(tmp_path):
    steps = check_document_rows(tmp_path, LEFT + r" = \prod_{i=1}^{p} \pi_i^{n_i + 1}")
    assert steps[-1]["status"] == "refuted", steps[-1]
    assert "n_{1} = -" not in str(steps[-1]["counterexample"]), steps[-1]


def test_a_plain_total_of_the_same_letter(tmp_path):
    # a red team (s52 rt4): n = \sum_i n_i (a plain n defined) left the family n real
    steps = check_document_rows(
        tmp_path, r"n = \sum_{i=1}^{m} n_i", r"\prod_{i=1}^{m} \prod_{k=1}^{n_i} \pi_i = "
        r"\prod_{i=1}^{m} \pi_i^{n_i}"
    )  # fmt: skip
    assert steps[-1]["status"] == "verified", steps[-1]
