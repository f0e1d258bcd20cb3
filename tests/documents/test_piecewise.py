"""A piecewise definition in a document, used by later rows (issue 11), through the CLI: a row
under a condition takes the piece the condition selects, a row with no condition is judged on
every piece, and a counterexample lies inside the row's condition."""

from __future__ import annotations

import json
from fractions import Fraction

from helpers import run_eqchain

CDF = r"""# The exponential CDF

$$
F(x) = \left\{ \begin{array}{rl} 0 \; , & \text{if} \; x < 0 \\
1 - \exp[-\lambda x] \; , & \text{if} \; x \geq 0 \; . \end{array} \right.
$$
"""


def one_display(formula: str) -> str:
    return f"# g\n\n$$\n{formula}\n$$\n"


def check(tmp_path, *rows: str, head: str = CDF, assume: str = "lambda > 0"):
    doc = tmp_path / "cdf.md"
    doc.write_text(head + "".join(f"\n$$\n{r}\n$$\n" for r in rows), encoding="utf-8")
    ran = run_eqchain("check", "--no-cache", "--format", "json", "--assume", assume, str(doc))
    return json.loads(ran.stdout)["derivations"][0]["steps"]


def test_a_piecewise_definition_is_a_definition(tmp_path):
    (step,) = check(tmp_path)
    assert step["status"] == "definition"


def test_a_row_under_a_condition_takes_its_piece(tmp_path):
    _, upper, lower = check(
        tmp_path, r"1 - F(x) = e^{-\lambda x}, \quad x \ge 0", r"1 - F(x) = 1, \quad x < 0"
    )
    assert upper["status"] == "verified"
    assert lower["status"] == "verified"


def test_a_piece_that_does_not_hold_everywhere_is_refuted_without_the_condition(tmp_path):
    _, step = check(tmp_path, r"1 - F(x) = e^{-\lambda x}")
    assert step["status"] == "refuted"
    assert Fraction(step["counterexample"]["values"]["x"]) < 0


def test_a_condition_wider_than_the_piece_is_refuted_inside_it(tmp_path):
    # for -1 < x < 0, 1 - F(x) = 1, not e^{-lambda x}
    _, step = check(tmp_path, r"1 - F(x) = e^{-\lambda x}, \quad x > -1")
    assert step["status"] == "refuted"
    assert -1 < Fraction(step["counterexample"]["values"]["x"]) < 0


def test_a_wrong_value_on_the_piece_is_refuted_on_it(tmp_path):
    _, step = check(tmp_path, r"1 - F(x) = e^{\lambda x}, \quad x \ge 0")
    assert step["status"] == "refuted"
    assert Fraction(step["counterexample"]["values"]["x"]) >= 0


def test_a_value_at_a_point_takes_its_piece(tmp_path):
    _, step = check(tmp_path, r"F(2) = 1 - e^{-2 \lambda}")
    assert step["status"] == "verified"


def test_every_piece_equal_is_verified_by_cases(tmp_path):
    head = one_display(
        r"g(x) = \begin{cases} x & \text{if } x \ge 0 \\ -x & \text{otherwise} \end{cases}"
    )
    _, step = check(tmp_path, r"g(x) - |x| = 0", head=head, assume="x real")
    assert step["status"] == "verified"
    assert "piecewise_cases" in step["rules"]


def test_one_piece_wrong_is_never_verified_by_cases(tmp_path):
    head = one_display(
        r"g(x) = \begin{cases} x & \text{if } x \ge 1 \\ -x & \text{otherwise} \end{cases}"
    )
    _, step = check(tmp_path, r"g(x) - |x| = 0", head=head, assume="x real")
    # wrong for 0 < x < 1: g(x) = -x there
    assert step["status"] == "refuted"
    assert 0 < Fraction(step["counterexample"]["values"]["x"]) < 1


def test_an_unreadable_row_condition_is_reported_with_its_column(tmp_path):
    head = one_display(
        r"g(x) = \begin{cases} x & x \in \mathbb{N} \\ 0 & \text{otherwise} \end{cases}"
    )
    (step,) = check(tmp_path, head=head, assume="x real")
    assert step["status"] == "unreadable"
    assert "set after \\in" in step["reason"]
    assert step["column"] == 32  # at \mathbb


def test_the_cross_check_reads_a_piecewise_definition_as_eqchain_does(tmp_path):
    doc = tmp_path / "cdf.md"
    doc.write_text(CDF + "\n$$\n1 - F(x) = 1, \\quad x < 0\n$$\n", encoding="utf-8")
    ran = run_eqchain(
        "check", "--no-cache", "--cross-check", "--format", "json", "--assume", "lambda > 0", doc
    )
    steps = json.loads(ran.stdout)["derivations"][0]["steps"]
    assert [s["status"] for s in steps] == ["definition", "verified"]
