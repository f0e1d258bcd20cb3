"""Relations beyond equality (issue 14): implications, order relations and proportionality,
each valid (verified), wrong (refuted with a counterexample) and with a missing condition
(unknown naming it), in derivation files and in documents."""

from __future__ import annotations

import json

import pytest
from helpers import check_text, claims, run_eqchain

from eqchain.latex.read import read_formula
from eqchain.model import Verdict

SYMBOLS = """
[symbols]
a = "positive"
b = "positive"
x = "real"
n = "positive integer"
j = "nonnegative integer"
y = "nonnegative"
theta = "positive"
hattheta = "real"
"""


def _check(tmp_path, body: str, symbols: str = SYMBOLS):
    return claims(check_text(tmp_path, symbols + body))


# -- reading --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "relations"),
    [
        (r"a = b \le c", ["", "=", "<="]),
        (r"a < b", ["", "<"]),
        (r"a \geq b > c", ["", ">=", ">"]),
        (r"p \propto q", ["", "propto"]),
        (r"a = b \Rightarrow c = d", ["", "=", "implies", "="]),
        (r"a = b \implies c = d", ["", "=", "implies", "="]),
        (r"a = b \iff c = d", ["", "=", "iff", "="]),
        (r"\therefore c = d", ["implies", "="]),
        (r"\le c", ["<="]),
    ],
)
def test_relations_split_a_row(text, relations):
    formula = read_formula(text)
    assert [formula.relation(i) for i in range(len(formula.sides))] == relations


def test_a_relation_inside_brackets_is_not_a_link():
    from eqchain.errors import UnsupportedLatex

    with pytest.raises(UnsupportedLatex):
        read_formula(r"f(a \le b) = 1")


def test_sized_angle_brackets_are_not_relations():
    from eqchain.latex.read import _split_relations

    _, _, relations = _split_relations(r"\left< x \right> = 1")
    assert relations == ("", "=")


# -- implications -----------------------------------------------------------------------------


def test_implication_multiplying_by_a_factor_defined_where_the_premise_is(tmp_path):
    body = """
[[steps]]
kind = "given"
claim = '\\frac{a}{b} = x'
[[steps]]
claim = '\\Rightarrow a = b x'
"""
    result = _check(tmp_path, body)[-1]
    assert result.verdict is Verdict.VERIFIED, result.reason
    assert result.rules == ("multiply_both_sides",)
    assert result.follows == "implies"


def test_wrong_implication_is_refuted_at_a_point_of_the_premise(tmp_path):
    body = """
[[steps]]
kind = "given"
claim = 'a = 2 b'
[[steps]]
claim = '\\Rightarrow a = 3 b'
"""
    result = _check(tmp_path, body)[-1]
    assert result.verdict is Verdict.REFUTED
    values = dict(result.counterexample.values)
    from fractions import Fraction

    assert Fraction(values["a"]) == 2 * Fraction(values["b"])  # the premise holds there


def test_implication_dividing_by_a_quantity_that_may_be_zero_is_unknown_naming_it(tmp_path):
    body = """
[[steps]]
kind = "given"
claim = 'x a = x b'
[[steps]]
claim = '\\Rightarrow a = b'
"""
    result = _check(tmp_path, body)[-1]
    assert result.verdict is Verdict.UNKNOWN
    assert "divide_both_sides needs x \\neq 0" in result.reason


def test_implication_key_in_a_derivation_file(tmp_path):
    body = """
[[steps]]
kind = "given"
claim = 'a = b + 1'
[[steps]]
relation = "implies"
claim = 'a - b = 1'
"""
    result = _check(tmp_path, body)[-1]
    assert result.verdict is Verdict.VERIFIED
    assert result.rules == ("rearrange",)


def test_iff_needs_both_ways(tmp_path):
    squares = """
[[steps]]
kind = "given"
claim = 'a^2 = b^2'
[[steps]]
relation = "iff"
claim = 'a = b'
"""
    result = _check(tmp_path, squares)[-1]
    assert result.verdict is Verdict.VERIFIED, result.reason  # a, b > 0
    one_way = """
[[steps]]
kind = "given"
claim = 'x = 1'
[[steps]]
relation = "iff"
claim = 'x^2 = 1'
"""
    result = _check(tmp_path, one_way)[-1]
    assert result.verdict is Verdict.UNKNOWN  # the converse: x = -1 is left out
    assert "converse" in result.reason and "1 + x \\neq 0" in result.reason


def test_squares_do_not_imply_equal_reals(tmp_path):
    body = """
[[steps]]
kind = "given"
claim = 'x^2 = 4'
[[steps]]
claim = '\\Rightarrow x = 2'
"""
    result = _check(tmp_path, body)[-1]
    assert result.verdict is not Verdict.VERIFIED


def test_binomial_score_chain_as_authors_write_it(tmp_path):
    body = """
[[steps]]
claim = '0 = \\frac{y}{\\theta} - \\frac{n - y}{1 - \\theta}'
[[steps]]
claim = '\\Rightarrow y (1 - \\theta) = (n - y) \\theta'
[[steps]]
claim = '\\Rightarrow y = n \\theta'
[[steps]]
claim = '\\Rightarrow \\hat{\\theta} = \\frac{y}{n}'
"""
    results = check_text(tmp_path, SYMBOLS + body)
    assert results[0].verdict is Verdict.GIVEN  # the premise the author supposes
    assert [r.verdict for r in results[1:]] == [Verdict.VERIFIED] * 3
    assert "names the solution" in results[-1].reason


def test_dividing_by_a_count_that_may_be_zero_is_unknown(tmp_path):
    body = """
[[steps]]
kind = "given"
claim = 'y = j \\theta'
[[steps]]
claim = '\\Rightarrow \\theta = \\frac{y}{j}'
"""
    result = _check(tmp_path, body)[-1]
    assert result.verdict is Verdict.UNKNOWN
    assert "j \\neq 0" in result.reason


def test_what_follows_from_a_given_is_a_fact_for_later_steps(tmp_path):
    body = """
[[steps]]
kind = "given"
claim = '2 a = 4'
[[steps]]
claim = '\\Rightarrow a = 2'
[[steps]]
claim = 'a + a = 4'
"""
    results = _check(tmp_path, body)
    assert [r.verdict for r in results] == [Verdict.VERIFIED, Verdict.VERIFIED]


def test_what_follows_from_a_refuted_claim_is_no_fact(tmp_path):
    # a = b + 1 is false as an identity (and not the premise of what follows: a claim in the
    # middle); the implication from it holds, but its conclusion is no fact.
    body = """
[[steps]]
claim = 'a = a + 0'
[[steps]]
claim = 'x = x + 1'
[[steps]]
claim = '\\Rightarrow 0 = 1'
[[steps]]
claim = 'a = a + 1'
"""
    results = check_text(tmp_path, SYMBOLS + body)
    assert results[-1].verdict is Verdict.REFUTED


# -- order relations --------------------------------------------------------------------------


def test_chain_of_equality_and_order_states_the_order(tmp_path):
    body = """
[[steps]]
claim = '(a + b)^2 = a^2 + 2 a b + b^2 \\ge a^2 + b^2'
"""
    results = _check(tmp_path, body)
    assert [r.verdict for r in results] == [Verdict.VERIFIED, Verdict.VERIFIED]
    assert results[-1].relation == ">="


def test_wrong_order_is_refuted_with_values(tmp_path):
    result = _check(tmp_path, "\n[[steps]]\nclaim = 'x^2 \\ge x'\n")[-1]
    assert result.verdict is Verdict.REFUTED
    assert result.counterexample is not None
    from fractions import Fraction

    left, right = (Fraction(v) for v in (result.counterexample.lhs, result.counterexample.rhs))
    assert left < right


def test_order_with_a_sign_not_established_is_unknown(tmp_path):
    result = _check(tmp_path, "\n[[steps]]\nclaim = '\\log x \\le x - 1'\n")[-1]
    assert result.verdict is Verdict.UNKNOWN
    assert "log_le_sub_one needs x > 0" in result.reason


def test_an_order_is_no_fact_for_later_steps(tmp_path):
    body = """
[[steps]]
claim = 'a \\le a + 1'
[[steps]]
claim = 'a = a + 1'
"""
    results = _check(tmp_path, body)
    assert results[0].verdict is Verdict.VERIFIED
    assert results[1].verdict is Verdict.REFUTED


def test_strict_order_needs_a_positive_difference(tmp_path):
    result = _check(tmp_path, "\n[[steps]]\nclaim = 'x^2 < x^2 + 1'\n")[-1]
    assert result.verdict is Verdict.VERIFIED
    result = _check(tmp_path, "\n[[steps]]\nclaim = 'a^2 < a^2'\n")[-1]
    assert result.verdict is not Verdict.VERIFIED


# -- proportionality --------------------------------------------------------------------------

BAYES = """
propto = ["theta"]

[symbols]
theta = "real"
x = "real"
alpha = "positive"
"""

# likelihood times prior, as a claim's left side (TOML literal text)
POSTERIOR = "'e^{-\\frac{(x - \\theta)^2}{2}} e^{-\\frac{\\theta^2}{2}}"


def test_bayes_posterior_proportional_to_likelihood_times_prior(tmp_path):
    # a normal likelihood and a normal prior: the posterior's exponent, constants dropped
    body = "\n[[steps]]\nclaim = " + POSTERIOR + " \\propto e^{- \\theta^2 + x \\theta}'\n"
    result = claims(check_text(tmp_path, BAYES + body))[-1]
    assert result.verdict is Verdict.VERIFIED, result.reason
    assert result.rules == ("propto_ratio",)


def test_bayes_step_dropping_a_factor_that_depends_on_the_parameter_is_refuted(tmp_path):
    # the prior e^{-theta^2/2} depends on theta: it cannot be dropped
    body = "\n[[steps]]\nclaim = " + POSTERIOR + " \\propto e^{-\\frac{(x - \\theta)^2}{2}}'\n"
    result = claims(check_text(tmp_path, BAYES + body))[-1]
    assert result.verdict is Verdict.REFUTED
    assert "\\theta'" in dict(result.counterexample.values)


def test_dropping_a_constant_factor_is_verified(tmp_path):
    body = """
[[steps]]
claim = '\\frac{1}{\\alpha} e^{-\\theta^2} \\propto e^{-\\theta^2}'
"""
    result = claims(check_text(tmp_path, BAYES + body))[-1]
    assert result.verdict is Verdict.VERIFIED


def test_propto_without_variables_is_unknown_saying_how_to_name_them(tmp_path):
    body = """
[symbols]
theta = "positive"
alpha = "positive"

[[steps]]
claim = '\\alpha \\theta \\propto \\theta'
"""
    result = claims(check_text(tmp_path, body))[-1]
    assert result.verdict is Verdict.UNKNOWN
    assert "propto theta" in result.reason


# -- documents, through the command line ------------------------------------------------------

DOCUMENT = r"""# Poisson

$$
\frac{1}{\lambda} \sum_{i=1}^{m} c_i - m = 0 \quad \Rightarrow
\quad \hat{\lambda} = \frac{1}{m} \sum_{i=1}^{m} c_i
$$

The Hessian entry:

$$
- \frac{m}{\lambda^2} < 0
$$

$$
\log \lambda \le \lambda - 1
$$

$$
e^{-\frac{(x - \lambda)^2}{2}} e^{-\frac{\lambda^2}{2}} \propto e^{- \lambda^2 + x \lambda}
$$
"""


def test_document_relations_end_to_end(tmp_path):
    path = tmp_path / "post.md"
    path.write_text(DOCUMENT, encoding="utf-8")
    ran = run_eqchain(
        "check",
        "--format",
        "json",
        "--no-cache",
        "--assume",
        "lambda > 0, m positive integer, c_i >= 0, x real, propto lambda",
        str(path),
    )
    data = json.loads(ran.stdout)
    steps = data["derivations"][0]["steps"]
    by_status = [(s["status"], s["relation"], s["follows"]) for s in steps]
    assert by_status == [
        ("given", "=", None),
        ("verified", "=", "implies"),
        ("verified", "<", None),
        ("verified", "<=", None),
        ("verified", "propto", None),
    ], [s["reason"] for s in steps]
    assert ran.returncode == 0


def test_document_wrong_relations_are_refuted(tmp_path):
    path = tmp_path / "post.md"
    path.write_text(
        "$$\n2 x = 4 \\Rightarrow x = 3\n$$\n\n$$\n\\log x \\ge x - 1\n$$\n", encoding="utf-8"
    )
    ran = run_eqchain("check", "--no-cache", "--assume", "x > 0", str(path))
    assert ran.returncode == 1
    assert ran.stdout.count("refuted") >= 2, ran.stdout


def test_document_implication_dividing_by_a_possible_zero_is_unknown(tmp_path):
    path = tmp_path / "post.md"
    path.write_text("$$\nx a = x b \\Rightarrow a = b\n$$\n", encoding="utf-8")
    ran = run_eqchain("check", "--no-cache", "--assume", "x real, a real, b real", str(path))
    assert "divide_both_sides needs x \\neq 0" in ran.stdout


def test_document_propto_from_front_matter(tmp_path):
    path = tmp_path / "post.md"
    path.write_text(
        "---\neqchain-assume: propto theta, theta > 0, a > 0\n---\n\n"
        "$$\na \\theta^2 \\propto \\theta^2\n$$\n\n$$\n\\theta + a \\propto \\theta\n$$\n",
        encoding="utf-8",
    )
    ran = run_eqchain("check", "--format", "json", "--no-cache", str(path))
    steps = json.loads(ran.stdout)["derivations"][0]["steps"]
    assert [s["status"] for s in steps] == ["verified", "refuted"]


def test_latex_and_markdown_show_the_relation(tmp_path):
    path = tmp_path / "d.toml"
    path.write_text(
        SYMBOLS
        + "\n[[steps]]\nkind = \"given\"\nclaim = '2 a = 4'\n"
        + "\n[[steps]]\nclaim = '\\Rightarrow a = 2 \\le 3'\n",
        encoding="utf-8",
    )
    latex = run_eqchain("latex", "--body", str(path)).stdout
    assert "\\Rightarrow a &= 2" in latex and "&\\le 3" in latex
    markdown = run_eqchain("markdown", str(path)).stdout
    assert "\\Rightarrow a &= 2" in markdown and "&\\le 3" in markdown


def test_document_poisson_estimate_with_a_count_that_may_be_zero_is_unknown(tmp_path):
    # m is a sum's bound: a nonnegative integer, possibly 0 (no observations)
    path = tmp_path / "post.md"
    path.write_text(DOCUMENT.split("The Hessian")[0], encoding="utf-8")
    ran = run_eqchain(
        "check", "--format", "json", "--no-cache", "--assume", "lambda > 0, c_i >= 0", str(path)
    )
    steps = json.loads(ran.stdout)["derivations"][0]["steps"]
    assert steps[-1]["status"] == "unknown"
    assert "m \\neq 0" in steps[-1]["reason"]


def test_log_step_dropping_an_additive_constant_names_both_ways(tmp_path):
    body = """
[[steps]]
claim = '\\log (\\alpha e^{-\\theta^2}) = - \\theta^2'
"""
    result = claims(check_text(tmp_path, BAYES + body))[-1]
    assert result.verdict is Verdict.REFUTED
    warnings = result.warnings
    assert any("up to a constant" in w and "\\propto" in w for w in warnings), warnings


# -- arg max / arg min ------------------------------------------------------------------------

OPTIMA = r"""
$$
\hat{\mu} = \arg\min_{\mu} \sum_{i=1}^{n} (x_i - \mu)^2
$$

$$
3 = \arg\max_{a} \left( - (a - 3)^2 \right)
$$

$$
2 = \arg\max_{b} \left( - (b - 3)^2 \right)
$$

$$
c = \arg\max_{c} c^2
$$

$$
\hat{\theta} = \arg\max_{\theta} \left( y \log \theta + (n - y) \log (1 - \theta) \right)
$$
"""


def test_arg_max_and_arg_min_in_a_document(tmp_path):
    path = tmp_path / "post.md"
    path.write_text(OPTIMA, encoding="utf-8")
    ran = run_eqchain(
        "check",
        "--format",
        "json",
        "--no-cache",
        "--assume",
        "x_i real, mu real, n > 0, a real, b real, c real, theta > 0, y > 0",
        str(path),
    )
    steps = json.loads(ran.stdout)["derivations"][0]["steps"]
    assert [s["status"] for s in steps] == ["verified", "verified", "refuted", "refuted", "unknown"]
    assert steps[0]["rules"] == ["arg_min"] and steps[1]["rules"] == ["arg_max"]
    assert steps[2]["counterexample"] is not None  # the arg max is 3, not 2
    assert "minimum, not a maximum" in steps[3]["reason"]
    assert "y - n < 0" in steps[4]["reason"]  # the maximum needs y < n: not declared


def test_arg_max_defines_a_new_name_for_later_steps(tmp_path):
    body = """
[symbols]
a = "real"
hata = "real"

[[steps]]
claim = '\\hat{a} = \\arg\\max_{a} \\left( 4 a - a^2 \\right)'
[[steps]]
claim = '\\hat{a} + 1 = 3'
"""
    results = claims(check_text(tmp_path, body))
    assert [r.verdict for r in results] == [Verdict.VERIFIED, Verdict.VERIFIED]


@pytest.mark.slow  # among the slowest of the README's pytest (5 to 8 s): CI runs it
def test_a_wrong_derivative_before_an_implication_stays_refuted(tmp_path):
    body = """
[[steps]]
kind = "definition"
claim = 'l = y \\log \\theta + (n - y) \\log (1 - \\theta)'
[[steps]]
claim = '\\frac{d l}{d \\theta} = \\frac{y}{\\theta} + \\frac{n - y}{1 - \\theta}'
[[steps]]
claim = '\\Rightarrow y = n \\theta'
"""
    results = check_text(tmp_path, SYMBOLS + body)
    assert results[1].verdict is Verdict.REFUTED


def test_an_order_over_members_outside_the_family_is_unknown(tmp_path):
    body = """
[symbols]
K = "positive integer"
y = { index = "k", range = "1..K", assume = "positive" }

[[steps]]
claim = '\\sum_{k=1}^{K+1} y_{k} > 0'
"""
    result = claims(check_text(tmp_path, body))[-1]
    assert result.verdict is Verdict.UNKNOWN
    assert "family range" in result.reason


# -- traps: false relations that must never be verified -----------------------------------------


@pytest.mark.parametrize(
    "claim",
    [
        "x \\le x^2",
        "x^2 + 1 > 1",
        "\\log a \\le a - 2",
        "a^2 \\ge a",
        "- a^2 < - a",
        "e^{x} > 1 + x",
    ],
)
def test_false_orders_are_never_verified(tmp_path, claim):
    result = _check(tmp_path, f"\n[[steps]]\nclaim = '{claim}'\n")[-1]
    assert result.verdict is not Verdict.VERIFIED, result.rules


def test_a_sum_over_a_possibly_empty_range_is_not_positive(tmp_path):
    body = """
[symbols]
K = "nonnegative integer"
y = { index = "k", range = "1..K", assume = "positive" }

[[steps]]
claim = '\\sum_{k=1}^{K} y_{k} > 0'
"""
    result = claims(check_text(tmp_path, body))[-1]
    assert result.verdict is not Verdict.VERIFIED


@pytest.mark.parametrize(
    ("premise", "conclusion"),
    [
        ("x^2 = 1", "x = 1"),
        ("x a = x b", "a = b"),
        ("a = b", "a = 2 b"),
        ("\\log a = \\log b", "a = b + 1"),
        ("x = 0", "\\frac{1}{x} = 0"),
    ],
)
def test_false_implications_are_never_verified(tmp_path, premise, conclusion):
    body = f"""
[[steps]]
kind = "given"
claim = '{premise}'
[[steps]]
claim = '\\Rightarrow {conclusion}'
"""
    result = _check(tmp_path, body)[-1]
    assert result.verdict is not Verdict.VERIFIED, (result.rules, result.reason)


def test_a_factor_depending_on_the_variable_is_never_dropped(tmp_path):
    body = "\n[[steps]]\nclaim = '\\alpha \\theta e^{x} \\propto \\alpha e^{x}'\n"
    result = claims(check_text(tmp_path, BAYES + body))[-1]
    assert result.verdict is not Verdict.VERIFIED


def test_arg_max_spelled_in_text(tmp_path):
    # \text{argmax}, \mathrm{arg\,max}: the arg max, as \arg\max (a blog's way to write it)
    path = tmp_path / "post.md"
    path.write_text(
        "$$\n3 = \\text{argmax}_{a} \\left( - (a - 3)^2 \\right)\n$$\n\n"
        "$$\n2 = \\mathrm{arg\\,max}_{b} \\left( - (b - 3)^2 \\right)\n$$\n\n"
        "$$\n3 = \\text{arg min}_{c} (c - 3)^2\n$$\n",
        encoding="utf-8",
    )
    ran = run_eqchain("check", "--format", "json", "--no-cache", str(path))
    steps = json.loads(ran.stdout)["derivations"][0]["steps"]
    assert [s["status"] for s in steps] == ["verified", "refuted", "verified"]
    assert steps[0]["rules"] == ["arg_max"] and steps[2]["rules"] == ["arg_min"]
