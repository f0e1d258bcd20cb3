"""Conditional expectations as authors write them, E[Y | X], E(Y | X), Var(Y | X),
Cov(X, Y | Z): read with what is conditioned on held fixed, decided by linearity and the law of
total expectation (``expectation_tower``), refuted by a concrete discrete law whose conditional
expectations are computed exactly; through the CLI on documents."""

from __future__ import annotations

import pytest
import sympy as sp
from helpers import check_document_rows, run_eqchain

from eqchain.errors import LatexError
from eqchain.latex.read import read_formula
from eqchain.operators import Expectation, Given

X, Y, Z = sp.symbols("X Y Z")
E = Expectation

MOMENTS = "X moments, Y moments, Z moments, a constant"


def _side(text):
    (side,) = read_formula(text).sides
    return side


# -- reading --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        r"\mathbb{E}[Y \mid X]",
        r"\mathbb{E}[Y | X]",
        r"\mathbb{E}\left[ Y \middle| X \right]",
        r"\mathbb{E}\Big[ Y \Bigm| X \Big]",
        r"E[Y|X]",
        r"\mathrm{E}(Y \mid X)",
        r"\operatorname{E}[Y \vert X]",
        r"E(Y | X)",
    ],
)
def test_a_bar_in_the_brackets_conditions_the_expectation(text):
    assert _side(text) == E(Y, Given(sp.Tuple(), X))


def test_the_conditional_variance_and_covariance_are_read_by_their_definitions():
    given = Given(sp.Tuple(), X)
    assert _side(r"\operatorname{Var}(Y \mid X)") == E((Y - E(Y, given)) ** 2, given)
    given = Given(sp.Tuple(), Z)
    assert _side(r"\mathrm{Cov}(X, Y \mid Z)") == E((X - E(X, given)) * (Y - E(Y, given)), given)


@pytest.mark.parametrize(
    ("text", "read"),
    [
        # an absolute value's two bars: after an operator, or closing the brackets (review:
        # E[a |X|] had become ambiguous, and a norm's \| a bar)
        (r"\mathbb{E}[a |X|]", E(sp.Symbol("a") * sp.Abs(X))),
        (r"\mathbb{E}[X |Y|^2]", E(X * sp.Abs(Y) ** 2)),
        (r"\mathbb{E}(|X - Z|^2)", E(sp.Abs(X - Z) ** 2)),
        # one \| alone is the bar Markdown escaped
        (r"\mathbb{E}[Y \| X]", E(Y, Given(sp.Tuple(), X))),
    ],
)
def test_bars_that_are_no_condition_are_read_as_before(text, read):
    assert _side(text) == read


@pytest.mark.parametrize("text", [r"\mathbb{E}[\lambda \|w\|^2]", r"\mathbb{E}[X; \theta]"])
def test_a_norm_or_a_semicolon_in_an_expectation_is_no_conditional_expectation(text):
    with pytest.raises(LatexError) as err:
        read_formula(text)
    assert "conditional" not in str(err.value) and "two bars" not in str(err.value)


def test_several_names_after_the_bar():
    assert _side(r"\mathbb{E}[Y \mid X, Z]") == E(Y, Given(sp.Tuple(), X, Z))


@pytest.mark.parametrize(
    ("text", "says"),
    [
        (r"\mathbb{E}[Y \mid X = x]", "anything but names"),
        (r"\mathbb{E}[Y \mid X + Z]", "anything but names"),
        (r"\mathbb{E}[Y \mid X \mid Z]", "one bar"),
        (r"\mathbb{E}_{Y}[Y \mid X]", "with a subscript"),
        (r"\mathbb{E}[\mid X]", "each side of its bar"),
        # a condition and an absolute value, or an absolute value? (read as X |Y| Z: red team)
        (r"\mathbb{E}[X | Y | Z]", "two bars"),
        (r"\mathrm{Var}(X | Y | Z)", "two bars"),
    ],
)
def test_what_is_not_read_after_a_bar_is_rejected_with_a_reason(text, says):
    with pytest.raises(LatexError, match=says):
        read_formula(text)


def test_the_expectation_prints_back_with_its_bar_and_reads_again():
    from eqchain.latex.printer import latex

    side = _side(r"\mathbb{E}[X Y \mid X]")
    assert r"\middle|" in latex(side)
    assert _side(latex(side)) == side


# -- checking: valid, wrong, a missing condition --------------------------------------------


@pytest.mark.parametrize(
    "row",
    [
        # the law of total expectation, and conditioned on fewer names
        r"\mathbb{E}[\mathbb{E}[Y \mid X]] = \mathbb{E}[Y]",
        r"\mathbb{E}[\mathbb{E}[Y \mid X, Z] \mid X] = \mathbb{E}[Y \mid X]",
        # taking out what is known
        r"\mathbb{E}[X Y + a \mid X] = X \mathbb{E}[Y \mid X] + a",
        r"\mathbb{E}[\mathbb{E}[Y \mid X] \mid X] = \mathbb{E}[Y \mid X]",
        r"\mathbb{E}[\mathbb{E}[Y \mid X] Z \mid X, Z] = \mathbb{E}[Y \mid X] Z",
        # the law of total variance, and the conditional variance's other form
        r"\operatorname{Var}(Y) = \mathbb{E}[\operatorname{Var}(Y \mid X)] "
        r"+ \operatorname{Var}(\mathbb{E}[Y \mid X])",
        r"\operatorname{Var}(Y \mid X) = \mathbb{E}[Y^2 \mid X] - \mathbb{E}[Y \mid X]^2",
    ],
)
def test_valid_steps_with_conditional_expectations_are_verified(tmp_path, row):
    (step,) = check_document_rows(tmp_path, row, assume=MOMENTS)
    assert step["status"] == "verified", step["reason"]


@pytest.mark.parametrize(
    "row",
    [
        r"\operatorname{Var}(Y) = \mathbb{E}[\operatorname{Var}(Y \mid X)] "
        r"- \operatorname{Var}(\mathbb{E}[Y \mid X])",
        r"\mathbb{E}[X Y \mid X] = Y \mathbb{E}[X \mid X]",
        r"\mathbb{E}[\mathbb{E}[Y \mid X]^2] = \mathbb{E}[Y]^2",
        r"\mathbb{E}[X Y + a \mid X] = X \mathbb{E}[Y \mid X] + 2 a",
        r"\mathbb{E}[Y \mid X] = \mathbb{E}[Y]",
    ],
)
def test_wrong_steps_are_refuted_by_a_law_with_exact_conditional_values(tmp_path, row):
    (step,) = check_document_rows(tmp_path, row, assume=MOMENTS)
    assert step["status"] == "refuted", step["reason"]
    assert step["counterexample"]


def test_the_tower_without_finite_moments_is_unknown_naming_them(tmp_path):
    (step,) = check_document_rows(
        tmp_path, r"\mathbb{E}[\mathbb{E}[Y \mid X]] = \mathbb{E}[Y]", assume="X moments"
    )
    assert step["status"] == "unknown"
    assert "expectation_tower needs finite moments" in step["reason"]


@pytest.mark.parametrize(
    "row",
    [
        # Y is not held fixed by conditioning on X, nor a name merely alike
        r"\mathbb{E}[Y \mid X] = Y",
        r"\mathbb{E}[x Y \mid X] = x \mathbb{E}[Y \mid X]",
        r"\mathbb{E}[\bar{X} Y \mid X] = \bar{X} \mathbb{E}[Y \mid X]",
        # the tower needs the outer condition among the inner ones
        r"\mathbb{E}[\mathbb{E}[Y \mid X] \mid Z] = \mathbb{E}[Y \mid Z]",
        r"\mathbb{E}[\mathbb{E}[Y \mid X] \mid X, Z] = \mathbb{E}[Y \mid X, Z]",
        # E_{Y|X} holds every other name fixed: no tower through it
        r"\mathbb{E}[\mathbb{E}_{Y | X}[Y Z]] = \mathbb{E}[Y Z]",
    ],
)
def test_what_conditioning_does_not_give_is_never_verified(tmp_path, row):
    (step,) = check_document_rows(tmp_path, row, assume=MOMENTS)
    assert step["status"] != "verified", step["reason"]


def test_a_derivation_of_the_law_of_total_variance_through_the_cli(tmp_path):
    doc = tmp_path / "total-variance.md"
    doc.write_text(
        "---\neqchain-assume: X moments, Y moments\n---\n"
        "# The law of total variance\n\n"
        "$$\n\\begin{aligned}\n"
        "\\mathbb{E}[\\operatorname{Var}(Y \\mid X)] "
        "&= \\mathbb{E}[\\mathbb{E}[Y^2 \\mid X] - \\mathbb{E}[Y \\mid X]^2] \\\\\n"
        "&= \\mathbb{E}[Y^2] - \\mathbb{E}[\\mathbb{E}[Y \\mid X]^2] \\\\\n"
        "&= \\mathbb{E}[Y^2] - \\mathbb{E}[\\mathbb{E}[Y \\mid X]]^2 \n"
        "\\end{aligned}\n$$\n",
        encoding="utf-8",
    )
    ran = run_eqchain("check", "--no-cache", str(doc))
    lines = [line for line in ran.stdout.splitlines() if "line " in line]
    assert "verified" in lines[0] and "verified" in lines[1], ran.stdout
    # the last step drops E[E[Y|X]^2] - E[E[Y|X]]^2 = Var(E[Y|X]): wrong, refuted
    assert "refuted" in lines[2], ran.stdout
    assert "Counterexample" in ran.stdout
    assert ran.returncode == 1


def test_two_random_variables_of_different_names_get_different_laws(tmp_path):
    # E[aX + bY] = aE[X] + bE[y] (a typo in a Japanese post): Y and y always had the same law
    # in a trial, so their means never differed and the step stayed unknown
    row = r"E[aX+bY]=aE[X]+bE[y]"
    (step,) = check_document_rows(
        tmp_path, row, assume="a constant, b constant, X moments, Y moments"
    )
    assert step["status"] == "refuted", step["reason"]
    (step,) = check_document_rows(
        tmp_path, r"E[aX+bY]=aE[X]+bE[Y]", assume="a constant, b constant, X moments, Y moments"
    )
    assert step["status"] == "verified"
