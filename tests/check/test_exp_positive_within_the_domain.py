"""An exponential is positive wherever its exponent is defined: within the step's domain.

Found by a helper on a public KL-divergence post: ``\\log[c\\, e^{-x^2/s^2}] = \\log c -
x^2/s^2`` with c > 0 was unknown, "log_mul needs e^{-x^2/s^2} > 0". The domain (s \\neq 0,
and the log's argument nonzero) was refined as whole parts: e^{-x^2/s^2} became a number
known only to be nonzero. The names are refined on their own too (s nonzero: the exponent is
real, the exponential positive)."""

from __future__ import annotations

from helpers import check_document_rows

ROW = r"\log\left[c\, e^{-\frac{x^2}{s^2}}\right] = \log c - \frac{x^2}{s^2}"


def status(tmp_path, row, assume=None):
    return check_document_rows(tmp_path, row, assume=assume)[-1]


def test_valid_with_its_condition(tmp_path):
    assert status(tmp_path, ROW, "c > 0")["status"] == "verified"


def test_wrong_is_refuted(tmp_path):
    wrong = ROW.replace(r"\log c - ", r"\log c + ")
    assert status(tmp_path, wrong, "c > 0")["status"] == "refuted"


def test_without_its_condition_names_only_what_is_missing(tmp_path):
    got = status(tmp_path, ROW)
    assert got["status"] == "unknown"
    assert "c > 0" in got["reason"] and "e^{" not in got["reason"], got["reason"]
