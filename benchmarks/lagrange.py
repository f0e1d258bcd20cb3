"""Benchmark: eqchain's Lagrange solver against sympy.solve and Maxima on the same system.

The system is the die's: maximise sum_k t_k log y_k subject to sum_k y_k = 1, for K faces, with
symbolic counts (t_1..t_K positive symbols) or numeric counts (fixed pseudo-random 1..50). eqchain's
time includes the second-order certificate (bordered-Hessian minors, or concavity for a symbolic
K); sympy.solve and Maxima only solve the Lagrange system

    t_k / y_k - lambda = 0  (k = 1..K),   y_1 + ... + y_K = 1.

sympy.solve runs in a child process that is killed past the cap; Maxima runs as
``maxima --very-quiet -b file`` (wall time, start-up included; the start-up alone is printed
too) in its own process group, killed past the cap. Times are medians of several runs; SymPy's
cache is cleared before each eqchain and sympy.solve run.

Usage: python benchmarks/lagrange.py [--runs 5] [--cap 60] [--sizes 6,20,40,1000]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import statistics
import subprocess
import tempfile
import time

import sympy as sp
from sympy.core.cache import clear_cache

from eqchain.optimize import Constraint, Family, Problem, solve
from eqchain.optimize.timelimit import call_with_timeout

k = sp.Symbol("k", integer=True, positive=True)
K = sp.Symbol("K", integer=True, positive=True)
y = sp.IndexedBase("y", positive=True)
t = sp.IndexedBase("t", positive=True, integer=True)
lam = sp.Symbol("lambda", real=True)
SLOW = 5.0  # a tool slower than this (seconds) is run once


def counts(n: int) -> tuple[int, ...]:
    rng = random.Random(n)
    return tuple(rng.randint(1, 50) for _ in range(n))


def problem(n: int | None, numeric: bool) -> Problem:
    """The die with n faces (None: symbolic K), symbolic or numeric counts."""
    upper = K
    data: tuple = ()
    if n is not None and numeric:
        data = ((t, counts(n)),)
    elif n is not None:
        data = ((K, n),)
    return Problem(
        sp.Sum(t[k] * sp.log(y[k]), (k, 1, upper)),
        Family(y, k, 1, upper),
        (Constraint(sp.Sum(y[k], (k, 1, upper)), 1),),
        data=data,
        multipliers=(lam,),
    )


def time_eqchain(n: int | None, numeric: bool, runs: int) -> float:
    p = problem(n, numeric)
    solve(p)  # loads SymPy's solver code once, as any long-running process would have
    times = []
    for _ in range(runs):
        clear_cache()
        start = time.perf_counter()
        sol = solve(p)
        times.append(time.perf_counter() - start)
        if not sol.certified:
            raise SystemExit(f"eqchain did not certify K={n} numeric={numeric}: {sol.status}")
    return statistics.median(times)


def _sympy_child(n: int, numeric: bool) -> tuple[float, int]:
    clear_cache()
    ys = sp.symbols(f"y1:{n + 1}", positive=True)
    ts = counts(n) if numeric else sp.symbols(f"t1:{n + 1}", positive=True)
    lam_ = sp.Symbol("lambda", real=True)
    equations = [ti / yi - lam_ for ti, yi in zip(ts, ys, strict=True)] + [sum(ys) - 1]
    start = time.perf_counter()
    sols = sp.solve(equations, list(ys) + [lam_], dict=True)
    return time.perf_counter() - start, len(sols)


def time_sympy(n: int, numeric: bool, runs: int, cap: float) -> float | None:
    """Median seconds of sympy.solve, or None past the cap."""
    times = []
    for _ in range(runs):
        out = call_with_timeout(_sympy_child, (n, numeric), cap)
        if out.status != "ok":
            return None
        seconds, count = out.value
        if count != 1:
            raise SystemExit(f"sympy.solve found {count} solutions for K={n}")
        times.append(seconds)
        if seconds > SLOW:
            break
    return statistics.median(times)


def maxima_input(n: int, numeric: bool) -> str:
    ts = [str(c) for c in counts(n)] if numeric else [f"t{i}" for i in range(1, n + 1)]
    ys = [f"y{i}" for i in range(1, n + 1)]
    eqs = [f"{ti}/{yi} - lam = 0" for ti, yi in zip(ts, ys, strict=True)]
    eqs.append(" + ".join(ys) + " = 1")
    return (
        "display2d:false$\n"
        f"eqs: [{', '.join(eqs)}]$\n"
        f"sol: solve(eqs, [{', '.join(ys)}, lam])$\n"
        "print(length(sol))$\n"
    )


def _run_maxima(text: str, cap: float) -> float | None:
    with tempfile.NamedTemporaryFile("w", suffix=".mac", delete=False) as fh:
        fh.write(text)
        path = fh.name
    try:
        start = time.perf_counter()
        proc = subprocess.Popen(
            ["maxima", "--very-quiet", "-b", path],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            out, _ = proc.communicate(timeout=cap)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            return None
        elapsed = time.perf_counter() - start
        if proc.returncode != 0:
            raise SystemExit(f"maxima failed:\n{out.decode(errors='replace')}")
        return elapsed
    finally:
        os.unlink(path)


def time_maxima(n: int, numeric: bool, runs: int, cap: float) -> float | None:
    times = []
    for _ in range(runs):
        seconds = _run_maxima(maxima_input(n, numeric), cap)
        if seconds is None:
            return None
        times.append(seconds)
        if seconds > SLOW:
            break
    return statistics.median(times)


def fmt(seconds: float | None) -> str:
    if seconds is None:
        return "over cap"
    if seconds < 1:
        return f"{seconds * 1000:.1f} ms"
    return f"{seconds:.2f} s"


def ratio(other: float | None, ours: float, cap: float) -> str:
    if other is None:
        return f"> {cap / ours:.0f}x"
    return f"{other / ours:.0f}x"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cap", type=float, default=60.0)
    parser.add_argument("--sizes", default="6,20,40,1000")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    maxima = shutil.which("maxima") is not None

    header = (
        f"{'K':>6}  {'counts':<9} {'eqchain':>10}  {'sympy.solve':>12} {'ratio':>7}"
        f"  {'Maxima':>10} {'ratio':>7}"
    )
    print("eqchain = solve + second-order certificate; sympy.solve / Maxima = solve only;")
    print(f"medians of up to {args.runs} runs; cap {args.cap:g} s")
    if maxima:
        print(
            f"Maxima start-up alone (empty batch): "
            f"{fmt(statistics.median(_run_maxima('1$', args.cap) for _ in range(3)))}"
        )
    print(header)
    print("-" * len(header))
    measured: dict = {}
    for n in sizes:
        for numeric in (False, True):
            ours = time_eqchain(n, numeric, args.runs)
            measured[(n, numeric, "eqchain")] = ours
            theirs = time_sympy(n, numeric, min(args.runs, 3), args.cap)
            row = (
                f"{n:>6}  {'numeric' if numeric else 'symbolic':<9} {fmt(ours):>10}  "
                f"{fmt(theirs):>12} {ratio(theirs, ours, args.cap):>7}"
            )
            if maxima:
                mx = time_maxima(n, numeric, min(args.runs, 3), args.cap)
                measured[(n, numeric, "maxima")] = mx
                row += f"  {fmt(mx):>10} {ratio(mx, ours, args.cap):>7}"
            else:
                row += f"  {'not installed':>10}"
            print(row, flush=True)
    ours = time_eqchain(None, False, args.runs)
    print(f"{'K':>6}  {'symbolic':<9} {fmt(ours):>10}  {'(no finite system to hand over)':>30}")
    _targets(measured, ours)


def _targets(measured: dict, symbolic_k: float) -> None:
    print("\ntargets:")
    ours, mx = measured.get((40, False, "eqchain")), measured.get((40, False, "maxima"))
    if ours is not None and (40, False, "maxima") in measured:
        speedup = "over cap" if mx is None else f"{mx / ours:.0f}x"
        met = mx is None or mx / ours >= 50
        print(f"  K=40 symbolic counts vs Maxima >= 50x: {speedup} ({'met' if met else 'MISSED'})")
    big = measured.get((1000, True, "eqchain"))
    if big is not None:
        print(
            f"  K=1000 numeric counts with certificate <= 1 s: {fmt(big)} "
            f"({'met' if big <= 1 else 'MISSED'})"
        )
    print(f"  symbolic K in constant time: {fmt(symbolic_k)} (the work does not depend on K)")


if __name__ == "__main__":
    main()
