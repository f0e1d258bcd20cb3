r"""A subscripted name the document defines as a function of a sample's features
(``h_\theta(x^{(i)}) = \frac{1}{1 + e^{-\theta_0 - \theta_1 x^{(i)}}}``) stays a function where the
chain rule also differentiates by it (``\frac{\partial}{\partial h_\theta}``, by its value): its
rows are read (jethrogit's logistic-regression gradient: 20 rows were unreadable as 'h_theta(...)
may be a product'). A name differentiated by that nothing defines as a function stays
ambiguous, and MathJax's ``\require{cancel}`` is no mathematics."""

from __future__ import annotations

from helpers import check_document_rows

MODEL = r"h_{\theta}(x^{(i)}) = \frac{1}{1 + e^{-\theta_0 - \theta_1 x^{(i)}}}"
BY_ITS_VALUE = (
    r"\frac{\partial}{\partial h_{\theta}} \log h_{\theta}(x^{(i)}) = \frac{1}{h_{\theta}(x^{(i)})}"
)


def test_the_definition_and_rows_applying_it_are_read(tmp_path):
    steps = check_document_rows(
        tmp_path,
        MODEL,
        BY_ITS_VALUE,
        r"1 - h_{\theta}(x^{(i)}) = \frac{e^{-\theta_0 - \theta_1 x^{(i)}}}"
        r"{1 + e^{-\theta_0 - \theta_1 x^{(i)}}}",
    )
    assert steps[0]["status"] == "definition"
    assert "unreadable" not in [s["status"] for s in steps]
    assert steps[-1]["status"] == "verified"


def test_a_wrong_row_applying_it_is_refuted(tmp_path):
    steps = check_document_rows(
        tmp_path, MODEL, BY_ITS_VALUE, r"1 - h_{\theta}(x^{(i)}) = h_{\theta}(x^{(i)})"
    )
    assert steps[-1]["status"] == "refuted"


def test_undefined_and_differentiated_by_it_stays_ambiguous(tmp_path):
    (step,) = check_document_rows(tmp_path, BY_ITS_VALUE)
    assert step["status"] == "unreadable" and "ambiguous" in step["reason"]


def test_require_is_no_mathematics(tmp_path):
    (step,) = check_document_rows(tmp_path, r"\require{cancel} a + a = 2 a")
    assert step["status"] == "verified"
