"""The body of ``\\sum``/``\\prod`` ends before a later ``\\sum``/``\\prod``/``\\int`` factor
that does not use its index: ``\\prod_k a_k \\prod_k b_k`` is two products, the conventional
reading (read as one product over k of a_k times the inner product, a valid identity was
refuted). A later operator that uses the index (``\\sum_i x_i \\sum_j y_{ij}``), or one first in
the body (``\\sum_i \\sum_j x_{ij}``), is nested."""

from __future__ import annotations

import json

from helpers import run_eqchain


def _document(tmp_path, *equations: str) -> list[str]:
    doc = tmp_path / "d.md"
    doc.write_text("".join(f"Text.\n\n$$\n{e}\n$$\n\n" for e in equations), encoding="utf-8")
    ran = run_eqchain("check", "--no-cache", "--format", "json", str(doc))
    return [s["status"] for s in json.loads(ran.stdout)["derivations"][0]["steps"]]


def _file(tmp_path, claim: str) -> list[str]:
    path = tmp_path / "d.toml"
    path.write_text(
        "[symbols]\n"
        'K = "integer positive"\n'
        'a = { index = "k", range = "1..K" }\n'
        'b = { index = "k", range = "1..K" }\n'
        f"\n[[steps]]\nclaim = '{claim}'\n",
        encoding="utf-8",
    )
    ran = run_eqchain("check", "--no-cache", "--format", "json", str(path))
    return [s["status"] for s in json.loads(ran.stdout)["derivations"][0]["steps"]]


PRODUCTS = r"\prod_{k=1}^{K} a_k \prod_{k=1}^{K} b_k"


def test_two_products_over_the_same_index_are_two_factors(tmp_path):
    assert _document(tmp_path, PRODUCTS + r" = \prod_{k=1}^{K} a_k b_k") == ["verified"]


def test_two_products_over_the_same_index_are_not_one_nested_product(tmp_path):
    # the nested reading: prod_k (a_k prod_k b_k) = (prod_k a_k)(prod_k b_k)^K
    claim = PRODUCTS + r" = \prod_{k=1}^{K} a_k \left(\prod_{j=1}^{K} b_j\right)^{K}"
    assert _document(tmp_path, "K = 2", claim) == ["definition", "refuted"]


def test_a_product_of_two_sums_is_not_the_sum_of_products(tmp_path):
    claim = r"\sum_{k=1}^{2} a_k \sum_{k=1}^{2} b_k = \sum_{k=1}^{2} a_k b_k"
    assert _document(tmp_path, claim) == ["refuted"]


def test_two_sums_over_different_indices_are_two_factors(tmp_path):
    claim = r"\sum_{i=1}^{2} x_i \sum_{j=1}^{2} y_j = (x_1 + x_2)(y_1 + y_2)"
    assert _document(tmp_path, claim) == ["verified"]


def test_a_later_sum_that_uses_the_index_is_nested(tmp_path):
    claim = r"\sum_{i=1}^{2} x_i \sum_{j=1}^{2} i y_j = x_1 y_1 + x_1 y_2 + 2 x_2 y_1 + 2 x_2 y_2"
    assert _document(tmp_path, claim) == ["verified"]
    wrong = (
        r"\sum_{i=1}^{2} x_i \sum_{j=1}^{2} i y_j = 2 x_1 y_1 + 2 x_1 y_2 + 2 x_2 y_1 + 2 x_2 y_2"
    )
    assert _document(tmp_path, wrong) == ["refuted"]


def test_a_later_sum_whose_range_uses_the_index_is_nested(tmp_path):
    claim = r"\sum_{i=1}^{2} x_i \sum_{j=1}^{i} y_j = x_1 y_1 + x_2 y_1 + x_2 y_2"
    assert _document(tmp_path, claim) == ["verified"]


def test_a_sum_first_in_the_body_is_nested(tmp_path):
    # (a sum of two limits is not expanded by the prover yet: unknown, never refuted)
    claim = r"\sum_{i=1}^{2} \sum_{j=1}^{i} x_j = 2 x_1 + x_2"
    assert _document(tmp_path, claim) in (["verified"], ["unknown"])
    wrong = r"\sum_{i=1}^{2} \sum_{j=1}^{2} x_i y_j = x_1 y_1 + x_2 y_2"  # four terms
    assert _document(tmp_path, wrong) == ["refuted"]


def test_derivation_file_two_products_are_two_factors(tmp_path):
    assert _file(tmp_path, PRODUCTS + r" = \prod_{k=1}^{K} a_k b_k") == ["verified"]


def test_derivation_file_two_sums_are_not_the_sum_of_products(tmp_path):
    claim = r"\sum_{k=1}^{K} a_k \sum_{k=1}^{K} b_k = \sum_{k=1}^{K} a_k b_k"
    assert _file(tmp_path, claim) == ["refuted"]


def test_a_body_in_brackets_is_the_whole_body(tmp_path):
    # the brackets close the body: the product over k of (a_k times the inner product) is the
    # nested reading, (prod_k a_k)(prod_j b_j)^K, whatever the inner operator's index
    nested = r"\prod_{k=1}^{K} \left(a_k \prod_{j=1}^{K} b_j\right)"
    assert _document(
        tmp_path,
        "K = 2",
        nested + r" = \left(\prod_{k=1}^{K} a_k\right) \left(\prod_{j=1}^{K} b_j\right)^{K}",
    ) == ["definition", "verified"]
    assert _document(tmp_path, "K = 2", nested + r" = \prod_{k=1}^{K} a_k \prod_{j=1}^{K} b_j") == [
        "definition",
        "refuted",
    ]
