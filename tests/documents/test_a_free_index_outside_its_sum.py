r"""A member written with the index of a sum outside that sum (a per-sample factor left outside
\sum_i, hkawabata's logistic-regression gradient): the free index takes the sum's range, matched
by its letter (the sum's variable is an integer, the free letter only real), and a chain whose
left side is the logarithm of a product of an unknown density (defined where the product is not
zero, as it is for a density that is 1) does not keep the link from being refuted."""

from __future__ import annotations

from helpers import check_document_rows

LIKELIHOOD = r"\ell = \log \prod_{i=1}^{n} p(y_i)"


def test_a_factor_moved_into_the_sum_is_refuted(tmp_path):
    chain = LIKELIHOOD + r" = \left(\sum_{i=1}^{n} a_i\right) b_i = \sum_{i=1}^{n} a_i b_i"
    steps = check_document_rows(tmp_path, chain)
    assert steps[-1]["status"] == "refuted"
    values = steps[-1]["counterexample"]["values"]
    assert values["n"] not in ("0", "1")  # the sum holds more than the member named


def test_the_same_link_with_the_factor_inside_is_verified(tmp_path):
    chain = LIKELIHOOD + r" = \sum_{i=1}^{n} a_i b_i = \sum_{i=1}^{n} b_i a_i"
    steps = check_document_rows(tmp_path, chain)
    assert steps[-1]["status"] == "verified"


def test_an_unwritten_range_is_refuted_at_every_length_from_two(tmp_path):
    (step,) = check_document_rows(tmp_path, r"\left(\sum_i a_i\right) b_i = \sum_i a_i b_i")
    assert step["status"] == "refuted"
    assert any("every length" in w for w in step["warnings"])
