"""Issue 11: the readings of a name before square brackets must not verify a wrong step. A
divergence ``\\mathrm{KL}[P || Q]`` is an opaque function of its ordered arguments (never
symmetric, never evaluated); ``\\lambda [ ... ]``, where the formula uses lambda on its own, is a
product, checked as one."""

from __future__ import annotations

import pytest

from eqchain.model import Verdict

from .judged import check_markdown, claims
from .redteam import document


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        (r"\mathrm{KL}[P || Q] = \mathrm{KL}(P || Q)", Verdict.VERIFIED),
        (r"\mathrm{KL}[P \Vert Q] = \mathrm{KL}[P \Vert Q] + 0", Verdict.VERIFIED),
        (r"\lambda [a + b] = \lambda a + \lambda b", Verdict.VERIFIED),
        (r"\lambda [a + b] = \lambda a + b", Verdict.REFUTED),
        (r"\lambda \left[ 1 + \lambda \right] = \lambda + \lambda^2", Verdict.VERIFIED),
        (r"\lambda \left[ 0 + \frac{1}{\lambda^2} \right] = \lambda", Verdict.REFUTED),
        (r"\mathrm{erf}[a] = \mathrm{erf}(a)", Verdict.VERIFIED),
    ],
)
def test_brackets_after_a_name_are_checked_as_read(tmp_path, claim, verdict):
    (result,) = claims(check_markdown(tmp_path, document(claim)))
    assert result.verdict is verdict, (claim, result.verdict, result.reason)


@pytest.mark.parametrize(
    "claim",
    [
        r"\mathrm{KL}[P || Q] = \mathrm{KL}[Q || P]",
        r"a + \mathrm{KL}[P || Q] = a + \mathrm{KL}(P, Q)",  # the double bar is not a comma
        r"a + \mathrm{KL}[P || Q] = a",
        r"\mathrm{erf}[a] = \mathrm{erf}[b]",
        r"\mathrm{erf}[a + b] = \mathrm{erf}[a] + \mathrm{erf}[b]",
    ],
)
def test_an_opaque_operator_never_verifies_what_it_does_not_say(tmp_path, claim):
    (result,) = claims(check_markdown(tmp_path, document(claim)))
    assert result.verdict is not Verdict.VERIFIED, (claim, result.reason)
