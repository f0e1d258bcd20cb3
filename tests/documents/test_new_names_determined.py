"""An equation that sets names written for the first time, all on one side and in plain
algebra, by what the other side says of names met before, is a condition the author states
(engine._determines_new_names): a given, never refuted for values the new names could take.
Found on a public note (daring-board, Bayesian estimate of a Gaussian mean): matching the
posterior's coefficients, ``\\frac{N}{\\sigma^2} + \\frac{1}{\\sigma_0^2} =
\\frac{1}{\\hat\\sigma^2}`` was refuted as an identity in the new \\hat\\sigma."""

from __future__ import annotations

from helpers import check_document_rows

ASSUME = "sigma > 0, sigma_0 > 0, N integer, N > 0"
BEFORE = r"q = \frac{N}{\sigma^2} + \frac{1}{\sigma_0^2} + m"
MATCHED = (
    r"\frac{N}{\sigma^2}+\frac{1}{\sigma_0^2} = \frac{1}{\hat{\sigma}^2}",
    r"\frac{m}{\sigma_0^2} = \frac{\hat{m}}{\hat{\sigma}^2}",
)


def _statuses(tmp_path, *rows):
    return [s["status"] for s in check_document_rows(tmp_path, *rows, assume=ASSUME)]


def test_the_matched_coefficients_are_givens_and_what_follows_is_checked(tmp_path):
    solved = r"\hat{\sigma}^2 = \frac{1}{\frac{N}{\sigma^2}+\frac{1}{\sigma_0^2}}"
    assert _statuses(tmp_path, BEFORE, *MATCHED, solved) == [
        "definition",
        "given",
        "given",
        "verified",
    ]


def test_a_wrong_consequence_is_refuted(tmp_path):
    wrong = r"\hat{\sigma}^2 = \frac{2}{\frac{N}{\sigma^2}+\frac{1}{\sigma_0^2}}"
    assert _statuses(tmp_path, BEFORE, *MATCHED, wrong)[-1] == "refuted"


def test_a_row_that_computes_something_stays_a_claim(tmp_path):
    # a derivative of a defined quantity with a new name beside it: a claim, not a condition
    rows = (r"f = w^2 + 1", r"\frac{d f}{d w} = 2 w + z^2")
    assert _statuses(tmp_path, *rows)[-1] in ("refuted", "unknown")
    # new names on both sides: an identity claimed, checked as before
    rows = (BEFORE, r"\frac{a}{\sigma^2} = \frac{1}{b^2}")
    assert _statuses(tmp_path, *rows)[-1] == "refuted"
