"""The checker's verdicts on whole derivations: verified chains, refutations with real
counterexamples, side conditions, time limits."""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import sympy as sp
from helpers import DIE_SYMBOLS, check_text, claims

from eqchain.api import check_derivations
from eqchain.load.toml_file import load_toml
from eqchain.model import Verdict

ROOT = Path(__file__).resolve().parents[2]
LOG_CHAIN = r"""
[[steps]]
kind = "definition"
claim = 'L = \prod_{k=1}^{K} y_k^{t_k}'
[[steps]]
claim = '\log L = \sum_{k=1}^{K} \log y_k^{t_k}'
by = ["log_both_sides", "log_prod"]
[[steps]]
claim = '= \sum_{k=1}^{K} t_k \log y_k'
by = ["log_pow"]
"""


def test_symbolic_log_likelihood_chain_is_verified(tmp_path):
    results = claims(check_text(tmp_path, DIE_SYMBOLS + LOG_CHAIN))
    assert [r.verdict for r in results] == [Verdict.VERIFIED, Verdict.VERIFIED]
    assert results[0].rules == ("log_both_sides", "log_prod")
    assert results[1].rules == ("log_pow",)


def test_log_rules_with_real_y_are_unknown_naming_positivity(tmp_path):
    symbols = DIE_SYMBOLS.replace('assume = "positive"', 'assume = "real"')
    results = claims(check_text(tmp_path, symbols + LOG_CHAIN))
    assert all(r.verdict is Verdict.UNKNOWN for r in results)
    assert "y_{k} > 0" in results[0].reason
    assert "y_{k} > 0" in results[1].reason


def test_concrete_log_chain_with_real_y_is_never_verified(tmp_path):
    text = (ROOT / "derivations" / "log_likelihood.toml").read_text(encoding="utf-8")
    text = text.replace('assume = "positive"', 'assume = "real"')
    (tmp_path / "ll.toml").write_text(text, encoding="utf-8")
    report = check_derivations(load_toml(str(tmp_path / "ll.toml")))
    log_steps = [
        r
        for d in report.derivations
        for r in d.results
        if any(n.startswith("log_") for n in r.step.by)
    ]
    assert log_steps
    for r in log_steps:
        assert r.verdict is Verdict.UNKNOWN, (r.step.claim, r.verdict)
        assert "> 0" in r.reason


def test_wrong_step_is_refuted_with_a_counterexample_that_really_differs(tmp_path):
    text = DIE_SYMBOLS + LOG_CHAIN.replace(
        r"= \sum_{k=1}^{K} t_k \log y_k", r"= \sum_{k=1}^{K} t_k^{2} \log y_k"
    )
    result = claims(check_text(tmp_path, text))[-1]
    assert result.verdict is Verdict.REFUTED
    cex = result.counterexample
    values = dict(cex.values)
    K = int(values["K"])
    y = {
        int(re.search(r"\d+", k).group()): sp.Rational(v)
        for k, v in values.items()
        if k.startswith("y_")
    }
    t = {
        int(re.search(r"\d+", k).group()): sp.Rational(v)
        for k, v in values.items()
        if k.startswith("t_")
    }
    lhs = sum(sp.log(y[k] ** t[k]) for k in range(1, K + 1))
    rhs = sum(t[k] ** 2 * sp.log(y[k]) for k in range(1, K + 1))
    assert abs(sp.N(lhs - rhs, 50)) > sp.Float("1e-20")
    assert abs(sp.N(lhs, 40) - sp.Float(cex.lhs, 40)) < sp.Float("1e-25")
    assert abs(sp.N(rhs, 40) - sp.Float(cex.rhs, 40)) < sp.Float("1e-25")
    assert all(y[k] > 0 and t[k] >= 0 for k in y)


def test_named_rule_that_does_not_produce_the_step_gives_a_warning(tmp_path):
    text = DIE_SYMBOLS + LOG_CHAIN.replace('by = ["log_pow"]', 'by = ["log_mul"]')
    result = claims(check_text(tmp_path, text))[-1]
    assert result.verdict is Verdict.VERIFIED
    assert "log_pow" in result.rules
    assert any("log_mul" in w and "not produce" in w for w in result.warnings)


def test_missing_by_names_the_rule_found(tmp_path):
    text = DIE_SYMBOLS + LOG_CHAIN.replace('by = ["log_pow"]', "")
    result = claims(check_text(tmp_path, text))[-1]
    assert result.verdict is Verdict.VERIFIED
    assert result.rules == ("log_pow",)


def test_division_by_a_quantity_that_may_be_zero_is_verified_where_it_is_not_zero(tmp_path):
    # x/x = 1 wherever the left side is defined: the step's domain is x != 0, and it says so
    text = """
    [symbols]
    x = "real"
    [[steps]]
    claim = '\\frac{x}{x} = 1'
    """
    result = claims(check_text(tmp_path, text))[-1]
    assert result.verdict is Verdict.VERIFIED, result.reason
    assert result.domain == ("x \\neq 0",)


def test_a_step_that_introduces_a_division_by_a_possible_zero_is_unknown(tmp_path):
    text = """
    [symbols]
    x = "real"
    [[steps]]
    claim = '1 = \\frac{x}{x}'
    """
    result = claims(check_text(tmp_path, text))[-1]
    assert result.verdict is Verdict.UNKNOWN
    assert "x \\neq 0" in result.reason and "introduces" in result.reason


def test_zero_times_log_of_possibly_zero_holds_where_the_log_is_defined(tmp_path):
    text = """
    [symbols]
    x = "nonnegative"
    [[steps]]
    claim = '0 \\cdot \\log x = 0'
    [[steps]]
    claim = '0 = 0 \\cdot \\log x'
    """
    forward, backward = claims(check_text(tmp_path, text))
    assert forward.verdict is Verdict.VERIFIED, forward.reason
    assert forward.domain == ("x \\neq 0",)
    assert backward.verdict is Verdict.UNKNOWN
    assert "x \\neq 0" in backward.reason


def test_runaway_step_ends_unknown_at_the_time_limit_and_next_step_is_checked(tmp_path):
    text = """
    [symbols]
    a = "positive"
    b = "positive"
    c = "positive"
    d = "positive"
    [[steps]]
    claim = '(a+b+c+d)^{40} - (a+b+c+d)^{39} (a+b+c) = d (a+b+c+d)^{39}'
    [[steps]]
    claim = 'a + b = b + a'
    """
    started = time.process_time()
    results = claims(check_text(tmp_path, text, timeout=1.0))
    spent = time.process_time() - started  # the limit counts CPU time, whatever the load
    assert results[0].verdict is Verdict.UNKNOWN
    assert "time limit (1 s of CPU time) ran out" in results[0].reason
    assert "try a smaller step between these two rows" in results[0].reason  # what would decide
    assert spent < 3.0
    assert results[1].verdict is Verdict.VERIFIED


def test_flagship_folder_checks_every_claim_verified(flagship_reports):
    files = sorted((ROOT / "derivations").glob("*.toml"))
    assert files
    assert sorted(flagship_reports) == [f.name for f in files]  # the session's one check
    bad = [
        (r.step.claim, r.verdict, r.reason)
        for report in flagship_reports.values()
        for d in report.derivations
        for r in d.results
        if r.verdict not in (Verdict.VERIFIED, Verdict.GIVEN, Verdict.DEFINITION)
    ]
    assert not bad


def test_checking_does_not_modify_the_derivation_files(tmp_path):
    src = ROOT / "derivations" / "log_likelihood.toml"
    copy = tmp_path / "copy.toml"
    shutil.copy(src, copy)
    before = copy.read_bytes()
    check_derivations(load_toml(str(copy)))
    assert copy.read_bytes() == before
