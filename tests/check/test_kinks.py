"""A derivative at a kink or a jump (red team s44): SymPy differentiates max and min into a step
that is 1/2 at the kink and cases piece by piece, never seeing the boundary, so ``r'(0) = 1/2``
for ``r(x) = \\max(x, 0)`` and ``g'(0) = 1`` at a jump of cases were verified. Each break
(max/min arguments equal, a cases condition's boundary, a step's argument 0) is a point of no
derivative: where the claim is there, unknown; elsewhere verified, with the domain shown."""

from __future__ import annotations

from helpers import check_document_rows

CASES = r"\begin{cases} x + 1 & x \ge 0 \\ x & x < 0 \end{cases}"


def statuses(steps):
    return [s["status"] for s in steps]


def test_a_derivative_at_the_kink_of_a_max_is_not_verified(tmp_path):
    steps = check_document_rows(
        tmp_path,
        r"r(x) = \max(x, 0)",
        r"r^{\prime}(0) = \frac{1}{2}",
        r"r^{\prime}(1) = 1",
        r"r^{\prime}(2) = 0",
    )
    assert statuses(steps) == ["definition", "unknown", "verified", "refuted"], steps


def test_kinks_of_max_and_min_at_a_point(tmp_path):
    steps = check_document_rows(
        tmp_path,
        r"\left. \frac{d}{dx} \max(x, -x) \right|_{x=0} = 0",
        r"\left. \frac{d}{dx} \min(x^2, 1) \right|_{x=1} = 1",
        r"\left. \frac{d}{dx} \min(x^2, 1) \right|_{x=2} = 0",
    )
    assert statuses(steps) == ["unknown", "unknown", "verified"], steps


def test_a_derivative_at_the_jump_of_cases_is_not_verified(tmp_path):
    steps = check_document_rows(
        tmp_path,
        rf"g(x) = {CASES}",
        r"g^{\prime}(0) = 1",
        r"g^{\prime}(3) = 1",
        r"g^{\prime}(-3) = 2",
    )
    assert statuses(steps) == ["definition", "unknown", "verified", "refuted"], steps


def test_a_derivative_of_cases_holds_away_from_the_boundary(tmp_path):
    (step,) = check_document_rows(
        tmp_path, r"\frac{d}{dx} \begin{cases} 1 & x \ge 0 \\ 0 & x < 0 \end{cases} = 0"
    )
    assert step["status"] == "verified"
    assert step["domain"] == ["x \\neq 0"], step


def test_the_reason_says_no_derivative_exists_there(tmp_path):
    steps = check_document_rows(tmp_path, r"r(x) = \max(x, 0)", r"r^{\prime}(0) = \frac{1}{2}")
    assert "no derivative is shown to exist at the point" in steps[1]["reason"], steps
    assert "defined nowhere" not in steps[1]["reason"]
