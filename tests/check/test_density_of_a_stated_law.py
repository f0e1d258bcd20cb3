"""After ``X \\sim D`` (a law of the table), ``f_X(x)`` and ``p_X(x)`` are X's density at x where
the document defines no function of that name (the StatProofBook's ``\\mathrm{E}[X^2] =
\\int x^2 \\cdot f_\\mathrm{X}(x) \\, \\mathrm{d}x`` was unknown: "f_X stands on one side only")."""

from __future__ import annotations

from helpers import check_document_rows

LAW = r"X \sim \mathrm{Exp}(\lambda)"


def statuses(steps):
    return [s["status"] for s in steps]


def test_the_density_of_a_stated_law_by_its_subscript(tmp_path):
    steps = check_document_rows(
        tmp_path,
        LAW,
        r"\mathrm{E}[X^2] = \int_{-\infty}^{+\infty} x^2 \cdot f_\mathrm{X}(x) \, \mathrm{d}x",
        r"\int_{-\infty}^{+\infty} x^2 f_X(x) \, dx"
        r" = \int_{0}^{+\infty} x^2 \lambda e^{-\lambda x} \, dx",
        r"\int_{-\infty}^{+\infty} p_X(x) \, dx = 1",
    )
    assert statuses(steps) == ["given", "verified", "verified", "verified"], steps


def test_a_wrong_density_is_not_verified(tmp_path):
    """The whole real line, where the density is 0 below 0: the right side diverges."""
    steps = check_document_rows(
        tmp_path,
        LAW,
        r"\int_{-\infty}^{+\infty} x f_X(x) \, dx"
        r" = \int_{-\infty}^{+\infty} x \lambda e^{-\lambda x} \, dx",
        r"\int_{-\infty}^{+\infty} x f_X(x) \, dx = \frac{2}{\lambda}",
    )
    assert statuses(steps)[1] != "verified", steps
    assert statuses(steps)[2] == "refuted", steps


def test_the_document_defining_the_function_keeps_its_own(tmp_path):
    """f_X(x) = \\lambda e^{-\\lambda x} (the support unwritten) is the author's function: the
    rows use it as written, as before."""
    steps = check_document_rows(
        tmp_path,
        LAW,
        r"f_X(x) = \lambda e^{-\lambda x}",
        r"\mathrm{E}[X] = \int_{-\infty}^{+\infty} x f_X(x) \, dx",
    )
    assert statuses(steps)[1] == "definition", steps
    assert statuses(steps)[2] != "verified", steps


def test_no_law_stated_no_density(tmp_path):
    steps = check_document_rows(
        tmp_path,
        r"\mathrm{E}[Y^2] = \int_{-\infty}^{+\infty} x^2 f_Y(x) \, dx",
    )
    assert statuses(steps) == ["unknown"], steps


def test_a_mass_of_a_stated_discrete_law_at_numbers(tmp_path):
    """p_Y(2) = ... is a value, no definition of p_Y: Y's mass is put in."""
    steps = check_document_rows(
        tmp_path,
        r"Y \sim \mathrm{Poiss}(\lambda)",
        r"p_Y(2) = \frac{\lambda^2 e^{-\lambda}}{2}",
        r"p_Y(-1) = 0",
        r"p_Y(2) = \lambda^2 e^{-\lambda}",
    )
    assert statuses(steps) == ["given", "verified", "verified", "refuted"], steps


def test_a_value_of_the_density_defines_nothing(tmp_path):
    """f_X(\\mu) = ... made f_X the author's (a constant), and a false value verified."""
    steps = check_document_rows(
        tmp_path,
        r"X \sim \mathcal{N}(\mu, \sigma^2)",
        r"f_X(\mu) = \frac{1}{\sqrt{2\pi}\sigma}",
        r"f_X(\mu + \sigma) = \frac{1}{\sqrt{2\pi}\sigma}",
    )
    assert statuses(steps) == ["given", "verified", "refuted"], steps


def test_a_parameter_subscript_is_no_density(tmp_path):
    """p_\\mu(y) after \\mu \\sim \\mathcal{N}(0, 1): a model with parameter mu to an ML author."""
    steps = check_document_rows(
        tmp_path,
        r"\mu \sim \mathcal{N}(0, 1)",
        r"p_\mu(y) p_\mu(-y) = \frac{1}{2\pi} e^{-y^2}",
    )
    assert statuses(steps)[1] != "verified", steps


def test_the_author_defining_the_density_at_a_member_keeps_it(tmp_path):
    steps = check_document_rows(
        tmp_path,
        LAW,
        r"f_X(x_i) = \lambda e^{-\lambda x_i}",
        r"f_X(x_1) = \lambda e^{-\lambda x_1}",
    )
    assert "refuted" not in statuses(steps), steps
