"""A family of variables ``y_k`` solved by its structure, for symbolic or numeric data.

See :mod:`.separable` for the method. Symbolic data (counts ``t_k`` as symbols) give the point
in closed form and a certificate from the signs the assumptions prove (concavity for a symbolic
K, the bordered minors' signs for a concrete one); numeric data are evaluated index by index
through a cache keyed by the data values, and the bordered minors are computed exactly by the
O(K) recurrence of :mod:`.minors`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sympy as sp

from eqchain.errors import InputError
from eqchain.optimize import solution as S
from eqchain.optimize.common import condition_text, twin
from eqchain.optimize.minors import (
    Minor,
    bordered_diagonal_minors,
    classify,
    diagonal_minor_signs,
    sign_of,
)
from eqchain.optimize.problem import Family, Problem
from eqchain.optimize.separable import (
    Stationary,
    solve_multiplier,
    stationary,
)
from eqchain.optimize.structure import family_sum, lagrangian_of, linear_family_constraint
from eqchain.optimize.texts import tex

SYMBOLIC_MINOR_LIMIT = 8  # symbolic minor values are written out up to this many variables


def solve_family(problem: Problem, timeout: float) -> S.Solution | None:
    """Solve a family problem by its structure; None when it is not separable with at most one
    linear constraint. Scalar data (``K = 6``) must already be substituted; family data
    (``t = (...)``) are read from ``problem.data``. Raises InputError for a negative count."""
    fam: Family = problem.variables
    split = family_sum(problem.objective, fam)
    if split is None or len(problem.constraints) > 1:
        return None
    lam = problem.multipliers[0] if problem.constraints else None
    a, b = sp.Integer(0), None
    if lam is not None:
        lin = linear_family_constraint(problem.constraints[0].residual, fam)
        if lin is None:
            return None
        a, b = lin.coeff, lin.rhs
    y = fam.generic
    fp = sp.diff(split.body, y)
    if fp == 0:
        return None
    fpp = sp.diff(fp, y)
    gradient = fp - lam * a if lam is not None else fp
    stat = stationary(gradient, y, lam, timeout)
    if stat is None:
        return None
    ctx = _FamilyContext(problem, fam, split.body, fp, fpp, a, b, lam, gradient, stat, timeout)
    if problem.family_data():
        return ctx.numeric()
    return ctx.symbolic()


class _PerIndex:
    """Evaluates expressions generic in ``k`` at concrete indices, data substituted.

    Members ``base[k]`` of the data families become placeholder symbols; results are cached by
    the data values at ``i`` (and ``i`` itself when the expression uses ``k`` directly), so a
    thousand counts with fifty distinct values cost fifty SymPy evaluations.
    """

    def __init__(self, fam: Family, data: dict):
        self.k, self.lower = fam.index, int(fam.lower)
        self.columns = {
            base[fam.index]: (twin(base, f"_d{j}"), values)
            for j, (base, values) in enumerate(data.items())
        }

    def compile(self, expr):
        placeholders = {m: ph for m, (ph, _) in self.columns.items() if expr.has(m)}
        e = expr.xreplace(placeholders)
        used = [(ph, self.columns[m][1]) for m, ph in placeholders.items()]
        uses_k = self.k in e.free_symbols
        cache: dict = {}
        lower = self.lower

        def at(i: int):
            key = tuple(values[i - lower] for _, values in used) + ((i,) if uses_k else ())
            if key not in cache:
                sub = {ph: values[i - lower] for ph, values in used}
                if uses_k:
                    sub[self.k] = sp.Integer(i)
                cache[key] = e.xreplace(sub)
            return cache[key]

        return at


@dataclass
class _FamilyContext:
    problem: Problem
    fam: Family
    f: Any
    fp: Any
    fpp: Any
    a: Any
    b: Any
    lam: Any
    gradient: Any
    stat: Stationary
    timeout: float

    # -- shared ---------------------------------------------------------------------------------

    def _base(self, **kw) -> S.Solution:
        fields = dict(
            problem=self.problem,
            lagrangian=lagrangian_of(self.problem),
            multipliers=self.problem.multipliers,
            gradient=((self.fam.generic, self.gradient),),
            stationarity=((self.gradient, sp.Integer(0)),),
            point=(),
            multiplier_values=(),
            method="separable",
            in_multipliers=((self.fam.generic, self.stat.solution),),
        )
        fields.update(kw)
        return S.Solution(**fields)

    def _want(self) -> int:
        return -1 if self.problem.maximize else 1

    def _unknown(self, why: str, status: str = S.UNKNOWN, **kw) -> S.Solution:
        return self._base(
            certificate=S.Certificate(S.UNKNOWN, "none", explanation=why),
            status=status,
            notes=kw.pop("notes", (why,)),
            **kw,
        )

    # -- symbolic counts ------------------------------------------------------------------------

    def symbolic(self) -> S.Solution:
        fam, k, y = self.fam, self.fam.index, self.fam.generic
        lam_s, stand_ins = None, {}
        if self.lam is not None:
            sums = [(h, _sum_over(self.a * c, fam)) for h, c in self.stat.pieces]
            solved = solve_multiplier(sums, self.b, self.lam, self.timeout)
            if solved is None:
                return self._unknown("the constraint did not give a unique multiplier")
            lam_s, stand_ins = solved
        y_s = self.stat.solution
        if lam_s is not None:
            y_s = sp.simplify(y_s.xreplace({self.lam: lam_s}))
        point = ((y, y_s.xreplace(stand_ins)),)
        mults = ((self.lam, lam_s.xreplace(stand_ins)),) if self.lam is not None else ()
        if fam.is_concrete:
            cert = self._concrete_symbolic_certificate(y_s, stand_ins)
            values = tuple(
                (fam.base[i], y_s.xreplace({k: i}).xreplace(stand_ins)) for i in fam.indices()
            )
        else:
            cert = self._general_certificate(y_s, stand_ins)
            values = ()
        return self._base(
            point=point,
            multiplier_values=mults,
            certificate=cert,
            status=cert.status,
            values=values,
        )

    def _domain_missing(self, y_star, stand_ins=None) -> list[str]:
        """Conditions for the point to lie in the declared domain of the variables."""
        y = self.fam.generic
        missing = []
        for pred, want in (("positive", 1), ("negative", -1)):
            if getattr(y, f"is_{pred}") and sign_of(y_star) != want:
                missing.append(condition_text(y_star.xreplace(stand_ins or {}), want))
        return missing

    def _general_certificate(self, y_star, stand_ins) -> S.Certificate:
        """Symbolic K: the Hessian diag(f_k''(y_k)) is definite on the whole domain, or not."""
        want = self._want()
        y = self.fam.generic
        placeholder = twin(y, "_y")
        s = sign_of(self.fpp.xreplace({y: placeholder}))
        hess_text = tex(self.fpp)
        missing = self._domain_missing(y_star, stand_ins)
        definite = "negative" if want < 0 else "positive"
        if s == want and not missing:
            status = S.MAXIMUM if want < 0 else S.MINIMUM
            shape = "concave" if want < 0 else "convex"
            return S.Certificate(
                status,
                "concavity",
                established=(f"{hess_text} {'<' if want < 0 else '>'} 0",),
                is_global=True,
                hessian_entry=self.fpp,
                explanation=(
                    f"The Hessian of the objective is $\\operatorname{{diag}}({hess_text})$, "
                    f"{definite} definite at every point of the domain, so the objective is "
                    f"strictly {shape}; with linear constraints the stationary point is "
                    f"the unique global {status}."
                ),
            )
        if s != want:
            missing.insert(0, condition_text(self.fpp, want))
        return S.Certificate(
            S.UNKNOWN,
            "concavity",
            missing=tuple(missing),
            hessian_entry=self.fpp,
            explanation=(
                f"The Hessian of the objective is $\\operatorname{{diag}}({hess_text})$; the "
                f"declared assumptions do not show it is {definite} definite with the point in "
                f"the domain (needs {', '.join(f'${c}$' for c in missing)}): not certified."
            ),
        )

    def _concrete_symbolic_certificate(self, y_s, stand_ins) -> S.Certificate:
        """Concrete K, symbolic data: the signs of d_k = f''(y_k*) follow from the assumptions
        (every member of a family carries the same ones, so the generic d_k decides all)."""
        fam, k, y = self.fam, self.fam.index, self.fam.generic
        d_s = self.fpp.xreplace({y: y_s})
        n = int(fam.size)
        d_sign = sign_of(d_s)
        m = 0 if self.lam is None else 1
        if m:
            signs = diagonal_minor_signs(d_sign, n, sign_of(self.a) in (1, -1))[1:]
        else:
            signs = [d_sign**j if d_sign is not None else None for j in range(1, n + 1)]
        values: list = [None] * len(signs)
        if n <= SYMBOLIC_MINOR_LIMIT:
            ds = [d_s.xreplace({k: i}) for i in fam.indices()]
            if m:
                border = [self.a.xreplace({k: i}) for i in fam.indices()]
                raw = bordered_diagonal_minors(ds, border)[1:]
            else:
                raw = [sp.Mul(*ds[:j]) for j in range(1, n + 1)]
            values = [sp.factor(v).xreplace(stand_ins) for v in raw]
        minors = tuple(
            Minor(2 * m + 1 + j, v, s) for j, (v, s) in enumerate(zip(values, signs, strict=True))
        )
        status = classify(list(minors), n, m)
        want = self._want()
        missing = self._domain_missing(y_s, stand_ins)
        if d_sign is None:
            missing.append(condition_text(d_s, want))
        if missing:
            status = S.UNKNOWN
        conc = sign_of(self.fpp.xreplace({y: twin(y, "_y")}))
        is_global = status in (S.MAXIMUM, S.MINIMUM) and conc == want
        d_text = tex(d_s.xreplace(stand_ins)) if n <= SYMBOLIC_MINOR_LIMIT else tex(d_s)
        explanation = (
            f"Bordered Hessian with diagonal $d_{{k}} = {d_text}$: the signs of its last "
            f"${n - m}$ leading principal minors are {_sign_words(signs)}: {status}."
        )
        return S.Certificate(
            status,
            "bordered-hessian",
            minors=minors,
            missing=tuple(missing),
            is_global=is_global,
            explanation=explanation,
            hessian_entry=d_s.xreplace(stand_ins),
        )

    # -- numeric counts -------------------------------------------------------------------------

    def numeric(self) -> S.Solution:
        fam, y = self.fam, self.fam.generic
        if not fam.is_concrete:
            raise InputError(f"data are given but the number of {fam.base.label} is symbolic")
        ev = _PerIndex(fam, self.problem.family_data())
        idx = list(fam.indices())
        placeholder = twin(y, "_y")
        self._check_counts(ev, idx)
        fp_at = ev.compile(self.fp.xreplace({y: placeholder}))
        dead = [i for i in idx if fp_at(i) == 0]
        dead_set = set(dead)
        live = [i for i in idx if i not in dead_set]
        if not live:
            return self._unknown(
                "the objective does not depend on any variable (all data zero): every feasible "
                "point is optimal",
                status=S.NOT_UNIQUE,
                notes=("every feasible point is optimal: the objective is constant",),
            )
        notes: list[str] = []
        if dead:
            why = self._boundary_blocker(ev, live, idx, placeholder)
            if why:
                return self._unknown(why, status=S.NO_POINT)
            a_at = ev.compile(self.a)
            name = y.base.label
            for i in dead:
                notes.append(
                    f"{name}_{i}: the objective does not depend on {name}_{i} (zero count), so "
                    f"the interior equation dL/d{name}_{i} = {tex(-self.lam * a_at(i))} = 0 "
                    f"does not hold for a non-zero multiplier: no interior stationary point. "
                    f"The maximum is on the boundary {name}_{i} = 0 (convention 0 log 0 = 0), "
                    "outside the open domain where the variables are positive."
                )
        lam_value = None
        if self.lam is not None:
            sums = []
            for h, c in self.stat.pieces:
                c_at = ev.compile(self.a * c)
                sums.append((h, sum((c_at(i) for i in live), sp.Integer(0))))
            solved = solve_multiplier(sums, self.b, self.lam, self.timeout)
            if solved is None:
                return self._unknown("the constraint did not give a unique multiplier")
            lam_value = solved[0].xreplace(solved[1])
        y_star = self.stat.solution
        if lam_value is not None:
            y_star = sp.simplify(y_star.xreplace({self.lam: lam_value}))
        y_at = ev.compile(y_star)
        values = {i: (sp.Integer(0) if i in dead_set else y_at(i)) for i in idx}
        point = ((y, y_star),)
        mults = ((self.lam, lam_value),) if self.lam is not None else ()
        all_values = tuple((fam.base[i], values[i]) for i in idx)
        outside = [i for i in live if not _in_domain(y, values[i])]
        if outside:
            i = outside[0]
            note = (
                f"the stationary point has {y.base.label}_{i} = {values[i]}, outside the "
                "declared domain: no stationary point in the domain"
            )
            return self._unknown(
                note,
                status=S.NO_POINT,
                point=point,
                multiplier_values=mults,
                values=all_values,
                notes=tuple(notes) + (note,),
            )
        cert = self._numeric_certificate(ev, live, y_star, placeholder, bool(dead))
        return self._base(
            point=point,
            multiplier_values=mults,
            certificate=cert,
            status=cert.status,
            values=all_values,
            boundary=tuple(fam.base[i] for i in dead),
            notes=tuple(notes),
        )

    def _check_counts(self, ev: _PerIndex, idx) -> None:
        """A coefficient of log(y_k) that holds data is a count: it must be a non-negative
        number. Raises InputError naming the first bad one."""
        y = self.fam.generic
        coeff = sp.expand(self.f).coeff(sp.log(y))
        if coeff == 0 or not coeff.has(*ev.columns):
            return
        c_at = ev.compile(coeff)
        for i in idx:
            c = c_at(i)
            if c.is_number and not c.is_negative:
                continue
            name = tex(coeff.xreplace({self.fam.index: i}))
            if not c.is_number:
                raise InputError(f"the count {name} has no numeric value (got {tex(c)})")
            if c.is_negative:
                raise InputError(f"the count {name} = {c} is negative; counts must be non-negative")

    def _boundary_blocker(self, ev: _PerIndex, live, idx, placeholder) -> str:
        """Why the boundary argument does not apply (empty when it does): it needs a maximum,
        one constraint with positive coefficients, and every remaining term increasing and
        strictly concave in its variable."""
        if not self.problem.maximize or self.lam is None:
            return (
                "some terms of the objective do not depend on their variable: no interior "
                "stationary point; the boundary is only handled for a maximum under one "
                "constraint"
            )
        a_at = ev.compile(self.a)
        if any(sign_of(a_at(i)) != 1 for i in idx):
            return "no interior stationary point (a constraint coefficient is not positive)"
        y = self.fam.generic
        fp_at = ev.compile(self.fp.xreplace({y: placeholder}))
        fpp_at = ev.compile(self.fpp.xreplace({y: placeholder}))
        signs: dict = {}
        for i in live:
            key = (fp_at(i), fpp_at(i))
            if key not in signs:
                signs[key] = sign_of(key[0]) == 1 and sign_of(key[1]) == -1
            if not signs[key]:
                return (
                    "no interior stationary point; the boundary argument needs every other "
                    "term increasing and strictly concave, which is not established"
                )
        return ""

    def _numeric_certificate(
        self, ev: _PerIndex, live, y_star, placeholder, on_boundary: bool
    ) -> S.Certificate:
        y = self.fam.generic
        want = self._want()
        d_at = ev.compile(self.fpp.xreplace({y: y_star}))
        ds = [d_at(i) for i in live]
        m = 0 if self.lam is None else 1
        n = len(live)
        border: list = []
        if m:
            a_at = ev.compile(self.a)
            border = [a_at(i) for i in live]
            first = next((j for j, a in enumerate(border) if a != 0), None)
            if first is None:
                return S.Certificate(S.UNKNOWN, "none", explanation="the constraint is empty")
            order = [first] + [j for j in range(n) if j != first]
            ds = [ds[j] for j in order]
            border = [border[j] for j in order]
            raw = bordered_diagonal_minors(ds, border)[1:]
        else:
            raw, p = [], sp.Integer(1)
            for d in ds:
                p *= d
                raw.append(p)
        minors = [Minor(2 * m + 1 + j, v, sign_of(v)) for j, v in enumerate(raw)]
        status = classify(minors, n, m)
        fpp_at = ev.compile(self.fpp.xreplace({y: placeholder}))
        signs: dict = {}
        for i in live:
            e = fpp_at(i)
            if e not in signs:
                signs[e] = sign_of(e)
        concave = all(s == want for s in signs.values())
        is_global = status in (S.MAXIMUM, S.MINIMUM) and concave
        if on_boundary and not (status == S.MAXIMUM and concave):
            status = S.UNKNOWN
        explanation = (
            f"Bordered Hessian (diagonal $f_{{k}}''(y_{{k}})$ at the point, bordered by the "
            f"constraint gradient): leading principal minors of orders "
            f"${2 * m + 1}, \\dots, {n + m}$ computed exactly: {status}."
        )
        if on_boundary:
            explanation += (
                " Members with a zero count are fixed at 0: every other term "
                "increases with its variable, so moving mass to them raises the "
                "objective; on the remaining face the objective is strictly "
                "concave and the test above certifies its unique maximum."
            )
        return S.Certificate(
            status,
            "boundary" if on_boundary else "bordered-hessian",
            minors=tuple(minors),
            is_global=is_global,
            explanation=explanation,
            diagonal=tuple(ds),
            border=tuple(border),
        )


def _sum_over(expr, fam: Family):
    """``sum_k expr`` over the family's range: written out term by term for concrete bounds
    (faster than ``Sum.doit``), else evaluated by ``Sum.doit`` (``sum_k 1 = K``)."""
    if fam.is_concrete:
        return sp.Add(*[expr.xreplace({fam.index: sp.Integer(i)}) for i in fam.indices()])
    return sp.Sum(expr, (fam.index, fam.lower, fam.upper)).doit()


def _in_domain(var, value) -> bool:
    checks = (
        ("positive", lambda v: v > 0),
        ("nonnegative", lambda v: v >= 0),
        ("negative", lambda v: v < 0),
        ("nonpositive", lambda v: v <= 0),
    )
    return all(bool(ok(value)) for name, ok in checks if getattr(var, f"is_{name}"))


def _sign_words(signs) -> str:
    """Signs (1, -1, 0 or None) as words: ``positive, negative, unknown``."""
    words = {1: "positive", -1: "negative", 0: "zero"}
    return ", ".join(words.get(s, "unknown") for s in signs)
