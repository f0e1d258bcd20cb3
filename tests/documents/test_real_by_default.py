"""In Markdown and LaTeX documents a symbol the document does not declare is real (README,
"What the notation means to eqchain"): ML and statistics authors mean real quantities. The
assumption is stated in every report of a document and is overridden by declaring the symbol
``complex``. Derivation files declare their symbols and get no such default."""

from __future__ import annotations

import json

import pytest
from helpers import run_eqchain

from eqchain.api import check_derivations
from eqchain.load.document import load_document
from eqchain.model import Verdict

ABS_SQUARE = r"""# Real by default

$$
|x|^2 = x^2
$$
"""


def results(tmp_path, text, assume=None, name="post.md", kind="markdown"):
    doc = tmp_path / name
    doc.write_text(text, encoding="utf-8")
    d = load_document(str(doc), kind, assume=assume)
    return [r for r in check_derivations([d]).derivations[0].results if r.verdict.is_claim_verdict]


def one(tmp_path, formula, assume=None):
    (result,) = results(tmp_path, f"# t\n\n$$\n{formula}\n$$\n", assume)
    return result


# -- what real symbols prove, and what they still do not ----------------------------------------


def test_a_step_true_for_real_values_is_verified(tmp_path):
    assert one(tmp_path, r"|x|^2 = x^2").verdict is Verdict.VERIFIED


def test_a_family_member_is_real_too(tmp_path):
    assert one(tmp_path, r"|y_k|^2 = y_k^2").verdict is Verdict.VERIFIED
    assert one(tmp_path, r"\sum_{k=1}^{K} |y_k|^2 = \sum_{k=1}^{K} y_k^2").verdict is (
        Verdict.VERIFIED
    )


def test_a_wrong_step_is_still_refuted_with_real_values(tmp_path):
    result = one(tmp_path, r"|x|^2 = x^3")
    assert result.verdict is Verdict.REFUTED
    values = dict(result.counterexample.values)
    assert "i" not in values["x"]  # a real counterexample
    assert not result.counterexample.complex_names


def test_the_root_of_a_square_is_not_the_symbol_itself(tmp_path):
    # real is not nonnegative: x = -1 refutes it (never verified)
    result = one(tmp_path, r"\sqrt{x^2} = x")
    assert result.verdict is Verdict.REFUTED
    assert dict(result.counterexample.values)["x"] in ("-1", "−1")


def test_the_root_of_a_square_needs_the_sign_even_as_one_step_of_a_chain(tmp_path):
    # the same step where a counterexample cannot be shown as the whole claim: still not verified
    result = one(tmp_path, r"\sqrt{x^2 y^2} = x y")
    assert result.verdict is not Verdict.VERIFIED


def test_the_log_of_a_product_still_needs_positive_factors(tmp_path):
    result = one(tmp_path, r"\log(a b) = \log a + \log b")
    assert result.verdict is Verdict.UNKNOWN
    assert "a > 0" in result.reason and "b > 0" in result.reason


def test_the_log_of_a_product_is_verified_with_the_signs_declared(tmp_path):
    result = one(tmp_path, r"\log(a b) = \log a + \log b", assume="a > 0, b > 0")
    assert result.verdict is Verdict.VERIFIED


def test_the_log_of_a_power_still_needs_a_positive_base(tmp_path):
    result = one(tmp_path, r"\log(x^{2}) = 2 \log x")
    assert result.verdict is not Verdict.VERIFIED


# -- declaring a symbol complex overrides the default -------------------------------------------


def test_a_symbol_declared_complex_is_not_real(tmp_path):
    result = one(tmp_path, r"|x|^2 = x^2", assume="x complex")
    assert result.verdict is Verdict.REFUTED
    assert "x" in result.counterexample.complex_names


def test_a_family_declared_complex_is_not_real(tmp_path):
    result = one(tmp_path, r"|y_k|^2 = y_k^2", assume="y_k complex")
    assert result.verdict is Verdict.REFUTED


def test_a_declaration_in_the_document_overrides_it(tmp_path):
    text = "<!-- eqchain: assume x complex -->\n" + ABS_SQUARE
    (result,) = results(tmp_path, text)
    assert result.verdict is Verdict.REFUTED


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("<!-- eqchain-assume: x complex -->\n" + ABS_SQUARE, "post.md", "markdown"),
        (
            "% eqchain-assume: x complex\n\\begin{equation}\n|x|^2 = x^2\n\\end{equation}\n",
            "post.tex",
            "latex",
        ),
    ],
)
def test_a_comment_may_use_the_front_matter_key(tmp_path, text, name, kind):
    # <!-- eqchain-assume: ... --> was ignored without a word: only "eqchain: assume" was read
    (result,) = results(tmp_path, text, name=name, kind=kind)
    assert result.verdict is Verdict.REFUTED


def test_other_declared_words_keep_the_symbol_real(tmp_path):
    # 'constant' says nothing of the sign: the symbol is still real
    assert one(tmp_path, r"|x|^2 = x^2", assume="x constant").verdict is Verdict.VERIFIED


def test_latex_documents_are_real_by_default_too(tmp_path):
    text = "\\begin{equation}\n|x|^2 = x^2\n\\end{equation}\n"
    (result,) = results(tmp_path, text, name="post.tex", kind="latex")
    assert result.verdict is Verdict.VERIFIED


def test_a_bound_on_an_undeclared_symbol_keeps_it_real(tmp_path):
    assert one(tmp_path, r"|x|^2 = x^2", assume="x \\neq 1").verdict is Verdict.VERIFIED


# -- the assumption is visible -------------------------------------------------------------------


def test_the_text_report_states_it(tmp_path):
    doc = tmp_path / "post.md"
    doc.write_text(ABS_SQUARE, encoding="utf-8")
    ran = run_eqchain("check", doc)
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert "symbols are real unless declared otherwise" in ran.stdout
    shown = run_eqchain("show", doc)
    assert "symbols are real unless declared otherwise" in shown.stdout


def test_the_json_report_lists_it(tmp_path):
    doc = tmp_path / "post.md"
    doc.write_text(ABS_SQUARE, encoding="utf-8")
    ran = run_eqchain("check", "--format", "json", doc)
    data = json.loads(ran.stdout)
    (derivation,) = data["derivations"]
    assert "symbols are real unless declared otherwise" in derivation["assumptions"]
    assert [s["status"] for s in derivation["steps"]] == ["verified"]


def test_the_override_on_the_command_line(tmp_path):
    doc = tmp_path / "post.md"
    doc.write_text(ABS_SQUARE, encoding="utf-8")
    ran = run_eqchain("check", "--assume", "x complex", "--format", "json", doc)
    (derivation,) = json.loads(ran.stdout)["derivations"]
    assert [s["status"] for s in derivation["steps"]] == ["refuted"]


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_derivation_files_get_no_default(tmp_path, fmt):
    path = tmp_path / "d.toml"
    path.write_text('[symbols]\nx = "real"\n\n[[steps]]\nclaim = "|x|^2 = x^2"\n', encoding="utf-8")
    ran = run_eqchain("check", "--format", fmt, path)
    assert "unless declared otherwise" not in ran.stdout
    if fmt == "json":
        (derivation,) = json.loads(ran.stdout)["derivations"]
        (item,) = derivation["assumptions"]  # the declaration, as in `eqchain show`
        assert item.startswith("x")


# -- a defined symbol is what its definition says -----------------------------------------------


def test_a_definition_by_a_value_not_shown_real_is_accepted(tmp_path):
    text = "# t\n\n$$\ns = \\sqrt{x}\n$$\n\n$$\ns^2 = x\n$$\n"
    (result,) = results(tmp_path, text)
    assert result.verdict is Verdict.VERIFIED


def test_the_default_does_not_make_a_defined_symbol_real(tmp_path):
    # s = sqrt(x) is i at x = -1, where |s|^2 = 1 and s^2 = -1: never verified
    text = "# t\n\n$$\ns = \\sqrt{x}\n$$\n\n$$\n|s|^2 = s^2\n$$\n"
    (result,) = results(tmp_path, text)
    assert result.verdict is not Verdict.VERIFIED


def test_a_defined_family_is_what_its_definition_says(tmp_path):
    text = "# t\n\n$$\ns_k = \\sqrt{x_k}\n$$\n\n$$\n|s_k|^2 = s_k^2\n$$\n"
    (result,) = results(tmp_path, text)
    assert result.verdict is not Verdict.VERIFIED


def test_a_symbol_declared_real_still_needs_a_real_definition(tmp_path):
    # no definition: a claim, checked, with the reason as a warning (the rest of the document
    # is still checked; it was an input error that stopped the whole document)
    text = "# t\n\n$$\ns = \\sqrt{x}\n$$\n\n$$\ny = 2 y\n$$\n"
    first, second = results(tmp_path, text, assume="s real")
    assert first.verdict is not Verdict.VERIFIED
    # unknown, saying why (refuted at a value of s it was, which the author defines)
    assert "declared real" in first.reason or any("declared real" in w for w in first.warnings)
    assert second.verdict is Verdict.REFUTED


# -- what --assume and the document's own line declare is shown with the verdicts -------------


def test_the_assumptions_given_on_the_command_line_are_shown(tmp_path):
    import json

    from helpers import run_eqchain

    doc = tmp_path / "s.md"
    doc.write_text("$$ \\sqrt{\\sigma^2} = \\sigma $$\n", encoding="utf-8")
    args = ("check", "--no-cache", "--assume", "sigma > 0, y_k > 0, f function", str(doc))
    text = run_eqchain(*args).stdout
    assert "σ > 0" in text and "y_k > 0" in text
    report = json.loads(run_eqchain(*args[:1], "--format", "json", *args[1:]).stdout)
    (derivation,) = report["derivations"]
    assert "σ > 0" in derivation["assumptions"], derivation["assumptions"]
    assert derivation["steps"][0]["status"] == "verified"


def test_the_assumptions_of_the_documents_own_line_are_shown(tmp_path):
    from helpers import run_eqchain

    doc = tmp_path / "s.md"
    body = "<!-- eqchain: assume sigma > 0 -->\n\n$$ \\sqrt{\\sigma^2} = \\sigma $$\n"
    doc.write_text(body, encoding="utf-8")
    assert "σ > 0" in run_eqchain("check", "--no-cache", str(doc)).stdout


def test_a_declared_member_of_a_written_family_is_not_shown_as_applied(tmp_path):
    # y_1 > 0 declared, y_1 read as the member y[1] of the family the document writes: the
    # declaration does not reach it (log_mul stays unknown), so the report does not show it
    from helpers import run_eqchain

    doc = tmp_path / "s.md"
    body = "$$ \\sum_{k=1}^{2} y_k = y_1 + y_2 $$\n\n$$ \\log y_1 + \\log y_2 = \\log(y_1 y_2) $$\n"
    doc.write_text(body, encoding="utf-8")
    out = run_eqchain("check", "--no-cache", "--assume", "y_1 > 0, y_2 > 0", str(doc)).stdout
    assert "y_1 > 0" not in out.split("\n")[1]
    assert "1 verified, 0 refuted, 1 unknown" in out
