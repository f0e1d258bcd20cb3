"""The second, independent reading with latex2sympy2, and ambiguity checks."""

from __future__ import annotations

import subprocess
import sys

import pytest
import sympy as sp
from sympy.core.parameters import global_parameters

from eqchain.errors import LatexError
from eqchain.latex import second
from eqchain.latex.second import (
    SecondReadingFailed,
    check_ambiguity,
    compare_readings,
    read_second,
)
from eqchain.tree import canonical


def test_the_second_reading_uses_eqchains_conventions():
    (expr,) = read_second(r"\sum_{k=1}^{K} t_k \log y_k")
    y, t, k = sp.IndexedBase("y"), sp.IndexedBase("t"), sp.Symbol("k")
    assert canonical(expr) == canonical(sp.Sum(t[k] * sp.log(y[k]), (k, 1, sp.Symbol("K"))))


def test_log_is_natural_in_the_second_reading_too():
    (expr,) = read_second(r"\log x")
    assert expr == sp.log(sp.Symbol("x"))


def test_readings_agree_on_an_unambiguous_formula():
    result = compare_readings(r"L = \prod_{k=1}^{6} y_k^{t_k}")
    assert result.agree is True and result.method == "structural"
    check_ambiguity(r"L = \prod_{k=1}^{6} y_k^{t_k}")


def test_an_ellipsis_is_compared_through_the_terms_it_hides():
    result = compare_readings(r"\log L = t_1 \log y_1 + \cdots + t_K \log y_K")
    assert result.agree is True


def test_a_mixed_number_is_ambiguous_latex_rejected_by_eqchains_own_parser():
    # latex2sympy2 reads 2 \frac{1}{2} as 5/2, SymPy's parser as 2 * 1/2: eqchain's parser
    # rejects it itself, so that the default path (no cross-check) never misreads it.
    with pytest.raises(LatexError) as info:
        check_ambiguity(r"2 \frac{1}{2} = 1")
    message = info.value.message
    assert message.startswith("ambiguous LaTeX:") and "mixed number" in message
    assert info.value.column == 1


def test_the_ambiguity_points_at_the_number_before_the_fraction():
    with pytest.raises(LatexError) as info:
        check_ambiguity(r"x = 3 \frac{1}{4}")
    assert info.value.column == 5


def test_a_reading_that_differs_is_reported_with_both_readings_and_the_reader(monkeypatch):
    monkeypatch.setattr(second, "agree", lambda a, b: (False, "structural"))
    with pytest.raises(LatexError) as info:
        check_ambiguity("a = b + c")
    message = info.value.message
    assert message.startswith("ambiguous LaTeX:")
    assert "eqchain's parser" in message and "SymPy's parser" in message
    assert info.value.column == 1


def test_when_the_second_reader_cannot_read_it_is_recorded_not_an_error(monkeypatch):
    def refuse(text):
        raise SecondReadingFailed("I don't understand this")

    monkeypatch.setattr(second, "_latex2sympy", refuse)
    result = compare_readings("a = b + c")
    assert result.second is None and result.agree is None
    assert "could not read" in result.method
    check_ambiguity("a = b + c")


def test_the_first_readers_errors_are_raised():
    with pytest.raises(LatexError, match="unknown LaTeX command"):
        compare_readings(r"\foo = 1")


def test_nothing_leaks_between_documents():
    compare_readings("a = 2")
    (expr,) = read_second("a + 1")
    assert expr.has(sp.Symbol("a"))
    assert global_parameters.evaluate is True and global_parameters.distribute is True


def test_a_decimal_reads_the_same_exact_number_in_both_readings():
    result = compare_readings("0.1 x")
    assert result.agree is True and result.first == (sp.Symbol("x") / 10,)


def test_numeric_agreement_is_reported_when_structures_differ():
    from eqchain.latex.agreement import agree

    x = sp.Symbol("x")
    assert agree(sp.sin(x) ** 2 + sp.cos(x) ** 2, sp.Integer(1)) == (True, "numeric")
    assert agree(sp.sin(x) ** 2, sp.cos(x) ** 2) == (False, "numeric")


def test_derivatives_and_functions_are_compared_as_written():
    result = compare_readings(r"\frac{\partial}{\partial x} \left( x f(x) \right)", functions={"f"})
    assert result.agree is True


@pytest.mark.parametrize("module", ["eqchain.latex.read", "eqchain.latex.second"])
def test_importing_the_reader_loads_neither_parser(module):
    code = (
        f"import sys, {module}; "
        "print(any(m.startswith(('latex2sympy2_extended', 'sympy.parsing.latex', 'antlr4')) "
        "for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
