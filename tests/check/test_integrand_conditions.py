"""What an integrand needs of the names it does not integrate over is what the integral needs:
``\\int_0^c \\frac{x}{c} \\, dx`` is no number at c = 0, whatever x is (check/domain.py). A step
that divides by c on both sides is then verified where c is not 0; one that divides by c on its
right side only still introduces the condition. Through the command line."""

from __future__ import annotations

from helpers import check_document_rows


def last(steps):
    return steps[-1]


def test_pulling_a_constant_the_integrand_divides_by_is_verified_where_it_is_not_zero(tmp_path):
    step = last(
        check_document_rows(tmp_path, r"\int_0^c \frac{x}{c} \, dx = \frac{1}{c} \int_0^c x \, dx")
    )
    assert step["status"] == "verified"
    assert "integral_linear" in step["rules"]
    assert step["domain"] == ["c \\neq 0"]


def test_a_wrong_constant_pulled_out_is_refuted(tmp_path):
    step = last(
        check_document_rows(tmp_path, r"\int_0^c \frac{x}{c} \, dx = \frac{2}{c} \int_0^c x \, dx")
    )
    assert step["status"] == "refuted"


def test_a_division_only_the_right_side_writes_is_still_introduced(tmp_path):
    step = last(check_document_rows(tmp_path, r"\int_0^c x \, dx = \frac{1}{c} \int_0^c c x \, dx"))
    assert step["status"] == "unknown"
    assert "c \\neq 0" in step["reason"] and "introduces" in step["reason"]


def test_a_need_at_a_point_of_the_range_is_not_the_integrals(tmp_path):
    # 1/x at x = 0 is a point of the integrand, which convergence decides: not a condition on
    # a name of the integral (the integral of 1/x over [0, 1] diverges: never verified)
    step = last(check_document_rows(tmp_path, r"\int_0^1 \frac{1}{x} \, dx = 1"))
    assert step["status"] != "verified"
    assert "x \\neq 0" not in step.get("reason", "")


def test_the_uniform_kl_row_is_verified_under_the_stated_laws(tmp_path):
    steps = check_document_rows(
        tmp_path,
        r"X \sim \mathcal{U}(a_1, b_1)",
        r"Y \sim \mathcal{U}(a_2, b_2)",
        r"K = \int_{a_1}^{b_1} \frac{1}{b_1-a_1} \ln \frac{\frac{1}{b_1-a_1}}{\frac{1}{b_2-a_2}}"
        r" \, \mathrm{d}x",
        r"K = \frac{1}{b_1-a_1} \ln \frac{b_2-a_2}{b_1-a_1} \int_{a_1}^{b_1} \mathrm{d}x",
        r"K = \ln \frac{b_2-a_2}{b_1-a_1}",
    )
    assert [s["status"] for s in steps if s["line"] is not None][-2:] == ["verified", "verified"]
    assert last(steps)["domain"] == []


def test_an_integrand_zero_outside_a_bounded_interval_converges_from_minus_infinity(tmp_path):
    # a uniform CDF split at a (StatProofBook): every integral of the density converges
    law = r"X \sim \mathcal{U}(a, b)"
    split = (
        r"\int_{-\infty}^{x} \mathcal{U}(z; a, b) \, \mathrm{d}z = \int_{-\infty}^{a}"
        r" \mathcal{U}(z; a, b) \, \mathrm{d}z + \int_{a}^{x} \mathcal{U}(z; a, b) \, \mathrm{d}z"
    )
    step = last(check_document_rows(tmp_path, law, split))
    assert step["status"] == "verified", step["reason"]
    assert "integral_split_range" in step["rules"]
    wrong = split.replace(r"+ \int_{a}^{x}", r"- \int_{a}^{x}")
    assert last(check_document_rows(tmp_path, law, wrong))["status"] != "verified"
    # without the law, the density is defined only where a < b: verified there
    alone = last(check_document_rows(tmp_path, split))
    assert alone["status"] == "verified"
    assert alone["domain"] == ["a < b"]


def test_a_piece_bounded_on_one_side_only_is_no_compact_support():
    import sympy as sp

    from eqchain.check.integrals import _compact_support

    x, a, b = sp.symbols("x a b", real=True)
    one_side = sp.Integral(sp.Piecewise((1, x >= a), (0, True)), (x, -sp.oo, sp.oo))
    assert not _compact_support(one_side)
    both = sp.Integral(sp.Piecewise((x**2, (x >= a) & (x <= b)), (0, True)), (x, -sp.oo, sp.oo))
    assert _compact_support(both)
    # a value that is no number at a point of the interval
    pole = sp.Integral(sp.Piecewise((1 / x, (x >= a) & (x <= b)), (0, True)), (x, -sp.oo, 0))
    assert not _compact_support(pole)
    # a last piece that is not 0
    rest = sp.Integral(sp.Piecewise((1, (x >= a) & (x <= b)), (2, True)), (x, -sp.oo, 0))
    assert not _compact_support(rest)
