"""Other problems through the same machinery, against answers known independently."""

from __future__ import annotations

import sympy as sp

from eqchain.optimize import Constraint, Problem, solve

mu = sp.Symbol("mu", positive=True)
m = sp.Symbol("m", positive=True)
N = sp.Symbol("N", positive=True)
i = sp.Symbol("i", integer=True, positive=True)
n = sp.Symbol("n", integer=True, positive=True)
x = sp.IndexedBase("x", real=True)
mu_real = sp.Symbol("mu", real=True)
sigma = sp.Symbol("sigma", positive=True)
X, Y, Z = sp.symbols("x y z", real=True)
BERNOULLI = m * sp.log(mu) + (N - m) * sp.log(1 - mu)
GAUSS = -sp.Sum((x[i] - mu_real) ** 2 / (2 * sigma**2), (i, 1, n))


def test_bernoulli_with_data_is_m_over_n():
    sol = solve(Problem(BERNOULLI, (mu,), data=((m, 7), (N, 20))))
    assert sol.point == ((mu, sp.Rational(7, 20)),)
    assert sol.certified
    assert sol.certificate.minors[0].value == sp.Rational(-8000, 91)


def test_bernoulli_symbolic_point_is_m_over_n():
    assert solve(Problem(BERNOULLI, (mu,))).point == ((mu, m / N),)


def test_bernoulli_symbolic_needs_m_below_n():
    sol = solve(Problem(BERNOULLI, (mu,)))
    assert sol.status == "unknown"
    assert sol.certificate.missing == ("m - N < 0",)


def test_gaussian_mean_is_the_sample_mean():
    sol = solve(Problem(GAUSS, (mu_real,)))
    assert sol.point == ((mu_real, sp.Sum(x[i], (i, 1, n)) / n),)
    assert sol.certified and sol.certificate.is_global


def test_gaussian_mean_with_data():
    sol = solve(Problem(GAUSS, (mu_real,), data=((n, 4), (x, (1, 2, 3, 6)))))
    assert sol.point == ((mu_real, 3),)


def test_quadratic_minimum_on_a_line():
    sol = solve(Problem(X**2 + Y**2, (X, Y), (Constraint(X + Y, 1),), sense="minimize"))
    assert sol.point == ((X, sp.Rational(1, 2)), (Y, sp.Rational(1, 2)))
    assert sol.certified and sol.certificate.minors[0].value == -4


def test_maximising_a_convex_quadratic_reports_a_minimum():
    sol = solve(Problem(X**2 + Y**2, (X, Y), (Constraint(X + Y, 1),)))
    assert sol.status == "minimum" and not sol.certified


def test_indefinite_form_on_a_plane_is_a_saddle():
    sol = solve(Problem(X**2 + Y**2 - Z**2, (X, Y, Z), (Constraint(X + Y + Z, 1),)))
    assert sol.status == "saddle" and not sol.certified


def test_non_separable_objective_goes_through_sympy_solve():
    sol = solve(Problem(X * Y, (X, Y), (Constraint(X + Y, 2),)))
    assert sol.method == "sympy.solve"
    assert sol.point == ((X, 1), (Y, 1)) and sol.certified


def test_two_constraints_use_the_general_bordered_hessian():
    sol = solve(
        Problem(-(X**2 + Y**2 + Z**2), (X, Y, Z), (Constraint(X + Y + Z, 1), Constraint(X - Y, 0)))
    )
    third = sp.Rational(1, 3)
    assert sol.point == ((X, third), (Y, third), (Z, third))
    assert [mi.order for mi in sol.certificate.minors] == [5]
    assert sol.certified


def test_sympy_solve_out_of_time_is_unknown():
    sol = solve(Problem(X * Y + sp.exp(X), (X, Y), (Constraint(X + Y, 2),)), timeout=0.001)
    assert sol.status == "unknown" and not sol.certified
    assert "no answer" in sol.notes[0]


def test_no_stationary_point_in_the_domain():
    pos = sp.symbols("p q", positive=True)
    sol = solve(Problem(pos[0] * pos[1], pos, (Constraint(pos[0] + pos[1], -1),)))
    assert sol.status == "no stationary point"
