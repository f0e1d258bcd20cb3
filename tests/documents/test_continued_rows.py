"""A row that starts with an operator (``&\\quad + ...``) continues the expression of the row
before: the two are one formula. Dropping it would check the row before without its tail, so
a false identity could be verified and a true one refuted."""

from __future__ import annotations

import json

from click.testing import CliRunner

from eqchain.cli import cli
from eqchain.latex.rows import split_rows


def _check(tmp_path, body: str, assume: str | None = None) -> list[dict]:
    doc = tmp_path / "d.md"
    text = f"# t\n\n$$\n\\begin{{aligned}}\n{body}\n\\end{{aligned}}\n$$\n"
    doc.write_text(text, encoding="utf-8")
    args = ["check", "--no-cache", "--format", "json", str(doc)]
    if assume:
        args[1:1] = ["--assume", assume]
    out = CliRunner().invoke(cli, args)
    return json.loads(out.output)["derivations"][0]["steps"]


def test_a_row_starting_with_plus_is_joined_to_the_row_before():
    rows = split_rows("\\begin{aligned} a &= b \\\\ &\\quad + c \\\\ &= d \\end{aligned}")
    assert [" ".join(r.text.split()) for r in rows] == ["a = b \\quad + c", "= d"]


def test_a_minus_row_with_its_own_equation_and_no_column_before_it_stays_a_row():
    rows = split_rows("\\begin{gathered} x + y = 1 \\\\ -x + y = 3 \\end{gathered}")
    assert len(rows) == 2


def test_a_false_identity_split_over_two_rows_is_refuted_not_verified(tmp_path):
    steps = _check(tmp_path, "a^2 + 2ab + b^2 &= (a+b)^2 \\\\\n&\\quad - 2ab")
    assert [s["status"] for s in steps] == ["refuted"]


def test_a_true_identity_split_over_rows_is_verified_and_the_chain_goes_on(tmp_path):
    body = "(a+b)^2 &= a^2 \\\\\n&\\quad + 2ab \\\\\n&\\qquad + b^2 \\\\\n&= a^2 + b^2 + 2ab"
    steps = _check(tmp_path, body)
    assert [s["status"] for s in steps] == ["verified", "verified"]
    assert steps[0]["line"] == 5


# A row with no operator and no relation after a row break continues the expression before it
# as TeX sets it: juxtaposed, a product (an author breaking a long product over lines). Left
# out, the row before would be checked without its tail.


def test_a_row_with_no_operator_and_no_relation_is_joined_to_the_row_before():
    rows = split_rows("\\begin{aligned} a &= b \\\\ &\\quad c \\\\ &= d \\end{aligned}")
    assert [" ".join(r.text.split()) for r in rows] == ["a = b \\quad c", "= d"]


def test_a_row_of_prose_only_is_not_joined():
    rows = split_rows("\\begin{aligned} a &= b \\\\ &\\text{(by the log rule)} \\end{aligned}")
    assert len(rows) == 2


def test_a_false_identity_whose_tail_is_a_factor_on_the_next_row_is_not_verified(tmp_path):
    steps = _check(tmp_path, "2 x &= 2 x \\\\\n&\\quad 3")
    assert [s["status"] for s in steps] == ["refuted"]


def test_a_true_identity_whose_tail_is_a_factor_on_the_next_row_is_verified(tmp_path):
    steps = _check(tmp_path, "(a+b)^2 &= (a + b) \\\\\n&\\quad (a + b) \\\\\n&= a^2 + 2ab + b^2")
    assert [s["status"] for s in steps] == ["verified", "verified"]


def test_a_definition_whose_tail_is_on_the_next_row_defines_all_of_it(tmp_path):
    steps = _check(tmp_path, "L &= x \\\\\n& y \\\\\nL &= x y")
    assert [s["status"] for s in steps] == ["definition", "verified"]


def _check_blocks(tmp_path, *blocks: str) -> list[dict]:
    doc = tmp_path / "d.md"
    text = "# t\n\n" + "\n\n".join(f"$$\n{b}\n$$" for b in blocks) + "\n"
    doc.write_text(text, encoding="utf-8")
    out = CliRunner().invoke(cli, ["check", "--no-cache", "--format", "json", str(doc)])
    return json.loads(out.output)["derivations"][0]["steps"]


# An aligned block whose first row is an expression alone (``&x \\ &= y``) is the chain x = y:
# its continuations are of that expression, never of a chain before the display.
EARLIER = "\\begin{aligned} s &= (a+b)^2 \\\\ &= a^2 + 2ab + b^2 \\end{aligned}"


def test_a_lone_first_row_heads_the_chain_of_its_display(tmp_path):
    later = "\\begin{aligned} &\\frac{(a-b)^2}{2} \\\\ &= \\frac{a^2 - 2ab + b^2}{2} \\end{aligned}"
    steps = _check_blocks(tmp_path, EARLIER, later)
    assert [s["status"] for s in steps] == ["definition", "verified", "verified"]


def test_a_wrong_row_after_a_lone_first_row_is_refuted(tmp_path):
    later = "\\begin{aligned} &\\frac{(a-b)^2}{2} \\\\ &= \\frac{a^2 + 2ab + b^2}{2} \\end{aligned}"
    steps = _check_blocks(tmp_path, EARLIER, later)
    assert [s["status"] for s in steps] == ["definition", "verified", "refuted"]
    # the earlier chain's a^2 + 2ab + b^2 = (a^2 + 2ab + b^2) / 2 would be refuted too: the
    # counterexample must be about the expression written in this display
    steps = _check_blocks(tmp_path, EARLIER, "\\begin{aligned} &s \\\\ &= (a+b)^2 \\end{aligned}")
    assert [s["status"] for s in steps] == ["definition", "verified", "verified"]
