"""Every corpus formula is read as intended, or rejected with a clear error; none is misread."""

from __future__ import annotations

import pytest

from eqchain.errors import LatexError
from eqchain.latex.read import chain_sides, read_formula, read_rows
from eqchain.latex.second import compare_readings
from eqchain.tree import canonical

from .corpus_cases import CASES

# Formulas the other readers read differently on purpose: the LaTeX really is ambiguous (and
# eqchain's parser rejects them itself; none is left).
KNOWN_AMBIGUOUS: set[str] = set()


def read_sides(case):
    if case.rows:
        return chain_sides(f for _, f in read_rows(case.latex, case.indices, case.functions))
    return read_formula(case.latex, case.indices, case.functions).sides


def test_corpus_has_at_least_seventy_cases():
    assert len(CASES) >= 70
    assert len({c.id for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_corpus_formula_is_read_as_intended_or_rejected(case):
    if case.error is not None:
        with pytest.raises(case.error) as info:
            read_sides(case)
        assert case.message in info.value.message
        assert info.value.column is None or info.value.column >= 1
        return
    sides = read_sides(case)
    expected = case.expected if isinstance(case.expected, list) else [case.expected]
    assert len(sides) == len(expected), f"read {sides}"
    for got, want in zip(sides, expected, strict=True):
        assert canonical(got) == canonical(want), f"read {got}, meant {want}"


SINGLE_ROW = [c for c in CASES if c.error is None and not c.rows]


@pytest.mark.parametrize("case", SINGLE_ROW, ids=[c.id for c in SINGLE_ROW])
def test_corpus_formula_reads_the_same_with_the_second_reader(case):
    result = compare_readings(case.latex, case.indices, case.functions)
    if case.id in KNOWN_AMBIGUOUS:
        assert result.agree is False
    else:
        assert result.agree is not False, f"{result.first} vs {result.second}"


def test_rejections_carry_a_column():
    for case in CASES:
        if case.error is None:
            continue
        try:
            read_sides(case)
        except LatexError as err:
            assert err.column is not None, case.id
