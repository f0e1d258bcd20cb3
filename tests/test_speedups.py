"""eqchain/speedups.py changes no result: the assumptions of an Indexed, deduced once per set and
copied, are SymPy's own."""

import itertools
from pathlib import Path

import pytest
import sympy as sp
from sympy.core.assumptions import StdFactKB

from eqchain import speedups

ROOT = Path(__file__).resolve().parents[1]

FACTS = ["positive", "nonnegative", "integer", "real", "negative", "finite", "commutative"]


def _sympy_own(assumptions: dict) -> StdFactKB:
    given = dict(assumptions)
    given["commutative"] = sp.core.logic.fuzzy_bool(given.get("commutative", True))
    return StdFactKB(given)


@pytest.mark.parametrize(
    "assumptions",
    [
        dict(pair)
        for r in range(3)
        for pair in itertools.combinations([(f, v) for f in FACTS for v in (True, False)], r)
        if len({f for f, _ in pair}) == r
    ],
)
def test_indexed_assumptions_are_sympys(assumptions):
    speedups.install()
    try:
        base = sp.IndexedBase("y", **assumptions)
    except sp.core.facts.InconsistentAssumptions:
        with pytest.raises(sp.core.facts.InconsistentAssumptions):
            _sympy_own(assumptions)
        return
    k = sp.Symbol("k", integer=True)
    member = base[k]
    expected = _sympy_own(base.assumptions0)
    assert dict(member._assumptions) == dict(expected)
    assert member._assumptions._generator == base.assumptions0
    # each object owns its facts: what SymPy learns about one is not written into another
    assert member._assumptions is not base[k + 1]._assumptions
    assert member.is_positive == expected.get("positive")


def test_facts_learnt_later_stay_with_their_object():
    speedups.install()
    y = sp.IndexedBase("y", positive=True)
    i, j = sp.symbols("i j", integer=True)
    a, b = y[i], y[j]
    a._assumptions["zero"] = False  # what SymPy's _ask writes as it answers
    assert "zero" in a._assumptions
    assert b._assumptions.get("zero") is False  # deduced from positive, not copied from a
    c = sp.IndexedBase("c")[i]
    assert c.is_positive is None
    assert c._assumptions.get("zero") is None


def _run(code: str) -> str:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    return done.stdout.strip()


def test_a_check_never_imports_the_units():
    """simplify and solve ask whether an expression holds a unit; the stand-in answers without
    defining the SI system, and the answers are SymPy's."""
    out = _run(
        "import sys\n"
        "from eqchain.api import check_file\n"
        f"report = check_file({str(ROOT / 'derivations' / 'dice_mle.toml')!r}, 30)\n"
        "import sympy as sp\n"
        "x = sp.Symbol('x')\n"
        "print(sp.simplify(sp.sin(x)**2 + sp.cos(x)**2), sp.solve(x**2 - 4, x),"
        " sp.checksol(x**2 - 4, x, 2), len(report) > 0,"
        " 'sympy.physics.units.quantities' in sys.modules)"
    )
    assert out == "1 [-2, 2] True True False"


@pytest.mark.parametrize(
    "code",
    [
        # the whole package first, then its names, the package attribute and a unit simplified
        "from sympy.physics.units import meter, kilo, Quantity\n"
        "import sympy.physics.units as u\n"
        "import sympy.physics\n"
        "print(sp.simplify(kilo * meter), u.Quantity is Quantity,"
        " sympy.physics.units.second, isinstance(meter, u.Unit))",
        # a submodule first: the real Quantity, which the stand-in then hands out
        "from sympy.physics.units.quantities import Quantity\n"
        "from sympy.physics.units import Quantity as Q, meter, kilo\n"
        "import sympy.physics\n"
        "print(sp.simplify(kilo * meter), Q is Quantity, sympy.physics.units.second,"
        " isinstance(meter, Q))",
    ],
)
def test_the_units_still_work_when_used(code):
    """A program that imports eqchain and then uses SymPy's units gets them as without it."""
    plain = _run("import sympy as sp\n" + code)
    assert plain == "1000*meter True second True"
    assert _run("import eqchain.tree\nimport sympy as sp\n" + code) == plain


def test_a_check_never_imports_the_tensors():
    """Add asks whether a term is a tensor expression; the stand-in answers without defining
    the tensor algebra (nor the symmetry groups of sympy.combinatorics)."""
    out = _run(
        "import sys\n"
        "from eqchain.api import check_file\n"
        f"report = check_file({str(ROOT / 'derivations' / 'log_likelihood.toml')!r}, 30)\n"
        "import sympy as sp\n"
        "x = sp.Symbol('x')\n"
        "print(x + x + 1, len(report) > 0, type(sys.modules['sympy.tensor.tensor']).__name__,"
        " 'sympy.combinatorics' in sys.modules)"
    )
    assert out == "2*x + 1 True _TensorsOnDemand False"


@pytest.mark.parametrize(
    "code",
    [
        # names imported from the module: the real module, and sums of tensors as SymPy makes
        "from sympy.tensor.tensor import TensorIndexType, tensor_indices, TensorHead, TensExpr\n"
        "import sympy.tensor.tensor as tt\n"
        "L = TensorIndexType('L'); i = tensor_indices('i', L); A = TensorHead('A', [L])\n"
        "print(A(i) + A(i) + A(i), isinstance(A(i), TensExpr), tt.TensAdd is TensAdd"
        " if (TensAdd := tt.TensAdd) else 0, sympy.tensor.tensor is tt)",
        # the module first, then its names through it
        "import sympy.tensor.tensor as tt\n"
        "L = tt.TensorIndexType('L'); i = tt.tensor_indices('i', L); A = tt.TensorHead('A', [L])\n"
        "print(A(i) + A(i) + A(i), isinstance(A(i), tt.TensExpr), True,"
        " sympy.tensor.tensor is sys.modules['sympy.tensor.tensor'])",
    ],
)
def test_the_tensors_still_work_when_used(code):
    """A program that imports eqchain and then uses SymPy's tensors gets them as without it."""
    plain = _run("import sys\nimport sympy\n" + code)
    assert plain == "3*A(i) True True True"
    assert _run("import sys\nimport eqchain.tree\nimport sympy\n" + code) == plain


def test_canonical_remembered_is_canonical():
    """canonical() remembers its results: the same as evaluating afresh, under SymPy's
    evaluation switches as they are at the call, and a number too large raises every time."""
    from eqchain.tree import TooLarge, _canonical, canonical

    x = sp.Symbol("x")
    k, n = sp.symbols("k n", integer=True)
    tree = sp.Add(sp.Mul(2, x, evaluate=False), x, sp.Sum(k, (k, 1, n)), evaluate=False)
    assert (
        canonical(tree)
        == _canonical(tree, 0)
        == 3 * x + sp.Sum(sp.Symbol("_i0", integer=True), (sp.Symbol("_i0", integer=True), 1, n))
    )
    assert canonical(sp.Add(x, x, evaluate=False)) == 2 * x  # remembered
    with sp.evaluate(False):
        unevaluated = canonical(sp.Add(x, x, evaluate=False))
        expected = _canonical(sp.Add(x, x, evaluate=False), 0)
    assert unevaluated == expected != 2 * x  # not the remembered evaluated result
    assert canonical(sp.Add(x, x, evaluate=False)) == 2 * x  # nor the other way round
    huge = sp.Pow(10, sp.Pow(10, 10, evaluate=False), evaluate=False)
    for _ in range(2):
        with pytest.raises(TooLarge):
            canonical(huge)


def test_needs_remembered_are_a_fresh_list():
    """domain.needs remembers its results per tree; each caller gets a list of its own."""
    from eqchain.check.domain import needs

    x = sp.Symbol("x", real=True)
    tree = sp.log(x) / x
    first = needs(tree)
    first.append("changed by a caller")
    again = needs(tree)
    assert "changed by a caller" not in again
    assert ("nonzero", x) in {(n.pred, n.expr) for n in again}
    assert again and again == needs(sp.log(x) / x)
