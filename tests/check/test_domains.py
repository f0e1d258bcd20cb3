"""Natural domains (issue 19): a step is judged where its source is defined, and says so.

A claim ``A = B`` is verified when, wherever the assumptions, the givens, A and the premises it
uses are defined, B is defined and equal to A. What A needs is the step's domain, shown with the
verdict; what B needs beyond it is introduced by the step and must be established. Branch
conditions of log and power rules are not domains, a domain never empties a claim, and a
counterexample lies inside the domain.
"""

from __future__ import annotations

import textwrap

import pytest
import sympy as sp
from helpers import check_text, claims

from eqchain.api import check_derivations
from eqchain.check.refute import find_counterexample
from eqchain.load.toml_file import load_toml
from eqchain.model import Verdict


def one(tmp_path, symbols: str, *steps: str, kind_of: dict | None = None):
    body = "[symbols]\n" + symbols + "\n"
    for n, claim in enumerate(steps):
        kind = (kind_of or {}).get(n)
        body += "[[steps]]\n" + (f'kind = "{kind}"\n' if kind else "") + f"claim = '{claim}'\n"
    return claims(check_text(tmp_path, body))


# -- shared denominators: verified where the source is defined ---------------------------------


@pytest.mark.parametrize("declared", ['b = "real"', 'b = ""'])  # real, or nothing assumed
def test_a_shared_denominator_is_verified_where_it_is_not_zero(tmp_path, declared):
    (result,) = one(tmp_path, declared, r"\frac{\frac{d}{d b} \sin(b)}{b} = \frac{\cos(b)}{b}")
    assert result.verdict is Verdict.VERIFIED, result.reason
    assert result.domain == (r"b \neq 0",)


def test_fractions_of_an_ml_chain_are_verified_where_their_denominators_are_not_zero(tmp_path):
    symbols = 'N = "integer positive"\ny = "real"\nt = "real"'
    steps = (
        r"\frac{t}{y} + \frac{1 - t}{y} = \frac{1}{y}",
        r"\frac{1}{N} \cdot \frac{t}{y} = \frac{t}{N y}",
    )
    first, second = one(tmp_path, symbols, *steps)
    assert first.verdict is Verdict.VERIFIED, first.reason
    assert first.domain == (r"y \neq 0",)
    assert second.verdict is Verdict.VERIFIED, second.reason
    assert second.domain == (r"y \neq 0",)  # N != 0 is declared, not a domain condition


def test_cancelling_is_verified_where_the_source_is_defined(tmp_path):
    (result,) = one(tmp_path, 'x = "real"', r"\frac{x^2}{x} = x")
    assert result.verdict is Verdict.VERIFIED, result.reason
    assert result.domain == (r"x \neq 0",)


def test_a_chain_is_judged_within_the_domain_of_its_first_row(tmp_path):
    results = one(tmp_path, 'x = "real"', r"\frac{x^2}{x} = x", r"= \frac{x^3}{x^2}")
    assert [r.verdict for r in results] == [Verdict.VERIFIED, Verdict.VERIFIED]
    assert results[1].domain == (r"x \neq 0",)


# -- premises: a given holds where it is defined -----------------------------------------------


def test_a_step_using_a_given_is_judged_where_the_given_is_defined(tmp_path):
    results = one(
        tmp_path, 'x = "real"\nu = "real"', r"u = \frac{1}{x}", r"x u = 1", kind_of={0: "given"}
    )
    (result,) = results
    assert result.verdict is Verdict.VERIFIED, result.reason
    assert result.domain == (r"x \neq 0",)


def test_a_step_using_a_function_given_is_judged_where_the_given_is_defined(tmp_path):
    text = r"""
    [symbols]
    b = "real"
    a = { function = true }
    [[steps]]
    kind = "given"
    claim = 'a(b) = \log(b)'
    [[steps]]
    claim = '\frac{d}{d b} a(b) = \frac{d}{d b} \log(b)'
    """
    (result,) = claims(check_text(tmp_path, text))
    assert result.verdict is Verdict.VERIFIED, result.reason
    assert result.domain == (r"b \neq 0",)


# -- introduced restrictions stay unknown, naming them -----------------------------------------


@pytest.mark.parametrize(
    ("claim", "needs"),
    [
        (r"x = \frac{x^2}{x}", r"x \neq 0"),
        (r"1 = \frac{x}{x}", r"x \neq 0"),
        (r"\frac{1}{x} = \frac{1}{x} + \frac{1}{x - 1} - \frac{1}{x - 1}", r"-1 + x \neq 0"),
        (r"0 = \log x - \log x", r"x \neq 0"),
    ],
)
def test_a_step_that_introduces_a_restriction_is_unknown_naming_it(tmp_path, claim, needs):
    (result,) = one(tmp_path, 'x = "real"', claim)
    assert result.verdict is Verdict.UNKNOWN
    assert needs in result.reason
    assert "introduces" in result.reason


def test_a_later_row_that_needs_more_than_the_chain_names_it(tmp_path):
    rows = (r"\frac{x^2}{x} = x", r"= \frac{x (x - 1)}{x - 1}", "= x")
    results = one(tmp_path, 'x = "real"', *rows)
    assert results[0].verdict is Verdict.VERIFIED
    assert results[1].verdict is Verdict.UNKNOWN
    assert r"-1 + x \neq 0" in results[1].reason
    # the chain is not established: the row after it is judged where the row before is
    # defined too (stop 40; it was unknown, naming x - 1 != 0), and holds there
    assert results[2].verdict is Verdict.VERIFIED
    assert any("x - 1" in str(c) or "-1 + x" in str(c) for c in results[2].domain_conditions)


# -- branches are not domains ------------------------------------------------------------------


def test_log_of_a_product_of_reals_stays_unknown(tmp_path):
    symbols = 'y = { index = "k", range = "1..2", assume = "real" }'
    (result,) = one(tmp_path, symbols, r"\log(y_1 y_2) = \log y_1 + \log y_2")
    assert result.verdict is Verdict.UNKNOWN
    assert r"y_{1} > 0" in result.reason or r"y_{2} > 0" in result.reason


def test_log_of_a_product_of_positives_stays_verified_with_no_domain(tmp_path):
    symbols = 'y = { index = "k", range = "1..2", assume = "positive" }'
    (result,) = one(tmp_path, symbols, r"\log(y_1 y_2) = \log y_1 + \log y_2")
    assert result.verdict is Verdict.VERIFIED
    assert result.domain == ()


def test_square_root_of_a_square_is_still_refuted_for_reals(tmp_path):
    (result,) = one(tmp_path, 'x = "real"', r"\sqrt{x^2} = x")
    assert result.verdict is Verdict.REFUTED
    assert result.counterexample is not None


# -- never vacuous -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("symbols", "claim", "cannot"),
    [
        ('x = "positive"', r"\frac{1}{x - x} = 1", r"x - x \neq 0"),
        ('x = "positive"', r"\frac{1}{x - x} = \frac{2}{x - x}", r"x - x \neq 0"),
        ('x = "positive"', r"\log(x - x) = 5", r"x - x \neq 0"),
        ('n = "integer"', r"\frac{1}{\sin(\pi n)} = 7", r"\neq 0"),
        ("", r"\frac{1}{0} = \frac{2}{0}", r"0 \neq 0"),
    ],
)
def test_a_step_whose_source_is_defined_nowhere_is_not_verified(tmp_path, symbols, claim, cannot):
    (result,) = one(tmp_path, symbols, claim)
    assert result.verdict is Verdict.UNKNOWN
    assert "defined nowhere" in result.reason
    assert cannot in result.reason


def test_a_source_defined_only_where_a_given_fails_is_not_verified(tmp_path):
    results = one(tmp_path, 'x = "real"', "x = 1", r"\frac{x - 1}{x - 1} = 1", kind_of={0: "given"})
    (result,) = results
    assert result.verdict is Verdict.UNKNOWN
    assert "defined nowhere" in result.reason


def test_a_sum_whose_every_term_divides_by_zero_is_not_verified(tmp_path):
    (result,) = one(tmp_path, 'K = "integer positive"', r"\sum_{k=0}^{K} \frac{k}{k} = K + 1")
    assert result.verdict is Verdict.UNKNOWN
    assert r"k \neq 0" in result.reason


# -- refutation inside the domain --------------------------------------------------------------


def test_a_wrong_step_under_a_domain_is_refuted_inside_it(tmp_path):
    (result,) = one(tmp_path, 'x = "real"', r"\frac{x}{x} = x")
    assert result.verdict is Verdict.REFUTED
    values = dict(result.counterexample.values)
    assert sp.Rational(values["x"]) != 0


def test_counterexamples_are_sought_inside_the_domain_only():
    x = sp.Symbol("x", integer=True)
    givens = [(x * (x - 1), sp.Integer(0))]  # x is 0 or 1
    assert find_counterexample(x, sp.Integer(1), givens) is not None  # x = 0
    for seed in range(5):
        assert find_counterexample(x, 1, givens, seed=seed, domain=[("nonzero", x)]) is None


# -- the report --------------------------------------------------------------------------------


def test_the_derivation_lists_its_domain_conditions_once(tmp_path):
    text = r"""
    [symbols]
    x = "real"
    b = "real"
    [[steps]]
    claim = '\frac{x^2}{x} = x'
    [[steps]]
    claim = '\frac{x}{x} = 1'
    [[steps]]
    claim = '\frac{b}{b} = 1'
    """
    path = tmp_path / "d.toml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    report = check_derivations(load_toml(str(path)))
    assert report.derivations[0].domain == (r"x \neq 0", r"b \neq 0")


def test_a_domain_condition_is_shown_as_its_plainest_parts(tmp_path):
    # the Gaussian's derivative by sigma^2: 2 sigma^2, 2 pi sigma^2 and sigma are nonzero
    # exactly where sigma is; a reader is shown that once (the checker keeps each as found)
    derivative = (
        r"\frac{d}{d s} \left(-\frac{1}{2} \log(2 \pi s^2) - \frac{(x - \mu)^2}{2 s^2}\right)"
        r" = -\frac{1}{s} + \frac{(x - \mu)^2}{s^3}"
    )
    text = r"""
    [symbols]
    x = "real"
    mu = "real"
    s = "real"
    n = "integer"
    [[steps]]
    claim = 'DERIVATIVE'
    [[steps]]
    claim = '\frac{x^{n}}{x^{n}} + \frac{2 x}{2 x} = 2'
    """
    path = tmp_path / "d.toml"
    path.write_text(textwrap.dedent(text).replace("DERIVATIVE", derivative), encoding="utf-8")
    report = check_derivations(load_toml(str(path)))
    first, second = report.derivations[0].results
    assert first.verdict is Verdict.VERIFIED, first.reason
    assert first.domain == (r"s \neq 0",)
    # x^n with n an integer that may be 0 or negative: the power itself is what must be
    # nonzero (no part of it says the same); 2x is nonzero exactly where x is
    assert second.verdict is Verdict.VERIFIED, second.reason
    assert r"x \neq 0" in second.domain
    assert all("2 x" not in d for d in second.domain)


def test_plain_parts_say_exactly_the_condition():
    from eqchain.check.conditions import plain_parts

    s, x, n = sp.Symbol("s", real=True), sp.Symbol("x", real=True), sp.Symbol("n", integer=True)
    k = sp.Symbol("k", positive=True)
    assert plain_parts("nonzero", sp.sqrt(2) * sp.sqrt(sp.pi) * sp.Abs(s)) == [("nonzero", s)]
    assert plain_parts("nonzero", 2 * sp.pi * s**2) == [("nonzero", s)]
    assert set(plain_parts("nonzero", (x - 1) ** k * s)) == {("nonzero", x - 1), ("nonzero", s)}
    # an exponent that may be 0: x^0 = 1 is nonzero at x = 0
    assert plain_parts("nonzero", x**n) == [("nonzero", x**n)]
    # 1/x is defined, and then nonzero, exactly where x is nonzero
    assert plain_parts("nonzero", 1 / (2 * x**2)) == [("nonzero", x)]
    assert plain_parts("positive", 2 * x) == [("positive", x)]
    assert plain_parts("positive", -2 * x) == [("positive", -2 * x)]
    assert plain_parts("nonzero", sp.Integer(3)) == [("nonzero", sp.Integer(3))]
    # a factor positive under the assumptions says nothing of the product's sign, and an odd
    # power is positive exactly where its base is: lambda^k e^{-lambda} / k! > 0 is k! > 0
    lam, m = sp.Symbol("lambda", positive=True), sp.Symbol("m", integer=True)
    mass = lam**x * sp.exp(-lam) / sp.factorial(m)
    assert plain_parts("positive", mass) == [("positive", sp.factorial(m))]
    assert plain_parts("positive", 1 / x**3) == [("positive", x)]
    assert plain_parts("positive", x**2) == [("positive", x**2)]  # x^2 > 0 is x != 0
    assert plain_parts("positive", x * s) == [("positive", x * s)]  # either sign of each


def test_a_log_of_a_mass_splits_where_the_mass_is_positive(tmp_path):
    from helpers import check_document_rows

    # ln(lambda^k e^{-lambda} / k!): the left side is defined where k! > 0, which log_mul needs
    mass = r"\ln\left(\frac{1}{k!} e^{-\lambda} \lambda^{k}\right)"
    row = mass + r" = -\ln(k!) - \lambda + k \ln \lambda"
    valid = check_document_rows(tmp_path, row, assume="lambda > 0")[-1]
    assert valid["status"] == "verified", valid["reason"]
    assert valid["domain"] == ["k \\geq 0"]
    wrong = mass + r" = \ln(k!) - \lambda + k \ln \lambda"
    assert check_document_rows(tmp_path, wrong, assume="lambda > 0")[-1]["status"] == "refuted"
    # without lambda > 0 the factor lambda^k may carry the sign: unknown, naming it
    open_ = check_document_rows(tmp_path, row)[-1]
    assert open_["status"] == "unknown" and "lambda" in open_["reason"]


@pytest.mark.parametrize(
    "claim, verdict",
    [
        # the Gaussian likelihood's constant: the left side needs sqrt(2) sqrt(pi) |s| != 0,
        # which says s != 0, under which (2 pi s^2)^n is positive for every real n
        (
            r"\left(\frac{1}{\sqrt{2 \pi s^2}}\right)^{n} = \sqrt{\frac{1}{(2 \pi s^2)^{n}}}",
            Verdict.VERIFIED,
        ),
        (
            r"\left(\frac{1}{\sqrt{2 \pi s^2}}\right)^{n} = \sqrt{\frac{1}{(2 \pi s^2)^{n+1}}}",
            Verdict.REFUTED,
        ),
        # the left side needs nothing: s != 0 is introduced
        (r"x = \frac{(2 \pi s^2)^{n} x}{(2 \pi s^2)^{n}}", Verdict.UNKNOWN),
    ],
)
def test_a_condition_of_the_source_holds_through_its_plainest_parts(tmp_path, claim, verdict):
    (result,) = one(tmp_path, 's = "real"\nn = "real"\nx = "real"', claim)
    assert result.verdict is verdict, result.reason
    if verdict is Verdict.VERIFIED:
        assert result.domain == (r"s \neq 0",)
    if verdict is Verdict.UNKNOWN:
        assert "the step introduces" in result.reason, result.reason


def test_a_condition_every_member_of_a_sum_needs_is_the_left_sides_too(tmp_path):
    from helpers import check_document_rows

    # \sum_i \ln(1/k_i! ...) needs k_i >= 0 for every i, and so does the right side: not
    # introduced by the step; log_mul's k_i! > 0 follows for each member
    mass = r"\ln\left( \frac{1}{k_i!}e^{-\lambda}\lambda^{k_i} \right)"
    left = r"\sum_{i=1}^N " + mass
    right = r"\sum_{i=1}^N \left( -\ln(k_i!) - \lambda + k_i \ln\lambda \right)"
    valid = check_document_rows(tmp_path, left + " = " + right, assume="lambda > 0")[-1]
    assert valid["status"] == "verified", valid["reason"]
    assert valid["domain"] == ["k_{i} \\geq 0 for 1 \\leq i \\leq N"]
    wrong = right.replace(r"-\ln(k_i!)", r"\ln(k_i!)")
    refuted = check_document_rows(tmp_path, left + " = " + wrong, assume="lambda > 0")[-1]
    assert refuted["status"] == "refuted"
    open_ = check_document_rows(tmp_path, left + " = " + right)[-1]
    assert open_["status"] == "unknown" and "lambda" in open_["reason"]


def test_a_product_nonnegative_is_not_every_factor_nonnegative(tmp_path):
    from helpers import check_document_rows

    # \sqrt{\prod_i x_i} needs the product >= 0 only; \prod_i \sqrt{x_i} needs each x_i >= 0:
    # at x = (-1, -1) the left side is 1 and the right side -1
    row = r"\sqrt{\prod_{i=1}^{n} x_i} = \prod_{i=1}^{n} \sqrt{x_i}"
    step = check_document_rows(tmp_path, row)[-1]
    assert step["status"] != "verified"
    # a range of other ends is no member's range: x_i >= 0 for i <= m says nothing of i <= n
    from types import SimpleNamespace

    from eqchain.check.domain import _key, over_a_range
    from eqchain.check.engine import _member_of_a_range

    x, i, k = sp.IndexedBase("x"), sp.Symbol("i", integer=True), sp.Symbol("k", integer=True)
    m, n = sp.Symbol("m", integer=True), sp.Symbol("n", integer=True)
    key = _key("nonnegative", x[i], ((i, sp.Integer(1), m),))
    assert over_a_range(key) is not None and over_a_range(key)[0] == "nonnegative"
    facts = SimpleNamespace(ranges={})
    member = sp.factorial(x[k])
    assert _member_of_a_range("positive", member, [key], facts, {k: (1, m)})
    assert _member_of_a_range("positive", member, [key], facts, {k: (2, m)})
    assert not _member_of_a_range("positive", member, [key], facts, {k: (1, n)})
    assert not _member_of_a_range("positive", member, [key], facts, {k: (0, m)})
    assert not _member_of_a_range("positive", member, [key], facts)
    # x_k >= 0 is no reason for x_k > 0
    assert not _member_of_a_range("positive", x[k], [key], facts, {k: (1, m)})


def test_a_member_with_no_value_at_an_end_of_its_range_is_still_refuted(tmp_path):
    from helpers import check_document_rows

    # (x - 1)! at x = 0: not a condition on the names every member must meet (the domain would
    # be empty), a term with no value, so the step is refuted where the other side has one
    row = r"\sum_{x=0}^{\infty} \frac{\lambda^{x-1}}{(x-1)!} = e^{\lambda}"
    step = check_document_rows(tmp_path, row, assume="lambda > 0")[-1]
    assert step["status"] == "refuted"
    assert "(-1)!" in step["reason"]
    fixed = check_document_rows(tmp_path, row.replace("x=0", "x=1"), assume="lambda > 0")[-1]
    assert fixed["status"] != "refuted"


def test_a_range_condition_is_shown_with_its_range(tmp_path):
    from helpers import check_document_rows

    row = r"\sum_{i=1}^N \frac{1}{x_i} = \sum_{i=1}^N \frac{2}{2 x_i}"
    step = check_document_rows(tmp_path, row)[-1]
    assert step["status"] == "verified", step["reason"]
    assert step["domain"] == ["x_{i} \\neq 0 for 1 \\leq i \\leq N"]
    wrong = r"\sum_{i=1}^N \frac{1}{x_i} = \sum_{i=1}^N \frac{2}{x_i}"
    assert check_document_rows(tmp_path, wrong)[-1]["status"] == "refuted"
    # the right side divides by x_{i+1}: a member the left side's range does not hold at i = N
    shifted = r"\sum_{i=1}^N \frac{1}{x_i} = \sum_{i=1}^N \frac{x_{i+1}}{x_{i+1} x_i}"
    assert check_document_rows(tmp_path, shifted)[-1]["status"] != "verified"
