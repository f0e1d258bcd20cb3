"""Transposes, vectors and matrices: how the reader marks them, and their shapes.

``X^T``, ``\\mathbf{w}^\\top``, ``y^\\mathrm{T}``: a transpose is read (README, notation table)

* when the exponent is ``\\top``, ``\\intercal``, ``\\mathrm{T}`` or ``\\mathsf{T}`` (no power is
  written so);
* when the exponent is a plain ``T`` and the base is bold (``\\mathbf``, ``\\boldsymbol``,
  ``\\bm``), or the document (a derivation file: the formula) writes ``T`` nowhere else, so that
  ``T`` is no scalar there; otherwise ``X^T`` stays ambiguous (a power by T?).

The names of a document that are written transposed somewhere, and its bold names once it
writes a transpose, are *matrix names*: the reader wraps each in :data:`MatrixName`. Three
applied operators carry the algebra through the scalar pipeline without ever being evaluated:
``MatrixName(x)``, ``Transposed(a)`` and ``MatrixProduct(a, b, ...)`` (ordered: matrices do not
commute). A sum of matrices stays a SymPy ``Add`` and a scalar multiple a ``Mul`` with one
matrix factor (both are commutative there); a product of two matrix factors is always a
``MatrixProduct``. The checker's matrix module (:mod:`eqchain.check.matrices`) decides a step
whose sides are matrices; a 1 x 1 product inside a scalar function (``\\sigma(\\mathbf{w}^T
\\mathbf{x})``) is its one entry, an opaque value to the rest of the checker.

Shapes: a name whose letter is lower case (``\\mathbf{w}``, ``\\beta``, ``\\varepsilon``) is a
column vector, n x 1; upper case (``X``, ``\\Sigma``) a matrix, n x p. The rows of a name are
never 1 (a vector of length 1 would be a scalar: the formula says otherwise), the columns of an
upper-case name may be (``Y`` in ``Y^T Y - 2 \\beta^T X^T Y`` is a vector). Sums need equal
shapes, products matching inner sizes, a scalar function (``\\exp``, ``\\log``, a power) or a
sum with a scalar a 1 x 1 argument, and the sides of an equation equal shapes: a formula whose
shapes cannot agree is unreadable, with the reason (:func:`check_shapes`).
"""

from __future__ import annotations

import sympy as sp
from sympy.core.function import AppliedUndef, UndefinedFunction

from eqchain.errors import LatexError
from eqchain.latex.names import undecorated
from eqchain.latex.tokens import Token

# The exponents read as a transpose whatever the document writes (never a power).
_ALWAYS = (["top"], ["intercal"], ["mathrm", "T"], ["mathsf", "T"], ["mathsf", "top"])
# a bold T raised (PRML notes' \trans, ^{\bm{T}}): no one raises to the power of a bold name
_ALWAYS += (["mathbf", "T"], ["bm", "T"], ["boldsymbol", "T"])
_BOLD = ("mathbf", "boldsymbol", "bm")
_ACCENTS = ("mathbf", "boldsymbol", "bm", "hat", "bar", "tilde", "vec", "check", "dot")

# Marks the reader passes with a document's function names (load.document): a matrix name of
# the document, and a document that writes T as a scalar somewhere.
MATRIX_MARK = "\x00matrix "
SCALAR_T_MARK = "\x00scalar T"
DECLARED_MARK = "\x00declared "  # + "vector X" or "matrix X" (--assume "X matrix")
KINDS = {"vector": 1, "matrix": 2}


def declared_mark(name: str, kind: str) -> str:
    return f"{DECLARED_MARK}{kind} {name}"


def declared(marks) -> dict[str, int]:
    """{name: 1 (a declared vector) or 2 (a declared matrix)} from the reader's marks."""
    out = {}
    for m in marks:
        if m.startswith(DECLARED_MARK):
            kind, name = m[len(DECLARED_MARK) :].split(" ", 1)
            out[name] = KINDS[kind]
    return out


def _wrapped(printer, arg) -> str:
    text = printer._print(arg)
    if isinstance(arg, (sp.Add, sp.Mul)) or (
        isinstance(arg, AppliedUndef) and arg.func == MatrixProduct
    ):
        return f"\\left({text}\\right)"
    return text


def _powered(text: str, exp) -> str:
    return f"\\left({text}\\right)^{{{exp}}}" if exp is not None else text


def _latex_name(self, printer, exp=None) -> str:
    text = printer._print(self.args[0])
    return f"{text}^{{{exp}}}" if exp is not None else text


def _latex_transposed(self, printer, exp=None) -> str:
    return _powered(f"{{{_wrapped(printer, self.args[0])}}}^{{\\top}}", exp)


def _latex_product(self, printer, exp=None) -> str:
    return _powered(" ".join(_wrapped(printer, a) for a in self.args), exp)


def _str_name(self, printer) -> str:
    return printer._print(self.args[0])


def _str_transposed(self, printer) -> str:
    inner = printer._print(self.args[0])
    if not isinstance(self.args[0], AppliedUndef) or self.args[0].func == MatrixProduct:
        inner = f"({inner})"
    return f"{inner}ᵀ"


def _str_product(self, printer) -> str:
    parts = []
    for a in self.args:
        text = printer._print(a)
        parts.append(f"({text})" if isinstance(a, (sp.Add, sp.Mul)) else text)
    return " ".join(parts)


MatrixName = UndefinedFunction("(matrix)", __dict__={"_latex": _latex_name, "_sympystr": _str_name})
Transposed = UndefinedFunction(
    "(transpose)", __dict__={"_latex": _latex_transposed, "_sympystr": _str_transposed}
)
MatrixProduct = UndefinedFunction(
    "(matmul)", __dict__={"_latex": _latex_product, "_sympystr": _str_product}
)
NODES = {f.__name__: f for f in (MatrixName, Transposed, MatrixProduct)}


def is_node(expr) -> bool:
    return isinstance(expr, AppliedUndef) and expr.func in NODES.values()


def has_matrices(expr) -> bool:
    return any(is_node(a) for a in sp.preorder_traversal(expr) if isinstance(a, AppliedUndef))


def matrix_valued(expr) -> bool:
    """Whether ``expr`` is a matrix (not a scalar) as the reader builds it: a matrix name, a
    transpose, a product of matrices, a sum with a matrix term, a scalar multiple of one."""
    if is_node(expr):
        return True
    if isinstance(expr, (sp.Add, sp.Mul)):
        return any(matrix_valued(a) for a in expr.args)
    if isinstance(expr, sp.Sum):
        return matrix_valued(expr.function)
    return False


def _split(expr) -> tuple[list, object]:
    """(scalar factors, the one matrix factor) of a matrix-valued product or term."""
    if isinstance(expr, sp.Mul):
        scalars = [a for a in expr.args if not matrix_valued(a)]
        (matrix,) = [a for a in expr.args if matrix_valued(a)]
        return scalars, matrix
    return [], expr


def product(left, right):
    """``left right`` for two matrix-valued factors (:func:`chain`)."""
    return chain([left, right])


def chain(factors: list):
    """Juxtaposed factors, two or more of them matrices: the scalar factors (and those of
    each matrix factor) times the ordered ``MatrixProduct`` of the matrix factors. A factor
    that is itself a product (a group, ``(\\mathbf{w}^T \\mathbf{x}) \\mathbf{x}``) stays one
    argument: a 1 x 1 group is a scalar multiple, which its shape decides (:class:`Shapes`)."""
    scalars, matrices = [], []
    for f in factors:
        if matrix_valued(f):
            inner, m = _split(f)
            scalars += inner
            matrices.append(m)
        else:
            scalars.append(f)
    matrix = MatrixProduct(*matrices)
    return sp.Mul(*scalars, matrix, evaluate=False) if scalars else matrix


def transpose_exponent(tokens: list[Token], partner: dict, k: int) -> tuple[int, bool] | None:
    """When the exponent at ``tokens[k]`` (after ``^``) is a transpose's, ``(after, always)``:
    the index after it, and whether it is one whatever the document writes (``\\top``,
    ``\\mathrm{T}``: True; a plain ``T``: False). None for any other exponent."""
    tok = tokens[k]
    if tok.is_char("{"):
        close = partner[k]
        inner = tokens[k + 1 : close]
        after = close + 1
    elif (
        tok.kind == "cmd"
        and tok.text in ("mathrm", "mathsf", "rm", "mathbf", "bm", "boldsymbol")
        and k + 1 < len(tokens)
    ):
        nxt = tokens[k + 1]
        if not nxt.is_char("{"):
            return None
        close = partner[k + 1]
        inner = tokens[k : close + 1]
        after = close + 1
    else:
        inner, after = [tok], k + 1
    texts = [t.text for t in inner if not t.is_char("{}")]
    if texts == ["rm", "T"]:
        texts = ["mathrm", "T"]
    if texts in _ALWAYS:
        return after, True
    if texts == ["T"]:
        return after, False
    return None


_LIMIT_BASES = ("sum", "prod", "int", "iint", "oint", "lim", "max", "min", "bigcup", "bigcap")


def is_limit(tokens: list[Token], partner: dict, caret: int) -> bool:
    """Whether the ``^`` at ``caret`` writes an upper limit (``\\sum_{t=1}^{T}``,
    ``\\int_0^T``, ``\\Big|_0^T``), not an exponent."""
    k = caret - 1
    if k >= 0 and tokens[k].is_char("}") and k in partner:
        opening = partner[k]
        if opening >= 1 and tokens[opening - 1].is_char("_"):
            k = opening - 2
    elif k >= 1 and tokens[k - 1].is_char("_"):
        k -= 2
    if k < 0:
        return False
    tok = tokens[k]
    return (
        tok.is_cmd(*_LIMIT_BASES)
        or tok.is_char("|")
        or tok.is_cmd("vert", "rvert", "Big", "big", "bigg", "Bigg", "right")
    )


def name_key(span) -> str:
    """What makes a name a matrix name: ``y`` for the bare name, ``y_`` for the family of its
    members ``y_i`` (two quantities, as everywhere in eqchain: a transposed ``y`` makes no
    ``y_i`` a vector)."""
    return span.base + ("_" if span.sub is not None else "")


def is_bold(base: str) -> bool:
    return base.startswith(_BOLD)


def is_vector_name(base: str) -> bool:
    """A lower-case letter (Latin or Greek, under any accent) names a column vector."""
    return undecorated(base, _ACCENTS)[:1].islower()


def document_marks(token_rows: list[list[Token]]) -> frozenset[str]:
    """What a document says of transposes, as marks for the reader: each name written with a
    transpose exponent, and whether ``T`` is a scalar somewhere (written other than as the
    exponent ``^T``). Names are found as the reader scans them; a row that cannot be scanned
    says nothing (it stays unreadable on its own)."""
    from eqchain.latex.names import scan_name, starts_name
    from eqchain.latex.tokens import match_brackets

    if not any(
        tok.kind == "letter" and tok.text == "T" or tok.is_cmd("top", "intercal")
        for tokens in token_rows
        for tok in tokens
    ):
        return frozenset()  # no transpose can be written without a T, \top or \intercal
    names: set[str] = set()
    scalar_t = False
    any_transpose = False
    bold: set[str] = set()
    for tokens in token_rows:
        try:
            partner = match_brackets(tokens)
        except LatexError:
            continue
        exponent_ts: set[int] = set()
        for k, tok in enumerate(tokens):
            if tok.is_char("^") and k + 1 < len(tokens) and not is_limit(tokens, partner, k):
                found = transpose_exponent(tokens, partner, k + 1)
                if found is not None:
                    exponent_ts.update(range(k + 1, found[0]))
        for k, tok in enumerate(tokens):
            if tok.kind == "letter" and tok.text == "T" and k not in exponent_ts:
                scalar_t = True
        k = 0
        while k < len(tokens):
            if not starts_name(tokens[k]):
                k += 1
                continue
            try:
                span = scan_name(tokens, k, partner)
            except (LatexError, IndexError, KeyError):
                k += 1
                continue
            if is_bold(span.base):
                bold.update((span.base, span.base + "_"))
            j = span.end
            if (
                j + 1 < len(tokens)
                and tokens[j].is_char("^")
                and transpose_exponent(tokens, partner, j + 1) is not None
            ):
                names.add(name_key(span))
                any_transpose = True
            k = max(j, k + 1)
    if not any_transpose:
        return frozenset()
    marks = {MATRIX_MARK + n for n in names | bold}
    if scalar_t:
        marks.add(SCALAR_T_MARK)
    return frozenset(marks)


# -- shapes ---------------------------------------------------------------------------------

ONE = ("one",)


class Shapes:
    """Union-find over the sizes of a formula's matrices: each matrix name has a rows size
    (never 1) and a columns size (1 for a lower-case name; may become 1 for an upper-case
    one). Raises LatexError (at ``column``) when the formula's shapes cannot agree."""

    def __init__(self, column: int | None = None):
        self.parent: dict = {ONE: ONE}
        self.never_one: set = set()
        self.column = column
        self.names: dict[str, object] = {}
        self.kinds: dict[str, int] = {}

    def find(self, d):
        self.parent.setdefault(d, d)
        while self.parent[d] != d:
            self.parent[d] = self.parent[self.parent[d]]
            d = self.parent[d]
        return d

    def unify(self, a, b, why: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if ONE in (ra, rb) and (ra in self.never_one or rb in self.never_one):
            raise LatexError(
                f"the shapes of the vectors and matrices do not agree ({why}): a vector's "
                "length or a matrix's rows would have to be 1 (a name neither bold nor written "
                "transposed is a scalar: write a vector bold, \\mathbf{x}, or declare it, "
                '--assume "x vector")',
                column=self.column,
            )
        if rb == ONE:
            ra, rb = rb, ra
        self.parent[rb] = ra
        if rb in self.never_one:
            self.never_one.discard(rb)
            self.never_one.add(ra)

    def name_shape(self, atom, kind: int | None = None) -> tuple:
        """(rows, cols) of a matrix name; ``kind`` 1 or 2 when declared a vector or a
        matrix (else its letter's case says, unless a node seen before said)."""
        key = key_of(atom)
        self.names.setdefault(key, atom)
        if kind is not None:
            self.kinds.setdefault(key, kind)
        kind = self.kinds.get(key)
        rows = ("rows", key)
        if rows not in self.parent:
            self.parent[rows] = rows
            self.never_one.add(rows)
        vector = kind == 1 if kind is not None else is_vector_name(base_of(atom))
        cols = ONE if vector else ("cols", key)
        return rows, cols

    def is_scalar(self, shape) -> bool:
        return self.is_one(shape[0]) and self.is_one(shape[1])

    def is_one(self, d) -> bool:
        return self.find(d) == ONE

    def shape(self, expr):
        """The shape (rows, cols) of ``expr``, None for a scalar; unifies what must agree."""
        if isinstance(expr, AppliedUndef) and expr.func == MatrixName:
            kind = int(expr.args[1]) if len(expr.args) > 1 else None
            return self.name_shape(expr.args[0], kind)
        if isinstance(expr, AppliedUndef) and expr.func == Transposed:
            inner = self.shape(expr.args[0])
            return None if inner is None else (inner[1], inner[0])
        if isinstance(expr, AppliedUndef) and expr.func == MatrixProduct:
            # left to right; a 1 x 1 product so far, or a 1 x 1 factor, is a scalar multiple
            # ((\mathbf{w}^T \mathbf{x}) \mathbf{x}, read as one product \mathbf{w}^T
            # \mathbf{x} \mathbf{x}: the only reading whose shapes agree)
            running = None
            for a in expr.args:
                s = self.shape(a)
                if s is None:
                    continue
                if running is None or self.is_scalar(running):
                    running = s
                elif not self.is_scalar(s):
                    self.unify(running[1], s[0], "a product")
                    running = (running[0], s[1])
            return running
        if isinstance(expr, sp.Add):
            shapes = [self.shape(a) for a in expr.args]
            known = [s for s in shapes if s is not None]
            if not known:
                return None
            for s in known[1:]:
                self.unify(known[0][0], s[0], "a sum")
                self.unify(known[0][1], s[1], "a sum")
            if len(known) < len(shapes):
                self.scalar(known[0], "a scalar added to a matrix")
            return known[0]
        if isinstance(expr, sp.Mul):
            shapes = [s for s in (self.shape(a) for a in expr.args) if s is not None]
            if len(shapes) > 1:
                raise LatexError(
                    "a product of matrices read as a scalar product", column=self.column
                )
            return shapes[0] if shapes else None
        if isinstance(expr, sp.Pow):
            base = self.shape(expr.base)
            exponent = self.shape(expr.exp)
            if exponent is not None:
                self.scalar(exponent, "a matrix as an exponent")
            if base is not None and not self.is_scalar(base):
                # (X^T X)^{-1}: one number only if X has one column, which another formula of
                # the document may deny (X \beta); an author means the matrix inverse
                raise LatexError(
                    "a power of a matrix: only a product that its vectors make one number "
                    "(\\mathbf{w}^T \\mathbf{x}) has one here; (X^T X)^{-1} is a matrix "
                    "inverse, which eqchain does not read (declare X a vector if it has one "
                    'column: --assume "X vector")',
                    column=self.column,
                )
            return None
        if isinstance(expr, sp.Sum):
            for lim in expr.limits:
                for part in lim[1:]:
                    self._scalar_inside(part)
            return self.shape(expr.function)
        if isinstance(expr, AppliedUndef):
            for a in expr.args:  # an unknown function of vectors: any shapes
                self.shape(a)
            return None
        for a in expr.args:
            self._scalar_inside(a)
        return None

    def _scalar_inside(self, expr) -> None:
        if isinstance(expr, sp.Basic) and not isinstance(expr, (sp.Symbol, sp.Number)):
            s = self.shape(expr)
            if s is not None:
                self.scalar(s, "a matrix inside a scalar function")

    def scalar(self, shape, why: str) -> None:
        self.unify(shape[0], ONE, why)
        self.unify(shape[1], ONE, why)


def key_of(atom) -> str:
    """The name whose shape a matrix atom has: a family member's family, else the name."""
    return str(atom.base.label) if isinstance(atom, sp.Indexed) else str(atom)


def base_of(atom) -> str:
    return key_of(atom)


def check_shapes(sides, column: int | None) -> Shapes:
    """Check that the shapes of one formula's sides agree (each side's own, and the sides
    equal: a scalar side is 1 x 1); LatexError at ``column`` when they cannot."""
    shapes = Shapes(column)
    first = None
    for side in sides:
        s = shapes.shape(side)
        if s is None:
            s = (ONE, ONE)
        if first is None:
            first = s
        else:
            shapes.unify(first[0], s[0], "the two sides")
            shapes.unify(first[1], s[1], "the two sides")
    return shapes
