r"""The one writer of a Lagrange derivation, for plain variables (``x, y``) and for a family
``y_k``, k = 1..K, alike.

Every derivation has the same shape, whatever the variables:

1. the Lagrangian (a definition);
2. its first and second derivatives (the Hessian before the point: once ``v = ...`` is known, a
   derivative with respect to v cannot be rewritten with it);
3. the premises, as givens: stationarity (each derivative vanishes) and *every* constraint;
4. the stationary point, through the multiplier when there is one constraint;
5. the second-order verdict, always, on the Hessian at the point;
6. with data: the instance (the values, the bordered-Hessian minors) and its verdict.

Nothing written here is trusted: the checker decides every claim (see :mod:`.derivation`).
"""

from __future__ import annotations

import sympy as sp

from eqchain.errors import InputError
from eqchain.model import StepKind
from eqchain.optimize import solution as S
from eqchain.optimize.claims import (
    MAX_INSTANCE_MINORS,
    Claim,
    apply_data,
    certificate_note,
    definition_claim,
    minors_note,
    note_last,
    rules,
    verdict_title,
    where_of,
    with_role,
)
from eqchain.optimize.common import solve_linear
from eqchain.optimize.problem import Family, Problem
from eqchain.optimize.solve import solve
from eqchain.optimize.structure import linear_family_constraint
from eqchain.optimize.texts import derivative, paren, tex

# The leading principal minors of the bordered Hessian (border a, the constraint's
# coefficients; diagonal d), by the Schur complement, as note math.
_SCHUR = r"-\left(\prod_{k} d_{k}\right) \sum_{k} \frac{a_{k}^{2}}{d_{k}}"


class Writer:
    """The claims deriving the optimum of one problem; ``certificate`` is the verdict the last
    second-order test reached (the instance's when there are data)."""

    def __init__(self, problem: Problem, timeout: float = 10.0):
        self.problem = problem
        self.timeout = timeout
        self.wanted = S.MAXIMUM if problem.maximize else S.MINIMUM
        self.general = solve(problem.general(), timeout)
        self.instance = solve(problem, timeout) if problem.data else None
        self.fam: Family | None = problem.variables if problem.is_family else None
        if self.fam is not None:
            lin = (
                linear_family_constraint(problem.constraints[0].residual, self.fam)
                if len(problem.constraints) == 1
                else None
            )
            if lin is None or not self.general.in_multipliers:
                raise InputError(
                    "derivations for a family of variables are written for a separable "
                    "objective and exactly one linear constraint"
                )
            self.a, self.b = lin.coeff, lin.rhs
            taken = {str(s) for s in problem.objective.free_symbols}
            self.n_name = next(n for n in ("N", "S", "Z", "M") if n not in taken)
            self.n_sym = sp.Symbol(self.n_name)

    @property
    def certificate(self) -> S.Certificate:
        return (self.instance or self.general).certificate

    @property
    def status(self) -> str:
        return (self.instance or self.general).status

    @property
    def verdict(self) -> str:
        """What the last second-order test proved, for a title ("Strict local maximum")."""
        return verdict_title(self.status, self.certificate.is_global)

    # -- the derivation ---------------------------------------------------------------------

    def claims(self) -> list[Claim]:
        """The claims in order, each with its role (see :class:`Claim`)."""
        out = with_role([definition_claim(self.problem)], "Lagrangian")
        out += self._derivatives()
        out += self._premises()
        if not self.general.point:
            note_last(out, *certificate_note(self.general.certificate, self.wanted))
            return out
        out += with_role(self._point(), "solution")
        out += with_role(self._second_order(), "second-order")
        if self.instance is not None:
            out += with_role(self._instance(), "data")
        wanted = self._wanted_condition()
        if wanted is not None:
            out.append(wanted)
        return out

    def _wanted_condition(self) -> Claim | None:
        """When the second-order test did not certify the wanted extremum (it found the other
        one, a saddle, or could not decide), the condition the wanted one needs, as a claim
        the checker decides: a ``[maximize]`` whose point is a minimum is no maximum, and its
        check does not pass (it exited 0, every step verified, red team s45). The concavity test's
        diagonal entry with the wanted sign everywhere, or the first leading principal minor of
        the bordered Hessian whose sign is not the one the wanted extremum needs (orders 2m+1
        .. n+m: (-1)^(r-m) for a maximum, (-1)^m for a minimum, m the constraints)."""
        cert = self.certificate
        if cert.status == self.wanted or cert.status == S.NOT_UNIQUE:
            return None
        maximum = self.wanted == S.MAXIMUM
        word, word_ja = ("maximum", "最大") if maximum else ("minimum", "最小")
        where = where_of(self.problem) if self.instance is not None else ()
        if cert.method == "concavity" and cert.hessian_entry is not None:
            relation = "<" if maximum else ">"
            return Claim(
                f"{tex(cert.hessian_entry)} {relation} 0",
                en=(
                    f"A {word} needs the Hessian's diagonal entry "
                    f"{'negative' if maximum else 'positive'} at every point of the domain; "
                    f"the second-order test found a {cert.status}."
                ),
                ja=(
                    f"{word_ja}点であるにはヘッセ行列の対角成分が定義域のすべての点で"
                    f"{'負' if maximum else '正'}でなければならないが、二階の条件の判定は"
                    f"「{cert.status}」。"
                ),
                role="second-order",
            )
        if cert.method != "bordered-hessian" or not cert.minors:
            return None
        m = (cert.minors[0].order - 1) // 2
        for minor in cert.minors:
            need = (-1) ** (minor.order - m) if maximum else (-1) ** m
            if minor.sign == need:
                continue
            relation = ">" if need == 1 else "<"
            return Claim(
                f"{tex(minor.value)} {relation} 0",
                where=where,
                en=(
                    f"A {word} needs the bordered Hessian's leading principal minor of order "
                    f"${minor.order}$ {'positive' if need == 1 else 'negative'}; at the "
                    f"stationary point it is ${tex(minor.value)}$: the point is a "
                    f"{cert.status}, no {word}."
                ),
                ja=(
                    f"{word_ja}点であるには縁付きヘッセ行列の ${minor.order}$ 次の首座小行列式が"
                    f"{'正' if need == 1 else '負'}でなければならないが、停留点では "
                    f"${tex(minor.value)}$（判定は「{cert.status}」）。"
                ),
                role="second-order",
            )
        return None

    def _variables(self):
        """(variable, dL/dvariable): each plain variable, or the family's generic member."""
        return self.general.gradient

    def _derivatives(self) -> list[Claim]:
        out = []
        family = self.fam is not None
        for v, g in self._variables():
            en = f"Differentiate with respect to ${tex(v)}$."
            ja = f"${tex(v)}$ で偏微分する。"
            if family:
                en = (
                    f"Differentiate with respect to one ${tex(v)}$: in each sum only the term "
                    "with the same index depends on it."
                )
                ja += f"和の中で ${tex(v)}$ を含むのは同じ添字の項だけ。"
            out.append(
                Claim(
                    f"{derivative(v)} = {tex(g)}",
                    by=rules("differentiate"),
                    en=en,
                    ja=ja,
                    role="derivative",
                )
            )
        for v, g in self._variables():
            en = f"Differentiate once more with respect to ${tex(v)}$."
            ja = f"${tex(v)}$ でもう一度偏微分する。"
            if family:
                en = (
                    "Differentiate once more. Each term of the objective depends on one variable "
                    "and the constraint is linear, so the mixed partial derivatives vanish and the "
                    "Hessian of the Lagrangian is diagonal with these entries."
                )
                ja = (
                    "もう一度微分する。目的関数の各項は一つの変数だけに依存し制約は線形なので、"
                    "異なる変数での二階偏微分は 0 で、ヘッセ行列はこの成分を並べた対角行列。"
                )
            second = sp.diff(g, v)
            out.append(
                Claim(
                    f"{derivative(v, 2)} = {tex(second)}",
                    by=rules("differentiate"),
                    en=en,
                    ja=ja,
                    role="second derivative",
                )
            )
        return out

    def _premises(self) -> list[Claim]:
        """Stationarity and every constraint, as givens: what the point is derived from."""
        out = []
        for v, g in self._variables():
            out.append(
                Claim(
                    f"{tex(g)} = 0",
                    StepKind.GIVEN,
                    en=(
                        f"Stationarity: the derivative with respect to ${tex(v)}$ vanishes"
                        + (" for every index." if self.fam is not None else ".")
                    ),
                    ja=f"停留条件：${tex(v)}$ での偏微分が $0$。",
                    role="stationarity",
                )
            )
        for c in self.problem.constraints:
            out.append(
                Claim(
                    f"{tex(c.lhs)} = {tex(c.rhs)}",
                    StepKind.GIVEN,
                    en="The constraint.",
                    ja="制約条件。",
                    role="constraint",
                )
            )
        return out

    # -- the stationary point ---------------------------------------------------------------

    def _point(self) -> list[Claim]:
        sol = self.general
        if self.fam is not None:
            ((_, y_of_lam),) = sol.in_multipliers
            c = sp.simplify(y_of_lam * self.problem.multipliers[0])
            if not c.has(self.problem.multipliers[0]):
                return self._point_through_total(c)
        at = self._one_of_several()
        if len(self.problem.constraints) == 1 and self._in_multipliers() and not at:
            lam = self.problem.multipliers[0]
            products = {v: sp.simplify(v_lam * lam) for v, v_lam in self._in_multipliers()}
            if all(not c.has(lam) for c in products.values()):
                return self._point_through_products(products)
            return self._point_through_multiplier()
        if at:
            # x = -1 does not follow from 3x^2 - 3 = 0 (x = 1 does too): each stationarity
            # equation is checked at the point instead (it was refuted, a red team's)
            others = "; ".join(
                ", ".join(f"${tex(v)} = {tex(value)}$" for v, value in point)
                for point in sol.other_points
            )
            return [
                Claim(
                    f"{tex(g)} = 0",
                    by=rules("substitute"),
                    en=f"The stationarity equations hold at the point (and at {others}).",
                    ja=f"停留条件はこの点で成り立つ（{others} でも成り立つ）。",
                    where=at,
                )
                for _, g in sol.gradient
            ] + [
                Claim(
                    f"{tex(con.lhs)} = {tex(con.rhs)}",
                    by=rules("substitute"),
                    en="The constraint holds at the point.",
                    ja="制約条件はこの点で成り立つ。",
                    where=at,
                )
                for con in self.problem.constraints
            ]
        return [
            Claim(
                f"{tex(v)} = {tex(value)}",
                by=rules("solve_for"),
                en="Solve the stationarity equations.",
                ja="停留条件を解く。",
            )
            for v, value in sol.point
        ]

    def _one_of_several(self) -> tuple:
        """The point as ``where`` values when it is one of several stationary points with
        numbers for values (each claim about it is then checked there); () otherwise."""
        sol = self.general
        if not sol.other_points or self.fam is not None:
            return ()
        pairs = [*sol.point, *sol.multiplier_values]
        if not all(isinstance(v, sp.Symbol) and value is not None for v, value in pairs):
            return ()
        if not all(isinstance(value, sp.Rational) for _, value in pairs):
            return ()
        return tuple((str(v), value) for v, value in pairs)

    def _in_multipliers(self) -> tuple:
        """Each variable as a function of the multipliers only, read off one stationarity
        equation each (``y - lambda = 0`` gives y = lambda); () when some variable has none."""
        sol = self.general
        if sol.in_multipliers:
            return sol.in_multipliers
        variables = [v for v, _ in sol.gradient]
        found: dict = {}
        for _, g in sol.gradient:
            for v in variables:
                if v in found or not g.has(v):
                    continue
                roots = solve_linear(g, v)
                if roots and len(roots) == 1 and not roots[0].has(*variables):
                    found[v] = roots[0]
                    break
        if len(found) != len(variables) or set(found) != {v for v, _ in sol.point}:
            return ()
        return tuple((v, found[v]) for v, _ in sol.point)

    def _point_through_multiplier(self) -> list[Claim]:
        """v = v(lambda) for each variable, put into the constraint, solved for lambda."""
        sol, con = self.general, self.problem.constraints[0]
        lam = self.problem.multipliers[0]
        in_multipliers = self._in_multipliers()
        out = [
            Claim(
                f"{tex(v)} = {tex(v_lam)}",
                by=rules("solve_for"),
                en=f"Solve the stationarity equation for ${tex(v)}$.",
                ja=f"停留条件を ${tex(v)}$ について解く。",
            )
            for v, v_lam in in_multipliers
        ]
        substituted = self._put_in(con.lhs, dict(in_multipliers))
        out.append(
            Claim(
                f"{tex(con.rhs)} = {tex(con.lhs)}",
                by=rules("substitute"),
                en="The constraint, read from right to left.",
                ja="制約条件を右から左へ読む。",
                role="multiplier",
            )
        )
        out.append(
            Claim(
                f"= {tex(substituted)}",
                by=rules("substitute"),
                en="Put in each variable as a function of the multiplier.",
                ja="各変数に未定乗数で表した式を代入する。",
                role="multiplier",
            )
        )
        simplified = sp.simplify(substituted.doit())
        if simplified != substituted:
            out.append(
                Claim(f"= {tex(simplified)}", en="Simplify.", ja="整理する。", role="multiplier")
            )
        ((_, lam_value),) = sol.multiplier_values
        out.append(
            Claim(
                f"{tex(lam)} = {tex(lam_value)}",
                by=rules("solve_for"),
                en="Solve for the multiplier.",
                ja="未定乗数について解く。",
                role="multiplier",
            )
        )
        # "x = lambda/2 = 1/2": the value of x through its expression in the multiplier.
        for (v, v_lam), (_, value) in zip(in_multipliers, sol.point, strict=True):
            out.append(
                Claim(
                    f"{tex(v)} = {tex(v_lam)}",
                    by=rules("solve_for"),
                    en="As solved above,",
                    ja="上で解いたとおり、",
                )
            )
            out.append(
                Claim(
                    f"= {tex(value)}",
                    by=rules("substitute"),
                    en="Put the multiplier back.",
                    ja="未定乗数の値を戻す。",
                )
            )
        return out

    def _point_through_products(self, products: dict) -> list[Claim]:
        r"""Stationarity reads ``\lambda v = c_v`` (``1/p - \lambda = 0``): multiply the
        constraint by the multiplier rather than divide by it, whose sign is not known."""
        sol, con = self.general, self.problem.constraints[0]
        lam = self.problem.multipliers[0]
        # a_v: the coefficient of v in the (linear) constraint; "a_v lambda v = a_v c_v" is
        # the stationarity equation times v, and the term a_v lambda v of lambda * constraint.
        a = {v: sp.diff(con.lhs, v) for v in products}
        if any(c == 0 or c.has(*products) for c in a.values()):
            return self._point_through_multiplier()
        out = [
            Claim(
                f"{tex(a[v] * lam * v)} = {tex(a[v] * c)}",
                by=rules("solve_for", "algebra"),
                en=f"Multiply the stationarity equation for ${tex(v)}$ by ${tex(v)}$.",
                ja=f"${tex(v)}$ の停留条件に ${tex(v)}$ を掛ける。",
            )
            for v, c in products.items()
        ]
        expanded = sp.expand(lam * con.lhs)
        put_in = sp.expand(expanded.xreplace({v: c / lam for v, c in products.items()}))
        if put_in.has(lam) or put_in == expanded:
            return self._point_through_multiplier()
        out.append(
            Claim(
                f"{tex(con.rhs * lam)} = {tex(lam)} \\left({tex(con.lhs)}\\right)",
                by=rules("substitute"),
                en="Multiply the constraint by the multiplier.",
                ja="制約の両辺に未定乗数を掛ける。",
                role="multiplier",
            )
        )
        out.append(Claim(f"= {tex(expanded)}", en="Expand.", ja="展開する。", role="multiplier"))
        out.append(
            Claim(
                f"= {tex(put_in)}",
                by=rules("substitute"),
                en="Put in each product of the multiplier and a variable.",
                ja="未定乗数と各変数の積を代入する。",
                role="multiplier",
            )
        )
        ((_, lam_value),) = sol.multiplier_values
        out.append(
            Claim(
                f"{tex(lam)} = {tex(lam_value)}",
                by=rules("solve_for"),
                en="Solve for the multiplier.",
                ja="未定乗数について解く。",
                role="multiplier",
            )
        )
        for v, value in sol.point:
            product = tex(a[v] * lam * v)
            out += [
                Claim(
                    f"{tex(a[v] * lam_value * v)} = {product}",
                    by=rules("substitute"),
                    en=f"Put the multiplier into ${product} = {tex(a[v] * products[v])}$.",
                    ja=f"${product} = {tex(a[v] * products[v])}$ に未定乗数の値を代入する。",
                ),
                Claim(f"= {tex(a[v] * products[v])}", by=rules("substitute"), en="", ja=""),
                Claim(
                    f"{tex(v)} = {tex(value)}",
                    by=rules("solve_for"),
                    en=f"Solve for ${tex(v)}$.",
                    ja=f"${tex(v)}$ について解く。",
                ),
            ]
        return out

    def _put_in(self, expr, values: dict):
        """``expr`` with each variable replaced by its value; a family member under a sum is
        replaced whatever the sum's own index symbol is."""
        if self.fam is None:
            return expr.xreplace(values)
        ((generic, value),) = values.items()
        base, index = self.fam.base, self.fam.index
        return expr.replace(
            lambda e: isinstance(e, sp.Indexed) and e.base == base,
            lambda e: value.xreplace({index: e.indices[0]}) if generic == base[index] else e,
        )

    def _point_through_total(self, c) -> list[Claim]:
        r"""A family whose stationarity reads ``\lambda y_k = c_k``: the multiplier is the total
        N of the c_k (the dice: \lambda = N, y_k = t_k / N)."""
        y, lam = self.fam.generic, self.problem.multipliers[0]
        con = self.problem.constraints[0]
        c_text = tex(c)
        k, lo, hi = self.fam.index, self.fam.lower, self.fam.upper
        total = sp.Sum(self.a * c, (k, lo, hi))
        lhs = tex(self.b * lam) if self.b != 1 else tex(lam)
        y_star = self.b * c / self.n_sym
        self.y_star = y_star
        return [
            Claim(
                f"{tex(lam)} {tex(y)} = {c_text}",
                by=rules("solve_for", "algebra"),
                en=(
                    f"Multiply by ${tex(y)}$ (positive) and move ${tex(lam)} {tex(y)}$ "
                    "to the other side."
                ),
                ja=f"両辺に ${tex(y)}$（正）を掛けて移項する。",
                role="stationarity",
            ),
            Claim(
                f"{self.n_name} = {tex(total)}",
                StepKind.DEFINITION,
                en=f"Name the total: ${self.n_name}$.",
                ja=f"合計を ${self.n_name}$ とおく。",
                role="total",
            ),
            Claim(
                f"{lhs} = {tex(lam)} {tex(con.lhs)}",
                by=rules("substitute"),
                en="Multiply the constraint by the multiplier.",
                ja="制約の両辺に未定乗数を掛ける。",
                role="multiplier",
            ),
            Claim(
                f"= \\sum_{{{tex(k)}={tex(lo)}}}^{{{tex(hi)}}} {tex(lam)} {tex(self.a * y)}",
                by=rules("sum_const_mul"),
                en="Take the multiplier inside the sum.",
                ja="未定乗数を和の中に入れる。",
                role="multiplier",
            ),
            Claim(
                f"= {tex(total)}",
                by=rules("substitute"),
                en=f"Put in ${tex(lam)} {tex(y)} = {c_text}$ for every index.",
                ja=f"各添字で ${tex(lam)} {tex(y)} = {c_text}$ を代入する。",
                role="multiplier",
            ),
            Claim(
                f"= {self.n_name}",
                by=rules("substitute"),
                en=f"By the definition of ${self.n_name}$.",
                ja=f"${self.n_name}$ の定義より。",
                role="multiplier",
            ),
            Claim(
                f"{tex(y)} = {tex(y_star)}",
                by=rules("substitute"),
                en=(
                    f"Divide ${tex(lam)} {tex(y)} = {c_text}$ by ${tex(lam)} = {self.n_name}$: "
                    "the only stationary point."
                ),
                ja=(
                    f"${tex(lam)} {tex(y)} = {c_text}$ に ${tex(lam)} = {self.n_name}$ を代入する。"
                    "停留点はこれだけ。"
                ),
            ),
        ]

    @property
    def _through_total(self) -> bool:
        return hasattr(self, "y_star")

    # -- the second-order verdict -----------------------------------------------------------

    def _hessian_at_point(self) -> list[tuple]:
        """(second derivative, its value at the general stationary point) per variable."""
        sol = self.general
        if self._through_total:
            point = {self.fam.generic: self.y_star}
        else:
            point = dict(sol.point) | dict(sol.multiplier_values)
        out = []
        for v, g in sol.gradient:
            second = sp.diff(g, v)
            out.append((second, sp.simplify(second.xreplace(point).doit())))
        return out

    def _second_order(self) -> list[Claim]:
        """The Hessian at the point, with the verdict of the general second-order test (shown
        even when the Hessian is constant and there is nothing to put in)."""
        out = []
        lead_en = (
            "The Hessian's diagonal at the stationary point."
            if self.fam is not None
            else "The second derivative at the stationary point."
        )
        lead_ja = (
            "停留点でのヘッセ行列の対角成分。"
            if self.fam is not None
            else "停留点での二階偏微分の値。"
        )
        where = self._one_of_several()
        for second, at in self._hessian_at_point():
            if at != second:
                out.append(
                    Claim(
                        f"{tex(second)} = {tex(at)}",
                        by=rules("substitute"),
                        en=lead_en,
                        ja=lead_ja,
                        where=where,
                    )
                )
        self._hessian = self._hessian_at_point()
        sign = self._sign_claim(self.general.certificate)
        if sign is not None:
            out.append(sign)
        if not out:
            return [self._verdict_claim(self.general.certificate)]
        note_last(out, *certificate_note(self.general.certificate, self.wanted))
        return out

    def _sign_claim(self, cert: S.Certificate) -> Claim | None:
        """The sign of the Hessian's diagonal entry, as a claim the checker verifies like any
        other (``- \\frac{t_k}{y_k^2} < 0``): what a concavity certificate rests on."""
        if cert.method != "concavity" or cert.status != self.wanted or cert.hessian_entry is None:
            return None
        relation = "<" if self.wanted == S.MAXIMUM else ">"
        word = ("negative", "負") if relation == "<" else ("positive", "正")
        return Claim(
            f"{tex(cert.hessian_entry)} {relation} 0",
            en=f"The Hessian's diagonal entry is {word[0]} at every point of the domain.",
            ja=f"ヘッセ行列の対角成分は定義域のすべての点で{word[1]}。",
        )

    def _verdict_claim(self, cert: S.Certificate, where=()) -> Claim:
        """A claim of its own for the verdict, when no computed value carries it: the second
        derivatives (constant) as the certificate reads them."""
        en, ja = certificate_note(cert, self.wanted)
        texts = [f"{derivative(v, 2)} = {tex(sp.diff(g, v))}" for v, g in self._variables()]
        return Claim(
            texts[-1], by=rules("differentiate"), en=en, ja=ja, where=where, role="second-order"
        )

    # -- the instance -----------------------------------------------------------------------

    def _instance(self) -> list[Claim]:
        if self._through_total:
            return self._instance_through_total()
        inst, where = self.instance, where_of(self.problem)
        data = self.problem.data_mapping()
        out = [
            Claim(
                f"{tex(v)} = {tex(value)}",
                where=where,
                by=rules("substitute"),
                en="For the data: put the values in.",
                ja="データの値を代入する。",
                role="solution",
            )
            for v, value in (inst.values or inst.point)
        ]
        for _, at in self._hessian:
            value = sp.simplify(apply_data(at, data))
            if value != at:
                out.append(
                    Claim(
                        f"{tex(at)} = {tex(value)}",
                        where=where,
                        by=rules("substitute"),
                        en="The second derivative at the stationary point, for the data.",
                        ja="データに対する停留点での二階偏微分の値。",
                        role="second-order",
                    )
                )
        if not out:
            return [self._verdict_claim(inst.certificate, where)]
        note_last(out, *certificate_note(inst.certificate, self.wanted))
        return out

    def _instance_through_total(self) -> list[Claim]:
        inst, where = self.instance, where_of(self.problem)
        y, k = self.fam.generic, self.fam.index
        data_text = "; ".join(
            f"${tex(sp.Symbol(name))} = ({', '.join(tex(v) for v in vals)})$"
            if isinstance(vals, tuple)
            else f"${tex(sp.Symbol(name))} = {tex(vals)}$"
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
                    ja="回数がすべて $0$：目的関数は定数で、すべての点が最適（一意でない）。",
                )
            ]
        ((_, lam_value),) = inst.multiplier_values
        n_value = lam_value if self.b == 1 else lam_value * self.b
        out = [
            Claim(
                f"{self.n_name} = {tex(n_value)}",
                where=where,
                by=rules("substitute", "sum_expand"),
                en=f"The data: {data_text}. Add up.",
                ja=f"データ {data_text} を代入して足し合わせる。",
            ),
            Claim(
                f"{tex(y)} = {tex(self.y_star.xreplace({self.n_sym: n_value}))}",
                where=where,
                by=rules("substitute"),
                en="The stationary point for these data.",
                ja="このデータに対する停留点。",
                role="solution",
            ),
        ]
        for member, value in inst.values:
            boundary = member in inst.boundary
            i = member.indices[0]
            en = (
                f"Face ${i}$: a zero count; its interior Lagrange equation has no "
                "solution, the maximum is on the boundary ($0 \\log 0 = 0$)."
                if boundary
                else f"Index ${i}$: put ${tex(k)} = {i}$ in the line above."
            )
            ja = (
                "回数 $0$ の目：内部の停留条件は成り立たず、最大は境界上"
                "（$0 \\log 0 = 0$ とする）。"
                if boundary
                else f"上の式で ${tex(k)} = {i}$ とおく。"
            )
            out.append(
                Claim(
                    f"{tex(member)} = {tex(value)}",
                    where=where,
                    by=rules("specialize", "substitute"),
                    en=en,
                    ja=ja,
                    role="solution",
                )
            )
        minors = self._minor_claims(where)
        out += minors
        if not minors:
            note_last(out, *certificate_note(inst.certificate, self.wanted))
        return out

    def _minor_claims(self, where) -> list[Claim]:
        inst = self.instance
        cert = inst.certificate
        if (
            cert.method != "bordered-hessian"
            or not cert.border
            or len(cert.diagonal) > MAX_INSTANCE_MINORS
            or inst.boundary
            or not cert.minors
        ):
            return []
        y, k = self.fam.generic, self.fam.index
        fpp = sp.diff(self.general.gradient[0][1], y)
        ((_, y_star),) = self.general.point
        total = self.general.multiplier_values[0][1]
        n_value = inst.multiplier_values[0][1] * (1 if self.b == 1 else self.b)
        d_generic = sp.simplify(fpp.xreplace({y: y_star}).xreplace({total: n_value}))
        ratio = sp.simplify(self.a**2 / d_generic)
        d_k = f"d_{{{tex(k)}}}"
        out, signs = [], []
        for minor in cert.minors:
            j = minor.order - 1
            prod = f"\\prod_{{{tex(k)}=1}}^{{{j}}} {paren(d_generic)}"
            total_text = f"\\sum_{{{tex(k)}=1}}^{{{j}}} {paren(ratio)}"
            sign = "positive" if minor.sign == 1 else "negative" if minor.sign == -1 else "zero"
            signs.append(sign)
            out.append(
                Claim(
                    f"-\\left({prod}\\right) \\left({total_text}\\right) = {tex(minor.value)}",
                    where=where,
                    by=rules("substitute", "prod_expand", "sum_expand"),
                    en=(
                        f"Leading principal minor of order ${minor.order}$ of the bordered "
                        f"Hessian at the point (border $a_{{k}} = {tex(self.a)}$, diagonal "
                        f"${d_k} = {tex(d_generic)}$): by the "
                        f"Schur complement it is ${_SCHUR} = {tex(minor.value)}$, {sign}."
                    ),
                    ja=(
                        f"停留点での縁付きヘッセ行列（縁 $a_{{k}} = {tex(self.a)}$、対角 "
                        f"${d_k} = {tex(d_generic)}$）の "
                        f"${minor.order}$ 次の首座小行列式。シューア補行列より "
                        f"${_SCHUR} = {tex(minor.value)}$"
                        f"（{'正' if minor.sign == 1 else '負'}）。"
                    ),
                    role=f"second-order (minor {minor.order})",
                )
            )
        note_last(out, *minors_note(cert, self.wanted, signs))
        return out


def derivation_claims(problem: Problem, timeout: float = 10.0) -> list[Claim]:
    """The claims deriving the optimum of ``problem``; raises InputError for a problem shape
    the writer does not cover (a family under several constraints)."""
    return Writer(problem, timeout).claims()
