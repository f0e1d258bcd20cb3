"""Red team 27: a max or min inside an integral over a name declared positive outside is not
evaluated with the outside assumption.

An integral's variable is its own real variable (scope._real_integration_variables), but the
reader's tree was rebuilt with the declared symbol first, and ``Max(0, x)`` evaluated to x on the
way (SymPy's Max is no Function: tree.build evaluated it). So with x declared positive,
``\\int_{-1}^{0} \\max(0, x) \\, dx = -\\frac{1}{2}`` was verified (it is 0).
"""

from __future__ import annotations

import pytest

from eqchain.model import Verdict

from .judged import check_file

SYMBOLS = 'x = "positive"\n'


def _file(claim: str) -> str:
    return "[symbols]\n" + SYMBOLS + f"[[steps]]\nclaim = '{claim}'\n"


@pytest.mark.parametrize(
    "claim",
    [
        "\\int_{-1}^{0} \\max(0, x) \\, dx = -\\frac{1}{2}",
        "\\int_{-1}^{0} \\min(0, x) \\, dx = 0",
    ],
)
def test_the_false_integral_is_refuted(tmp_path, claim):
    (result,) = check_file(tmp_path, _file(claim))
    assert result.verdict is Verdict.REFUTED, (result.verdict, result.reason)


def test_the_true_integral_is_verified(tmp_path):
    (result,) = check_file(tmp_path, _file("\\int_{-1}^{1} \\max(0, x) \\, dx = \\frac{1}{2}"))
    assert result.verdict is Verdict.VERIFIED, (result.verdict, result.reason)


def test_a_cases_block_inside_the_integral_is_not_evaluated_with_the_outside_sign(tmp_path):
    claim = (
        "\\int_{-1}^{0} \\begin{cases} x & x > 0 \\\\ 0 & \\text{otherwise} \\end{cases} "
        "\\, dx = -\\frac{1}{2}"
    )
    (result,) = check_file(tmp_path, _file(claim))
    assert result.verdict is not Verdict.VERIFIED, (result.verdict, result.reason)
