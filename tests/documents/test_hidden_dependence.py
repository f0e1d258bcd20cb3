r"""A function no row defines, applied to arguments that do not mention the variable it is
differentiated by, is written as one that varies with it (the likelihood of the weights, its
dependence left unwritten): ``E(\mathbf{w}) = -\log P(\mathbf{T} \mid \mathbf{X})``, then
``\frac{\partial E}{\partial w_0} = 0`` was verified (engine._through_a_hidden_dependence;
stop 37, ja/repro/A2, a logistic regression's cross-entropy)."""

from __future__ import annotations

from helpers import check_document_rows

DEFINITION = r"E(\mathbf{w}) = -\log P(\mathbf{T} \mid \mathbf{X})"


def _steps(tmp_path, *rows):
    return [(s["status"], s.get("reason", "")) for s in check_document_rows(tmp_path, *rows)]


def test_a_derivative_of_an_undefined_function_of_other_names_is_unknown(tmp_path):
    steps = _steps(tmp_path, DEFINITION, r"\frac{\partial}{\partial w_0} E(\mathbf{w}) = 0")
    assert steps[-1][0] == "unknown"
    assert "which it is not written to depend on" in steps[-1][1]


def test_a_wrong_value_is_not_verified(tmp_path):
    for value in ("0", "1"):
        row = rf"\frac{{\partial}}{{\partial w_0}} \log P(\mathbf{{T}} \mid \mathbf{{X}}) = {value}"
        assert _steps(tmp_path, row)[-1][0] != "verified", value


def test_a_function_of_the_variable_is_differentiated_as_before(tmp_path):
    row = (
        r"\frac{\partial}{\partial \theta} \log p(x \mid \theta) = "
        r"\frac{1}{p(x \mid \theta)} \frac{\partial}{\partial \theta} p(x \mid \theta)"
    )
    assert _steps(tmp_path, row)[-1][0] == "verified"


def test_a_defined_function_is_differentiated_as_before(tmp_path):
    rows = (r"g(x) = x^2", r"\frac{d}{dy} (g(x) + y) = 1")
    assert _steps(tmp_path, *rows)[-1][0] == "verified"


def test_the_reason_reads_in_japanese(tmp_path):
    from helpers import run_eqchain

    _steps(tmp_path, DEFINITION, r"\frac{\partial}{\partial w_0} E(\mathbf{w}) = 0")
    ran = run_eqchain("check", "--no-cache", "--lang", "ja", str(tmp_path / "d.md"))
    assert "で微分しているが" in ran.stdout and "英語の理由" not in ran.stdout


def test_a_mixed_derivative_by_an_argument_and_another_variable_is_unknown(tmp_path):
    # the red team: X among P(T | X)'s arguments let the derivative by w through
    row = (
        r"\frac{\partial^2 E(\mathbf{w})}{\partial w \partial X} = "
        r"\frac{\partial^2 E(\mathbf{w})}{\partial w \partial T}"
    )
    steps = _steps(tmp_path, r"E(\mathbf{w}) = -\log P(T \mid X)", row)
    assert steps[-1][0] == "unknown" and "differentiated by w," in steps[-1][1]
