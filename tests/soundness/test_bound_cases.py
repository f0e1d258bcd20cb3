"""Soundness 28: a bound variable is its own from the start, for every binder.

The reader's tree was bound bottom-up: a name inside a binder's body took the declaration
outside first, and the nodes built on the way evaluated with it (a condition ``x > 0`` with x
declared positive became true, and a cases block dropped its other pieces), before the binder
made the name its own variable. So with x declared positive, ``\\int_{-1}^{0} (x if x > 0, else
0) \\, dx = -1/2`` was verified (it is 0), and so were the same false steps in a limit, a sum, a
product, a derivative at a point and an expectation over a named variable.
"""

from __future__ import annotations

import pytest

from eqchain.model import Verdict

from .judged import check_file


def _file(symbols: str, claim: str) -> str:
    return "[symbols]\n" + symbols + f"[[steps]]\nclaim = '{claim}'\n"


def _cases(v: str, otherwise: str = "0", value: str | None = None) -> str:
    return (
        f"\\begin{{cases}} {value or v} & {v} > 0 \\\\ {otherwise} & \\text{{otherwise}} "
        "\\end{cases}"
    )


FALSE = [
    ('x = "positive"\n', f"\\lim_{{x \\to -1}} {_cases('x')} = -1"),
    ('k = "positive integer"\n', f"\\sum_{{k=-2}}^{{0}} {_cases('k')} = -3"),
    ('k = "positive integer"\n', f"\\prod_{{k=-2}}^{{-1}} {_cases('k', '1')} = 2"),
    (
        't = "positive"\n',
        f"\\left. \\frac{{d}}{{dt}} {_cases('t', value='t^2')} \\right|_{{t=-1}} = -2",
    ),
    (
        'x = "positive"\n',
        f"E_{{x \\sim \\mathcal{{N}}(0, 1)}}\\left[{_cases('x', value='1')}\\right] = 1",
    ),
]


@pytest.mark.parametrize(("symbols", "claim"), FALSE)
def test_a_binder_does_not_take_the_outside_sign(tmp_path, symbols, claim):
    (result,) = check_file(tmp_path, _file(symbols, claim))
    assert result.verdict is not Verdict.VERIFIED, (result.verdict, result.reason)


@pytest.mark.parametrize(
    ("symbols", "claim"),
    [
        ('x = "positive"\n', f"\\int_{{-1}}^{{1}} {_cases('x')} \\, dx = \\frac{{1}}{{2}}"),
        ('k = "positive integer"\n', f"\\sum_{{k=-2}}^{{2}} {_cases('k')} = 3"),
    ],
)
def test_the_true_steps_are_still_verified(tmp_path, symbols, claim):
    (result,) = check_file(tmp_path, _file(symbols, claim))
    assert result.verdict is Verdict.VERIFIED, (result.verdict, result.reason)


def test_a_bound_of_the_integral_is_the_outside_name(tmp_path):
    # the bound x is the declared positive x, not the integral's own variable (a guard: the
    # renaming stays inside the integral's scope)
    claim = f"\\int_{{0}}^{{x}} {_cases('x', value='1')} \\, dt = x"
    (result,) = check_file(tmp_path, _file('x = "positive"\nt = "real"\n', claim))
    assert result.verdict is Verdict.VERIFIED, (result.verdict, result.reason)


@pytest.mark.parametrize(
    ("symbols", "claim"),
    [
        ('k = "negative integer"\n', "\\sum_{k=1}^{2} |k| = -3"),
        ('k = "negative integer"\n', "\\prod_{k=1}^{2} \\max(k, 0) = 0"),
        ('x = "negative"\n', "\\lim_{x \\to 1} \\sqrt{x^2} = -1"),
        ('x = "negative"\n', "\\left. \\frac{d}{dx} |x| \\right|_{x=1} = -1"),
    ],
)
def test_an_absolute_value_max_or_root_is_refuted_too(tmp_path, symbols, claim):
    # guards: these nodes are built unevaluated, and were refuted before the fix as after it
    (result,) = check_file(tmp_path, _file(symbols, claim))
    assert result.verdict is Verdict.REFUTED, (result.verdict, result.reason)
