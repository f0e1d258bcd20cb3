"""A defined name differentiated by a variable its definition does not mention varies with it
through the undefined names it is made of.

Found on a public simple-regression post (tsansom): ``RSS = \\epsilon_1^2 + \\ldots +
\\epsilon_n^2`` with the residual \\epsilon_i defined in prose eqchain does not read, then
``\\frac{\\partial RSS}{\\partial \\hat\\beta_1} = \\sum_i -2 x_i (y_i - \\hat\\beta_0 -
\\hat\\beta_1 x_i)``: the epsilons were held fixed, the derivative taken as 0, and the VALID
step was refuted; ``L = \\sum_i e_i^2`` then ``\\frac{\\partial L}{\\partial w} = 0`` was
VERIFIED, false whenever e_i is a residual. The author differentiates RSS by \\hat\\beta_1
because it depends on it; the definition does not say how, so its undefined names may vary
(check/varying.py), unless declared constant. A definition that mentions the variable says
how the name depends on it: its other names are held fixed, as before."""

from __future__ import annotations

from helpers import check_document_rows


def statuses(tmp_path, *rows, assume=None):
    return [s["status"] for s in check_document_rows(tmp_path, *rows, assume=assume)]


ZERO = r"\frac{\partial L}{\partial w} = 0"


def test_a_derivative_through_undefined_residuals_is_not_verified_zero(tmp_path):
    # not proved, it is the author setting the derivative to 0 (a given), never verified
    got = statuses(tmp_path, r"L = \sum_{i=1}^{n} e_i^2", ZERO)
    assert got == ["definition", "given"], got


def test_a_valid_derivative_through_undefined_residuals_is_not_refuted(tmp_path):
    rows = (
        r"RSS = \epsilon_1^2 + \epsilon_2^2 + \ldots + \epsilon_n^2",
        r"\frac{\partial RSS}{\partial \hat{\beta}_1} = "
        r"\sum_{i=1}^n -2x_i(y_i - \hat{\beta}_0 - \hat{\beta}_1 x_i)",
    )
    assert statuses(tmp_path, *rows) == ["definition", "unknown"]


def test_declared_constant_residuals_make_it_zero(tmp_path):
    got = statuses(tmp_path, r"L = \sum_{i=1}^{n} e_i^2", ZERO, assume="e_i constant")
    assert got == ["definition", "verified"], got


def test_with_the_residuals_defined_it_is_verified(tmp_path):
    rows = (
        r"e_i = y_i - w x_i",
        r"L = \sum_{i=1}^{n} e_i^2",
        r"\frac{\partial L}{\partial w} = \sum_{i=1}^{n} -2 x_i (y_i - w x_i)",
    )
    assert statuses(tmp_path, *rows)[-1] == "verified"


def test_a_definition_that_mentions_the_variable_holds_the_rest_fixed(tmp_path):
    rows = (
        r"L = \sum_{i=1}^{n} (y_i - w x_i)^2",
        r"\frac{\partial L}{\partial w} = \sum_{i=1}^{n} -2 x_i (y_i - w x_i)",
    )
    assert statuses(tmp_path, *rows)[-1] == "verified"
    wrong = (
        r"L = \sum_{i=1}^{n} (y_i - w x_i)^2",
        r"\frac{\partial L}{\partial w} = \sum_{i=1}^{n} 2 x_i (y_i - w x_i)",
    )
    assert statuses(tmp_path, *wrong)[-1] == "refuted"


def test_a_function_whose_body_does_not_mention_its_parameter(tmp_path):
    # RSS(\beta_0, \beta_1) = \sum_i \varepsilon_i^2 (StatProofBook): its derivative by
    # \beta_1 was 0 and the valid gradient refuted ("it does not follow"); L(w) = \sum_i e_i^2
    rows = (r"L(w) = \sum_{i=1}^{n} e_i^2", r"\frac{d L(w)}{d w} = 0 + 0")
    assert statuses(tmp_path, *rows)[-1] != "verified"
    rows = (
        r"\mathrm{RSS}(\beta_0,\beta_1) = \sum_{i=1}^n \varepsilon_i^2",
        r"\frac{\mathrm{d}\mathrm{RSS}(\beta_0,\beta_1)}{\mathrm{d}\beta_1} = "
        r"\sum_{i=1}^n 2 (y_i - \beta_0 - \beta_1 x_i) (-x_i)",
    )
    assert statuses(tmp_path, *rows)[-1] != "refuted"


def test_a_constant_function_of_plain_names_stays_constant(tmp_path):
    # a uniform density: its body mentions no x, and a, b stay what they are inside the
    # integral over x
    rows = (r"f(x) = \frac{1}{b - a}", r"\int_a^b f(x) \, dx = 1")
    got = check_document_rows(tmp_path, *rows, assume="b > a")
    assert got[-1]["status"] == "verified", got[-1]
