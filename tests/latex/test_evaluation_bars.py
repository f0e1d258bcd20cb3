"""Issue 11: evaluation bars, ``\\left[ F \\right]_{a}^{b}``, ``[F]_{x=a}^{b}``,
``\\Big[ F \\Big]_a^b``: F at the upper bound minus F at the lower bound, in the variable the
subscript names, else the variable of integration of the row's integrals (or of the row before
it, in a document), else F's one free variable that the bounds do not name; otherwise
unreadable, naming the candidates. An infinite bound is a limit, never F at oo: a step with one
is verified only when SymPy computes the limit under the assumptions, and is otherwise unknown,
naming it. Read, checked and reported through the command line on documents."""

from __future__ import annotations

import json

import pytest
import sympy as sp
from helpers import run_eqchain

from eqchain.errors import LatexError
from eqchain.latex.parser import BarVariableUnknown
from eqchain.latex.read import read_expression, read_formula

x, z, a, b, r, lam = sp.symbols("x z a b r lambda")


def sides(text):
    return read_formula(text).sides


def value(expr):
    return sp.simplify(expr.doit())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (r"\left[ \frac{x^2}{2} \right]_0^1", sp.Rational(1, 2)),
        (r"\Big[ x^2 \Big]_a^b", b**2 - a**2),
        (r"[z]_a^x", x - a),  # z, the one free variable the bounds do not name
        (r"\left[ \frac{1}{2} \, \frac{x^2}{b-a} \right]_a^b", (a + b) / 2),
        (r"\left[ \lambda z \right]_{z=0}^{x}", lam * x),  # named in the subscript
        (r"\left[ e^{-x^2} \right]_{x=0}^{+\infty}", -1),
    ],
)
def test_an_evaluation_bar_is_f_at_the_upper_bound_minus_f_at_the_lower(text, expected):
    (expr,) = sides(text)
    assert sp.simplify(value(expr) - expected) == 0


def test_the_variable_of_the_row_s_integral_decides():
    # lambda and z are free in F; the integral says the bounds are for z, on either side
    text = r"\int_0^x \lambda e^{-\lambda z} \, dz = \left[ -e^{-\lambda z} \right]_0^x"
    left, right = sides(text)
    assert sp.simplify(value(right) - (1 - sp.exp(-lam * x))) == 0
    text = r"\left[ -e^{-\lambda z} \right]_0^x = \int_0^x \lambda e^{-\lambda z} \, dz"
    left, right = sides(text)
    assert sp.simplify(value(left) - (1 - sp.exp(-lam * x))) == 0


def test_an_infinite_bound_is_a_limit_never_f_at_infinity():
    (expr,) = sides(r"\left[ x e^{-x} \right]_0^{\infty}")
    assert expr.has(sp.Limit)
    (limit,) = expr.atoms(sp.Limit)
    assert limit.args[1:3] == (x, sp.oo)
    (expr,) = sides(r"\frac{1}{2}[e^{-r^2}] _{r=0}^{\infty}")
    assert {lim.args[1] for lim in expr.atoms(sp.Limit)} == {r}


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # lambda or z? nothing in the row says
        (r"\lambda \left[ -\frac{1}{\lambda} e^{-\lambda z} \right]_{0}^{x}", "lambda, z"),
        (r"\left[ x y \right]_0^1", "x, y"),
        (r"\left[ x \right]_0", "upper bound"),
        (r"\left[ x \right]_{x=y=0}^1", "two '='"),
    ],
)
def test_an_undetermined_bar_is_unreadable_naming_why(text, words):
    with pytest.raises(LatexError) as info:
        read_formula(text)
    # at the bar's subscript
    assert info.value.column == text.index("]_") + 2, info.value.message
    assert words in info.value.message


def test_the_row_before_gives_the_variable_only_when_asked():
    text = r"= \lambda \left[ -\frac{1}{\lambda} e^{-\lambda z} \right]_{0}^{x}"
    with pytest.raises(BarVariableUnknown):
        read_formula(text)
    (expr,) = read_formula(text, variables=frozenset({z})).sides
    assert sp.simplify(value(expr) - (1 - sp.exp(-lam * x))) == 0


DOCUMENT = r"""# Bars

$$
\int_0^1 x \, dx = \left[ \frac{x^2}{2} \right]_0^1 = \frac{1}{2}
$$

$$
u = \left[ x^2 \right]_0^2 = 2
$$

$$
\begin{aligned}
F(x) &= \int_0^x \lambda e^{-\lambda z} \, dz \\
&= \lambda \left[ -\frac{1}{\lambda} e^{-\lambda z} \right]_0^x \\
&= 1 - e^{-\lambda x}
\end{aligned}
$$

$$
v = \left[ e^{-\lambda x} \right]_{x=0}^{\infty} = -1
$$

$$
w = \left[ \sin x \right]_{0}^{\infty} = 0
$$
"""


def _steps(tmp_path, *options):
    path = tmp_path / "bars.md"
    path.write_text(DOCUMENT, encoding="utf-8")
    ran = run_eqchain("check", "--format", "json", *options, str(path))
    data = json.loads(ran.stdout)
    steps = [s for d in data["derivations"] for s in d["steps"]]
    assert not any(s["status"] == "unreadable" for s in steps), steps
    return {(s["line"], s["status"]) for s in steps}, steps


def test_evaluation_bars_through_the_cli(tmp_path):
    found, steps = _steps(tmp_path)
    assert (4, "verified") in found and not any(
        s["status"] != "verified" for s in steps if s["line"] == 4
    )
    assert (8, "refuted") in found  # [x^2]_0^2 is 4
    # the variable z from the row before (read, not unreadable); the 1/lambda needs lambda != 0
    (step,) = [s for s in steps if s["line"] == 14]
    assert step["status"] == "unknown" and "\\lambda \\neq 0" in step["reason"], step
    # the link after it, in a chain not established, holds where its row before is defined
    (step,) = [s for s in steps if s["line"] == 15]
    assert step["status"] == "verified" and step["domain"], step
    # lambda only real: the limit depends on its sign; never verified nor refuted
    assert [s for s in steps if s["line"] == 20][-1]["status"] == "unknown"
    # sin x has no limit: never verified
    assert [s for s in steps if s["line"] == 24][-1]["status"] == "unknown"


def test_the_limit_is_verified_when_the_assumptions_give_it(tmp_path):
    found, steps = _steps(tmp_path, "--assume", "lambda > 0")
    assert (14, "verified") in found and (15, "verified") in found
    assert [s for s in steps if s["line"] == 20][-1]["status"] == "verified"
    assert [s for s in steps if s["line"] == 24][-1]["status"] == "unknown"


def test_a_limit_that_does_not_exist_never_verifies_a_step(tmp_path):
    """e^x grows without bound, x too (oo - oo is no value), sin x has no limit: whatever
    algebra says of the sides, the step is unknown, naming the limit it needs."""
    path = tmp_path / "bad.md"
    path.write_text(
        "# Bad\n\n"
        "$$\nu = \\left[ e^{x} \\right]_0^{\\infty} = -1\n$$\n\n"
        "$$\nw = \\left[ x \\right]_0^{\\infty} - \\left[ x \\right]_0^{\\infty} = 0\n$$\n\n"
        "$$\ns = \\left[ \\sin x \\right]_{x=0}^{\\infty}"
        " - \\left[ \\sin x \\right]_{x=0}^{\\infty} = 0\n$$\n",
        encoding="utf-8",
    )
    ran = run_eqchain("check", "--format", "json", str(path))
    steps = [s for d in json.loads(ran.stdout)["derivations"] for s in d["steps"]]
    claims = [s for s in steps if s["status"] not in ("definition", "given")]
    assert [s["status"] for s in claims] == ["unknown"] * 3, claims
    assert "\\lim_{x \\to \\infty} x" in claims[1]["reason"]


def test_the_row_before_may_stand_in_the_display_before(tmp_path):
    path = tmp_path / "two.md"
    path.write_text(
        "# Two\n\n"
        "$$\nF(x) = \\int_0^x \\lambda e^{-\\lambda z} \\, dz\n$$\n\nso\n\n"
        "$$\nF(x) = \\left[ -e^{-\\lambda z} \\right]_0^x\n$$\n\n"
        "$$\nG = \\left[ -e^{-\\lambda z} \\right]_0^x\n$$\n",
        encoding="utf-8",
    )
    ran = run_eqchain("check", "--format", "json", str(path))
    steps = [s for d in json.loads(ran.stdout)["derivations"] for s in d["steps"]]
    by_line = {s["line"]: s for s in steps}
    assert by_line[10]["status"] != "unreadable", by_line[10]
    # the row before has no integral: the bar of the last row stays undetermined
    assert by_line[14]["status"] == "unreadable"
    assert "lambda, z" in by_line[14]["reason"]


# -- bars: \left. F \right|_{t=0}, \left. F \right|_a^b, F \Big|_{x=0}^{x=1} -------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (r"\left. x^2 + 1 \right|_{x=2}", 5),  # F at the point
        (r"\left. x^2 \right|_{0}^{3}", 9),  # F(b) - F(a)
        (r"\left. x^2 \right|^{3}_{x=1}", 8),  # the scripts in either order
        (r"x \left. e^{x} \right|_{x=0}^{1}", x * (sp.E - 1)),  # only what \left. opens
        (r"\frac{\lambda}{2} x^2 \Big|_{x=0}^{x=2}", 2 * lam),  # the whole product before it
        (r"-x^2 \bigg|_{x=0}^{1} + 1", 0),  # a sign before, a term after
        (r"x^2 \Big|_{x=1}", 1),
        (r"e^{-x} \Big|_{x = 0}^{x = \infty}", -1),  # an infinite bound is a limit
        # the bar closes the derivative operator too: its slope at 1, never d/dx of 1^2
        (r"\frac{d}{dx} x^2 \Big|_{x=1}", 2),
        (r"2 \frac{d}{dx} x^3 \Big|_{x=0}^{1} + 1", 7),
        # a function's argument without parentheses ends at the bar, which closes the product
        (r"-\cos x \Big|_0^{\pi}", 2),
    ],
)
def test_a_bar_evaluates_what_it_closes(text, expected):
    (expr,) = sides(text)
    assert sp.simplify(value(expr) - expected) == 0


def test_a_bar_around_a_derivative_is_the_derivative_at_the_point():
    (expr,) = read_formula(
        r"\left. \frac{d}{dt} M_X(t) \right|_{t=0}", functions=frozenset({"M_X"})
    ).sides
    t = sp.Symbol("t")
    assert expr == sp.Subs(sp.Derivative(sp.Function("M_X")(t), t), t, 0)
    (expr,) = sides(r"\left. \frac{d^2}{dt^2} e^{a t} \right|_{t=0}")
    assert sp.simplify(expr.doit() - a**2) == 0


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (r"a + x^2 \Big|_0^1", "what does this evaluation bar apply to"),  # x^2, or a + x^2?
        (r"a \cdot x^2 \Big|_0^1", "what does this evaluation bar apply to"),
        (r"x^2 \Big|_0^1 y", "what does this evaluation bar apply to"),  # a factor after it
        (r"\left. x y \right|_{0}^{1}", "x, y"),  # which variable?
        (r"\left. x \right|^{1}", "point or lower bound"),
        (r"\left. x \right|_{x=0}^{y=1}", "two variables"),
        (r"\left. \int_0^x t \, dt \right|_{t=0}", "bound by t"),
    ],
)
def test_a_bar_that_does_not_say_what_it_evaluates_is_unreadable(text, words):
    with pytest.raises(LatexError) as info:
        read_formula(text)
    assert words in str(info.value)


def test_a_left_dot_without_a_bar_is_still_invisible():
    (expr,) = sides(r"\left. x + 1 \right. \cdot 2")
    assert sp.simplify(expr - (x + 2)) == 0


def test_bars_are_checked_through_the_command_line(tmp_path):
    path = tmp_path / "bars.md"
    path.write_text(
        "# Bars\n\n"
        "$$\nM(t) = e^{\\mu t + \\frac{\\sigma^2 t^2}{2}}\n$$\n\n"  # line 4
        "$$\n\\left. \\frac{d}{dt} M(t) \\right|_{t=0} = \\mu\n$$\n\n"  # 8: valid
        "$$\n\\left. \\frac{d^2}{dt^2} M(t) \\right|_{t=0} = \\sigma^2\n$$\n\n"  # 12: wrong
        "$$\n\\int_0^1 2x \\, dx = x^2 \\Big|_{x=0}^{x=1}\n$$\n\n"  # 16: valid
        "$$\n\\int_0^{\\infty} a e^{-a x} \\, dx = -e^{-a x} \\Big|_{x=0}^{x=\\infty}\n$$\n",  # 20
        encoding="utf-8",
    )
    ran = run_eqchain("check", "--no-cache", "--format", "json", str(path))
    steps = {s["line"]: s for d in json.loads(ran.stdout)["derivations"] for s in d["steps"]}
    assert steps[8]["status"] == "verified", steps[8]
    assert steps[12]["status"] == "refuted", steps[12]  # sigma^2 + mu^2
    assert steps[16]["status"] == "verified", steps[16]
    # the limit of e^{-a x} exists only for a > 0: not established for a real a
    assert steps[20]["status"] == "unknown", steps[20]
    ran = run_eqchain("check", "--no-cache", "--format", "json", "--assume", "a > 0", str(path))
    steps = {s["line"]: s for d in json.loads(ran.stdout)["derivations"] for s in d["steps"]}
    assert steps[20]["status"] == "verified", steps[20]


def test_an_evaluation_bracket_ends_a_function_argument():
    # \ln \frac{b}{c} [x]_a^b: the bracket with its limits is a factor of its own
    assert read_expression(r"\ln \frac{b}{c} \left[ x \right]_{a}^{b}") == read_expression(
        r"\ln(\frac{b}{c}) \cdot \left[ x \right]_{a}^{b}"
    )


def test_a_plain_bracket_after_a_function_argument_stays_ambiguous():
    with pytest.raises(LatexError, match="ambiguous argument"):
        read_expression(r"\ln \frac{b}{c} [x]")


def test_a_bar_takes_the_variable_of_an_integral_on_its_own_side():
    # integration by parts written on one side ([F]_0^\infty + p \int ... dx): the side's own
    # integral was not seen ("which variable ... (p, x)?"), though another side's was
    text = r"G = [-x^p e^{-x}]_0^\infty + p\int_0^\infty x^{p-1}e^{-x}dx"
    side = read_formula(text).sides[1]
    (limit,) = side.atoms(sp.Limit)
    assert str(limit.args[1]) == "x"


def test_a_bar_with_no_integral_in_its_row_is_still_ambiguous():
    with pytest.raises(LatexError, match="which variable"):
        read_formula(r"G = [p x]_0^1")
