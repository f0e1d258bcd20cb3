"""The claims of a Lagrange derivation over plain variables: general, then the data."""

from __future__ import annotations

from typing import Any

import sympy as sp

from eqchain.model import StepKind
from eqchain.optimize import solution as S
from eqchain.optimize.claims import (
    Claim,
    apply_data,
    certificate_note,
    definition_claim,
    note_last,
    rules,
    where_of,
)
from eqchain.optimize.problem import Problem
from eqchain.optimize.solve import solve
from eqchain.optimize.texts import derivative, tex


class PlainWriter:
    """Plain variables: the general derivation (no data), then the instance with ``where``."""

    def __init__(self, problem: Problem, timeout: float):
        self.problem = problem
        self.timeout = timeout
        self.sol = solve(problem.general(), timeout)

    def claims(self) -> list[Claim]:
        p, sol = self.problem, self.sol
        out = [definition_claim(p)]
        for v, g in sol.gradient:
            out.append(
                Claim(
                    f"{derivative(v)} = {tex(g)}",
                    by=rules("differentiate"),
                    en=f"Differentiate with respect to {tex(v)}.",
                    ja=f"{tex(v)} で偏微分する。",
                )
            )
        # The Hessian comes before the point: once an equation v = ... is known, a derivative
        # with respect to v cannot be rewritten with it.
        for v, g in sol.gradient:
            out.append(
                Claim(
                    f"{derivative(v, 2)} = {tex(sp.diff(g, v))}",
                    by=rules("differentiate"),
                    en=f"Differentiate once more with respect to {tex(v)}.",
                    ja=f"{tex(v)} でもう一度偏微分する。",
                )
            )
        for v, g in sol.gradient:
            out.append(
                Claim(
                    f"{tex(g)} = 0",
                    StepKind.GIVEN,
                    en=f"Stationarity: the derivative with respect to {tex(v)} vanishes.",
                    ja=f"停留条件：{tex(v)} での偏微分が 0。",
                )
            )
        if not sol.point:
            return out
        if len(p.constraints) == 1 and sol.in_multipliers:
            out += self._through_multiplier()
        else:
            for c in p.constraints:
                out.append(
                    Claim(
                        f"{tex(c.lhs)} = {tex(c.rhs)}",
                        StepKind.GIVEN,
                        en="The constraint.",
                        ja="制約条件。",
                    )
                )
            for v, value in sol.point:
                out.append(
                    Claim(
                        f"{tex(v)} = {tex(value)}",
                        by=rules("solve_for"),
                        en="Solve the stationarity equations.",
                        ja="停留条件を解く。",
                    )
                )
        wanted = S.MAXIMUM if p.maximize else S.MINIMUM
        at_general = self._hessian_at(sol)
        at_claims = [
            Claim(
                f"{tex(second)} = {tex(at)}",
                by=rules("substitute"),
                en="The second derivative at the stationary point.",
                ja="停留点での二階偏微分の値。",
            )
            for second, at in at_general
            if at != second
        ]
        out += at_claims
        note_last(out, *certificate_note(sol.certificate, wanted))
        if p.data:
            out += self._instance(at_general)
        return out

    def _hessian_at(self, sol: S.Solution) -> list[tuple[Any, Any]]:
        """(second derivative, its value at the general stationary point) per variable."""
        point = dict(sol.point) | dict(sol.multiplier_values)
        out = []
        for v, g in sol.gradient:
            second = sp.diff(g, v)
            out.append((second, sp.simplify(second.xreplace(point).doit())))
        return out

    def _instance(self, at_general) -> list[Claim]:
        inst = solve(self.problem, self.timeout)
        where = where_of(self.problem)
        data = self.problem.data_mapping()
        out = []
        for v, value in inst.point:
            out.append(
                Claim(
                    f"{tex(v)} = {tex(value)}",
                    where=where,
                    by=rules("substitute"),
                    en="For the data: put the values in.",
                    ja="データの値を代入する。",
                )
            )
        for _, at in at_general:
            value = sp.simplify(apply_data(at, data))
            if value != at:
                out.append(
                    Claim(
                        f"{tex(at)} = {tex(value)}",
                        where=where,
                        by=rules("substitute"),
                        en="The second derivative at the stationary point, for the data.",
                        ja="データに対する停留点での二階偏微分の値。",
                    )
                )
        wanted = S.MAXIMUM if self.problem.maximize else S.MINIMUM
        note_last(out, *certificate_note(inst.certificate, wanted))
        return out

    def _through_multiplier(self) -> list[Claim]:
        p, sol = self.problem, self.sol
        lam = p.multipliers[0]
        out = []
        for v, v_lam in sol.in_multipliers:
            out.append(
                Claim(
                    f"{tex(v)} = {tex(v_lam)}",
                    by=rules("solve_for"),
                    en=f"Solve the stationarity equation for {tex(v)}.",
                    ja=f"停留条件を {tex(v)} について解く。",
                )
            )
        con = p.constraints[0]
        out.append(
            Claim(
                f"{tex(con.lhs)} = {tex(con.rhs)}",
                StepKind.GIVEN,
                en="The constraint.",
                ja="制約条件。",
            )
        )
        substituted = con.lhs.xreplace(dict(sol.in_multipliers))
        out.append(
            Claim(
                f"{tex(con.rhs)} = {tex(con.lhs)}",
                by=rules("substitute"),
                en="The constraint, read from right to left.",
                ja="制約条件を右から左へ読む。",
            )
        )
        out.append(
            Claim(
                f"= {tex(substituted)}",
                by=rules("substitute"),
                en="Put in each variable as a function of the multiplier.",
                ja="各変数に未定乗数で表した式を代入する。",
            )
        )
        simplified = sp.simplify(substituted)
        if simplified != substituted:
            out.append(Claim(f"= {tex(simplified)}", en="Simplify.", ja="整理する。"))
        ((_, lam_value),) = sol.multiplier_values
        out.append(
            Claim(
                f"{tex(lam)} = {tex(lam_value)}",
                by=rules("solve_for"),
                en="Solve for the multiplier.",
                ja="未定乗数について解く。",
            )
        )
        for v, value in sol.point:
            out.append(
                Claim(
                    f"{tex(v)} = {tex(value)}",
                    by=rules("substitute"),
                    en="Put the multiplier back.",
                    ja="未定乗数の値を戻す。",
                )
            )
        return out
