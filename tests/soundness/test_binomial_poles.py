"""Red team 27: a binomial coefficient is defined (as SymPy's simplify reads it, through the
gamma function) where its upper argument n has n + 1 > 0.

SymPy's simplify takes ``binomial(n, n + 1)`` to 0 through ``gamma(n + 1) / gamma(n + 2)``,
cancelling the poles at the negative integers; but ``binomial(-1, 0)`` is 1. So
``\\binom{n}{n+1} = 0`` was verified by algebra for a real n (false at n = -1). The binomial
needs n + 1 > 0 as the gamma function needs its argument positive: the step is verified where
n > -1 only, and a binomial at n = -1 is defined nowhere (unknown).
"""

from __future__ import annotations

from eqchain.model import Verdict

from .judged import check_markdown


def _doc(*rows: str) -> str:
    return "".join(f"Text.\n\n$$\n{r}\n$$\n\n" for r in rows)


def test_the_binomial_past_its_top_is_verified_only_where_n_exceeds_minus_one(tmp_path):
    (result,) = check_markdown(tmp_path, _doc("\\binom{n}{n+1} = 0"))
    assert result.verdict is Verdict.VERIFIED, (result.verdict, result.reason)
    assert result.domain, "the step holds only where n > -1"


def test_at_minus_one_it_is_not_verified(tmp_path):
    (result,) = check_markdown(tmp_path, _doc("\\binom{-1}{0} = 0"))
    assert result.verdict is not Verdict.VERIFIED, (result.verdict, result.reason)


def test_with_n_a_natural_number_no_domain_is_needed(tmp_path):
    (result,) = check_markdown(tmp_path, _doc("\\binom{n}{n+1} = 0"), assume="n integer, n >= 0")
    assert result.verdict is Verdict.VERIFIED, (result.verdict, result.reason)
    assert not result.domain


def test_the_permutations_past_the_top_are_verified_only_where_n_exceeds_minus_one(tmp_path):
    # {}_nP_k is n!/(n-k)!, the falling factorial ff(n, k) = Gamma(n + 1) / Gamma(n - k + 1):
    # SymPy's simplify takes ff(n, n + 1) to 0, but ff(-1, 0) is 1
    (result,) = check_markdown(tmp_path, _doc("{}_{n}P_{n+1} = 0"))
    assert result.verdict is Verdict.VERIFIED, (result.verdict, result.reason)
    assert result.domain, "the step holds only where n > -1"
