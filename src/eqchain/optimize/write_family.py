"""The claims of a Lagrange derivation over a family ``y_k``: general K, then the data."""

from __future__ import annotations

import sympy as sp

from eqchain.errors import InputError
from eqchain.model import StepKind
from eqchain.optimize import solution as S
from eqchain.optimize.claims import (
    MAX_INSTANCE_MINORS,
    Claim,
    certificate_note,
    definition_claim,
    note_last,
    rules,
    where_of,
)
from eqchain.optimize.problem import Family, Problem
from eqchain.optimize.solve import solve
from eqchain.optimize.structure import linear_family_constraint
from eqchain.optimize.texts import derivative, paren, tex


class FamilyWriter:
    def __init__(self, problem: Problem, timeout: float):
        if len(problem.constraints) != 1:
            raise InputError(
                "derivations for a family of variables are written for exactly one "
                "linear constraint"
            )
        self.problem = problem
        self.timeout = timeout
        self.fam: Family = problem.variables
        self.general = solve(problem.general(), timeout)
        lin = linear_family_constraint(problem.constraints[0].residual, self.fam)
        if lin is None or not self.general.in_multipliers:
            raise InputError(
                "the derivation template needs a separable objective and a linear constraint"
            )
        self.a, self.b = lin.coeff, lin.rhs
        self.lam = problem.multipliers[0]
        taken = {str(s) for s in problem.objective.free_symbols}
        self.n_name = next(n for n in ("N", "S", "Z", "M") if n not in taken)
        self.n_sym = sp.Symbol(self.n_name)

    def claims(self) -> list[Claim]:
        out = [definition_claim(self.problem)]
        y, lam = self.fam.generic, self.lam
        ((_, gradient),) = self.general.gradient
        grad_text = tex(gradient)
        out.append(
            Claim(
                f"{derivative(y)} = {grad_text}",
                by=rules("differentiate"),
                en=(
                    f"Differentiate with respect to one {tex(y)}: in each sum only the term "
                    "with the "
                    f"same index depends on it."
                ),
                ja=f"{tex(y)} で偏微分する。和の中で {tex(y)} を含むのは同じ添字の項だけ。",
            )
        )
        fpp = sp.diff(gradient, y)
        out.append(
            Claim(
                f"{derivative(y, 2)} = {tex(fpp)}",
                by=rules("differentiate"),
                en=(
                    "Differentiate once more. Each term of the objective depends on one variable "
                    "and the constraint is linear, so the mixed partial derivatives vanish and the "
                    "Hessian of the Lagrangian is diagonal with these entries."
                ),
                ja=(
                    "もう一度微分する。目的関数の各項は一つの変数だけに依存し制約は線形なので、"
                    "異なる変数での二階偏微分は 0 で、ヘッセ行列はこの成分を並べた対角行列。"
                ),
            )
        )
        out.append(
            Claim(
                f"{grad_text} = 0",
                StepKind.GIVEN,
                en=(
                    "Lagrange condition: at a constrained extremum the partial derivatives of the "
                    "Lagrangian vanish, so we look for the point where the expression above is "
                    "zero "
                    "for every index."
                ),
                ja=(
                    "ラグランジュの未定乗数法：制約付きの極値では"
                    "ラグランジュ関数の偏微分がすべて 0。"
                    "上の式がすべての添字で 0 になる点を探す。"
                ),
            )
        )
        ((_, y_of_lam),) = self.general.in_multipliers
        c = sp.simplify(y_of_lam * lam)
        if c.has(lam):
            return out + self._generic_point(y_of_lam)
        c_text = tex(c)
        out.append(
            Claim(
                f"{tex(lam)} {tex(y)} = {c_text}",
                by=rules("solve_for", "algebra"),
                en=(
                    f"Multiply by {tex(y)} (positive) and move {tex(lam)} {tex(y)} "
                    "to the other side."
                ),
                ja=f"両辺に {tex(y)}（正）を掛けて移項する。",
            )
        )
        con = self.problem.constraints[0]
        out.append(
            Claim(
                f"{tex(con.lhs)} = {tex(con.rhs)}",
                StepKind.GIVEN,
                en="The constraint.",
                ja="制約条件。",
            )
        )
        k, lo, hi = self.fam.index, self.fam.lower, self.fam.upper
        total = sp.Sum(self.a * c, (k, lo, hi))
        out.append(
            Claim(
                f"{self.n_name} = {tex(total)}",
                StepKind.DEFINITION,
                en=f"Name the total: {self.n_name}.",
                ja=f"合計を {self.n_name} とおく。",
            )
        )
        lhs = tex(self.b * lam) if self.b != 1 else tex(lam)
        a_y = tex(self.a * y)
        out.append(
            Claim(
                f"{lhs} = {tex(lam)} {tex(con.lhs)}",
                by=rules("substitute"),
                en="Multiply the constraint by the multiplier.",
                ja="制約の両辺に未定乗数を掛ける。",
            )
        )
        out.append(
            Claim(
                f"= \\sum_{{{tex(k)}={tex(lo)}}}^{{{tex(hi)}}} {tex(lam)} {a_y}",
                by=rules("sum_const_mul"),
                en="Take the multiplier inside the sum.",
                ja="未定乗数を和の中に入れる。",
            )
        )
        out.append(
            Claim(
                f"= {tex(total)}",
                by=rules("substitute"),
                en=f"Put in {tex(lam)} {tex(y)} = {c_text} for every index.",
                ja=f"各添字で {tex(lam)} {tex(y)} = {c_text} を代入する。",
            )
        )
        out.append(
            Claim(
                f"= {self.n_name}",
                by=rules("substitute"),
                en=f"By the definition of {self.n_name}.",
                ja=f"{self.n_name} の定義より。",
            )
        )
        y_star = self.b * c / self.n_sym
        out.append(
            Claim(
                f"{tex(y)} = {tex(y_star)}",
                by=rules("substitute"),
                en=(
                    f"Divide {tex(lam)} {tex(y)} = {c_text} by {tex(lam)} = {self.n_name}: "
                    "the only "
                    "stationary point."
                ),
                ja=(
                    f"{tex(lam)} {tex(y)} = {c_text} に {tex(lam)} = {self.n_name} を代入する。"
                    "停留点はこれだけ。"
                ),
            )
        )
        out += self._second_order(y_star)
        if self.problem.data:
            out += self._instance(y_star)
        return out

    def _generic_point(self, y_of_lam) -> list[Claim]:
        y = self.fam.generic
        ((_, lam_value),) = self.general.multiplier_values
        ((_, y_star),) = self.general.point
        return [
            Claim(
                f"{tex(y)} = {tex(y_of_lam)}",
                by=rules("solve_for", "algebra"),
                en=f"Solve the Lagrange condition for {tex(y)}.",
                ja=f"ラグランジュの条件を {tex(y)} について解く。",
            ),
            Claim(
                f"{tex(self.lam)} = {tex(lam_value)}",
                by=rules("substitute", "algebra"),
                en="Put the solution into the constraint and solve for the multiplier.",
                ja="解を制約に代入して未定乗数について解く。",
            ),
            Claim(
                f"{tex(y)} = {tex(y_star)}",
                by=rules("substitute"),
                en="Put the multiplier back.",
                ja="未定乗数の値を戻す。",
            ),
        ]

    def _second_order(self, y_star) -> list[Claim]:
        y = self.fam.generic
        cert = self.general.certificate
        fpp = sp.diff(self.general.gradient[0][1], y)
        at_point = sp.simplify(fpp.xreplace({y: y_star}))
        wanted = S.MAXIMUM if self.problem.maximize else S.MINIMUM
        en, ja = certificate_note(cert, wanted)
        return [
            Claim(
                f"{tex(fpp)} = {tex(at_point)}",
                by=rules("substitute"),
                en=f"The Hessian's diagonal at the stationary point. {en}",
                ja=f"停留点でのヘッセ行列の対角成分。{ja}",
            )
        ]

    def _instance(self, y_star) -> list[Claim]:
        inst = solve(self.problem, self.timeout)
        where = where_of(self.problem)
        y = self.fam.generic
        out: list[Claim] = []
        data_text = "; ".join(
            f"{name} = ({', '.join(tex(v) for v in vals)})"
            if isinstance(vals, tuple)
            else f"{name} = {tex(vals)}"
            for name, vals in where
        )
        if inst.status == S.NOT_UNIQUE:
            return [
                Claim(
                    f"{self.n_name} = 0",
                    where=where,
                    by=rules("substitute", "sum_expand"),
                    en=(
                        f"With {data_text} every count is zero: the objective is constant "
                        "and every feasible point is optimal (not unique)."
                    ),
                    ja="回数がすべて 0：目的関数は定数で、すべての点が最適（一意でない）。",
                )
            ]
        ((lam_sym, lam_value),) = inst.multiplier_values
        n_value = lam_value if self.b == 1 else lam_value * self.b
        out.append(
            Claim(
                f"{self.n_name} = {tex(n_value)}",
                where=where,
                by=rules("substitute", "sum_expand"),
                en=f"The data: {data_text}. Add up.",
                ja=f"データ {data_text} を代入して足し合わせる。",
            )
        )
        out.append(
            Claim(
                f"{tex(y)} = {tex(y_star.xreplace({self.n_sym: n_value}))}",
                where=where,
                by=rules("substitute"),
                en="The maximum-likelihood estimate for these data.",
                ja="このデータに対する最尤推定値。",
            )
        )
        for member, value in inst.values:
            boundary = member in inst.boundary
            en = (
                f"Face {member.indices[0]}: a zero count; its interior Lagrange equation has no "
                "solution, the maximum is on the boundary (0 log 0 = 0)."
                if boundary
                else f"Index {member.indices[0]}: put k = {member.indices[0]} in the line above."
            )
            ja = (
                "回数 0 の目：内部の停留条件は成り立たず、最大は境界上（0 log 0 = 0 とする）。"
                if boundary
                else f"上の式で k = {member.indices[0]} とおく。"
            )
            out.append(
                Claim(
                    f"{tex(member)} = {tex(value)}",
                    where=where,
                    by=rules("specialize", "substitute"),
                    en=en,
                    ja=ja,
                )
            )
        minors = self._minor_claims(inst, where)
        out += minors
        if not minors:
            wanted = S.MAXIMUM if self.problem.maximize else S.MINIMUM
            note_last(out, *certificate_note(inst.certificate, wanted))
        return out

    def _minor_claims(self, inst: S.Solution, where) -> list[Claim]:
        cert = inst.certificate
        n = len(cert.diagonal)
        if (
            cert.method != "bordered-hessian"
            or not cert.border
            or n > MAX_INSTANCE_MINORS
            or inst.boundary
        ):
            return []
        y, k = self.fam.generic, self.fam.index
        fpp = sp.diff(self.general.gradient[0][1], y)
        ((_, y_star),) = self.general.point
        total = self.general.multiplier_values[0][1]
        n_value = inst.multiplier_values[0][1] * (1 if self.b == 1 else self.b)
        d_generic = sp.simplify(fpp.xreplace({y: y_star}).xreplace({total: n_value}))
        ratio = sp.simplify(self.a**2 / d_generic)
        wanted = S.MAXIMUM if self.problem.maximize else S.MINIMUM
        out = []
        signs = []
        for minor in cert.minors:
            j = minor.order - 1
            prod = f"\\prod_{{{tex(k)}=1}}^{{{j}}} {paren(d_generic)}"
            total_text = f"\\sum_{{{tex(k)}=1}}^{{{j}}} {paren(ratio)}"
            text = f"-\\left({prod}\\right) \\left({total_text}\\right) = {tex(minor.value)}"
            sign = "positive" if minor.sign == 1 else "negative" if minor.sign == -1 else "zero"
            signs.append(sign)
            en = (
                f"Leading principal minor of order {minor.order} of the bordered Hessian "
                f"[[0, a^T], [a, diag(d)]] at the point, d_k = {tex(d_generic)}: by the Schur "
                f"complement it is -(prod d_k)(sum a_k^2/d_k) = {minor.value}, {sign}."
            )
            ja = (
                f"縁付きヘッセ行列の {minor.order} 次の首座小行列式。シューア補行列より "
                f"-(Π d_k)(Σ a_k²/d_k) = {minor.value}（{'正' if minor.sign == 1 else '負'}）。"
            )
            out.append(
                Claim(
                    text,
                    where=where,
                    by=rules("substitute", "prod_expand", "sum_expand"),
                    en=en,
                    ja=ja,
                )
            )
        if not out:
            return out
        orders = f"{cert.minors[0].order}..{cert.minors[-1].order}"
        if cert.status == wanted == S.MAXIMUM:
            en = (
                f" The minors of orders {orders} are {', '.join(signs)}: they alternate, the "
                "first with the sign (-1)^(m+1) for m = 1 constraint, so the point is a strict "
                "local maximum"
                + (" (and the global one, by concavity)." if cert.is_global else ".")
            )
            ja = "符号が交互に変わり、最初が (-1)^(m+1)（m = 1）なので狭義の極大点" + (
                "（凹性より大域的な最大点）。" if cert.is_global else "。"
            )
        elif cert.status == wanted:
            en = (
                f" The minors of orders {orders} all have the sign (-1)^m = -1 for m = 1 "
                "constraint, so the point is a strict local minimum"
                + (" (and the global one, by convexity)." if cert.is_global else ".")
            )
            ja = "すべて (-1)^m（m = 1）の符号なので狭義の極小点" + (
                "（凸性より大域的な最小点）。" if cert.is_global else "。"
            )
        else:
            en, ja = certificate_note(cert, wanted)
            en = " " + en
        note_last(out, en.strip(), ja)
        return out
