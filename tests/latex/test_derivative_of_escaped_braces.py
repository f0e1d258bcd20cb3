"""A derivative operator before escaped braces differentiates what they hold.

Found by a helper on a Japanese post on the binomial's moment generating function:
``\\frac{d}{dt} \\{ a e^t + 1 - a \\}`` was unreadable, "\\{ without \\}" (the operand was read as
the rest of the term, cut at the + inside the braces); parentheses and brackets were read."""

from __future__ import annotations

import pytest
import sympy as sp

from eqchain.errors import LatexError
from eqchain.latex.read import read_formula

a, b, t = sp.symbols("a b t")


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (r"y = \frac{d}{dt}\{ a e^t + b \}", a * sp.exp(t) + b),
        (r"y = \frac{d}{dt} \left\{ a e^t + b \right\}", a * sp.exp(t) + b),
        (r"y = \frac{d}{dt} \Bigl\{ a e^t + b \Bigr\}", a * sp.exp(t) + b),
        (r"y = \frac{d}{dt}\{ a e^t + b \}^2", (a * sp.exp(t) + b) ** 2),
    ],
)
def test_the_braces_are_the_operand(text, body):
    (_, rhs) = read_formula(text).sides
    assert isinstance(rhs, sp.Derivative)
    assert (
        sp.simplify(rhs.expr.subs({s: sp.Symbol(s.name) for s in rhs.expr.free_symbols}) - body)
        == 0
    )


@pytest.mark.parametrize(
    "text",
    [
        r"y = \frac{d}{dt}\{ a + b \} c",  # what does it apply to?
        r"y = \frac{d}{dt}\{ a, b \}",  # a set
        r"y = \frac{d}{dt}\{ a + b",  # unclosed
    ],
)
def test_what_stays_unreadable(text):
    with pytest.raises(LatexError):
        read_formula(text)


def test_end_to_end(tmp_path):
    from helpers import check_document_rows

    rows = (
        r"\frac{d}{d t} \{ a e^t + 1 - a \} = a e^t",
        r"\frac{d}{d t} \{ a e^t + 1 - a \} = e^t",
    )
    assert [s["status"] for s in check_document_rows(tmp_path, *rows)] == ["verified", "refuted"]
