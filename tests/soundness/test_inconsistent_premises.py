"""Issue 13, class 4: premises that contradict each other prove nothing.

From contradictory premises every claim follows vacuously. When the declarations alone
contradict a given (``x + 1 = 0`` with x positive) the file is invalid input; when givens
contradict each other (``x = 1`` and ``x = 2``) the given where the contradiction is found
carries a warning and no later step is verified. Each case has its consistent twin, whose
claims are verified (and re-judged by the numeric oracle).
"""

from __future__ import annotations

import json

import pytest

from eqchain.errors import InputError
from eqchain.model import Verdict

from .judged import check_file, check_markdown, claims


def derivation(symbols: str, givens: list[str], claim: str) -> str:
    text = "[symbols]\n" + symbols + "\n"
    for g in givens:
        text += f"[[steps]]\nkind = \"given\"\nclaim = '{g}'\n"
    return text + f"[[steps]]\nclaim = '{claim}'\n"


# (name, symbols, given contradicting the declarations, its consistent twin)
AGAINST_DECLARATIONS = [
    ("positive_plus_one_is_zero", 'x = "positive"', "x + 1 = 0", "x - 1 = 0"),
    ("square_plus_one_is_zero", 'x = "real"', "x^{2} + 1 = 0", "x^{2} - 1 = 0"),
    ("exponential_is_zero", 'x = "real"', "e^{x} = 0", "e^{x} = 1"),
    ("root_is_negative", 'x = "positive"', "\\sqrt{x} = -1", "\\sqrt{x} = 2"),
    ("integer_is_a_half", 'n = "integer"', "n = \\frac{1}{2}", "n = 2"),
    ("sum_of_positives_is_negative", 'a = "positive"\nb = "positive"', "a + b = -1", "a + b = 1"),
    ("negative_times_positive_is_one", 'a = "negative"\nb = "positive"', "a b = 1", "a b = -1"),
    ("odd_is_even", 'n = "odd integer"', "n = 4", "n = 5"),
    ("nonzero_is_zero", 'x = "nonzero"', "2 x = 0", "2 x = 4"),
    ("negative_square_root", 'x = "negative"', "x^{2} = -4", "x^{2} = 4"),
]


@pytest.mark.parametrize(
    ("symbols", "bad", "good"),
    [c[1:] for c in AGAINST_DECLARATIONS],
    ids=[c[0] for c in AGAINST_DECLARATIONS],
)
def test_a_given_the_declarations_contradict_is_an_input_error(tmp_path, symbols, bad, good):
    with pytest.raises(InputError, match="contradicts"):
        check_file(tmp_path, derivation(symbols, [bad], "1 + 1 = 2"))


@pytest.mark.parametrize(
    ("symbols", "bad", "good"),
    [c[1:] for c in AGAINST_DECLARATIONS],
    ids=[c[0] for c in AGAINST_DECLARATIONS],
)
def test_the_consistent_given_is_accepted(tmp_path, symbols, bad, good):
    results = check_file(tmp_path, derivation(symbols, [good], "1 + 1 = 2"))
    assert results[0].verdict is Verdict.GIVEN and not results[0].warnings
    assert results[-1].verdict is Verdict.VERIFIED


R = 'x = "real"\ny = "real"\n'
TRUE_ANYWAY = "[[steps]]\nclaim = '1 + 1 = 2'\n"
# (name, symbols, contradictory givens, consistent twin, a claim that follows from the twin)
AMONG_GIVENS = [
    ("same_symbol_two_values", R, ["x = 1", "x = 2"], ["x = 1", "y = 2"], "x + y = 3"),
    (
        "sum_and_both_values",
        R,
        ["x + y = 1", "x = 2", "y = 3"],
        ["x + y = 1", "x = 2", "y = -1"],
        "x y = -2",
    ),
    (
        "proportional_then_values",
        R,
        ["y = 2 x", "x = 1", "y = 3"],
        ["y = 2 x", "x = 1", "y = 2"],
        "x + y = 3",
    ),
    (
        "difference_zero_then_values",
        R,
        ["x - y = 0", "x = 1", "y = 2"],
        ["x - y = 0", "x = 1", "y = 1"],
        "x y = 1",
    ),
    ("value_then_shifted_value", R, ["x = 1", "x + 1 = 3"], ["x = 1", "x + 1 = 2"], "2 x = 2"),
    ("value_then_square", R, ["x = 3", "x^{2} = 10"], ["x = 3", "x^{2} = 9"], "x^{2} + x = 12"),
    (
        "family_member_twice",
        'y = { index = "k", range = "1..3", assume = "real" }',
        ["y_1 = 1", "y_1 = 3"],
        ["y_1 = 1", "y_2 = 3"],
        "y_1 + y_2 = 4",
    ),
    ("reversed_sides", R, ["1 = x", "x = 5"], ["1 = x", "y = 5"], "x + y = 6"),
    (
        "three_in_a_chain",
        'x = "real"\ny = "real"\nz = "real"',
        ["x = y", "y = z", "z = 1", "x = 2"],
        ["x = y", "y = z", "z = 1", "x = 1"],
        "x + z = 2",
    ),
    # no name alone on a side: the two sides, moved to one, differ by a number (found on a
    # public exponential-MLE page, where a x = 1 and a x = 5 were both givens)
    ("same_product_two_values", R, ["x y = 1", "x y = 5"], ["x y = 1", "x + y = 5"], "y x = 1"),
    (
        "fraction_values",
        R,
        ["x = \\frac{1}{2}", "2 x = 3"],
        ["x = \\frac{1}{2}", "2 x = 1"],
        "4 x = 2",
    ),
    # the sides, moved to one, differ by what the declarations make nonzero: two cases'
    # derivatives set to zero (red team s50, -2n/t + S/t^2 = 0 and -3n/t + S/t^2 = 0)
    (
        "differ_by_a_positive_amount",
        'n = "positive"\nt = "positive"\ns = "real"',
        ["s - 2 n t = 0", "s - 3 n t = 0"],
        ["s - 2 n t = 0", "s + n t = 3 n t"],
        "s = 2 n t",
    ),
]


@pytest.mark.parametrize(
    ("symbols", "bad", "good", "claim"),
    [c[1:] for c in AMONG_GIVENS],
    ids=[c[0] for c in AMONG_GIVENS],
)
def test_contradictory_givens_warn_and_nothing_after_is_verified(
    tmp_path, symbols, bad, good, claim
):
    # The claim after the givens, and one true whatever they say: neither may be verified.
    results = check_file(tmp_path, derivation(symbols, bad, claim) + TRUE_ANYWAY)
    givens = [r for r in results if r.verdict is Verdict.GIVEN]
    assert any("contradict" in w for r in givens for w in r.warnings), [r.warnings for r in givens]
    assert all(r.verdict is not Verdict.VERIFIED for r in claims(results)), [
        (r.step.claim, r.verdict) for r in claims(results)
    ]


@pytest.mark.parametrize(
    ("symbols", "bad", "good", "claim"),
    [c[1:] for c in AMONG_GIVENS],
    ids=[c[0] for c in AMONG_GIVENS],
)
def test_consistent_givens_do_not_warn_and_their_claim_is_verified(
    tmp_path, symbols, bad, good, claim
):
    results = check_file(tmp_path, derivation(symbols, good, claim))
    assert not [w for r in results for w in r.warnings]
    assert [r.verdict for r in claims(results)] == [Verdict.VERIFIED]


def test_the_warning_is_in_the_json_report(tmp_path):
    from eqchain.api import check_derivations
    from eqchain.load.toml_file import load_toml
    from eqchain.render.json import render_json

    path = tmp_path / "d.toml"
    path.write_text(derivation(R, ["x = 1", "x = 2"], "x = x + 0"), encoding="utf-8")
    report = json.loads(render_json(check_derivations(load_toml(str(path)))))
    steps = report["derivations"][0]["steps"]
    assert any("contradict" in w for s in steps for w in s["warnings"])
    assert steps[-1]["status"] == "unknown"


def test_a_document_never_takes_a_contradicting_equation_as_given(tmp_path):
    doc = "$$\nx = 1\n$$\n\n$$\nx = 2\n$$\n\n$$\nx + 0 = x\n$$\n"
    results = check_markdown(tmp_path, doc, assume="x real")
    assert [r.verdict for r in results][:2] != [Verdict.GIVEN, Verdict.GIVEN]
