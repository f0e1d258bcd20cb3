r"""A row of an align that is only a reason stating an equation, ``\because p &= \frac{1}{1 +
e^{-z}}`` between ``J &= -\ln(p)`` and ``&= -\ln(\frac{1}{1 + e^{-z}})`` (a public logistic-
regression post). It was read as prose beside nothing and dropped, and the row after it,
continuing J's chain with p free, was refuted (p = 2). eqchain reads no premise there: the row
is unreadable, saying so, and the row after it is not checked against a chain it cannot see. A
reason beside a formula, ``a = b \quad (\because x > 0)``, stays the row's annotation."""

from __future__ import annotations

from helpers import document_steps

DOCUMENT = r"""Let $z = w x + b$.

$$
\begin{align*}
J &= -\ln(p) \\
\because p &= \frac{1}{1 + e^{-z}} \\
&= -\ln(\frac{1}{1 + e^{-z}})
\end{align*}
$$
"""


def test_the_reason_row_is_unreadable_and_nothing_after_it_is_refuted(tmp_path):
    steps = document_steps(tmp_path, DOCUMENT)
    assert [s["status"] for s in steps if s["line"] == 6] == ["unreadable"], steps
    assert "refuted" not in [s["status"] for s in steps], steps


def test_a_reason_beside_a_formula_is_its_annotation(tmp_path):
    steps = document_steps(tmp_path, "$$\n(a + 1)^2 = a^2 + 2a + 1 \\quad (\\because x > 0)\n$$\n")
    assert [s["status"] for s in steps] == ["verified"], steps


def test_a_reason_in_a_column_beside_a_formula_is_its_annotation(tmp_path):
    text = (
        "$$\n\\begin{align}\nV &= a + a & & \\because a = b \\\\\n & = 2a & & \\because a = b"
        "\n\\end{align}\n$$\n"
    )
    steps = document_steps(tmp_path, text)
    assert "unreadable" not in [s["status"] for s in steps], steps
