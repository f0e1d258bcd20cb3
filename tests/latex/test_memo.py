"""Remembered readings are the same trees as fresh ones, and a stored entry is only data."""

from __future__ import annotations

import json

import pytest
import sympy as sp

from eqchain.errors import LatexError
from eqchain.latex import memo
from eqchain.latex.second import read_checked

from .corpus_cases import CASES


def _readable():
    out = []
    for case in CASES:
        if case.rows or case.error or case.functions:
            continue
        try:
            read_checked(case.latex, case.indices)
        except LatexError:
            continue
        out.append(case.latex)
    return out


@pytest.mark.parametrize("text", _readable()[:80])
def test_a_stored_reading_is_the_fresh_reading(text):
    fresh = read_checked(text)
    for side in fresh.sides:
        try:
            tree = memo.encode(side)
        except memo._NotStorable:
            continue
        assert memo.decode(json.loads(json.dumps(tree))) == side
        assert sp.srepr(memo.decode(tree)) == sp.srepr(side)


def test_the_disk_cache_answers_the_second_time(tmp_path, monkeypatch):
    monkeypatch.setenv("EQCHAIN_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("EQCHAIN_NO_CACHE", raising=False)
    monkeypatch.setattr(memo, "_MEMORY", {})
    text = r"\log L = \sum_{k=1}^{K} t_k \log y_k \tag{3.6}"
    first = memo.read_cached(text, frozenset("k"))
    assert list((tmp_path / "readings").rglob("*.json"))
    monkeypatch.setattr(memo, "_MEMORY", {})
    monkeypatch.setattr("eqchain.latex.memo._read", lambda *a, **k: pytest.fail("parsed again"))
    again = memo.read_cached(text, frozenset("k"))
    assert again == first


def test_a_damaged_entry_is_a_miss(tmp_path, monkeypatch):
    monkeypatch.setenv("EQCHAIN_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(memo, "_MEMORY", {})
    text = r"a = b + c"
    key = memo._key(text, frozenset(), frozenset())
    path = memo._path(key)
    path.parent.mkdir(parents=True)
    path.write_text(
        json.dumps(
            {
                "key": key,
                "sides": [["Z", "__import__('os')"]],
                "continues": False,
                "tag": None,
                "annotation": None,
                "defined_function": None,
                "definition": False,
            }
        ),
        encoding="utf-8",
    )
    formula = memo.read_cached(text)
    assert formula.sides == read_checked(text).sides


@pytest.mark.parametrize("tree", [["S", 1, {}], ["f", "eval", []], ["F", ["x"], []], "x", []])
def test_decode_rejects_what_it_does_not_know(tree):
    with pytest.raises((ValueError, KeyError, TypeError, IndexError)):
        memo.decode(tree)


def test_a_family_of_functions_is_stored_as_one():
    from eqchain.latex.applied import family_function
    from eqchain.latex.read import read_formula

    (side,) = read_formula(r"\sum_{n=1}^{N} E_n(w)", functions=frozenset({"E_"})).sides
    assert side.has(family_function("E", 1))
    tree = memo.encode(side)
    assert memo.decode(json.loads(json.dumps(tree))) == side
    assert (
        memo.decode(tree)
        != read_formula(r"\sum_{n=1}^{N} E(n, w)", functions=frozenset({"E"})).sides[0]
    )
