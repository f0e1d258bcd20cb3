"""``\\mathbb{E}_{D,\\varepsilon}[...]``: an expectation over several variables together.

Found by a helper on a public bias-variance decomposition: every row with
``\\mathbb{E}_{D,\\varepsilon}`` was "not supported: this subscript of an expectation" (seven
rows lost). The subscript is kept as written (``Tuple(D, varepsilon)``);
the names it lists are random, every other name held fixed, as under ``E_x``
(check/expectations.py)."""

from __future__ import annotations

import sympy as sp
from helpers import check_document_rows

from eqchain.latex.read import read_formula
from eqchain.operators import Expectation


def test_read_with_its_names():
    (_, rhs) = read_formula(r"a = \mathbb{E}_{D,\varepsilon}[x + \varepsilon]").sides
    assert isinstance(rhs, Expectation)
    assert rhs.under == (sp.Tuple(sp.Symbol("D"), sp.Symbol("varepsilon")),)


def statuses(tmp_path, row):
    return [s["status"] for s in check_document_rows(tmp_path, row, assume="a constant")]


E = r"\mathbb{E}_{D,\varepsilon}"


def test_linearity_and_its_errors(tmp_path):
    valid = E + r"[a X + \varepsilon] = a " + E + r"[X] + " + E + r"[\varepsilon]"
    assert statuses(tmp_path, valid) != ["refuted"]
    body = E + r"[(f + \varepsilon)^2] = " + E + r"[f^2 + 2 f \varepsilon + \varepsilon^2]"
    assert statuses(tmp_path, body) == ["verified"]
    wrong = body.replace("2 f", "3 f")
    assert statuses(tmp_path, wrong) == ["refuted"]
