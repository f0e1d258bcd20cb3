r"""The derivative's value set to zero with its terms on two sides: ``\frac{a}{p} =
\frac{b}{1 - p}`` after ``\frac{d}{dp} \ell(p) = \frac{a}{p} - \frac{b}{1 - p}`` is the
stationarity condition, as ``\frac{a}{p} - \frac{b}{1 - p} = 0`` is.

Found by a red-team helper (s52 rt1 defect 2, a MAP notebook on GitHub): the row was refuted as
an identity at p = 2, and so were the correct rearrangements after it."""

from __future__ import annotations

from helpers import check_document_rows

ROWS = (
    r"\ell(p) = a \ln p + b \ln (1 - p)",
    r"\frac{d}{dp} \ell(p) = \frac{a}{p} - \frac{b}{1 - p}",
)


def test_the_condition_is_given_and_what_follows_is_checked(tmp_path):
    steps = check_document_rows(
        tmp_path, *ROWS, r"\frac{a}{p} = \frac{b}{1 - p}", r"a (1 - p) = b p"
    )
    got = [s["status"] for s in steps]
    assert got == ["definition", "verified", "given", "verified"], got
    assert "derivative set to zero" in steps[2]["reason"], steps[2]


def test_a_wrong_rearrangement_is_still_refuted(tmp_path):
    steps = check_document_rows(
        tmp_path, *ROWS, r"\frac{a}{p} = \frac{b}{1 - p}", r"a (1 - p) = 2 b p"
    )
    assert steps[-1]["status"] == "refuted", steps[-1]


def test_terms_that_are_not_the_derivative_stay_a_claim(tmp_path):
    steps = check_document_rows(tmp_path, *ROWS, r"\frac{a}{p} = \frac{2b}{1 - p}")
    assert steps[-1]["status"] == "refuted", steps[-1]


def test_terms_that_cancel_are_no_condition(tmp_path):
    # a red team (s52 rt3): x^2 + 2x = x^2 after \frac{d}{dx} x^2 = 2x was "given: the
    # derivative set to zero" (the difference of the two sides, simplified, was 2x)
    steps = check_document_rows(tmp_path, r"\frac{d}{dx} x^2 = 2x", r"x^2 + 2x = x^2")
    assert steps[-1]["status"] == "refuted", steps[-1]


def test_only_right_after_the_derivative(tmp_path):
    rows = (*ROWS, r"a + b = 1", r"\frac{a}{p} = \frac{b}{1 - p}")
    steps = check_document_rows(tmp_path, *rows)
    assert steps[-1]["status"] != "given", steps[-1]
