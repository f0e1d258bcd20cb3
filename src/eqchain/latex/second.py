"""Independent readings of a formula, for the cross-check (``eqchain check --cross-check``).

eqchain reads formulas with its own parser (:mod:`eqchain.latex.parser`). Two readers it does
not own read them too, on request: SymPy's ``parse_latex`` (:mod:`eqchain.latex.first`) and
latex2sympy2_extended. Each resolves the grammar of operators (precedence, implicit
multiplication, what a ``\\log`` or a ``\\sum`` takes as its argument, how far a fraction reaches)
with its own rules; when one of them reads a formula differently from eqchain, the LaTeX is
ambiguous and the author should add parentheses.

Both get the same placeholders for names, numbers' values, derivatives and declared functions
(those are our conventions, not grammar), so their readings land in eqchain's conventions:
``Indexed`` for subscripts, natural ``\\log``. When a reader cannot read a formula eqchain reads
(eqchain reads more notation than they do), that is recorded, not an ambiguity.

Both are imported on first use (they are slow to import); each call gets a fresh converter and
SymPy's global evaluation flags are restored afterwards, so nothing leaks between documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import sympy as sp

from eqchain.errors import LatexError
from eqchain.latex.agreement import agree
from eqchain.latex.read import read_formula
from eqchain.latex.scan import Composite, Context, Template
from eqchain.operators import Expectation, OverSet
from eqchain.tree import rebuild

_TOKEN = re.compile(r"(?:\\?math(?:it)?)?\{?(Z[A-Z]+)\}?")


class SecondReadingFailed(Exception):
    """latex2sympy2 could not read a formula (or read something we cannot map back)."""


@dataclass(frozen=True)
class Comparison:
    """eqchain's reading of one formula compared with another reader's. ``first`` is eqchain's
    reading (a tuple of sides); ``second`` the other reader's (None when no other reader could
    read it), ``reader`` its name; ``agree`` is True/False, or None when there is no other
    reading or the comparison was inconclusive; ``method`` says how it was decided
    ("structural", "expansion", "numeric", "inconclusive", or why there is no other reading).
    ``column`` is where the first side the readings differ on starts (1-based)."""

    text: str
    first: tuple
    second: tuple | None
    agree: bool | None
    method: str
    column: int | None = None
    reader: str = "latex2sympy2"


def read_second(
    text: str, indices: frozenset[str] = frozenset(), functions: frozenset[str] = frozenset()
) -> tuple:
    """The sides of ``text`` as latex2sympy2 reads them, mapped into eqchain's conventions.

    Raises LatexError when SymPy's parser (whose placeholders latex2sympy2 reads) cannot read
    the text, and SecondReadingFailed when only latex2sympy2 cannot."""
    from eqchain.latex.first import analyse

    analysis = analyse(text, indices, functions)
    return analysis.with_pieces(tuple(_evaluate(t, analysis.context) for t in analysis.templates))


def read_checked(
    text: str, indices: frozenset[str] = frozenset(), functions: frozenset[str] = frozenset()
):
    """eqchain's reading of ``text`` (a :class:`eqchain.latex.read.Formula`), after checking
    that SymPy's parser and latex2sympy2 read it the same way where they can: LatexError
    "ambiguous LaTeX: ..." when one of them reads it differently."""
    formula = read_formula(text, indices, functions)
    _raise_if_ambiguous(_compare(text, formula, indices, functions))
    return formula


def compare_readings(
    text: str, indices: frozenset[str] = frozenset(), functions: frozenset[str] = frozenset()
) -> Comparison:
    """Read ``text`` with eqchain's parser and the two other readers and compare the readings
    side by side: the first disagreement, else latex2sympy2's agreement.

    Raises LatexError (from eqchain's parser) when the text cannot be read at all; a failure
    of another reader only shows in the result (``second`` None, ``agree`` None)."""
    return _compare(text, read_formula(text, indices, functions), indices, functions)


def _compare(text: str, formula, indices, functions) -> Comparison:
    from eqchain.latex.first import analyse

    ours = formula.sides
    if any(side.has(Expectation) for side in ours):
        # neither other reader has an expectation (SymPy's reads \mathrm{E}(x) as e x): there
        # is no second reading to compare with
        return Comparison(text, ours, None, None, "the other readers read no expectations")
    if any(side.has(OverSet) for side in ours):
        # nor sums or integrals over a set (\sum_{x \in X}, \int_{\mathcal{X}})
        return Comparison(text, ours, None, None, "the other readers read no sums over a set")
    try:
        analysis = analyse(text, indices, functions)
    except LatexError as err:
        return Comparison(
            text, ours, None, None, f"SymPy's parser could not read it: {err.message}"
        )
    # \Gamma(x), which eqchain reads as the gamma function when \Gamma is a function (see
    # eqchain.latex.applied), is the function Gamma(x) to the other readers: the same reading
    written = tuple(_gamma_as_written(side) for side in ours)
    other = tuple(_gamma_as_written(side) for side in analysis.formula.sides)
    result = replace(
        _against(text, written, other, analysis.templates, "SymPy's parser"), first=ours
    )
    if result.agree is False:
        return result
    try:
        second = analysis.with_pieces(
            tuple(_evaluate(t, analysis.context) for t in analysis.templates)
        )
    except SecondReadingFailed as err:
        return Comparison(text, ours, None, None, f"second reader could not read it: {err}")
    second = tuple(_gamma_as_written(side) for side in second)
    return replace(_against(text, written, second, analysis.templates, "latex2sympy2"), first=ours)


def _gamma_as_written(side):
    return side.replace(sp.gamma, sp.Function("Gamma")) if side.has(sp.gamma) else side


def _against(text: str, ours: tuple, other: tuple, templates, reader: str) -> Comparison:
    if len(other) != len(ours):
        return Comparison(text, ours, other, None, f"{reader} found other sides", reader=reader)
    verdict, method = True, "structural"
    for a, b, template in zip(ours, other, templates, strict=True):
        same, how = agree(a, b)
        if same is False:
            return Comparison(text, ours, other, False, how, template.column, reader)
        if same is None:
            verdict, method = None, how
        elif how != "structural" and verdict:
            method = how
    return Comparison(text, ours, other, verdict, method, reader=reader)


def check_ambiguity(
    text: str, indices: frozenset[str] = frozenset(), functions: frozenset[str] = frozenset()
) -> None:
    """Raise LatexError "ambiguous LaTeX: ..." showing both readings when another reader reads
    ``text`` differently from eqchain; return None when they agree, when no other reader can
    read it, or when the comparison is inconclusive. Raises eqchain's LatexError when the text
    cannot be read at all."""
    _raise_if_ambiguous(compare_readings(text, indices, functions))


def _raise_if_ambiguous(result: Comparison) -> None:
    if result.agree is False:
        raise LatexError(
            "ambiguous LaTeX: it reads as "
            f"{_show(result.first)} (eqchain's parser) but also as {_show(result.second)} "
            f"({result.reader}); add parentheses or \\cdot to say which one you mean",
            column=result.column,
        )


def _show(sides) -> str:
    return " = ".join(sp.sstr(s) for s in sides)


# -- reading a template ----------------------------------------------------------------------


def _evaluate(template: Template, ctx: Context):
    tree = _latex2sympy(template.b_text)
    if not isinstance(tree, sp.Expr):
        raise SecondReadingFailed(f"it read a {type(tree).__name__}, not an expression")
    composites = {c.key: c for c in template.composites}

    def lookup(name: str):
        m = _TOKEN.fullmatch(name)
        if not m:
            raise SecondReadingFailed(f"it read a symbol {name!r} we did not write")
        key = m.group(1)
        if key in ctx.atoms:
            return ctx.atoms[key]
        if key in composites:
            return _composite(composites[key], ctx)
        if key in ctx.middles:
            return ctx.middles[key]
        raise SecondReadingFailed(f"it read a symbol {name!r} we did not write")

    def visit(node):
        if isinstance(node, sp.Symbol):
            return lookup(node.name)
        if isinstance(node, sp.core.function.AppliedUndef):
            # A name before parentheses: our convention makes it a product (declared functions
            # never reach this reader as function syntax).
            if len(node.args) != 1:
                raise SecondReadingFailed("it read a function of several arguments")
            return sp.Mul(lookup(type(node).__name__), node.args[0], evaluate=False)
        if isinstance(node, sp.log) and len(node.args) == 2:
            arg, base = node.args
            if base == sp.E:
                return sp.log(arg, evaluate=False)
            return sp.Mul(
                sp.log(arg, evaluate=False),
                sp.Pow(sp.log(base, evaluate=False), -1, evaluate=False),
                evaluate=False,
            )
        return node

    try:
        return rebuild(tree, visit)
    except SecondReadingFailed:
        raise
    except Exception as err:  # noqa: BLE001 - anything SymPy refuses while mapping back
        raise SecondReadingFailed(f"{type(err).__name__}: {err}") from None


def _composite(composite: Composite, ctx: Context):
    args = [_evaluate(child, ctx) for child in composite.children]
    if composite.kind == "function":
        return sp.Function(composite.name)(*args)
    variables = [var if order == 1 else (var, order) for var, order in composite.variables]
    return sp.Derivative(args[0], *variables)


def _latex2sympy(text: str):
    """latex2sympy2 on ``text`` with a fresh converter: no normalisation (it would rewrite
    ``\\ldots`` as a space and quotes away), case kept, no assignments or solving."""
    from latex2sympy2_extended import latex2sympy2 as module
    from sympy.core.parameters import global_parameters

    config = module.ConversionConfig(
        interpret_as_mixed_fractions=False,
        interpret_simple_eq_as_assignment=False,
        interpret_contains_as_eq=False,
        lowercase_symbols=False,
    )
    saved = (global_parameters.evaluate, global_parameters.distribute)
    try:
        return module.latex2sympy(
            text, variable_values={}, normalization_config=None, conversion_config=config
        )
    except RecursionError:
        raise SecondReadingFailed("nested too deeply") from None
    except Exception as err:  # noqa: BLE001 - latex2sympy2 signals errors with bare Exception
        first_line = (str(err).strip().splitlines() or [type(err).__name__])[0]
        raise SecondReadingFailed(first_line) from None
    finally:
        global_parameters.evaluate, global_parameters.distribute = saved
        for name in ("variances", "var"):  # module-level state in older latex2sympy2 versions
            state = getattr(module, name, None)
            if isinstance(state, dict):
                state.clear()
