"""A sum over the values of a random variable with its pmf, ``\\sum_x g(x) p_X(x)``: the
expectation ``\\mathbb{E}[g(X)]`` (check/pmf.py), and ``xp_X(x)`` after a summed x read as the
product x p_X(x) (latex/applied.py). Through the command line, on small Markdown documents."""

from __future__ import annotations

from helpers import check_document_rows, run_eqchain


def test_the_variance_as_a_sum_over_the_pmf_is_verified(tmp_path):
    steps = check_document_rows(tmp_path, r"\mathrm{Var}(X) = \sum_x(x-E[X])^2p_X(x)")
    assert steps[-1]["status"] == "verified"


def test_the_total_mass_of_a_pmf_is_one(tmp_path):
    steps = check_document_rows(tmp_path, r"\sum_xp_X(x) = 1")
    assert steps[-1]["status"] == "verified"


def test_a_wrong_weight_in_a_pmf_sum_is_refuted_by_a_distribution(tmp_path):
    steps = check_document_rows(tmp_path, r"\sum_x 2xp_X(x) = 3\sum_xxp_X(x)")
    step = steps[-1]
    assert step["status"] == "refuted"
    assert "probability" in str(step["counterexample"])


def test_splitting_a_pmf_sum_needs_finite_moments(tmp_path):
    # the left side, E[X] finite, says nothing of E[X^2]: unknown, naming it
    row = r"\sum_x x p_X(x) = \sum_x (x + x^2) p_X(x) - \sum_x x^2 p_X(x)"
    step = check_document_rows(tmp_path, row)[-1]
    assert step["status"] == "unknown"
    assert "finite" in step["reason"]
    # E[X^2 + 1] finite makes E[X^2] finite: the split needs nothing more
    row = r"\sum_x (x^2+1)p_X(x) = \sum_xx^2p_X(x)+\sum_xp_X(x)"
    assert check_document_rows(tmp_path, row)[-1]["status"] == "verified"


def test_a_sum_over_values_is_not_over_whole_numbers(tmp_path):
    # read as 1..n_x, x a whole number and cos(2 pi x) = 1; the values of X need not be
    steps = check_document_rows(tmp_path, r"\sum_x \cos(2 \pi x) p_X(x) = \sum_x p_X(x)")
    assert steps[-1]["status"] != "verified"


def test_a_pmf_the_document_defines_keeps_its_sums_as_written(tmp_path):
    steps = check_document_rows(tmp_path, r"p_X(x) = \frac{1}{2}", r"E[X^2] = \sum_x x^2 p_X(x)")
    assert steps[-1]["status"] != "verified"


def test_x_outside_the_expectation_inside_the_sum_is_no_pmf_sum(tmp_path):
    steps = check_document_rows(tmp_path, r"\sum_x x X p_X(x) = E[X^2]")
    assert steps[-1]["status"] != "verified"


def test_the_variance_identity_rows_through_the_cli(tmp_path):
    doc = tmp_path / "v.md"
    doc.write_text(
        "# Variance\n\n$$\n\\begin{align}\n"
        "\\text{var}(X)&=E[(X-E[X])^2] \\\\\n"
        "&= \\sum_x(x-E[X])^2p_X(x) \\\\\n"
        "&= \\sum_x(x^2-2xE[X]+(E[X])^2)p_X(x) \\\\\n"
        "&= \\sum_xx^2p_X(x)-2E[X]\\sum_xxp_X(x)+(E[X])^2\\sum_xp_X(x) \\\\\n"
        "&= E[X^2]-2(E[X])^2+(E[X])^2 \\\\\n"
        "&= E[X^2]-2(E[X^2])^2+(E[X])^2\n"
        "\\end{align}\n$$\n",
        encoding="utf-8",
    )
    ran = run_eqchain("check", "--no-cache", str(doc))
    lines = [line for line in ran.stdout.splitlines() if line.strip().startswith("line")]
    # splitting the sum needs E[X] and E[X^2] finite (an infinite support): the row before,
    # E[X^2 - 2X E[X] + E[X]^2] with a value, makes them so
    assert [line.split()[3] for line in lines] == [
        "verified", "verified", "verified", "verified", "verified", "refuted",
    ]  # fmt: skip
    assert "unreadable" not in ran.stdout


def test_after_a_stated_law_the_pmf_sums_are_over_it(tmp_path):
    # E[X^2] = E[X] holds for a Bernoulli X only: a two-point law on other values must not
    # refute it
    steps = check_document_rows(
        tmp_path,
        r"X \sim \mathrm{Bern}(\theta)",
        r"\sum_x x^2 p_X(x) = \sum_x xp_X(x)",
        r"\sum_x x p_X(x) = 2\theta",
    )
    assert [s["status"] for s in steps if s["line"] is not None] == [
        "given", "verified", "refuted",
    ]  # fmt: skip
