"""Row-level structures of real posts (issue 11): several equations on one row after a comma
and spacing, a row ending with '=' whose right side is the next row, a leading \\rightarrow,
full-width punctuation, and '= ?'. Each has one reading (README, notation table) or a clear
unreadable message."""

from __future__ import annotations

import pytest

from eqchain.errors import LatexError
from eqchain.latex.read import read_expression, read_formula, read_rows
from eqchain.latex.rows import split_rows

# -- several equations on one row ------------------------------------------------------------


def test_two_equations_after_a_comma_and_spacing_are_two_rows():
    text = r"f'(x)=e^x+e^{-x},\qquad g'(x)=e^x-e^{-x}"
    rows = split_rows(text)
    assert [r.text.strip() for r in rows] == [r"f'(x)=e^x+e^{-x},", r"g'(x)=e^x-e^{-x}"]
    assert [r.beside for r in rows] == [False, True]
    assert rows[1].offset == text.index("g'")
    assert rows[1].column == text.index("g'") + 1


def test_the_equation_after_the_comma_keeps_its_line_and_column():
    text = "\\frac{d}{dp}(t\\log p)=\\frac{t}{p},\n\\qquad\n\\frac{d}{dp}((1-t)\\log(1-p))\n= -1"
    rows = split_rows(text)
    assert len(rows) == 2
    assert (rows[1].line, rows[1].column) == (3, 1)
    assert read_rows(text)[1][1].sides[1] is not None


def test_three_equations_on_one_row():
    rows = split_rows(r"a = x + 1, \quad b = x + 2, \; c = 2 x")
    assert [r.text.strip().rstrip(",") for r in rows] == ["a = x + 1", "b = x + 2", "c = 2 x"]


@pytest.mark.parametrize(
    "text",
    [
        r"\delta_{ij} = 1, \quad i = j",  # a case condition: two names
        r"f(x) = e^{-x}, \quad x \ge 0",  # an order relation
        r"x_i = 2 i, \quad i = 1, \ldots, n",  # an index range
        r"f(x) = 2 x, \quad x = 0",  # a name and a number: ambiguous, stays one row
        r"f(x) = 2 x, \quad \text{for } x = 2 y",  # prose before it: a condition
        r"f(x) = 2 x, g(x) = 3 x",  # no spacing: not two equations
        r"f(x) = (2 x, \quad 3 x)",  # a comma inside brackets
        r"f(x) = 2 x, \quad 3 x",  # no equation after the comma
        r"2 x, \quad g(x) = 3 x",  # no equation before the comma
        r"f(x) = 2 x, \quad g(x) \le 3 x",  # not an equation after the comma
    ],
)
def test_what_is_not_two_equations_stays_one_row(text):
    assert len(split_rows(text)) == 1


def test_one_formula_with_equations_side_by_side_says_to_write_one_per_step():
    text = r"f(x) = 2 x, \quad g(x) = 3 x"
    with pytest.raises(LatexError, match="side by side") as err:
        read_formula(text)
    assert err.value.column == text.index("g(x)") + 1


def test_a_value_after_the_comma_is_still_unreadable_saying_why():
    with pytest.raises(LatexError, match="not a condition"):
        read_formula(r"f(x) = 2 x, \quad x = 0")


# -- a row ending with '=' ---------------------------------------------------------------------


def test_a_row_ending_with_equals_is_continued_by_the_next_row_starting_with_equals():
    rows = read_rows("a = b + b = \\\\ = 2 b")
    assert len(rows) == 1
    assert [str(s) for s in rows[0][1].sides] == ["a", "b + b", "2*b"]


def test_a_row_ending_with_equals_takes_the_next_row_as_its_right_side():
    rows = read_rows("\\begin{aligned} a &= b + b = \\\\ & 2 b \\end{aligned}")
    assert len(rows) == 1
    assert [str(s) for s in rows[0][1].sides] == ["a", "b + b", "2*b"]


def test_a_row_ending_with_equals_before_another_relation_says_so():
    with pytest.raises(LatexError, match="ends with '='") as err:
        read_rows("a = b = \\\\ \\le c")
    assert err.value.column == len("a = b =")


def test_a_formula_ending_with_equals_alone_says_so():
    with pytest.raises(LatexError, match="ends with '='"):
        read_formula("a = b =")


# -- a leading \rightarrow ---------------------------------------------------------------------


@pytest.mark.parametrize("arrow", [r"\rightarrow", r"\longrightarrow"])
def test_a_leading_rightarrow_is_an_implication(arrow):
    f = read_formula(rf"{arrow} \frac{{d}}{{dx}} c = d")
    assert f.relations[:1] == ("implies",) and not f.continues


def test_a_rightarrow_after_the_start_of_a_row_stays_unsupported():
    with pytest.raises(LatexError, match="rightarrow"):
        read_formula(r"x \rightarrow y = 1")


# -- full-width punctuation --------------------------------------------------------------------


@pytest.mark.parametrize(
    "written, ascii_form",
    [
        ("I(x；y) = 1", "I(x;y) = 1"),
        ("f(x) = 2 x，\\quad x > 0", "f(x) = 2 x,\\quad x > 0"),
        ("f(x) ：= 2 x", "f(x) := 2 x"),
        ("f（x） = 2 x", "f(x) = 2 x"),
        ("a ＝ b + b", "a = b + b"),
        ("a = b ＋ c", "a = b + c"),
        ("a = b － c", "a = b - c"),
        ("a ＜ b", "a < b"),
        ("a ＞ b", "a > b"),
        ("a = ［b + c］", "a = [b + c]"),
    ],
)
def test_full_width_punctuation_reads_as_its_ascii_form(written, ascii_form):
    assert len(written) == len(ascii_form)
    assert read_formula(written) == read_formula(ascii_form)


def test_full_width_punctuation_in_an_expression_and_in_rows():
    assert read_expression("2（x ＋ 1）") == read_expression("2(x + 1)")
    rows = split_rows("a ＝ b，\\qquad c ＝ d + e")
    assert len(rows) == 2


@pytest.mark.parametrize("text", ["x = 2 \\quad （2）", "x = 2 \\qquad （1.3）"])
def test_an_equation_number_in_full_width_parentheses_never_multiplies_the_side(text):
    with pytest.raises(LatexError, match="prose"):
        read_formula(text)


def test_a_blackboard_operator_keeps_its_semicolon_as_a_function_of_a_name_does():
    """``\\mathbb{I}(x；y)`` (mutual information): the full-width semicolon is ';', and the
    operator is applied with its separator kept, as ``p(x; y)`` is: not ``\\mathbb{I}(x, y)``."""
    semicolon = read_expression("\\mathbb{I}(x；y)")
    assert semicolon == read_expression("\\mathbb{I}(x; y)")
    assert semicolon != read_expression("\\mathbb{I}(x, y)")
    assert semicolon != read_expression("\\mathbb{I}(x | y)")
    assert semicolon.func.__name__ == "mathbbI"


def test_full_width_columns_are_those_of_the_source():
    with pytest.raises(LatexError) as err:
        read_formula("a ＝ b ＝ \\foo")
    assert err.value.column == len("a ＝ b ＝ ") + 1


# -- '= ?' -------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [r"\int_0^1 x \, dx = ?", r"? = \int_0^1 x \, dx", "a = b = ?"])
def test_a_question_mark_as_a_side_is_unreadable_saying_why(text):
    with pytest.raises(LatexError, match="question") as err:
        read_formula(text)
    assert err.value.column == text.index("?") + 1


# -- a number in parentheses after a wide space --------------------------------------------------


@pytest.mark.parametrize(
    "text", [r"a + a = a \qquad (2)", r"a + a = a \quad (2).", r"a = b \hspace{1cm} (1.2)"]
)
def test_a_hand_written_equation_number_is_never_a_factor(text):
    # the number is the row's tag (a helper's Japanese KL post numbers rows "\quad (1.113)")
    formula = read_formula(text)
    assert formula.tag == text[text.index("(") + 1 : text.index(")")]
    assert len(formula.sides) == 2 and "2" not in str(formula.sides[1])


@pytest.mark.parametrize("text", [r"a + a = (2) a", r"f(x) = x, \quad (x > 0)"])
def test_a_factor_without_a_wide_space_or_a_condition_is_read_as_before(text):
    read_formula(text)


def test_a_factor_after_a_wide_space_is_unreadable():
    # (2) \quad a was read as the product 2a; a wide space sets no factor apart
    # (tests/latex/test_wide_space.py)
    with pytest.raises(LatexError, match="wide space"):
        read_formula(r"a + a = (2) \quad a")


# -- an equation number in an align column -------------------------------------------------------


@pytest.mark.parametrize(
    "row",
    [
        r"E(X) &= n p &\quad&(1)",  # a spacing column, then the number
        r"f(x) & = x + 1 & ( 2)",  # a space inside the brackets
        r"f(x) &= x + 1 && (3.1)",
        r"f(x) &= x + 1 && (4a)",
    ],
)
def test_a_number_alone_in_a_column_is_the_rows_number(row):
    ((_, formula),) = read_rows("\\begin{aligned}" + row + "\\end{aligned}")
    assert len(formula.sides) == 2
    assert "1" not in str(formula.sides[0]) and "(" not in str(formula.sides[1])


@pytest.mark.parametrize(
    ("row", "at"),
    [
        (r"f(x) &= x + 1 & (x + 1)", "(x + 1)"),  # an expression, not a number
        (r"f(x) &= x + 1 & (1) = 2", "(1) = 2"),
    ],
)
def test_anything_else_in_a_column_beside_the_equation_stays_unreadable(row, at):
    text = "\\begin{aligned}" + row + "\\end{aligned}"
    with pytest.raises(LatexError, match="several equations on one row") as err:
        read_rows(text)
    assert err.value.column == text.index("& " + at) + 2  # the column's start, after its &


def test_varpropto_is_propto():
    # a helper's Japanese Beta-Bernoulli post: \varpropto was an unknown command
    same = read_formula(r"q^a \propto q^b").relations
    assert read_formula(r"q^a \varpropto q^b").relations == same


def test_newline_is_a_row_break():
    # \newline breaks a display's line in MathJax and KaTeX, as \\ does (it was "unknown LaTeX
    # command \newline" in a helper's collected post)
    from eqchain.latex.rows import split_rows

    rows = split_rows(r"a = b + c \newline d = a - c")
    assert [r.text.strip() for r in rows] == ["a = b + c", "d = a - c"]
    assert [r.text.strip() for r in split_rows(r"a = b \newlines")] == [r"a = b \newlines"]
