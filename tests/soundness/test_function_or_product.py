"""A name before parentheses, function or product, end to end (eqchain.latex.applied).

A name the document also uses as a value (``p`` alone, ``KL(p || q)``, ``\\sigma^2``) is a function
where its parentheses hold names (``p(x)``) and the product before an expression (``p(1 - p)``).
Sound because a step verified for an uninterpreted function holds for ``t -> p t`` too, and a
refutation never uses values of the function; unsound only where something binds the name, which
stays ambiguous. Known function names spelled without a backslash (``tanh(z)``, ``sigmoid(z)``,
``Var(X)``) are those functions. Each behaviour: verified, refuted, unknown or unreadable."""

from __future__ import annotations

import json

import pytest
from helpers import run_eqchain


def check(tmp_path, blocks: list[str], assume: str | None = None) -> list[dict]:
    post = tmp_path / "post.md"
    post.write_text("# Post\n\n" + "\n\n".join(f"$$ {b} $$" for b in blocks) + "\n")
    args = ["check", "--format", "json", str(post)] + (["--assume", assume] if assume else [])
    ran = run_eqchain(*args)
    return json.loads(ran.stdout)["derivations"][0]["steps"]


def statuses(steps) -> list[str]:
    return [s["status"] for s in steps]


# -- a name also used as a value -----------------------------------------------------------------


def test_a_density_applied_to_names_beside_a_parameter_is_read(tmp_path):
    # p is the Bernoulli parameter and p(x) the mass function: both read as the author means
    steps = check(
        tmp_path,
        [r"p(1 - p) = p - p^2", r"H = -p(x) \log p(x)"],
        assume="0 < p < 1",
    )
    assert steps[-2]["status"] == "verified"  # p(1 - p): the product
    assert steps[-1]["status"] != "unreadable", steps[-1]


def test_the_product_reading_is_verified_by_the_function_reading(tmp_path):
    # p(x) - p(x) = 0 holds for every function, so for the product p x too
    steps = check(tmp_path, [r"a = p", r"p(x) - p(x) = 0"])
    assert statuses(steps)[-1] == "verified"


def test_a_step_true_for_the_product_only_is_never_refuted(tmp_path):
    # a = 2 makes a(x) + 0 = 2 x true as a product, not for every function: unknown, never refuted
    steps = check(tmp_path, [r"a = 2", r"a(x) + 0 = 2 x"])
    assert statuses(steps)[-1] == "unknown", steps[-1]


def test_a_step_about_the_function_is_never_verified_by_the_product(tmp_path):
    # a(x) + 1 = a(x) + 1 holds; a(x) + 1 = 1 + 2 x does not follow from a = 2 for a function
    steps = check(tmp_path, [r"a = 2", r"a(x) + 1 = 1 + 2 x"])
    assert statuses(steps)[-1] not in ("verified", "refuted"), steps[-1]


def test_a_function_passed_as_an_object_does_not_make_it_a_scalar(tmp_path):
    steps = check(
        tmp_path,
        [
            r"KL(p||q) = \int p(x) \log \frac{p(x)}{q(x)} dx",
            r"\int p(x) \log \frac{p(x)}{q(x)} dx = \int p(x) (\log p(x) - \log q(x)) dx",
        ],
    )
    assert "unreadable" not in statuses(steps), steps


def test_a_name_bound_elsewhere_stays_ambiguous(tmp_path):
    # lambda is differentiated by: the product lambda(x) has derivative x, an uninterpreted
    # lambda(x) has 0; neither reading may be taken
    steps = check(tmp_path, [r"y = \frac{\partial}{\partial \lambda} \lambda(x)", r"= 0"])
    assert steps[0]["status"] == "unreadable"
    assert "ambiguous" in steps[0]["reason"]
    assert "verified" not in statuses(steps)


TRAPS = {
    # p(1 - p) is the product even beside p(x): never an uninterpreted p(1 - p)
    "product_beside_a_function": ([r"y = p(x)", r"p(1 - p) = p - p^2"], "verified"),
    # the same with lambda and a density-like lambda(t)
    "lambda_product": ([r"y = \lambda(t)", r"\lambda(1 - p) = \lambda - \lambda p"], "verified"),
    # a false step through the product: refuted, whatever the function
    "false_product": ([r"y = p(x)", r"p(1 - p) = p - p^3"], "refuted"),
    # a function of x is not linear: p(2 x) = 2 p(x) is true for the product, unknown here
    "not_linear": ([r"y = p", r"p(u) + p(v) = p(w)"], "unknown"),
}


@pytest.mark.parametrize("name", sorted(TRAPS))
def test_the_readings_of_a_name_used_both_ways(tmp_path, name):
    blocks, expected = TRAPS[name]
    steps = check(tmp_path, blocks)
    assert statuses(steps)[-1] == expected, steps[-1]


# -- definitions make a function for the document ------------------------------------------------


def test_a_definition_with_subscripted_arguments_makes_a_function(tmp_path):
    # phi is also used alone (phi^2): only the definition makes phi(z_j + 1) a function. The
    # checker takes a definition of a function of symbols only, so these are claims: unknown
    steps = check(
        tmp_path,
        [
            r"y = \phi^2",
            r"\phi(x_j) := \frac{1}{1 + e^{-x_j}}",
            r"\phi(z_j + 1) = \phi(z_j + 1)",
        ],
    )
    assert "unreadable" not in statuses(steps), steps
    assert statuses(steps)[-1] == "verified"


def test_a_definition_of_a_bold_argument_makes_a_function(tmp_path):
    steps = check(tmp_path, [r"\ell(\mathbf{w}) = \mathbf{w}^2", r"\ell(a) = a^2"])
    assert statuses(steps) == ["definition", "verified"], steps


def test_a_definition_after_a_use_makes_the_use_a_function(tmp_path):
    steps = check(tmp_path, [r"y = g(t) + g(t)", r"g(x) := x^2", r"y = 2 g(t)"])
    assert "unreadable" not in statuses(steps), steps


# -- function names written without a backslash --------------------------------------------------


@pytest.mark.parametrize(
    "claim, expected",
    [
        (r"tanh(z) = \frac{e^z - e^{-z}}{e^z + e^{-z}}", "verified"),
        (r"tanh(z) = \frac{e^z - e^{-z}}{e^z - e^{-z}}", "refuted"),
        (r"sigmoid(z) = \frac{1}{1 + \exp(-z)}", "verified"),
        (r"tanh(z) = 2*sigmoid(2z) - 1", "verified"),
        (r"tanh(z) = 2*sigmoid(z) - 1", "refuted"),
        (r"exp(a + b) = exp(a) exp(b)", "verified"),
        (r"relu(z) = max(0, z)", "verified"),
        (r"max(0, z) = z", "refuted"),
        (r"sin(x)^2 + cos(x)^2 = 1", "verified"),
    ],
)
def test_a_function_name_spelled_in_letters_is_the_function(tmp_path, claim, expected):
    steps = check(tmp_path, [claim], assume="z real, a real, b real, x real")
    assert statuses(steps)[-1] == expected, steps[-1]


def test_log_spelled_needs_its_side_condition(tmp_path):
    steps = check(tmp_path, [r"log(a b) = log(a) + log(b)"])
    assert steps[-1]["status"] == "unknown"
    assert "a > 0" in json.dumps(steps[-1]) or "positive" in json.dumps(steps[-1]), steps[-1]


def test_var_spelled_is_the_variance(tmp_path):
    from eqchain.latex.read import read_formula

    spelled = read_formula(r"Var(X) = 1").sides[0]
    written = read_formula(r"\mathrm{Var}(X) = 1").sides[0]
    assert spelled == written


def test_the_sigmoid_derivative_of_a_spelled_sigmoid_is_verified(tmp_path):
    steps = check(
        tmp_path,
        [r"s=sigmoid(z) = \frac{1}{1+\exp(-z)}", r"\frac{ds}{dz} = s(1-s)"],
        assume="z real",
    )
    assert statuses(steps)[-1] == "verified", steps[-1]


def test_a_longer_run_of_letters_is_not_the_function(tmp_path):
    # xtanh(z): not tanh (the run is longer); the letters before parentheses stay ambiguous
    steps = check(tmp_path, [r"y = xtanh(z)"])
    assert steps[-1]["status"] == "unreadable"


def test_a_derivation_file_declares_its_symbols_so_a_symbol_applied_stays_ambiguous(tmp_path):
    toml = tmp_path / "d.toml"
    toml.write_text(
        'title = "t"\n[symbols]\np = "positive"\nx = "real"\n'
        "[[steps]]\nclaim = 'p(x) + p = p + p(x)'\n"
    )
    ran = run_eqchain("check", "--format", "json", str(toml))
    (step,) = json.loads(ran.stdout)["derivations"][0]["steps"]
    assert step["status"] == "unreadable" and "ambiguous" in step["reason"], step
