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


# The posterior written again with new names: \ln q = \ln(...\hat m, \hat s...) after \ln q was
# worked on says what \hat m and \hat s must be (daring-board wrote them so at line 82, then
# matched the coefficients): rows about them after it are not identities in them
KNOWN = r"\ln q = a \mu^2 - b \mu + c"
RENAMED = (
    r"\ln q = \ln g(\mu | \hat{m}, \hat{s}^2) = "
    r"\frac{\mu^2}{2 \hat{s}^2} - \frac{\hat{m}}{\hat{s}^2} \mu + c"
)


def test_names_a_known_quantity_is_written_with_are_not_refuted_with(tmp_path):
    steps = check_document_rows(
        tmp_path, KNOWN, RENAMED, r"2 a \hat{s}^2 = 1", r"b \hat{s}^2 = \hat{m}"
    )
    # g's value is no number of its own either: \hat{m}, \hat{s} may depend on a, b, c
    assert [s["status"] for s in steps[1:3]] == ["unknown", "unknown"]
    # = 1: a condition the author states (a given); the other one matched
    assert [s["status"] for s in steps[3:]] == ["given", "unknown"]
    assert "named in passing at line 5" in steps[4]["reason"]


def test_a_row_of_its_own_with_new_names_is_still_an_identity(tmp_path):
    # (u + v)^2 = u^2 + v^2: u, v new on both sides, claimed for every value
    steps = check_document_rows(tmp_path, KNOWN, r"(u + v)^2 = u^2 + v^2", r"u^2 = u")
    assert [s["status"] for s in steps[1:]] == ["refuted", "refuted"]


def test_a_wrong_row_about_names_met_before_is_still_refuted(tmp_path):
    steps = check_document_rows(tmp_path, KNOWN, RENAMED, r"a \mu^2 = 2 a \mu^2")
    assert steps[-1]["status"] == "refuted"


def test_a_row_false_whatever_the_new_names_are_is_still_refuted(tmp_path):
    steps = check_document_rows(tmp_path, KNOWN, RENAMED, r"\hat{m} + 1 = \hat{m} + 2")
    assert steps[-1]["status"] == "refuted"


def test_a_declared_name_is_not_named_in_passing(tmp_path):
    renamed = r"\ln q = \ln g(\mu | a_2, s_2) = \frac{\mu^2}{2 s_2^2} - \frac{a_2}{s_2^2} \mu + c"
    steps = check_document_rows(
        tmp_path, KNOWN, renamed, r"(a_2 + 1)^2 = a_2^2 + 2 a_2 + 3", assume="a_2 > 0, s_2 > 0"
    )
    assert steps[-1]["status"] == "refuted"
