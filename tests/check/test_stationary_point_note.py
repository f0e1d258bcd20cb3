"""A step proved through a derivative set to zero says it holds at the stationary point only.

Found by a red-team helper: after ``\\frac{d\\ell}{dp} = ... = 0`` (a given: the author sets it),
``\\frac{d^2\\ell}{dp^2} = -\\frac{n}{p(1-p)}`` was verified with no word that it is true at
p = k/n only (the observed information at the MLE, not the second derivative as a function of
p: a common real error). The verdict stands (it holds under the document's given); the step
now carries a warning naming that row."""

from __future__ import annotations

from helpers import check_document_rows

ROWS = (
    r"\ell(p) = k \log p + (n - k)\log(1-p)",
    r"\frac{d\ell}{dp} = \frac{k}{p} - \frac{n-k}{1-p} = 0",
)
ASSUME = "0 < p < 1, n >= 1, 0 <= k <= n"


def last(tmp_path, row):
    return check_document_rows(tmp_path, *ROWS, row, assume=ASSUME)[-1]


def test_a_step_through_the_stationarity_condition_says_so(tmp_path):
    got = last(tmp_path, r"\frac{d^2\ell}{dp^2} = -\frac{n}{p(1-p)}")
    assert got["status"] == "verified"
    assert any("stationary point only" in w for w in got["warnings"]), got


def test_an_identity_in_p_carries_no_such_note(tmp_path):
    got = last(tmp_path, r"\frac{d^2\ell}{dp^2} = -\frac{k}{p^2} - \frac{n-k}{(1-p)^2}")
    assert got["status"] == "verified"
    assert not any("stationary point" in w for w in got["warnings"]), got


def test_a_wrong_second_derivative_is_refuted(tmp_path):
    got = last(tmp_path, r"\frac{d^2\ell}{dp^2} = -\frac{k}{p^2} + \frac{n-k}{(1-p)^2}")
    assert got["status"] == "refuted"


def test_a_rule_path_through_the_condition_says_so_too(tmp_path):
    got = last(tmp_path, r"\log\left(e^{\frac{k}{p} - \frac{n-k}{1-p}}\right) = 0")
    assert got["status"] == "verified"
    assert any("stationary point only" in w for w in got["warnings"]), got
