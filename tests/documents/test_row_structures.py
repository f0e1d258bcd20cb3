"""Row-level structures of real posts, end to end through the CLI (issue 11): equations side by
side after a comma and spacing, a row ending with '=', a leading \\rightarrow, full-width
punctuation, '= ?'."""

from __future__ import annotations

from helpers import check_document_rows, run_eqchain

SIDE_BY_SIDE_OK = (
    r"\frac{d}{dx}(e^x + e^{-x}) = e^x - e^{-x}, \qquad \frac{d}{dx}(e^x - e^{-x}) = e^x + e^{-x}"
)


def _statuses(steps):
    return [s["status"] for s in steps]


def test_equations_side_by_side_are_each_verified_with_their_own_column(tmp_path):
    steps = check_document_rows(tmp_path, SIDE_BY_SIDE_OK)
    assert _statuses(steps) == ["verified", "verified"]
    assert steps[1]["column"] == SIDE_BY_SIDE_OK.index(r"\frac{d}{dx}(e^x -") + 4  # "$$ "


def test_a_wrong_equation_beside_a_right_one_is_refuted_alone(tmp_path):
    row = r"(x+1)^2 = x^2 + 2x + 1, \qquad (x-1)^2 = x^2 + 1"
    steps = check_document_rows(tmp_path, row)
    assert _statuses(steps) == ["verified", "refuted"]
    assert steps[1]["counterexample"]
    assert steps[1]["column"] == row.index("(x-1)") + 4


def test_an_equation_beside_another_is_no_consequence_of_it(tmp_path):
    """On two rows, 2 a + 2 b = 2 c after a + b = c may be the next equation of a system; beside
    it after a comma it is a claim of its own: refuted as an identity, never 'follows'."""
    steps = check_document_rows(tmp_path, r"(a + b)^2 = c^2 + 2 a b, \qquad 2 a + 2 b = 2 c")
    assert _statuses(steps)[1] == "refuted"


def test_a_missing_side_condition_beside_is_unknown_naming_it(tmp_path):
    row = r"\log(x y) = \log x + \log y, \quad \log(x^2) = 2 \log x"
    steps = check_document_rows(tmp_path, row)
    assert _statuses(steps) == ["unknown", "unknown"]
    assert "x > 0" in steps[1]["reason"]
    steps = check_document_rows(tmp_path, row, assume="x > 0, y > 0")
    assert _statuses(steps) == ["verified", "verified"]


def test_a_case_condition_after_the_comma_keeps_its_reading(tmp_path):
    steps = check_document_rows(tmp_path, r"\frac{x^2}{x} = x, \quad x \neq 0")
    assert _statuses(steps) == ["verified"]
    assert steps[0]["condition"]


def test_a_value_after_the_comma_stays_unreadable(tmp_path):
    steps = check_document_rows(tmp_path, r"f(x) = 2 x, \quad x = 0")
    assert _statuses(steps) == ["unreadable"]
    assert "not a condition" in steps[0]["reason"]


def test_a_row_continuing_equations_side_by_side_is_unreadable(tmp_path):
    """'= e' after 'a = b, \\qquad c = d' may continue either equation: not guessed."""
    side_by_side = r"(x+1)^2 = x^2 + 2x + 1, \qquad (x-1)^2 = x^2 - 2x + 1"
    for after in (r"= (1 - x)^2", r"\Rightarrow (x - 1)^2 = (1 - x)^2"):
        steps = check_document_rows(tmp_path, side_by_side, after)
        assert _statuses(steps) == ["verified", "verified", "unreadable"]
        assert "side by side" in steps[2]["reason"]
    block = rf"\begin{{aligned}} {side_by_side} \\ &= (1 - x)^2 \end{{aligned}}"
    assert _statuses(check_document_rows(tmp_path, block))[-1] == "unreadable"


def test_the_cli_reports_both_equations_of_a_row(tmp_path):
    doc = tmp_path / "post.md"
    doc.write_text(
        "# t\n\n$$\nf'(x)=e^x+e^{-x},\\qquad\n\\frac{d}{dx}(e^x - e^{-x}) = e^x - e^{-x}\n$$\n",
        encoding="utf-8",
    )
    ran = run_eqchain("check", "--no-cache", "--format", "concise", str(doc))
    assert ran.returncode == 1
    assert f"{doc}:5:1: refuted" in ran.stdout


# -- a row ending with '=' ---------------------------------------------------------------------


def test_a_display_ending_with_equals_is_continued_by_the_next_display(tmp_path):
    steps = check_document_rows(tmp_path, "(x + 1)^2 =", "= x^2 + 2 x + 1")
    assert _statuses(steps) == ["verified"]
    assert _statuses(check_document_rows(tmp_path, "(x + 1)^2 =", "= x^2 + 1")) == ["refuted"]
    wrong = check_document_rows(tmp_path, "(x + 1)^2 = x^2 + 2x + 1 =", "= x^2 + 1")
    assert _statuses(wrong) == ["verified", "refuted"]


def test_a_display_ending_with_equals_before_an_equation_is_unreadable(tmp_path):
    steps = check_document_rows(tmp_path, "(x + 1)^2 =", "y = x^2 + 2 x + 1")
    assert _statuses(steps)[0] == "unreadable"
    assert "ends with '='" in steps[0]["reason"]


def test_a_row_split_after_equals_in_an_aligned_block_is_one_chain(tmp_path):
    block = r"\begin{aligned} (x + 1)^2 &= x^2 + x + x + 1 = \\ &= x^2 + 2 x + 1 \end{aligned}"
    assert _statuses(check_document_rows(tmp_path, block)) == ["verified", "verified"]
    wrong = block.replace("+ 2 x + 1", "+ 3 x + 1")
    assert _statuses(check_document_rows(tmp_path, wrong)) == ["verified", "refuted"]


# -- a leading \rightarrow ---------------------------------------------------------------------


def test_a_leading_rightarrow_states_what_follows_from_the_row_before(tmp_path):
    block = r"\begin{aligned} 2 x &= 4 \\ \rightarrow x &= 2 \end{aligned}"
    steps = check_document_rows(tmp_path, block)
    assert steps[-1]["status"] == "verified" and steps[-1]["follows"] == "implies"
    wrong = check_document_rows(tmp_path, block.replace("x &= 2", "x &= 3"))
    assert wrong[-1]["status"] == "refuted"


# -- full-width punctuation --------------------------------------------------------------------


def test_full_width_punctuation_in_a_document(tmp_path):
    steps = check_document_rows(tmp_path, "（x ＋ 1）^2 ＝ x^2 ＋ 2x ＋ 1，")
    assert _statuses(steps) == ["verified"]
    wrong = check_document_rows(tmp_path, "（x ＋ 1）^2 ＝ x^2 ＋ 1")
    assert _statuses(wrong) == ["refuted"]
    cond = check_document_rows(tmp_path, "\\frac{x^2}{x} ＝ x，\\quad x ≠ 0".replace("≠", "\\neq"))
    assert _statuses(cond) == ["verified"]


# -- '= ?' -------------------------------------------------------------------------------------


def test_a_question_as_the_right_side_is_unreadable_saying_why(tmp_path):
    row = r"\int_{-\infty}^{\infty} e^{-x^2} dx = ?"
    steps = check_document_rows(tmp_path, row)
    assert _statuses(steps) == ["unreadable"]
    assert "question" in steps[0]["reason"]
    assert steps[0]["column"] == row.index("?") + 4


def test_a_blackboard_operator_with_a_semicolon_defined_then_used(tmp_path):
    steps = check_document_rows(tmp_path, "\\mathbb{I}(x；y) := x^2 y", "\\mathbb{I}(2; 3) = 12")
    assert _statuses(steps) == ["definition", "verified"]
    wrong = check_document_rows(tmp_path, "\\mathbb{I}(x；y) := x^2 y", "\\mathbb{I}(2; 3) = 18")
    assert _statuses(wrong) == ["definition", "refuted"]
    other = check_document_rows(tmp_path, "\\mathbb{I}(x；y) := x^2 y", "\\mathbb{I}(2, 3) = 12")
    assert _statuses(other)[1] != "verified"  # \mathbb{I}(x, y) is another function


def test_a_hand_written_equation_number_is_the_row_s_number_never_a_factor(tmp_path):
    """Read as a factor, ``a + a = a \\qquad (2)`` would be verified (a + a = 2 a) while the
    author claims a + a = a: it is the row's number, as ``\\tag{2}``."""
    steps = check_document_rows(tmp_path, r"a + a = a \qquad (2)")
    assert _statuses(steps) == ["refuted"]
    assert steps[0]["label"] == "2"
    assert _statuses(check_document_rows(tmp_path, r"a + a = 2a \quad (1.113)")) == ["verified"]
    assert _statuses(check_document_rows(tmp_path, r"a + a = a \qquad \tag{2}")) == ["refuted"]


def test_equations_joined_by_and_between_spacing_are_each_checked(tmp_path):
    # a helper's simple-regression post: "\qquad\text{and}\qquad" between two equations was
    # "prose in the middle of a formula"
    row = r"(x+1)^2 = x^2 + 2x + 1 \qquad\text{and}\qquad (x-1)^2 = x^2 - 2x + 1"
    assert _statuses(check_document_rows(tmp_path, row)) == ["verified", "verified"]
    wrong = row.replace("- 2x + 1", "+ 2x + 1")
    assert _statuses(check_document_rows(tmp_path, wrong)) == ["verified", "refuted"]
    # and a condition written so is no equation: the row is read as before
    cases = r"f(x) = x^2 \quad\text{and}\quad x > 0"
    assert "verified" not in _statuses(check_document_rows(tmp_path, cases))


def test_an_inequality_in_brackets_at_the_end_is_the_rows_condition(tmp_path):
    # a Japanese sigmoid post: f(x) = \frac{1}{1+e^{-ax}} (a > 0), then f(x)' = a f(x)(1 - f(x))
    # (the definition was unreadable, and the next row with it: f not known as a function)
    rows = (
        r"f(x) = \frac{1}{1+e^{-ax}} (a > 0)",
        r"f(x)' = a f(x)(1 - f(x))",
    )
    steps = check_document_rows(tmp_path, *rows, assume="a > 0")
    assert _statuses(steps) == ["definition", "verified"]
    wrong = check_document_rows(tmp_path, rows[0], r"f(x)' = f(x)(1 - f(x))", assume="a > 0")
    assert _statuses(wrong)[-1] == "refuted"
    # a bracket holding no relation stays a factor, and an inequality as a whole side is read
    # as before
    assert _statuses(check_document_rows(tmp_path, r"(x + 1)(x - 1) = x^2 - 1"))[-1] == "verified"


def test_an_arrow_at_a_row_s_end_and_the_next_row_s_start_is_read_once(tmp_path):
    # a helper's activation-function notes (14 rows were "empty side in an equation")
    block = (
        "\\begin{gather*} (x+1)^2 = y \\Rightarrow \\\\ \\Rightarrow x^2 + 2x + 1 = y "
        "\\end{gather*}"
    )
    steps = check_document_rows(tmp_path, block)
    assert _statuses(steps)[-1] == "verified", steps
    wrong = block.replace("+ 2x + 1", "+ x + 1")
    assert _statuses(check_document_rows(tmp_path, wrong))[-1] == "refuted"
    # the arrow written at the end only: the next row follows too
    block = "\\begin{gather*} x + 1 = 4 \\Rightarrow \\\\ x = 3 \\end{gather*}"
    assert _statuses(check_document_rows(tmp_path, block)) == ["given", "verified"]
    # two different arrows (\iff, then \Rightarrow) are not read as one
    block = "\\begin{gather*} x + 1 = 4 \\iff \\\\ \\Rightarrow x = 3 \\end{gather*}"
    assert "unreadable" in _statuses(check_document_rows(tmp_path, block))
