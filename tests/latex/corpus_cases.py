r"""Corpus of LaTeX formulas with the meaning eqchain must read, or the error it must raise.

Conventions (the reference corpus's): ``\log`` is the natural log; a subscripted letter is an
indexed variable (``y_k`` -> ``y[k]``, ``t_{nk}`` -> ``t[n, k]`` inside sums over n and k,
``w_{new}`` -> the symbol ``w_new``); accented names are single symbols (``\hat{y}`` -> ``haty``,
``\mathcal{L}`` -> ``mathcalL``); names are case-sensitive; ``e`` is Euler's number, ``E`` and
``\gamma`` are plain symbols; an equation is the list of its sides, never evaluated; ``p(x)`` on
the left of a definition is a function, ``\lambda \left(...\right)`` a product.

A case either has ``expected`` (an expression, or a list of sides for a relation) or ``error``
(the exception class) with a fragment of its message. Rejections are only for formulas whose
intended meaning eqchain does not support or cannot tell apart (ambiguous LaTeX).
"""

from __future__ import annotations

from dataclasses import dataclass

from sympy import (
    Abs,
    Add,
    Derivative,
    E,
    Function,
    IndexedBase,
    Mul,
    Product,
    Rational,
    Sum,
    Symbol,
    exp,
    log,
    oo,
    pi,
    sqrt,
)

from eqchain.errors import LatexError, UnsupportedLatex
from eqchain.latex.matrices import MatrixName, MatrixProduct, Transposed
from eqchain.operators import Expectation

y, t, z = IndexedBase("y"), IndexedBase("t"), IndexedBase("z")
i, j, k, n = (Symbol(c) for c in "ijkn")
K, N, L, x, a, b, c = (Symbol(c) for c in ("K", "N", "L", "x", "a", "b", "c"))
lam, sigma, mu, gamma, eta = (Symbol(c) for c in ("lambda", "sigma", "mu", "gamma", "eta"))


def s(name: str) -> Symbol:
    return Symbol(name)


def ix(name: str, *index):
    return IndexedBase(name)[index]


def EQ(*sides) -> list:  # noqa: N802 - reads like the reference corpus
    return list(sides)


@dataclass(frozen=True)
class Case:
    id: str
    latex: str
    expected: object = None
    error: type | None = None
    message: str = ""
    rows: bool = False  # several rows: read with read_rows and chain_sides
    functions: frozenset = frozenset()
    indices: frozenset = frozenset()


def _terms(make, lo: int, hi: int):
    return Add(*[make(v) for v in range(lo, hi + 1)])


CASES = [
    # --- the reference corpus (69 formulas) --------------------------------------------------
    Case("ce_prod", r"L = \prod_{k=1}^{6} y_k^{t_{k}}", EQ(L, Product(y[k] ** t[k], (k, 1, 6)))),
    Case(
        "ce_expand",
        r"\log L = t_{1} \log y_{1} + t_{2} \log y_{2} + t_{3} \log y_{3} + t_{4} \log y_{4} "
        r"+ t_{5} \log y_{5} + t_{6} \log y_{6}",
        EQ(log(L), _terms(lambda v: t[v] * log(y[v]), 1, 6)),
    ),
    Case(
        "ce_sum",
        r"\log L=\sum_{k=1}^{K} t_{k} \log y_{k}",
        EQ(log(L), Sum(t[k] * log(y[k]), (k, 1, K))),
    ),
    Case("simplex6", r"y_1+y_2+y_3+y_4+y_5+y_6=1", EQ(_terms(lambda v: y[v], 1, 6), 1)),
    Case(
        "onehot_cdot",
        r"\log L = 1 \cdot \log y_{1} + 0 \cdot \log y_{2}",
        EQ(log(L), 1 * log(y[1]) + 0 * log(y[2])),
    ),
    Case("log_sum_expr", r"\log a + \log b", log(a) + log(b)),
    Case("log_product_rule", r"\log a + \log b = \log (ab)", EQ(log(a) + log(b), log(a * b))),
    Case("log_paren_xy", r"\log(x y)", log(x * s("y"))),
    Case("log_left_right_frac", r"\log \left( \frac{p}{q} \right)", log(s("p") / s("q"))),
    Case(
        "ce_E", r"E = -\sum_{k=1}^{K} t_k \log y_k", EQ(s("E"), -Sum(t[k] * log(y[k]), (k, 1, K)))
    ),
    Case(
        "bce_single",
        r"L = -\left( t \log y + (1-t) \log (1-y) \right)",
        EQ(L, -(s("t") * log(s("y")) + (1 - s("t")) * log(1 - s("y")))),
    ),
    Case(
        "bce_mean",
        r"J = -\frac{1}{N} \sum_{i=1}^{N} \left[ t_i \log y_i + (1 - t_i) \log (1 - y_i) \right]",
        EQ(s("J"), -1 / N * Sum(t[i] * log(y[i]) + (1 - t[i]) * log(1 - y[i]), (i, 1, N))),
    ),
    Case(
        "bernoulli_lik",
        r"L = \prod_{n=1}^{N} y_n^{t_n} (1-y_n)^{1-t_n}",
        EQ(L, Product(y[n] ** t[n] * (1 - y[n]) ** (1 - t[n]), (n, 1, N))),
    ),
    Case(
        "bernoulli_loglik",
        r"\log L = \sum_{n=1}^{N} \left[ t_n \log y_n + (1 - t_n) \log (1 - y_n) \right]",
        EQ(log(L), Sum(t[n] * log(y[n]) + (1 - t[n]) * log(1 - y[n]), (n, 1, N))),
    ),
    Case(
        "softmax_exp",
        r"y_k = \frac{\exp(z_k)}{\sum_{j=1}^{K} \exp(z_j)}",
        EQ(y[k], exp(z[k]) / Sum(exp(z[j]), (j, 1, K))),
    ),
    Case(
        "softmax_e",
        r"y_k = \frac{e^{z_k}}{\sum_{j=1}^{K} e^{z_j}}",
        EQ(y[k], exp(z[k]) / Sum(exp(z[j]), (j, 1, K))),
    ),
    Case(
        "log_softmax",
        r"\log y_k = z_k - \log \sum_{j=1}^{K} e^{z_j}",
        EQ(log(y[k]), z[k] - log(Sum(exp(z[j]), (j, 1, K)))),
    ),
    Case(
        "dE_dz",
        r"\frac{\partial E}{\partial z_k} = y_k - t_k",
        EQ(Derivative(s("E"), z[k]), y[k] - t[k]),
    ),
    Case(
        "kl_def",
        r"D = \sum_{k=1}^{K} p_k \log \frac{p_k}{q_k}",
        EQ(s("D"), Sum(ix("p", k) * log(ix("p", k) / ix("q", k)), (k, 1, K))),
    ),
    Case(
        "kl_split",
        r"\sum_{k=1}^{K} p_k \log \frac{p_k}{q_k} = \sum_{k=1}^{K} p_k \log p_k "
        r"- \sum_{k=1}^{K} p_k \log q_k",
        EQ(
            Sum(ix("p", k) * log(ix("p", k) / ix("q", k)), (k, 1, K)),
            Sum(ix("p", k) * log(ix("p", k)), (k, 1, K))
            - Sum(ix("p", k) * log(ix("q", k)), (k, 1, K)),
        ),
    ),
    Case(
        "gauss_pdf",
        r"p(x) = \frac{1}{\sqrt{2 \pi \sigma^2}} \exp\left(-\frac{(x-\mu)^2}{2\sigma^2}\right)",
        EQ(Function("p")(x), 1 / sqrt(2 * pi * sigma**2) * exp(-((x - mu) ** 2) / (2 * sigma**2))),
    ),
    Case(
        "gauss_loglik",
        r"\log L = -\frac{N}{2} \log (2\pi\sigma^2) "
        r"- \frac{1}{2\sigma^2} \sum_{i=1}^{N} (x_i - \mu)^2",
        EQ(
            log(L),
            -N / 2 * log(2 * pi * sigma**2)
            - 1 / (2 * sigma**2) * Sum((ix("x", i) - mu) ** 2, (i, 1, N)),
        ),
    ),
    Case(
        "gauss_dmu",
        r"\frac{\partial \log L}{\partial \mu} = \frac{1}{\sigma^2} \sum_{i=1}^{N} (x_i - \mu)",
        EQ(Derivative(log(L), mu), 1 / sigma**2 * Sum(ix("x", i) - mu, (i, 1, N))),
    ),
    Case(
        "mean_bar",
        r"\bar{x} = \frac{1}{N} \sum_{n=1}^{N} x_n",
        EQ(s("barx"), 1 / N * Sum(ix("x", n), (n, 1, N))),
    ),
    Case(
        "mse",
        r"E = \frac{1}{2} \sum_{n=1}^{N} (y_n - t_n)^2",
        EQ(s("E"), Rational(1, 2) * Sum((y[n] - t[n]) ** 2, (n, 1, N))),
    ),
    Case(
        "mse_hat",
        r"\frac{1}{N} \sum_{i=1}^{N} \left( y_i - \hat{y}_i \right)^2",
        1 / N * Sum((y[i] - ix("haty", i)) ** 2, (i, 1, N)),
    ),
    Case(
        "dL_dyk",
        r"\frac{\partial L}{\partial y_k} = \frac{t_k}{y_k}",
        EQ(Derivative(L, y[k]), t[k] / y[k]),
    ),
    Case(
        "d_of_expr",
        r"\frac{\partial}{\partial y_k} \left( t_k \log y_k \right) = \frac{t_k}{y_k}",
        EQ(Derivative(t[k] * log(y[k]), y[k]), t[k] / y[k]),
    ),
    Case("d_exp", r"\frac{d}{dx} e^{x} = e^{x}", EQ(Derivative(exp(x), x), exp(x))),
    Case(
        "sigmoid_def",
        r"\sigma(z) = \frac{1}{1 + e^{-z}}",
        EQ(Function("sigma")(s("z")), 1 / (1 + exp(-s("z")))),
    ),
    Case(
        "sigmoid_deriv",
        r"\frac{d \sigma}{d z} = \sigma \cdot (1 - \sigma)",
        EQ(Derivative(sigma, s("z")), sigma * (1 - sigma)),
    ),
    Case(
        "second_deriv",
        r"\frac{\partial^2 L}{\partial y_k^2} = -\frac{t_k}{y_k^2}",
        EQ(Derivative(L, (y[k], 2)), -t[k] / y[k] ** 2),
    ),
    Case(
        "chain_rule",
        r"\frac{\partial L}{\partial z_k} = \frac{\partial L}{\partial y_k} \cdot "
        r"\frac{\partial y_k}{\partial z_k}",
        EQ(Derivative(L, z[k]), Derivative(L, y[k]) * Derivative(y[k], z[k])),
    ),
    Case(
        "sgd_update",
        r"w_{new} = w - \eta \frac{\partial L}{\partial w}",
        EQ(s("w_new"), s("w") - eta * Derivative(L, s("w"))),
    ),
    Case(
        "dE_dy_trailing_t",
        r"\frac{\partial E}{\partial y} = y - t",
        EQ(Derivative(s("E"), s("y")), s("y") - s("t")),
    ),
    Case("prime_fn", r"f'(x) = 2x", EQ(Derivative(Function("f")(x), x), 2 * x)),
    Case(
        "lagrangian_L",
        r"L = \sum_{k=1}^{K} t_k \log y_k + \lambda \left( 1 - \sum_{k=1}^{K} y_k \right)",
        EQ(L, Sum(t[k] * log(y[k]), (k, 1, K)) + lam * (1 - Sum(y[k], (k, 1, K)))),
    ),
    Case(
        "lagrangian_mathcal",
        r"\mathcal{L} = \sum_{k=1}^{K} t_k \log y_k "
        r"- \lambda \left( \sum_{k=1}^{K} y_k - 1 \right)",
        EQ(s("mathcalL"), Sum(t[k] * log(y[k]), (k, 1, K)) - lam * (Sum(y[k], (k, 1, K)) - 1)),
    ),
    Case(
        "lagr_grad",
        r"\frac{\partial L}{\partial y_k} = \frac{t_k}{y_k} - \lambda",
        EQ(Derivative(L, y[k]), t[k] / y[k] - lam),
    ),
    Case("lagr_sol", r"y_k = \frac{t_k}{\lambda}", EQ(y[k], t[k] / lam)),
    Case("constraint", r"\sum_{k=1}^{K} y_k = 1", EQ(Sum(y[k], (k, 1, K)), 1)),
    Case("lambda_val", r"\lambda = \sum_{k=1}^{K} t_k", EQ(lam, Sum(t[k], (k, 1, K)))),
    Case(
        "lambda_sum_eq",
        r"\lambda \sum_{k=1}^{K} y_k = \sum_{k=1}^{K} t_k",
        EQ(lam * Sum(y[k], (k, 1, K)), Sum(t[k], (k, 1, K))),
    ),
    Case(
        "log_prod_sum",
        r"\log \prod_{i=1}^{N} y_i = \sum_{i=1}^{N} \log y_i",
        EQ(log(Product(y[i], (i, 1, N))), Sum(log(y[i]), (i, 1, N))),
    ),
    Case("prod_expr", r"\prod_{k=1}^{K} y_k^{t_k}", Product(y[k] ** t[k], (k, 1, K))),
    Case(
        "log_of_prod_paren",
        r"\log L = \log \left( \prod_{k=1}^{K} y_k^{t_k} \right)",
        EQ(log(L), log(Product(y[k] ** t[k], (k, 1, K)))),
    ),
    Case("sum_plus_c", r"\sum_{k=1}^{K} t_k \log y_k + c", Sum(t[k] * log(y[k]), (k, 1, K)) + c),
    Case(
        "sum_cancel",
        r"\sum_{k=1}^{K} y_k \cdot \frac{t_k}{y_k} = \sum_{k=1}^{K} t_k",
        EQ(Sum(y[k] * (t[k] / y[k]), (k, 1, K)), Sum(t[k], (k, 1, K))),
    ),
    Case(
        "double_sum",
        r"E = -\sum_{n=1}^{N} \sum_{k=1}^{K} t_{nk} \log y_{nk}",
        EQ(s("E"), -Sum(Sum(ix("t", n, k) * log(ix("y", n, k)), (k, 1, K)), (n, 1, N))),
    ),
    Case(
        "discount_return",
        r"G_t = \sum_{k=0}^{\infty} \gamma^{k} r_{t+k+1}",
        EQ(ix("G", s("t")), Sum(gamma**k * ix("r", s("t") + k + 1), (k, 0, oo))),
    ),
    Case("implicit_mul", r"t_k \log y_k", t[k] * log(y[k])),
    Case("times_commute", r"a \times b = b \times a", EQ(a * b, b * a)),
    Case("cdot_frac", r"\frac{a}{b} \cdot \frac{b}{c} = \frac{a}{c}", EQ(a / b * (b / c), a / c)),
    Case("neg_log", r"-\log y_k = \log \frac{1}{y_k}", EQ(-log(y[k]), log(1 / y[k]))),
    Case("neg_pow", r"-x^{2}", -(x**2)),
    Case("exp_neg", r"e^{-x}", exp(-x)),
    Case("exp_cmd_frac", r"\exp\left(-\frac{x^2}{2}\right)", exp(-(x**2) / 2)),
    Case("log_base2", r"\log_2 x", log(x, 2)),
    Case("ln_eq_log", r"\ln x = \log x", EQ(log(x), log(x))),
    Case("log_e", r"\log e = 1", EQ(log(E), 1)),
    Case("log_pow", r"\log x^2 = 2 \log x", EQ(log(x**2), 2 * log(x))),
    Case("logit", r"\log \frac{y}{1 - y} = z", EQ(log(s("y") / (1 - s("y"))), s("z"))),
    Case(
        "logistic",
        r"y = \frac{1}{1 + \exp(-(w x + b))}",
        EQ(s("y"), 1 / (1 + exp(-(s("w") * x + b)))),
    ),
    Case("softplus", r"\log(1 + e^{x})", log(1 + exp(x))),
    Case("mixed_number_trap", r"2 \frac{1}{2} = 1", error=LatexError, message="mixed number"),
    Case("greek_sum", r"\alpha + \beta = \gamma", EQ(s("alpha") + s("beta"), gamma)),
    Case(
        "tag",
        r"\log L = \sum_{k=1}^{K} t_k \log y_k \tag{3.1}",
        EQ(log(L), Sum(t[k] * log(y[k]), (k, 1, K))),
    ),
    Case(
        "chain_inline",
        r"\log L = \log \prod_{k=1}^{K} y_k^{t_k} = \sum_{k=1}^{K} t_k \log y_k",
        EQ(log(L), log(Product(y[k] ** t[k], (k, 1, K))), Sum(t[k] * log(y[k]), (k, 1, K))),
    ),
    Case(
        "aligned",
        "\\begin{aligned}\n\\log L &= \\log \\prod_{k=1}^{K} y_k^{t_k} \\tag{3.1} \\\\\n"
        "&= \\sum_{k=1}^{K} t_k \\log y_k\n\\end{aligned}",
        EQ(log(L), log(Product(y[k] ** t[k], (k, 1, K))), Sum(t[k] * log(y[k]), (k, 1, K))),
        rows=True,
    ),
    # --- the article: ellipses, Japanese prose rows, Markdown row breaks -----------------------
    Case(
        "article_log_product_ellipsis",
        r"\log(y_{1}^{t_{1}} y_{2}^{t_{2}} \cdots y_{6}^{t_{6}})",
        log(Product(y[k] ** t[k], (k, 1, 6))),
    ),
    Case(
        "article_log_of_six_factors",
        r"\log L = \log (y_1^{t_1} y_2^{t_2} y_3^{t_3} y_4^{t_4} y_5^{t_5} y_6^{t_6})",
        EQ(log(L), log(Mul(*[y[v] ** t[v] for v in range(1, 7)]))),
    ),
    Case(
        "article_sum_of_logs",
        r"= \log y_1^{t_1} + \log y_2^{t_2} + \log y_3^{t_3} + \log y_4^{t_4} + \log y_5^{t_5} "
        r"+ \log y_6^{t_6}",
        [_terms(lambda v: log(y[v] ** t[v]), 1, 6)],
    ),
    Case(
        "article_simplex_tag",
        r"y_1 + y_2 + y_3 + y_4 + y_5 + y_6 = 1 \tag{3.1}",
        EQ(_terms(lambda v: y[v], 1, 6), 1),
    ),
    Case(
        "article_onehot_chain",
        r"\log L = 1 \cdot \log y_1 + 0 \cdot \log y_2 + 0 \cdot \log y_3 = \log y_1 \tag{4.1}",
        EQ(log(L), log(y[1]) + 0 * log(y[2]) + 0 * log(y[3]), log(y[1])),
    ),
    Case(
        "article_E_chain",
        r"E = -\log L = -\sum_{k=1}^{K} t_k \log y_k \tag{4.3}",
        EQ(s("E"), -log(L), -Sum(t[k] * log(y[k]), (k, 1, K))),
    ),
    Case(
        "article_aligned_with_prose_rows",
        "\\begin{aligned}\n\\log L &= \\log (y_1^{t_1} y_2^{t_2}) \\\\\n&対数の公式①より& \\\\\n"
        "&= \\log y_1^{t_1} + \\log y_2^{t_2} \\\\\n&対数の公式②より& \\\\\n"
        "&= t_1 \\log y_1 + t_2 \\log y_2 \\tag{3.5}\n\\end{aligned}",
        EQ(
            log(L),
            log(y[1] ** t[1] * y[2] ** t[2]),
            log(y[1] ** t[1]) + log(y[2] ** t[2]),
            t[1] * log(y[1]) + t[2] * log(y[2]),
        ),
        rows=True,
    ),
    Case(
        "markdown_lone_backslash_rows",
        "\\begin{aligned}\nE &= -\\log L \\\n&= -\\sum_{k=1}^{K} t_k \\log y_k\n\\end{aligned}",
        EQ(s("E"), -log(L), -Sum(t[k] * log(y[k]), (k, 1, K))),
        rows=True,
    ),
    Case(
        "align_star_with_prose_column",
        "\\begin{align*}\n\\log L &= \\sum_{k=1}^{6} t_k \\log y_k && \\text{(log-likelihood)} "
        "\\\\\n&= t_1 \\log y_1 + \\cdots + t_6 \\log y_6\n\\end{align*}",
        EQ(log(L), Sum(t[k] * log(y[k]), (k, 1, 6)), Sum(t[i] * log(y[i]), (i, 1, 6))),
        rows=True,
    ),
    # --- ellipses ----------------------------------------------------------------------------
    Case("ellipsis_sum", r"y_1 + \cdots + y_K", Sum(y[k], (k, 1, K))),
    Case(
        "ellipsis_weighted_logs",
        r"t_1 \log y_1 + \dots + t_6 \log y_6",
        Sum(t[k] * log(y[k]), (k, 1, 6)),
    ),
    Case(
        "ellipsis_product",
        r"y_1^{t_1} y_2^{t_2} \cdots y_6^{t_6}",
        Product(y[k] ** t[k], (k, 1, 6)),
    ),
    Case(
        "ellipsis_ldots_equation",
        r"y_1 + y_2 + \ldots + y_K = 1",
        EQ(Sum(y[k], (k, 1, K)), 1),
    ),
    Case("ellipsis_after_constant", r"1 + y_1 + \cdots + y_K", 1 + Sum(y[k], (k, 1, K))),
    Case("ellipsis_minus", r"a - y_1 - \cdots - y_n", a - Sum(y[k], (k, 1, n))),
    Case("ellipsis_from_zero", r"x_0 + x_1 + \cdots + x_n", Sum(ix("x", k), (k, 0, n))),
    Case(
        "ellipsis_last_two_terms",
        r"y_1 + \cdots + y_{K-1} + y_K",
        Sum(y[k], (k, 1, K)),
    ),
    Case(
        "ellipsis_cdot_product",
        r"p_1 \cdot p_2 \cdots p_n",
        Product(ix("p", k), (k, 1, n)),
    ),
    Case(
        "ellipsis_even_indices",
        r"y_2 + y_4 + \cdots + y_{2n}",
        error=LatexError,
        message="cannot read the ellipsis",
    ),
    Case(
        "ellipsis_open_ended",
        r"y_1 + y_2 + \cdots",
        error=LatexError,
        message="cannot read the ellipsis",
    ),
    Case("ellipsis_in_a_list", r"y_1, \ldots, y_n", error=LatexError, message="comma"),
    Case(
        "ellipsis_unlike_terms",
        r"a + \cdots + b",
        error=LatexError,
        message="cannot read the ellipsis",
    ),
    # --- derivatives ---------------------------------------------------------------------------
    Case(
        "mixed_second_derivative",
        r"\frac{\partial^2 L}{\partial x \partial y}",
        Derivative(L, x, s("y")),
    ),
    Case("second_total_derivative", r"\frac{d^2 y}{dx^2}", Derivative(s("y"), (x, 2))),
    Case(
        "operator_on_rest_of_term",
        r"\frac{d}{dx} x e^{x} + 1",
        Derivative(x * exp(x), x) + 1,
    ),
    Case("mathrm_d", r"\frac{\mathrm{d} y}{\mathrm{d} x}", Derivative(s("y"), x)),
    Case("d_as_variable", r"\frac{a}{d}", a / s("d")),
    Case(
        "derivative_order_mismatch",
        r"\frac{\partial^2 L}{\partial x}",
        error=LatexError,
        message="order",
    ),
    Case(
        "derivative_operand_unclear",
        r"\frac{\partial}{\partial x} (x) y",
        error=LatexError,
        message="ambiguous",
    ),
    # --- names, subscripts, functions ----------------------------------------------------------
    Case("comma_indices", r"t_{n,k}", ix("t", n, k)),
    Case(
        "declared_indices",
        r"t_{nk} \log y_{nk}",
        ix("t", n, k) * log(ix("y", n, k)),
        indices=frozenset("nk"),
    ),
    Case("multi_letter_subscript", r"\theta_{\text{MAP}}", s("theta_MAP")),
    Case("expression_subscript", r"y_{k+1} - y_k", y[k + 1] - y[k]),
    Case("ambiguous_subscript", r"x_{n1}", error=LatexError, message="ambiguous subscript"),
    Case("product_before_parentheses", r"t (1 - t)", s("t") * (1 - s("t"))),
    Case("indexed_product_before_parentheses", r"y_k (1 - y_k)", y[k] * (1 - y[k])),
    Case(
        "declared_function",
        r"\sigma(z) (1 - \sigma(z))",
        Function("sigma")(s("z")) * (1 - Function("sigma")(s("z"))),
        functions=frozenset({"sigma"}),
    ),
    Case(
        "declared_function_of_two",
        r"f(x, a) + 1",
        Function("f")(x, a) + 1,
        functions=frozenset({"f"}),
    ),
    Case("undeclared_function", r"f(x) + 1", error=LatexError, message="ambiguous"),
    # i as a value in an exponent of e: the imaginary unit as often as a variable
    Case("euler_e_power", r"e^{i \pi}", error=LatexError, message="imaginary unit"),
    Case("e_power_summed_index", r"\sum_{i=1}^{n} e^{i x}", Sum(exp(s("i") * x), (s("i"), 1, n))),
    Case("e_with_index", r"e_k + E", ix("e", k) + s("E")),
    Case("decimal", r"0.25 x", Rational(1, 4) * x),
    Case("single_token_superscript", r"x^23", x**2 * 3),
    Case("definition_colon_equals", r"D := \sum_{k=1}^{K} y_k", EQ(s("D"), Sum(y[k], (k, 1, K)))),
    Case("prose_before_formula", r"\text{hence } a = b", EQ(a, b)),
    Case("punctuation_after_formula", r"a = b + c.", EQ(a, b + c)),
    # --- ambiguous or unsupported -------------------------------------------------------------
    Case("log_of_two_factors", r"\log x y", error=LatexError, message="ambiguous argument"),
    Case("log_cdot", r"\log x \cdot y", error=LatexError, message="ambiguous argument"),
    Case("prose_in_the_middle", r"a = 1 \text{ and } b = 2", error=LatexError, message="prose"),
    Case("two_numbers", r"2 3", error=LatexError, message="two numbers"),
    Case("unknown_command", r"\foo x", error=LatexError, message="unknown LaTeX command"),
    Case("nabla", r"\nabla_w L = 0", error=UnsupportedLatex, message="\\nabla"),
    Case("expectation", r"\mathbb{E}[x] = \mu", EQ(Expectation(x), s("mu"))),
    Case("expectation_upright", r"\mathrm{E}(x^2)", Expectation(x**2)),
    Case("expectation_over", r"\mathbb{E}_{x \sim q}[x]", Expectation(x, x, s("q"))),
    Case("angle_expectation", r"\langle x \rangle_{q}", Expectation(x, s("q"))),
    Case("inner_product", r"\langle a, b \rangle", error=UnsupportedLatex, message="inner"),
    Case("blackboard_set", r"x = \mathbb{R}", error=UnsupportedLatex, message="\\mathbb"),
    # a whole side \arg\max_{v} f is read (latex/optimum.py); without the variable it is not
    Case("argmax", r"\hat{\theta} = \arg\max L", error=UnsupportedLatex, message="\\arg"),
    # a relation is a row's top-level link (see test_read.py); inside brackets it is unsupported
    Case("propto", r"f(p \propto q)", error=UnsupportedLatex, message="\\propto"),
    # at the top of a row, x \sim N states a distribution (the relation sim, a given)
    Case("sim", r"x \sim N", [s("x"), s("N")]),
    Case("sim_inside", r"(x \sim N)", error=UnsupportedLatex, message="\\sim"),
    Case(
        "mid",
        r"p(a \mid b)",
        Function("p", separators=((1, "\\mid"),))(a, b),
    ),
    Case("mid_outside_a_call", r"a \mid b", error=UnsupportedLatex, message="\\mid"),
    Case("norm", r"\|w\|^2", error=UnsupportedLatex, message="norm"),
    Case("absolute_value", r"|x|", Abs(x)),
    Case("absolute_values_ambiguous", r"|a|b|c|", error=LatexError, message="closes which"),
    # Var is read by its definition through the expectation (issue 18)
    Case("operator_name", r"\mathrm{Var}(x) = 1", EQ(Expectation((x - Expectation(x)) ** 2), 1)),
    Case("operator_name_other", r"\mathrm{Risk}(x) = 1", EQ(Function("Risk")(x), 1)),
    Case(
        "operator_name_in_text",
        r"\text{Risk}(x) = 1",
        error=UnsupportedLatex,
        message="Risk",
    ),
    # the variance by its name in text (issue 11): read as \mathrm{Var}(x)
    Case("variance_in_text", r"\text{Var}(x) = 1", EQ(Expectation((x - Expectation(x)) ** 2), 1)),
    Case("inequality", r"(x \leq 1)", error=UnsupportedLatex, message="inequalities"),
    Case(
        "cases_environment",
        # a piecewise definition's row is "value & condition" (latex/piecewise.py)
        "\\begin{cases} 1 \\end{cases}",
        error=LatexError,
        message="value & condition",
    ),
    Case("prime_undeclared", r"f'(x) + 1", error=UnsupportedLatex, message="primes"),
    Case("division_then_cdot", r"a / b \cdot c", a / b * c),
    Case("division_of_a_product", r"a / b c", error=LatexError, message="divide by"),
    Case("sample_index_superscript", r"x^{(2)} - \mu", error=UnsupportedLatex, message="x^{(i)}"),
    # a bracketed base with a sum or difference in the exponent's brackets: a power (binomial
    # pmfs written (1 - p)^{(n - k)}); a name's (an iterate's index) or one letter's stays out
    Case("bracketed_power_of_a_group", r"(1 - a)^{(n - k)}", (1 - a) ** (n - k)),
    # an iterate's index (stop 40: EM and gradient-descent posts), as x^{(i)} is a sample's
    Case(
        "iterate_superscript", r"x^{(k + 1)} - x", IndexedBase("x")[Symbol("k") + 1] - Symbol("x")
    ),
    Case(
        "derivative_order_at_a_point",
        r"f^{(n + 1)}(\xi) - x",
        error=UnsupportedLatex,
        message="x^{(i)}",
    ),
    Case("order_of_a_group", r"(a b)^{(n)} - x", error=UnsupportedLatex, message="x^{(i)}"),
    # x^*: an optimum to ML authors, a conjugate to physicists; neither a power nor guessed
    Case("starred_name", r"\theta^* - 1", error=UnsupportedLatex, message="starred name"),
    Case("starred_name_braced", r"\theta^{*} - 1", error=UnsupportedLatex, message="starred"),
    Case("starred_name_ast", r"w^{\ast} + w", error=UnsupportedLatex, message="starred name"),
    # the transpose (README "Vectors and matrices"): \mathsf{T} is never a power
    Case(
        "transpose",
        r"\mathbf{w}^{\mathsf{T}} \mathbf{x}",
        MatrixProduct(Transposed(MatrixName(s("mathbfw"))), MatrixName(s("mathbfx"))),
    ),
    Case("expectation_with_brackets", r"E[x] = \mu", EQ(Expectation(x), s("mu"))),
    Case("name_with_brackets", r"V[x] = \mu", error=LatexError, message="expectation"),
    # ^T is the transpose in most ML writing (X^T X in least squares, where reading it as a
    # power refuted seven valid steps of the real corpus) and a power in some (\gamma^T):
    # where T is also a scalar (the horizon of \sum_{t=1}^{T} \gamma^T) it is rejected, never
    # guessed; where it is not, the transpose
    Case(
        "power_named_T",
        r"\sum_{t=1}^{T} \gamma^T",
        error=UnsupportedLatex,
        message="transpose or a power",
    ),
    Case("power_named_T_plus_one", r"\gamma^{T+1}", gamma ** (s("T") + 1)),
]
