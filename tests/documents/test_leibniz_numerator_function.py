r"""``\frac{d\sigma(x)}{dx}`` applies sigma: the d before it is the differential, no word's letter.

Found by a helper on a Japanese logistic-regression post: the d of the numerator was taken for
the first letter of a run (as V and a before r in ``Var(X)``), so sigma was no function anywhere:
``\mu = \sigma(\bm{w}^T\bm{x})`` read as a product, the definition ``\sigma(x) = ...`` and the
derivative row unknown. ``\frac{d}{dx}\sigma(x)`` was read right."""

from __future__ import annotations

from helpers import check_document_rows

ROWS = (
    r"\mu = \sigma(w x)",
    r"\sigma(x) = \frac{1}{1 + e^{-x}}",
    r"\frac{d\sigma(x)}{dx} = \sigma(x)(1 - \sigma(x))",
)


def test_the_numerator_applies_the_function(tmp_path):
    got = [s["status"] for s in check_document_rows(tmp_path, *ROWS)]
    assert got == ["definition", "definition", "verified"], got


def test_a_wrong_derivative_is_refuted(tmp_path):
    rows = (*ROWS[:2], r"\frac{d\sigma(x)}{dx} = \sigma(x)(1 + \sigma(x))")
    got = [s["status"] for s in check_document_rows(tmp_path, *rows)]
    assert got[-1] == "refuted", got


def test_a_word_before_parentheses_is_still_a_run():
    from eqchain.latex.applied import Uses

    uses = Uses()
    uses.add_text(r"y = \frac{dVar(X)}{dx}")
    assert "r" not in uses.functions(frozenset())
