"""Relations other than equality: the proofs behind ``<``, ``\\le``, ``\\Rightarrow`` and
``\\propto`` (the engine, :mod:`eqchain.check.engine`, decides which to try and when).

* **Order.** ``a \\le b`` is proved when ``b - a`` is shown nonnegative by SymPy's assumptions
  on the symbols, read through sums (over a range of nonnegative length), sums of terms and
  products of a known-sign factor; failing that, after bounding logs and exponentials by the
  rule table's inequalities (``\\log x \\le x - 1`` for x > 0, ...), each in the direction its
  coefficient's sign allows. Strict relations need a positive difference.
* **Implication.** ``a = b \\Rightarrow c = d`` is proved by a certificate: a factor h with
  ``c - d = h \\cdot (a - b)`` as an identity, h defined wherever the premise is (so every point
  where a = b holds makes c = d hold); the premise may first have a function applied to both
  sides (exp; log of positive sides). What h needs to be defined (dividing by p needs p \\neq 0)
  is a condition to establish.
* **Proportionality.** ``A \\propto B`` with respect to variables V is proved when A/B is shown
  free of V (B established nonzero).

Numbers never verify: the engine refutes each with :func:`eqchain.check.refute` points.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sympy as sp

from eqchain.check import conditions as cond
from eqchain.check.domain import needs
from eqchain.check.equivalence import is_zero
from eqchain.tree import canonical

# The relation a chain states between its first and last sides, link by link.
ORDER = ("<", "<=", ">", ">=")
LATEX = {
    "=": "=",
    "<": "<",
    "<=": "\\le",
    ">": ">",
    ">=": "\\ge",
    "propto": "\\propto",
    "sim": "\\sim",
    "implies": "\\Rightarrow",
    "iff": "\\iff",
}


def places(relation: str | None) -> int | None:
    """The digits after the point of the decimal an approximation ``\\approx 73.66`` is to
    (relation ``approx:2``: 2); None for any other relation."""
    if relation is None or not relation.startswith("approx:"):
        return None
    return int(relation.partition(":")[2])


def shown(relation: str) -> str:
    """The LaTeX of ``relation`` (``\\le``; ``\\approx`` for an approximation)."""
    return "\\approx" if places(relation) is not None else LATEX.get(relation, "=")


def compose(first: str | None, then: str) -> str | None:
    """The relation between a chain's first and last sides after one more link: ``=`` then
    ``\\le`` is ``\\le``, ``\\le`` then ``<`` is ``<``; None when none follows (``\\le`` then
    ``\\ge``, an order relation and ``\\propto``)."""
    if first is None:
        return None
    if places(first) is not None or places(then) is not None:
        # a = b \\approx 0.33 = \\frac{33}{100}: a \\approx the end, to the same digits
        # (the other links are equations); two approximations, or an order, state none
        pair = {first, then} - {"="}
        return pair.pop() if len(pair) == 1 and "=" in (first, then) else None
    if first == "=":
        return then
    if then == "=":
        return first
    if first == then:
        return first
    if {first, then} in ({"<", "<="}, {">", ">="}):
        return first if first in ("<", ">") else then
    return None


def difference(relation: str, a, b) -> tuple[str, object]:
    """What ``a REL b`` says of a difference: (predicate, expression)."""
    return {
        "<": ("positive", b - a),
        "<=": ("nonnegative", b - a),
        ">": ("positive", a - b),
        ">=": ("nonnegative", a - b),
    }[relation]


@dataclass
class SignProof:
    """How a difference was shown to have its sign: the rules used and, when a bound's side
    condition is not established, what it needs (``log_le_sub_one`` -> ``u > 0``)."""

    rules: list[str] = field(default_factory=list)
    missing: dict = field(default_factory=dict)  # rule -> [condition text]


def prove_sign(pred: str, diff, holds=cond.holds) -> SignProof | None:
    """A proof that ``pred(diff)`` holds (``positive`` or ``nonnegative``) under the
    assumptions; ``missing`` non-empty when the only proof found needs a condition not
    established; None when none was found. ``holds(pred, expr)`` establishes a condition."""
    diff = canonical(diff)
    quick = _variants(diff, _QUICK)
    if any(_definite(c, pred, holds) for c in quick):
        return SignProof(["sign_definite"])
    proof = SignProof()
    bounded = _bound(_merge_sums(diff), proof, holds)
    if proof.rules and any(_definite(c, pred, holds) for c in _variants(bounded, _QUICK)):
        return proof
    if any(_definite(c, pred, holds) for c in _variants(diff, _SLOW)[1:]):
        return SignProof(["sign_definite"])
    if proof.rules and any(_definite(c, pred, holds) for c in _variants(bounded, _SLOW)[1:]):
        return proof
    return None


def _expand(expr):
    return sp.expand(expr, log=False)


def _merged_expanded(expr):
    return _merge_sums(_expand(expr))


_QUICK = (_expand, _merged_expanded)
_SLOW = (sp.factor, sp.simplify)


def _variants(expr, attempts):
    out = [expr]
    for attempt in attempts:
        try:
            value = canonical(attempt(expr))
        except Exception:  # noqa: BLE001 - a failed rewriting proves nothing
            continue
        if value not in out:
            out.append(value)
    return out


def _definite(expr, pred: str, holds, sign: int = 1) -> bool:
    """``pred(sign * expr)`` from the signs of its parts (never from numbers)."""
    if holds(pred, expr if sign > 0 else canonical(-expr)):
        return True
    if isinstance(expr, sp.Sum) and len(expr.limits) == 1:
        _, lo, hi = expr.limits[0]
        length = hi - lo + 1
        if not holds("positive" if pred == "positive" else "nonnegative", length):
            return False  # an empty (or backwards) range: SymPy's sum may change sign
        return _definite(canonical(sp.expand(expr.function, log=False)), pred, holds, sign)
    if isinstance(expr, sp.Add):
        parts = expr.args
        if not all(_definite(a, "nonnegative", holds, sign) for a in parts):
            return False
        return pred == "nonnegative" or any(_definite(a, "positive", holds, sign) for a in parts)
    if isinstance(expr, sp.Mul):
        coeff, rest = expr.as_coeff_Mul()
        if coeff.is_positive and coeff != 1:
            return _definite(rest, pred, holds, sign)
        if coeff.is_negative:
            return _definite(rest, pred, holds, -sign)
        if sign > 0:
            return all(_definite(f, pred, holds) for f in expr.args)
    return False


def _merge_sums(expr):
    """Sums over the same range in one sum: ``\\sum_k f - \\sum_k g`` is ``\\sum_k (f - g)``
    (read in canonical form, where a range's bound variable has one name)."""
    expr = canonical(expr)
    if not isinstance(expr, sp.Add):
        return expr
    groups: dict = {}
    others = []
    for term in expr.args:
        coeff, rest = term.as_coeff_Mul()
        if isinstance(rest, sp.Sum) and len(rest.limits) == 1:
            groups.setdefault(rest.limits, []).append(coeff * rest.function)
        else:
            others.append(term)
    if not any(len(v) > 1 for v in groups.values()):
        return expr
    sums = [sp.Sum(sp.expand(sp.Add(*fs), log=False), *limits) for limits, fs in groups.items()]
    return canonical(sp.Add(*others, *sums))


# The bounds of the rule table's order rules, by the function they bound: (rule, bound, the
# condition on the argument), for a term c f(u) with c >= 0 (a lower bound of f) and with
# c <= 0 (an upper bound of f).
def _log_bounds(u):
    return {
        "lower": ("log_ge_one_sub_inv", 1 - 1 / u, ("positive", u)),
        "upper": ("log_le_sub_one", u - 1, ("positive", u)),
    }


def _exp_bounds(v):
    return {"lower": ("exp_ge_one_add", 1 + v, ("real", v))}


def _bound(expr, proof: SignProof, holds):
    """A lower bound of ``expr``: each term ``c \\log u`` or ``c e^{v}`` whose coefficient has
    a known sign replaced by the table's bound in the direction that keeps it below."""
    if isinstance(expr, sp.Sum) and len(expr.limits) == 1:
        _, lo, hi = expr.limits[0]
        if not holds("nonnegative", hi - lo + 1):
            return expr  # bounding each term bounds the sum only over a forward range
        body = _bound(canonical(sp.expand(expr.function, log=False)), proof, holds)
        return sp.Sum(body, *expr.limits)
    if isinstance(expr, sp.Add):
        return sp.Add(*[_bound(a, proof, holds) for a in expr.args])
    factors = sp.Mul.make_args(expr)
    for n, f in enumerate(factors):
        if isinstance(f, sp.log):
            bounds = _log_bounds(f.args[0])
        elif isinstance(f, sp.exp):
            bounds = _exp_bounds(f.args[0])
        else:
            continue
        c = sp.Mul(*(factors[:n] + factors[n + 1 :]))
        if holds("nonnegative", c):
            side = "lower"
        elif holds("nonnegative", -c):
            side = "upper"
        else:
            continue
        if side not in bounds:
            continue
        rule, bound, (pred, arg) = bounds[side]
        if rule not in proof.rules:
            proof.rules.append(rule)
        if not holds(pred, arg):
            text = cond.describe(*cond.missing(pred, arg))
            if text not in proof.missing.setdefault(rule, []):
                proof.missing[rule].append(text)
        return c * bound
    return expr


# -- implication -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Certificate:
    """``c - d = factor \\cdot (F(a) - F(b))``: the premise a = b (with F applied to both
    sides) makes the conclusion hold wherever ``factor`` is defined. ``missing``: the
    conditions (as LaTeX) that are not established; ``established`` those that are."""

    rule: str
    factor: object
    missing: tuple[str, ...] = ()
    established: tuple[str, ...] = ()


def certificate(premise, conclusion, holds=cond.holds) -> Certificate | None:
    """A certificate that ``premise`` (a pair a, b: a = b) implies ``conclusion`` (c, d), the
    best found (every condition established, else the fewest missing); None when none."""
    a, b = (canonical(x) for x in premise)
    c, d = (canonical(x) for x in conclusion)
    q = canonical(c - d)
    if q == 0:
        return None
    found: list[Certificate] = []
    transforms = [("", a, b, [])]
    transforms.append(("exp_both_sides", sp.exp(a), sp.exp(b), []))
    transforms.append(("log_both_sides", sp.log(a), sp.log(b), [("positive", a), ("positive", b)]))
    for name, fa, fb, conditions in transforms:
        p = canonical(fa - fb)
        if p == 0 or p.has(sp.zoo, sp.nan):
            continue
        factor = _ratio(q, p)
        if factor is None:
            continue
        rule = name or _factor_rule(factor)
        pending = list(conditions) + [(n.pred, n.expr) for n in needs(factor)]
        missing, established = [], []
        useless = False
        for pred, expr in pending:
            text = cond.describe(pred, expr)
            if holds(pred, canonical(expr)):
                established.append(text)
                continue
            if pred == "nonzero" and _vanishes_with(expr, p):
                useless = True  # undefined wherever the premise holds: no certificate
                break
            text = cond.describe(*cond.missing(pred, canonical(expr)))
            if text not in missing:
                missing.append(text)
        if useless or (name == "exp_both_sides" and missing):
            # (e^a = e^b carries a = b with no condition; a factor that needs one is the
            # premise's difference in disguise, e^{-A} - 1 against e^{A} - 1: no certificate)
            continue
        found.append(Certificate(rule, factor, tuple(missing), tuple(established)))
        if not missing:
            return found[-1]
    if not found:
        return None
    return min(found, key=lambda f: len(f.missing))


def _ratio(q, p):
    """h with q = h p as an identity (proved by :func:`is_zero`), or None."""
    for attempt in (lambda e: sp.cancel(sp.together(e)), sp.simplify):
        try:
            h = canonical(attempt(q / p))
        except Exception:  # noqa: BLE001 - SymPy failed: no factor from this attempt
            continue
        if h.has(sp.zoo, sp.nan, sp.oo, -sp.oo) or h == 0:
            continue
        try:
            rest = q - h * p
            # h came out of cancel(together(q / p)): as rational functions (other nodes as
            # generators) the rest is 0 at once, without is_zero's simplify (3% of
            # en/linear-regression-ols-statproofbook's time)
            if _cancels(rest) or is_zero(canonical(sp.expand(rest))) or is_zero(canonical(rest)):
                return h
        except Exception:  # noqa: BLE001
            continue
    return None


def _cancels(expr) -> bool:
    """``expr`` is 0 as a rational function of its other nodes (a symbolic proof)."""
    try:
        return sp.cancel(sp.together(expr)) == 0
    except Exception:  # noqa: BLE001 - SymPy failed: not shown this way
        return False


def _vanishes_with(expr, p) -> bool:
    """Whether ``expr`` is 0 wherever ``p`` is: p divides it (``expr / p`` has no symbolic
    denominator), so a factor that needs ``expr \neq 0`` is undefined on the whole premise."""
    try:
        _, den = sp.fraction(sp.cancel(sp.together(expr / p)))
        if den.free_symbols and (expr.has(sp.exp) or p.has(sp.exp)):
            # e^{n\mu} e^{\sum_k x_k} - 1 against e^{\sum_k x_k + n\mu} - 1: one power
            # (e^{-A} - 1 against e^{A} - 1: their ratio is -e^{-A}, with no denominator)
            joined = [sp.powsimp(e, combine="exp") for e in (expr, p)]
            _, den = sp.fraction(sp.together(sp.simplify(joined[0] / joined[1])))
    except Exception:  # noqa: BLE001 - cannot tell: treat as vanishing (no certificate)
        return True
    return not den.free_symbols


def _factor_rule(factor) -> str:
    if factor.is_number:
        return "rearrange"
    _, den = sp.fraction(sp.together(factor))
    return "multiply_both_sides" if den.is_number else "divide_both_sides"


def hat_letter(lhs) -> str:
    """The name a hatted symbol estimates: ``p`` for ``\\hat{p}`` and for ``\\hat{p}_{MLE}``
    (a word as its subscript names the estimator, not a member)."""
    name = lhs.name.removeprefix("hat")
    head, _, word = name.partition("_")
    return head if word.isalpha() and len(word) > 1 else name


def hat_target(lhs, premise_symbols) -> object | None:
    """The symbol a hatted name stands for in ``\\Rightarrow \\hat{p} = ...``: p when the
    premise is about p (the author names the solution p̂), else None."""
    if not isinstance(lhs, sp.Symbol) or not lhs.name.startswith("hat"):
        return None
    name = hat_letter(lhs)
    found = [s for s in premise_symbols if isinstance(s, sp.Symbol) and s.name == name]
    return found[0] if len(found) == 1 else None


# -- proportionality ---------------------------------------------------------------------------


def free_of(ratio, variables) -> object | None:
    """A form of ``ratio`` proved equal to it that has none of ``variables``, or None."""
    ratio = canonical(ratio)
    attempts = (
        lambda e: e,
        sp.cancel,
        lambda e: sp.powsimp(e, combine="exp"),
        lambda e: sp.simplify(sp.powsimp(e, combine="exp")),
        lambda e: sp.expand(sp.powsimp(e, combine="exp")),
        sp.simplify,
    )
    for attempt in attempts:
        try:
            value = canonical(attempt(ratio))
        except Exception:  # noqa: BLE001 - a failed rewriting proves nothing
            continue
        if not any(mentions(value, v) for v in variables):
            return value
    return None


def mentions(expr, variable) -> bool:
    r"""Whether ``expr`` holds the symbol ``variable`` itself: the label of a family member
    written with the same letter is no mention (\mu_0, a prior's mean, beside \mu)."""
    if not isinstance(expr, sp.Basic):
        return False
    return variable in expr.free_symbols - {m.base.label for m in expr.atoms(sp.Indexed)} or any(
        variable in i.free_symbols for m in expr.atoms(sp.Indexed) for i in m.indices
    )


def put_for(expr, variable, value):
    r"""``expr`` with ``value`` put in for the symbol ``variable`` only: a family member
    written with the same letter keeps its label (\mu_0 stays \mu_0 when \mu changes)."""
    members = {m: sp.Dummy() for m in expr.atoms(sp.Indexed) if m.base.label == variable}
    back = {d: m for m, d in members.items()}
    return expr.xreplace(members).xreplace({variable: value}).xreplace(back)
