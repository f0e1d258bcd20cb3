"""Issue 13, class 1: bound variables of nested sums and products with dependent bounds.

In ``\\sum_{k=1}^{3} \\sum_{j=k}^{k+1} j`` the k of the inner bounds is the outer sum's variable:
renaming the outer variable renames it there too, a counterexample never gives it a value, and a
domain condition never mentions it as if it were free. Each false claim has its true twin, which
is verified (and re-judged by the numeric oracle); the false one is refuted when its ranges are
concrete, and never verified.
"""

from __future__ import annotations

import pytest

from eqchain.model import Verdict

from .judged import check_file, check_markdown, claims
from .redteam import derivation, document, summary

S = 'K = "integer positive"\nn = "integer"\nx = "real"'

# (name, false claim, true twin, the false claim's ranges are all concrete)
CASES = [
    (
        "outer_range_shifted",
        r"\sum_{k=1}^{3}\sum_{j=k}^{k+1} j = \sum_{k=4}^{6}\sum_{j=k}^{k+1} j",
        r"\sum_{k=1}^{3}\sum_{j=k}^{k+1} j = 15",
        True,
    ),
    (
        "outer_variable_renamed_with_a_wider_inner_range",
        r"\sum_{i=1}^{3}\sum_{j=i}^{i+1} j = \sum_{k=1}^{3}\sum_{j=k}^{k+2} j",
        r"\sum_{i=1}^{3}\sum_{j=i}^{i+1} j = \sum_{k=1}^{3}\sum_{j=k}^{k+1} j",
        True,
    ),
    (
        "triangle_count",
        r"\sum_{k=1}^{K}\sum_{j=1}^{k} 1 = \frac{K(K-1)}{2}",
        r"\sum_{k=1}^{K}\sum_{j=1}^{k} 1 = \frac{K(K+1)}{2}",
        False,
    ),
    (
        "inner_closed_form",
        r"\sum_{k=1}^{K}\sum_{j=1}^{k} j = \sum_{k=1}^{K} \frac{k(k-1)}{2}",
        r"\sum_{k=1}^{K}\sum_{j=1}^{k} j = \sum_{k=1}^{K} \frac{k(k+1)}{2}",
        False,
    ),
    (
        "nested_product_of_twos",
        r"\prod_{k=1}^{3}\prod_{j=1}^{k} 2 = 2^{5}",
        r"\prod_{k=1}^{3}\prod_{j=1}^{k} 2 = 2^{6}",
        True,
    ),
    (
        "inner_lower_bound_from_the_outer_variable",
        r"\sum_{k=1}^{4}\sum_{j=k}^{4} 1 = 9",
        r"\sum_{k=1}^{4}\sum_{j=k}^{4} 1 = 10",
        True,
    ),
    (
        "free_symbol_in_the_body",
        r"\sum_{k=1}^{3}\sum_{j=1}^{k} x = 5 x",
        r"\sum_{k=1}^{3}\sum_{j=1}^{k} x = 6 x",
        True,
    ),
    (
        "three_levels",
        r"\sum_{i=1}^{2}\sum_{j=1}^{i}\sum_{k=j}^{i} 1 = 5",
        r"\sum_{i=1}^{2}\sum_{j=1}^{i}\sum_{k=j}^{i} 1 = 4",
        True,
    ),
    (
        "bound_variable_named_like_a_free_symbol",
        r"n + \sum_{n=1}^{3}\sum_{j=n}^{3} 1 = n + 7",
        r"n + \sum_{n=1}^{3}\sum_{j=n}^{3} 1 = n + 6",
        True,
    ),
    (
        "both_variables_renamed",
        r"\sum_{k=1}^{K}\sum_{j=1}^{k} 1 = \sum_{j=1}^{K}\sum_{k=1}^{K} 1",
        r"\sum_{k=1}^{K}\sum_{j=1}^{k} 1 = \sum_{j=1}^{K}\sum_{k=1}^{j} 1",
        False,
    ),
    (
        "inner_upper_bound_twice_the_outer_variable",
        r"\sum_{k=1}^{3}\sum_{j=1}^{2 k} 1 = 6",
        r"\sum_{k=1}^{3}\sum_{j=1}^{2 k} 1 = 12",
        True,
    ),
    (
        "product_of_dependent_sums",
        r"\prod_{k=1}^{3}\sum_{j=1}^{k} j = 6",
        r"\prod_{k=1}^{3}\sum_{j=1}^{k} j = 18",
        True,
    ),
]


@pytest.mark.parametrize(
    ("false", "true", "concrete"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_a_false_nested_identity_is_not_verified(tmp_path, false, true, concrete):
    (result,) = claims(check_file(tmp_path, derivation(S, false)))
    assert result.verdict is not Verdict.VERIFIED, summary([result])
    if concrete:
        assert result.verdict is Verdict.REFUTED, summary([result])
    if result.counterexample is not None:
        # a bound variable is never given a value
        shown = {name for name, _ in result.counterexample.values}
        assert shown <= {"K", "n", "x"}, result.counterexample


@pytest.mark.parametrize(
    ("false", "true", "concrete"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_the_true_twin_is_verified_with_no_bound_variable_in_its_domain(
    tmp_path, false, true, concrete
):
    (result,) = claims(check_file(tmp_path, derivation(S, true)))
    assert result.verdict is Verdict.VERIFIED, summary([result])
    assert not any("j" in d or "k" in d or "i" in d for d in result.domain), result.domain


DOCUMENTS = [c for c in CASES if c[3]][:4]


@pytest.mark.parametrize(
    ("false", "true", "concrete"), [c[1:] for c in DOCUMENTS], ids=[c[0] for c in DOCUMENTS]
)
def test_in_a_document_too(tmp_path, false, true, concrete):
    (bad,) = claims(check_markdown(tmp_path, document(false), assume="x real"))
    (good,) = claims(check_markdown(tmp_path, document(true), assume="x real"))
    assert bad.verdict is Verdict.REFUTED, summary([bad])
    assert good.verdict is Verdict.VERIFIED, summary([good])
