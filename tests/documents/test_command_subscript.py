"""A subscript written as a command and its argument without braces, ``f_\\mathrm{X}(x)``,
``\\sigma_\\bar{X}``, ``f_\\mathbf p``: TeX and MathJax read the subscript as the command with
its argument (``_{\\mathrm{X}}``), and so does eqchain."""

from __future__ import annotations

import pytest
from helpers import check_document_rows

from eqchain.latex.read import read_expression

_check = check_document_rows


@pytest.mark.parametrize(
    ("unbraced", "braced"),
    [
        (r"f_\mathrm{X}", r"f_{\mathrm{X}}"),
        (r"\sigma_\bar{X}^2", r"\sigma_{\bar{X}}^2"),
        (r"f_\mathbf p", r"f_{\mathbf{p}}"),
        (r"f_\mathbf{p} + 1", r"f_{\mathbf{p}} + 1"),
        (r"a_\hat{k} b", r"a_{\hat{k}} b"),
    ],
)
def test_read_as_the_braced_subscript(unbraced, braced):
    assert read_expression(unbraced) == read_expression(braced)


def test_a_density_with_an_upright_subscript_in_a_document(tmp_path):
    rows = (
        r"f_\mathrm{X}(x) = \lambda e^{-\lambda x}",
        r"x f_\mathrm{X}(x) = \lambda x e^{-\lambda x}",
        r"f_\mathrm{X}(x) + f_\mathrm{X}(x) = 2 \lambda x e^{-\lambda x}",
    )
    steps = _check(tmp_path, *rows)
    assert [s["status"] for s in steps] == ["definition", "verified", "refuted"]


def test_a_condition_is_still_named(tmp_path):
    steps = _check(tmp_path, r"\log (\sigma_\bar{X}^2) = 2 \log \sigma_\bar{X}")
    assert [s["status"] for s in steps] == ["unknown"]


def test_a_subscript_command_without_its_argument_is_rejected():
    with pytest.raises(Exception, match="subscript|braces"):
        read_expression(r"f_\mathrm")
