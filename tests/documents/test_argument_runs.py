"""Issue 11: runs ``X_1, \\ldots, X_n`` among a function's arguments, checked through the CLI:
algebra around the same run is verified, different runs are never identified, a wrong step
next to them is refuted, and a run's bound given a value does not make the run its members."""

from __future__ import annotations

from helpers import check_document_rows


def test_runs_through_the_cli(tmp_path):
    steps = check_document_rows(
        tmp_path,
        r"P(X_1, \ldots, X_n) + P(X_1,...,X_n) = 2 P(X_1, \ldots, X_n)",
        r"P(X_1=x_1,\ldots,X_n=x_n) - P(X_1=x_1,\ldots,X_n=x_n) = 0",
        r"L(\pi_1,\ldots,\pi_p;x_1,\ldots,x_n) (a + b) = a L(\pi_1,...,\pi_p;x_1,...,x_n) + b",
        r"P(X_1, \ldots, X_n) = a (b + c) = a b + c",
    )
    status = [s["status"] for s in steps]
    assert status[:2] == ["verified", "verified"]
    # wrong (b is not multiplied by L): never verified
    assert status[2] in ("unknown", "refuted")
    # the chain around a run is checked: a (b + c) = a b + c is refuted with values
    assert status[-1] == "refuted" and steps[-1].get("counterexample")
    assert "unreadable" not in status


def test_different_runs_are_never_identified(tmp_path):
    steps = check_document_rows(
        tmp_path,
        r"P(X_1, \ldots, X_n) = P(X_1, \ldots, X_m)",
        r"P(X_1, \ldots, X_n) = P(X_1, X_2)",
        r"P(X_1=x_1,\ldots,X_n=x_n) = \prod_{i=1}^n P(X_i = x_i)",
        r"P(X_1, \ldots, X_n | Y) = P(Y | X_1, \ldots, X_n)",
    )
    assert [s["status"] for s in steps] == ["unknown"] * 4


def test_a_members_value_does_not_reach_the_run(tmp_path):
    # a_1 = b_1 and a_2 = b_2 given: the runs a_1..a_2 and b_1..b_2 hold the same members,
    # but a run with a symbolic end (n) is never identified through its end members
    steps = check_document_rows(
        tmp_path,
        r"a_1 = b_1",
        r"a_n = b_n",
        r"f(a_1, \ldots, a_n) = f(b_1, \ldots, b_n)",
    )
    assert steps[-1]["status"] != "verified", steps[-1]


def test_a_clean_run_is_required_through_the_cli(tmp_path):
    steps = check_document_rows(tmp_path, r"f(a_1, \ldots, b_n) = 1")
    assert steps[-1]["status"] == "unreadable"
    assert "one family" in steps[-1]["reason"]
    assert steps[-1]["column"] == 11  # the ellipsis's, in "$$ f(a_1, \ldots, b_n) = 1 $$"


def test_false_steps_about_runs_are_never_verified(tmp_path):
    steps = check_document_rows(
        tmp_path,
        r"f(a_1, \ldots, a_n) = f(a_1, \ldots, a_{n+1})",
        r"P(X_1=x_1,\ldots,X_n=x_n) = P(X_1, \ldots, X_n)",
        r"P(X_1, \ldots, X_n | Y) = P(X_1, \ldots, X_n)",
        r"P(X_1, \ldots, X_n) = P(X_1, \ldots, X_n) + 1",
    )
    assert "verified" not in [s["status"] for s in steps], steps


def test_a_run_of_the_random_variable_is_random_in_its_expectation(tmp_path):
    steps = check_document_rows(
        tmp_path,
        r"E_{Z|X}[P(Z_1, \ldots, Z_n)] = P(Z_1, \ldots, Z_n)",
        r"E_{Z|X}[P(X_1, \ldots, X_n)] = P(X_1, \ldots, X_n)",  # X held fixed: valid
        assume="Z moments",
    )
    assert [s["status"] for s in steps] == ["unknown", "verified"]


def test_a_derivative_by_a_member_of_a_run_is_never_zero(tmp_path):
    steps = check_document_rows(
        tmp_path,
        r"\frac{\partial}{\partial X_1} P(X_1, \ldots, X_n)"
        r" = 2 \frac{\partial}{\partial X_1} P(X_1, \ldots, X_n) = 0",
    )
    assert all(s["status"] != "verified" for s in steps), steps
