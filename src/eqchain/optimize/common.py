"""Small helpers shared by the solvers: placeholders, time-limited solves, side conditions."""

from __future__ import annotations

import sympy as sp

from eqchain.optimize.minors import sign_of
from eqchain.optimize.timelimit import call_with_timeout

_DECLARABLE = (
    "positive",
    "negative",
    "nonnegative",
    "nonpositive",
    "nonzero",
    "integer",
    "real",
    "finite",
)


def declared(obj) -> dict[str, bool]:
    """The assumptions worth carrying over from a Symbol, an IndexedBase or an Indexed."""
    if isinstance(obj, sp.Indexed):
        obj = obj.base
    if isinstance(obj, sp.IndexedBase):
        obj = obj.label
    return {a: True for a in _DECLARABLE if getattr(obj, f"is_{a}") is True}


def twin(obj, name: str) -> sp.Symbol:
    """A fresh symbol named ``name`` with the assumptions of ``obj`` (a variable or member)."""
    return sp.Symbol(name, **declared(obj))


_WARM = []


def warm_up() -> None:
    """Load SymPy's solver code and fill its caches once in this process, so that the forked
    children do not each pay for it (a few tenths of a second per child otherwise)."""
    if _WARM:
        return
    v, a, b = sp.Symbol("v", positive=True), sp.Symbol("a", positive=True), sp.Symbol("b")
    sp.solve(a / v - b, v)
    sp.solve(2 * v - a * b, v)
    _WARM.append(True)


def solve_linear(equation, unknown) -> list | None:
    """The solutions of ``equation = 0`` when it reads ``A u + B = 0`` with ``A``, ``B`` free of
    ``unknown`` and ``A`` not zero, ``u`` being ``unknown`` or ``1/unknown``; None otherwise.

    ``A u + B = 0`` has exactly the solution ``u = -B/A`` (generically in the parameters, as
    ``sympy.solve`` answers); for ``u = 1/unknown`` there is a solution only when ``B != 0``.
    A solution whose sign contradicts the unknown's declared sign is dropped (``[]``).
    """
    u = sp.Dummy("u")
    for target, inverted in ((unknown, False), (u, True)):
        try:
            expr = sp.expand(equation.xreplace({unknown: 1 / u}) if inverted else equation)
        except ValueError:  # a derivative by the unknown (d/d\theta of an undefined Q)
            continue
        a, b = expr.coeff(target, 1), expr.coeff(target, 0)
        if a == 0 or a.has(target) or b.has(target) or sp.expand(expr - a * target - b) != 0:
            continue
        if inverted and b == 0:
            return []
        value = sp.simplify(-a / b if inverted else -b / a)
        return [value] if _sign_allowed(unknown, value) else []
    return None


def _sign_allowed(unknown, value) -> bool:
    s = sign_of(value)
    if s is None:
        return True
    return not (
        (unknown.is_positive and s <= 0)
        or (unknown.is_negative and s >= 0)
        or (unknown.is_nonnegative and s < 0)
        or (unknown.is_nonpositive and s > 0)
        or (unknown.is_nonzero and s == 0)
    )


def solve_for(equation, unknown, timeout: float) -> list | None:
    """The solutions of ``equation = 0`` for ``unknown`` as a list, or None when SymPy gave up,
    raised or ran out of time. Equations linear in ``unknown`` or in ``1/unknown`` are solved
    directly (:func:`solve_linear`); others by ``sympy.solve`` in a child process (see
    :mod:`.timelimit`)."""
    direct = solve_linear(equation, unknown)
    if direct is not None:
        return direct
    warm_up()
    outcome = call_with_timeout(_solve, (equation, unknown), timeout)
    if outcome.status != "ok":
        return None
    return outcome.value


def _solve(equation, unknown):
    return sp.solve(equation, unknown, dict=False)


def condition_text(expr, want: int) -> str:
    from eqchain.optimize.texts import tex as latex

    """LaTeX for the condition that makes ``expr`` have the sign ``want`` (+1/-1), reduced to
    the one factor whose sign the assumptions do not decide when there is exactly one."""
    expr = sp.factor(expr)
    factors = []
    known = 1
    for f in sp.Mul.make_args(expr):
        base, exp = (f.base, f.exp) if isinstance(f, sp.Pow) and f.exp.is_Integer else (f, 1)
        s = sign_of(base)
        if s is None:
            factors.append((base, exp))
        elif s == 0:
            return f"{latex(expr)} \\neq 0"
        else:
            known *= s ** (abs(int(exp)) % 2)
    odd = [(b, e) for b, e in factors if e == 1 or abs(int(e)) % 2 == 1]
    even = [(b, e) for b, e in factors if (b, e) not in odd]
    if len(odd) == 1:
        need = want * known
        base = odd[0][0]
        text = f"{latex(base)} > 0" if need > 0 else f"{latex(base)} < 0"
        extra = [f"{latex(b)} \\neq 0" for b, _ in even]
        return ", ".join([text] + extra)
    rel = ">" if want > 0 else "<"
    return f"{latex(expr)} {rel} 0"
