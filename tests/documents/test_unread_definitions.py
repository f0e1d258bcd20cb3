r"""A name defined by a row that cannot be read (``z = w^T x + b`` with w, x not bold: a scalar
added to a matrix) is no free symbol of its own to the rows after it: a derivative by b of
\sigma(z) was verified to be 0 and the true one refuted (engine._through_an_unread_definition).
Found on a public binary cross-entropy derivation (stop 37, en/repro/A1)."""

from __future__ import annotations

from helpers import check_document_rows

UNREAD = r"z = w^T x + b"
SIGMOID = r"\hat{y} = \frac{1}{1 + e^{-z}}"


def _steps(tmp_path, *rows):
    return [(s["status"], s.get("reason", "")) for s in check_document_rows(tmp_path, *rows)]


def test_a_derivative_by_what_the_name_may_depend_on_is_unknown_naming_the_row(tmp_path):
    claim = r"\frac{\partial}{\partial b} (\hat{y} + b) = 1"
    steps = _steps(tmp_path, UNREAD, SIGMOID, claim)
    assert steps[0][0] == "unreadable"
    assert steps[-1][0] == "unknown"
    assert "the row defining z" in steps[-1][1] and "could not be read" in steps[-1][1]


def test_the_true_derivative_is_not_refuted(tmp_path):
    claim = r"\frac{\partial \hat{y}}{\partial b} = \hat{y}(1 - \hat{y})"
    steps = _steps(tmp_path, UNREAD, SIGMOID, claim)
    assert steps[-1][0] == "unknown"


def test_algebra_that_holds_for_every_value_of_the_name_is_verified(tmp_path):
    claim = r"1 - \hat{y} = \frac{e^{-z}}{1 + e^{-z}}"
    assert _steps(tmp_path, UNREAD, SIGMOID, claim)[-1][0] == "verified"


def test_a_derivative_by_the_name_itself_is_verified(tmp_path):
    claim = r"\frac{\partial \hat{y}}{\partial z} = \hat{y}(1 - \hat{y})"
    assert _steps(tmp_path, UNREAD, SIGMOID, claim)[-1][0] == "verified"


def test_a_wrong_row_through_the_name_is_never_verified(tmp_path):
    for claim in (r"\frac{\partial \hat{y}}{\partial b} = 1", r"2 \hat{y} = \hat{y} + 1"):
        assert _steps(tmp_path, UNREAD, SIGMOID, claim)[-1][0] != "verified", claim


def test_a_wrong_row_not_mentioning_the_name_is_still_refuted(tmp_path):
    assert _steps(tmp_path, UNREAD, SIGMOID, r"(a + 1)^2 = a^2 + 1")[-1][0] == "refuted"


def test_a_readable_definition_after_it_is_used_again(tmp_path):
    rows = (UNREAD, r"z = 2b", SIGMOID, r"\frac{\partial}{\partial b} (\hat{y} + b) = 1")
    assert _steps(tmp_path, *rows)[-1][0] == "refuted"


def test_the_reasons_read_in_japanese(tmp_path):
    from helpers import run_eqchain

    rows = (UNREAD, SIGMOID, r"\frac{\partial}{\partial b} (\hat{y} + b) = 1")
    _steps(tmp_path, *rows)
    ran = run_eqchain("check", "--no-cache", "--lang", "ja", str(tmp_path / "d.md"))
    assert "を定義する行（3行目）が読めない" in ran.stdout and "英語の理由" not in ran.stdout
    _steps(tmp_path, UNREAD, SIGMOID, r"2 \hat{y} = \hat{y} + 1")
    ran = run_eqchain("check", "--no-cache", "--lang", "ja", str(tmp_path / "d.md"))
    assert "独立な数とみなしたときだけ反証" in ran.stdout and "英語の理由" not in ran.stdout


def test_a_sum_over_an_index_the_name_is_written_without_is_verified(tmp_path):
    # a public sample-variance note: \mu = \frac{\sum_{k=1}^{n}}{n}, its body missing
    rows = (
        r"\mu = \frac{\sum_{k=1}^{n}}{n}",
        r"\sum_{k=1}^{n} (x_k - \mu) = \sum_{k=1}^{n} x_k - n \mu",
    )
    steps = _steps(tmp_path, *rows)
    assert [s for s, _ in steps] == ["unreadable", "verified"]


def test_a_column_of_members_names_its_family(tmp_path):
    # a softmax post defines y_1, ..., y_n by a pmatrix (not read): y_i(1 - y_i) was refuted
    column = r"\begin{pmatrix} y_1 \\ \vdots \\ y_n \end{pmatrix}"
    rows = (
        column
        + r" = \frac{1}{\sum_{j=1}^n e^{x_j}} \begin{pmatrix} e^{x_1} \\ e^{x_n} \end{pmatrix}",
        r"\frac{e^{x_i}}{Z} - \left(\frac{e^{x_i}}{Z}\right)^2 = y_i (1 - y_i)",
    )
    steps = _steps(tmp_path, *rows)
    assert steps[0][0] == "unreadable"
    assert steps[-1][0] == "unknown" and "the row defining y" in steps[-1][1]


def test_members_functions_and_expectations_of_an_unread_definition(tmp_path):
    # the red team: z_1, z_j after an unreadable z_i = ...; f(x) = ... unreadable; E_{b ~ p}
    family = (r"z_i = w^T x_i + b",)
    for claim in (
        r"\frac{\partial}{\partial b} (z_1 + b) = 1",
        r"\frac{\partial}{\partial b} (z_j + b) = 1",
        r"\mathbb{E}_{b \sim p}[z_1] = z_1",
    ):
        assert _steps(tmp_path, *family, claim)[-1][0] == "unknown", claim
    steps = _steps(tmp_path, r"f(x) = w^T x + b", r"\frac{\partial}{\partial b} (f(x) + b) = 1")
    assert steps[-1][0] == "unknown"


def test_a_count_in_a_sum_bound_is_no_dependence(tmp_path):
    rows = (r"n = \#\mathcal{D}", r"\frac{d}{dw} \sum_{i=1}^{n} w x_i = \sum_{i=1}^{n} x_i")
    assert _steps(tmp_path, *rows)[-1][0] == "verified"


def test_a_row_false_whatever_the_name_stays_refuted(tmp_path):
    assert _steps(tmp_path, r"z = \foo{x}", r"z + 1 = z + 2")[-1][0] == "refuted"
