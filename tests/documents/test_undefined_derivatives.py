"""A name differentiated on its own that nothing defines (``\\frac{\\partial a}{\\partial w}``, a
defined in prose only) may vary with the variable: its derivative is unknown, never 0. Read as
0 (the derivative of a symbol of its own), ``\\frac{da}{dw} = 0`` was verified and a valid
``\\frac{da}{dw} = 1`` refuted. A name the derivation differentiates on its own varies with that
variable in every derivative by it (the product rule keeps its ``w \\frac{da}{dw}``); declared
``constant`` it does not, and its derivative is 0."""

from __future__ import annotations

import json
import textwrap

from helpers import run_eqchain


def _document(tmp_path, *equations: str, assume: str | None = None) -> list[str]:
    doc = tmp_path / "d.md"
    doc.write_text("".join(f"Text.\n\n$$\n{e}\n$$\n\n" for e in equations), encoding="utf-8")
    args = ["check", "--no-cache", "--format", "json", str(doc)]
    if assume:
        args[1:1] = ["--assume", assume]
    ran = run_eqchain(*args)
    steps = json.loads(ran.stdout)["derivations"][0]["steps"]
    return [s["status"] for s in steps]


def _file(tmp_path, symbols: str, *claims: str) -> list[str]:
    path = tmp_path / "d.toml"
    body = "[symbols]\n" + textwrap.dedent(symbols)
    body += "".join(f"\n[[steps]]\nclaim = '{c}'\n" for c in claims)
    path.write_text(body, encoding="utf-8")
    ran = run_eqchain("check", "--no-cache", "--format", "json", str(path))
    steps = json.loads(ran.stdout)["derivations"][0]["steps"]
    return [s["status"] for s in steps]


# A derivative set to 0 that is not verified is a first-order condition (a given) in documents.
NOT_VERIFIED_ZERO = (["unknown"], ["given"])


def test_the_derivative_of_an_undefined_name_is_not_verified_zero(tmp_path):
    assert _document(tmp_path, r"\frac{\partial a}{\partial w} = 0") in NOT_VERIFIED_ZERO
    assert _document(tmp_path, r"\frac{\partial a}{\partial w} = 0 \cdot w") == ["unknown"]


def test_the_derivative_of_an_undefined_family_member_is_not_verified_zero(tmp_path):
    assert _document(tmp_path, r"\frac{d a_n}{d w_1} = 0") in NOT_VERIFIED_ZERO
    assert _document(tmp_path, r"\frac{d a_n}{d w_1} = 0 \cdot w_1") == ["unknown"]


def test_the_derivative_of_an_undefined_name_is_not_refuted_for_a_value(tmp_path):
    # a_n = w_0 x_n + w_1 in prose: da_n/dw_1 = 1 holds for the author's a_n
    claim = r"\frac{\partial a_n}{\partial w_1} = \frac{\partial}{\partial w_1}(w_0 x_n + w_1)"
    statuses = _document(tmp_path, claim)
    assert statuses == ["unknown"]


def test_the_derivative_of_a_name_declared_constant_is_zero(tmp_path):
    assert _document(tmp_path, r"\frac{d a}{d w} = 0", assume="a constant") == ["verified"]


def test_a_name_declared_constant_has_no_derivative_but_zero(tmp_path):
    assert _document(tmp_path, r"\frac{d a}{d w} = w", assume="a constant") == ["refuted"]


def test_the_derivative_of_a_defined_name_is_its_definitions(tmp_path):
    assert _document(tmp_path, "a = w^2", r"\frac{d a}{d w} = 2 w") == ["definition", "verified"]
    assert _document(tmp_path, "a = w^2", r"\frac{d a}{d w} = w") == ["definition", "refuted"]


def test_the_product_rule_keeps_the_derivative_of_a_varying_name(tmp_path):
    statuses = _document(
        tmp_path, r"\frac{\partial (a w)}{\partial w} = a + w \frac{\partial a}{\partial w}"
    )
    assert statuses == ["verified"]


def test_a_varying_name_is_not_held_fixed_in_a_larger_expression(tmp_path):
    # the document differentiates a on its own by w: d(a w)/dw = a drops w da/dw
    statuses = _document(
        tmp_path,
        r"\frac{\partial a}{\partial w} = \frac{\partial a}{\partial w}",
        r"\frac{\partial}{\partial w}(a w) = a",
    )
    assert statuses[1] != "verified"


def test_a_name_never_differentiated_on_its_own_is_held_fixed(tmp_path):
    assert _document(tmp_path, r"\frac{\partial}{\partial w}(a w^2) = 2 a w") == ["verified"]


def test_a_member_of_the_variables_family_is_not_made_unknown(tmp_path):
    statuses = _document(tmp_path, r"\frac{\partial x_k}{\partial x_k} = 1")
    assert statuses == ["verified"]


def test_derivation_file_undefined_name_derivative_is_unknown(tmp_path):
    assert _file(tmp_path, 'a = "real"\nw = "real"\n', r"\frac{d a}{d w} = 0") == ["unknown"]


def test_derivation_file_constant_name_derivative_is_zero(tmp_path):
    symbols = 'a = "real constant"\nw = "real"\n'
    assert _file(tmp_path, symbols, r"\frac{d a}{d w} = 0") == ["verified"]


def test_derivation_file_defined_name_derivative_is_refuted_when_wrong(tmp_path):
    symbols = 'a = "real"\nw = "real"\n'
    body = r"\frac{d a}{d w} = 0"
    path = tmp_path / "d.toml"
    path.write_text(
        "[symbols]\n" + symbols + "\n[[steps]]\nkind = 'definition'\nclaim = 'a = w^2'\n"
        f"\n[[steps]]\nclaim = '{body}'\n",
        encoding="utf-8",
    )
    ran = run_eqchain("check", "--no-cache", "--format", "json", str(path))
    steps = json.loads(ran.stdout)["derivations"][0]["steps"]
    assert [s["status"] for s in steps] == ["definition", "refuted"]


def test_a_definition_naming_the_derivative_does_not_make_it_zero(tmp_path):
    # the rule search put g's body in and carried the derivative out as of a constant
    statuses = _document(
        tmp_path,
        r"g = \frac{\partial a}{\partial w}",
        r"\frac{\partial a}{\partial w} = \frac{\partial a}{\partial w} + g",
    )
    assert statuses == ["definition", "unknown"]


def test_a_definition_put_into_a_derivative_keeps_the_varying_name(tmp_path):
    statuses = _document(
        tmp_path,
        r"\frac{\partial a}{\partial w} = \frac{\partial a}{\partial w}",
        "h = a w",
        r"\frac{\partial h}{\partial w} = a",
    )
    assert statuses[2] != "verified"


# A function applied to arguments that do not mention the variable (J(\theta) by \theta_i, the
# cost by one component of its parameter vector) may depend on it through them: read as the
# derivative of a constant, \frac{\partial J(\theta)}{\partial \theta_i} = 0 was verified.
def test_a_function_of_other_arguments_may_vary_with_the_variable(tmp_path):
    dj = r"\frac{\partial J(\theta)}{\partial \theta_i}"
    rows = (
        rf"{dj} = 2",
        r"\frac{\partial (\theta_i J(\theta))}{\partial \theta_i} = J(\theta)",
        rf"\frac{{\partial (J(\theta) + \theta_i)}}{{\partial \theta_i}} = {dj} + 1",
        rf"\frac{{\partial (J(\theta) + \theta_i)}}{{\partial \theta_i}} = {dj} + 2",
    )
    statuses = _document(tmp_path, *rows, assume="J function")
    # the first row may be a given (a fact stated about J, named here first): never verified
    assert "verified" not in statuses[:2] and statuses[1] == "unknown", statuses
    assert statuses[2] == "verified", statuses
    assert statuses[3] != "verified", statuses


def test_the_derivative_of_a_defined_function_at_a_point(tmp_path):
    # \frac{d^2 LL(\hat\lambda)}{d\lambda^2}: LL's second derivative at hat-lambda (as written in
    # maximum-likelihood proofs), not the derivative of the constant LL(hat-lambda)
    d2 = r"\frac{\mathrm{d}^2 \mathrm{LL}(\hat{\lambda})}{\mathrm{d}\lambda^2}"
    rows = (
        r"\mathrm{LL}(\lambda) = n \log \lambda - \lambda",
        rf"{d2} = -\frac{{n}}{{\hat{{\lambda}}^2}}",
        rf"{d2} = 0",
        r"\frac{\mathrm{d} \mathrm{LL}(2 \lambda)}{\mathrm{d}\lambda} = \frac{n}{\lambda} - 2",
    )
    statuses = _document(tmp_path, *rows, assume="n > 0")
    assert statuses == ["definition", "verified", "refuted", "verified"], statuses


def test_a_derivative_at_a_point_stays_taken_inside_a_definition(tmp_path):
    # g defined as the derivative at a point: entering the rule search as an equation, it must
    # not be re-read as the derivative of the constant LL(hat-lambda) (0)
    d2 = r"\frac{\mathrm{d}^2 \mathrm{LL}(\hat{\lambda})}{\mathrm{d}\lambda^2}"
    rows = (
        r"\mathrm{LL}(\lambda) = n \log \lambda - \lambda",
        rf"g = {d2}",
        r"g + 1 = 1",
        r"g + 1 = 1 - \frac{n}{\hat{\lambda}^2}",
    )
    statuses = _document(tmp_path, *rows, assume="n > 0")
    assert statuses == ["definition", "definition", "refuted", "verified"], statuses


def test_a_point_defined_by_the_variable_is_the_chain_rule(tmp_path):
    # \hat\lambda = 2\lambda: d LL(\hat\lambda)/d\lambda is 2 LL'(2 lambda), not LL' at the point
    d1 = r"\frac{\mathrm{d} \mathrm{LL}(\hat{\lambda})}{\mathrm{d}\lambda}"
    rows = (
        r"\mathrm{LL}(\lambda) = n \log \lambda - \lambda",
        r"\hat{\lambda} = 2 \lambda",
        rf"{d1} = \frac{{n}}{{\lambda}} - 2",
        rf"{d1} = \frac{{n}}{{2 \lambda}} - 1",
    )
    statuses = _document(tmp_path, *rows, assume="n > 0, lambda > 0")
    assert statuses[:2] == ["definition", "definition"], statuses
    assert statuses[2] == "verified", statuses
    assert statuses[3] != "verified", statuses


SOFTMAX = r"p_i = \frac{\exp(o_i)}{\sum_{j=1}^{K} \exp(o_j)}"


def test_a_derivative_by_a_member_of_a_defined_family_holds_the_member(tmp_path):
    """``\\frac{\\partial \\log p_i}{\\partial p_i}`` after the softmax ``p_i = ...``: the member
    p_i is held as the variable (its own index i is no part of what it is made of), so the
    chain rule's first factor is 1/p_i; the index had blocked it, and the definition put in
    where the variable stands left the step undecided. The domain (p_i nonzero) is shown to
    hold somewhere with i an integer. The wrong factor is refuted: i and k index the family
    o summed over 1..K, so they range over 1..K (README: a family summed over one range), and
    the counterexample takes them there (never a point outside 1..K)."""
    chain = r"\frac{\partial \log p_i}{\partial p_i} \frac{\partial p_i}{\partial o_k}"
    right = r"\frac{1}{p_i} \frac{\partial p_i}{\partial o_k}"
    wrong = r"\frac{1}{p_i^2} \frac{\partial p_i}{\partial o_k}"
    assert _document(tmp_path, SOFTMAX, f"{chain} = {right}") == ["definition", "verified"]
    assert _document(tmp_path, SOFTMAX, f"{chain} = {wrong}") == ["definition", "refuted"]
    doc = tmp_path / "d.md"
    ran = run_eqchain("check", "--no-cache", "--format", "json", str(doc))
    (_, step) = json.loads(ran.stdout)["derivations"][0]["steps"]
    shown = dict(step["counterexample"]["values"])
    assert 1 <= int(shown["i"]) <= int(shown["K"]) and 1 <= int(shown["k"]) <= int(shown["K"])


def test_a_member_whose_expression_uses_its_parts_directly_is_not_held(tmp_path):
    """Differentiated by p_i, an expression that also mentions o_i (what p_i is made of)
    has no one reading (which of o_i and p_i is held?): the derivative is left as written,
    never 0 for the o_i term."""
    claim = r"\frac{\partial (\log p_i + o_i)}{\partial p_i} = \frac{1}{p_i}"
    assert _document(tmp_path, SOFTMAX, claim) == ["definition", "unknown"]
