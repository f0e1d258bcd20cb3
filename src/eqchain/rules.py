"""The rule table: every rule eqchain knows, as data.

One row a rule: its name, its statement in LaTeX, its side conditions, its text in English and
Japanese, and how the engine applies it. Rules come in four kinds (``how``):

* ``rewrite``: a pattern ``lhs -> rhs`` over SymPy trees, written as an S-expression (as egg
  writes rewrites: ``(log (* a b)) -> (+ (log a) (log b))``) with the letters named in ``wild``
  as pattern variables; ``sum``/``prod`` take ``body index lower upper``. ``conditions`` are
  side conditions the checker must establish from the declared assumptions for every match
  (``positive a``); ``guards`` are structural requirements that decide whether a match counts.
* ``engine``: a generic transformation the pattern language cannot express (expanding a sum with
  concrete bounds, pulling constants out of a sum). ``engine`` names it; several rules share one.
* ``evaluation``: an identity SymPy applies by itself whenever it builds a tree (``1 \\cdot a``,
  ``y y y``, ``\\log 1``). The checker names it when the author's unevaluated text shows it, and
  still establishes its side conditions (``0 \\cdot a`` needs ``a`` finite).
* ``equation``: a move that uses an earlier equation (substitution, taking the log of both sides).

Adding a rule means adding a row; :mod:`eqchain.check.rewrite` applies them all.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    name: str
    statement: str  # LaTeX
    en: str
    ja: str
    how: str  # "rewrite", "engine", "evaluation" or "equation"
    family: str  # "log", "sum", "prod", "algebra", "equation"
    lhs: str = ""  # S-expression pattern (how == "rewrite"), e.g. "(log (* a b))"
    rhs: str = ""
    wild: str = ""  # the pattern variables, e.g. "a b"
    conditions: tuple[str, ...] = ()  # side conditions, e.g. ("positive a", "positive b")
    guards: tuple[str, ...] = ()  # structural requirements, e.g. ("free c k",)
    engine: str = ""  # how == "engine": the transformation's name
    inverse: str = ""  # the rule that undoes this one, named when applied right to left

    def text(self, lang: str) -> str:
        return self.ja if lang == "ja" else self.en

    def conditions_text(self) -> str:
        return ", ".join(
            " or ".join(_condition_latex(a.strip()) for a in c.split("|")) for c in self.conditions
        )

    def as_dict(self) -> dict:
        """The row as ``eqchain rules --format json`` (and the MCP ``rules`` tool) show it."""
        return {
            "name": self.name,
            "statement": self.statement,
            "conditions": list(self.conditions),
            "family": self.family,
            "en": self.en,
            "ja": self.ja,
        }


def _condition_latex(cond: str) -> str:
    words = cond.split()
    pred, args = words[0], words[1:]
    return {
        "positive": f"{args[0]} > 0",
        "nonzero": f"{args[0]} \\neq 0",
        "real": f"{args[0]} \\in \\mathbb{{R}}",
        "finite": f"{args[0]} \\text{{ finite}}",
        "nonnegative": f"{args[0]} \\geq 0",
        "integer": f"{args[0]} \\in \\mathbb{{Z}}",
        "converges": f"\\int {' '.join(args)} \\text{{ converges}}",
        "continuous": f"{args[0]} \\text{{ continuous}}",
        "constant": f"{args[0]} \\text{{ constant}}",
        "one_by_one": f"{' '.join(args)} \\text{{ is }} 1 \\times 1",
    }.get(pred, cond)


RULES: tuple[Rule, ...] = (
    # -- logarithms -------------------------------------------------------------------------
    Rule(
        "log_mul",
        r"\log(ab) = \log a + \log b",
        "the log of a product is the sum of the logs",
        "積の対数は対数の和（対数の公式①）",
        "rewrite",
        "log",
        lhs="(log (* a b))",
        rhs="(+ (log a) (log b))",
        wild="a b",
        conditions=("positive a", "positive b"),
    ),
    Rule(
        "log_div",
        r"\log \frac{a}{b} = \log a - \log b",
        "the log of a quotient is the difference of the logs",
        "商の対数は対数の差",
        "rewrite",
        "log",
        lhs="(log (* a (^ b -1)))",
        rhs="(+ (log a) (* -1 (log b)))",
        wild="a b",
        conditions=("positive a", "positive b"),
    ),
    Rule(
        "log_pow",
        r"\log a^{b} = b \log a",
        "the log of a power is the exponent times the log",
        "累乗の対数は指数倍の対数（対数の公式②）",
        "rewrite",
        "log",
        lhs="(log (^ a b))",
        rhs="(* b (log a))",
        wild="a b",
        conditions=("positive a", "real b"),
    ),
    Rule(
        "log_prod",
        r"\log \prod_{k=m}^{n} f_k = \sum_{k=m}^{n} \log f_k",
        "the log of a product over $k$ is the sum of the logs over $k$",
        "$k$ についての積の対数は、対数の $k$ についての和",
        "rewrite",
        "log",
        lhs="(log (prod f k m n))",
        rhs="(sum (log f) k m n)",
        wild="f k m n",
        conditions=("positive f",),
    ),
    Rule(
        "log_one",
        r"\log 1 = 0",
        "the log of one is zero",
        "1 の対数は 0",
        "evaluation",
        "log",
        lhs="(log 1)",
        rhs="0",
    ),
    Rule(
        "log_exp",
        r"\log e^{a} = a",
        "the log undoes the exponential ($a$ real)",
        "対数は指数関数を打ち消す（$a$ は実数）",
        "evaluation",
        "log",
        lhs="(log (exp a))",
        rhs="a",
        wild="a",
        conditions=("real a",),
    ),
    Rule(
        "exp_log",
        r"e^{\log a} = a",
        "the exponential undoes the log",
        "指数関数は対数を打ち消す",
        "evaluation",
        "log",
        lhs="(exp (log a))",
        rhs="a",
        wild="a",
        conditions=("nonzero a",),
    ),
    # -- sums and products ------------------------------------------------------------------
    Rule(
        "sum_split",
        r"\sum_{k} (f_k + g_k) = \sum_{k} f_k + \sum_{k} g_k",
        "a sum of two terms splits into two sums",
        "和の和は和に分けられる",
        "rewrite",
        "sum",
        lhs="(sum (+ f g) k m n)",
        rhs="(+ (sum f k m n) (sum g k m n))",
        wild="f g k m n",
        inverse="sum_join",
    ),
    Rule(
        "sum_const_mul",
        r"\sum_{k} c f_k = c \sum_{k} f_k",
        "a factor that does not depend on $k$ comes out of the sum",
        "$k$ によらない係数は和の外に出せる",
        "engine",
        "sum",
        engine="pull_constant",
        inverse="sum_const_mul",
    ),
    Rule(
        "limit_const_mul",
        r"\lim_{x \to a} c\, f(x) = c \lim_{x \to a} f(x)",
        "a factor free of the limit's variable comes out of the limit (both sides defined: "
        "the limit of the rest exists)",
        "極限の変数を含まない因子は極限の外に出せる（両辺が定義される、すなわち残りの極限が存在するところで）",
        "engine",
        "algebra",
        engine="pull_constant_limit",
    ),
    Rule(
        "sum_expand",
        r"\sum_{k=1}^{3} f_k = f_1 + f_2 + f_3",
        "a sum with concrete bounds written out term by term",
        "項数の決まった和を項ごとに書き出す",
        "engine",
        "sum",
        engine="expand_bounds",
        inverse="sum_fold",
    ),
    Rule(
        "sum_fold",
        r"f_1 + f_2 + f_3 = \sum_{k=1}^{3} f_k",
        "terms written out gathered into one sum",
        "書き並べた項を和の記号でまとめる",
        "engine",
        "sum",
        engine="fold_terms",
        inverse="sum_expand",
    ),
    Rule(
        "prod_expand",
        r"\prod_{k=1}^{3} f_k = f_1 f_2 f_3",
        "a product with concrete bounds written out factor by factor",
        "因子の数の決まった積を因子ごとに書き出す",
        "engine",
        "prod",
        engine="expand_bounds",
        inverse="prod_fold",
    ),
    Rule(
        "prod_fold",
        r"f_1 f_2 f_3 = \prod_{k=1}^{3} f_k",
        "factors written out gathered into one product",
        "書き並べた因子を積の記号でまとめる",
        "engine",
        "prod",
        engine="fold_terms",
        inverse="prod_expand",
    ),
    Rule(
        "prod_split",
        r"\prod_{k} f_k g_k = \prod_{k} f_k \prod_{k} g_k",
        "a product of products splits into two products",
        "積の積は二つの積に分けられる",
        "rewrite",
        "prod",
        lhs="(prod (* f g) k m n)",
        rhs="(* (prod f k m n) (prod g k m n))",
        wild="f g k m n",
    ),
    Rule(
        "sum_swap",
        r"\sum_{n} \sum_{k} f_{nk} = \sum_{k} \sum_{n} f_{nk}",
        "two sums over independent ranges taken in the other order",
        "範囲が互いによらない二重和は順序を入れ替えられる",
        "engine",
        "sum",
        engine="swap_order",
    ),
    Rule(
        "set_sum_linear",
        r"\sum_{x \in \mathcal{X}} (c f(x) + g(x)) = c \sum_{x \in \mathcal{X}} f(x) + "
        r"\sum_{x \in \mathcal{X}} g(x)",
        "a sum over a set left abstract splits over the terms of its body when each piece "
        "converges, and a factor that does not depend on $x$ comes out of it when it is nonzero "
        "or the rest converges",
        "抽象的な集合上の和は、各部分が収束するとき項ごとに分けられ、$x$ によらない $0$ でない"
        "係数は外に出せる",
        "engine",
        "sum",
        conditions=("nonzero c | converges f", "converges f", "converges g"),
        engine="set_linear",
    ),
    Rule(
        "set_integral_linear",
        r"\int_{\mathcal{X}} (c f(x) + g(x)) \, dx = c \int_{\mathcal{X}} f(x) \, dx + "
        r"\int_{\mathcal{X}} g(x) \, dx",
        "an integral over a set left abstract splits over the terms of its integrand when each "
        "piece converges, and a factor that does not depend on $x$ comes out of it when it is "
        "nonzero or the rest converges",
        "抽象的な集合上の積分は、各部分が収束するとき被積分関数の項ごとに分けられ、$x$ によらない"
        " $0$ でない係数は外に出せる",
        "engine",
        "integral",
        conditions=("nonzero c | converges f", "converges f", "converges g"),
        engine="set_linear",
    ),
    Rule(
        "set_sum_swap",
        r"\sum_{x \in \mathcal{X}} \sum_{y \in \mathcal{Y}} f(x, y) = "
        r"\sum_{y \in \mathcal{Y}} \sum_{x \in \mathcal{X}} f(x, y)",
        "two sums over sets left abstract taken in the other order, when the sum of the "
        "absolute values converges (Fubini)",
        "抽象的な集合上の二重和は、絶対値の和が収束するとき順序を入れ替えられる（Fubini）",
        "engine",
        "sum",
        conditions=("converges \\lvert f \\rvert",),
        engine="set_swap",
    ),
    Rule(
        "set_integral_swap",
        r"\int_{\mathcal{X}} \int_{\mathcal{Y}} f(x, y) \, dy \, dx = "
        r"\int_{\mathcal{Y}} \int_{\mathcal{X}} f(x, y) \, dx \, dy",
        "two integrals over sets left abstract taken in the other order, when the integral of "
        "the absolute value converges (Fubini)",
        "抽象的な集合上の二重積分は、絶対値の積分が収束するとき順序を入れ替えられる（Fubini）",
        "engine",
        "integral",
        conditions=("converges \\lvert f \\rvert",),
        engine="set_swap",
    ),
    Rule(
        "prod_swap",
        r"\prod_{n} \prod_{k} f_{nk} = \prod_{k} \prod_{n} f_{nk}",
        "two products over independent ranges taken in the other order",
        "範囲が互いによらない二重積は順序を入れ替えられる",
        "engine",
        "prod",
        engine="swap_order",
    ),
    Rule(
        "prod_pow_sum",
        r"\prod_{k=m}^{n} a^{x_k} = a^{\sum_{k=m}^{n} x_k}",
        "a product of powers of one base is the base to the sum of the exponents ($a$ nonzero, "
        "or every exponent nonnegative)",
        "同じ底の累乗の積は、指数の和を指数とする累乗（$a$ は $0$ でない、または指数がすべて非負）",
        "rewrite",
        "prod",
        lhs="(prod (^ a x) k m n)",
        rhs="(^ a (sum x k m n))",
        wild="a x k m n",
        conditions=("nonzero a | nonnegative x",),
        guards=("free a k",),
    ),
    Rule(
        "sum_const",
        r"\sum_{k=m}^{n} c = (n - m + 1) c",
        "a sum of a term that does not depend on $k$ is the number of terms times it",
        "$k$ によらない項の和は項数倍",
        "rewrite",
        "sum",
        lhs="(sum c k m n)",
        rhs="(* (+ n (* -1 m) 1) c)",
        wild="c k m n",
        guards=("free c k",),
    ),
    Rule(
        "prod_const",
        r"\prod_{k=m}^{n} c = c^{n - m + 1}",
        "a product of a factor that does not depend on $k$ is the factor to the number of "
        "factors ($c$ positive, or $n$ an integer)",
        "$k$ によらない因子の積は、その因子の因子数乗（$c$ は正、または $n$ は整数）",
        "rewrite",
        "prod",
        lhs="(prod c k m n)",
        rhs="(^ c (+ n (* -1 m) 1))",
        wild="c k m n",
        conditions=("positive c | integer n",),
        guards=("free c k", "number m"),
    ),
    Rule(
        "exp_sum",
        r"e^{\sum_{k=m}^{n} f_k} = \prod_{k=m}^{n} e^{f_k}",
        "the exponential of a sum is the product of the exponentials",
        "和の指数関数は指数関数の積",
        "rewrite",
        "prod",
        lhs="(exp (sum f k m n))",
        rhs="(prod (exp f) k m n)",
        wild="f k m n",
        inverse="prod_exp",
    ),
    Rule(
        "prod_exp",
        r"\prod_{k=m}^{n} e^{f_k} = e^{\sum_{k=m}^{n} f_k}",
        "the product of exponentials is the exponential of the sum of the exponents",
        "指数関数の積は指数の和の指数関数",
        "rewrite",
        "prod",
        lhs="(prod (exp f) k m n)",
        rhs="(exp (sum f k m n))",
        wild="f k m n",
        inverse="exp_sum",
    ),
    Rule(
        "binomial_theorem",
        r"\sum_{k=0}^{n} \binom{n}{k} x^{k} y^{n-k} = (x + y)^{n}",
        "the binomial theorem: the sum of the terms of $(x + y)^n$ ($n$ a nonnegative integer; "
        "the index may be shifted, $\\sum_{k=1}^{n+1} \\binom{n}{k-1} x^{k-1} y^{n-k+1}$)",
        "二項定理：$(x + y)^n$ の展開の項の和（$n$ は非負の整数。添字はずらしてもよい）",
        "engine",
        "sum",
        engine="binomial_sum",
    ),
    Rule(
        "log_sum_exp",
        r"\log \sum_{k} e^{x_k - c} = \log \sum_{k} e^{x_k} - c",
        "log-sum-exp: a shift $c$ of every exponent comes out of the log of the sum ($c$ real)",
        "log-sum-exp: 指数に共通のずれ $c$ は和の対数の外に出せる（$c$ は実数）",
        "rewrite",
        "log",
        lhs="(log (sum (exp (+ x (* -1 c))) k m n))",
        rhs="(+ (* -1 c) (log (sum (exp x) k m n)))",
        wild="x c k m n",
        conditions=("real c",),
        guards=("free c k",),
    ),
    Rule(
        "logistic_neg",
        r"\sigma(-z) = 1 - \sigma(z),\ \sigma(z) = \frac{1}{1 + e^{-z}}",
        "the logistic function at $-z$ is one minus its value at $z$",
        "ロジスティック関数の $-z$ での値は $1$ から $z$ での値を引いたもの",
        "rewrite",
        "algebra",
        lhs="(^ (+ 1 (exp z)) -1)",
        rhs="(+ 1 (* -1 (^ (+ 1 (exp (* -1 z))) -1)))",
        wild="z",
        guards=("plain z",),
    ),
    Rule(
        "logistic_derivative",
        r"\sigma'(z) = \sigma(z) (1 - \sigma(z)),\ \sigma(z) = \frac{1}{1 + e^{-z}}",
        "the derivative of the logistic function is the function times one minus it",
        "ロジスティック関数の導関数は、関数の値と 1 からその値を引いたものの積",
        "rewrite",
        "algebra",
        lhs="(* (exp (* -1 z)) (^ (+ 1 (exp (* -1 z))) -2))",
        rhs="(* (^ (+ 1 (exp (* -1 z))) -1) (+ 1 (* -1 (^ (+ 1 (exp (* -1 z))) -1))))",
        wild="z",
    ),
    Rule(
        "tanh_exp",
        r"\tanh z = \frac{e^{z} - e^{-z}}{e^{z} + e^{-z}}",
        "the hyperbolic tangent written with exponentials",
        "双曲線正接を指数関数で表す",
        "rewrite",
        "algebra",
        lhs="(tanh z)",
        rhs="(* (+ (exp z) (* -1 (exp (* -1 z)))) (^ (+ (exp z) (exp (* -1 z))) -1))",
        wild="z",
    ),
    Rule(
        "tanh_logistic",
        r"\tanh z = 2 \sigma(2 z) - 1,\ \sigma(z) = \frac{1}{1 + e^{-z}}",
        "the hyperbolic tangent is a stretched and shifted logistic function",
        "双曲線正接はロジスティック関数を伸ばしてずらしたもの",
        "rewrite",
        "algebra",
        lhs="(tanh z)",
        rhs="(+ (* 2 (^ (+ 1 (exp (* -2 z))) -1)) -1)",
        wild="z",
    ),
    Rule(
        "pow_collect",
        r"y y y = y^{3}",
        "repeated factors counted into a power",
        "同じ因子を数えて累乗にまとめる",
        "evaluation",
        "algebra",
        engine="collect",
    ),
    Rule(
        "distribute",
        r"a (b + c) = a b + a c",
        "multiply out a product with a sum",
        "分配法則で展開する",
        "engine",
        "algebra",
        engine="distribute",
    ),
    Rule(
        "differentiate",
        r"\frac{\partial}{\partial y_k} \sum_{j} f(y_j) = f'(y_k)",
        "carry out the derivative (a sum over $j$ differentiated by $y_{k}$ keeps its $k$-th term)",
        "微分を計算する（$j$ についての和を $y_{k}$ で微分すると $k$ 番目の項だけが残る）",
        "engine",
        "algebra",
        engine="differentiate",
    ),
    Rule(
        "sum_kronecker",
        r"\sum_{k=1}^{K} \delta_{jk} f_k = f_j,\ 1 \le j \le K",
        "the Kronecker delta picks one term of the sum: the one at its other index, which lies "
        "in the sum's range",
        "クロネッカーのデルタは和の中から添字が一致する項だけを取り出す（その添字は和の範囲内）",
        "engine",
        "sum",
        engine="sum_kronecker",
    ),
    Rule(
        "chain_rule",
        r"\frac{d}{dx} f(g(x)) = f'(g(x))\, g'(x)",
        "the chain rule: the derivative of a composition",
        "合成関数の微分（連鎖律）",
        "engine",
        "algebra",
        engine="differentiate",
        guards=("shape chain",),
    ),
    Rule(
        "product_rule",
        r"\frac{d}{dx} (f g) = f' g + f g'",
        "the product rule: the derivative of a product",
        "積の微分法",
        "engine",
        "algebra",
        engine="differentiate",
        guards=("shape product",),
    ),
    Rule(
        "quotient_rule",
        r"\frac{d}{dx} \frac{f}{g} = \frac{f' g - f g'}{g^{2}}",
        "the quotient rule: the derivative of a quotient",
        "商の微分法",
        "engine",
        "algebra",
        engine="differentiate",
        guards=("shape quotient",),
    ),
    Rule(
        "solve_for",
        r"a = b c,\ c \neq 0 \implies b = \frac{a}{c}",
        "solve an earlier equation for one quantity and put it in (its coefficient is nonzero)",
        "前の式をある量について解いて代入する（係数は 0 でない）",
        "equation",
        "equation",
    ),
    Rule(
        "scale_equation",
        r"a = b \implies c\,a = c\,b",
        "an earlier equation times a number: both sides of it moved to one side and scaled",
        "前の式の両辺に同じ数を掛ける（一方の辺に移項して）",
        "equation",
        "equation",
    ),
    Rule(
        "piecewise_cases",
        r"f = \begin{cases} a & c \\ b & \text{otherwise} \end{cases}:\ "
        r"(c \implies a = g) \wedge (\neg c \implies b = g) \implies f = g",
        "by cases: each piece of a piecewise definition equals the other side where its "
        "condition holds",
        "場合分け：区分的な定義の各部分が、その条件のもとで他辺に等しい",
        "equation",
        "equation",
    ),
    Rule(
        "sum_termwise",
        r"f_k = g_k\ (m \le k \le n) \implies \sum_{k=m}^{n} f_k = \sum_{k=m}^{n} g_k",
        "term by term: the sums run over one range (up to a shift of the index) and their terms "
        "are equal at every index of it",
        "項ごと：和が同じ範囲を（添字のずらしを除いて）動き、各添字で項が等しい",
        "equation",
        "sum",
    ),
    Rule(
        "series_sum",
        r"\sum_{k=0}^{\infty} r^{k} = \frac{1}{1 - r},\ |r| < 1",
        "a series summed in closed form where its condition of convergence holds (the "
        "geometric series: $|r| < 1$)",
        "級数を、収束の条件が成り立つところで閉じた形に和をとる（等比級数：$|r| < 1$）",
        "equation",
        "sum",
    ),
    Rule(
        "max_min_cases",
        r"\max(a, b) = \begin{cases} a & a \ge b \\ b & \text{otherwise} \end{cases},\ "
        r"\min(a, b) = \begin{cases} a & a \le b \\ b & \text{otherwise} \end{cases}",
        "by cases: the largest (smallest) of real values written as the value in each case, "
        "and each case shown equal to the other side",
        "場合分け：実数の最大値（最小値）を各場合の値に書き直し、各場合で他辺に等しいことを示す",
        "equation",
        "equation",
    ),
    Rule(
        "mul_one",
        r"1 \cdot a = a",
        "multiplying by one changes nothing",
        "1 を掛けても変わらない",
        "evaluation",
        "algebra",
        lhs="(* 1 a)",
        rhs="a",
        wild="a",
    ),
    Rule(
        "mul_zero",
        r"0 \cdot a = 0",
        "zero times a finite quantity is zero",
        "有限の量に 0 を掛けると 0",
        "evaluation",
        "algebra",
        lhs="(* 0 a)",
        rhs="0",
        wild="a",
        conditions=("finite a",),
    ),
    # -- moves that use an earlier equation -------------------------------------------------
    Rule(
        "substitute",
        r"a = b \implies f(a) = f(b)",
        "replace a quantity by what an earlier equation says it equals",
        "前の式を代入する",
        "equation",
        "equation",
    ),
    Rule(
        "log_both_sides",
        r"a = b \implies \log a = \log b",
        "take the log of both sides of an earlier equation (both sides positive)",
        "前の式の両辺の対数をとる（両辺は正）",
        "equation",
        "equation",
        conditions=("positive a",),
    ),
    Rule(
        "neg_both_sides",
        r"a = b \implies -a = -b",
        "negate both sides of an earlier equation",
        "前の式の両辺に -1 を掛ける",
        "equation",
        "equation",
    ),
    Rule(
        "one_hot",
        r"t_k = \delta_{kj}",
        "put in the one-hot counts: one for the observed outcome, zero for the others",
        "one-hot 表現を代入する（観測した結果だけ 1、他は 0）",
        "equation",
        "equation",
    ),
    Rule(
        "specialize",
        r"f(t) \to f(t_0)",
        "put in values for symbols (a special case of the equation before, holding for those "
        "values)",
        "記号に値を代入する（前の式の特別な場合で、その値のときに成り立つ）",
        "equation",
        "equation",
    ),
    Rule(
        "generalize",
        r"\sum_{k=1}^{6} \to \sum_{k=1}^{K}",
        "generalise a concrete count to $K$: proved for every $K$; with $K$ put back it is an "
        "earlier equation",
        "具体的な個数を $K$ に一般化する（すべての $K$ で証明する。$K$ を戻すと前の式になる）",
        "equation",
        "equation",
    ),
    Rule(
        "algebra",
        r"a = b",
        "algebra: the two sides are equal after simplification",
        "式変形（整理すると両辺が等しい）",
        "engine",
        "algebra",
        engine="simplify",
    ),
)

# Integrals (issue 18). Applied by eqchain.check.integrals, not by the rewrite engine: each
# names what a step with integrals was proved by; every definite integral of a verified step
# must converge (established by a finite value from SymPy under established conditions).
INTEGRAL_RULES: tuple[Rule, ...] = (
    Rule(
        "integral_integrand",
        r"f = g \text{ on } [a, b] \implies \int_a^b f \, dx = \int_a^b g \, dx",
        "rewrite the integrand: equal integrands over the same range (the integral converges)",
        "被積分関数を書き換える（同じ範囲で等しい被積分関数、積分は収束する）",
        "engine",
        "integral",
        conditions=("converges f",),
        engine="integral",
    ),
    Rule(
        "integral_linear",
        r"\int_a^b (c f + g) \, dx = c \int_a^b f \, dx + \int_a^b g \, dx",
        "split the integral over the terms of its integrand and take constant factors out "
        "(each piece converges)",
        "被積分関数の項ごとに積分を分け、定数を外に出す（各項の積分は収束する）",
        "engine",
        "integral",
        conditions=("converges f", "converges g"),
        engine="integral",
    ),
    Rule(
        "integral_split_range",
        r"\int_a^b f \, dx = \int_a^c f \, dx + \int_c^b f \, dx",
        "split the range of integration at a point (or join two adjacent ranges; reversing the "
        "limits changes the sign); every integral converges",
        "積分区間を途中の点で分ける（隣り合う区間をつなぐ、上端と下端を入れ替えると符号が変わる）"
        "（各積分は収束する）",
        "engine",
        "integral",
        conditions=("converges f",),
        engine="integral",
    ),
    Rule(
        "integral_substitute",
        r"\int_{(c - \beta)/\alpha}^{(d - \beta)/\alpha} f(\alpha x + \beta) \, \alpha \, dx"
        r" = \int_c^d f(t) \, dt",
        "change the variable of integration, t = alpha x + beta, with its Jacobian dt = alpha dx "
        "(alpha nonzero, of known sign for an infinite limit; the integral converges)",
        "積分変数を変換する（t = αx + β、ヤコビアン dt = α dx。α は 0 でなく、無限の端では符号が"
        "分かっている。積分は収束する）",
        "engine",
        "integral",
        conditions=("nonzero alpha", "converges f"),
        engine="integral",
    ),
    Rule(
        "integral_by_parts",
        r"\int_a^b u v' \, dx = \Big[u v\Big]_a^b - \int_a^b u' v \, dx",
        "integrate by parts: the boundary term of u v, minus the integral of u' v (u v "
        "continuous on the range, both integrals converge)",
        "部分積分する（u v の境界項から u' v の積分を引く。"
        "u v は区間で連続、両方の積分は収束する）",
        "engine",
        "integral",
        conditions=("continuous u", "continuous v", "converges f"),
        engine="integral",
    ),
    Rule(
        "integral_differentiate",
        r"\frac{\partial}{\partial \theta} \int_a^b f(x, \theta) \, dx"
        r" = \int_a^b \frac{\partial f}{\partial \theta} \, dx",
        "differentiate under the integral sign (Leibniz's rule: limits free of theta, a bounded "
        "range, f and its derivative continuous; over an unbounded range, a dominating "
        "integrable function)",
        "積分記号下で微分する（ライプニッツの規則：積分の端は θ によらず、区間は有界、"
        "f とその導関数は連続。無限区間では可積分な優関数が要る）",
        "engine",
        "integral",
        conditions=("continuous f", "continuous df"),
        engine="integral",
    ),
    Rule(
        "antiderivative",
        r"\frac{d}{dx} F = f \implies \int f \, dx = F \quad (\text{up to a constant})",
        "F is an antiderivative of f: its derivative is the integrand, so the indefinite "
        "integral is F up to a constant (F real: each logarithm's argument positive, each root's "
        "radicand nonnegative); never an equation for later steps",
        "F は f の原始関数（F の導関数が被積分関数なので、不定積分は定数の差を除いて F）"
        "（F は実数値：対数の中は正、根号の中は非負）。後の式変形には使わない",
        "engine",
        "integral",
        conditions=("real F",),
        engine="integral",
    ),
    Rule(
        "integral_evaluate",
        r"\int_0^1 x^2 \, dx = \frac{1}{3}",
        "evaluate the definite integral (SymPy's integrate, under its convergence conditions)",
        "定積分を計算する（SymPy の integrate、収束条件のもとで）",
        "engine",
        "integral",
        conditions=("converges f",),
        engine="integral",
    ),
)
# Expectations (issue 18). Applied by eqchain.check.expectations: what a step with
# expectations (\mathbb{E}, \langle \rangle; Var and Cov are read through them) was proved by.
# "constant" means declared constant, a number, an expectation, or a symbol other than the
# variable a subscript names; "finite" an expectation of a polynomial in variables declared
# with finite moments.
EXPECTATION_RULES: tuple[Rule, ...] = (
    Rule(
        "expectation_body",
        r"f = g \text{ in every outcome} \implies \mathbb{E}[f] = \mathbb{E}[g]",
        "rewrite inside the expectation: arguments equal in every outcome have equal expectations",
        "期待値の中を書き換える（どの結果でも等しい量の期待値は等しい）",
        "engine",
        "expectation",
        engine="expectation",
    ),
    Rule(
        "expectation_linear",
        r"\mathbb{E}[a X + b Y] = a \mathbb{E}[X] + b \mathbb{E}[Y]",
        "linearity of the expectation: split it over the terms of a sum and take constant "
        "factors out (a, b constant; each expectation finite)",
        "期待値の線形性：和の項ごとに分け、定数を外に出す（a, b は定数、各期待値は有限）",
        "engine",
        "expectation",
        conditions=("constant a", "constant b", r"finite \mathbb{E}[X]", r"finite \mathbb{E}[Y]"),
        engine="expectation",
    ),
    Rule(
        "expectation_lotus",
        r"\mathbb{E}_{x \sim p}[g(x)] = \int_{-\infty}^{\infty} g(x) \, p(x) \, dx",
        "the law of the unconscious statistician: the expectation over a density is the "
        "integral of the quantity times the density (p a declared function, the Gaussian "
        "\\mathcal{N}(\\mu, \\sigma^2), or a continuous law of the table of densities such "
        "as \\mathrm{Exp}(\\lambda), over its support once its parameters' conditions are "
        "established; the integral converges); over a discrete law of the table "
        "(\\mathrm{Bern}(p), \\mathrm{Poiss}(\\lambda)), the sum over its support",
        "無意識の統計学者の法則：密度についての期待値は、量と密度の積の積分"
        "（p は宣言された関数、正規分布、または密度の表の連続分布、積分は収束する）。"
        "表の離散分布では台の上の和",
        "engine",
        "expectation",
        conditions=("converges g p",),
        engine="expectation",
    ),
    Rule(
        "expectation_tower",
        r"\mathbb{E}\left[\mathbb{E}[Y \mid X]\right] = \mathbb{E}[Y]",
        "the law of total expectation (the tower property): the expectation of a conditional "
        "expectation is the expectation itself; conditioned on fewer names, "
        "E[E[Y | X, Z] | X] = E[Y | X] (Y's expectation finite)",
        "全期待値の法則（タワー性）：条件付き期待値の期待値はもとの期待値。"
        "条件を減らしても同じ：E[E[Y | X, Z] | X] = E[Y | X]（Y の期待値は有限）",
        "engine",
        "expectation",
        conditions=(r"finite \mathbb{E}[Y]",),
        engine="expectation",
    ),
    Rule(
        "expectation_constant",
        r"\mathbb{E}[c] = c",
        "the expectation of a constant is the constant (c constant: not random)",
        "定数の期待値はその定数（c は確率変数でない）",
        "engine",
        "expectation",
        conditions=("constant c",),
        engine="expectation",
    ),
)
# Relations other than equality (issue 14): the proofs of eqchain.check.relations. They are
# not rewrites (``how = "relation"``): the engine names them when it proves an order, an
# implication or a proportionality.
RELATION_RULES: tuple[Rule, ...] = (
    Rule(
        "sign_definite",
        r"d \geq 0 \implies a \le a + d",
        "the difference of the two sides has a known sign (sums and products of terms of known "
        "sign, squares)",
        "両辺の差の符号が定まる（符号の分かる項の和と積、平方）",
        "relation",
        "order",
    ),
    Rule(
        "log_le_sub_one",
        r"\log x \le x - 1",
        "the log lies below its tangent at 1: log x is at most x - 1 (x > 0)",
        "対数は x = 1 での接線の下にある：log x ≤ x − 1（x > 0）",
        "relation",
        "order",
        conditions=("positive x",),
    ),
    Rule(
        "log_ge_one_sub_inv",
        r"\log x \ge 1 - \frac{1}{x}",
        "log x is at least 1 - 1/x (x > 0): the tangent bound applied to 1/x",
        "log x ≥ 1 − 1/x（x > 0）：接線の不等式を 1/x に使う",
        "relation",
        "order",
        conditions=("positive x",),
    ),
    Rule(
        "exp_ge_one_add",
        r"e^{x} \ge 1 + x",
        "the exponential lies above its tangent at 0: e^x is at least 1 + x (x real)",
        "指数関数は x = 0 での接線の上にある：e^x ≥ 1 + x（x は実数）",
        "relation",
        "order",
        conditions=("real x",),
    ),
    Rule(
        "rearrange",
        r"a = b \implies c = d \text{ when } c - d = h (a - b),\ h \neq 0 \text{ a number}",
        "rearrange the equation before (the same equation, terms moved or scaled by a number)",
        "前の式を移項・定数倍して整理する",
        "relation",
        "implication",
    ),
    Rule(
        "multiply_both_sides",
        r"a = b \implies h a = h b",
        "multiply both sides of the equation before by a quantity defined wherever it holds",
        "前の式の両辺に（そこで定義される）量を掛ける",
        "relation",
        "implication",
    ),
    Rule(
        "divide_both_sides",
        r"c a = c b,\ c \neq 0 \implies a = b",
        "cancel a factor from both sides of the equation before (the factor is nonzero)",
        "前の式の両辺を 0 でない因子で割る",
        "relation",
        "implication",
        conditions=("nonzero c",),
    ),
    Rule(
        "exp_both_sides",
        r"a = b \implies e^{a} = e^{b}",
        "take the exponential of both sides of the equation before",
        "前の式の両辺の指数をとる",
        "relation",
        "implication",
    ),
    Rule(
        "arg_max",
        r"\hat{\theta} = \arg\max_{\theta} f(\theta)",
        "the point where the objective is largest: the Lagrange solver's stationary point, "
        "certified the global maximum",
        "目的関数を最大にする点：ラグランジュ法で求めた停留点（大域的最大と証明済み）",
        "relation",
        "optimum",
    ),
    Rule(
        "arg_min",
        r"\hat{\theta} = \arg\min_{\theta} f(\theta)",
        "the point where the objective is smallest: the Lagrange solver's stationary point, "
        "certified the global minimum",
        "目的関数を最小にする点：ラグランジュ法で求めた停留点（大域的最小と証明済み）",
        "relation",
        "optimum",
    ),
    Rule(
        "propto_ratio",
        r"\frac{A}{B} \text{ free of } \theta,\ B \neq 0 \implies A \propto B",
        "the ratio of the two sides does not depend on the variables (it is a constant factor)",
        "両辺の比が変数によらない（定数倍）",
        "relation",
        "propto",
        conditions=("nonzero B",),
    ),
    Rule(
        "approximation",
        r"\left| a - 73.66 \right| \le 0.005 \implies a \approx 73.66",
        "the exact value of the left side rounds to the decimal written, at its number of "
        "digits after the point (an exact rational computation; a tie rounds either way)",
        "左辺の厳密な値を、書かれた小数の桁数で丸めるとその小数になる（有理数による厳密な計算）",
        "relation",
        "approximation",
    ),
)
# Vectors and matrices (check/matrices.py decides such steps; never applied by the rule search)
MATRIX_RULES: tuple[Rule, ...] = (
    Rule(
        "matrix_algebra",
        r"(A + B)^{\top} (A + B) = A^{\top} A + A^{\top} B + B^{\top} A + B^{\top} B,\ "
        r"(A B)^{\top} = B^{\top} A^{\top}",
        "both sides are the same polynomial in non-commuting matrices (products expanded in "
        "order, transposes pushed to the names)",
        "両辺は非可換な行列の同じ多項式（順序を保って展開し、転置を各文字に移す）",
        "matrix",
        "matrix",
    ),
    Rule(
        "transpose_1x1",
        r"u^{\top} v \text{ is } 1 \times 1 \implies u^{\top} v = v^{\top} u",
        "a 1 x 1 product is a scalar: its own transpose (b^T X^T y = y^T X b), commuting with "
        "every factor",
        "1 × 1 の積はスカラー：その転置に等しく（b^T X^T y = y^T X b）、どの因子とも交換できる",
        "matrix",
        "matrix",
        conditions=("one_by_one u^T v",),
    ),
)

RULES = RULES + INTEGRAL_RULES + EXPECTATION_RULES + RELATION_RULES + MATRIX_RULES

RULES_BY_NAME: dict[str, Rule] = {r.name: r for r in RULES}

FAMILIES: dict[str, tuple[str, ...]] = {}
for _r in RULES:
    FAMILIES.setdefault(_r.family, ())
    FAMILIES[_r.family] += (_r.name,)


def get(name: str) -> Rule:
    """The rule called ``name``; KeyError if there is none."""
    return RULES_BY_NAME[name]


def names_in_families(families: list[str]) -> tuple[str, ...]:
    """Rule names of the given families (``log``, ``sum``, ...); ValueError for an unknown one."""
    out: list[str] = []
    for fam in families:
        if fam not in FAMILIES:
            raise ValueError(f"unknown rule family '{fam}' (known: {', '.join(sorted(FAMILIES))})")
        out.extend(FAMILIES[fam])
    return tuple(out)
