"""Work the checker need not do twice (issue 17: CI time; issue 12: a verdict within the step's
budget). Each change keeps every verdict: these tests pin the work saved, beside the verdict
tests that already cover the outcomes."""

from __future__ import annotations

from pathlib import Path

import mpmath
import sympy as sp

from eqchain.check import equivalence, integrals, search
from eqchain.check.engine import check_derivation
from eqchain.load.toml_file import load_toml
from eqchain.model import Verdict

ROOT = Path(__file__).resolve().parents[2]


def test_a_difference_with_no_concrete_sum_is_simplified_once(monkeypatch):
    seen = []
    real = equivalence.is_zero
    monkeypatch.setattr(equivalence, "is_zero", lambda d, quick=False: seen.append(d) or real(d))
    x = sp.Symbol("x", real=True)
    assert equivalence.prove_equal(sp.exp(x) + 1, sp.exp(x) + 2) is None
    assert len(seen) == 1


def test_a_concrete_sum_written_out_is_tried_again(monkeypatch):
    seen = []
    real = equivalence.is_zero
    monkeypatch.setattr(equivalence, "is_zero", lambda d, quick=False: seen.append(d) or real(d))
    k = sp.Symbol("k", integer=True)
    y = sp.IndexedBase("y", real=True)
    written = sp.Sum(y[k], (k, 1, 3))
    assert equivalence.prove_equal(written, y[1] + y[2] + y[3]) == "algebra"
    seen.clear()
    assert equivalence.prove_equal(written, y[1] + y[2]) is None
    assert len(seen) == 2  # the difference as written, then with the sum written out
    assert seen[0].has(sp.Sum) and not seen[1].has(sp.Sum)


def _sixty_digit_quadratures(monkeypatch) -> list:
    calls = []
    real = integrals._numeric

    def counted(expr, dps, *args, **kwargs):
        if dps == integrals.PRECISIONS[-1]:
            calls.append(expr)
        return real(expr, dps, *args, **kwargs)

    monkeypatch.setattr(integrals, "_numeric", counted)
    return calls


def test_a_valid_integral_is_not_computed_at_sixty_digits(monkeypatch):
    """Sides that agree at 30 digits cannot refute the step (a refutation needs the difference
    stable between 30 and 60 digits): the 60-digit quadrature is left out."""
    calls = _sixty_digit_quadratures(monkeypatch)
    x = sp.Symbol("x", real=True)
    s = sp.Symbol("s", positive=True)
    integral = sp.Integral(x**2 * sp.exp(-(x**2) / (2 * s**2)), (x, -sp.oo, sp.oo))
    assert integrals.quadrature_counterexample(integral, sp.sqrt(2 * sp.pi) * s**3) is None
    assert calls == []


def test_a_wrong_integral_is_still_refuted_at_both_precisions(monkeypatch):
    calls = _sixty_digit_quadratures(monkeypatch)
    x = sp.Symbol("x", real=True)
    s = sp.Symbol("s", positive=True)
    integral = sp.Integral(x**2 * sp.exp(-(x**2) / (2 * s**2)), (x, -sp.oo, sp.oo))
    cex = integrals.quadrature_counterexample(integral, sp.sqrt(2 * sp.pi) * s**2, trials=3)
    assert cex is not None
    assert calls  # confirmed at 60 digits before it is shown
    assert abs(mpmath.mpf(cex.lhs) - mpmath.mpf(cex.rhs)) > mpmath.mpf(10) ** -12


def test_a_divergent_integral_is_still_no_counterexample():
    """The check that |f| is integrable runs before any refutation, as before."""
    x = sp.Symbol("x", real=True)
    integral = sp.Integral((x - 1) / x**2, (x, -1, 2))
    assert integrals.quadrature_counterexample(integral, sp.Integer(1)) is None


def test_the_rule_search_matches_a_subtree_against_a_pattern_once(monkeypatch):
    """States of the search share subtrees: an equation instantiated at each state matches
    each (subtree, pattern) pair once (the index wildcards are the same from state to state)."""
    pairs = []
    real = sp.Basic.match

    def counted(self, pattern, *args, **kwargs):
        if any(w.name.startswith("idx_") for w in pattern.atoms(sp.Wild)):  # the search's
            pairs.append((self, pattern))
        return real(self, pattern, *args, **kwargs)

    monkeypatch.setattr(sp.Basic, "match", counted)
    # what earlier tests in this process left in the memo (which is emptied when full) aside
    monkeypatch.setattr(search, "_MATCHED", {})
    (derivation,) = load_toml(str(ROOT / "derivations" / "dice_mle.toml"))
    report = check_derivation(derivation, 60)
    assert all(r.verdict is not Verdict.REFUTED for r in report.results)
    assert pairs
    assert len(pairs) == len(set(pairs))


def test_a_series_met_again_is_summed_once(monkeypatch):
    """The refuter meets the same series at the same point in step after step: SymPy sums it
    once (check/series.py remembers closed forms for the process)."""
    from eqchain.check import series

    monkeypatch.setattr(series, "_CLOSED", {})
    calls = []
    real = series._hypergeometric
    monkeypatch.setattr(series, "_hypergeometric", lambda *a: calls.append(a) or real(*a))
    x = sp.Symbol("x", integer=True, nonnegative=True)
    lam = sp.Rational(3, 2)
    poisson = sp.Sum(x * lam**x * sp.exp(-lam) / sp.factorial(x), (x, 0, sp.oo))
    first = series.summed(poisson + 1)
    again = series.summed(2 * poisson)
    assert first == lam + 1 and again == 2 * lam
    assert len(calls) == 1


def test_a_difference_met_again_is_not_simplified_again(monkeypatch):
    monkeypatch.setattr(equivalence, "_ZERO", {})
    calls = []
    real = equivalence._is_zero
    monkeypatch.setattr(equivalence, "_is_zero", lambda d, q=False: calls.append(d) or real(d, q))
    x = sp.Symbol("x", positive=True)
    difference = sp.log(x**2) - 2 * sp.log(x)
    assert equivalence.is_zero(difference) and equivalence.is_zero(difference)
    assert not equivalence.is_zero(sp.log(x) - x) and not equivalence.is_zero(sp.log(x) - x)
    assert len(calls) == 2


def _gaussian_integral(m, s):
    x = sp.Symbol("x", real=True)
    density = sp.exp(-((x - m) ** 2) / (2 * s**2)) / (sp.sqrt(2 * sp.pi) * s)
    return sp.Integral(x**2 * density, (x, -sp.oo, sp.oo))


def test_an_integral_given_is_not_differentiated_for_a_claim_without_integrals(monkeypatch):
    """A given holding an integral cannot make a difference with none zero (solved for a
    symbol or scaled, the integral stays): it is not tried, where it cost SymPy's derivative
    under the integral sign (8 s on a wrong last row of gaussian_kl, 0.2 s now)."""
    called = []
    real = sp.Integral._eval_derivative
    monkeypatch.setattr(
        sp.Integral, "_eval_derivative", lambda self, s: called.append(s) or real(self, s)
    )
    m, D = sp.Symbol("m", real=True), sp.Symbol("D", real=True)
    s = sp.Symbol("s", positive=True)
    given = (D, _gaussian_integral(m, s))
    assert equivalence.prove_equal(m**2 + s**2, m**2 + 2 * s, [given], quick=True) is None
    assert equivalence.prove_equal(m**2 + s**2, m**2 + 2 * s, [given]) is None
    assert called == []


def test_a_given_is_still_solved_for_a_symbol_beside_the_same_integral():
    """The given and the claim with the same integral: solved as before (D from D - I = 0)."""
    m, D = sp.Symbol("m", real=True), sp.Symbol("D", real=True)
    s = sp.Symbol("s", positive=True)
    integral = _gaussian_integral(m, s)
    assert equivalence.prove_equal(2 * D, 2 * integral, [(D, integral)]) is not None
    assert equivalence.prove_equal(m + D, m + integral, [(D, integral)]) is not None


def test_a_wrong_last_row_after_an_integral_chain_is_refuted_without_the_solve(tmp_path):
    """gaussian_kl's last row with (m_1 - m_2)^2 made (m_1 - m_2): refuted, by the quick
    counterexample, and the earlier rows verified."""
    text = (ROOT / "derivations" / "gaussian_kl.toml").read_text(encoding="utf-8")
    wrong = text.replace(
        r"\frac{s_1^2 + (m_1 - m_2)^2}{2 s_2^2} - \frac{1}{2}'",
        r"\frac{s_1^2 + (m_1 - m_2)}{2 s_2^2} - \frac{1}{2}'",
    )
    assert wrong != text
    path = tmp_path / "gaussian_kl.toml"
    path.write_text(wrong, encoding="utf-8")
    (derivation,) = load_toml(path)
    results = check_derivation(derivation, 10).results
    verdicts = [r.verdict for r in results if r.verdict is not Verdict.DEFINITION]
    assert verdicts[-1] is Verdict.REFUTED
    assert all(v is Verdict.VERIFIED for v in verdicts[:-1])
