"""SymPy's ``parse_latex`` reading of a formula, for the cross-check only.

eqchain reads formulas with its own parser (:mod:`eqchain.latex.parser`); this reading (and
latex2sympy2's, :mod:`eqchain.latex.second`) is an independent one that ``eqchain check
--cross-check`` and the tests compare it with. It is the reader eqchain used before it had its
own: the scanner (:mod:`eqchain.latex.scan`) rewrites names and numbers into placeholders and
SymPy's parser reads the operators.

``parse_latex`` only ever sees placeholders, numbers-as-placeholders and operators (see
:mod:`eqchain.latex.scan`), so it cannot evaluate anything on its own; the tree it returns is
rebuilt unevaluated with the placeholders' values, ``\\log`` made natural, ``e^{x}`` made
``exp(x)``, and ellipses made sums and products. Any node SymPy's parser could produce that we
did not expect is an error, not a silent reading.
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from eqchain.errors import LatexError
from eqchain.latex import ellipsis
from eqchain.latex.read import Formula, _check_text, _guarded, row_parts, with_pieces
from eqchain.latex.rows import split_rows
from eqchain.latex.scan import Composite, Context, Scanner, Template
from eqchain.tree import rebuild, substitute

_ALLOWED = (
    sp.Add, sp.Mul, sp.Pow, sp.log, sp.exp, sp.sin, sp.cos, sp.tan, sp.sec, sp.csc, sp.cot,
    sp.sinh, sp.cosh, sp.tanh, sp.asin, sp.acos, sp.atan, sp.Sum, sp.Product, sp.factorial,
    sp.binomial, sp.floor, sp.ceiling, sp.Tuple, sp.Integer, sp.Rational,
    sp.core.numbers.Infinity, sp.core.numbers.Exp1,  # E only as the base of \ln
)  # fmt: skip


@dataclass(frozen=True)
class Analysis:
    """A formula as SymPy's parser reads it, with what was read on the way: one template per
    side and the context (for latex2sympy2's reading of the same templates)."""

    formula: Formula
    templates: tuple[Template, ...]
    context: Context | None
    # (placeholder, Piecewise) of the row's piecewise definitions (read by eqchain's reader,
    # latex/piecewise.py): what a second reading of the templates puts in for the placeholders
    pieces: tuple = ()

    def with_pieces(self, sides: tuple) -> tuple:
        """``sides`` (another reader's reading of the templates) with the placeholders made
        the piecewise definitions."""
        if not self.pieces:
            return sides
        return tuple(substitute(side, dict(self.pieces)) for side in sides)


def analyse(
    text: str, indices: frozenset[str] = frozenset(), functions: frozenset[str] = frozenset()
) -> Analysis:
    """Read one row of ``text`` the way eqchain did before it had its own parser (SymPy's
    ``parse_latex`` on the scanner's templates). Raises LatexError like
    :func:`eqchain.latex.read.read_formula`."""
    _check_text(text)
    rows = _guarded(lambda *_: split_rows(text), None, 0)
    if not rows:
        raise LatexError("empty formula", column=1)
    if len(rows) > 1:
        raise LatexError(
            f"this text has {len(rows)} rows: read them one by one", column=rows[1].offset + 1
        )
    rows[0].raise_error()
    return _guarded(_analyse_row, rows[0].text, rows[0].offset, indices, functions)


def _analyse_row(text: str, offset: int, indices, functions) -> Analysis:
    parts = row_parts(text, offset, indices, functions)
    if parts is None:
        return Analysis(Formula(()), (), None)
    ctx = Context(parts.indices, parts.functions, evaluate)
    scanners = [Scanner(tokens, ctx) for tokens in parts.token_lists]
    templates = tuple(s.template(0, len(s.tokens)) for s in scanners)
    sides = with_pieces(tuple(evaluate(t, ctx) for t in templates), parts)
    deco = parts.deco
    formula = Formula(
        sides,
        parts.continues,
        deco.tag,
        deco.annotation,
        parts.defined,
        parts.definition,
        parts.relations,
    )
    return Analysis(formula, templates, ctx, parts.pieces)


def parse(text: str, column: int):
    """SymPy's ``parse_latex`` in strict mode; any failure is a LatexError at ``column``."""
    from sympy.parsing.latex import LaTeXParsingError, parse_latex

    try:
        return parse_latex(text, strict=True)
    except RecursionError:
        raise LatexError("formula nested too deeply to read", column=column) from None
    except LaTeXParsingError as err:
        lines = [line for line in str(err).splitlines() if line.strip()]
        reason = lines[0].strip() if lines else "invalid LaTeX"
        raise LatexError(f"cannot read this LaTeX ({reason})", column=column) from None
    except Exception as err:  # noqa: BLE001 - the parser raises many kinds; all mean "unreadable"
        raise LatexError(f"cannot read this LaTeX ({type(err).__name__})", column=column) from None


def evaluate(template: Template, ctx: Context):
    """The first reading of ``template``: an unevaluated SymPy expression. Raises LatexError."""
    tree = parse(template.a_text, template.column)
    composites = {c.key: c for c in template.composites}

    def visit(node):
        if isinstance(node, sp.Symbol):
            name = node.name
            if name in ctx.atoms:
                return ctx.atoms[name]
            if name in composites:
                return _composite(composites[name], ctx)
            if name in ctx.markers:
                return node
            raise LatexError("cannot read this formula faithfully", column=template.column)
        if isinstance(node, sp.log) and len(node.args) == 2:
            arg, base = node.args
            if base == sp.E:
                return sp.log(arg, evaluate=False)
            return sp.Mul(
                sp.log(arg, evaluate=False),
                sp.Pow(sp.log(base, evaluate=False), -1, evaluate=False),
                evaluate=False,
            )
        if isinstance(node, sp.Pow) and node.base == sp.E:
            return sp.exp(node.exp, evaluate=False)
        if (
            isinstance(node, sp.Mul)
            and len(node.args) == 2
            and node.args[0] == -1
            and isinstance(node.args[1], sp.Integer)
        ):
            return sp.Integer(-node.args[1])  # "-2" is the number -2, not -1 times 2
        if isinstance(node, (sp.Add, sp.Mul)):
            node = _flatten(node)
        if not isinstance(node, _ALLOWED):
            raise LatexError(
                f"cannot read this formula faithfully (SymPy read a {type(node).__name__})",
                column=template.column,
            )
        return node

    expr = rebuild(tree, visit)
    if not ctx.markers:
        return expr
    return ellipsis.resolve(expr, ctx.markers, ctx.middles, ctx.names())


def _flatten(node):
    """Merge the parser's binary chains (``a + b + c`` as ``(a + b) + c``) into one node, so
    that a product of three factors is one product, as SymPy would build it. Quotients
    (``\\frac{a}{b}``, ``a / b``) stay whole: the author wrote them as one piece."""
    kind = type(node)
    args = []
    for arg in node.args:
        if type(arg) is kind and not _is_quotient(arg):
            args.extend(arg.args)
        else:
            args.append(arg)
    if len(args) == len(node.args):
        return node
    return kind(*args, evaluate=False)


def _is_quotient(node) -> bool:
    return (
        isinstance(node, sp.Mul)
        and len(node.args) == 2
        and isinstance(node.args[1], sp.Pow)
        and node.args[1].exp == -1
    )


def _composite(composite: Composite, ctx: Context):
    args = [evaluate(child, ctx) for child in composite.children]
    if composite.kind == "function":
        return sp.Function(composite.name)(*args)
    variables = [var if order == 1 else (var, order) for var, order in composite.variables]
    try:
        return sp.Derivative(args[0], *variables)
    except ValueError as err:
        raise LatexError(f"cannot read this derivative ({err})", column=composite.column) from None
