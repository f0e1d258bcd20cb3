"""Notation from real documents written by hand: an elementary function's name set upright
(``\\mathrm{ln}``), a big operator's bounds in either order (``\\sum^N_{n=1}``), a variable of
differentiation in braces of its own (``\\partial {w_m}``). One reading each (README, notation
table), and what stays unreadable."""

from __future__ import annotations

import json

import pytest
import sympy as sp
from helpers import run_eqchain

from eqchain.errors import LatexError
from eqchain.latex.read import read_formula

x, k, N = sp.Symbol("x"), sp.Symbol("k"), sp.Symbol("N")


def sides(text):
    return read_formula(text).sides


# -- an elementary function's name written upright -------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (r"\mathrm{ln}\, x", sp.log(x)),  # was x: the name dropped as prose before the formula
        (r"\mathrm{ln} x", sp.log(x)),
        (r"\operatorname{ln} x", sp.log(x)),  # was the product of a symbol ln and x
        (r"\operatorname*{log} x", sp.log(x)),
        (r"\text{ln}\, x", sp.log(x)),
        (r"{\rm ln}\, x", sp.log(x)),
        (r"\mathrm{sin}\, x", sp.sin(x)),
        (r"\mathrm{exp}(x)", sp.exp(x)),
        (r"\mathrm{ln}\,k", sp.log(k)),
    ],
)
def test_an_upright_function_name_is_the_function(text, expected):
    (side,) = sides(text)
    assert side == expected


def test_an_upright_function_name_inside_a_formula():
    # was "prose in the middle of a formula"
    lhs, rhs = sides(r"y = - \mathrm{ln}\, x + \mathrm{log}\, k")
    assert rhs == -sp.log(x) + sp.log(k)
    # and at the start of a formula the name is never dropped: ln x = y, not x = y
    lhs, rhs = sides(r"\mathrm{ln}\, x = y")
    assert lhs == sp.log(x)


def test_other_upright_words_keep_their_reading():
    assert sides(r"\mathrm{BCE} = x")[0] == sp.Symbol("BCE")
    with pytest.raises(LatexError, match="without an argument"):
        sides(r"y = \mathrm{ln}")


# -- a big operator's bounds in either order --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [r"\sum^N_{n=1} a_n", r"\sum^{N}_{n=1} a_n", r"\sum\limits^N_{n=1} a_n", r"\sum_{n=1}^N a_n"],
)
def test_a_sums_upper_bound_may_come_first(text):
    (side,) = sides(text)
    n, a = sp.Symbol("n", integer=True), sp.IndexedBase("a")
    assert side.dummy_eq(sp.Sum(a[n], (n, 1, N)), n)


def test_a_products_upper_bound_may_come_first():
    (side,) = sides(r"\prod^N_{n=1} { p_n }")
    assert isinstance(side, sp.Product) and side.limits[0][1:] == (1, N)


def test_an_empty_upper_bound_is_no_bound():
    # \prod_{i}^{}: TeX typesets nothing above; read as \prod_{i}
    assert sides(r"\sum_{i}^{} a_i") == sides(r"\sum_{i} a_i")
    assert sides(r"\sum^{}_{i} a_i") == sides(r"\sum_{i} a_i")
    with pytest.raises(LatexError, match="needs its range"):
        sides(r"\sum_{i=1}^{} a_i")  # a lower bound without an upper one, as before


def test_a_names_scripts_in_either_order_are_read_as_tex_sets_them():
    # x^N_1: TeX sets both scripts on x whatever their order (decorations.scripts_in_order)
    assert sides(r"x^N_1") == sides(r"x_1^N")


# -- a variable of differentiation in braces ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (r"\frac{\partial x^2}{\partial {x}}", sp.Derivative(x**2, x)),
        (r"\frac{d x^2}{d{x}}", sp.Derivative(x**2, x)),
        (r"\frac{\partial^2 x^3}{\partial {x}^2}", sp.Derivative(x**3, (x, 2))),
        (r"\frac{\partial}{\partial {x}} x^2", sp.Derivative(x**2, x)),
    ],
)
def test_a_braced_variable_of_differentiation_is_that_variable(text, expected):
    (side,) = sides(text)
    assert side == expected


def test_a_braced_member_of_a_family():
    (side,) = sides(r"\frac{\partial \ln P}{\partial {w_m}}")
    assert isinstance(side, sp.Derivative) and str(side.variables) == "(w[m],)"
    assert side == sides(r"\frac{\partial \ln P}{\partial w_m}")[0]


@pytest.mark.parametrize(
    "text", [r"\frac{\partial x^2}{\partial {x + 1}}", r"\frac{\partial^2 x^3}{\partial {x^2}}"]
)
def test_braces_holding_more_than_a_name_stay_unreadable(text):
    with pytest.raises(LatexError, match="cannot read this derivative"):
        sides(text)


# -- colour ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (r"\color{red}{x} + 1", x + 1),
        (r"\color{red} x + 1", x + 1),
        (r"\textcolor{blue}{x^2} + 1", x**2 + 1),
        (r"\frac{\color{#1F618D}{x}}{k}", x / k),
    ],
)
def test_a_colour_is_presentation_only(text, expected):
    (side,) = sides(text)
    assert str(side) == str(expected)


def test_the_braces_a_colour_opens_are_not_brackets():
    # a\color{red}{x + 1} typesets as a x + 1: the braces are TeX's group, never parentheses
    (side,) = sides(r"k \color{red}{x + 1}")
    assert str(side) == str(k * x + 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [(r"\textcolor{red} x + 1", x + 1), (r"\textcolor{magenta}\lambda k", sp.Symbol("lambda") * k)],
)
def test_textcolor_takes_the_one_token_after_it(text, expected):
    # TeX's argument without braces is the next token (a new user's post: the rows of a
    # block with \textcolor{magenta}\lambda were all unread)
    (side,) = sides(text)
    assert str(side) == str(expected)


@pytest.mark.parametrize(
    "text", [r"\color x + 1", r"\textcolor{red}\frac{a}{b}", r"\textcolor{red}(x)"]
)
def test_a_colour_without_its_braces_is_rejected(text):
    with pytest.raises(LatexError, match="in braces"):
        sides(text)


# -- an upright letter under an accent; the double bar \parallel of a divergence -------------


def test_an_upright_letter_under_an_accent_is_the_letter():
    lhs, rhs = sides(r"\widetilde{\mathrm{H}} = \widetilde{H}")
    assert lhs == rhs and str(lhs) == "widetildeH"


def test_parallel_in_a_divergences_brackets_is_its_double_bar():
    (side,) = sides(r"\mathrm{KL}(q \parallel p)")
    assert isinstance(side, sp.core.function.AppliedUndef)
    assert side.func.__name__ == "KL" and [str(a) for a in side.args] == ["q", "p"]
    # the same double bar as || (one function, whichever way the document writes the bar)
    assert side.func.separators == ((1, "||"),)
    # outside a function's brackets it is no operator eqchain reads
    with pytest.raises(Exception, match="parallel"):
        sides(r"a \parallel b")


# -- a sample-indexed name before a number in parentheses ------------------------------------


@pytest.mark.parametrize("text", [r"f^{(k)}(0)", r"y = f^{(k)}(-1) x", r"g = x^{(i)}(2.5)"])
def test_a_kth_derivative_at_a_point_is_never_a_product_by_the_number(text):
    # f^{(k)}(0) (Maclaurin's k-th derivative at 0) was read f_k times 0: f^{(k)}(0) = 0 verified
    with pytest.raises(LatexError, match="derivative at that point"):
        sides(text)


def test_a_sample_indexed_name_before_an_expression_stays_a_product():
    (side,) = sides(r"y^{(i)}(1 - y^{(i)})")
    assert str(side) == "(1 - y[i])*y[i]"


# -- dots and a number ending a row: the equation's number ------------------------------------


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        (r"e^x = \sum_{k=0}^{\infty} \frac{x^k}{k!} \cdots (1)", "1"),
        (r"y = x \quad \cdots \quad (2.3)", "2.3"),
        (r"&= x^2 \cdots(4)", "4"),
    ],
)
def test_dots_and_a_number_ending_an_equation_are_its_number(text, tag):
    from eqchain.latex.decorations import strip_decorations

    decorated = strip_decorations(text)
    assert decorated.tag == tag and "cdots" not in decorated.body


@pytest.mark.parametrize(
    "text",
    [
        r"y = a_1 + \cdots + (1)",
        r"y = x \cdot \cdots (1)",
        r"x_1 x_2 \cdots (1)",
        r"y = x \cdots (a)",
    ],
)
def test_other_dots_stay_an_ellipsis(text):
    from eqchain.latex.decorations import strip_decorations

    assert strip_decorations(text).tag is None


DOCUMENT = r"""# written by hand

$$
\mathrm{ln}\, x + \mathrm{ln}\, k = \mathrm{ln}\,(x k)
$$

$$
\mathrm{ln}\, x + \mathrm{ln}\, k = \mathrm{ln}\,(x + k)
$$

$$
\mathrm{ln}\, x = x
$$

$$
\sum^N_{n=1} n = \frac{N(N+1)}{2}
$$

$$
\frac{\partial}{\partial {x}} \mathrm{ln}\, x = \frac{1}{x}
$$

$$
\frac{\partial}{\partial {x}} \mathrm{ln}\, x = x
$$

$$
f^{(k)}(0) = 0
$$

$$
(x + 1)^2 = x^2 + 2 x + 1 \cdots (1)
$$

$$
\color{#1F618D}{
\begin{eqnarray*}
    (x + k)^2 &=& x^2 + 2 x k + k^2 \\
    &=& x^2 + k^2
\end{eqnarray*}
}
$$
"""


def test_through_the_cli(tmp_path):
    path = tmp_path / "hand.md"
    path.write_text(DOCUMENT, encoding="utf-8")
    ran = run_eqchain("check", "--format", "json", "--assume", "x > 0, k > 0", str(path))
    steps = [s for d in json.loads(ran.stdout)["derivations"] for s in d["steps"]]
    by_line = {s["line"]: s for s in steps}
    assert by_line[4]["status"] == "verified"  # log x + log k = log(xk) for x, k > 0
    assert by_line[8]["status"] == "refuted"
    assert by_line[12]["status"] == "refuted"  # read as x = x, it was verified
    assert by_line[16]["status"] == "verified"
    assert by_line[20]["status"] == "verified"
    assert by_line[24]["status"] == "refuted"
    assert by_line[28]["status"] == "unreadable"  # was verified, read as f_k 0 = 0
    tagged = next(s for s in steps if s.get("label") == "1")
    assert tagged["status"] == "verified" and tagged["line"] == 32
    # a display wrapped in \color{...}{...} (was unreadable: unbalanced braces)
    assert by_line[38]["status"] == "verified"
    assert by_line[39]["status"] == "refuted"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a WordPress habit: the style switch, then a plain group around the whole row
        (r"\displaystyle{(a+b)^2 = a^2 + 2ab + b^2}", 2),
        # a result boxed after a relation of the chain
        (r"2p - 1 = 0 \Leftrightarrow \boxed{p = \frac{1}{2}}", 2),
        (r"\boxed{p = \frac{1}{2}} \Rightarrow 2p = 1", 2),
    ],
)
def test_a_group_or_box_around_a_relation_is_no_bracket(text, expected):
    # both read "'=' inside brackets" (new users' posts)
    assert len(sides(text)) >= expected


def test_a_box_inside_a_side_still_groups():
    (side,) = sides(r"2\boxed{x + 1}")
    assert str(side) == "2*(x + 1)"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (r"m_k^{(t+1)}", "m[t + 1, k]"),
        (r"\theta^{(t-1)}", "theta[t - 1]"),
        (r"x^{(i)}", "x[i]"),
    ],
)
def test_an_iterates_superscript_is_its_index(text, expected):
    # EM and gradient descent posts: m_k^{(t+1)} was "a superscript in brackets, not supported"
    (side,) = sides(text)
    assert str(side) == expected


@pytest.mark.parametrize("text", [r"x^{(2)}", r"x^{(t+a)}", r"x^{(t \cdot 2)}"])
def test_other_superscripts_in_brackets_stay_unread(text):
    with pytest.raises(LatexError):
        sides(text)


def test_a_vdots_row_between_two_chains_elides_and_joins_nothing():
    # & ~ \vdots\\ then &f(a, 3): the row after was read as continuing the elision
    # ("unknown LaTeX command \vdots", the next chain unread)
    from eqchain.latex.read import read_rows

    text = (
        "\\begin{aligned}\n&f(a, 1)\\\\\n&=a + 1,\\\\\n& ~ \\vdots\\\\\n"
        "&f(a, 3)\\\\\n&=a + 3,\n\\end{aligned}"
    )
    rows = read_rows(text, functions=frozenset({"f"}))
    assert [(len(f.sides), f.continues) for _, f in rows] == [
        (1, False),
        (1, True),
        (0, False),
        (1, False),
        (1, True),
    ]


def test_an_index_excluded_from_a_sum_is_no_imaginary_unit():
    # e^{-\sum_{i \ne j} \lambda_i}: j only in the sum's condition (a new user's Poisson post)
    (side,) = sides(r"e^{-\sum_{i \ne j} \lambda_i}")
    assert side.has(sp.KroneckerDelta)


@pytest.mark.parametrize(
    "text",
    [
        r"{(a+b)^2=a^2+2ab+b^2}",  # note.com writes every formula $${...}$$
        r"\exp \Big\lbrace x \Big\rbrace = \exp \left\{ x \right\}",  # \lbrace is \{
    ],
)
def test_a_group_around_the_whole_formula_and_lbrace_are_read(text):
    assert len(sides(text)) == 2


def test_two_groups_or_a_set_are_no_whole_group():
    (side,) = sides(r"{a} + {b}")
    assert str(side) == "a + b"
