"""Known traps: steps that look right (or nearly) and are false, undefined somewhere the
assumptions allow, or true only for one value. None may be verified.

Each trap is a small derivation file; the last claim is the trap. A few more tests check the
other direction: numerically close but different pairs are refuted (not "unknown", not a crash),
and true steps written with decimals or principal branches are not refuted.
"""

from __future__ import annotations

import pytest
from helpers import check_text, claims

from eqchain.errors import InputError
from eqchain.model import Verdict

REAL_AB = 'a = "real"\nb = "real"\n'
FAMILY = 'K = "integer positive"\ny = { index = "k", range = "1..K", assume = "positive" }\n'


def trap(symbols: str, *steps: str) -> str:
    """A derivation file: ``symbols`` under [symbols], then one [[steps]] table per step; a step
    is its claim, or a claim followed by more TOML lines."""
    text = "[symbols]\n" + symbols + "\n"
    for s in steps:
        claim, _, rest = s.partition("\n")
        text += f"[[steps]]\nclaim = '{claim}'\n{rest}\n"
    return text


DEFECT = "checker defect reported to the lead (tracker issue 7): "

TRAPS = {
    # -- the classics ----------------------------------------------------------------------
    "log_of_product_for_real_factors": trap(REAL_AB, r"\log(a b) = \log a + \log b"),
    "log_of_quotient_for_real_factors": trap(REAL_AB, r"\log \frac{a}{b} = \log a - \log b"),
    "log_of_square_is_twice_log_for_real_x": trap('x = "real"', r"\log(x^2) = 2 \log x"),
    "sqrt_of_square_is_x_for_real_x": trap('x = "real"', r"\sqrt{x^2} = x"),
    "power_of_power_for_real_base": trap(
        'x = "real"\na = "real"\nb = "real"', r"(x^{a})^{b} = x^{a b}"
    ),
    "x_over_x_where_x_may_be_zero_introduced": trap('x = "real"', r"1 = \frac{x}{x}"),
    "zero_times_log_of_nonnegative_introduced": trap('y = "nonnegative"', r"0 = 0 \cdot \log y"),
    "zero_times_log_zero_by_where": trap(
        'y = "nonnegative"\nc = "real"', "c \\cdot \\log y = 0\nwhere = { y = 0, c = 0 }"
    ),
    "sum_from_one_against_sum_from_zero": trap(
        'K = "integer positive"\nt = { index = "k", range = "1..K", assume = "positive" }',
        r"\sum_{k=1}^{K} t_k = \sum_{k=0}^{K} t_k",
    ),
    "sum_to_K_minus_one_against_sum_to_K": trap(
        'K = "integer positive"', r"\sum_{k=1}^{K} (k + 1) = \sum_{k=1}^{K-1} (k + 1)"
    ),
    "sums_with_shifted_bounds": trap(
        'K = "integer positive"', r"\sum_{k=1}^{K} \frac{1}{k} = \sum_{k=2}^{K+1} \frac{1}{k}"
    ),
    "log_base_ten_read_as_natural_log": trap('x = "positive"', r"\log_{10} x = \ln x"),
    "log_of_exp_for_complex_x": trap('x = "complex"', r"\log(e^{x}) = x"),
    "exp_of_log_without_x_nonzero_introduced": trap('x = "complex"', r"x = e^{\log x}"),
    "sqrt_of_product_for_negative_reals": trap(
        'a = "negative"\nb = "negative"', r"\sqrt{a b} = \sqrt{a} \sqrt{b}"
    ),
    "cube_root_of_negative_number": trap("", r"(-8)^{\frac{1}{3}} = -2"),
    "true_only_for_K_equal_6": trap('K = "integer positive"', r"\sum_{k=1}^{K} k = 21"),
    "true_only_for_K_equal_6_with_a_family": trap(
        FAMILY, r"\prod_{k=1}^{K} y_k = y_1 y_2 y_3 y_4 y_5 y_6"
    ),
    "tiny_but_nonzero_number": trap("", r"e^{-1000} = 0"),
    "divergent_series_assigned_a_value": trap("", r"\sum_{k=1}^{\infty} k = -\frac{1}{12}"),
    "zero_over_zero": trap("", r"\frac{0}{0} = 1"),
    "derivative_off_by_a_factor": trap('x = "real"', r"\frac{d}{dx} x^{2} = 3 x"),
    # -- defects found by this suite (kept xfail until fixed) --------------------------------
    "generalize_proves_a_claim_true_only_for_K_equal_6": trap(
        'K = "integer positive"',
        '\\sum_{k=1}^{6} k = 21\nlabel = "a"',
        '\\sum_{k=1}^{K} k = 21\nby = ["generalize"]\ninstance = { K = 6 }\nof = "a"',
    ),
    "generalize_proves_x_equals_5_for_every_real_x": trap(
        'x = "real"',
        '5 = 5\nlabel = "a"',
        'x = 5\nby = ["generalize"]\ninstance = { x = 5 }\nof = "a"',
    ),
    "bound_variable_taken_positive_from_a_family_index": trap(
        FAMILY, r"\sum_{k=0}^{K} \frac{k}{k} = K + 1"
    ),
    "zero_times_log_zero_inside_a_sum_from_zero": trap(
        FAMILY, r"\sum_{k=0}^{K} 0 \cdot \log k = 0"
    ),
    "continuation_after_a_refuted_step": trap(
        'x = "real"', "x = x + 1", "= x + 1", "2 x = 2 x + 2"
    ),
    "self_referential_definition": trap("", 'L = L + 1\nkind = "definition"', "L - 1 = L"),
    "definition_contradicting_declared_assumption": trap(
        'x = "negative"', 'x = 2\nkind = "definition"', r"\sqrt{x^{2}} = -x"
    ),
    "log_of_possibly_zero_cancelled_introduced": trap('y = "nonnegative"', r"0 = \log y - \log y"),
    "exp_of_twice_log_of_possibly_zero_introduced": trap('x = "real"', r"x^{2} = e^{2 \log x}"),
    "exp_of_sum_of_logs_of_possibly_zero_introduced": trap(
        'x = "real"\ny = "real"', r"x y = e^{\log x + \log y}"
    ),
    "power_with_exponent_of_unknown_sign_cancelled_introduced": trap(
        'x = "real"\na = "real"', r"1 = x^{a} x^{-a}"
    ),
    "division_by_literal_zero": trap("", r"\frac{1}{0} = \frac{2}{0}"),
    "log_zero_equals_minus_log_zero": trap("", r"\log 0 = -\log 0"),
    "empty_sum_read_with_karr_convention_introduced": trap(
        'K = "integer"', r"K = \sum_{k=1}^{K} 1"
    ),
    # -- found by a red-team pass (fixed) -----------------------------------------------------
    "log_zero_hidden_in_a_definition": trap("", 'L = \\log 0\nkind = "definition"', "L - L = 0"),
    "division_by_zero_hidden_in_a_definition_introduced": trap(
        'x = "real"', 'L = \\frac{1}{x}\nkind = "definition"', "1 = L x"
    ),
    "generalize_with_its_instance_bound_by_where": trap(
        'K = "integer positive"',
        '\\sum_{k=1}^{6} k = 21\nlabel = "a"',
        '\\sum_{k=1}^{K} k = 21\nby = ["generalize"]\ninstance = { K = 6 }\nwhere = { K = 6 }',
    ),
    "tangent_times_cosine_at_its_pole_introduced": trap('x = "real"', r"\sin x = \tan x \cos x"),
    "tangent_times_cotangent_introduced": trap('x = "real"', r"1 = \tan x \cot x"),
    "secant_times_cosine_introduced": trap('x = "real"', r"1 = \sec x \cos x"),
    "factorial_recursion_at_zero": trap('n = "integer nonnegative"', "n! = n (n-1)!"),
    "sum_over_members_outside_the_family": trap(
        'y = { index = "k", range = "1..6", assume = "positive" }',
        r"\sum_{k=0}^{6} \frac{y_k}{y_k} = 7",
    ),
    "member_past_a_symbolic_range": trap(FAMILY, r"\log(y_{K+1}^{2}) = 2 \log y_{K+1}"),
    "where_value_against_the_declaration": trap(
        'x = "positive"', "\\sqrt{x^{2}} = x\nwhere = { x = -1 }"
    ),
}

DEFECTS: dict[str, str] = {}

# Traps whose file is bad input, not a false step.
REJECTED = {
    "self_referential_definition",
    "definition_contradicting_declared_assumption",
    "generalize_with_its_instance_bound_by_where",
    "where_value_against_the_declaration",
}


def _params(cases, defects):
    out = []
    for name in cases:
        marks = ()
        if name in defects:
            marks = pytest.mark.xfail(strict=True, reason=DEFECT + defects[name])
        out.append(pytest.param(name, id=name, marks=marks))
    return out


@pytest.mark.parametrize("name", _params(TRAPS, DEFECTS))
def test_trap_is_not_verified(tmp_path, name):
    try:
        result = claims(check_text(tmp_path, TRAPS[name], timeout=10.0))[-1]
    except InputError as err:
        # Rejecting the file outright (a definition that is no definition) is an answer too,
        # as long as it says where.
        assert name in REJECTED and err.line is not None, err
        return
    assert result.verdict is not Verdict.VERIFIED, (result.step.claim, result.rules)


# -- numerically close but different: refuted, with both sides shown ---------------------------

CLOSE = {
    "pi_against_355_over_113": r"\pi = \frac{355}{113}",
    "ramanujan_constant_against_integer": r"e^{\pi \sqrt{163}} = 640320^{3} + 744",
    "sqrt_2_against_convergent": r"\sqrt{2} = \frac{665857}{470832}",
    "e_against_partial_sum": r"e = \sum_{k=0}^{20} \frac{1}{k!}",
    "pi_against_its_first_digits": r"\pi = 3.14159265358979323846264338327950288",
    "one_over_2004_factorial_against_2006_factorial": r"\frac{1}{2004!} = \frac{1}{2006!}",
    "one_over_2004_factorial_against_2005_factorial": r"\frac{1}{2004!} = \frac{1}{2005!}",
    "huge_power_plus_one": r"2^{10000} + 1 = 2^{10000}",
}
CLOSE_DEFECTS: dict[str, str] = {}


@pytest.mark.parametrize("name", _params(CLOSE, CLOSE_DEFECTS))
def test_close_but_different_numbers_are_refuted(tmp_path, name):
    result = claims(check_text(tmp_path, trap("", CLOSE[name]), timeout=10.0))[-1]
    assert result.verdict is Verdict.REFUTED, (result.verdict, result.reason)
    assert result.counterexample is not None


# -- true steps that a careless refuter would reject ---------------------------------------------

TRUE_STEPS = {
    "decimal_times_three": trap("", r"0.1 \cdot 3 = 0.3"),
    "decimals_added": trap("", r"0.1 + 0.2 = 0.3"),
    "exp_of_log_for_complex_x": trap('x = "complex"', r"e^{\log x} = x"),
    "sqrt_times_sqrt_for_real_x": trap('x = "real"', r"\sqrt{x} \sqrt{x} = x"),
    "sum_from_zero_of_a_term_zero_at_zero": trap(
        'K = "integer positive"', r"\sum_{k=1}^{K} k^{2} = \sum_{k=0}^{K} k^{2}"
    ),
    "log_base_ten_as_quotient": trap('x = "positive"', r"\log_{10} x = \frac{\log x}{\log 10}"),
    "sum_over_a_family_bound_by_where": trap(
        'x = "real"\nt = { index = "k", range = "1..3", assume = "nonnegative" }',
        "\\sum_{k=1}^{3} t_k \\sin(x)^{2} + \\sum_{k=1}^{3} t_k \\cos(x)^{2} = 6\n"
        "where = { t = [1, 2, 3] }",
    ),
    "definition_with_a_symbol_bound_by_where": trap(
        'x = "real"\na = "real"',
        'S = a \\sin(x)^{2} + a \\cos(x)^{2}\nkind = "definition"',
        "S = 2\nwhere = { a = 2 }",
    ),
    "members_fixed_by_a_given_for_every_k": trap(
        'K = "integer positive"\ny = { index = "k", range = "1..K", assume = "positive" }',
        'y_k = 1\nkind = "given"',
        "y_1 + y_2 = 2",
    ),
    "principal_cube_root_of_negative_number": trap(
        "", r"(-8)^{\frac{1}{3}} = 1 + \sqrt{3} \cdot \sqrt{-1}"
    ),
}


TRUE_DEFECTS: dict[str, str] = {}


@pytest.mark.parametrize("name", _params(TRUE_STEPS, TRUE_DEFECTS))
def test_true_step_is_not_refuted(tmp_path, name):
    result = claims(check_text(tmp_path, TRUE_STEPS[name], timeout=10.0))[-1]
    assert result.verdict is not Verdict.REFUTED, (result.reason, result.counterexample)


def test_decimal_literals_are_read_exactly(tmp_path):
    result = claims(check_text(tmp_path, TRUE_STEPS["decimal_times_three"], timeout=10.0))[-1]
    assert result.verdict is Verdict.VERIFIED


# -- true where the left side is defined: verified, and the domain says where (issue 19) -------
# These were traps while a verified step had to be defined wherever the assumptions allow; each
# was unknown then (never refuted). Each holds wherever its left side is defined, so it is now
# verified with that domain shown, and its reverse, which introduces the restriction, is a trap
# above ("..._introduced").

WITHIN_DOMAIN = {
    "x_over_x": ('x = "real"', r"\frac{x}{x} = 1", (r"x \neq 0",)),
    "zero_times_log_of_nonnegative": ('y = "nonnegative"', r"0 \cdot \log y = 0", (r"y \neq 0",)),
    "exp_of_log_for_complex_x": ('x = "complex"', r"e^{\log x} = x", (r"x \neq 0",)),
    "log_of_possibly_zero_cancelled": (
        'y = "nonnegative"',
        r"\log y - \log y = 0",
        (r"y \neq 0",),
    ),
    "exp_of_twice_log": ('x = "real"', r"e^{2 \log x} = x^{2}", (r"x \neq 0",)),
    "power_with_exponent_of_unknown_sign_cancelled": (
        'x = "real"\na = "real"',
        r"x^{a} x^{-a} = 1",
        (r"x \neq 0",),
    ),
    "sum_over_a_range_that_may_run_backwards": (
        'K = "integer"',
        r"\sum_{k=1}^{K} 1 = K",
        (r"K \geq 0",),
    ),
    "tangent_times_cosine": (
        'x = "real"',
        r"\tan x \cos x = \sin x",
        (r"\cos{\left(x \right)} \neq 0",),
    ),
    "secant_times_cosine": ('x = "real"', r"\sec x \cos x = 1", (r"\cos{\left(x \right)} \neq 0",)),
    "tangent_times_cotangent": (
        'x = "real"',
        r"\tan x \cot x = 1",
        (r"\cos{\left(x \right)} \neq 0", r"\sin{\left(x \right)} \neq 0"),
    ),
    "exp_of_sum_of_logs": (
        'x = "real"\ny = "real"',
        r"e^{\log x + \log y} = x y",
        (r"x \neq 0", r"y \neq 0"),
    ),
}

# A definition does not hide what is undefined: its conditions come with every use.
DEFINED_WITHIN = trap('x = "real"', 'L = \\frac{1}{x}\nkind = "definition"', "L x = 1")


def test_a_definition_that_divides_makes_its_uses_verified_where_it_is_defined(tmp_path):
    result = claims(check_text(tmp_path, DEFINED_WITHIN, timeout=10.0))[-1]
    assert result.verdict is Verdict.VERIFIED, result.reason
    assert result.domain == (r"x \neq 0",)


@pytest.mark.parametrize("name", sorted(WITHIN_DOMAIN))
def test_a_step_true_where_its_left_side_is_defined_is_verified_there(tmp_path, name):
    symbols, claim, domain = WITHIN_DOMAIN[name]
    result = claims(check_text(tmp_path, trap(symbols, claim), timeout=10.0))[-1]
    assert result.verdict is Verdict.VERIFIED, result.reason
    assert result.domain == domain
