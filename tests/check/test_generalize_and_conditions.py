"""Generalisation, claims that hold for particular values only, and definedness conditions.

For each: the valid case (verified), the wrong case (refuted, with a counterexample) and the case
whose side condition is not established (unknown, naming it).
"""

from __future__ import annotations

import pytest
from helpers import DIE_SYMBOLS, check_text, claims

from eqchain.errors import InputError
from eqchain.model import Verdict

# -- generalize -----------------------------------------------------------------------------

ARTICLE_STYLE = (
    DIE_SYMBOLS
    + r"""
[[steps]]
kind = "definition"
claim = 'L = \prod_{k=1}^{6} y_k^{t_k}'
[[steps]]
label = "3.6"
claim = '\log L = \sum_{k=1}^{6} t_k \log y_k'
where = { K = 6 }
[[steps]]
label = "4.2"
claim = '\log L = \sum_{k=1}^{K} t_k \log y_k'
by = ["generalize"]
instance = { K = 6 }
of = "3.6"
[[steps]]
kind = "definition"
claim = 'E = -\log L'
[[steps]]
claim = 'E = -\sum_{k=1}^{K} t_k \log y_k'
"""
)


def test_generalisation_is_verified_for_every_k_and_says_how_l_is_read(tmp_path):
    results = claims(check_text(tmp_path, ARTICLE_STYLE))
    assert results[0].verdict is Verdict.VERIFIED and results[0].conditional  # K = 6 only
    general = results[1]
    assert general.verdict is Verdict.VERIFIED
    assert general.rules[0] == "generalize"
    assert "its instance K = 6 is (3.6)" in general.reason
    assert "holds for every K" in general.reason
    assert r"L read as \prod_{k=1}^{K}" in general.reason
    assert results[-1].verdict is Verdict.VERIFIED


def test_generalisation_of_a_claim_true_only_for_its_instance_is_refuted(tmp_path):
    text = r"""
    [symbols]
    K = "integer positive"
    [[steps]]
    label = "a"
    claim = '\sum_{k=1}^{6} k = 21'
    [[steps]]
    claim = '\sum_{k=1}^{K} k = 21'
    by = ["generalize"]
    instance = { K = 6 }
    of = "a"
    """
    result = claims(check_text(tmp_path, text))[-1]
    assert result.verdict is Verdict.REFUTED
    assert result.counterexample is not None
    assert "its instance K = 6 is (a)" in result.reason


def test_generalisation_whose_general_claim_is_false_for_negative_values_is_refuted(tmp_path):
    # K may be negative: SymPy would read the sum with Karr's convention (= K), a reader as
    # empty (= 0), and so do the checker and the refuter (README): K = -1 refutes it.
    text = r"""
    [symbols]
    K = "integer"
    [[steps]]
    label = "a"
    claim = '6 = \sum_{k=1}^{6} 1'
    [[steps]]
    claim = 'K = \sum_{k=1}^{K} 1'
    by = ["generalize"]
    instance = { K = 6 }
    """
    result = claims(check_text(tmp_path, text))[-1]
    assert result.verdict is Verdict.REFUTED, result.reason
    assert int(dict(result.counterexample.values)["K"]) < 0, result.counterexample


def test_generalisation_from_the_sum_holds_where_its_range_does_not_run_backwards(tmp_path):
    text = r"""
    [symbols]
    K = "integer"
    [[steps]]
    label = "a"
    claim = '\sum_{k=1}^{6} 1 = 6'
    [[steps]]
    claim = '\sum_{k=1}^{K} 1 = K'
    by = ["generalize"]
    instance = { K = 6 }
    """
    result = claims(check_text(tmp_path, text))[-1]
    assert result.verdict is Verdict.VERIFIED, result.reason
    assert result.domain == (r"K \geq 0",)


def test_a_generalisation_whose_instance_is_not_the_named_equation_is_warned(tmp_path):
    text = r"""
    [symbols]
    K = "integer positive"
    [[steps]]
    label = "a"
    claim = '\sum_{k=1}^{6} 1 = 6'
    [[steps]]
    claim = '\sum_{k=1}^{K} 2 = 2 K'
    by = ["generalize"]
    instance = { K = 6 }
    of = "a"
    """
    result = claims(check_text(tmp_path, text))[-1]
    assert result.verdict is Verdict.VERIFIED
    assert any("is not (a)" in w for w in result.warnings)


# -- claims checked for particular values ------------------------------------------------------

ONE_HOT = (
    DIE_SYMBOLS
    + r"""
[[steps]]
kind = "definition"
claim = 'L = \prod_{k=1}^{K} y_k^{t_k}'
[[steps]]
claim = '\log L = \log y_1'
where = { K = 3, t = [1, 0, 0] }
"""
)


def test_a_claim_checked_for_values_is_verified_for_them(tmp_path):
    result = claims(check_text(tmp_path, ONE_HOT))[-1]
    assert result.verdict is Verdict.VERIFIED
    assert result.conditional


def test_a_claim_checked_for_values_is_no_fact_for_later_steps(tmp_path):
    text = ONE_HOT + "[[steps]]\nclaim = '\\log L = \\log y_1'\n"
    result = claims(check_text(tmp_path, text))[-1]
    assert result.verdict is Verdict.REFUTED
    assert result.counterexample is not None


def test_a_claim_checked_for_values_serves_a_later_step_with_the_same_values(tmp_path):
    text = ONE_HOT + "[[steps]]\nclaim = 'L = y_1'\nwhere = { K = 3, t = [1, 0, 0] }\n"
    result = claims(check_text(tmp_path, text))[-1]
    assert result.verdict is Verdict.VERIFIED


def test_a_chain_through_a_step_with_values_is_no_fact(tmp_path):
    text = (
        ONE_HOT.replace("'\\log L = \\log y_1'", "'\\log L = \\log (y_1^{1} y_2^{0} y_3^{0})'")
        + "[[steps]]\nclaim = '= \\log y_1'\n"
        + "[[steps]]\nclaim = 'L = y_1'\n"
    )
    results = claims(check_text(tmp_path, text))
    assert [r.verdict for r in results[:2]] == [Verdict.VERIFIED, Verdict.VERIFIED]
    assert results[-1].verdict is not Verdict.VERIFIED


# -- definedness: logarithms, powers, empty ranges, division by zero ----------------------------


@pytest.mark.parametrize(
    ("assume", "claim", "verdict", "needs"),
    [
        ("positive", r"\log y - \log y = 0", Verdict.VERIFIED, None),
        # verified where the left side is defined (y != 0); the other way round, introduced
        ("nonnegative", r"\log y - \log y = 0", Verdict.VERIFIED, r"y \neq 0"),
        ("nonnegative", r"0 = \log y - \log y", Verdict.UNKNOWN, r"y \neq 0"),
        ("positive", r"\log y - \log y = 1", Verdict.REFUTED, None),
        ("positive", r"y^{a} y^{-a} = 1", Verdict.VERIFIED, None),
        ("real", r"y^{a} y^{-a} = 1", Verdict.VERIFIED, r"y \neq 0"),
        ("real", r"1 = y^{a} y^{-a}", Verdict.UNKNOWN, r"y \neq 0"),
        ("positive", r"y^{a} y^{-a} = 2", Verdict.REFUTED, None),
        ("real", r"e^{2 \log y} = y^{2}", Verdict.VERIFIED, r"y \neq 0"),
        ("real", r"y^{2} = e^{2 \log y}", Verdict.UNKNOWN, r"y \neq 0"),
    ],
)
def test_logarithms_and_powers_need_a_nonzero_argument(tmp_path, assume, claim, verdict, needs):
    text = f'[symbols]\ny = "{assume}"\na = "real"\n[[steps]]\nclaim = \'{claim}\'\n'
    result = claims(check_text(tmp_path, text))[-1]
    assert result.verdict is verdict, result.reason
    if needs and verdict is Verdict.VERIFIED:
        assert result.domain == (needs,)
    elif needs:
        assert needs in result.reason
    if verdict is Verdict.REFUTED:
        assert result.counterexample is not None


@pytest.mark.parametrize("claim", [r"\frac{1}{0} = \frac{2}{0}", r"\log 0 = -\log 0"])
def test_undefined_numbers_on_both_sides_are_not_equal(tmp_path, claim):
    result = claims(check_text(tmp_path, f"[[steps]]\nclaim = '{claim}'\n"))[-1]
    assert result.verdict is Verdict.UNKNOWN
    assert r"0 \neq 0" in result.reason


@pytest.mark.parametrize(
    ("k_assume", "claim", "verdict"),
    [
        ("integer positive", r"\sum_{k=1}^{K} 1 = K", Verdict.VERIFIED),
        ("integer", r"\sum_{k=1}^{K} 1 = K", Verdict.VERIFIED),  # where K >= 0
        # K = -2: the sum over 1..-2 is empty (0) to a reader, and the refuter reads it so
        ("integer", r"K = \sum_{k=1}^{K} 1", Verdict.REFUTED),
        ("integer positive", r"\sum_{k=1}^{K} 1 = K + 1", Verdict.REFUTED),
    ],
)
def test_a_sum_over_a_symbolic_range_needs_it_not_to_run_backwards(
    tmp_path, k_assume, claim, verdict
):
    text = f"[symbols]\nK = \"{k_assume}\"\n[[steps]]\nclaim = '{claim}'\n"
    result = claims(check_text(tmp_path, text))[-1]
    assert result.verdict is verdict, result.reason
    if verdict is Verdict.UNKNOWN:
        assert r"K \geq 0" in result.reason
    if verdict is Verdict.REFUTED and k_assume == "integer":
        assert int(dict(result.counterexample.values)["K"]) < 0, result.counterexample
    if verdict is Verdict.VERIFIED and k_assume == "integer":
        assert result.domain == (r"K \geq 0",)


def test_a_bound_variable_does_not_take_a_family_index_assumptions(tmp_path):
    text = DIE_SYMBOLS + "[[steps]]\nclaim = '\\sum_{k=0}^{K} \\frac{k}{k} = K + 1'\n"
    result = claims(check_text(tmp_path, text))[-1]
    assert result.verdict is Verdict.UNKNOWN
    assert r"k \neq 0" in result.reason
    same_name_from_one = DIE_SYMBOLS + "[[steps]]\nclaim = '\\sum_{k=1}^{K} \\frac{y_k}{y_k} = K'\n"
    assert claims(check_text(tmp_path, same_name_from_one))[-1].verdict is Verdict.VERIFIED


# -- definitions that are no definitions -------------------------------------------------------


@pytest.mark.parametrize(
    ("symbols", "definition", "message"),
    [
        ("", "L = L + 1", "uses L itself"),
        ('x = "negative"', "x = 2", "declared negative"),
        ('N = "positive"', r"N = \sum_{k=1}^{K} t_k", "declared positive"),
        ("", "y_k = -1", "declared positive"),
    ],
)
def test_a_definition_that_is_no_definition_is_bad_input(tmp_path, symbols, definition, message):
    base = DIE_SYMBOLS if "_k" in definition else "[symbols]\n"
    text = base + symbols + f"\n[[steps]]\nkind = \"definition\"\nclaim = '{definition}'\n"
    with pytest.raises(InputError, match=message) as err:
        check_text(tmp_path, text)
    assert err.value.line is not None


def test_a_declared_assumption_a_definition_establishes_is_fine(tmp_path):
    text = (
        DIE_SYMBOLS.replace('"nonnegative"', '"positive"')
        + 'N = "positive"\n'
        + "[[steps]]\nkind = \"definition\"\nclaim = 'N = \\sum_{k=1}^{K} t_k'\n"
        + "[[steps]]\nclaim = '\\frac{N}{N} = 1'\n"
    )
    assert claims(check_text(tmp_path, text))[-1].verdict is Verdict.VERIFIED


def test_a_given_that_contradicts_a_declaration_is_bad_input(tmp_path):
    text = '[symbols]\ny = "positive"\n[[steps]]\nkind = "given"\nclaim = \'y = -1\'\n'
    with pytest.raises(InputError, match="contradicts the declaration of y as positive") as err:
        check_text(tmp_path, text)
    assert err.value.line == 5


# -- conditions from given equations -----------------------------------------------------------

BERNOULLI = r"""
[symbols]
p = "positive"
x = "nonnegative"
{extra}
[[steps]]
kind = "definition"
claim = 'L = p^{x} (1 - p)^{1 - x}'
[[steps]]
claim = '\log L = x \log p + (1 - x) \log (1 - p)'
by = ["log_both_sides", "log_mul", "log_pow"]
"""


def test_a_condition_holds_through_a_symbol_given_equal_to_a_part_of_it(tmp_path):
    given = 'q = "positive"\n[[steps]]\nkind = "given"\nclaim = \'q = 1 - p\''
    result = claims(check_text(tmp_path, BERNOULLI.replace("{extra}", given)))[-1]
    assert result.verdict is Verdict.VERIFIED, result.reason


def test_without_the_given_the_condition_is_named(tmp_path):
    result = claims(check_text(tmp_path, BERNOULLI.replace("{extra}", "")))[-1]
    assert result.verdict is Verdict.UNKNOWN
    assert "1 - p > 0" in result.reason


def test_with_the_given_a_wrong_step_is_still_refuted(tmp_path):
    given = 'q = "positive"\n[[steps]]\nkind = "given"\nclaim = \'q = 1 - p\''
    text = BERNOULLI.replace("{extra}", given).replace("(1 - x) \\log (1 - p)", "x \\log (1 - p)")
    result = claims(check_text(tmp_path, text))[-1]
    assert result.verdict is Verdict.REFUTED
    assert result.counterexample is not None


def test_members_beyond_the_family_need_a_range_that_holds_them(tmp_path):
    beyond = DIE_SYMBOLS + "[[steps]]\nclaim = '\\sum_{k=1}^{K+1} \\frac{y_k}{y_k} = K + 1'\n"
    result = claims(check_text(tmp_path, beyond))[-1]
    assert result.verdict is Verdict.UNKNOWN
    assert "family range" in result.reason
    inside = DIE_SYMBOLS + "[[steps]]\nclaim = '\\sum_{k=1}^{K} \\frac{y_k}{y_k} = K'\n"
    assert claims(check_text(tmp_path, inside))[-1].verdict is Verdict.VERIFIED
