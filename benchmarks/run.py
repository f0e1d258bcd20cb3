"""eqchain's speed against what a user would otherwise run, on this machine, in one go.

Prints medians of several runs (each a fresh process) and the ratios the targets are stated in,
every ratio between two figures of the same run (issue 17):
(a) a cold `eqchain check` of the flagship files (no caches) against the plain SymPy script doing
the same checks (benchmarks/plain_sympy.py): <= 1.3 x (the moonshot: 1.0 x);
(b) a warm re-check of unchanged files against `python -c "import sympy"`: <= 0.5 x;
(c) a chain of 1000 simple valid steps against one of 100 (benchmarks/chains.py): <= 12 x;
(d) a Markdown post of 500 displayed equations against one of 100: <= 6 x;
(e) the peak memory (maximum resident set) of the 1000-step check: < 1 GB;
and, without targets, `eqchain check derivations/`, a re-check after an edit, `eqchain --help`,
`eqchain rules` and the Lagrange table (benchmarks/lagrange.py).
Run: python benchmarks/run.py [--runs N] [--scale-runs N] [--skip-lagrange] [--markdown]
(--scale-runs: runs of the long checks (c)-(e), default --runs; --markdown: the table as the
README's speed table).
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from chains import chain_toml, markdown_post  # noqa: E402

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


def timed_with_memory(cmd: list[str]) -> tuple[float, float]:
    """Wall time and peak resident memory (MB) of one run of ``cmd`` in a fresh process."""
    start = time.perf_counter()
    with subprocess.Popen(
        cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    ) as proc:
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def scaling(eqchain: list[str], runs: int) -> dict:
    """Medians of the cold checks of generated inputs of two sizes each, and the peak memory of
    the longest: a chain of 100 and 1000 simple valid steps, a post of 100 and 500 equations."""
    work = Path(tempfile.mkdtemp(prefix="eqchain-bench-scale-"))
    inputs = {
        "chain100": ("chain100.toml", chain_toml(100)),
        "chain1000": ("chain1000.toml", chain_toml(1000)),
        "post100": ("post100.md", markdown_post(100)),
        "post500": ("post500.md", markdown_post(500)),
    }
    out: dict = {}
    for key, (name, text) in inputs.items():
        path = work / name
        path.write_text(text, encoding="utf-8")
        samples = [
            timed_with_memory(eqchain + ["check", "--no-cache", str(path)]) for _ in range(runs)
        ]
        out[key] = statistics.median(t for t, _ in samples)
        out[key + "_mb"] = max(m for _, m in samples)
    return out


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
    # As a user runs it: Python writes its bytecode (__pycache__) once and reads it after. With
    # PYTHONDONTWRITEBYTECODE set (as on the project machine) every run compiled eqchain's ~100
    # modules again (a quarter of a second), which the one-file plain script hardly pays.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scale-runs", type=int, default=None)
    parser.add_argument("--skip-lagrange", action="store_true")
    parser.add_argument("--markdown", action="store_true")
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
    scale = scaling(eqchain, args.scale_runs or runs)

    def verdict(ratio: float, target: float) -> str:
        return "met" if ratio <= target else "missed"

    flagship_ratio = flagship_cold / script
    warm_ratio = warm / import_sympy
    chain_ratio = scale["chain1000"] / scale["chain100"]
    post_ratio = scale["post500"] / scale["post100"]
    peak = scale["chain1000_mb"]
    rows = [
        ('`python -c "import sympy"`', import_sympy, "", ""),
        ("plain SymPy script (`benchmarks/plain_sympy.py`)", script, "", ""),
        (
            "cold `eqchain check` of the flagship files, no caches",
            flagship_cold,
            f"{flagship_ratio:.2f} × script",
            f"≤ 1.3 ({verdict(flagship_ratio, 1.3)}; moonshot ≤ 1.0)",
        ),
        ("cold `eqchain check derivations/`", cold, f"{cold / script:.2f} × script", ""),
        (
            "re-check after editing one flagship file (readings remembered)",
            edited,
            f"{edited / script:.2f} × script",
            "",
        ),
        (
            "warm re-check of unchanged files",
            warm,
            f"{warm_ratio:.2f} × import sympy",
            f"≤ 0.5 ({verdict(warm_ratio, 0.5)})",
        ),
        ("chain of 100 simple valid steps", scale["chain100"], "", ""),
        (
            "chain of 1000 simple valid steps",
            scale["chain1000"],
            f"{chain_ratio:.2f} × 100 steps",
            f"≤ 12 ({verdict(chain_ratio, 12)})",
        ),
        ("Markdown post of 100 equations", scale["post100"], "", ""),
        (
            "Markdown post of 500 equations",
            scale["post500"],
            f"{post_ratio:.2f} × 100 equations",
            f"≤ 6 ({verdict(post_ratio, 6)})",
        ),
        (
            "peak memory of the 1000-step check (MB)",
            peak,
            "",
            f"< 1024 MB ({'met' if peak < 1024 else 'missed'})",
        ),
        ("`eqchain --help`", help_, "", ""),
        ("`eqchain rules`", rules, "", ""),
    ]
    scale_runs = args.scale_runs or runs
    head = (
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()}; medians of {runs} runs ({scale_runs} for the chains and posts), "
        f"{datetime.date.today().isoformat()}"
    )
    if args.markdown:
        print(f"Measured by `python benchmarks/run.py` on {head}:")
        print()
        print("| measure | seconds | ratio | target |")
        print("| --- | --- | --- | --- |")
        for name, value, ratio, target in rows:
            shown = f"{value:.0f}" if name.startswith("peak") else f"{value:.2f}"
            print(f"| {name} | {shown} | {ratio} | {target} |")
    else:
        print(f"machine: {head}")
        print(f"{'measure':<64} {'seconds':>8}  {'ratio':<22} target")
        for name, value, ratio, target in rows:
            print(f"{name.replace('`', ''):<64} {value:8.2f}  {ratio:<22} {target}")
    sys.stdout.flush()
    if not args.skip_lagrange:
        print()
        subprocess.run([PY, str(ROOT / "benchmarks" / "lagrange.py")], cwd=ROOT, check=False)


if __name__ == "__main__":
    main()
