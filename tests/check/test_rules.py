"""Every rule of the table accepts a valid instance, rejects an invalid one, and, where it has
side conditions, answers ``unknown`` naming them when they are not established."""

from __future__ import annotations

import pytest
from helpers import one_step

from eqchain.model import Verdict
from eqchain.rules import RULES

SYMBOLS = """
[symbols]
a = "positive"
b = "positive"
c = "positive"
x = "real"
z = "real"
w = "complex"
n = "integer positive"
K = "integer positive"
y = { index = "k", range = "1..K", assume = "positive" }
t = { index = "k", range = "1..K", assume = "nonnegative" }
u = { index = "k", range = "1..K", assume = "real" }
"""

# rule: (valid steps, invalid steps, steps whose side condition is missing or None)
CASES = {
    "log_mul": (
        [(r"\log(a b) = \log a + \log b", [])],
        [(r"\log(a b) = (\log a) (\log b)", [])],
        ([(r"\log(x z) = \log x + \log z", [])], "x > 0"),
    ),
    "log_div": (
        [(r"\log \frac{a}{b} = \log a - \log b", [])],
        [(r"\log \frac{a}{b} = \log b - \log a", [])],
        ([(r"\log \frac{x}{z} = \log x - \log z", [])], "x > 0"),
    ),
    "log_pow": (
        [(r"\log a^{3} = 3 \log a", [])],
        [(r"\log a^{3} = 2 \log a", [])],
        ([(r"\log x^{2} = 2 \log x", [])], "x > 0"),
    ),
    "log_prod": (
        [(r"\log \prod_{k=1}^{K} y_k = \sum_{k=1}^{K} \log y_k", [])],
        [(r"\log \prod_{k=1}^{K} y_k = \sum_{k=1}^{K} \log y_k + 1", [])],
        ([(r"\log \prod_{k=1}^{K} u_k = \sum_{k=1}^{K} \log u_k", [])], "u_{k} > 0"),
    ),
    "log_one": ([(r"\log 1 + a = a", [])], [(r"\log 1 + a = a + 1", [])], None),
    "log_exp": (
        [(r"\log e^{x} = x", [])],
        [(r"\log e^{x} = 2 x", [])],
        ([(r"\log e^{w} = w", [])], "w \\in \\mathbb{R}"),
    ),
    "exp_log": (
        [(r"e^{\log a} = a", [])],
        [(r"e^{\log a} = a + 1", [])],
        ([(r"e^{\log x} = x", [])], "x \\neq 0"),
    ),
    "sum_split": (
        [(r"\sum_{k=1}^{K} (y_k + t_k) = \sum_{k=1}^{K} y_k + \sum_{k=1}^{K} t_k", [])],
        [(r"\sum_{k=1}^{K} (y_k + t_k) = \sum_{k=1}^{K} y_k", [])],
        None,
    ),
    "sum_const_mul": (
        [(r"\sum_{k=1}^{K} a y_k = a \sum_{k=1}^{K} y_k", [])],
        [(r"\sum_{k=1}^{K} a y_k = a + \sum_{k=1}^{K} y_k", [])],
        None,
    ),
    "sum_expand": (
        [(r"\sum_{k=1}^{3} y_k = y_1 + y_2 + y_3", [])],
        [(r"\sum_{k=1}^{3} y_k = y_1 + y_2", [])],
        None,
    ),
    "sum_fold": (
        [(r"y_1 + y_2 + y_3 = \sum_{k=1}^{3} y_k", [])],
        [(r"y_1 + y_3 = \sum_{k=1}^{3} y_k", [])],
        None,
    ),
    "prod_expand": (
        [(r"\prod_{k=1}^{3} y_k = y_1 y_2 y_3", [])],
        [(r"\prod_{k=1}^{3} y_k = y_1 y_2", [])],
        None,
    ),
    "prod_fold": (
        [(r"y_1 y_2 y_3 = \prod_{k=1}^{3} y_k", [])],
        [(r"y_1 y_3 = \prod_{k=1}^{3} y_k", [])],
        None,
    ),
    "prod_split": (
        [(r"\prod_{k=1}^{K} y_k t_k = (\prod_{k=1}^{K} y_k) (\prod_{k=1}^{K} t_k)", [])],
        [(r"\prod_{k=1}^{K} y_k t_k = \prod_{k=1}^{K} y_k", [])],
        None,
    ),
    "differentiate": (
        [(r"\frac{d}{dx} x^{3} = 3 x^{2}", [])],
        [(r"\frac{d}{dx} x^{3} = 2 x^{2}", [])],
        None,
    ),
    "distribute": ([(r"a (b + c) = a b + a c", [])], [(r"a (b + c) = a b + c", [])], None),
    "pow_collect": ([(r"a a a = a^{3}", [])], [(r"a a a = a^{2}", [])], None),
    "mul_one": ([(r"1 \cdot a = a", [])], [(r"1 \cdot a = 2 a", [])], None),
    "mul_zero": (
        [(r"0 \cdot \log a + b = b", [])],
        [(r"0 \cdot \log a + b = a", [])],
        ([(r"0 \cdot \log x + b = b", [])], "x \\neq 0"),
    ),
    "neg_both_sides": (
        [(r"\log a = b", []), (r"-\log a = -b", [])],
        [(r"\log a = b", []), (r"-\log a = b", [])],
        None,
    ),
}

# Integrals (issue 18): s is an integration variable, its own real variable.
CASES |= {
    "integral_evaluate": (
        [(r"\int_0^1 s^2 \, ds = \frac{1}{3}", [])],
        [(r"\int_0^1 s^2 \, ds = \frac{1}{2}", [])],
        ([(r"\int_0^\infty e^{-x s} \, ds = \frac{1}{x}", [])], "x \\neq 0"),
    ),
    "integral_linear": (
        [(r"\int_0^1 (a s + 1) \, ds = a \int_0^1 s \, ds + \int_0^1 1 \, ds", [])],
        [(r"\int_0^1 (a s + 1) \, ds = 2 a \int_0^1 s \, ds + \int_0^1 1 \, ds", [])],
        (
            [
                (
                    r"\int_0^\infty (e^{-x s} + e^{-a s}) \, ds = "
                    r"\int_0^\infty e^{-x s} \, ds + \int_0^\infty e^{-a s} \, ds",
                    [],
                )
            ],
            "to converge",
        ),
    ),
    "integral_integrand": (
        [(r"\int_0^1 \log e^{s} \, ds = \int_0^1 s \, ds", [])],
        [(r"\int_0^1 \log e^{s} \, ds = \int_0^1 2 s \, ds", [])],
        (
            [(r"\int_0^\infty e^{-x s} \log e^{s} \, ds = \int_0^\infty e^{-x s} s \, ds", [])],
            "converge",
        ),
    ),
}


def test_every_rule_has_cases():
    # Rules that use earlier equations are tested on whole derivations and documents.
    checked = set(CASES) | {
        "substitute",
        "log_both_sides",
        "one_hot",
        "generalize",
        "specialize",
        "algebra",
        "solve_for",
    }
    assert {r.name for r in RULES} <= checked


def _first_as_given(steps):
    """Cases with two steps state a fact first: make it a given."""
    return steps


@pytest.mark.parametrize("rule", sorted(CASES))
def test_rule_accepts_valid_instance(tmp_path, rule):
    valid = CASES[rule][0]
    result = _check(tmp_path, valid, rule)
    assert result.verdict is Verdict.VERIFIED, result.reason
    assert rule in result.rules


@pytest.mark.parametrize("rule", sorted(CASES))
def test_rule_rejects_invalid_instance(tmp_path, rule):
    invalid = CASES[rule][1]
    result = _check(tmp_path, invalid, rule)
    assert result.verdict is Verdict.REFUTED, (result.verdict, result.reason)
    assert result.counterexample is not None


@pytest.mark.parametrize("rule", sorted(r for r in CASES if CASES[r][2] is not None))
def test_rule_without_its_side_condition_is_unknown(tmp_path, rule):
    steps, needed = CASES[rule][2]
    result = _check(tmp_path, steps, rule)
    assert result.verdict is Verdict.UNKNOWN, (result.verdict, result.reason)
    assert needed in result.reason
    assert rule in result.reason


def _check(tmp_path, steps, rule):
    named = [(claim, [rule]) for claim, _ in steps]
    if len(steps) == 2:
        # the first step is the earlier equation the rule uses
        text = SYMBOLS + f"\n[[steps]]\nkind = \"given\"\nclaim = '{steps[0][0]}'\n"
        text += f"\n[[steps]]\nclaim = '{steps[1][0]}'\nby = [\"{rule}\"]\n"
        from helpers import check_text, claims

        return claims(check_text(tmp_path, text))[-1]
    return one_step(tmp_path, SYMBOLS, *named)


def test_log_both_sides_needs_a_positive_side(tmp_path):
    from helpers import check_text, claims

    text = (
        SYMBOLS
        + """
[[steps]]
kind = "definition"
claim = 'M = x z'
[[steps]]
claim = '\\log M = \\log(x z)'
by = ["log_both_sides"]
"""
    )
    result = claims(check_text(tmp_path, text))[-1]
    assert result.verdict is Verdict.UNKNOWN
    assert "log_both_sides needs" in result.reason


def test_log_both_sides_with_a_positive_side_is_verified(tmp_path):
    from helpers import check_text, claims

    text = (
        SYMBOLS
        + """
[[steps]]
kind = "definition"
claim = 'M = a b'
[[steps]]
claim = '\\log M = \\log(a b)'
by = ["log_both_sides"]
"""
    )
    result = claims(check_text(tmp_path, text))[-1]
    assert result.verdict is Verdict.VERIFIED
    assert result.rules == ("log_both_sides",)


def _solve_for(tmp_path, given: str, claim: str):
    from helpers import check_text, claims

    text = (
        SYMBOLS
        + f"""
[[steps]]
kind = "given"
claim = '{given}'
[[steps]]
claim = '{claim}'
by = ["solve_for"]
"""
    )
    return claims(check_text(tmp_path, text))[-1]


def test_solve_for_accepts_a_solved_earlier_equation(tmp_path):
    result = _solve_for(tmp_path, "a b = c", "b = \\frac{c}{a}")
    assert result.verdict is Verdict.VERIFIED, result.reason
    # putting c = a b into the right side proves it as well; either move is honest
    assert {"solve_for", "substitute"} & set(result.rules)


def test_solve_for_rejects_a_wrong_solution(tmp_path):
    result = _solve_for(tmp_path, "a b = c", "b = \\frac{c}{a} + 1")
    assert result.verdict is Verdict.REFUTED


def test_solve_for_needs_a_nonzero_coefficient(tmp_path):
    result = _solve_for(tmp_path, "x z = c", "z = \\frac{c}{x}")
    assert result.verdict is Verdict.UNKNOWN
    assert "x \\neq 0" in result.reason
