"""Soundness 28: an equation whose sides differ by a nonzero number is refuted, also when they
hold an unknown function.

``f(b) + 1 = f(b)`` (f declared a function) ended unknown, "could not be decided (SymPy:
TypeError: cannot create mpf from re(f(-1)) + 1.0)": the refuter found the point (the sides
differ by 1 whatever f is) but could not write the sides as decimals. They are shown as LaTeX.
A step that depends on f's values stays unknown.
"""

from __future__ import annotations

from eqchain.model import Verdict

from .judged import check_file, check_markdown

SYMBOLS = '[symbols]\nb = "real"\nf = { function = true }\n'


def _file(claim: str) -> str:
    return SYMBOLS + f"[[steps]]\nclaim = '{claim}'\n"


def test_sides_differing_by_a_number_are_refuted(tmp_path):
    (result,) = check_file(tmp_path, _file("f(b) + 1 = f(b)"))
    assert result.verdict is Verdict.REFUTED, (result.verdict, result.reason)
    assert "f" in result.counterexample.lhs, result.counterexample


def test_in_a_document_too(tmp_path):
    (result,) = check_markdown(tmp_path, "Text.\n\n$$\nf(b) + 1 = f(b) + 2\n$$\n")
    assert result.verdict is Verdict.REFUTED, (result.verdict, result.reason)


def test_the_true_step_is_verified(tmp_path):
    (result,) = check_file(tmp_path, _file("f(b) + 1 - 1 = f(b)"))
    assert result.verdict is Verdict.VERIFIED, (result.verdict, result.reason)


def test_a_step_on_the_values_of_f_stays_unknown(tmp_path):
    (result,) = check_file(tmp_path, _file("f(b) = f(1)"))
    assert result.verdict is Verdict.UNKNOWN, (result.verdict, result.reason)
