"""An indefinite integral equated to an expression free of integrals, ``\\int f \\, dx = F``:
the claim that F is an antiderivative of f (equal up to an additive constant). Verified when
dF/dx is proved to be f, refuted where dF/dx and f differ, and never an equation later steps
may rewrite with (the constant is unknown: x^2/2 and x^2/2 + 1 are both antiderivatives of x)."""

from __future__ import annotations

import json

import pytest
from helpers import check_document_rows, check_text, claims, run_eqchain

from eqchain.model import Verdict

SYMBOLS = """
[symbols]
a = "positive"
x = "real"
C = "real"
"""


def results(tmp_path, *rows, symbols=SYMBOLS):
    body = symbols + "".join(f"\n[[steps]]\nclaim = '{r}'\n" for r in rows)
    return claims(check_text(tmp_path, body))


@pytest.mark.parametrize(
    "claim",
    [
        # StatProofBook's exponential mean: integration by parts done in the head
        r"\int x \cdot \exp(-a x) \, \mathrm{d}x = \left( - \frac{1}{a} x - \frac{1}{a^2} \right)"
        r" \exp(-a x)",
        r"\int x \, dx = \frac{x^2}{2} + C",
        r"\int x \, dx = \frac{x^2}{2} + 1",  # another antiderivative: the constant is free
        r"\int \cos(a x) \, dx = \frac{\sin(a x)}{a}",
        r"\frac{x^3}{3} = \int x^2 \, dx",
    ],
)
def test_an_antiderivative_is_verified_up_to_a_constant(tmp_path, claim):
    (result,) = results(tmp_path, claim)
    assert result.verdict is Verdict.VERIFIED, result.reason
    assert result.rules == ("antiderivative",)
    assert "up to a constant" in result.reason


@pytest.mark.parametrize(
    "claim",
    [
        r"\int x \cdot \exp(-a x) \, dx = \left( \frac{1}{a} x - \frac{1}{a^2} \right) \exp(-a x)",
        r"\int x \, dx = x^2",
        r"\int \cos(a x) \, dx = a \sin(a x)",
    ],
)
def test_a_wrong_antiderivative_is_refuted_where_its_derivative_differs(tmp_path, claim):
    (result,) = results(tmp_path, claim)
    assert result.verdict is Verdict.REFUTED, result.reason
    assert result.counterexample is not None
    assert "derivative" in result.reason


def test_a_condition_the_antiderivative_needs_is_named_when_not_established(tmp_path):
    # log x is an antiderivative of 1/x only where x > 0
    (result,) = results(tmp_path, r"\int \frac{1}{x} \, dx = \log x")
    assert result.verdict is Verdict.UNKNOWN
    assert "antiderivative needs x > 0" in result.reason
    (result,) = results(
        tmp_path, r"\int \frac{1}{x} \, dx = \log x", symbols='[symbols]\nx = "positive"\n'
    )
    assert result.verdict is Verdict.VERIFIED, result.reason


def test_an_antiderivative_is_no_equation_to_rewrite_with(tmp_path):
    # with the first row as an equation, the second would follow (and x^2/2 = x^2/2 + 1)
    first, second = results(
        tmp_path, r"\int x \, dx = \frac{x^2}{2}", r"\int x \, dx - \frac{x^2}{2} = 0"
    )
    assert first.verdict is Verdict.VERIFIED
    assert second.verdict is not Verdict.VERIFIED
    first, second = results(
        tmp_path, r"\int x \, dx = \frac{x^2}{2}", r"\int x \, dx = \frac{x^2}{2} + 1"
    )
    assert first.verdict is second.verdict is Verdict.VERIFIED  # not refuted through the first


def test_a_chain_through_an_antiderivative_states_no_equation_of_its_ends(tmp_path):
    # G = \int x dx = x^2/2: G is known up to a constant, so G = x^2/2 is no fact
    body = SYMBOLS + "\n[[steps]]\nkind = \"definition\"\nclaim = 'G = \\int x \\, dx'\n"
    body += "\n[[steps]]\nclaim = '= \\frac{x^2}{2}'\n"
    body += "\n[[steps]]\nclaim = 'G = \\frac{x^2}{2} + 1'\n"
    chain, other = claims(check_text(tmp_path, body))
    assert chain.verdict is Verdict.VERIFIED
    assert other.verdict is Verdict.VERIFIED  # another antiderivative, not refuted through G


def test_a_definite_integral_is_not_an_antiderivative(tmp_path):
    (result,) = results(tmp_path, r"\int_0^x t \, dt = \frac{x^2}{2} + 1")
    assert result.verdict is Verdict.REFUTED


def test_a_kink_or_a_jump_is_no_antiderivative(tmp_path):
    # |x| has no derivative at 0 (an antiderivative of x/|x|, which is undefined there)
    (result,) = results(tmp_path, r"\int \frac{x}{|x|} \, dx = |x|")
    assert result.verdict is Verdict.UNKNOWN, result.reason
    positive = '[symbols]\nx = "positive"\n'
    (result,) = results(tmp_path, r"\int \frac{x}{|x|} \, dx = |x|", symbols=positive)
    assert result.verdict is Verdict.VERIFIED, result.reason
    (result,) = results(tmp_path, r"\int 1 \, dx = |x| + 2 x")
    assert result.verdict is not Verdict.VERIFIED
    # a step function: SymPy's derivative piece by piece is 0, and it is no antiderivative of 0
    (result,) = results(tmp_path, r"\int 0 \, dx = \lfloor x \rfloor")
    assert result.verdict is Verdict.UNKNOWN
    assert "derivative everywhere" in result.reason


def test_a_given_about_the_variable_does_not_make_an_antiderivative(tmp_path):
    # with x = 1 given, x = x^2 would hold at the point: not for the integral's variable
    body = SYMBOLS + "\n[[steps]]\nkind = \"given\"\nclaim = 'x = 1'\n"
    body += "\n[[steps]]\nclaim = '\\int x \\, dx = x'\n"
    (result,) = claims(check_text(tmp_path, body))
    assert result.verdict is not Verdict.VERIFIED


GAUSSIAN_PRIMITIVES = (
    "# t\n\n$$\n\\begin{split}\n"
    r"\int x \cdot \exp \left[ -a x^2 \right] \mathrm{d}x &= -\frac{1}{2a} \cdot "
    r"\exp \left[ -a x^2 \right] \\" + "\n"
    r"\int \exp \left[ -a x^2 \right] \mathrm{d}x &= \frac{1}{2} \sqrt{\frac{\pi}{a}} \cdot "
    r"\mathrm{erf} \left[ \sqrt{a} x \right]" + "\n\\end{split}\n$$\n"
)


def test_rows_of_antiderivatives_are_no_system_and_are_refuted_only_where_real(tmp_path):
    # StatProofBook's Gaussian mean: two antiderivatives in one display. The second is no
    # equation following from the first (each is known up to a constant), and at a < 0,
    # where sqrt(pi/a) is not real, there is no counterexample to it
    doc = tmp_path / "d.md"
    doc.write_text(GAUSSIAN_PRIMITIVES, encoding="utf-8")
    ran = run_eqchain("check", "--no-cache", "--format", "json", doc)
    steps = json.loads(ran.stdout)["derivations"][0]["steps"]
    assert [s["status"] for s in steps] == ["unknown", "unknown"]
    ran = run_eqchain("check", "--no-cache", "--format", "json", "--assume", "a > 0", doc)
    steps = json.loads(ran.stdout)["derivations"][0]["steps"]
    assert [s["status"] for s in steps] == ["verified", "verified"]
    assert all(s["rules"] == ["antiderivative"] for s in steps)


def _statuses(tmp_path, *rows, args=()):
    doc = tmp_path / "d.md"
    doc.write_text("# t\n\n" + "\n\n".join(f"$$\n{r}\n$$" for r in rows) + "\n", encoding="utf-8")
    ran = run_eqchain("check", "--no-cache", "--format", "json", *args, doc)
    return [s["status"] for s in json.loads(ran.stdout)["derivations"][0]["steps"]]


# Found by a red team (/tmp/redteam23): each was verified or refuted wrongly by the first version.
@pytest.mark.parametrize(
    ("rows", "args", "expected"),
    [
        # a sum's bound makes x an integer: cos(2 pi x) would read 1 and floor(x) x
        ((r"\int \cos(2 \pi x) \, dx = \sum_{j=1}^{x} 1",), (), ["unknown"]),
        ((r"S = \sum_{s=1}^{t} s", r"\int \lfloor t \rfloor \, dt = \frac{t^2}{2}"), (), None),
        ((r"\int \cos(2 \pi t) \, dt = t",), ("--assume", "t integer"), ["unknown"]),
        # x defined earlier: F's x would be its definition, the integral's x not
        ((r"x = \mu + \sigma z", r"\int 2 x \, dx = x^2", r"\int 0 \, dx = x^2"), (), None),
        # y varies with x (a row differentiates it): d/dx y is not 0
        ((r"\frac{dy}{dx} = 2 x", r"\int 2 x \, dx = y", r"\int 0 \, dx = y"), (), None),
        # a given fixes x: it must not supply the condition x \neq 0 of a jump at 0
        ((r"x = 1", r"\int \frac{1}{1 + x^2} \, dx = -\arctan \frac{1}{x}"), (), None),
        # F not real: a constant like \log(-1), \sqrt{-4}, \arcsin 2
        ((r"\int 1 \, dx = x + \log(-1)",), (), ["unknown"]),
        ((r"\int 2 x \, dx = x^2 + \sqrt{-4}",), (), ["unknown"]),
        ((r"\int 1 \, dx = x + \arcsin 2",), (), ["unknown"]),
        ((r"\int \frac{2x}{\sqrt{1-(x^2+2)^2}} \, dx = \arcsin(x^2 + 2)",), (), ["unknown"]),
    ],
)
def test_an_antiderivative_needs_a_real_variable_free_of_the_document(
    tmp_path, rows, args, expected
):
    statuses = _statuses(tmp_path, *rows, args=args)
    if expected is not None:
        assert statuses == expected
    assert "verified" not in statuses[-1:] and "refuted" not in statuses


def test_rows_after_a_name_defined_as_an_indefinite_integral_are_no_system(tmp_path):
    # G = \int x dx; then x^2/2 + 1 = G and G - x^2/2 = 1 (as the next equation of a system):
    # G is known up to a constant, so the second row does not follow from the first
    rows = (
        r"G = \int x \, dx",
        r"\begin{aligned} \frac{x^2}{2} + 1 &= G \\ G - \frac{x^2}{2} &= 1 \end{aligned}",
    )
    statuses = _statuses(tmp_path, *rows)
    assert statuses[-2:] == ["verified", "unknown"]


def test_a_name_defined_after_an_antiderivative_row_is_judged_as_an_antiderivative(tmp_path):
    # \int 2x dx = y, then y = x^2 + 1: y is an antiderivative of 2x, so the row solves the
    # first; it was refuted as if \int 2x dx were x^2 alone (x = -1: 1 against 2; red team 24)
    rows = (r"\int 2 x \, dx = y", r"y = x^2 + 1")
    assert [s["status"] for s in check_document_rows(tmp_path, *rows)][-1] == "definition"
    rows = (r"\int 2 x \, dx = y + 5", r"y = x^2 + 7")
    assert [s["status"] for s in check_document_rows(tmp_path, *rows)][-1] == "definition"
    # y = x^2 + x is no antiderivative of 2x: refuted by its derivative, 2x + 1
    (*_, last) = check_document_rows(tmp_path, r"\int 2 x \, dx = y", r"y = x^2 + x")
    assert last["status"] == "refuted"
    assert "derivative" in last["reason"]


def test_a_defined_power_is_put_in_not_taken_for_a_given_fixing_x(tmp_path):
    # s^2 = x + 1: \int 1 dx = s^2 is x + 1, an antiderivative; \int 2 dx = s^2 is not
    results = check_document_rows(
        tmp_path, r"s^2 = x + 1", r"\int 1 \, dx = s^2", r"\int 2 \, dx = s^2"
    )
    assert [r["status"] for r in results] == ["definition", "verified", "refuted"]
