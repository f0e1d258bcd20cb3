"""Names that may vary with a variable of differentiation.

A derivation that differentiates a name on its own, ``\\frac{\\partial a}{\\partial w}``, says that
a may depend on w (so does one that differentiates a function applied to arguments that do not
mention w, ``\\frac{\\partial J(\\theta)}{\\partial \\theta_i}``: J may depend on w through
them); when nothing defines a (it is defined in prose, or not at all) its derivative is
unknown, not 0. Such a name is read, inside every derivative by w, as an unknown function of
w (``a(w)``, and ``a(n, w)`` for a family member ``a_n``): ``\\frac{\\partial a}{\\partial w} = 0``
is then not verified, and the product rule keeps its term, ``\\frac{\\partial (a w)}{\\partial w}
= a + w \\frac{\\partial a}{\\partial w}``. Sound: an identity that holds for every function of w
holds for the constant one too. Outside derivatives the name stays the symbol it is.

Not so for a name declared ``constant``, for the variable itself, and for a member of the
variable's own family (``\\frac{\\partial x_i}{\\partial x_k}`` is a Kronecker delta). A name
that the derivation never differentiates on its own is held fixed in a derivative, as partial
derivatives hold the other variables (README, "What the notation means to eqchain").

The functions are made with the marker ``varies``: the refuter does not put concrete functions
in for them (the author's a is one particular quantity; ``a(w) = 2 w`` refutes nothing about
it), so a claim about the value of such a derivative is ``unknown``.
"""

from __future__ import annotations

import sympy as sp
from sympy.core.function import AppliedUndef

from eqchain.tree import rebuild


def varying_names(trees) -> dict:
    """{name: variables} for each name differentiated on its own in ``trees``: a Symbol, or
    the IndexedBase of a family member, that is not declared ``constant``, not a variable of
    the derivative, and not of a variable's family."""
    out: dict = {}
    for tree in trees:
        if not isinstance(tree, sp.Basic):
            continue
        for d in tree.atoms(sp.Derivative):
            # by w_1: by every member of the family w (the derivative by w_k in a sum)
            bases = {v.base for v in d.variables if isinstance(v, sp.Indexed)}
            for name in _bare_names(d):
                out.setdefault(name, set()).update(set(d.variables) | bases)
    return {k: frozenset(v) for k, v in out.items()}


def _bare_names(d: sp.Derivative) -> list:
    body = d.expr
    if body in d.variables:
        return []
    if isinstance(body, sp.Symbol):
        return [body] if _may_vary(body, d) else []
    if isinstance(body, sp.Indexed):
        return [] if _of_a_variable(body, d) else [body.base]
    if isinstance(body, AppliedUndef) and not getattr(body.func, "varies", False):
        # J(\theta) by \theta_i: the function may depend on the variable through its
        # argument (a component of theta); by a variable that an argument mentions, the chain
        # rule's, as written
        if any(a.has(v) for a in body.args for v in d.variables):
            return []
        # \phi(z^{(i)}) by w_j: through the function, or through the family members in its
        # arguments (a defined \phi(z) depends on nothing else: z^{(i)} is what varies, the
        # per-sample z^{(i)} = w^T x^{(i)} said in prose). A plain name in the arguments is held
        # fixed, as every name a derivative does not differentiate on its own (E_n(w) by y_n:
        # E_n's own definition says how it depends on y_n)
        families = {str(v.base.label) for v in d.variables if isinstance(v, sp.Indexed)}
        families |= {v.name.partition("_")[0] for v in d.variables if isinstance(v, sp.Symbol)}
        names = [
            m.base
            for a in body.args
            for m in a.atoms(sp.Indexed)
            if str(m.base.label) not in families
        ]
        names = list(dict.fromkeys(names))
        return [body.func, *names]
    if not any(body.has(v.base if isinstance(v, sp.Indexed) else v) for v in d.variables):
        # \frac{\partial \ln P}{\partial w}, \frac{\partial a^2}{\partial w}: a body that does not
        # mention the variable is differentiated only because what it holds varies with it, as
        # a name on its own (it was held fixed, the derivative 0, and \frac{\partial \ln
        # P}{\partial w_m} = \frac{\partial \ln P}{\partial z_n} \frac{\partial z_n}{\partial
        # w_m} was verified as 0 = 0)
        names = [s for s in body.free_symbols if isinstance(s, sp.Symbol) and _may_vary(s, d)]
        names += [m.base for m in body.atoms(sp.Indexed) if not _of_a_variable(m, d)]
        return [n for n in dict.fromkeys(names) if not _bound_in(n, body)]
    return []


def _bound_in(name, body) -> bool:
    """Whether ``name`` is only a bound variable of a sum, product or integral in ``body``."""
    return isinstance(name, sp.Symbol) and name not in body.free_symbols


def _of_a_variable(member: sp.Indexed, d: sp.Derivative) -> bool:
    """Whether ``member`` is of the family of a variable of ``d`` (x_i by x_k: a Kronecker
    delta, not a name that varies)."""
    return any(isinstance(v, sp.Indexed) and v.base == member.base for v in d.variables)


def _may_vary(symbol: sp.Symbol, d: sp.Derivative) -> bool:
    """Whether a plain name in a derivative's body may vary with its variables: not a name
    declared ``constant``, not an integer (an index or a count: a differentiable function of a
    real variable with integer values is constant), and not a name in a variable's subscript
    (the i of \\theta_i labels the variable; read as a function of \\theta_i it would be
    written inside its own argument, and SymPy's differentiation recursed without end)."""
    if _constant(symbol) or symbol.is_integer:
        return False
    return not any(symbol in v.free_symbols for v in d.variables if isinstance(v, sp.Indexed))


def may_vary_name(name) -> bool:
    """Whether a plain name or a family (its IndexedBase) may vary with a variable at all: not
    declared ``constant``, not an integer (an index or a count)."""
    if isinstance(name, sp.IndexedBase):
        return not _constant(name.label) and not _constant(name)
    return not _constant(name) and not name.is_integer


def _constant(symbol) -> bool:
    return bool(getattr(symbol, "assumptions0", {}).get("nonrandom"))


def with_varying(expr, varying: dict):
    """``expr`` with each derivative by w of a body that holds a name varying with w taken
    with the name as an unknown function of w (the derivative done, so that a product's other
    factors keep their symbols), else unchanged."""
    if not varying or not isinstance(expr, sp.Basic):
        return expr
    if not expr.has(sp.Derivative, sp.Integral):
        return expr
    return rebuild(expr, lambda node: _visit(node, varying))


def _visit(node, varying: dict):
    if isinstance(node, sp.Integral):
        return _integrated(node, varying)
    if not isinstance(node, sp.Derivative):
        return node
    body = node.expr
    heads: dict = {}
    varying = _without_indices(varying, body)
    made = rebuild(body, lambda e: _as_function(e, varying, node.variables, heads))
    if not heads:
        return node
    if isinstance(made, AppliedUndef):
        return sp.Derivative(made, *node.variable_count)
    try:
        done = sp.Derivative(made, *node.variable_count).doit()
    except (ValueError, TypeError, NotImplementedError, RecursionError):
        # (SymPy's doit recursed without end on log y_k(x_n, w) by a_j, y_k varying: the step
        # was "expression nested too deeply"; the derivative stays written, the names varying)
        return sp.Derivative(made, *node.variable_count)
    return _names_back(done, heads)


def _integrated(node: sp.Integral, varying: dict):
    r"""An integral over x of a body that holds a name varying with x (the document
    differentiates it by x on its own) with the name as an unknown function of x: it is no
    constant there (``\int_0^1 y \, dx = y`` and ``\int e^y f(x) dx = e^y \int f(x) dx`` are
    not verified beside ``\frac{dy}{dx} = 1``)."""
    variables = tuple(limit[0] for limit in node.limits)
    heads: dict = {}
    varying = _without_indices(varying, node.function)
    made = rebuild(node.function, lambda e: _as_function(e, varying, variables, heads))
    return node if not heads else sp.Integral(made, *node.limits)


def _without_indices(varying: dict, body) -> dict:
    """``varying`` without the names ``body`` writes as a family member's index (the n of
    x_n labels the member: made a function of a_j, x(n(a_j), a_j), SymPy's differentiation
    recursed without end) or as an argument of a name already made a function of a variable."""
    indices = {s for e in body.atoms(sp.Indexed) for i in e.indices for s in i.free_symbols}
    # ... and once made a function (x(n, a_j) when the tree comes back for another pass)
    indices |= {
        s
        for f in body.atoms(AppliedUndef)
        if getattr(f.func, "_kwargs", {}).get("varies")
        for a in f.args
        for s in a.free_symbols
    }
    if not indices & set(varying):
        return varying
    return {k: v for k, v in varying.items() if k not in indices}


def _as_function(e, varying: dict, variables, heads: dict):
    """``e`` as an unknown function of those of ``variables`` it varies with (a name, a
    function's name or a family), recorded in ``heads``; else ``e``."""
    if isinstance(e, sp.Symbol) and e in varying:
        by = _by(varying[e], variables)
        if by:
            head = _varying(e.name, e)
            heads[head] = (e, len(by))
            return head(*by)
    if isinstance(e, AppliedUndef) and e.func in varying:
        # a variable its arguments hold already (f(w_i) by w_i) acts through them: the chain
        # rule's; written once more as an argument, SymPy's differentiation recursed
        by = tuple(v for v in _by(varying[e.func], variables) if not any(a.has(v) for a in e.args))
        if by:
            head = sp.Function(e.func.__name__, varies=True)
            heads[head] = (e.func, len(by))
            return head(*e.args, *by)
    if isinstance(e, sp.Indexed) and e.base in varying:
        by = _by(varying[e.base], variables)
        if by:
            head = _varying(str(e.base.label), e)
            heads[head] = (e.base, len(by))
            return head(*e.indices, *by)
    return e


def _varying(name: str, value):
    """The unknown function a name becomes inside a derivative: real-valued when the name is
    real (a document's default), so that ``1 + e^{-z_i}`` stays positive as z_i varies."""
    if value.is_real:
        return sp.Function(name, varies=True, real=True)
    return sp.Function(name, varies=True)


def _by(variables: frozenset, of_derivative) -> tuple:
    return tuple(
        v
        for v in of_derivative
        if v in variables or (isinstance(v, sp.Indexed) and v.base in variables)
    )


def _names_back(expr, heads: dict):
    """``expr`` with the unknown functions' values outside derivatives written as the names
    again (``a(w)`` is ``a``, ``a(n, w)`` is ``a_n``)."""
    if isinstance(expr, (sp.Derivative, sp.Subs)):
        return expr
    if isinstance(expr, AppliedUndef) and expr.func in heads:
        name, by = heads[expr.func]
        if isinstance(name, sp.IndexedBase):
            return name[expr.args[: len(expr.args) - by]]
        if isinstance(name, sp.core.function.UndefinedFunction):
            return name(*expr.args[: len(expr.args) - by])
        return name
    if not expr.args or isinstance(expr, (sp.Symbol, sp.Indexed)):
        return expr
    args = tuple(_names_back(a, heads) for a in expr.args)
    return expr.func(*args) if args != expr.args else expr
