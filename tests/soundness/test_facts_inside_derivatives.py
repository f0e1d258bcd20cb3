r"""An equation that holds only where a given holds is no identity in the variables the given ties
down: it may not be put inside a derivative by one of them. ``a + b = 2`` makes ``a^2 + ab =
2a`` true, yet ``\frac{d}{da}(a^2 + ab)`` is ``2a + b``, not ``2``. Each of these rows was
verified before (search.Pins, engine._derivatives_through_facts,
engine._no_derivative_by_a_defined_power)."""

from __future__ import annotations

from helpers import check_document_rows


def statuses(tmp_path, *rows, assume=None):
    return [s["status"] for s in check_document_rows(tmp_path, *rows, assume=assume)]


def test_a_claim_true_under_a_given_is_not_used_inside_a_derivative(tmp_path):
    rows = (r"a + b = 2", r"a^2 + ab = 2a", r"\frac{d}{da}(a^2 + ab) = \frac{d}{da}(2a)")
    assert statuses(tmp_path, *rows) == ["given", "verified", "refuted"]


def test_a_given_is_not_used_inside_a_derivative_by_its_variable(tmp_path):
    rows = (r"a + b = 2", r"\frac{d}{da}(a^2 + ab) = \frac{d}{da}(a (a + b)) = \frac{d}{da}(2a)")
    assert statuses(tmp_path, *rows)[-2:] == ["verified", "refuted"]


def test_a_claim_true_at_a_defined_value_is_not_used_inside_a_derivative(tmp_path):
    rows = (r"x = 1", r"x^3 = x^2", r"\frac{d}{dx} x^3 = \frac{d}{dx} x^2")
    assert statuses(tmp_path, *rows)[-1] != "verified"


def test_a_defined_power_ties_its_name_down(tmp_path):
    rows = (r"x^4 = 1", r"\frac{d}{dx} x^4 = \frac{d}{dx} 1")
    assert statuses(tmp_path, *rows)[-1] == "unknown"


def test_a_claim_about_a_defined_quantity_under_a_given_is_not_differentiated(tmp_path):
    rows = (
        r"L = x^{\mu}",
        r"\mu + \nu = 2",
        r"\log L = (2 - \nu) \log x",
        r"\frac{d}{d\mu} \log L = \frac{d}{d\mu} \left((2 - \nu) \log x\right)",
    )
    assert statuses(tmp_path, *rows, assume="x > 0")[-1] != "verified"


# -- what stays: identities are used inside derivatives ------------------------------------


def test_a_claim_that_is_an_identity_is_still_used_inside_a_derivative(tmp_path):
    rows = (r"L = x^{\mu}", r"\log L = \mu \log x", r"\frac{d}{d\mu} \log L = \log x")
    assert statuses(tmp_path, *rows, assume="x > 0")[-1] == "verified"


def test_a_claim_made_before_the_given_is_still_used(tmp_path):
    rows = (
        r"(a + b)^2 = a^2 + 2ab + b^2",
        r"a + b = 2",
        r"\frac{\partial}{\partial a}(a + b)^2 = \frac{\partial}{\partial a}(a^2 + 2ab + b^2)",
    )
    assert statuses(tmp_path, *rows)[-1] == "verified"


def test_a_function_definition_is_still_put_in(tmp_path):
    rows = (r"f(x) = x^3", r"f(1) = 1", r"\frac{d}{dx} f(x) = 3x^2")
    assert statuses(tmp_path, *rows)[-1] == "verified"


# -- limits and indefinite integrals run their variables over every value (red team 2) -------


def test_a_given_is_not_used_inside_a_limit_over_its_variable(tmp_path):
    rows = (r"k + m = 3", r"\lim_{k \to \infty} \frac{k + m}{k} = \lim_{k \to \infty} \frac{3}{k}")
    assert statuses(tmp_path, *rows)[-1] != "verified"


def test_a_given_is_not_used_inside_an_indefinite_integral_over_its_variable(tmp_path):
    rows = (r"a + b = 2", r"\int (a^2 + ab) \, da = \int 2a \, da")
    assert statuses(tmp_path, *rows)[-1] != "verified"


def test_an_identity_is_still_used_inside_a_limit(tmp_path):
    rows = (r"\lim_{k \to \infty} \frac{k + 1}{k} = 1",)
    assert statuses(tmp_path, *rows)[-1] == "verified"
