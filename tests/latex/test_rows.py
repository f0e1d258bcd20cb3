"""Splitting displayed math into rows."""

from __future__ import annotations

import pytest

from eqchain.errors import LatexError, UnsupportedLatex
from eqchain.latex.read import chain_sides, read_formula, read_rows
from eqchain.latex.rows import locate, split_rows


def texts(text):
    return [r.text.strip() for r in split_rows(text)]


def test_aligned_rows_split_at_double_backslash_and_drop_ampersands():
    rows = split_rows("\\begin{aligned}\na &= b \\\\\n&= c\n\\end{aligned}")
    assert [r.text.strip() for r in rows] == ["a  = b", "= c"]
    assert all(r.environment == "aligned" for r in rows)


@pytest.mark.parametrize(
    "env", ["align", "align*", "equation", "gather", "split", "eqnarray", "gathered", "multline"]
)
def test_every_equation_environment_is_split(env):
    text = f"\\begin{{{env}}} a = b \\\\ c = d \\end{{{env}}}"
    assert [t.replace(" ", "") for t in texts(text)] == ["a=b", "c=d"]


def test_eqnarray_uses_three_columns_for_one_equation():
    assert texts("\\begin{eqnarray} a &=& b \\\\ &=& c \\end{eqnarray}") == ["a  =  b", "=  c"]


def test_nested_equation_and_split_give_the_inner_rows():
    text = "\\begin{equation}\\begin{split} a &= b \\\\ &= c \\end{split}\\end{equation}"
    rows = split_rows(text)
    assert len(rows) == 2 and rows[0].environment == "split"


def test_a_lone_backslash_ending_a_line_is_a_row_break():
    text = "\\begin{aligned}\na &= b \\\n&= c\n\\end{aligned}"
    assert texts(text) == ["a  = b", "= c"]


def test_a_lone_backslash_on_its_own_line_is_a_row_break():
    assert texts("a = b\n\\\n= c") == ["a = b", "= c"]


def test_a_control_space_inside_a_row_is_not_a_row_break():
    assert texts("a =\\ b") == ["a =\\ b"]


def test_a_leading_control_space_is_ignored():
    assert read_formula("\\ a = b").sides == read_formula("a = b").sides


def test_row_spacing_after_a_break_is_dropped():
    assert texts("a = b \\\\[2pt] = c") == ["a = b", "= c"]


def test_comments_and_math_delimiters_are_dropped():
    assert texts("$$\na = b % the definition\n$$") == ["a = b"]
    assert texts("\\[ a = b \\]") == ["a = b"]


def test_empty_rows_are_left_out():
    assert texts("\\begin{aligned} a = b \\\\ \\\\ \\end{aligned}") == ["a = b"]


def test_rows_keep_offset_line_and_column():
    text = "\\begin{aligned}\na &= b \\\\\n  &= c\n\\end{aligned}"
    first, second = split_rows(text)
    assert text[first.offset : first.offset + len(first.text)].replace("&", " ") == first.text
    assert (second.line, second.column) == (2, 10)  # just after the row break
    assert locate(text, second.offset + second.text.index("c") + 1) == (3, 6)


def test_a_prose_only_row_is_an_annotation_row():
    ((_, formula),) = read_rows("&対数の公式①より&")
    assert formula.is_prose and formula.annotation == "対数の公式①より"


def test_prose_in_an_extra_align_column_is_the_rows_annotation():
    ((_, formula),) = read_rows("\\begin{align} a &= b && \\text{(by definition)} \\end{align}")
    assert formula.annotation == "(by definition)" and len(formula.sides) == 2


def test_equations_side_by_side_in_align_columns_are_rows_of_their_own():
    # x &= r \cos\phi &&& r^2 &= x^2 + y^2: each pair of columns one equation, the ones
    # beside after the display's rows (they may use them)
    rows = split_rows("\\begin{align} a &= b & c &= d \\\\ e &= f \\end{align}")
    assert [(r.text.split(), r.beside) for r in rows] == [
        (["a", "=", "b"], False),
        (["e", "=", "f"], False),
        (["c", "=", "d"], True),
    ]


def test_a_second_equation_in_one_align_column_is_an_error():
    # the row's error, raised where the row is read: the display's other rows are still read
    (row,) = split_rows("\\begin{align} a &= b & c = d \\end{align}")
    assert row.error is not None and "several equations" in row.error.message
    with pytest.raises(LatexError, match="several equations"):
        read_rows("\\begin{align} a &= b & c = d \\end{align}")
    rows = split_rows("\\begin{align} a &= b & c = d \\\\ e &= f \\end{align}")
    assert [r.error is None for r in rows] == [False, True]


def test_a_remark_with_letters_in_an_align_column_is_no_equation():
    text = "\\begin{align} x &= 2 y && \\text{group all }a s \\text{ and } b s \\end{align}"
    ((_, formula),) = read_rows(text)
    assert len(formula.sides) == 2


def test_unknown_environments_are_not_supported():
    with pytest.raises(UnsupportedLatex, match="pmatrix") as info:
        split_rows("x = \\begin{pmatrix} 1 \\end{pmatrix}")
    assert info.value.column == 5


def test_unbalanced_environments_are_errors():
    with pytest.raises(LatexError, match="without its"):
        split_rows("\\begin{aligned} a = b")
    with pytest.raises(LatexError, match="without its"):
        split_rows("a = b \\end{aligned}")


def test_read_formula_refuses_several_rows():
    with pytest.raises(LatexError, match="read_rows"):
        read_formula("a = b \\\\ c = d")


def test_chain_sides_join_continuation_rows():
    rows = read_rows("\\begin{aligned} a &= b \\tag{1} \\\\ &= c \\end{aligned}")
    assert [f.tag for _, f in rows] == ["1", None]
    assert [str(s) for s in chain_sides(f for _, f in rows)] == ["a", "b", "c"]


def test_chain_sides_refuse_separate_equations():
    rows = read_rows("a = b \\\\ c = d")
    with pytest.raises(LatexError, match="separate equations"):
        chain_sides(f for _, f in rows)


def test_a_function_defined_in_one_row_is_a_function_in_the_rows_after():
    rows = read_rows("p(x) = x^2 \\\\ q = p(x) + 1")
    assert rows[0][1].defined_function == "p"
    assert "p(x)" in str(rows[1][1].sides[1])


def test_latex_inside_japanese_prose_is_prose():
    from eqchain.latex.decorations import strip_decorations

    note = strip_decorations("対数の公式①より、 \\log のかけ算をたし算に変形")
    assert note.body.strip() == ""
    assert note.annotation == "対数の公式①より、 \\log のかけ算をたし算に変形"
    # its twin: an equation between two runs of prose stays mathematics
    eq = strip_decorations("尤度 L = y_1 の対数")
    assert eq.body.strip() == "L = y_1"


def test_intertext_is_prose_between_two_rows():
    """amsmath's \\intertext{...} (and \\shortintertext) is a row of prose of its own: the row
    after it continues the alignment, with the prose as its annotation."""
    from eqchain.latex.read import read_formula

    text = (
        r"\begin{align*} f &= x^2 + 2x + 1 \\ \intertext{which factors as} &= (x+1)^2 \end{align*}"
    )
    rows = split_rows(text)
    assert [r.text.strip() for r in rows] == [
        "f  = x^2 + 2x + 1",
        r"\intertext{which factors as}",
        "= (x+1)^2",
    ]
    prose = read_formula(rows[1].text)
    assert prose.sides == () and prose.annotation == "which factors as"
    assert len(split_rows(r"a &= b \shortintertext{so} &= c")) == 3
