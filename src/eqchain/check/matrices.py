"""Deciding a step between vectors and matrices (README, "Vectors and matrices").

The reader marks matrices with three opaque operators (:mod:`eqchain.latex.matrices`):
``MatrixName(x)``, ``Transposed(a)``, ``MatrixProduct(a, b, ...)``. A step whose sides are
matrices (or 1 x 1 products in the sides' own arithmetic, ``S = \\varepsilon^T \\varepsilon``)
is decided here, and only here:

* ``verified`` when both sides are the same polynomial in non-commuting matrices
  (``matrix_algebra``): each side is expanded into words of matrix names, transposes pushed
  to the names ((AB)^T = B^T A^T, (A + B)^T = A^T + B^T, (A^T)^T = A), with commuting scalar
  coefficients; equal coefficients for every word prove the identity in every ring of
  matrices. A word that is 1 x 1 by the shapes read equals its transpose
  (``transpose_1x1``, b^T X^T y = y^T X b), a rule used only where the shapes make the word
  1 x 1, and named with that condition;
* ``refuted`` by random integer matrices at concrete sizes (2, 3, ...) that agree with the
  shapes, the scalars at small positive integers that satisfy their assumptions; the
  counterexample gives the sizes and every value. Never when a name stands on one side only
  (``\\varepsilon^T \\varepsilon = (Y - X\\beta)^T (Y - X\\beta)``: the author may have defined
  it in prose), never when a coefficient is not a number there;
* ``unknown`` otherwise, saying why (a sum over matrices, a 1 x 1 product as a scalar factor,
  no proof and no counterexample).

A 1 x 1 product inside a scalar function (``\\sigma(\\mathbf{w}^T \\mathbf{x})``) is not a
matrix step: it is an opaque value there, and the scalar checker decides such steps (a step
verified for every value of an opaque operator holds for the inner product too).
"""

from __future__ import annotations

import random

import sympy as sp
from sympy.core.function import AppliedUndef

from eqchain.errors import LatexError
from eqchain.latex.matrices import (
    MatrixName,
    MatrixProduct,
    Shapes,
    Transposed,
    check_shapes,
    is_node,
)
from eqchain.latex.printer import latex
from eqchain.model import Counterexample, StepResult, Verdict

SIZES = (2, 3)
RANDOM_TRIALS = 6
ENTRIES = range(-3, 4)


class NotPolynomial(Exception):
    """A side that is no polynomial in the matrices (a sum over an index, a 1 x 1 factor)."""


def involved(*trees) -> bool:
    """Whether a matrix takes part in the arithmetic of one of the trees (not only inside a
    function's argument)."""
    return any(_in_arithmetic(t) for t in trees if t is not None)


def _in_arithmetic(expr) -> bool:
    if is_node(expr):
        return True
    if isinstance(expr, (sp.Add, sp.Mul)):
        return any(_in_arithmetic(a) for a in expr.args)
    if isinstance(expr, sp.Pow):
        return _in_arithmetic(expr.base) or _in_arithmetic(expr.exp)
    if isinstance(expr, (sp.Sum, sp.Product)):
        return _in_arithmetic(expr.function)
    return False


# -- words ------------------------------------------------------------------------------------


def _transpose(word: tuple) -> tuple:
    return tuple((atom, not t) for atom, t in reversed(word))


def _add(p: dict, q: dict, sign=1) -> dict:
    out = dict(p)
    for w, c in q.items():
        out[w] = out.get(w, 0) + sign * c
    return out


def _times(p: dict, q: dict) -> dict:
    out: dict = {}
    for w1, c1 in p.items():
        for w2, c2 in q.items():
            w = w1 + w2
            out[w] = out.get(w, 0) + c1 * c2
    return out


def polynomial(expr, shapes: Shapes) -> dict:
    """``expr`` as {word: scalar coefficient}; a word is a tuple of (atom, transposed); the
    empty word is a scalar (1 x 1). Raises NotPolynomial."""
    if isinstance(expr, AppliedUndef) and expr.func == MatrixName:
        return {((expr.args[0], False),): sp.Integer(1)}
    if isinstance(expr, AppliedUndef) and expr.func == Transposed:
        return {_transpose(w): c for w, c in polynomial(expr.args[0], shapes).items()}
    if isinstance(expr, AppliedUndef) and expr.func == MatrixProduct:
        factors = [a for a in expr.args]
        if len(factors) > 1 and any(
            (s := shapes.shape(a)) is not None and shapes.is_scalar(s) for a in factors
        ):
            raise NotPolynomial("a 1 x 1 product used as a scalar factor of a product")
        out = {(): sp.Integer(1)}
        for a in factors:
            out = _times(out, polynomial(a, shapes))
        return out
    if isinstance(expr, sp.Add):
        out: dict = {}
        for a in expr.args:
            out = _add(out, polynomial(a, shapes))
        return out
    if isinstance(expr, sp.Mul):
        out = {(): sp.Integer(1)}
        for a in expr.args:
            out = _times(out, polynomial(a, shapes))
        return out
    if isinstance(expr, sp.Pow) and _in_arithmetic(expr):
        n = expr.exp
        if _in_arithmetic(n) or not (n.is_Integer and 1 <= int(n) <= 4):
            raise NotPolynomial("a power of a matrix product other than 1 to 4")
        base = polynomial(expr.base, shapes)
        out = {(): sp.Integer(1)}
        for _ in range(int(n)):
            out = _times(out, base)
        return out
    if _in_arithmetic(expr):
        raise NotPolynomial(f"a {type(expr).__name__.lower()} over vectors or matrices")
    return {(): expr}


def _word_shape(word: tuple, shapes: Shapes) -> tuple:
    first, t1 = word[0]
    last, t2 = word[-1]
    rows, cols = shapes.shape(MatrixName(first))
    rows2, cols2 = shapes.shape(MatrixName(last))
    return (cols if t1 else rows), (rows2 if t2 else cols2)


def _one_by_one(word: tuple, shapes: Shapes) -> bool:
    return bool(word) and shapes.is_scalar(_word_shape(word, shapes))


def _canonical(p: dict, shapes: Shapes) -> tuple[dict, list]:
    """``p`` with each 1 x 1 word replaced by the least of it and its transpose (a 1 x 1
    matrix is its own transpose); also the words that rule changed."""
    out: dict = {}
    used = []
    for w, c in p.items():
        if _one_by_one(w, shapes):
            t = _transpose(w)
            rep = min(w, t, key=_word_key)
            if rep != w:
                used.append(w)
            w = rep
        out[w] = out.get(w, 0) + c
    return out, used


def _word_key(word: tuple) -> str:
    return " ".join(f"{sp.srepr(a)}{'^T' if t else ''}" for a, t in word)


def _is_zero(p: dict) -> bool:
    return all(sp.simplify(sp.expand(c)) == 0 for c in p.values())


def _word_latex(word: tuple) -> str:
    return " ".join(f"{{{latex(a)}}}^{{\\top}}" if t else latex(a) for a, t in word)


# -- deciding -----------------------------------------------------------------------------------


def decide(step, source, target) -> StepResult:
    """The verdict on ``source = target`` (the step's two sides), as the module docstring
    says. Never raises for the step's content."""
    try:
        # the row's left side too: a continuation's shapes are those its chain was read with
        sides = [t for t in (getattr(step, "lhs", None), source, target) if t is not None]
        shapes = check_shapes(sides, None)
    except LatexError as err:
        return StepResult(step, Verdict.UNKNOWN, reason=f"shapes: {err.message}")
    try:
        left = polynomial(source, shapes)
        right = polynomial(target, shapes)
    except NotPolynomial as why:
        return StepResult(
            step,
            Verdict.UNKNOWN,
            reason=f"not checked: {why} (only polynomials in vectors and matrices are)",
        )
    if _is_zero(_add(left, right, -1)):
        return StepResult(step, Verdict.VERIFIED, ("matrix_algebra",))
    left1, used_l = _canonical(left, shapes)
    right1, used_r = _canonical(right, shapes)
    if _is_zero(_add(left1, right1, -1)):
        words = list(dict.fromkeys(_word_latex(w) for w in used_l + used_r))
        conditions = tuple(f"{w} \\text{{ is }} 1 \\times 1" for w in words)
        return StepResult(
            step, Verdict.VERIFIED, ("matrix_algebra", "transpose_1x1"), conditions=conditions
        )
    one_side = _one_side(source, target)
    if one_side:
        return StepResult(
            step,
            Verdict.UNKNOWN,
            reason="no matrix identity found, and not refuted: "
            + ", ".join(one_side)
            + (" stands" if len(one_side) == 1 else " stand")
            + " on one side only (defined in the text?)",
        )
    found = _counterexample(left, right, shapes)
    if found is not None:
        cex, sizes = found
        return StepResult(step, Verdict.REFUTED, (), f"the two sides differ (sizes: {sizes})", cex)
    return StepResult(
        step,
        Verdict.UNKNOWN,
        reason="no matrix identity found (the sides differ as polynomials in non-commuting "
        "matrices) and no counterexample at the sizes tried",
    )


def _names(expr) -> set:
    atoms = {a.args[0] for a in sp.preorder_traversal(expr) if is_node(a) and a.func == MatrixName}
    plain = {s for s in expr.free_symbols if isinstance(s, sp.Symbol)}
    inside = {s for a in atoms for s in a.free_symbols}
    return atoms | (plain - inside)


def _one_side(source, target) -> list[str]:
    a, b = _names(source), _names(target)
    return sorted(latex(x) for x in a ^ b)


def _value_for(symbol) -> sp.Integer | None:
    """A small positive integer that satisfies every assumption of ``symbol``, or None."""
    for v in (2, 1, 3):
        value = sp.Integer(v)
        if all(
            getattr(value, f"is_{k}", None) == bool(given)
            for k, given in symbol.assumptions0.items()
        ):
            return value
    return None


def _counterexample(left: dict, right: dict, shapes: Shapes):
    atoms = sorted({a for p in (left, right) for w in p for a, _ in w}, key=sp.srepr)
    scalars = sorted(
        {s for p in (left, right) for c in p.values() for s in sp.sympify(c).free_symbols},
        key=str,
    )
    values = {}
    for s in scalars:
        if not isinstance(s, sp.Symbol) or (v := _value_for(s)) is None:
            return None
        values[s] = v
    coefficients = {}
    for p in (left, right):
        for w, c in p.items():
            c_value = sp.sympify(c).subs(values)
            if not c_value.is_Rational:
                return None
            coefficients[(id(p), w)] = c_value
    dims = sorted(
        {shapes.find(d) for a in atoms for d in shapes.shape(MatrixName(a))}
        - {shapes.find(("one",))},
        key=str,
    )
    rng = random.Random(20261202)
    # upper-case names as vectors first (what an author may have meant), then as matrices
    may_be_one = {d for d in dims if d not in shapes.never_one}
    trials = [{d: 1 if d in may_be_one else s for d in dims} for s in SIZES]
    trials += [{d: s for d in dims} for s in SIZES]
    trials += [{d: rng.choice(SIZES) for d in dims} for _ in range(RANDOM_TRIALS)]
    for sizes in trials:
        for _ in range(3):
            concrete = {}
            for a in atoms:
                r, c = shapes.shape(MatrixName(a))
                n_r = sizes.get(shapes.find(r), 1)
                n_c = sizes.get(shapes.find(c), 1)
                concrete[a] = sp.Matrix(n_r, n_c, [rng.choice(ENTRIES) for _ in range(n_r * n_c)])
            try:
                lv = _evaluate(left, concrete, coefficients, id(left))
                rv = _evaluate(right, concrete, coefficients, id(right))
            except (sp.ShapeError, ValueError):
                break
            if lv != rv:
                return _report(atoms, concrete, values, lv, rv)
    return None


def _evaluate(p: dict, concrete: dict, coefficients: dict, pid: int):
    total = None
    for w, _ in p.items():
        c = coefficients[(pid, w)]
        if w:
            m = None
            for a, t in w:
                x = concrete[a].T if t else concrete[a]
                m = x if m is None else m * x
        else:
            m = sp.eye(1)
        term = c * m
        total = term if total is None else total + term
    return total if total is not None else sp.zeros(1, 1)


def _matrix_text(m) -> tuple[str, str]:
    rows = [[str(v) for v in m.row(i)] for i in range(m.rows)]
    tex = "\\begin{pmatrix} " + " \\\\ ".join(" & ".join(r) for r in rows) + " \\end{pmatrix}"
    plain = "[" + "; ".join(", ".join(r) for r in rows) + "]"
    return tex, plain


def _report(atoms, concrete, scalars, lv, rv):
    values, plain, sizes = [], [], []
    for a in atoms:
        m = concrete[a]
        tex, text = _matrix_text(m)
        values.append((latex(a), tex))
        plain.append(text)
        sizes.append(f"{latex(a)}: {m.rows} x {m.cols}")
    for s, v in scalars.items():
        values.append((latex(s), str(v)))
        plain.append(str(v))
    return (
        Counterexample(tuple(values), _matrix_text(lv)[1], _matrix_text(rv)[1], tuple(plain)),
        ", ".join(sizes),
    )
