"""Transposes, vectors and matrices (README, "Vectors and matrices"): ``X^T``, ``\\beta^\\top``,
``\\mathbf{w}^T \\mathbf{x}``, ``y^\\mathrm{T} y``. A matrix step is verified only as an identity
of non-commuting polynomials (with the named rule that a 1 x 1 product is its own transpose),
refuted by concrete integer matrices at sizes that agree with the shapes, else unknown. Through
the command line on Markdown documents, as an author runs it."""

from __future__ import annotations

import json

import pytest
from helpers import run_eqchain

from eqchain.errors import LatexError
from eqchain.latex.matrices import MatrixName, MatrixProduct, Transposed
from eqchain.latex.read import read_formula


def _document(tmp_path, *displays: str) -> list[dict]:
    doc = tmp_path / "d.md"
    doc.write_text("".join(f"Text.\n\n$$\n{e}\n$$\n\n" for e in displays), encoding="utf-8")
    ran = run_eqchain("check", "--no-cache", "--format", "json", str(doc))
    return json.loads(ran.stdout)["derivations"][0]["steps"]


def _statuses(tmp_path, *displays: str) -> list[str]:
    return [s["status"] for s in _document(tmp_path, *displays)]


LEAST_SQUARES = r"""\begin{align}
S &= \varepsilon^T \varepsilon \\
&= (Y - X\beta)^T(Y - X\beta) \\
&= Y^T Y - Y^T X \beta - \beta^TX^T Y + \beta^TX^T X \beta \\
&= Y^T Y - 2 \beta^T X^T Y + \beta^T X^T X \beta
\end{align}"""


# -- reading -----------------------------------------------------------------------------------


def test_a_transpose_of_a_name_is_read_as_one():
    (lhs, rhs) = read_formula(r"S = \varepsilon^T \varepsilon").sides
    eps = MatrixName(__import__("sympy").Symbol("varepsilon"))
    assert rhs == MatrixProduct(Transposed(eps), eps)


@pytest.mark.parametrize(
    "text",
    [
        r"a = y^\mathrm{T} y",
        r"a = y^{\mathrm{T}} y",
        r"a = y^\top y",
        r"a = y^{\intercal} y",
        r"a = y^{\mathsf{T}} y",
    ],
)
def test_every_spelling_of_the_transpose_is_read(text):
    (_, rhs) = read_formula(text).sides
    assert rhs.func == MatrixProduct


def test_a_plain_t_is_ambiguous_where_t_is_also_a_scalar():
    with pytest.raises(LatexError, match="T is also a scalar"):
        read_formula(r"a = T x^T x")


def test_a_bold_base_is_transposed_even_where_t_is_a_scalar_elsewhere(tmp_path):
    steps = _document(tmp_path, r"a = T + 1", r"b = \mathbf{w}^T \mathbf{x}")
    assert [s["status"] for s in steps][1] != "unreadable"


def test_a_plain_t_is_ambiguous_where_the_document_uses_t_as_a_scalar(tmp_path):
    steps = _document(tmp_path, r"c = T + 1", r"a = x^T x")
    assert steps[1]["status"] == "unreadable"
    assert "T is also a scalar" in steps[1]["reason"]


def test_shapes_that_cannot_agree_are_unreadable_with_the_reason():
    # w^T x is 1 x 1: times the vector x it would need x of length 1
    with pytest.raises(LatexError, match="shapes") as err:
        read_formula(r"a = \mathbf{w}^T \mathbf{x}^T")
    assert err.value.column is not None


def test_a_transpose_of_a_scalar_expression_is_unreadable():
    with pytest.raises(LatexError, match="no vector or matrix"):
        read_formula(r"a = (b + 1)^\top")


# -- checking: the least-squares chain ---------------------------------------------------------


def test_the_least_squares_chain_is_never_refuted(tmp_path):
    steps = _document(tmp_path, LEAST_SQUARES)
    assert [s["status"] for s in steps] == ["definition", "unknown", "verified", "verified"]
    # epsilon = Y - X beta in prose only: not refuted, the reason says so
    assert "one side only" in steps[1]["reason"]
    assert steps[2]["rules"] == ["matrix_algebra"]
    # the 1 x 1 rule, with its side condition named
    assert steps[3]["rules"] == ["matrix_algebra", "transpose_1x1"]


def test_the_scalar_rule_is_not_used_for_a_matrix_product(tmp_path):
    # A^T B is not 1 x 1 when A and B are matrices: not its own transpose
    steps = _document(tmp_path, r"A^T B + B^T A = 2 A^T B")
    assert steps[0]["status"] == "refuted"


def test_an_inner_product_is_its_own_transpose(tmp_path):
    assert _statuses(
        tmp_path,
        r"\mathbf{a}^T \mathbf{b} + \mathbf{b}^T \mathbf{a} = "
        r"2 \mathbf{a}^T \mathbf{b}",
    ) == ["verified"]


# -- checking: wrong steps ---------------------------------------------------------------------


def test_a_wrong_expansion_of_a_product_of_sums_is_refuted_with_matrices(tmp_path):
    steps = _document(tmp_path, r"(A + B)^T (A + B) = A^T A + 2 A^T B + B^T B")
    assert steps[0]["status"] == "refuted"
    cex = steps[0]["counterexample"]
    assert set(cex["values"]) == {"A", "B"}
    assert "pmatrix" in cex["values"]["A"]
    assert "sizes" in steps[0]["reason"]


def test_the_right_expansion_of_a_product_of_sums_is_verified(tmp_path):
    assert _statuses(tmp_path, r"(A + B)^T (A + B) = A^T A + A^T B + B^T A + B^T B") == ["verified"]


def test_the_transpose_of_a_product_keeps_the_order_wrong(tmp_path):
    assert _statuses(tmp_path, r"(A B)^T = A^T B^T") == ["refuted"]
    assert _statuses(tmp_path, r"(A B)^T = B^T A^T") == ["verified"]


def test_matrices_do_not_commute(tmp_path):
    assert _statuses(tmp_path, r"X^T X = X X^T") == ["refuted"]


# -- scalars from inner products ---------------------------------------------------------------


def test_an_inner_product_inside_sigma_is_a_scalar(tmp_path):
    steps = _document(
        tmp_path,
        r"\sigma(z) = \frac{1}{1 + e^{-z}}",
        r"p = \sigma(\mathbf{w}^T\mathbf{x}) = \frac{1}{1 + e^{-\mathbf{w}^T\mathbf{x}}}",
    )
    assert [s["status"] for s in steps] == ["definition", "definition", "verified"]


def test_a_wrong_step_with_an_inner_product_inside_sigma_is_not_verified(tmp_path):
    steps = _document(
        tmp_path,
        r"\sigma(z) = \frac{1}{1 + e^{-z}}",
        r"p = \sigma(\mathbf{w}^T\mathbf{x}) = \frac{1}{1 + e^{\mathbf{w}^T\mathbf{x}}}",
    )
    assert steps[2]["status"] != "verified"


def test_a_vector_on_the_left_defines_no_function(tmp_path):
    # MatrixName(z) = ... is no definition of a function "matrix" that would then unfold
    # every other vector into X w
    steps = _document(
        tmp_path,
        r"\mathbf{z} = X \mathbf{w}",
        r"\mathbf{x}^T \mathbf{x} = \mathbf{x}^T X \mathbf{x}",
    )
    assert steps[0]["status"] != "definition"
    assert steps[1]["status"] != "verified"


DECLARED = (r"R = \sum_{t=1}^{T} t", r"Y^T X b = b^T X^T Y")


def _assumed(tmp_path, assume: str, *displays: str) -> list[dict]:
    doc = tmp_path / "d.md"
    doc.write_text("".join(f"Text.\n\n$$\n{e}\n$$\n\n" for e in displays), encoding="utf-8")
    ran = run_eqchain("check", "--no-cache", "--format", "json", "--assume", assume, str(doc))
    return json.loads(ran.stdout)["derivations"][0]["steps"]


def test_a_name_declared_a_vector_is_transposed_where_t_is_a_scalar(tmp_path):
    # T is the sum's bound: a plain ^T stays ambiguous, except on declared vectors and matrices
    assert _statuses(tmp_path, *DECLARED)[1] == "unreadable"
    steps = _assumed(tmp_path, "Y vector, X matrix, b vector", *DECLARED)
    assert steps[1]["status"] == "verified"
    assert steps[1]["rules"] == ["matrix_algebra", "transpose_1x1"]


def test_a_declared_matrix_is_a_matrix_whatever_its_letter(tmp_path):
    # u, v declared matrices: u^T v is not 1 x 1, so not its own transpose
    steps = _assumed(tmp_path, "u matrix, v matrix", r"u^T v = v^T u")
    assert steps[0]["status"] == "refuted"
    assert _statuses(tmp_path, r"u^T v = v^T u") == ["verified"]


def test_a_1x1_product_inside_a_product_is_a_scalar(tmp_path):
    # (w^T x)^2 = w^T x x^T w: the 1 x 1 rule inside a product
    assert _statuses(
        tmp_path, r"(\mathbf{w}^T \mathbf{x})^2 = \mathbf{w}^T \mathbf{x} \mathbf{x}^T \mathbf{w}"
    ) == ["verified"]
    # a scalar multiple of a vector, written on either side
    assert _statuses(
        tmp_path, r"(\mathbf{w}^T \mathbf{x}) \mathbf{x} = \mathbf{x} (\mathbf{x}^T \mathbf{w})"
    ) == ["verified"]


def test_a_1x1_product_is_not_the_outer_product(tmp_path):
    # x (w^T x) is a vector, x x^T w too; x^T x w is not x x^T w
    steps = _document(
        tmp_path,
        r"\mathbf{x}^T \mathbf{x} \mathbf{w} = \mathbf{x} \mathbf{x}^T \mathbf{w}",
    )
    assert steps[0]["status"] == "refuted"


def test_cauchy_schwarz_is_no_identity(tmp_path):
    steps = _document(
        tmp_path, r"(\mathbf{w}^T \mathbf{x})^2 = \mathbf{w}^T \mathbf{w} \mathbf{x}^T \mathbf{x}"
    )
    assert steps[0]["status"] == "refuted"


def test_a_1x1_product_inside_a_function_is_its_own_transpose(tmp_path):
    steps = _document(tmp_path, r"e^{\mathbf{w}^T\mathbf{x}} = e^{\mathbf{x}^T\mathbf{w}}")
    assert steps[0]["status"] == "verified"
    assert "transpose_1x1" in steps[0]["rules"]


def test_a_different_product_inside_a_function_is_not_verified(tmp_path):
    steps = _document(tmp_path, r"e^{\mathbf{w}^T\mathbf{x}} = e^{\mathbf{w}^T\mathbf{w}}")
    assert steps[0]["status"] != "verified"
    # A a matrix (transposed in the document): w^T A x is x^T A^T w, not x^T A w
    steps = _document(
        tmp_path,
        r"\mathbf{c} = A^T \mathbf{w}",
        r"e^{\mathbf{w}^T A \mathbf{x}} = e^{\mathbf{x}^T A \mathbf{w}}",
    )
    assert steps[1]["status"] != "verified"
    steps = _document(
        tmp_path,
        r"\mathbf{c} = A^T \mathbf{w}",
        r"e^{\mathbf{w}^T A \mathbf{x}} = e^{\mathbf{x}^T A^T \mathbf{w}}",
    )
    assert steps[1]["status"] == "verified"


SQUARED_ERRORS = r"""\begin{align}
L &= \sum_{i=1}^{n} (y_i - \mathbf{w}^T \mathbf{x}_i)^2 \\
&= \sum_{i=1}^{n} (y_i^2 - 2 y_i \mathbf{x}_i^T \mathbf{w} + (\mathbf{w}^T \mathbf{x}_i)^2) \\
&= \sum_{i=1}^{n} (y_i^2 - y_i \mathbf{x}_i^T \mathbf{w} + (\mathbf{w}^T \mathbf{x}_i)^2)
\end{align}"""


@pytest.mark.slow  # 2.5 to 5 s: in .ci/run, not in the README's pytest (its 5 minutes)
def test_inner_products_in_a_sum_are_scalars_to_the_scalar_checker(tmp_path):
    steps = _document(tmp_path, SQUARED_ERRORS)
    assert [s["status"] for s in steps] == ["definition", "verified", "unknown"]
    assert steps[1]["rules"][-1] == "transpose_1x1"


def test_vectors_in_a_sum_are_not_checked(tmp_path):
    steps = _document(
        tmp_path, r"\mathbf{g} = \sum_{i=1}^{n} (y_i - \mathbf{w}^T \mathbf{x}_i) \mathbf{x}_i"
    )
    assert steps[0]["status"] == "unknown"


def test_a_derivation_file_declares_vectors_and_matrices(tmp_path):
    from helpers import check_text, claims

    results = claims(
        check_text(
            tmp_path,
            """
            [symbols]
            Y = "vector"
            X = "matrix"
            b = "vector"
            u = "matrix"
            v = "matrix"

            [[steps]]
            claim = 'Y^T X b = b^T X^T Y'

            [[steps]]
            claim = 'u^T v = v^T u'
            """,
        )
    )
    assert [r.verdict.value for r in results] == ["verified", "refuted"]


def test_a_declared_scalar_t_keeps_a_plain_t_ambiguous(tmp_path):
    from helpers import check_text

    results = check_text(
        tmp_path,
        """
        [symbols]
        T = "positive"
        X = "real"
        Y = "real"

        [[steps]]
        claim = 'X^T Y = Y^T X'
        """,
    )
    assert results[-1].verdict.value == "unreadable"
    steps = _assumed(tmp_path, "T integer", r"a = X^T X")
    assert steps[0]["status"] == "unreadable"
