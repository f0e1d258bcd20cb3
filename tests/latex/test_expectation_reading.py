"""Expectations: ``\\mathbb{E}[X]``, ``\\mathrm{E}(X)``, ``E[X]``, ``\\mathbb{E}_{x \\sim p}[f]``
and ``\\langle X \\rangle_{p}`` are one node, :class:`eqchain.operators.Expectation`, never
evaluated; the notation it could be confused with stays rejected, at its column."""

from __future__ import annotations

import json

import pytest
import sympy as sp
from helpers import run_eqchain

from eqchain.errors import LatexError, UnsupportedLatex
from eqchain.latex.printer import latex
from eqchain.latex.read import read_formula
from eqchain.operators import Expectation

X, x, mu = sp.Symbol("X"), sp.Symbol("x"), sp.Symbol("mu")
p = sp.Function("p")


def side(text, **kw):
    (expr,) = read_formula(text, **kw).sides
    return expr


@pytest.mark.parametrize(
    "text",
    [
        r"\mathbb{E}[X^2]",
        r"\mathbb{E}\left[ X^2 \right]",
        r"\mathbb{E}(X^2)",
        r"\mathrm{E}(X^2)",
        r"\mathrm{E}\left[ X^2 \right]",
        r"\operatorname{E}[X^2]",
        r"E[X^2]",
        r"\langle X^2 \rangle",
        r"\left\langle X^2 \right\rangle",
    ],
)
def test_every_spelling_of_the_expectation_is_one_node(text):
    assert side(text) == Expectation(X**2)


def test_an_expectation_is_a_factor_with_powers_and_products():
    assert side(r"\mathrm{E}[X]^2") == sp.Pow(Expectation(X), 2, evaluate=False)
    expr = side(r"E[X^2] - 2 E[X] \mu + \mu^2")
    assert expr.has(Expectation(X**2)) and expr.has(Expectation(X))


def test_the_subscript_says_what_the_expectation_is_over():
    assert side(r"\mathbb{E}_{x \sim p(x)}[\log x]") == Expectation(sp.log(x), x, p(x))
    assert side(r"\mathbb{E}_{x}[x]") == Expectation(x, x)
    assert side(r"\langle (x - \mu)^2 \rangle_{p(x)}") == Expectation((x - mu) ** 2, p(x))


def test_the_variable_of_e_over_a_distribution_is_bound():
    expr = side(r"\mathbb{E}_{x \sim q}[x^2]")
    assert expr.free_symbols == {sp.Symbol("q")}
    assert expr.subs(x, 3) == expr


def test_an_expectation_prints_back_to_itself():
    for text in (r"\mathbb{E}[X^2 + 1]", r"\mathbb{E}_{x \sim q}[x]", r"\langle x \rangle_{q}"):
        expr = side(text)
        assert side(latex(expr)) == expr


@pytest.mark.parametrize(
    ("text", "column", "message", "error"),
    [
        (r"V[x]", 1, "may be an expectation or a product", LatexError),
        (r"E(x)", 1, "declare 'E' as a function", LatexError),
        (r"\mathbb{R}", 1, "\\mathbb", UnsupportedLatex),
        # \mathbb{E} X alone is E[X] (test_expectation_without_brackets.py); a product is not
        (r"\mathbb{E} X Y", 1, "without brackets before a product", LatexError),
        (r"\mathbb{E} + X", 1, "without brackets", UnsupportedLatex),
        (r"\langle a, b \rangle", 1, "inner products", UnsupportedLatex),
        # one bar is read (issue 11, test_conditional_expectation.py); two are not
        (r"E_{Z|X|Y}[Z]", 7, "subscript of an expectation", UnsupportedLatex),
        (r"\mathbb{E}[]", 11, "empty expectation", LatexError),
        (r"\langle x", 1, "without \\rangle", LatexError),
        (r"\mathbb{E}_{2 \sim p}[x]", 15, "variable is missing", LatexError),
        # the square of an expectation to some authors, E^2 times X to the letter: E was read
        # as a number and the variance identity E[X^2] - E^2[X] refuted
        (r"E[X^2] - E^2[X]", 10, "a power of an expectation", LatexError),
        (r"a - E^{2}(X)", 5, "a power of an expectation", LatexError),
        (r"\mathrm{E}^2\left(X\right)", 1, "a power of an expectation", LatexError),
    ],
)
def test_what_is_not_an_expectation_is_rejected_at_its_column(text, column, message, error):
    with pytest.raises(error) as info:
        read_formula(text)
    assert message in info.value.message and info.value.column == column


def test_a_declared_function_e_is_still_applied():
    assert side("E(x)", functions=frozenset({"E"})) == sp.Function("E")(x)


DOCUMENT = r"""# Variance

$$
\mathrm{Var}(X) = \mathbb{E}[X^2] - \mathbb{E}[X]^2 = \mathbb{E}[X^2] - \mathbb{E}[X] \mathbb{E}[X]
$$

$$
\mathbb{E}[2 X] = 3 \mathbb{E}[X]
$$

$$
\mathbb{E}[X + Y] = \mathbb{E}[X] + \mathbb{E}[Y]
$$

$$
x = 3
$$

$$
\mathbb{E}_{x \sim p}[x] = \mathbb{E}_{x \sim p}[3]
$$
"""


def test_expectations_in_a_document_are_read_and_never_evaluated(tmp_path):
    """Read: every row has a verdict. Algebra around an expectation is checked; linearity needs
    finite expectations, which nothing here declares, so it is unknown; a wrong step is refuted
    by a concrete distribution, never by numbers given to the expectation; a bound variable is
    not the x given the value 3."""
    post = tmp_path / "post.md"
    post.write_text(DOCUMENT, encoding="utf-8")
    ran = run_eqchain("check", "--format", "json", str(post))
    steps = json.loads(ran.stdout)["derivations"][0]["steps"]
    status = [(s["line"], s["status"]) for s in steps]
    assert "unreadable" not in {s for _, s in status}, status
    by_line = {}
    for line, s in status:
        by_line.setdefault(line, []).append(s)
    assert by_line[4][-1] == "verified"  # E[X]^2 = E[X] E[X]
    assert by_line[8] == ["refuted"]  # E[2X] = 3 E[X]: X = 0 or 1 with probability 1/2
    assert by_line[12] == ["unknown"]  # linearity needs E[X], E[Y] finite (not declared)
    assert by_line[20] == ["unknown"]  # E_{x~p}[x] is not E_{x~p}[3], whatever x = 3 says
    assert ran.returncode == 1


def test_a_power_of_the_letter_e_elsewhere_is_a_power():
    assert str(side("E^2 x")) == "E**2*x"
    assert str(side(r"E^{2} + X")) == "E**2 + X"


def test_e_before_parentheses_holding_more_than_names_is_an_expectation():
    # E(X^2) was E times X^2: the letter read as a number (a public binomial-moments note)
    assert side("E(X^2)") == Expectation(X**2)
    with pytest.raises(LatexError, match="may be an expectation or a product"):
        read_formula("E(X)")


def test_e_of_a_name_beside_e_written_as_the_expectation_is_that_expectation(tmp_path):
    # a Japanese note of E's properties (benchmarks/corpus ja/scenesk): E( X+c) =E( X) +c had
    # been unreadable ('E(X)' ambiguous) though E( X+c) beside it is read as the expectation
    doc = tmp_path / "d.md"
    rows = [
        r"E(X^2) - E(X)^2 = E(X^2) - (E(X))^2",
        r"E(2X + 1) = 2E(X) + 1",
        r"E(2X) = 3E(X)",
    ]
    doc.write_text("\n\n".join(f"$$ {r} $$" for r in rows) + "\n", encoding="utf-8")
    ran = run_eqchain("check", "--no-cache", "--format", "json", "--assume", "X moments", doc)
    steps = json.loads(ran.stdout)["derivations"][0]["steps"]
    assert [s["status"] for s in steps] == ["verified", "verified", "refuted"], steps
    # E(X) alone (a row defining a function E), E a value elsewhere (ambiguous), or E defined
    # as a function (E(X^2) is X^4 then): not the expectation
    cases = {
        ("E(X) = 3",): ["definition"],
        ("E(X^2) = E(X)", "E = 2"): ["unreadable", "definition"],
        ("E(w) = w^2", "E(X^2) = E(X)"): ["definition", "refuted"],
    }
    for rows, expected in cases.items():
        doc.write_text("\n\n".join(f"$$ {r} $$" for r in rows) + "\n", encoding="utf-8")
        ran = run_eqchain("check", "--no-cache", "--format", "json", doc)
        steps = json.loads(ran.stdout)["derivations"][0]["steps"]
        assert [s["status"] for s in steps] == expected, (rows, steps)


def test_v_before_brackets_beside_e_as_the_expectation_is_the_variance(tmp_path):
    # Japanese texts write V[X] for the variance (a new user's fuki9216 posts: unreadable)
    doc = tmp_path / "d.md"
    rows = [r"V[X] = E[X^2] - (E[X])^2", r"V[2X] = 4V[X]", r"V[X + 1] = V[X] + 1"]
    doc.write_text("\n\n".join(f"$$ {r} $$" for r in rows) + "\n", encoding="utf-8")
    ran = run_eqchain("check", "--no-cache", "--format", "json", "--assume", "X moments", doc)
    steps = json.loads(ran.stdout)["derivations"][0]["steps"]
    assert [s["status"] for s in steps] == ["verified", "verified", "refuted"], steps
    # V[X] with no expectation written: ambiguous; V a value elsewhere: V times [X]
    cases = {("V[X] = 3",): "unreadable", ("V = 3", "V[X] = 3X", "E[X] = 1"): "verified"}
    for rows, expected in cases.items():
        doc.write_text("\n\n".join(f"$$ {r} $$" for r in rows) + "\n", encoding="utf-8")
        ran = run_eqchain("check", "--no-cache", "--format", "json", doc)
        steps = json.loads(ran.stdout)["derivations"][0]["steps"]
        assert steps[len(rows) > 1]["status"] == expected, (rows, steps)


def test_v_of_a_number_or_of_a_name_no_expectation_holds_is_no_variance(tmp_path):
    # red team 3: V[1] (a value table's entry) was Var(1) = 0, U = E[r] + V[1] = E[r] verified;
    # the Bellman V[s] = E[G] was refuted as a variance
    doc = tmp_path / "d.md"
    for rows in (["U = E[r] + V[1] = E[r]"], ["V[s] = E[G]", "V[s] = E[r]"]):
        doc.write_text("\n\n".join(f"$$ {r} $$" for r in rows) + "\n", encoding="utf-8")
        ran = run_eqchain("check", "--no-cache", "--format", "json", doc)
        steps = json.loads(ran.stdout)["derivations"][0]["steps"]
        assert all(s["status"] not in ("verified", "refuted") for s in steps), steps
