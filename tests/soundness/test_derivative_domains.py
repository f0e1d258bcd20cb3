"""Issue 13, class 7: definedness after differentiation.

A derivative exists where its value is defined, and not where |f|, sign f or a root f^{1/2}
has a corner or a vertical tangent (f = 0). ``2\\sqrt{x}\\frac{d}{dx}\\sqrt{x} = 1`` with x >= 0
has no left side at x = 0: it is verified only where x \\neq 0 (the domain is shown, README
"Verified where the left side is defined"), never as if it held everywhere; the reverse, which
introduces the restriction, is unknown naming it. Each case has its twin with x positive (no
restriction), verified with no domain; the oracle re-judges every verified step inside its
domain.
"""

from __future__ import annotations

import pytest

from eqchain.model import Verdict

from .judged import check_file, check_markdown, claims
from .redteam import derivation, summary

S = 'w = "nonnegative"\nu = "real"\nx = "positive"'

# (name, claim whose derivative does not exist at some allowed point, the condition it needs,
#  twin with positive symbols)
CASES = [
    (
        "root_times_its_derivative",
        r"2\sqrt{w}\frac{d}{dw}\sqrt{w} = 1",
        r"w \neq 0",
        r"2\sqrt{x}\frac{d}{dx}\sqrt{x} = 1",
    ),
    (
        "root_of_a_square",
        r"u\frac{d}{du}\sqrt{u^2} = \sqrt{u^2}",
        r"u \neq 0",  # u^2 \neq 0, shown as its plainest part
        r"x\frac{d}{dx}\sqrt{x^2} = \sqrt{x^2}",
    ),
    ("absolute_value", r"u \frac{d}{du} |u| = |u|", r"u \neq 0", r"x \frac{d}{dx} |x| = |x|"),
    (
        "twice_the_root_of_a_square",
        r"2 \sqrt{u^{2}} \frac{d}{du} \sqrt{u^{2}} = 2u",
        r"u \neq 0",  # u^2 \neq 0, shown as its plainest part
        r"2 \sqrt{x^{2}} \frac{d}{dx} \sqrt{x^{2}} = 2x",
    ),
    ("log", r"w \frac{d}{dw} \log w = 1", r"w \neq 0", r"x \frac{d}{dx} \log x = 1"),
    (
        "cube_root",
        r"3 w^{\frac{2}{3}} \frac{d}{dw} w^{\frac{1}{3}} = 1",
        r"w \neq 0",
        r"3 x^{\frac{2}{3}} \frac{d}{dx} x^{\frac{1}{3}} = 1",
    ),
    (
        "w_log_w",
        r"\frac{d}{dw} (w \log w) = \log w + 1",
        r"w \neq 0",
        r"\frac{d}{dx} (x \log x) = \log x + 1",
    ),
    (
        "reciprocal",
        r"w^{2} \frac{d}{dw} \frac{1}{w} = -1",
        r"w \neq 0",
        r"x^{2} \frac{d}{dx} \frac{1}{x} = -1",
    ),
    (
        "absolute_value_squared_away",
        r"u^{2} \frac{d}{du} |u| = u |u|",
        r"u \neq 0",
        r"x^{2} \frac{d}{dx} |x| = x |x|",
    ),
    (
        "root_of_a_shifted_symbol",
        r"2\sqrt{u - 1}\frac{d}{du}\sqrt{u - 1} = 1",
        r"-1 + u \neq 0",
        r"2\sqrt{x + 1}\frac{d}{dx}\sqrt{x + 1} = 1",
    ),
    (
        "quotient_by_a_root",
        r"\sqrt{w} \frac{d}{dw} (2 \sqrt{w}) = 1",
        r"w \neq 0",
        r"\sqrt{x} \frac{d}{dx} (2 \sqrt{x}) = 1",
    ),
]


@pytest.mark.parametrize(
    ("claim", "needs", "twin"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_a_derivative_is_never_verified_where_it_does_not_exist(tmp_path, claim, needs, twin):
    (result,) = claims(check_file(tmp_path, derivation(S, claim)))
    if result.verdict is Verdict.VERIFIED:
        assert needs in result.domain, summary([result])
    else:
        assert result.verdict is Verdict.UNKNOWN, summary([result])


@pytest.mark.parametrize(
    ("claim", "needs", "twin"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_the_reverse_introduces_the_restriction(tmp_path, claim, needs, twin):
    lhs, rhs = claim.split(" = ")
    (result,) = claims(check_file(tmp_path, derivation(S, f"{rhs} = {lhs}")))
    assert result.verdict is not Verdict.VERIFIED or needs in result.domain, summary([result])
    if result.verdict is Verdict.UNKNOWN and "introduces" in result.reason:
        assert needs in result.reason


@pytest.mark.parametrize(
    ("claim", "needs", "twin"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_the_twin_with_positive_symbols_is_verified_everywhere(tmp_path, claim, needs, twin):
    (result,) = claims(check_file(tmp_path, derivation(S, twin)))
    assert result.verdict is Verdict.VERIFIED, summary([result])
    assert result.domain == (), summary([result])


def test_a_derivative_that_exists_at_zero_needs_nothing(tmp_path):
    (result,) = claims(
        check_file(tmp_path, derivation(S, r"\frac{d}{dw} w^{\frac{3}{2}} = \frac{3}{2} \sqrt{w}"))
    )
    assert result.verdict is Verdict.VERIFIED, summary([result])
    assert result.domain == ()


def test_in_a_document(tmp_path):
    doc = "$$\n2\\sqrt{w}\\frac{d}{dw}\\sqrt{w} = 1\n$$\n"
    (result,) = claims(check_markdown(tmp_path, doc, assume="w >= 0"))
    assert result.verdict is not Verdict.VERIFIED or r"w \neq 0" in result.domain, summary([result])
