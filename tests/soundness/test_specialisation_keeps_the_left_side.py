"""A specialisation puts values in only for symbols the row's left side no longer names.

Found while testing the reading of ``\\frac{d}{dt}\\{...\\}``: after the verified row
``\\frac{d}{dt}(a e^t + 1 - a) = a e^t``, the FALSE row ``\\frac{d}{dt}(a e^t + 1 - a) = e^t``
was VERIFIED as "the equation before with a = 1" (specialize). Its left side still holds a: it
is a claim for every a, not the case a = 1."""

from __future__ import annotations

from helpers import check_document_rows

DERIVATIVE = r"\frac{d}{d t} ( a e^t + 1 - a )"


def statuses(tmp_path, *rows):
    return [s["status"] for s in check_document_rows(tmp_path, *rows)]


def test_a_row_whose_left_side_keeps_the_symbol_is_no_special_case(tmp_path):
    got = statuses(tmp_path, DERIVATIVE + " = a e^t", DERIVATIVE + " = e^t")
    assert got == ["verified", "refuted"]


def test_a_row_whose_left_side_does_not_name_it_still_specialises(tmp_path):
    # M = a e^t + 1 - a = e^t: the case a = 1, named; unknown while the prose does not state it
    # (stop 36), verified for that case once it does
    steps = check_document_rows(
        tmp_path, r"\begin{aligned} M &= a e^t + 1 - a \\ &= e^t \end{aligned}"
    )
    assert steps[-1]["status"] == "unknown", steps[-1]
    assert "a = 1" in steps[-1]["reason"]
