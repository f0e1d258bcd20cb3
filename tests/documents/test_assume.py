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
    ["x < y", "1 < 2", "y_k < 1", "f function real", "x \\in (1, 0)", "p \\in \\mathbb{N}", "x <"],
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
    # sigma also used alone (a power): a product or an application? unreadable, never guessed
    alone = text + "\n$$\n\\sigma^2 = 4\n$$\n"
    undeclared = check(tmp_path, alone, "z real")[0]
    assert undeclared.verdict is Verdict.UNREADABLE and "ambiguous" in undeclared.reason
