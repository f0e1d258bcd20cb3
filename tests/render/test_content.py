"""The format-neutral layout every renderer shares."""

from __future__ import annotations

from eqchain.model import Derivation, SymbolDecl
from eqchain.render import content


def test_chains_start_at_each_step_that_does_not_continue(report):
    chains = content.chains(report.derivations[0])
    assert [len(c.rows) for c in chains] == [1, 4, 1, 1]


def test_continuation_rows_have_no_left_side(report):
    rows = content.chains(report.derivations[0])[1].rows
    assert rows[0].lhs == r"\log L"
    assert [r.lhs for r in rows[1:]] == ["", "", ""]


def test_sides_prefer_the_checker_latex_and_print_otherwise(report):
    results = report.derivations[0].results
    assert content.sides(results[1]) == (r"\log L", r"\log \prod_{k=1}^{6} y_{k}^{t_{k}}")
    assert content.sides(results[0]) == ("L", r"\prod_{k=1}^{6} y_{k}^{t_{k}}")


def test_short_number_keeps_digits_past_the_first_difference():
    a = "0.333333333333333333333333333331"
    b = "0.333333333333333333333333333332"
    assert content.short_number(a, b) == a  # they differ only at the end: nothing is cut
    assert content.short_number("0.12345678901234567890", "5") == "0.123456789012…"


def test_short_number_leaves_non_numbers_alone():
    assert content.short_number("zoo", "1") == "zoo"


def test_name_latex_handles_greek_subscripts_and_words():
    assert content.name_latex("alpha") == r"\alpha"
    assert content.name_latex("w_new") == r"w_{\mathrm{new}}"
    assert content.name_latex("haty") == r"\mathit{haty}"
    assert content.name_latex(r"\hat{y}") == r"\hat{y}"


def test_assumptions_say_each_condition_and_range():
    derivation = Derivation(
        "t", "p", (SymbolDecl("y", ("positive", "finite"), ("k",), (("1", "K"),)),), ()
    )
    items = content.assumption_items(derivation, "en")
    assert items == [
        [
            content.math("y_{k} > 0"),
            content.text(", "),
            content.math("y_{k}"),
            content.text(" finite for "),
            content.math(r"k = 1, \dots, K"),
        ]
    ]


def test_justification_ends_each_sentence_once(report):
    result = report.derivations[0].results[2]
    spans = content.join_sentences(content.justification(result, "en"), "en")
    text = "".join(s.value for s in spans)
    assert text.endswith("splits (100%).")
    assert ".." not in text


def test_row_markup_left_in_a_side_is_removed():
    side = r"\log L &= \sum_{k} a_{k} \tag{3.5} \label{eq:ll} \notag \\"
    assert content.clean_side(side) == r"\log L = \sum_{k} a_{k}"


def test_escaped_ampersand_in_a_side_is_kept():
    assert content.clean_side(r"a \& b") == r"a \& b"


def test_a_condition_that_a_listed_one_implies_is_not_repeated():
    listed = (r"L \neq 0", r"y_{1} \neq 0", "y_{1} > 0", r"y_{2} \geq 0")
    shown = content.readable_conditions(listed)
    assert shown == (r"L \neq 0", "y_{1} > 0", r"y_{2} \geq 0")


def test_the_commonest_reasons_read_in_japanese():
    # stop 37: the commonest unknown reasons were shown in English behind 「（英語の理由）」
    # (256 of them over the Japanese corpus and a helper's nine posts; 42 after)
    reasons = [
        "no symbolic proof found (rule search and algebra) and no counterexample; try a smaller "
        "step between these two rows",
        "no symbolic proof found (rule search and algebra) and no counterexample; the rule search "
        "came closest with distribute; try a smaller step between these two rows",
        "no symbolic proof found (rule search and algebra) and no counterexample; P stands on one "
        "side only and no row before this one defines it: define it before this row",
        "time limit (5 s of CPU time) ran out; try a smaller step between these two rows, or a "
        "longer --timeout",
        "no symbolic proof found (integrals kept whole, split, evaluated) and no counterexample",
        "not checked: the formula it continues (line 18) could not be read; a new chain starts "
        "here",
        "the left side is not greater than the right side",
    ]
    for reason in reasons:
        spans = content._reason_ja(reason)
        shown = "".join(s.value for s in spans)
        assert "英語の理由" not in shown, reason


def test_the_commonest_unreadable_messages_read_in_japanese():
    # stop 38: 「式を読めない：」 then the reader's message in English
    messages = {
        "12文字目: cannot read the formula: not supported: primes (f'); write the derivative "
        "as \\frac{d}{dx}": "プライム",
        "cannot read the formula: ambiguous argument of \\log: write \\log(...) around the whole "
        "argument, or put the other factors in front": "引数があいまい",
        "cannot read the formula: ambiguous: 'p(...)' may be a function applied to its argument "
        "or a product; declare 'p' as a function, or write 'p \\cdot (...)' for a product": (
            "関数の適用とも積とも"
        ),
        "cannot read the formula: prose in the middle of a formula: put it before or after the "
        "formula": "式の途中に文章",
        "cannot read the formula: \\int without its differential (dx, \\mathrm{d}x)": "積分変数",
    }
    for reason, says in messages.items():
        shown = "".join(s.value for s in content._reason_ja(reason))
        assert says in shown, shown
        assert "cannot read" not in shown and "英語の理由" not in shown, shown
    # a message the table does not have stays as written, after the Japanese head
    shown = "".join(s.value for s in content._reason_ja("cannot read the formula: odd thing"))
    assert shown.startswith("式を読めない") and "odd thing" in shown
