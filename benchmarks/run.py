"""eqchain's speed against what a user would otherwise run, on this machine, in one go.

Prints medians of several runs (each a fresh process) and the ratios the targets are stated in:
(a) a cold `eqchain check derivations/` (no verdict cache) against the plain SymPy script doing
the same checks and against `python -c "import sympy"`; (b) a warm re-check of unchanged files
against `import sympy`; (c) `eqchain --help` and `eqchain rules`; (d) the Lagrange table
(benchmarks/lagrange.py). Targets: (a) <= 1.0 x the script, (b) <= 0.5 x import sympy,
(c) --help <= 0.15 s. Run: python benchmarks/run.py [--runs N] [--skip-lagrange]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable


def timed(cmd: list[str], env: dict | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(
        cmd,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    return time.perf_counter() - start


def median(cmd: list[str], runs: int, env: dict | None = None) -> float:
    timed(cmd, env)  # warm the file system cache
    return statistics.median(timed(cmd, env) for _ in range(runs))


FLAGSHIP = [
    "derivations/dice_likelihood.toml",
    "derivations/log_likelihood.toml",
    "derivations/cross_entropy.toml",
    "derivations/dice_mle.toml",
]


def _after_an_edit(eqchain: list[str], runs: int) -> float:
    """A re-check of the flagship files after one note changed: no verdict for that file is
    cached, the formulas' readings are (they did not change)."""
    work = Path(tempfile.mkdtemp(prefix="eqchain-bench-edit-"))
    cache = work / "cache"
    files = []
    for name in FLAGSHIP:
        target = work / Path(name).name
        target.write_text((ROOT / name).read_text(encoding="utf-8"), encoding="utf-8")
        files.append(str(target))
    env = {"EQCHAIN_CACHE_DIR": str(cache)}
    subprocess.run(
        eqchain + ["check", *files],
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        check=False,
    )
    times = []
    for i in range(runs):
        edited = Path(files[1])
        edited.write_text(edited.read_text(encoding="utf-8") + f"\n# edit {i}\n", encoding="utf-8")
        times.append(timed(eqchain + ["check", *files], env))
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--skip-lagrange", action="store_true")
    args = parser.parse_args()
    runs = args.runs
    eqchain = [PY, "-m", "eqchain"]
    cache = tempfile.mkdtemp(prefix="eqchain-bench-cache-")

    import_sympy = median([PY, "-c", "import sympy"], runs)
    script = median([PY, str(ROOT / "benchmarks" / "plain_sympy.py")], runs)
    cold = median(eqchain + ["check", "--no-cache", "derivations/"], runs)
    flagship_cold = median(eqchain + ["check", "--no-cache", *FLAGSHIP], runs)
    edited = _after_an_edit(eqchain, runs)
    subprocess.run(
        eqchain + ["check", "derivations/"],
        cwd=ROOT,
        env={**os.environ, "EQCHAIN_CACHE_DIR": cache},
        stdout=subprocess.DEVNULL,
        check=False,
    )
    warm = median(eqchain + ["check", "derivations/"], runs, {"EQCHAIN_CACHE_DIR": cache})
    help_ = median(eqchain + ["--help"], runs)
    rules = median(eqchain + ["rules"], runs)

    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, {platform.system()} ({runs} runs, medians)"
    )
    print(f"{'measure':<44} {'seconds':>8} {'ratio':>8}  target")
    rows = [
        ("python -c 'import sympy'", import_sympy, None, ""),
        ("plain SymPy script (benchmarks/plain_sympy.py)", script, None, ""),
        (
            "cold check, flagship files / plain script",
            flagship_cold,
            flagship_cold / script,
            "<= 1.0",
        ),
        ("cold check derivations/ (all) / plain script", cold, cold / script, ""),
        ("cold check derivations/ / import sympy", cold, cold / import_sympy, ""),
        ("re-check after editing one flagship file / script", edited, edited / script, ""),
        ("warm re-check / import sympy", warm, warm / import_sympy, "<= 0.5"),
        ("eqchain --help", help_, None, "<= 0.15 s"),
        ("eqchain rules", rules, None, ""),
    ]
    for name, seconds, ratio, target in rows:
        r = f"{ratio:8.2f}" if ratio is not None else " " * 8
        print(f"{name:<44} {seconds:8.3f} {r}  {target}")
    sys.stdout.flush()
    if not args.skip_lagrange:
        print()
        subprocess.run([PY, str(ROOT / "benchmarks" / "lagrange.py")], cwd=ROOT, check=False)


if __name__ == "__main__":
    main()
