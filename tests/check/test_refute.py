"""The refuter on its own: values bound by 'where', givens for every k, systems of givens."""

from __future__ import annotations

import sympy as sp

from eqchain.check.refute import find_counterexample

k = sp.Symbol("k", integer=True, positive=True)
K = sp.Symbol("K", integer=True, positive=True)
x = sp.Symbol("x", real=True)
a = sp.Symbol("a", real=True)
lam = sp.Symbol("lambda", real=True)
y = sp.IndexedBase("y", positive=True)
t = sp.IndexedBase("t", positive=True, integer=True)
RANGES = {k: [(1, K)]}


def values_of(cex) -> dict:
    return {name: sp.Rational(v) for name, v in cex.values}


def test_where_values_reach_the_members_of_a_sum():
    trig = sp.Sum(t[k] * sp.sin(x) ** 2, (k, 1, 3)) + sp.Sum(t[k] * sp.cos(x) ** 2, (k, 1, 3))
    bound = {t[1]: 1, t[2]: 2, t[3]: 3}
    for seed in range(4):
        assert find_counterexample(trig, 6, seed=seed, ranges=RANGES, values=bound) is None
    cex = find_counterexample(trig, 7, ranges=RANGES, values=bound)
    assert cex is not None
    assert not any(name.startswith("t") for name, _ in cex.values)


def test_where_values_fix_the_bound_of_a_sum():
    total = sp.Sum(t[k], (k, 1, K))
    bound = {K: 3, t[1]: 1, t[2]: 2, t[3]: 3}
    assert find_counterexample(total, 6, ranges=RANGES, values=bound) is None
    assert find_counterexample(total, 5, ranges=RANGES, values=bound) is not None


def test_where_values_reach_a_symbol_of_an_unfolded_definition():
    s = a * sp.sin(x) ** 2 + a * sp.cos(x) ** 2
    assert find_counterexample(s, 2, values={a: 2}) is None


def test_a_given_with_a_free_index_holds_for_every_member():
    givens = [(y[k], sp.Integer(1))]
    for seed in range(4):
        assert find_counterexample(y[1] + y[2], 2, givens, seed=seed, ranges=RANGES) is None
    assert find_counterexample(y[1] + y[2], 3, givens, ranges=RANGES) is not None


def test_a_given_with_a_free_index_holds_for_every_k_of_the_range():
    givens = [(y[k], sp.Integer(1))]
    total = sp.Sum(y[k], (k, 1, K))
    assert find_counterexample(total, K, givens, ranges=RANGES) is None
    assert find_counterexample(total, K + 1, givens, ranges=RANGES) is not None


LAGRANGE = [(t[k] / y[k] - lam, sp.Integer(0)), (sp.Sum(y[k], (k, 1, K)), sp.Integer(1))]


def test_a_system_of_givens_is_solved_jointly():
    n = sp.Sum(t[k], (k, 1, K))
    for seed in range(3):
        assert find_counterexample(lam, n, LAGRANGE, seed=seed, ranges=RANGES) is None
        assert find_counterexample(y[k], t[k] / n, LAGRANGE, seed=seed, ranges=RANGES) is None
    cex = find_counterexample(lam, n + 1, LAGRANGE, ranges=RANGES)
    assert cex is not None
    v = values_of(cex)
    count = int(v["K"])
    ys = [v[f"y_{{{i}}}"] for i in range(1, count + 1)]
    ts = [v[f"t_{{{i}}}"] for i in range(1, count + 1)]
    assert sum(ys) == 1
    assert all(ti / yi == v["\\lambda"] for ti, yi in zip(ts, ys, strict=True))


def test_givens_hold_for_a_claim_that_mentions_none_of_their_symbols():
    bound = {K: 6, **{t[i]: v for i, v in enumerate((2, 5, 2, 4, 2, 5), start=1)}}
    n = sp.Sum(t[k], (k, 1, K))
    assert find_counterexample(n, 20, LAGRANGE, ranges=RANGES, values=bound) is None
    assert find_counterexample(n, 21, LAGRANGE, ranges=RANGES, values=bound) is not None
    # The same values of y_k are fixed by the givens.
    assert (
        find_counterexample(y[2], sp.Rational(1, 4), LAGRANGE, ranges=RANGES, values=bound) is None
    )
    assert find_counterexample(y[2], sp.Rational(1, 5), LAGRANGE, ranges=RANGES, values=bound)


def test_no_counterexample_when_the_givens_cannot_all_hold():
    givens = [(y[1], sp.Integer(1)), (y[1], sp.Integer(2))]
    assert find_counterexample(sp.Integer(1), sp.Integer(2), givens) is None
    assert find_counterexample(x, x + 1, [(x, sp.Integer(1)), (x, sp.Integer(2))]) is None


def test_a_where_binding_against_a_given_gives_no_counterexample():
    bound = {t[1]: 2}
    assert find_counterexample(x, x + 1, [(t[1], sp.Integer(3))], values=bound) is None


def test_a_nonlinear_given_is_solved_for_one_symbol():
    b = sp.Symbol("b", positive=True)
    givens = [(b**2, sp.Integer(2))]
    assert find_counterexample(b**4, 4, givens) is None
    cex = find_counterexample(b**4, 5, givens)
    assert cex is not None


def test_a_huge_rational_side_is_shown_as_a_decimal():
    cex = find_counterexample(1 / sp.factorial(2004), 1 / sp.factorial(2005))
    assert cex is not None
    assert "/" not in cex.lhs and "e" in cex.lhs.lower()
    assert find_counterexample(sp.Rational(1, 3), sp.Rational(1, 4)).lhs == "1/3"


def test_a_given_for_every_k_ties_other_symbols_when_no_member_occurs():
    w = sp.IndexedBase("w", real=True)
    givens = [(w[k] ** 2, -lam)]
    for seed in range(3):
        assert find_counterexample(sp.Min(lam, 0), lam, givens, seed=seed, ranges=RANGES) is None


# -- counterexamples a reader believes -------------------------------------------------------


def _longest(cex) -> int:
    return max(len(text) for _, text in cex.plain_values())


def test_a_counterexample_takes_the_smallest_size_first():
    total = sp.Sum(t[k] * sp.log(y[k]), (k, 1, K))
    cex = find_counterexample(-total, total, ranges=RANGES)
    assert cex is not None
    assert dict(cex.values)["K"] == "1", cex
    assert _longest(cex) <= 4, cex


def test_a_short_value_that_is_not_simple_is_replaced_by_a_simpler_one():
    # A sign error in the sigmoid's derivative (a public post): the first refuting point may
    # be x = 27/4, short but not what a reader checks by hand; a simpler one refutes it too.
    e = sp.exp(-x)
    cex = find_counterexample(e / (e + 1) ** 2, (1 / (e + 1)) * (-e / (e + 1)))
    assert cex is not None
    assert _longest(cex) <= 3, cex


def test_a_counterexample_keeps_small_values_when_a_given_is_solved():
    # The given is solved for the symbol that keeps the values short (L = 1/2, not a t_1 that
    # needs logarithms).
    L = sp.Symbol("L", positive=True)
    total = sp.Sum(t[k] * sp.log(y[k]), (k, 1, K))
    cex = find_counterexample(-sp.log(L), total, [(sp.log(L), total)], ranges=RANGES)
    assert cex is not None
    assert _longest(cex) <= 4, cex
    assert "log" not in " ".join(v for _, v in cex.values)


def test_a_value_that_needs_a_logarithm_is_shown_as_latex_and_as_unicode():
    # e^x = 2 fixes x = log 2: no rational point exists.
    cex = find_counterexample(x, sp.Integer(1), [(sp.exp(x), sp.Integer(2))])
    assert cex is not None
    (name, value), (_, shown) = cex.values[0], cex.plain_values()[0]
    assert name == "x"
    assert value == r"\log{\left(2 \right)}" and shown == "log(2)"


def test_a_value_is_never_shown_in_sympy_input_syntax():
    cex = find_counterexample(x, sp.Integer(1), [(sp.exp(2 * x), sp.Integer(3))])
    assert cex is not None
    for _, text in cex.values + cex.plain_values():
        assert "*" not in text and "sqrt" not in text and "exp(" not in text, cex


def test_a_step_refuted_stays_refuted_when_its_time_runs_out_while_simplifying(monkeypatch):
    import eqchain.check.refute as refute
    from eqchain.check.timeout import StepTimeout

    first = refute._refuting

    def out_of_time(problem, rng, trial, simple, off=None):
        if simple is not None:
            raise StepTimeout()
        return first(problem, rng, trial, simple, off)

    monkeypatch.setattr(refute, "_refuting", out_of_time)
    total = sp.Sum(t[k] * sp.log(y[k]), (k, 1, K))
    assert find_counterexample(-total, total, ranges=RANGES) is not None


def test_the_sampler_solves_small_equations_only():
    # solve() on a likelihood written out at a sampled size ran nine seconds a call, and the
    # step's time limit ran out before its search began: the work is bounded by the size
    from eqchain.check.refute import ROOT_OPS, _roots

    a = sp.Symbol("a", positive=True)  # noqa: F811 - a positive one here
    assert _roots(a**2 - 4, a) == [2]
    assert _roots(sp.exp(a) - 3, a) == [sp.log(3)]
    assert _roots(a**5 - 32, a) == []  # above the degree solved
    big = sum(sp.exp(k * a) / sp.factorial(a + k) for k in range(1, 30)) - 1
    assert sp.count_ops(big) > ROOT_OPS
    assert _roots(big, a) == []


def test_roots_of_a_real_unknown_with_complex_coefficients_end_no_search():
    # sp.solve answered [(0,)] for this cubic in a real unknown: the tuple had ended the whole
    # search for a counterexample with an AttributeError
    from eqchain.check.refute import _roots

    r = sp.Symbol("r", real=True)
    assert _roots(-196 * r**3 + 10005 * r + 8132 * r * sp.I, r) == [0]
    assert sorted(_roots(r**2 - 4, r)) == [-2, 2]


def test_roots_of_a_line_or_a_quadratic_with_i_by_their_formulas():
    # with i in a coefficient, the formulas, not roots()' factoring over Q(i): the same roots,
    # only those the unknown's assumptions allow; real coefficients keep roots()' radicals
    from eqchain.check.refute import _roots

    a = sp.Symbol("a", real=True)
    p = sp.Symbol("p", positive=True)
    assert _roots(a**2 - 2, a) == sorted([-sp.sqrt(2), sp.sqrt(2)], key=sp.default_sort_key)
    assert _roots(p**2 - 2, p) == [sp.sqrt(2)]
    assert _roots(sp.expand((a - sp.sqrt(2)) * (a - sp.pi)), a) == sorted(
        [sp.sqrt(2), sp.pi], key=sp.default_sort_key
    )
    assert _roots(a**2 + 2 * sp.I * a - 1, a) == []  # the double root -i is not real
    assert _roots(sp.expand((a - 1) * (a - sp.I)), a) == [1]
    assert _roots(sp.expand((a - 2) * (a - 3 * sp.I)), a) == [2]
    assert _roots(3 * a - sp.sqrt(3), a) == [sp.sqrt(3) / 3]
    assert _roots((a - 1) ** 2, a) == [1]


def test_a_given_about_other_names_does_not_stop_a_refutation():
    # a public logistic-regression post: after the given dz/db = 1 (z an unknown function of
    # b) no later row of the document was refuted, not even 3a = a + a
    a, b = sp.Symbol("a", real=True), sp.Symbol("b", real=True)
    z = sp.Function("z")
    given = [(sp.Derivative(z(b), b), sp.Integer(1))]
    assert find_counterexample(3 * a, 2 * a, given) is not None
    # a given about other names that some value meets: its value is shown beside
    p = sp.Symbol("p", positive=True)
    cex = find_counterexample(a, a + 1, [(p**2, sp.Integer(2))])
    assert dict(cex.values)["p"] == r"\sqrt{2}"
    # one about the claim's names still bears on it
    assert find_counterexample(a**2, 4, [(a, sp.Integer(2))]) is None


def test_the_document_given_a_derivative_still_refutes_later_rows(tmp_path):
    from helpers import check_document_rows

    got = check_document_rows(tmp_path, r"\frac{\partial z}{\partial b} = 1", "3a = a + a")
    assert [s["status"] for s in got] == ["given", "refuted"]
