"""``a \\approx 73.66`` and ``a \\simeq 73.66`` before a decimal: the exact value of a rounds to
the decimal at its number of digits after the point (check/engine.py ``_approximation``, the
rule ``approximation``). Through the command line, on small Markdown documents."""

from __future__ import annotations

import pytest
from helpers import check_document_rows

from eqchain.errors import UnsupportedLatex
from eqchain.latex.read import read_formula


def last(tmp_path, *rows, assume=None):
    return check_document_rows(tmp_path, *rows, assume=assume)[-1]


def test_the_digits_after_the_point_are_read_with_the_relation():
    assert read_formula(r"a \simeq 73.66").relations == ("", "approx:2")
    assert read_formula(r"a \approx 74").relations == ("", "approx:0")
    assert read_formula(r"a \approx -0.5").relations == ("", "approx:1")


@pytest.mark.parametrize("side", [r"\frac{1}{3}", "x", "1.5x", r"0.3\ldots"])
def test_an_approximation_to_anything_but_a_decimal_is_unreadable(side):
    with pytest.raises(UnsupportedLatex, match="a decimal written out"):
        read_formula(rf"a \approx {side}")


def test_a_value_that_rounds_to_the_decimal_is_verified(tmp_path):
    step = last(tmp_path, r"\hat{\sigma}^2 = \cfrac{ 736.5795 }{10} \simeq 73.66")
    assert step["status"] == "verified"
    assert step["rules"] == ["approximation"]
    assert step["relation"] == "approx"


def test_a_tie_rounds_either_way(tmp_path):
    assert last(tmp_path, r"\frac{1}{8} \approx 0.12")["status"] == "verified"
    assert last(tmp_path, r"\frac{1}{8} \approx 0.13")["status"] == "verified"


def test_a_value_that_does_not_round_to_the_decimal_is_refuted(tmp_path):
    step = last(tmp_path, r"\frac{2}{3} \approx 0.666")
    assert step["status"] == "refuted"
    assert step["counterexample"]["rhs"] == "0.666"
    assert last(tmp_path, r"\frac{1}{8} \approx 0.2")["status"] == "refuted"


def test_an_irrational_value_is_refuted_only_when_far_and_never_verified(tmp_path):
    assert last(tmp_path, r"\sqrt{2} \approx 1.42")["status"] == "refuted"
    step = last(tmp_path, r"\sqrt{2} \approx 1.41")
    assert step["status"] == "unknown"
    assert "not rational" in step["reason"]


def test_a_symbol_is_no_number_to_round(tmp_path):
    step = last(tmp_path, r"a \approx 1.5")
    assert step["status"] == "unknown"
    assert "approximation needs a number" in step["reason"]


def test_a_definition_before_unfolds_into_the_value(tmp_path):
    steps = check_document_rows(tmp_path, r"s = \frac{1}{3}", r"2 s \approx 0.67")
    assert [s["status"] for s in steps] == ["definition", "verified"]
    steps = check_document_rows(tmp_path, r"s = \frac{1}{3}", r"2 s \approx 0.66")
    assert [s["status"] for s in steps] == ["definition", "refuted"]


def test_a_chain_through_an_approximation_states_an_approximation(tmp_path):
    steps = check_document_rows(tmp_path, r"\frac{1}{3} \approx 0.33 = \frac{33}{100}")
    assert [s["status"] for s in steps] == ["verified", "verified"]
    assert steps[-1]["relation"] == "approx"  # 1/3 is not 33/100
