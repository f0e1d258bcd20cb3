"""Red team s47: an equation eqchain verified holds where its source is defined, not beyond.

A verified row ``\\frac{\\sin 2x}{\\sin x} = 2\\cos x`` holds where sin x is not 0. Used the other
way round, it verified ``2\\cos x = \\frac{\\sin 2x}{\\sin x}`` "where sin x \\neq 0", although the
left side is defined at x = 0 and the right side is not: the used equation's domain was taken
as the step's own (as a given's is: the author says it holds). Now the step's source must need
it, else the step is unknown, naming it (as the same step written alone is)."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest
from helpers import check_document_rows, check_text, claims, run_eqchain

from eqchain.model import Verdict


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (r"\frac{\sin(2x)}{\sin x} = 2\cos x", r"2\cos x = \frac{\sin(2x)}{\sin x}"),
        (r"\frac{u^2 - 1}{u - 1} = u + 1", r"u + 2 = \frac{u^2 - 1}{u - 1} + 1"),
        (r"\frac{(n+1)!}{n!} = n + 1", r"n + 1 = \frac{(n+1)!}{n!}"),
    ],
)
def test_a_verified_equation_used_the_other_way_needs_its_domain(tmp_path, first, second):
    steps = check_document_rows(tmp_path, first, second)
    assert steps[0]["status"] == "verified", steps[0]
    assert steps[1]["status"] != "verified", steps[1]
    assert "introduces" in steps[1]["reason"], steps[1]


def test_where_the_source_needs_it_too_the_step_is_verified(tmp_path):
    steps = check_document_rows(
        tmp_path,
        r"\frac{\sin(2x)}{\sin x} = 2\cos x",
        r"\frac{3}{\sin x} + 2\cos x = \frac{3}{\sin x} + \frac{\sin(2x)}{\sin x}",
    )
    assert [s["status"] for s in steps] == ["verified", "verified"], steps


def test_a_defined_function_used_the_other_way(tmp_path):
    rows = [r"f(x) = \frac{\sin x}{x}", r"x f(x) = \sin x", r"\sin x = x f(x)"]
    text = "# t\n\n" + "".join(f"$$ {r} $$\n\n" for r in rows)
    doc = tmp_path / "d.md"
    doc.write_text(text, encoding="utf-8")
    ran = run_eqchain("check", "--no-cache", "--format", "json", str(doc))
    steps = json.loads(ran.stdout)["derivations"][0]["steps"]
    assert steps[-1]["status"] != "verified", steps[-1]


def test_a_given_still_holds_where_the_author_says(tmp_path):
    text = """
[symbols]
x = "real"
u = "real"
[[steps]]
kind = "given"
claim = 'u = \\frac{1}{x}'
[[steps]]
claim = 'u x = 1'
"""
    result = claims(check_text(tmp_path, text))[-1]
    assert result.verdict is Verdict.VERIFIED, result.reason


def test_naming_the_rule_does_not_get_round_it(tmp_path):
    text = """
[symbols]
n = "integer"
c = "real"
[[steps]]
claim = '\\sum_{k=1}^{n} c = n c'
[[steps]]
claim = 'n c = \\sum_{k=1}^{n} c'
by = ["substitute"]
"""
    result = claims(check_text(tmp_path, text))[-1]
    assert result.verdict is not Verdict.VERIFIED, result.reason


def test_a_premise_on_the_right_decides_no_branch_on_the_left(tmp_path):
    steps = check_document_rows(
        tmp_path,
        r"\frac{\Gamma(x+1)}{\Gamma(x)} = x",
        r"\frac{1}{2}\log(x^2) = \log\frac{\Gamma(x+1)}{\Gamma(x)}",
    )
    assert steps[-1]["status"] != "verified", steps[-1]


def test_gamma_has_a_value_at_negative_non_integers(tmp_path):
    # Gamma(-1/2) = -2 sqrt(pi): log(Gamma(x)^2)/2 = log Gamma(x) fails there
    steps = check_document_rows(tmp_path, r"\frac{\log(\Gamma(x)^2)}{2} = \log \Gamma(x)")
    assert steps[-1]["status"] == "unknown", steps[-1]
    steps = check_document_rows(
        tmp_path, r"\frac{\log(\Gamma(x)^2)}{2} = \log \Gamma(x)", assume="x > 0"
    )
    assert steps[-1]["status"] == "verified", steps[-1]
    steps = check_document_rows(tmp_path, r"\frac{\Gamma(x+1)}{\Gamma(x)} = x")
    assert steps[-1]["status"] == "verified", steps[-1]


def test_what_a_given_needs_holds_for_what_is_derived_from_it(tmp_path):
    # the given needs p != 0 and 1 - p != 0: so does every step after it, also one that uses
    # an equation derived from the given (en/bernoulli-mle-lingying line 24)
    text = """
[symbols]
m = "real"
n = "real"
p = "real"
[[steps]]
kind = "given"
claim = '\\frac{m}{p} - \\frac{n - m}{1 - p} = 0'
[[steps]]
claim = '(1 - p) m - p (n - m) = 0'
[[steps]]
claim = 'm - p m - p n + p m = 0'
[[steps]]
claim = 'm - p n = 0'
"""
    results = claims(check_text(tmp_path, text))
    assert [r.verdict for r in results] == [Verdict.VERIFIED] * 3, [r.reason for r in results]


def test_a_given_met_on_a_whole_interval_lets_a_claim_beside_it_be_refuted(tmp_path):
    # -x = sqrt(x^2) holds for every x <= 0: no isolated root, and no point was found, so the
    # false |y| = -y beside it was unknown; values drawn and checked exactly meet it
    text = """
[symbols]
x = "real"
y = "real"
[[steps]]
kind = "given"
claim = '-x = \\sqrt{x^2}'
[[steps]]
claim = '|y| = -y'
"""
    result = claims(check_text(tmp_path, text))[-1]
    assert result.verdict is Verdict.REFUTED, result.reason
    x = dict(result.counterexample.values)["x"]
    assert Fraction(x) <= 0


@pytest.mark.parametrize(
    "middle",
    [
        # a chain's link with the given's sides, verified under sin x != 0, wrote its domain
        # over the given's; then every step after it held sin x != 0
        r"\frac{(a + b) \sin x}{\sin x} = a + b = 3",
        # a link taken as a given itself (x new): its domain holds only where it is used
        r"a + b = \frac{3 \sin x}{\sin x} = 3",
    ],
)
def test_a_given_does_not_spread_a_domain_it_does_not_need(tmp_path, middle):
    steps = check_document_rows(
        tmp_path,
        "a + b = 3",
        middle,
        r"\frac{\sin(2x)}{\sin x} = 2\cos x",
        r"2\cos x = \frac{\sin(2x)}{\sin x}",
    )
    assert steps[-1]["status"] != "verified", steps[-1]


@pytest.mark.slow  # among the slowest of the README's pytest (5 to 8 s): CI runs it
def test_a_given_met_in_complex_numbers_only_is_no_point(tmp_path):
    # red team s47: sqrt(x) sqrt(x - 1) = sqrt(x^2 - x) holds at x = 4/7 only through
    # imaginary roots; the claim beside it, true where the given holds (x >= 1), was refuted
    text = """
[symbols]
x = "real"
[[steps]]
kind = "given"
claim = '\\sqrt{x}\\sqrt{x - 1} = \\sqrt{x^2 - x}'
[[steps]]
claim = '\\sqrt{(x - 1)^2} = x - 1'
"""
    result = claims(check_text(tmp_path, text))[-1]
    assert result.verdict is not Verdict.REFUTED, result.counterexample
