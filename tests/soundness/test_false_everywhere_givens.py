"""Red team 27: an equation false at every value is no given.

A row whose two sides differ by a number once simplified (``\\sin^2 b + \\cos^2 b = 2``, a limit
whose value does not depend on the free name) holds nowhere: taken as a given it was a false
premise, shown as a given with exit status 0, and a false claim after it was verified by
``scale_equation`` (``\\sin^2 b = 2 - \\cos^2 b``). It is a claim (refuted), in a document, and
invalid input as a declared given of a derivation file. The consistent twin stays a given.
"""

from __future__ import annotations

import pytest

from eqchain.errors import InputError
from eqchain.model import Verdict

from .judged import check_file, check_markdown


def _doc(*rows: str) -> str:
    return "".join(f"Text.\n\n$$\n{r}\n$$\n\n" for r in rows)


FALSE_EVERYWHERE = [
    ("pythagoras_two", "\\sin^2 b + \\cos^2 b = 2", "\\sin^2 b = 2 - \\cos^2 b"),
    ("log_of_product", "\\log(2 e^{b}) - b = 1", "\\log(2 e^{b}) = b + 1"),
    (
        "left_limit_sign",
        "\\lim_{x \\to d^-} \\frac{|x - d|}{x - d} = 1",
        "\\lim_{x \\to d^-} \\frac{|x - d|}{x - d} + 2 = 3",
    ),
]


@pytest.mark.parametrize(
    ("row", "after"), [c[1:] for c in FALSE_EVERYWHERE], ids=[c[0] for c in FALSE_EVERYWHERE]
)
def test_a_row_false_everywhere_is_refuted_and_nothing_follows(tmp_path, row, after):
    results = check_markdown(tmp_path, _doc(row, after))
    assert results[0].verdict is Verdict.REFUTED, (results[0].verdict, results[0].reason)
    assert results[1].verdict is not Verdict.VERIFIED, (results[1].verdict, results[1].reason)


def test_the_consistent_twin_is_a_given(tmp_path):
    results = check_markdown(
        tmp_path, _doc("\\sin^2 b + 2 \\cos^2 b = 2", "\\cos^2 b = 2 - \\sin^2 b - \\cos^2 b")
    )
    assert [r.verdict for r in results] == [Verdict.GIVEN, Verdict.VERIFIED]


def test_a_declared_given_false_everywhere_is_invalid_input(tmp_path):
    text = (
        '[symbols]\nb = "real"\n'
        "[[steps]]\nkind = \"given\"\nclaim = '\\sin^2 b + \\cos^2 b = 2'\n"
        "[[steps]]\nclaim = '1 + 1 = 2'\n"
    )
    with pytest.raises(InputError, match="contradicts"):
        check_file(tmp_path, text)
