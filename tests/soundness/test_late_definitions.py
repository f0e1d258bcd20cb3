"""A symbol an earlier verified row differentiated, integrated, summed or took an expectation
over is not defined by a later row.

Such a verdict holds for every constant value of the symbol (``dE/dw = 0`` for an E independent
of w), not for every function of other variables: were ``E = w^2`` then a definition, the
earlier row would stand verified and false, and ``dE/dw = 0`` after it would be verified by
that row. The later row is a claim about E (refuted), so no row is verified of a
w-dependent E. Each case has its twin without such an operator, where naming the value later
is still a definition.
"""

from __future__ import annotations

import pytest

from eqchain.model import Verdict

from .judged import check_markdown

# (name, earlier row about E, the later row naming E's value, a row using both)
CASES = [
    ("derivative", r"\frac{\partial E}{\partial w} = 0", "E = w^2", r"\frac{d E}{d w} = 0"),
    ("second_derivative", r"\frac{d^2 E}{d w^2} = 0", "E = w^3", r"\frac{d^2 E}{d w^2} = 0"),
    ("integral", r"\int_0^1 E \, dw = E", "E = w", r"\int_0^1 E \, dw = E"),
    ("sum", r"\sum_{k=1}^{3} E = 3 E", "E = k", r"\sum_{k=1}^{3} E = 3 E"),
]


def _doc(*equations: str) -> str:
    return "".join(f"Text.\n\n$$\n{e}\n$$\n\n" for e in equations)


@pytest.mark.parametrize(("name", "before", "named", "after"), CASES, ids=[c[0] for c in CASES])
def test_a_symbol_an_operator_saw_vary_is_not_defined_later(tmp_path, name, before, named, after):
    results = check_markdown(tmp_path, _doc(before, named, after))
    kinds = [r.verdict for r in results]
    assert Verdict.DEFINITION not in kinds, [(r.verdict, r.reason) for r in results]
    assert kinds[1] in (Verdict.REFUTED, Verdict.UNKNOWN), kinds


@pytest.mark.parametrize(
    ("before", "named"),
    [("E + 1 = 1 + E", "E = w^2"), (r"2 E = E + E", r"E = \log w")],
    ids=["sum_of_terms", "double"],
)
def test_a_symbol_only_named_before_is_still_defined_later(tmp_path, before, named):
    results = check_markdown(tmp_path, _doc(before, named))
    assert [r.verdict for r in results] == [Verdict.VERIFIED, Verdict.DEFINITION]


@pytest.mark.parametrize(
    ("before", "named"),
    [
        # the derivative of a sum is the sum of the derivatives whatever y_n depends on: a
        # logistic-loss post verified it first, then defined y_n = \sigma(a_n) (refused since
        # the verified row "saw y_n constant", and every later row was left unchecked)
        (r"\frac{d}{dw} \sum_{n=1}^{N} y_n = \sum_{n=1}^{N} \frac{d y_n}{dw}", r"y_n = w n"),
        (r"\sum_{n=1}^{N} 2 y_n = 2 \sum_{n=1}^{N} y_n", r"y_n = n^2"),
    ],
    ids=["derivative_of_a_sum", "constant_out_of_a_sum"],
)
def test_a_row_that_holds_whatever_the_symbol_depends_on_does_not_stop_its_definition(
    tmp_path, before, named
):
    results = check_markdown(tmp_path, _doc(before, named))
    assert [r.verdict for r in results] == [Verdict.VERIFIED, Verdict.DEFINITION]


def test_a_chain_about_a_function_of_the_symbol_does_not_stop_its_definition(tmp_path):
    # E(X) = \sum_{k=0}^{n} k f(k) = \sum_{k=1}^{n} k f(k), then X = \sum_i Y_i (a new user's
    # binomial mean): X was refuted at a free value; the chain holds whatever X is
    results = check_markdown(
        tmp_path,
        _doc(r"E(X) = \sum_{k=0}^{n} k f(k) = \sum_{k=1}^{n} k f(k)", r"X = \sum_{i=1}^n Y_i"),
    )
    assert [r.verdict for r in results][-1] is Verdict.DEFINITION
