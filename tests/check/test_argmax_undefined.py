"""An arg max of a function the document never defines (the EM step
``\\hat\\theta = \\mathrm{argmax}_\\theta Q(\\theta, \\theta_0)``) is unknown saying so: before, the
solver's substitution crashed inside SymPy ("Can't calculate derivative wrt 1/_u"), and without
that crash the solver would have claimed the stationarity system has no solution."""

import sympy as sp
from helpers import check_document_rows

from eqchain.optimize.common import solve_linear


def test_an_arg_max_of_an_undefined_function_is_unknown_naming_it(tmp_path):
    (step,) = check_document_rows(tmp_path, r"\hat{\theta} = \text{argmax}_{\theta} Q(\theta, b)")
    assert step["status"] == "unknown"
    assert "is not defined" in step["reason"]
    assert "SymPy" not in step["reason"]
    assert "no solution" not in step["reason"]


def test_an_arg_max_of_a_defined_function_is_still_solved(tmp_path):
    steps = check_document_rows(
        tmp_path, r"Q(\theta) = -(\theta - 3)^2", r"\hat{\theta} = \arg\max_{\theta} Q(\theta)"
    )
    assert steps[-1]["status"] == "verified", steps[-1]["reason"]


def test_solve_linear_passes_over_a_derivative_by_the_unknown():
    theta = sp.Symbol("theta")
    q = sp.Function("Q")(theta)
    assert solve_linear(sp.Derivative(q, theta), theta) is None
