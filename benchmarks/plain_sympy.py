"""The baseline: the flagship checks as a user would write them in a plain SymPy script.

simplify(lhs - rhs) == 0 for each step of the log-likelihood chains (K = 6 and symbolic K), the
cross-entropy, sympy.solve for the Lagrange conditions of the 20 throws, and the bordered Hessian.
It proves less than eqchain (no side conditions, no rule names, no counterexamples); it is here
only to time against.
"""

import sympy as sp


def main() -> None:
    K = sp.Symbol("K", integer=True, positive=True)
    k = sp.Symbol("k", integer=True, positive=True)
    y = sp.IndexedBase("y", positive=True)
    t = sp.IndexedBase("t", nonnegative=True)
    ys = [y[i] for i in range(1, 7)]
    ts = [t[i] for i in range(1, 7)]

    def same(a, b):
        assert sp.simplify(a - b) == 0, (a, b)

    # (3.1)-(3.4): the 20 throws
    counts = [2, 5, 2, 4, 2, 5]
    throws = sp.Mul(*[yi**c for yi, c in zip(ys, counts, strict=True)])
    same(
        throws,
        sp.Mul(*[yi**ti for yi, ti in zip(ys, ts, strict=True)]).subs(
            dict(zip(ts, counts, strict=True))
        ),
    )
    same(sp.Sum(y[k], (k, 1, 6)).doit(), sp.Add(*ys))
    # (3.5)-(3.6), K = 6
    L6 = sp.Product(y[k] ** t[k], (k, 1, 6)).doit()
    chain = [
        sp.log(L6),
        sp.Add(*[sp.log(yi**ti) for yi, ti in zip(ys, ts, strict=True)]),
        sp.Add(*[ti * sp.log(yi) for yi, ti in zip(ys, ts, strict=True)]),
        sp.Sum(t[k] * sp.log(y[k]), (k, 1, 6)).doit(),
    ]
    for a, b in zip(chain, chain[1:], strict=False):
        same(sp.expand_log(a), sp.expand_log(b))
    assert sum(counts) == 20
    # symbolic K
    LK = sp.Product(y[k] ** t[k], (k, 1, K))
    a = sp.expand_log(sp.log(LK).rewrite(sp.Sum))
    b = sp.Sum(t[k] * sp.log(y[k]), (k, 1, K))
    sp.simplify(a - b)
    # (4.1) one-hot
    onehot = dict(zip(ts, [1, 0, 0, 0, 0, 0], strict=True))
    same(chain[2].subs(onehot), sp.log(ys[0]))
    # (4.3)
    E = -b
    same(E, -sp.Sum(t[k] * sp.log(y[k]), (k, 1, K)))
    # Lagrange for the 20 throws
    lam = sp.Symbol("lambda")
    ycs = sp.symbols("y1:7", positive=True)
    objective = sum(c * sp.log(v) for c, v in zip(counts, ycs, strict=True))
    lagrangian = objective - lam * (sum(ycs) - 1)
    eqs = [sp.diff(lagrangian, v) for v in ycs] + [sum(ycs) - 1]
    sol = sp.solve(eqs, list(ycs) + [lam], dict=True)[0]
    assert sol[ycs[0]] == sp.Rational(1, 10)
    # bordered Hessian and its leading principal minors
    g = sp.Matrix([[sp.diff(sum(ycs) - 1, v) for v in ycs]])
    H = sp.hessian(lagrangian, ycs).subs(sol)
    bordered = sp.Matrix(sp.BlockMatrix([[sp.zeros(1, 1), g], [g.T, H]]))
    minors = [bordered[:n, :n].det() for n in range(3, 8)]
    assert minors[0] == 280, minors


if __name__ == "__main__":
    main()
