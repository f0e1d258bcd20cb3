"""Reports built by hand from the model, shared by the renderer tests.

The main one is the log-likelihood chain of the cross-entropy article: a definition, a chain of
four verified steps (one with notes in both languages, one without a label, one the written-out
six-term sum), a refuted step with a counterexample, an unknown step with its reason, and a
title full of LaTeX special characters; then a second derivation with a single given step.
"""

from __future__ import annotations

import pytest

from eqchain.latex.read import read_formula
from eqchain.model import (
    Counterexample,
    Derivation,
    DerivationReport,
    Place,
    Report,
    Step,
    StepKind,
    StepResult,
    SymbolDecl,
    Verdict,
)

PATH = "derivations/die_log_likelihood.toml"
# The written-out sum as its author typed it (what the checker keeps in rhs_latex).
AUTHOR_EXPANSION = " + ".join(rf"t_{{{k}}} \log y_{{{k}}}" for k in range(1, 7))
TITLE = r"Log-likelihood of a die: 100% of {t_k} & y_k ~ #1 ^ $\ok$"


def make_step(claim, previous_lhs=None, **fields):
    """A Step read from ``claim`` the way a loader would: a continuation (``= rhs``) takes its
    left side from the step before."""
    formula = read_formula(claim)
    if formula.continues:
        lhs, rhs = previous_lhs, formula.sides[0]
    else:
        lhs, rhs = formula.sides
    return Step(claim=claim, lhs=lhs, rhs=rhs, continues=formula.continues, **fields)


def build_report() -> Report:
    symbols = (
        SymbolDecl("L", ("positive",)),
        SymbolDecl("y", ("positive",), indices=("k",), ranges=(("1", "6"),)),
        SymbolDecl("t", ("integer", "nonnegative"), indices=("k",), ranges=(("1", "6"),)),
        SymbolDecl("a", ("positive", "finite")),
        SymbolDecl("x"),
    )
    s1 = make_step(
        r"L = \prod_{k=1}^{6} y_k^{t_k}",
        kind=StepKind.DEFINITION,
        label="3.3",
        place=Place(PATH, 12),
    )
    s2 = make_step(
        r"\log L = \log \prod_{k=1}^{6} y_k^{t_k}",
        label="3.4",
        by=("log_both_sides",),
        place=Place(PATH, 17),
    )
    s3 = make_step(
        r"= \sum_{k=1}^{6} \log y_k^{t_k}",
        previous_lhs=s2.lhs,
        label="3.5",
        by=("log_prod",),
        notes=(
            ("en", "Every y_k is a probability & > 0, so the product's log splits (100%)."),
            ("ja", "y_k はすべて正の確率なので、積の対数は和に分けられる。"),
        ),
        place=Place(PATH, 21),
    )
    s4 = make_step(
        r"= \sum_{k=1}^{6} t_k \log y_k",
        previous_lhs=s2.lhs,
        by=("log_pow",),
        place=Place(PATH, 26),
    )
    s4b = make_step(
        r"= t_1 \log y_1 + t_2 \log y_2 + t_3 \log y_3 + t_4 \log y_4 + t_5 \log y_5"
        r" + t_6 \log y_6",
        previous_lhs=s2.lhs,
        label="3.6",
        by=("sum_expand",),
        place=Place(PATH, 28),
    )
    s5 = make_step(r"\log(a + b) = \log a + \log b", label="3.7", place=Place(PATH, 30))
    s6 = make_step(r"\log(x y) = \log x + \log y", label="3.8", place=Place(PATH, 34))
    derivation = Derivation(TITLE, PATH, symbols, (s1, s2, s3, s4, s4b, s5, s6))
    results = (
        StepResult(s1, Verdict.DEFINITION),
        StepResult(
            s2,
            Verdict.VERIFIED,
            rules=("log_both_sides",),
            lhs_latex=r"\log L",
            rhs_latex=r"\log \prod_{k=1}^{6} y_{k}^{t_{k}}",
        ),
        StepResult(s3, Verdict.VERIFIED, rules=("log_prod",), conditions=(r"y_{k} > 0",)),
        StepResult(
            s4,
            Verdict.VERIFIED,
            rules=("sum_const_mul", "log_pow"),
            conditions=(r"y_{k} > 0", r"t_{k} \in \mathbb{R}"),
        ),
        StepResult(
            s4b,
            Verdict.VERIFIED,
            rules=("sum_expand",),
            lhs_latex=r"\log L",
            rhs_latex=AUTHOR_EXPANSION,
        ),
        StepResult(
            s5,
            Verdict.REFUTED,
            reason="the two sides differ at the values below",
            counterexample=Counterexample(
                values=(("a", "1"), ("b", "1/2")),
                lhs="0.405465108108164381978013115464349137",
                rhs="-0.693147180559945309417232121458176568",
            ),
        ),
        StepResult(
            s6,
            Verdict.UNKNOWN,
            rules=("log_mul",),
            reason="log_mul needs x > 0 and y > 0; x is not declared positive",
            warnings=("x has no declared assumptions",),
        ),
    )
    given = make_step(r"y_1 + y_2 + y_3 = 1", kind=StepKind.GIVEN, place=Place("b.md", 3))
    second = Derivation(
        "Probabilities sum to one", "b.md", (SymbolDecl("y", ("positive",)),), (given,)
    )
    return Report(
        (
            DerivationReport(derivation, results),
            DerivationReport(second, (StepResult(given, Verdict.GIVEN),)),
        )
    )


@pytest.fixture(scope="session")
def report() -> Report:
    return build_report()


@pytest.fixture(scope="session")
def empty_report() -> Report:
    return Report(())


@pytest.fixture(scope="session")
def fresh_report():
    """Builds a new, equal report on each call (to check output does not depend on identity)."""
    return build_report
