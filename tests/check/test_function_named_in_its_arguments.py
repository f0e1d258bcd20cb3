"""A function whose name is also a variable of its own arguments: ``\\mathrm{p}(y|p)``.

StatProofBook writes a likelihood as ``\\mathrm{p}(y|p)`` with p the parameter; an upright
letter is the letter (README), so the function p takes the number p as an argument. A bare p
is the value of a defined function at its own arguments elsewhere (``l`` after ``l(\\mu) =
...``); here that made p into p(y|p), and p(y|p(y|p)), ...: the binomial log-likelihood row
ran out of its time limit instead of being decided. A name among its own definition's
arguments is the argument: never replaced by the function's value."""

from __future__ import annotations

from helpers import check_document_rows

DEFINITION = r"\mathrm{p}(y|p) = {n \choose y} \, p^y \, (1-p)^{n-y}"


def _last(tmp_path, row, assume=None):
    chain = (
        r"\begin{aligned} \mathrm{LL}(p) &= \log \mathrm{p}(y|p) \\ &= " + row + r" \end{aligned}"
    )
    rows = (DEFINITION, chain)
    return check_document_rows(tmp_path, *rows, assume=assume, timeout=20)[-1]


def test_the_log_likelihood_is_decided_without_its_conditions(tmp_path):
    row = r"\log {n \choose y} + y \log p + (n-y) \log (1-p)"
    got = _last(tmp_path, row)
    assert got["status"] == "unknown"
    assert "time limit" not in got["reason"], got["reason"]


def test_a_wrong_log_likelihood_is_refuted(tmp_path):
    row = r"\log {n \choose y} + y \log p + n \log (1-p)"
    assert _last(tmp_path, row)["status"] == "refuted"
