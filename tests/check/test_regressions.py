"""Defects found by reviewers, each kept as a test."""

from __future__ import annotations

from helpers import DIE_SYMBOLS, check_text, claims

from eqchain.model import Verdict


def test_a_refuted_link_breaks_the_chain_for_later_steps(tmp_path):
    text = """
    [symbols]
    a = "real"
    [[steps]]
    kind = "given"
    claim = 'a = 1'
    [[steps]]
    claim = 'a = 1'
    [[steps]]
    claim = '= 2'
    [[steps]]
    claim = '= 2 \\cdot 1'
    [[steps]]
    claim = 'a = 2'
    """
    results = claims(check_text(tmp_path, text))
    assert results[1].verdict is Verdict.REFUTED
    assert results[-1].verdict is not Verdict.VERIFIED


def test_substituting_into_a_derivative_variable_does_not_crash(tmp_path):
    text = """
    [symbols]
    x = "real"
    lambda = "real"
    [[steps]]
    kind = "given"
    claim = 'x = \\frac{\\lambda}{2}'
    [[steps]]
    claim = '\\frac{d}{dx} x^{2} = 2 x'
    """
    result = claims(check_text(tmp_path, text))[-1]
    assert result.verdict in (Verdict.VERIFIED, Verdict.UNKNOWN)


def test_a_free_index_is_sampled_inside_its_declared_range(tmp_path):
    text = (
        DIE_SYMBOLS
        + """
    [[steps]]
    claim = '\\frac{\\partial}{\\partial y_k} \\sum_{j=1}^{K} t_j \\log y_j = \\frac{t_k}{y_k}'
    """
    )
    result = claims(check_text(tmp_path, text))[-1]
    assert result.verdict is not Verdict.REFUTED, result.counterexample
