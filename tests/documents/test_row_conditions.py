"""A row checked under the condition written after its comma (issue 11), through the CLI: the
valid step verified, the wrong step refuted with a counterexample that satisfies the condition,
a side condition the condition does not give left unknown, and no verdict that leans on a
condition it did not use (check/conditioned.py)."""

from __future__ import annotations

from fractions import Fraction

import pytest
from helpers import check_document_rows


def value(step, name):
    return Fraction(dict(step["counterexample"]["values"])[name])


def test_a_bound_at_zero_strengthens_the_symbol(tmp_path):
    (step,) = check_document_rows(tmp_path, r"\sqrt{x^2} = x, \quad x \geq 0")
    assert step["status"] == "verified"
    assert step["condition"] == r"x \geq 0"


def test_the_same_step_without_its_condition_is_refuted(tmp_path):
    (step,) = check_document_rows(tmp_path, r"\sqrt{x^2} = x")
    assert step["status"] == "refuted"


def test_a_wrong_step_is_refuted_inside_its_condition(tmp_path):
    (step,) = check_document_rows(tmp_path, r"\sqrt{x^2} = -x, \quad x > 0")
    assert step["status"] == "refuted"
    assert value(step, "x") > 0


def test_a_bound_other_than_zero_is_a_margin_the_counterexample_keeps(tmp_path):
    # |x - 1| = x - 1 holds for x >= 1 only: every counterexample must have x < 1
    (step,) = check_document_rows(tmp_path, r"|x - 1| = x - 1, \quad x < 1")
    assert step["status"] == "refuted"
    assert value(step, "x") < 1
    assert all("margin" not in name for name in step["counterexample"]["values"])


def test_a_step_true_under_a_margin_is_never_refuted(tmp_path):
    (step,) = check_document_rows(tmp_path, r"|x - 1| = 1 - x, \quad x < 1")
    assert step["status"] == "verified"


@pytest.mark.parametrize(
    "row",
    [
        r"|x| + |x - 1| = 1, \quad 0 < x < 1",
        r"|x| + |x - 1| = 1, \quad x \in [0, 1]",
    ],
)
def test_a_step_true_inside_an_interval_is_never_refuted(tmp_path, row):
    (step,) = check_document_rows(tmp_path, row)
    assert step["status"] in ("verified", "unknown")


def test_a_step_false_inside_an_interval_is_refuted_inside_it(tmp_path):
    (step,) = check_document_rows(tmp_path, r"|x| + |x - 1| = 2 x, \quad 0 < x < 1")
    assert step["status"] == "refuted"
    assert 0 < value(step, "x") < 1


def test_a_side_condition_the_condition_does_not_give_stays_unknown(tmp_path):
    (step,) = check_document_rows(tmp_path, r"\log(x y) = \log x + \log y, \quad x > 0")
    assert step["status"] == "unknown"
    assert "y > 0" in step["reason"]
    (step,) = check_document_rows(tmp_path, r"\log(x y) = \log x + \log y, \quad x > 0, y > 0")
    assert step["status"] == "verified"


def test_two_equal_indices_are_one(tmp_path):
    (step,) = check_document_rows(tmp_path, r"a_i b_j = a_i b_i, \quad i = j")
    assert step["status"] == "verified"
    (step,) = check_document_rows(tmp_path, r"a_i b_j = a_i b_i")
    assert step["status"] != "verified"


def test_two_different_indices_never_verify_what_needs_them_equal(tmp_path):
    (step,) = check_document_rows(tmp_path, r"a_i b_j = a_i b_i, \quad i \neq j")
    assert step["status"] != "verified"


def test_the_condition_is_its_rows_only(tmp_path):
    first, second = check_document_rows(tmp_path, r"\sqrt{x^2} = x, \quad x > 0", r"\sqrt{x^2} = x")
    assert first["status"] == "verified"
    assert second["status"] == "refuted"


def test_a_step_verified_under_a_condition_is_no_fact_for_later_rows(tmp_path):
    steps = check_document_rows(
        tmp_path, r"g = \sqrt{x^2}", r"g = x, \quad x > 0", r"g + 1 = x + 1"
    )
    assert [s["status"] for s in steps] == ["definition", "verified", "refuted"]
    assert steps[1]["conditional"] is True


def test_a_condition_that_contradicts_a_declaration_verifies_nothing(tmp_path):
    (step,) = check_document_rows(tmp_path, r"\sqrt{x^2} = x, \quad x < 0", assume="x > 0")
    assert step["status"] == "unknown"
    assert "contradicts the declaration of x" in step["reason"]


def test_an_unsatisfiable_condition_verifies_nothing(tmp_path):
    # x > 0 and x < -1 never hold together: anything would follow from them
    (step,) = check_document_rows(tmp_path, r"x + 1 = 7, \quad x < -1", assume="x > 0")
    assert step["status"] == "unknown"


def test_a_condition_on_a_bound_variable_is_not_used(tmp_path):
    (step,) = check_document_rows(tmp_path, r"\sum_{i=1}^{n} a_i = n a_j, \quad i = j")
    assert step["status"] == "unknown"
    assert "bound variable" in step["reason"]


def test_a_distribution_statement_with_its_index_range_is_a_given(tmp_path):
    (step,) = check_document_rows(
        tmp_path, r"y_i \sim \mathcal{N}(\mu, \sigma^2), \quad i = 1, \ldots, n \; ."
    )
    assert step["status"] == "given"


def test_an_index_range_makes_the_index_an_integer(tmp_path):
    # (-1)^{2i} = 1 for an integer i only
    (step,) = check_document_rows(tmp_path, r"(-1)^{2 i} = 1, \quad i = 1, \ldots, n")
    assert step["status"] == "verified"
    (step,) = check_document_rows(tmp_path, r"(-1)^{2 i} = 1")
    assert step["status"] != "verified"


def test_an_inequality_under_a_condition_is_never_refuted_outside_it(tmp_path):
    (step,) = check_document_rows(tmp_path, r"x^2 \leq x, \quad 0 \leq x \leq 1")
    assert step["status"] != "refuted"


def test_a_chain_through_a_conditioned_row_is_no_fact(tmp_path):
    steps = check_document_rows(
        tmp_path, r"g = \sqrt{x^2}", r"g = x, \quad x > 0", r"= x + 0", r"g - x = 0"
    )
    assert [s["status"] for s in steps[:3]] == ["definition", "verified", "verified"]
    assert steps[3]["status"] == "refuted"


def test_a_derivation_files_claim_takes_a_condition(tmp_path):
    from helpers import check_text

    results = check_text(
        tmp_path,
        """
        [symbols]
        x = "real"
        [[steps]]
        claim = '\\sqrt{x^2} = x, \\quad x \\ge 0'
        [[steps]]
        claim = '\\sqrt{x^2} = x, \\quad x \\le 0'
        """,
    )
    assert [r.verdict.value for r in results] == ["verified", "refuted"]
    assert results[0].step.condition_text == r"x \ge 0"


def test_overlapping_cases_say_nothing_where_they_overlap(tmp_path):
    steps = check_document_rows(
        tmp_path,
        r"g(x) = \begin{cases} 1 & x \ge 0 \\ 2 & x \le 0 \end{cases}",
        r"g(1) = 1",
        r"g(0) = 1",
        r"g(0) = 2",
    )
    assert [s["status"] for s in steps[:2]] == ["definition", "verified"]
    # at x = 0 the rows give 1 and 2: neither is verified (the first row is no better)
    assert steps[2]["status"] != "verified" and steps[3]["status"] != "verified"


def test_a_condition_on_another_name_proves_nothing_about_this_one(tmp_path):
    steps = check_document_rows(tmp_path, r"f(x) = \sqrt{x^2}", r"f(y) = y, \quad x > 0")
    assert steps[1]["status"] == "refuted"
    assert value(steps[1], "y") < 0


def test_a_condition_on_a_defined_name_is_a_margin_never_a_false_alarm(tmp_path):
    steps = check_document_rows(tmp_path, r"L = x - 1", r"\sqrt{L^2} = L, \quad L > 0")
    assert steps[1]["status"] in ("verified", "unknown")


def test_a_condition_on_an_integration_variable_is_not_used(tmp_path):
    (step,) = check_document_rows(
        tmp_path, r"\int_0^1 \sqrt{x^2} \, dx = -\frac{1}{2}, \quad x > 0"
    )
    assert step["status"] != "verified"


def test_a_functions_own_variable_is_not_strengthened(tmp_path):
    # f's x is its own: x > 0 on the row must not make f(y) = sqrt(y^2) simplify to y
    steps = check_document_rows(
        tmp_path, r"f(x) = \sqrt{x^2}", r"f(x) = x, \quad x > 0", r"f(y) = y, \quad x > 0"
    )
    assert [s["status"] for s in steps] == ["definition", "verified", "refuted"]


def test_a_sums_own_variable_in_an_earlier_fact_is_not_strengthened(tmp_path):
    # S's k runs from -1 to 1: k > 0 on a later row is about another k
    steps = check_document_rows(
        tmp_path, r"S = \sum_{k=-1}^{1} \sqrt{k^2}", r"S = \sum_{k=-1}^{1} k, \quad k > 0"
    )
    assert steps[1]["status"] != "verified"


def test_a_definition_under_a_condition_says_nothing_outside_it(tmp_path):
    steps = check_document_rows(
        tmp_path, r"f(x) = 1, \quad x > 0", r"f(x) - 1 = 0", r"f(2) = 1", r"f(-2) = 1"
    )
    assert steps[0]["status"] == "definition"
    # f is undefined for x <= 0: the claim holds where f is defined, and says so
    assert (steps[1]["status"], steps[1]["domain"]) == ("verified", ["x > 0"])
    assert steps[2]["status"] == "verified"
    assert steps[3]["status"] != "verified"


def test_the_next_equation_of_a_system_under_a_condition_is_never_refuted(tmp_path):
    # x = 2 follows from x^2 = 4 for x > 0; as an identity it is false, and without the
    # condition x = -2 would refute the implication: neither is a verdict on the author's row
    import json

    from helpers import run_eqchain

    doc = tmp_path / "s.md"
    doc.write_text(
        "# s\n\n$$\n\\begin{aligned} x^2 &= 4 \\\\ x &= 2, \\quad x > 0 \\end{aligned}\n$$\n",
        encoding="utf-8",
    )
    ran = run_eqchain("check", "--no-cache", "--format", "json", str(doc))
    steps = json.loads(ran.stdout)["derivations"][0]["steps"]
    assert steps[-1]["status"] != "refuted"
    assert steps[-1]["status"] != "verified"


def test_a_bar_condition_is_the_interval(tmp_path):
    # |x| < 1 is -1 < x < 1: the geometric series under it (it named |x| < 1 as not established)
    steps = check_document_rows(
        tmp_path,
        r"\sum_{k=0}^{\infty} x^k = \frac{1}{1 - x} \qquad |x| < 1",
        r"\sqrt{x^2} = x, \quad |x| < 1",
        r"\sum_{k=0}^{\infty} x^k = \frac{1}{1 - x}, \quad |x| < 2",
    )
    assert [s["status"] for s in steps] == ["verified", "refuted", "unknown"]


def test_a_bar_condition_on_a_complex_name_is_no_interval(tmp_path):
    # |z| < 1 is a disc for a complex z: |z|^2 = z^2 was verified under it (a red team's)
    doc = tmp_path / "d.md"
    doc.write_text(
        "# t\n\nLet $z \\in \\mathbb{C}$.\n\n$$ |z|^2 = z^2 \\quad |z| < 1 $$\n", encoding="utf-8"
    )
    from helpers import run_eqchain

    assert "verified" not in run_eqchain("check", "--no-cache", str(doc)).stdout.replace(
        "0 verified", ""
    )


@pytest.mark.parametrize(
    "row",
    [
        r"\sum_{k=1}^{n} k^2 = \frac{n(n+1)(2n+1)}{6}, \quad n \in \mathbb{Z}",
        r"\sum_{k=1}^{n} k = \frac{n(n+1)}{2}, \quad n \ge -5",
        r"\prod_{k=1}^{n} 2 = 2^n, \quad n \in \mathbb{Z}",
        # other phrasings of the same (a second red team's)
        r"\sum_{k=1}^{n} k = \frac{n(n+1)}{2}, \quad -5 \le n",
        r"\sum_{k=1}^{n} k = \frac{n(n+1)}{2}, \quad -5 \le n \le 5",
        r"\sum_{k=1}^{n} k = \frac{n(n+1)}{2}, \quad n + 5 \ge 0",
        r"\sum_{k=1}^{n} k = \frac{n(n+1)}{2}, \quad n^2 \le 9",
        r"\sum_{k=1}^{n} k = \frac{n(n+1)}{2}, \quad n \in \mathbb{R}",
    ],
)
def test_a_condition_wider_than_a_counting_bound_is_not_taken(tmp_path, row):
    # n, a sum's upper bound, is read a nonnegative integer: checked so, the claim would be
    # verified "under the condition n \in \mathbb{Z}", false at n = -2 (a red team's)
    (step,) = check_document_rows(tmp_path, row)
    assert step["status"] == "unknown"
    assert "negative" in step["reason"]


def test_a_condition_admitting_no_negative_count_is_taken(tmp_path):
    row = r"\sum_{k=1}^{n} k = \frac{n(n+1)}{2}, \quad n \ge -\frac{1}{2}"
    assert check_document_rows(tmp_path, row)[-1]["status"] == "verified"


@pytest.mark.parametrize(
    ("row", "status"),
    [
        (r"\sqrt{x^2} = x, \quad x ≥ 0", "verified"),
        (r"\sqrt{x^2} = -x, \quad x ≤ 0", "verified"),
        (r"\sqrt{x^2} = x, \quad x ≠ 0", "refuted"),
    ],
)
def test_a_condition_typed_with_characters(tmp_path, row, status):
    # x ≥ 0 typed: it was unreadable ("a comma outside a function's arguments")
    assert check_document_rows(tmp_path, row)[-1]["status"] == status
