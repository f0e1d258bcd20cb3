"""Automatic derivation: the log rules applied until none applies, every step checked."""

from __future__ import annotations

from eqchain.api import check_derivations
from eqchain.derive import derive
from eqchain.load.toml_file import dump_derivation, load_toml
from eqchain.model import SymbolDecl, Verdict

DIE = (
    SymbolDecl("K", ("integer", "positive")),
    SymbolDecl("y", ("positive",), ("k",), (("1", "K"),)),
    SymbolDecl("t", ("nonnegative",), ("k",), (("1", "K"),)),
)
WRITTEN_OUT = (
    r"\log (y_{1}^{t_{1}} y_{2}^{t_{2}} y_{3}^{t_{3}} y_{4}^{t_{4}} y_{5}^{t_{5}} y_{6}^{t_{6}})"
)


def _rules_and_verdicts(derived):
    report = check_derivations([derived.derivation])
    return [(r.step.by, r.verdict) for r in report.derivations[0].results]


def test_written_out_product_reaches_the_sum_through_the_steps_of_3_5_and_3_6():
    derived = derive(WRITTEN_OUT, DIE)
    steps = _rules_and_verdicts(derived)
    assert [by for by, _ in steps] == [("log_mul",), ("log_pow",), ("sum_fold",)]
    assert all(v is Verdict.VERIFIED for _, v in steps)
    last = derived.derivation.steps[-1]
    assert last.claim == r"= \sum_{k=1}^{6} t_{k} \log{\left(y_{k} \right)}" or "sum" in last.claim


def test_symbolic_product_reaches_the_sum_over_k():
    derived = derive(r"\log \prod_{k=1}^{K} y_k^{t_k}", DIE)
    steps = _rules_and_verdicts(derived)
    assert [by for by, _ in steps] == [("log_prod",), ("log_pow",)]
    assert all(v is Verdict.VERIFIED for _, v in steps)


def test_without_positivity_no_log_rule_applies_and_the_reason_is_named():
    real_y = (DIE[0], SymbolDecl("y", ("real",), ("k",), (("1", "K"),)), DIE[2])
    derived = derive(r"\log \prod_{k=1}^{K} y_k^{t_k}", real_y)
    assert derived.derivation.steps == ()
    assert derived.blocked is not None and "y_{k} > 0" in derived.blocked


def test_saved_derivation_checks(tmp_path):
    derived = derive(WRITTEN_OUT, DIE)
    path = tmp_path / "out.toml"
    path.write_text(dump_derivation(derived.derivation), encoding="utf-8")
    report = check_derivations(load_toml(str(path)))
    verdicts = [r.verdict for r in report.derivations[0].results]
    assert verdicts and all(v is Verdict.VERIFIED for v in verdicts)


def test_rule_families_limit_the_rules():
    derived = derive(WRITTEN_OUT, DIE, families=("log",))
    assert [s.by for s in derived.derivation.steps] == [("log_mul",), ("log_pow",)]
