"""A colon between a function's variable and its parameters, ``f_X(x:\\mu,\\sigma^2)``: read as
the semicolon of ``p(x; \\theta)``; a subscripted name with a bar or semicolon applied is its own
function (``f_X``) where the document makes it one. Through the command line."""

from __future__ import annotations

from helpers import check_document_rows


def statuses(steps):
    return [s["status"] for s in steps if s["line"] is not None]


def test_a_colon_before_parameters_is_the_semicolon(tmp_path):
    steps = check_document_rows(tmp_path, r"g(x;\mu) = \mu x", r"g(x:\mu) + 1 = \mu x + 1")
    assert statuses(steps) == ["definition", "verified"]


def test_a_wrong_step_with_a_colon_is_refuted(tmp_path):
    steps = check_document_rows(tmp_path, r"g(x:\mu) = \mu x", r"g(x:\mu) + 1 = \mu x + 2")
    assert statuses(steps) == ["definition", "refuted"]


def test_a_density_by_name_with_a_colon_holds_where_its_parameters_conditions_do(tmp_path):
    row = (
        r"\mathcal{N}(x : \mu, \sigma^2) = \frac{1}{\sqrt{2\pi\sigma^2}}"
        r" \exp\left( -\frac{(x-\mu)^2}{2\sigma^2}\right)"
    )
    step = check_document_rows(tmp_path, row)[-1]
    assert step["status"] == "verified"
    assert "\\sigma^{2} > 0" in step["domain"]
    assert check_document_rows(tmp_path, row, assume="sigma > 0")[-1]["status"] == "verified"


def test_a_subscripted_density_with_parameters_is_a_function_of_its_own_name(tmp_path):
    steps = check_document_rows(
        tmp_path,
        r"f_X(x:\mu,\sigma^2) = \frac{1}{\sqrt{2\pi}\sigma} e^{-\frac{(x-\mu)^2}{2\sigma^2}}",
        r"2 f_X(x:\mu,\sigma^2) = \frac{2}{\sqrt{2\pi}\sigma} e^{-\frac{(x-\mu)^2}{2\sigma^2}}",
        r"f_X(x:\mu,\sigma^2) = \frac{1}{\sigma} e^{-\frac{(x-\mu)^2}{2\sigma^2}}",
    )
    assert statuses(steps) == ["definition", "verified", "refuted"]


def test_a_family_member_with_a_bar_stays_unsupported(tmp_path):
    steps = check_document_rows(tmp_path, r"y = \sum_{k=1}^{n} p_k(x ; \theta)")
    assert steps[-1]["status"] == "unreadable"
    assert "subscripted name" in steps[-1]["reason"]


def test_a_colon_before_a_set_is_a_type_and_rejected(tmp_path):
    step = check_document_rows(tmp_path, r"h(x : \mathbb{R}) = 1")[-1]
    assert step["status"] == "unreadable"
    assert "a colon before a set" in step["reason"]


def test_a_colon_alone_outside_brackets_stays_unsupported(tmp_path):
    step = check_document_rows(tmp_path, r"a : b = 1")[-1]
    assert step["status"] == "unreadable"
