"""Issue 11: conditional expectations ``E_{Z|X}[...]`` through the CLI. Over Z (and Z's members
Z_i), X and the other symbols held fixed: linearity with its conditions, refutation by a
concrete law of Z; and a member Z_i of a random Z is never taken out as a constant (E_Z[Z_i] =
Z_i was verified before)."""

from __future__ import annotations

from helpers import check_document_rows


def test_conditional_expectations_through_the_cli(tmp_path):
    steps = check_document_rows(
        tmp_path,
        r"E_{Z|X}[X] = X",
        r"E_{Z|X}[a Z + X] = a E_{Z|X}[Z] + 2 X",
        r"E_{Z|X}[a Z + X] = a E_{Z|X}[Z] + X",
        r"E_{Z|X}[Z^2] = E_{Z|X}[Z]^2",
    )
    status = [s["status"] for s in steps]
    assert status == ["verified", "refuted", "unknown", "refuted"]
    assert "with probability" in steps[1]["counterexample"]["values"]["Z"]
    assert "finite" in steps[2]["reason"]  # linearity's condition, named


def test_linearity_with_the_moments_declared(tmp_path):
    steps = check_document_rows(
        tmp_path,
        r"E_{Z|X}[a Z + X] = a E_{Z|X}[Z] + X",
        r"E_{Z \mid X, \theta}[\theta Z] = \theta E_{Z|X,\theta}[Z]",
        assume="Z moments",
    )
    assert [s["status"] for s in steps] == ["verified", "verified"]


def test_the_random_variable_and_its_members_are_never_constants(tmp_path):
    steps = check_document_rows(
        tmp_path,
        r"E_{Z|X}[Z] = Z",
        r"E_{Z|X}[Z_i] = Z_i",
        r"E_{Z|X}[Z_i Z_j] = Z_i E_{Z|X}[Z_j]",
        r"\mathbb{E}_{Z}[Z_i] = Z_i",
        r"E_{Z|X}[Z] = E_{Z|Y}[Z]",
        assume="Z moments",
    )
    assert all(s["status"] != "verified" for s in steps), steps
