"""An integral whose lower limit names its variable (``\\int_{r=0}^{\\infty} ... dr``), as
course notes write polar coordinates, through the CLI: the valid step verified, the wrong one
refuted, a limit naming another variable unreadable at its column; and a family defined by its
generic member defines every member (``y_k = k^2``: ``y_2 = 4``), never a specialisation of a
row of its own."""

from __future__ import annotations

from helpers import check_document_rows


def test_a_named_lower_limit_is_the_integral_from_it(tmp_path):
    steps = check_document_rows(
        tmp_path,
        r"\int_{r=0}^{\infty} r e^{-r^2} dr = \frac{1}{2}",
        r"\int_{\theta=0}^{2\pi} \frac{1}{2} d\theta = 2\pi",
        r"\int_{y=0}^{1} x \, dx = \frac{1}{2}",
    )
    assert [s["status"] for s in steps] == ["verified", "refuted", "unreadable"]
    assert steps[1]["counterexample"]
    assert "names y but the differential is dx" in steps[2]["reason"]


def test_members_of_a_family_defined_by_its_generic_member(tmp_path):
    steps = check_document_rows(
        tmp_path, r"y_k = k^2", r"y_2 = 4", r"y_2 = 5", r"\sum_{j=1}^{3} y_j = 14", r"x + y_1 = 3"
    )
    verdicts = [s["status"] for s in steps]
    assert verdicts[:4] == ["definition", "verified", "refuted", "verified"]
    assert verdicts[4] == "given"  # a condition on the new x, not "verified with x = 2"


def test_nested_integrals_through_the_cli(tmp_path):
    # the inner integral takes the first differential after its integrand (dy), the outer dx
    steps = check_document_rows(
        tmp_path,
        r"\int_0^1 \int_0^2 x y \, dy \, dx = 1",
        r"\int_0^1 \int_0^2 x y \, dy \, dx = 2",
        r"\int_0^1 \int_0^2 x \, dy \, dx = \int_0^1 2 x \, dx",
    )
    assert [s["status"] for s in steps] == ["verified", "refuted", "verified"]
