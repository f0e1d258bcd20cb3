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
    has_matrices,
    is_node,
)

__all__ = ["canonical_scalars", "decide", "has_matrices", "involved", "turned_conditions"]
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


# -- words ---------------------------------------------------------------------------------------
# A term of a polynomial is keyed (scalars, word): ``word`` the ordered product of matrix names
# (each (atom, transposed)), ``scalars`` the sorted 1 x 1 words taken out of it (scalar mode
# only: a 1 x 1 product is a scalar, which commutes and is its own transpose).


class NotStrict(Exception):
    """A product that is no matrix product as written (a 1 x 1 factor used as a scalar)."""


def _transpose(word: tuple) -> tuple:
    return tuple((atom, not t) for atom, t in reversed(word))


def _add(p: dict, q: dict, sign=1) -> dict:
    out = dict(p)
    for k, c in q.items():
        out[k] = out.get(k, 0) + sign * c
    return out


class _Algebra:
    """Expanding a side into terms, strictly (matrix products as written) or in scalar mode
    (1 x 1 products taken out as commuting scalars, each the least of it and its transpose)."""

    def __init__(self, shapes: Shapes, scalar_mode: bool):
        self.shapes = shapes
        self.scalar_mode = scalar_mode
        self.scalar_words: list = []

    def shape(self, word: tuple) -> tuple:
        first, t1 = word[0]
        last, t2 = word[-1]
        rows, cols = self.shapes.shape(MatrixName(first))
        rows2, cols2 = self.shapes.shape(MatrixName(last))
        return (cols if t1 else rows), (rows2 if t2 else cols2)

    def one_by_one(self, word: tuple) -> bool:
        return bool(word) and self.shapes.is_scalar(self.shape(word))

    def scalar(self, word: tuple) -> tuple:
        rep = min(word, _transpose(word), key=_word_key)
        if rep not in self.scalar_words:
            self.scalar_words.append(rep)
        return rep

    def term(self, scalars: tuple, word: tuple) -> tuple:
        if self.scalar_mode and self.one_by_one(word):
            return tuple(sorted((*scalars, self.scalar(word)), key=_word_key)), ()
        return tuple(sorted(scalars, key=_word_key)), word

    def times(self, p: dict, q: dict, product: bool = False) -> dict:
        out: dict = {}
        for (s1, w1), c1 in p.items():
            for (s2, w2), c2 in q.items():
                if w1 and w2 and not product:
                    raise NotPolynomial("a product of two matrices read as a scalar product")
                if w1 and w2 and not self.scalar_mode:
                    if self.shapes.find(self.shape(w1)[1]) != self.shapes.find(self.shape(w2)[0]):
                        raise NotStrict
                key = self.term(s1 + s2, w1 + w2)
                out[key] = out.get(key, 0) + c1 * c2
        return out

    def polynomial(self, expr) -> dict:
        """``expr`` as {(scalars, word): scalar coefficient}. Raises NotPolynomial."""
        one = {((), ()): sp.Integer(1)}
        if isinstance(expr, AppliedUndef) and expr.func == MatrixName:
            return {self.term((), ((expr.args[0], False),)): sp.Integer(1)}
        if isinstance(expr, AppliedUndef) and expr.func == Transposed:
            out: dict = {}
            for (sc, w), c in self.polynomial(expr.args[0]).items():
                key = self.term(sc, _transpose(w))
                out[key] = out.get(key, 0) + c
            return out
        if isinstance(expr, AppliedUndef) and expr.func == MatrixProduct:
            out = one
            for a in expr.args:
                factor = self.polynomial(a)
                if not self.scalar_mode:
                    shape = self.shapes.shape(a)
                    if shape is not None and self.shapes.is_scalar(shape) and len(expr.args) > 1:
                        raise NotStrict  # a 1 x 1 factor: a scalar multiple
                out = self.times(out, factor, product=True)
            return out
        if isinstance(expr, sp.Add):
            out = {}
            for a in expr.args:
                out = _add(out, self.polynomial(a))
            return out
        if isinstance(expr, sp.Mul):
            out = one
            for a in expr.args:
                out = self.times(out, self.polynomial(a))
            return out
        if isinstance(expr, sp.Pow) and _in_arithmetic(expr):
            n = expr.exp
            if _in_arithmetic(n) or not (n.is_Integer and 1 <= int(n) <= 4):
                raise NotPolynomial("a power of a matrix product other than 1 to 4")
            base = self.polynomial(expr.base)
            out = one
            for _ in range(int(n)):
                out = self.times(out, base, product=True)
            return out
        if _in_arithmetic(expr):
            raise NotPolynomial(f"a {type(expr).__name__.lower()} over vectors or matrices")
        return {((), ()): expr}


def _word_key(word: tuple) -> str:
    return " ".join(f"{sp.srepr(a)}{'^T' if t else ''}" for a, t in word)


def _is_zero(p: dict) -> bool:
    return all(sp.simplify(sp.expand(c)) == 0 for c in p.values())


def _word_latex(word: tuple) -> str:
    return " ".join(f"{{{latex(a)}}}^{{\\top}}" if t else latex(a) for a, t in word)


# -- deciding -----------------------------------------------------------------------------------


def _difference(source, target, shapes: Shapes, scalar_mode: bool):
    algebra = _Algebra(shapes, scalar_mode)
    left = algebra.polynomial(source)
    right = algebra.polynomial(target)
    return _add(left, right, -1), algebra.scalar_words


def _only_scalars(expr, shapes: Shapes) -> bool:
    """Whether every vector or matrix in the arithmetic of ``expr`` stands in a 1 x 1 product
    (``\\sum_i (y_i - \\mathbf{w}^T \\mathbf{x}_i)^2``): a scalar, opaque to the scalar checker."""
    if is_node(expr):
        shape = shapes.shape(expr)
        return shape is not None and shapes.is_scalar(shape)
    if isinstance(expr, (sp.Add, sp.Mul)):
        return all(_only_scalars(a, shapes) for a in expr.args)
    if isinstance(expr, sp.Pow):
        return _only_scalars(expr.base, shapes) and _only_scalars(expr.exp, shapes)
    if isinstance(expr, (sp.Sum, sp.Product)):
        return _only_scalars(expr.function, shapes)
    return True


def decide(step, source, target) -> StepResult | None:
    """The verdict on ``source = target`` (the step's two sides), as the module docstring
    says; None when the sides are no polynomials in the matrices but hold their vectors only
    in 1 x 1 products (a sum over an index of them): the scalar checker decides such a step,
    each product an opaque scalar. Never raises for the step's content."""
    try:
        # the row's left side too: a continuation's shapes are those its chain was read with
        sides = [t for t in (getattr(step, "lhs", None), source, target) if t is not None]
        shapes = check_shapes(sides, None)
    except LatexError as err:
        return StepResult(step, Verdict.UNKNOWN, reason=f"shapes: {err.message}")
    try:
        try:
            strict, _ = _difference(source, target, shapes, False)
            if _is_zero(strict):
                return StepResult(step, Verdict.VERIFIED, ("matrix_algebra",))
        except NotStrict:
            pass
        difference, scalars = _difference(source, target, shapes, True)
    except NotPolynomial as why:
        if _only_scalars(source, shapes) and _only_scalars(target, shapes):
            return None  # 1 x 1 products only, in a sum: opaque scalars to the scalar checker
        return StepResult(
            step,
            Verdict.UNKNOWN,
            reason=f"not checked: {why} (only polynomials in vectors and matrices are)",
        )
    if _is_zero(difference):
        conditions = tuple(f"{_word_latex(w)} \\text{{ is }} 1 \\times 1" for w in scalars)
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
    found = _counterexample(source, target, shapes)
    if found is not None:
        cex, sizes = found
        return StepResult(step, Verdict.REFUTED, (), f"the two sides differ (sizes: {sizes})", cex)
    return StepResult(
        step,
        Verdict.UNKNOWN,
        reason="no matrix identity found (the sides differ as polynomials in non-commuting "
        "matrices) and no counterexample at the sizes tried",
    )


def _atoms(expr) -> set:
    return {a.args[0] for a in sp.preorder_traversal(expr) if is_node(a) and a.func == MatrixName}


def _names(expr) -> set:
    atoms = _atoms(expr)
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


class _NoValue(Exception):
    """A side that numbers cannot evaluate (a function of a matrix, an unknown function)."""


def _counterexample(source, target, shapes: Shapes):
    atoms = sorted(_atoms(source) | _atoms(target), key=sp.srepr)
    inside = {s for a in atoms for s in a.free_symbols}
    scalars = sorted((_names(source) | _names(target)) - set(atoms) - inside, key=str)
    values = {}
    for s in scalars:
        if not isinstance(s, sp.Symbol) or (v := _value_for(s)) is None:
            return None
        values[s] = v
    one = shapes.find(("one",))
    found = {shapes.find(d) for a in atoms for d in shapes.shape(MatrixName(a))}
    dims = sorted(found - {one}, key=str)
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
                lv = _as_matrix(_evaluate(source, concrete, values))
                rv = _as_matrix(_evaluate(target, concrete, values))
            except _NoValue:
                return None
            except (sp.ShapeError, ValueError, TypeError):
                break
            if lv.shape == rv.shape and lv != rv:
                return _report(atoms, concrete, values, lv, rv)
    return None


def _as_matrix(v):
    return v if isinstance(v, sp.MatrixBase) else sp.Matrix([[v]])


def _scalar(v):
    """A 1 x 1 matrix as its entry; anything else as it is."""
    if isinstance(v, sp.MatrixBase) and v.shape == (1, 1):
        return v[0, 0]
    return v


def _evaluate(expr, concrete: dict, values: dict):
    """The value of a side at concrete matrices and scalars: a matrix, or a rational."""
    if isinstance(expr, AppliedUndef) and expr.func == MatrixName:
        return concrete[expr.args[0]]
    if isinstance(expr, AppliedUndef) and expr.func == Transposed:
        v = _evaluate(expr.args[0], concrete, values)
        return v.T if isinstance(v, sp.MatrixBase) else v
    if isinstance(expr, AppliedUndef) and expr.func == MatrixProduct:
        running = None
        for a in expr.args:
            v = _evaluate(a, concrete, values)
            if running is None:
                running = v
            elif not isinstance(_scalar(running), sp.MatrixBase):
                running = _scalar(running) * v  # a 1 x 1 product so far: a scalar multiple
            elif not isinstance(_scalar(v), sp.MatrixBase):
                running = running * _scalar(v)
            else:
                running = running * v
        return running
    if isinstance(expr, sp.Add):
        parts = [_scalar(_evaluate(a, concrete, values)) for a in expr.args]
        total = parts[0]
        for p in parts[1:]:
            total = total + p
        return total
    if isinstance(expr, sp.Mul):
        parts = [_scalar(_evaluate(a, concrete, values)) for a in expr.args]
        total = sp.Integer(1)
        for p in parts:
            total = p * total if isinstance(p, sp.MatrixBase) else total * p
        return total
    if isinstance(expr, sp.Pow) and _in_arithmetic(expr):
        base = _scalar(_evaluate(expr.base, concrete, values))
        exponent = _scalar(_evaluate(expr.exp, concrete, values))
        if isinstance(base, sp.MatrixBase) or isinstance(exponent, sp.MatrixBase):
            raise _NoValue
        return base**exponent
    if _in_arithmetic(expr) or has_matrices(expr):
        raise _NoValue
    v = expr.subs(values)
    if not v.is_Rational:
        raise _NoValue
    return v


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


# -- 1 x 1 products inside scalar functions ------------------------------------------------


def canonical_scalars(step, source, target) -> tuple:
    """``(source, target, words)``: the sides with each 1 x 1 product of names inside a scalar
    function (``e^{\\mathbf{x}^T \\mathbf{w}}``) written as the least of it and its transpose
    (``transpose_1x1``: equal values, so the scalar checker decides the same step), and the
    products the rule turned. The sides unchanged when their shapes cannot be read."""
    try:
        sides = [t for t in (getattr(step, "lhs", None), source, target) if t is not None]
        shapes = check_shapes(sides, None)
    except LatexError:
        return source, target, []
    turned: list = []
    nodes = {
        a.args[0]: a
        for t in (source, target)
        for a in sp.preorder_traversal(t)
        if is_node(a) and a.func == MatrixName
    }

    def rebuilt(word):
        factors = [Transposed(nodes[a]) if t else nodes[a] for a, t in word]
        return factors[0] if len(factors) == 1 else MatrixProduct(*factors)

    def turn(node):
        if not is_node(node) or node.func == MatrixName:
            return None
        shape = shapes.shape(node)
        if shape is None or not shapes.is_scalar(shape):
            return None
        try:
            terms = _Algebra(shapes, False).polynomial(node)
        except (NotPolynomial, NotStrict):
            return None
        if len(terms) != 1:
            return None
        (((scalars, word), coefficient),) = terms.items()
        if scalars or not word or coefficient != 1:
            return None
        rep = min(word, _transpose(word), key=_word_key)
        if rep == word:
            return None
        turned.append(rep)
        return rebuilt(rep)

    def walk(expr):
        new = turn(expr)
        if new is not None:
            return new
        if is_node(expr) or not expr.args:
            return expr
        args = [walk(a) for a in expr.args]
        if args == list(expr.args):
            return expr
        try:
            return expr.func(*args, evaluate=False)
        except TypeError:
            return expr.func(*args)

    try:
        return walk(source), walk(target), turned
    except (TypeError, ValueError):
        return source, target, []


def turned_conditions(words: list) -> tuple[str, ...]:
    return tuple(dict.fromkeys(f"{_word_latex(w)} \\text{{ is }} 1 \\times 1" for w in words))
