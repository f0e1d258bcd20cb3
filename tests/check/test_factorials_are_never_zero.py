r"""A factorial or a Gamma value is zero nowhere it is defined: ``\frac{n!}{(n-x)! x!}`` asked for
(n - x)! \neq 0 and x! \neq 0 (15 of 17 unknown rows of a real binomial note); the factorial's own
condition (its argument a nonnegative integer) is still asked for. And the Japanese reasons read
a condition holding ``\left(`` whole (it was cut there: "division には \left が必要")."""

from __future__ import annotations

from helpers import check_document_rows

from eqchain.render import content


def status(tmp_path, row, assume=None):
    return check_document_rows(tmp_path, row, assume=assume)[-1]


def test_a_quotient_of_factorials_needs_no_nonzero_factorial(tmp_path):
    row = r"f(x) = {}_n \mathrm{C}_x = \cfrac{n!}{(n-x)!x!}"
    got = status(tmp_path, row, assume="n positive integer, x integer, x >= 0, x <= n")
    assert got["status"] == "verified", got


def test_the_factorials_own_condition_is_still_needed(tmp_path):
    got = status(tmp_path, r"\frac{1}{(x-1)!} = \frac{x}{x!}")
    assert got["status"] == "unknown" and "x \\geq 0" in got["reason"], got


def test_a_false_factorial_identity_is_refuted(tmp_path):
    row = r"\frac{n!}{(n-1)!} = n + 1"
    assert status(tmp_path, row, assume="n positive integer")["status"] == "refuted"


def test_a_japanese_reason_keeps_a_condition_with_parentheses_whole():
    reason = (
        r"division needs \left(n - x\right)! \neq 0 (the step introduces \left(n - x\right)! "
        r"\neq 0: the left side is defined without it)"
    )
    shown = "".join(s.value for s in content._reason_ja(reason))
    assert "英語の理由" not in shown
    assert r"division には \left(n - x\right)! \neq 0 が必要" in shown
