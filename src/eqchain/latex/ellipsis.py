"""Ellipses: ``y_1 + \\cdots + y_K`` read as a sum, ``y_1^{t_1} y_2^{t_2} \\cdots y_6^{t_6}``
as a product, over a fresh index.

The reader parses the formula with a marker symbol where the ``\\cdots`` was, then this module
looks at the chain of terms (or factors) around each marker. The terms on either side must be
written alike and differ only in integers that step together (``t_1 \\log y_1`` and
``t_6 \\log y_6``): that gives the template ``t_i \\log y_i`` and the bounds. Explicit terms
further out must continue the pattern (``y_1 + y_2 + \\cdots``); a term written alike that
breaks it (``y_2 + y_4 + \\cdots + y_{2n}``) is an error, never a guess.
"""

from __future__ import annotations

import sympy as sp

from eqchain.errors import LatexError
from eqchain.operators import Event, Sequence
from eqchain.tree import build

FRESH_INDICES = ("k", "i", "j", "n", "m", "l", "p", "q", "r", "s", "u", "v")


def resolve(expr, markers: dict[str, int], middles: dict[str, object], taken: set[str]):
    """Replace every ellipsis marker in ``expr`` (markers maps a marker's name to its column)
    by a Sum or Product. ``middles`` receives, per marker, what the marker alone stands for
    (the terms strictly between its neighbours), for a second reading of the same text.
    ``taken`` are names the fresh index must avoid. Raises LatexError (at the ellipsis's
    column) when the pattern cannot be read unambiguously."""
    symbols = [sp.Symbol(name) for name in markers]
    if not symbols or not expr.has(*symbols):
        return expr
    taken = set(taken) | {s.name for s in expr.atoms(sp.Symbol)}
    taken |= {str(b.label) for b in expr.atoms(sp.IndexedBase)}
    resolver = _Resolver(markers, middles, taken)
    result = resolver.walk(expr)
    for s in symbols:
        if result.has(s):
            raise LatexError(
                "cannot read the ellipsis here: write it between terms of a sum "
                "(y_1 + \\cdots + y_K) or factors of a product (y_1 y_2 \\cdots y_K)",
                column=markers[s.name],
            )
    return result


class _Resolver:
    def __init__(self, markers: dict[str, int], middles: dict, taken: set[str]):
        self.markers = markers
        self.middles = middles
        self.taken = taken
        self.symbols = [sp.Symbol(name) for name in markers]

    def marker(self, node) -> str | None:
        if isinstance(node, sp.Symbol) and node.name in self.markers:
            return node.name
        return None

    def walk(self, node):
        if not isinstance(node, sp.Basic) or not node.args or not node.has(*self.symbols):
            return node
        if isinstance(node, (sp.Add, sp.Mul)):
            kind = type(node)
            args = _flatten(node, kind)
            walked = [a if self._is_series_marker(a, kind) else self.walk(a) for a in args]
            if any(self._is_series_marker(a, kind) for a in walked):
                walked = self._series(walked, kind)
            return walked[0] if len(walked) == 1 else build(kind, walked)
        return build(node.func, [self.walk(a) for a in node.args])

    def _is_series_marker(self, node, kind) -> bool:
        sign, body = _split_sign(node) if kind is sp.Add else (1, node)
        return self.marker(body) is not None

    def _split(self, node, kind):
        return _split_sign(node) if kind is sp.Add else (1, node)

    def _series(self, args: list, kind) -> list:
        op = sp.Sum if kind is sp.Add else sp.Product
        while True:
            m = next((k for k, a in enumerate(args) if self._is_series_marker(a, kind)), None)
            if m is None:
                return args
            sign, body = self._split(args[m], kind)
            name = self.marker(body)
            column = self.markers[name]
            if (
                m == 0
                or m == len(args) - 1
                or self._is_series_marker(args[m - 1], kind)
                or self._is_series_marker(args[m + 1], kind)
            ):
                raise LatexError(
                    "cannot read the ellipsis: it needs an explicit term on each side "
                    "(y_1 + \\cdots + y_K)",
                    column=column,
                )
            args = self._typical_term_dropped(args, m, kind)
            sign_a, first = self._split(args[m - 1], kind)
            sign_b, last = self._split(args[m + 1], kind)
            if sign_a != sign or sign_b != sign:
                raise LatexError(
                    "cannot read the ellipsis: the terms around it have different signs",
                    column=column,
                )
            diffs: list = []
            if not _diff(first, last, (), diffs) or not diffs:
                raise LatexError(
                    "cannot read the ellipsis: the terms on either side of it must be written "
                    "alike and differ only in their indices (t_1 \\log y_1 + \\cdots + "
                    "t_K \\log y_K)",
                    column=column,
                )
            a0, b0 = diffs[0][1], diffs[0][2]
            if any(
                a.is_number
                and not isinstance(a, sp.Pow)  # 2^0 + 2^1 + \cdots + 2^n: written alike
                and _power_of_a_number(sp.expand(b))
                for _, a, b in diffs
            ):
                # 1 + 2 + \cdots + 2^n: consecutive integers up to 2^n, or the powers of 2?
                # (read as the first, the textbook geometric sum was refuted)
                raise LatexError(
                    "ambiguous ellipsis: numbers before it and a power of a number after it "
                    "(1 + 2 + \\cdots + 2^n: consecutive integers, or powers?); write the sum, "
                    "\\sum_{k=0}^{n} 2^k",
                    column=column,
                )
            if sp.expand(b0 - a0).could_extract_minus_sign():
                # 2^{-1} + \cdots + 2^{-n}: the index runs down (read as \sum_{k=-1}^{-n} 2^k,
                # an empty range; the geometric sum was refuted)
                raise LatexError(
                    "cannot read the ellipsis: its index decreases from one side to the other; "
                    + (
                        "write the sum, \\sum_{k=1}^{n} 2^{-k}"
                        if op is sp.Sum
                        else "write the product with its index, \\prod_{k=1}^{n} 2k"
                    ),
                    column=column,
                )
            steps = {sp.expand(b - a) for _, a, b in diffs}
            if len(steps) > 1:
                raise LatexError(
                    "cannot read the ellipsis: the indices around it do not step together",
                    column=column,
                )
            index = self._fresh(column)
            template = _replace(first, {path: index + (a - a0) for path, a, _ in diffs})
            paths = [(path, a) for path, a, _ in diffs]
            lo, start = a0, m - 1
            k = m - 2
            while k >= 0 and not self._is_series_marker(args[k], kind):
                s, term = self._split(args[k], kind)
                value = _shape_value(term, first, paths, a0, column) if s == sign else None
                if value is None:
                    break
                if sp.expand(value - (lo - 1)) != 0:
                    raise LatexError(
                        "cannot read the ellipsis: the terms before it do not follow its "
                        "pattern one index at a time",
                        column=column,
                    )
                lo, start, k = lo - 1, k, k - 1
            hi, end = b0, m + 1
            k = m + 2
            while k < len(args) and not self._is_series_marker(args[k], kind):
                s, term = self._split(args[k], kind)
                value = _shape_value(term, first, paths, a0, column) if s == sign else None
                if value is None:
                    break
                if sp.expand(value - (hi + 1)) != 0:
                    raise LatexError(
                        "cannot read the ellipsis: the terms after it do not follow its "
                        "pattern one index at a time",
                        column=column,
                    )
                hi, end, k = hi + 1, k, k + 1
            hidden = sp.expand(b0 - a0 - 1)
            if hidden.is_Integer and hidden < 1:
                raise LatexError(
                    "cannot read the ellipsis: it stands for no term "
                    f"(the indices around it are {a0} and {b0})",
                    column=column,
                )
            self.middles[name] = op(template, (index, a0 + 1, b0 - 1))
            whole = op(template, (index, lo, hi))
            element = whole if sign == 1 else sp.Mul(sp.Integer(-1), whole, evaluate=False)
            args = args[:start] + [element] + args[end + 1 :]

    def _typical_term_dropped(self, args: list, m: int, kind) -> list:
        r"""``e^{x_1} + \cdots + e^{x_j} + \cdots + e^{x_n}``: a typical term, its index a name,
        between two ellipses whose ends are written alike (a softmax's denominator, the j-th
        term shown): one series from the first to the last, the middle term one of its terms.
        ``args`` without the middle term and its second ellipsis; unchanged otherwise."""
        if m + 3 >= len(args) or not self._is_series_marker(args[m + 2], kind):
            return args
        if self._is_series_marker(args[m + 1], kind) or self._is_series_marker(args[m + 3], kind):
            return args
        signs, terms = zip(
            *(self._split(args[k], kind) for k in (m - 1, m + 1, m + 3)), strict=True
        )
        if len(set(signs)) != 1 or self.marker(self._split(args[m + 2], kind)[1]) is None:
            return args
        first, middle, last = terms
        to_middle, to_last = [], []
        if not (_diff(first, middle, (), to_middle) and _diff(first, last, (), to_last)):
            return args
        if not to_middle or [p for p, _, _ in to_middle] != [p for p, _, _ in to_last]:
            return args
        steps = {sp.expand(b - a) for _, a, b in to_middle}
        if len(steps) != 1:
            return args
        (step,) = steps
        # the middle's index a name of its own (j, not n - 1: x_{n-1} + \cdots ends a list)
        if not (isinstance(step + to_middle[0][1], sp.Symbol)):
            return args
        if sp.expand(to_last[0][2] - to_middle[0][2]).is_number:
            return args
        return args[: m + 1] + args[m + 3 :]

    def _fresh(self, column: int) -> sp.Symbol:
        for name in FRESH_INDICES:
            if name not in self.taken:
                self.taken.add(name)
                return sp.Symbol(name)
        raise LatexError("cannot read the ellipsis: no free letter for its index", column=column)


def _power_of_a_number(expr) -> bool:
    r"""Whether ``expr`` is a number to a symbolic power, possibly times a number (2^n, 3^{n-1},
    5 \cdot 2^n): the last term of a geometric series as much as an integer."""
    if isinstance(expr, sp.Mul):
        numbers = [a for a in expr.args if a.is_number]
        rest = [a for a in expr.args if not a.is_number]
        return len(rest) == 1 and bool(numbers) and _power_of_a_number(rest[0])
    return (
        isinstance(expr, sp.Pow)
        and expr.base.is_number
        and expr.base not in (-1, 1)
        and (not expr.exp.is_number or abs(expr.exp) > 1)
    )


def _flatten(node, kind) -> list:
    out, stack = [], [node]
    while stack:
        cur = stack.pop()
        if type(cur) is kind:
            stack.extend(reversed(cur.args))
        else:
            out.append(cur)
    return out


def _split_sign(node):
    """``-x`` (``Mul(-1, x)``) -> (-1, x); anything else -> (1, node)."""
    if isinstance(node, sp.Mul) and node.args and node.args[0] == sp.Integer(-1):
        rest = node.args[1:]
        if len(rest) == 1:
            return -1, rest[0]
        if rest:
            return -1, build(sp.Mul, list(rest))
    return 1, node


def _diff(a, b, path: tuple, out: list) -> bool:
    """Compare two trees; record (path, a_leaf, b_leaf) where ``a`` has an integer and ``b``
    something else. False when they differ in any other way."""
    if a == b:
        return True
    if isinstance(a, sp.Integer):
        out.append((path, a, b))
        return True
    if type(a) is not type(b) or not a.args or len(a.args) != len(b.args):
        return False
    return all(
        _diff(x, y, (*path, k), out) for k, (x, y) in enumerate(zip(a.args, b.args, strict=True))
    )


def _get(node, path: tuple):
    for k in path:
        if not isinstance(node, sp.Basic) or k >= len(node.args):
            return None
        node = node.args[k]
    return node


def _replace(node, mapping: dict):
    """``node`` with the subtree at each path replaced, rebuilt without evaluation."""
    if () in mapping:
        return mapping[()]
    children: dict[int, dict] = {}
    for path, value in mapping.items():
        children.setdefault(path[0], {})[path[1:]] = value
    args = [_replace(arg, children[k]) if k in children else arg for k, arg in enumerate(node.args)]
    return build(node.func, args)


def _shape_value(term, first, paths, a0, column: int):
    """If ``term`` is written like ``first`` except at the index positions, the index value it
    stands for; None when it is written differently."""
    values = []
    for path, a in paths:
        leaf = _get(term, path)
        if not isinstance(leaf, sp.Expr):
            return None  # no value there (a Tuple of a factorial's product, x_1! \cdots x_k!)
        values.append(sp.expand(leaf - (a - a0)))
    try:
        aligned = _replace(term, {path: a for path, a in paths})
    except (TypeError, ValueError, IndexError):
        return None
    if aligned != first:
        return None
    if any(sp.expand(v - values[0]) != 0 for v in values[1:]):
        raise LatexError(
            "cannot read the ellipsis: a term's indices do not step together", column=column
        )
    return values[0]


_RUN_HINT = (
    "write members of one family with one index on either side of it (a_1, \\ldots, a_n; "
    "X_1 = x_1, \\ldots, X_n = x_n)"
)


def argument_runs(items: list, columns: dict[int, int]) -> list:
    """A function's arguments with each run ``a_1, \\ldots, a_n`` (``items[k]`` None where
    an ellipsis stood, ``columns[k]`` its column) made one argument: ``Sequence(a, 1, n)``;
    a run of events ``X_1 = x_1, \\ldots, X_n = x_n`` is ``Event(Sequence(X, 1, n),
    Sequence(x, 1, n))``. Members written before the ellipsis must continue the run one index
    at a time (``a_1, a_2, \\ldots, a_n``). Raises LatexError at the ellipsis's column when the
    arguments around it are not a clean run of one family."""
    out = list(items)
    cols = [columns.get(k) for k in range(len(items))]
    while (m := next((k for k, a in enumerate(out) if a is None), None)) is not None:
        column = cols[m]
        if m == 0 or m == len(out) - 1 or out[m - 1] is None or out[m + 1] is None:
            raise LatexError(
                "cannot read the ellipsis among arguments: it needs an argument on each "
                "side (a_1, \\ldots, a_n)",
                column=column,
            )
        run = _run(out[m - 1], out[m + 1], column)
        start = m - 1
        while start > 0 and out[start - 1] is not None:
            before = _run_member(out[start - 1], run)
            if before is None:
                break
            if sp.expand(before - (_lo(run) - 1)) != 0:
                raise LatexError(
                    "cannot read the ellipsis: the arguments before it do not follow its run "
                    "one index at a time",
                    column=column,
                )
            run, start = _with_lo(run, before), start - 1
        out[start : m + 2] = [run]
        cols[start : m + 2] = [None]
    return out


def _run(first, last, column: int):
    if isinstance(first, Event) and isinstance(last, Event):
        left = _run(first.left, last.left, column)
        right = _run(first.right, last.right, column)
        if (left.lo, left.hi) != (right.lo, right.hi):
            raise LatexError(
                "cannot read the ellipsis: the two sides of the events around it do not "
                "run over the same indices",
                column=column,
            )
        return Event(left, right)
    if not (
        isinstance(first, sp.Indexed)
        and isinstance(last, sp.Indexed)
        and first.base == last.base
        and len(first.indices) == len(last.indices) == 1
    ):
        raise LatexError(f"cannot read the ellipsis among arguments: {_RUN_HINT}", column=column)
    (lo,), (hi,) = first.indices, last.indices
    if not lo.is_Integer:
        raise LatexError(
            "cannot read the ellipsis among arguments: the member before it needs a whole "
            "number for index (a_1, \\ldots, a_n)",
            column=column,
        )
    hidden = sp.expand(hi - lo - 1)
    if hidden.is_Integer and hidden < 1:
        raise LatexError(
            f"cannot read the ellipsis: it stands for no member (the indices around it are "
            f"{lo} and {hi})",
            column=column,
        )
    return Sequence(first.base, lo, hi)


def _lo(run):
    return run.left.lo if isinstance(run, Event) else run.lo


def _with_lo(run, lo):
    if isinstance(run, Event):
        return Event(_with_lo(run.left, lo), _with_lo(run.right, lo))
    return Sequence(run.family, lo, run.hi)


def _run_member(item, run):
    """The index of ``item`` when it is a member of ``run``'s family (both sides' families, for
    events, at one index); None when it is something else."""
    if isinstance(run, Event):
        if not isinstance(item, Event):
            return None
        left, right = _run_member(item.left, run.left), _run_member(item.right, run.right)
        if left is None or right is None or sp.expand(left - right) != 0:
            return None
        return left
    if isinstance(item, sp.Indexed) and item.base == run.family and len(item.indices) == 1:
        return item.indices[0]
    return None
