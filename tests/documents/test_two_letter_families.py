"""A family written with two letter indices is one family in the whole document.

Found on a Qiita softmax/cross-entropy post (matchlab): the document defines
``y_{ij} = \\frac{\\exp(x_{ij})}{\\sum_k \\exp(x_{ik})}`` and later writes ``y_{pq}`` and
``\\sum_{i}\\sum_{j} \\log y_{ij}``. eqchain read ``y_{ij}`` outside a sum as one name
``y_ij``, the same letters under the sums as the member ``y[i, j]``, and ``x_{pk}`` under
``\\sum_k`` as a name ``x_pk`` that does not change with k: valid steps were REFUTED with values
that break the author's own definition (y_{1,1} = 2 beside x_{1,1} = 1). The reading now: a base
the document writes with indices a sum binds (all of its letters, or one of two, ``x_{pk}``
under ``\\sum_k``) or with a comma (``x_{i,j}``) is a family of that many indices; in every row,
the letters written as such a family's indices are indices, so ``y_{ij}`` beside ``x_{ij}`` and
``y_{pq}`` beside ``x_{pq}`` are members too."""

from __future__ import annotations

import sympy as sp
from helpers import check_document_rows

from eqchain.latex.read import read_formula


def statuses(tmp_path, *rows, assume=None):
    return [s["status"] for s in check_document_rows(tmp_path, *rows, assume=assume)]


def test_a_member_defined_outside_the_sums_is_the_member_under_them(tmp_path):
    rows = (
        r"y_{ij} = e^{x_{ij}}",
        r"\sum_{i=1}^{m} \sum_{j=1}^{n} \log y_{ij} = \sum_{i=1}^{m} \sum_{j=1}^{n} x_{ij}",
    )
    assert statuses(tmp_path, *rows) == ["definition", "verified"]


def test_a_wrong_step_about_the_members_is_still_refuted(tmp_path):
    rows = (
        r"y_{ij} = e^{x_{ij}}",
        r"\sum_{i=1}^{m} \sum_{j=1}^{n} \log y_{ij} = \sum_{i=1}^{m} \sum_{j=1}^{n} 2 x_{ij}",
    )
    assert statuses(tmp_path, *rows)[-1] == "refuted"


def test_the_softmax_substitution_with_other_letters(tmp_path):
    rows = (
        r"y_{ij} = \frac{\exp(x_{ij})}{\sum_{k=1}^n \exp(x_{ik})}",
        r"\frac{1}{m} \frac{\exp(x_{pq})}{\sum_{k=1}^n \exp(x_{pk})} \sum_{j=1}^n t_{pj} "
        r"= \frac{1}{m} y_{pq} \sum_{j=1}^n t_{pj}",
    )
    assert statuses(tmp_path, *rows) == ["definition", "verified"]


def test_one_letter_of_two_bound_by_a_sum_makes_both_indices():
    (_, rhs) = read_formula(r"s = \sum_{k=1}^{n} x_{pk}").sides
    assert {str(m) for m in rhs.atoms(sp.Indexed)} == {"x[p, k]"}


def test_a_word_subscript_under_a_sum_stays_a_name():
    # w_{new} under \sum_n: three letters, one bound: a name, as before
    (_, rhs) = read_formula(r"a = w_{new} - \sum_{n=1}^{N} x_n").sides
    assert "w_new" in {str(s) for s in rhs.free_symbols}


def test_without_any_family_the_letters_stay_one_name(tmp_path):
    steps = check_document_rows(tmp_path, r"y_{ij} = 3", r"2 y_{ij} = 6")
    assert [s["status"] for s in steps] == ["definition", "verified"]


def test_numbered_members_of_a_family_of_two_indices(tmp_path):
    # a red-team helper: the double sum written out was refuted (y_{11} read as y[11])
    row = r"\sum_{i=1}^{2} \sum_{j=1}^{2} y_{ij} = y_{11} + y_{12} + y_{21} + y_{22}"
    assert statuses(tmp_path, row) == ["verified"]
    assert statuses(tmp_path, row.replace("y_{22}", "y_{21}")) == ["refuted"]
    # x_{i1} beside z_i: x is a family of two indices, x_{21} its member x[2, 1]
    rows = (r"z_i = \beta_1 x_{i1}", r"z_2 = \beta_1 x_{21}", r"z_2 = \beta_1 x_{12}")
    assert statuses(tmp_path, *rows) == ["definition", "verified", "refuted"]
    # without such a family y_{12} stays the member y[12] of a family of one index
    assert statuses(tmp_path, r"\sum_{k=12}^{12} y_k = y_{12}") == ["verified"]


def test_a_base_written_with_two_letters_and_with_two_digits(tmp_path):
    # a red-team helper: y_{ij} = i + 2j, then y_{21} = 5 was a given about a name y_21 and
    # y_{21}^2 = 25 was verified; read as the member y[2, 1] instead, \sigma_{12} beside
    # \sigma_{xy} = xy - \mu_x \mu_y made x and y indices (a second red-team: verified
    # \sigma_{12} = 2 - \mu_1 \mu_2). With nothing else to say which, the digits are ambiguous
    steps = check_document_rows(tmp_path, r"y_{ij} = i + 2 j", r"y_{21} = 5", r"y_{21}^2 = 25")
    got = [s["status"] for s in steps]
    assert got == ["definition", "unreadable", "unreadable"], got
    assert "y_{2,1}" in steps[1]["reason"]
    rows = (r"\sigma_{xy} = xy - \mu_x \mu_y", r"\sigma_{12} = 2 - \mu_1 \mu_2")
    assert "verified" not in statuses(tmp_path, *rows)
    # written with commas, the family and its member are read; the member spelled as the
    # message asks makes y a family (a third red-team: y_{2,1} = 5 was a given)
    assert statuses(tmp_path, r"y_{i,j} = i + 2 j", r"y_{2,1} = 4") == ["definition", "verified"]
    assert statuses(tmp_path, r"y_{ij} = i + 2 j", r"y_{2,1} = 4") == ["definition", "verified"]
    assert statuses(tmp_path, r"y_{ij} = i + 2 j", r"y_{2,1} = 5") == ["definition", "refuted"]
    # and a family the sums make is read as before
    row = r"\sum_{i=1}^{2} \sum_{j=1}^{2} y_{ij} = y_{11} + y_{12} + y_{21} + y_{22}"
    assert statuses(tmp_path, row) == ["verified"]


def test_samples_beside_a_two_index_family(tmp_path):
    # a red-team helper: x_{10} beside x_k and x_{ij} = ij was read as x[1, 0] and the valid
    # sum refuted: it is ambiguous, never refuted
    rows = (r"x_{ij} = i j", r"\sum_{k=1}^{10} x_k = x_{10} + \sum_{k=1}^{9} x_k")
    assert "refuted" not in statuses(tmp_path, *rows)


def test_a_letter_and_a_digit_under_a_sum(tmp_path):
    # a red-team helper: y_{i2} under \sum_i is y[i, 2]; y_{12} beside it was a name (refuted)
    row = r"\sum_{i=1}^{2} y_{i2} = y_{12} + y_{22}"
    assert statuses(tmp_path, row) == ["verified"]
    assert statuses(tmp_path, row.replace("y_{22}", "y_{21}")) == ["refuted"]
    row = r"\sum_{j=1}^{2} w_{1j} = w_{11} + w_{12}"
    assert statuses(tmp_path, row) == ["verified"]
