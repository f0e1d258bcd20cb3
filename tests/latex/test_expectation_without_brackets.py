"""``\\mathbb{E}`` without brackets (``\\mathbb{E}_q \\log \\frac{p}{q}``): the expectation of the
one term after it, up to the next ``+`` or ``-`` at its level or the end of the side (as a
``\\sum``'s body and ``\\log a + b``). Where that term is a product (``\\mathbb{E} X Y``,
``\\mathbb{E} X \\cdot Y``: E[XY] or E[X] Y?) or holds another expectation, or a sign follows it
that another ``\\mathbb{E}`` does not (``\\mathbb{E} X + 1``), it is ambiguous and rejected,
naming the column and what to write instead."""

from __future__ import annotations

import json

import pytest
import sympy as sp
from helpers import run_eqchain

from eqchain.errors import LatexError
from eqchain.latex.read import read_formula


def side(text):
    return read_formula(text).sides


def test_the_term_after_it_is_the_expectations_argument():
    [plain] = side(r"\mathbb{E}_q \log \frac{a}{b}")
    [bracketed] = side(r"\mathbb{E}_q \left[ \log \frac{a}{b} \right]")
    assert sp.srepr(plain) == sp.srepr(bracketed)


def test_the_argument_ends_at_plus_or_minus():
    [plain] = side(r"-\mathbb E_q \log\frac{a}{c} - \mathbb E_q \log\frac{1}{b}")
    [bracketed] = side(r"-\mathbb E_q [\log\frac{a}{c}] - \mathbb E_q [\log\frac{1}{b}]")
    assert sp.srepr(plain) == sp.srepr(bracketed)


def test_a_power_is_one_term():
    [plain] = side(r"1 + \mathbb{E} X^2")
    [bracketed] = side(r"1 + \mathbb{E}[X^2]")
    assert sp.srepr(plain) == sp.srepr(bracketed)


@pytest.mark.parametrize("text", [r"\mathbb{E} X^2 + 1", r"\mathbb{E}_q \log a - \log b"])
def test_a_sign_after_it_not_followed_by_another_expectation_is_ambiguous(text):
    with pytest.raises(LatexError, match=r"ambiguous: where does the argument") as info:
        read_formula(text)
    assert info.value.column == 1


@pytest.mark.parametrize(
    "text",
    [
        r"\mathbb{E} X Y",
        r"\mathbb{E} X \cdot Y",
        r"\mathbb{E} X \mathbb{E} Y",
        r"\mathbb{E} 2 X",
        r"\mathbb{E} \frac{X}{2}",
    ],
)
def test_a_product_after_it_is_ambiguous(text):
    with pytest.raises(LatexError, match=r"ambiguous.*\\mathbb\{E\}\[") as info:
        read_formula(text)
    assert info.value.column == text.index("\\mathbb") + 1


def test_nothing_after_it_is_still_rejected():
    with pytest.raises(LatexError, match="without"):
        read_formula(r"\mathbb{E} + 1")


def _steps(tmp_path, *rows):
    doc = tmp_path / "d.md"
    doc.write_text("# t\n\n" + "\n\n".join(f"$$\n{r}\n$$" for r in rows) + "\n", encoding="utf-8")
    ran = run_eqchain("check", "--no-cache", "--format", "json", str(doc))
    return [(s["line"], s["status"]) for s in json.loads(ran.stdout)["derivations"][0]["steps"]]


def test_cli_verifies_linearity_written_without_brackets(tmp_path):
    rows = r"\mathbb{E}_q \log (a b) = \mathbb{E}_q \log a + \mathbb{E}_q \log b"
    steps = _steps(tmp_path, rows)
    assert steps[-1][1] in ("verified", "unknown")
    assert all(status != "unreadable" for _, status in steps)


def test_cli_refutes_a_wrong_step_without_brackets(tmp_path):
    steps = _steps(tmp_path, r"\mathbb{E} (X + 1) = 2 + \mathbb{E} X")
    assert steps[-1][1] == "refuted"


def test_cli_reports_the_ambiguous_product_unreadable(tmp_path):
    steps = _steps(tmp_path, r"\mathbb{E} X Y = \mathbb{E} X Y")
    assert steps[-1][1] == "unreadable"


@pytest.mark.parametrize("text", [r"E X = 1", r"EX^2 = 1", r"\mathrm{E} Y + 2", r"1 + E Z"])
def test_an_italic_e_before_a_capital_letter_is_ambiguous(text):
    # Markov's inequality as a public note writes it, E X = \int_0^\infty x e^{-x} dx = 1: read
    # as E times X it was refuted at E = -9/4, X = -12
    with pytest.raises(LatexError, match="may be the expectation of"):
        read_formula(text)


@pytest.mark.parametrize(
    "text",
    [
        r"E x",
        r"E = m c^2",
        r"E_n X",
        r"\frac{\partial E}{\partial W}",
        # Young's modulus times the second moment of area, E I; E A; events E F (a red team)
        r"M = E I \kappa",
        r"E A",
        r"P(E F)",
    ],
)
def test_an_e_before_anything_else_is_a_name(text):
    assert read_formula(text).sides


def test_the_document_row_is_unreadable_not_refuted(tmp_path):
    doc = tmp_path / "d.md"
    doc.write_text("$$ E X = \\int_0^\\infty x e^{-x} dx = 1 $$\n", encoding="utf-8")
    steps = json.loads(run_eqchain("check", "--format", "json", str(doc)).stdout)
    statuses = {s["status"] for s in steps["derivations"][0]["steps"]}
    assert "refuted" not in statuses and "unreadable" in statuses
