"""Assumptions of documents: bounds (``0 < p < 1``, ``p \\in (0, 1)``) and functions."""

from __future__ import annotations

from fractions import Fraction

import pytest

from eqchain.api import check_derivations
from eqchain.errors import InputError
from eqchain.load.assume import Bound, Declaration, parse_assume
from eqchain.load.document import load_document
from eqchain.model import Verdict

BERNOULLI = r"""# Bernoulli

$$
\log(p^{x} (1 - p)^{1 - x}) = x \log p + (1 - x) \log(1 - p)
$$

$$
\frac{d}{dp} (x \log p + (1 - x) \log(1 - p)) = \frac{x}{p} - \frac{1 - x}{1 - p}
$$
"""


def check(tmp_path, text, assume):
    doc = tmp_path / "post.md"
    doc.write_text(text, encoding="utf-8")
    d = load_document(str(doc), "markdown", assume=assume)
    return [r for r in check_derivations([d]).derivations[0].results]


def claims(results):
    return [r for r in results if r.verdict.is_claim_verdict]


@pytest.mark.parametrize(
    "assume", ["0 < p < 1, x real", "p \\in (0, 1), x real", "p > 0, p < 1, x \\in \\mathbb{R}"]
)
def test_a_bound_below_one_establishes_one_minus_p(tmp_path, assume):
    results = check(tmp_path, BERNOULLI, assume)
    assert [r.verdict for r in claims(results)] == [Verdict.VERIFIED, Verdict.VERIFIED]
    (given,) = [r for r in results if r.verdict is Verdict.GIVEN]
    assert given.step.claim in assume and "1" in given.step.claim


def test_without_the_upper_bound_the_steps_are_unknown_naming_it(tmp_path):
    results = claims(check(tmp_path, BERNOULLI, "p > 0, x real"))
    # the log rules need 1 - p > 0 (a branch condition); the derivative holds where its
    # source is defined, 1 - p != 0 (natural domains)
    assert [r.verdict for r in results] == [Verdict.UNKNOWN, Verdict.VERIFIED]
    assert "1 - p > 0" in results[0].reason
    assert results[1].domain


def test_a_wrong_step_is_refuted_inside_the_bounds(tmp_path):
    wrong = BERNOULLI.replace(r"\frac{x}{p} - \frac{1 - x}", r"\frac{x}{p} + \frac{1 - x}")
    results = claims(check(tmp_path, wrong, "0 < p < 1, x real"))
    assert results[1].verdict is Verdict.REFUTED
    values = dict(results[1].counterexample.values)
    p = Fraction(values["p"])
    assert 0 < p < 1


def test_a_bound_that_excludes_the_counterexample_region_still_refutes(tmp_path):
    text = "# t\n\n$$\n\\log(p^{2}) = \\log p\n$$\n"
    results = claims(check(tmp_path, text, "1 < p < 3"))
    assert results[0].verdict is Verdict.REFUTED
    assert 1 < Fraction(dict(results[0].counterexample.values)["p"]) < 3


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "0 < p < 1",
            [
                Declaration("p", None, ("positive",)),
                Declaration("p", None, ("real",)),
                Bound("p", None, "<", 1, ""),
            ],
        ),
        ("p \\le 1", [Declaration("p", None, ("real",)), Bound("p", None, "<=", 1, "")]),
        ("x > -1", [Declaration("x", None, ("real",)), Bound("x", None, ">", -1, "")]),
        ("1 \\leq n", [Declaration("n", None, ("positive",)), Bound("n", None, ">=", 1, "")]),
        ("x \\neq 0", [Declaration("x", None, ("nonzero",))]),
        ("x \\ne 2", [Bound("x", None, "!=", 2, "")]),
        (
            "p \\in [0, 1)",
            [
                Declaration("p", None, ("nonnegative",)),
                Declaration("p", None, ("real",)),
                Bound("p", None, "<", 1, ""),
            ],
        ),
        ("a < \\frac{1}{2}", [Declaration("a", None, ("real",)), Bound("a", None, "<", 0.5, "")]),
        ("x \\in \\mathbb{R}", [Declaration("x", None, ("real",))]),
        ("sigma function", [Declaration("sigma", None, ("function",))]),
        ("\\sigma function", [Declaration("sigma", None, ("function",))]),
    ],
)
def test_bounds_and_functions_are_read(text, expected):
    got = parse_assume(text)
    assert [(type(g), g.name, g.index, getattr(g, "words", None)) for g in got] == [
        (type(e), e.name, e.index, getattr(e, "words", None)) for e in expected
    ]
    for g, e in zip(got, expected, strict=True):
        if isinstance(e, Bound):
            assert (g.op, g.value) == (e.op, Fraction(e.value))


@pytest.mark.parametrize(
    "text",
    [
        "x < y < z",
        "1 < 2",
        "y_k < 1",
        "f function real",
        "x \\in (1, 0)",
        # \mathbb{N} is read (a nonnegative integer: what its two readings share), \mathbb{H} not
        "p \\in \\mathbb{H}",
        "x <",
    ],
)
def test_unreadable_bounds_are_errors_never_guesses(text):
    with pytest.raises(InputError):
        parse_assume(text)


def test_contradictory_bounds_are_an_input_error(tmp_path):
    with pytest.raises(InputError, match="contradict"):
        check(tmp_path, BERNOULLI, "p > 0, p < 0")


def test_a_declared_function_is_applied_to_its_argument(tmp_path):
    text = "# s\n\n$$\n\\frac{d}{dz} (\\sigma(z) + z) = \\frac{d}{dz} \\sigma(z) + 1\n$$\n"
    results = claims(check(tmp_path, text, "sigma function, z real"))
    assert [r.verdict for r in results] == [Verdict.VERIFIED]
    # sigma undeclared but written only before parentheses: a function all the same
    (undeclared,) = check(tmp_path, text, "z real")
    assert undeclared.verdict is Verdict.VERIFIED
    # sigma also used alone (a power): a function before names, and the step holds for every
    # function, so for the product sigma z too
    alone = text + "\n$$\n\\sigma^2 = 4\n$$\n"
    undeclared = check(tmp_path, alone, "z real")[0]
    assert undeclared.verdict is Verdict.VERIFIED
    # sigma differentiated by: a product or an application? unreadable, never guessed
    bound = text + "\n$$\n\\frac{d}{d\\sigma} \\sigma^2 = 2 \\sigma\n$$\n"
    undeclared = check(tmp_path, bound, "z real")[0]
    assert undeclared.verdict is Verdict.UNREADABLE and "ambiguous" in undeclared.reason


# -- names with a numeric subscript, values, constants, bounds by a name ----------------------


@pytest.mark.parametrize(
    "text,expected",
    [
        ("sigma_0 > 0", [Declaration("sigma_0", None, ("positive",))]),
        ("\\sigma_{0} > 0", [Declaration("sigma_0", None, ("positive",))]),
        ("x_{12} \\neq 0", [Declaration("x_12", None, ("nonzero",))]),
        ("t constant", [Declaration("t", None, ("constant",))]),
        ("K = 3", [Declaration("K", None, ("integer", "positive")), Bound("K", None, "=", 3, "")]),
        ("c = -1/2", [Declaration("c", None, ("negative",)), Bound("c", None, "=", -0.5, "")]),
    ],
)
def test_more_assumptions_are_read(text, expected):
    test_bounds_and_functions_are_read(text, expected)


@pytest.mark.parametrize("text", ["K = 3 = 4", "0 = 1", "y_k = 3", "sigma_0x > 0"])
def test_values_and_constants_are_read_only_as_written(text):
    with pytest.raises(InputError):
        parse_assume(text)


def test_a_numbered_name_carries_its_assumption(tmp_path):
    text = "# t\n\n$$\n\\log(\\sigma_0^{2}) = 2 \\log \\sigma_0\n$$\n"
    assert claims(check(tmp_path, text, "sigma_0 > 0"))[0].verdict is Verdict.VERIFIED
    # without it the log rule's condition is missing
    assert claims(check(tmp_path, text, "sigma > 0"))[0].verdict is Verdict.UNKNOWN


def test_a_value_is_a_given_the_steps_use(tmp_path):
    text = "# t\n\n$$\nx = \\sum_{k=1}^{K} k = 6\n$$\n"
    results = check(tmp_path, text, "K = 3")
    assert claims(results)[0].verdict is Verdict.VERIFIED
    (given,) = [r for r in results if r.verdict is Verdict.GIVEN]
    assert given.step.claim == "K = 3"
    wrong = "# t\n\n$$\nx = \\sum_{k=1}^{K} k = 7\n$$\n"
    assert claims(check(tmp_path, wrong, "K = 3"))[0].verdict is Verdict.REFUTED
    assert claims(check(tmp_path, text, ""))[0].verdict is not Verdict.VERIFIED


def test_a_constant_is_a_symbol_of_its_own(tmp_path):
    text = "# t\n\n$$\n\\frac{d}{dp} (t \\log p) = \\frac{t}{p}\n$$\n"
    assert claims(check(tmp_path, text, "t constant, p > 0"))[0].verdict is Verdict.VERIFIED
    wrong = "# t\n\n$$\n\\frac{d}{dp} (t \\log p) = t\n$$\n"
    assert claims(check(tmp_path, wrong, "t constant, p > 0"))[0].verdict is Verdict.REFUTED


# -- a bound by another name: 0 <= k <= n -----------------------------------------------------


def test_a_bound_by_a_name_is_read():
    got = parse_assume("0 <= k <= n")
    assert [(type(g).__name__, g.name, getattr(g, "words", None)) for g in got] == [
        ("Declaration", "k", ("nonnegative",)),
        ("Declaration", "k", ("real",)),
        ("Declaration", "n", ("real",)),
        ("Bound", "k", None),
    ]
    assert (got[-1].op, got[-1].other) == ("<=", ("n", None))


@pytest.mark.parametrize("text", ["x < y < z", "y_k < n", "k < n_j", "x \\neq y"])
def test_bounds_by_names_are_read_only_as_written(text):
    with pytest.raises(InputError):
        parse_assume(text)


BINOMIAL = "# b\n\n$$\nx = \\log(k^{2} (n - k)^{3}) = 2 \\log k + 3 \\log(n - k)\n$$\n"


def test_a_bound_by_a_name_establishes_the_margin(tmp_path):
    results = claims(check(tmp_path, BINOMIAL, "0 < k < n"))
    assert results[-1].verdict is Verdict.VERIFIED
    givens = [r for r in check(tmp_path, BINOMIAL, "0 < k < n") if r.verdict is Verdict.GIVEN]
    assert [g.step.claim for g in givens] == ["0 < k < n"]
    # without the upper bound, n - k may be negative: the log rules' condition is missing
    results = claims(check(tmp_path, BINOMIAL, "0 < k, n real"))
    assert results[-1].verdict is Verdict.UNKNOWN and "n - k > 0" in results[-1].reason
    # k <= n allows n - k = 0, where the left side's log is undefined: verified where it is
    # defined, n - k nonzero (so positive), and the domain says so
    results = claims(check(tmp_path, BINOMIAL, "0 < k <= n"))
    assert results[-1].verdict is Verdict.VERIFIED
    assert "n - k \\neq 0" in results[-1].domain


def test_a_bound_by_a_name_keeps_refutations_inside_it(tmp_path):
    text = "# b\n\n$$\nx = n - k = k - n\n$$\n"
    [result] = claims(check(tmp_path, text, "0 <= k <= n, n real, k real"))
    assert result.verdict is Verdict.REFUTED
    values = {k: Fraction(v) for k, v in result.counterexample.values}
    assert 0 <= values["k"] <= values["n"]


@pytest.mark.parametrize("assume", ["0 <= p <= 1", "p < 1", "K = 3"])
def test_a_first_row_written_as_a_continuation_continues_no_assumption(tmp_path, assume):
    # the givens made from the assumptions (p_{bound} = 1 - p, K = 3) are no formulas of the
    # document: a first row "= p/(1-p)" (after prose) must not be checked against one of them
    # (it was refuted as "p_{bound} = p/(1-p)" with p = 0)
    text = "# Odds\n\n$${\\rm odds\\ ratio} = \\frac{p}{1-p}$$\n\n$$\\log p^2 = 2 \\log p$$\n"
    results = check(tmp_path, text, assume)
    first = [r for r in results if r.step.place.line == 3]
    assert [r.verdict for r in first] == [Verdict.UNKNOWN]
    assert "no formula before it" in first[0].reason
    assert Verdict.REFUTED not in {r.verdict for r in results}


@pytest.mark.parametrize("text", ["K = n", "u = e^{a} + e^{b}", "t_0 + t_1 = 1"])
def test_any_other_equation_is_stated(text):
    from eqchain.load.assume import Stated

    assert parse_assume(text) == [Stated(text)]
