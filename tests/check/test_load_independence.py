"""A verdict does not depend on the machine's load: the rule search is bounded by work (tree
nodes visited), not by seconds, so the same steps get the same verdicts with two CPU-bound
processes running beside the check."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

from helpers import check_text

STEPS = r"""
[symbols]
a = "positive"
x = "real"
N = "integer positive"
K = "integer positive"
y = { index = "k", range = "1..K", assume = "positive" }
t = { index = "k", range = "1..K", assume = "nonnegative" }
u = { index = "k", range = "1..K", assume = "real" }
X = { index = ["i", "k"], range = ["1..N", "1..K"], assume = "real" }

[[steps]]
claim = '\log \prod_{k=1}^{K} y_k^{t_k} = \sum_{k=1}^{K} t_k \log y_k'

[[steps]]
claim = '\log \prod_{k=1}^{K} y_k^{t_k} = t_1^{2} \log y_1 + \cdots + t_K^{2} \log y_K'

[[steps]]
claim = '\prod_{i=1}^{N} \prod_{k=1}^{K} y_k^{X_{ik}} = \prod_{k=1}^{K} y_k^{\sum_{i=1}^{N} X_{ik}}'

[[steps]]
claim = '\log \sum_{k=1}^{K} e^{u_k - x} = \log \sum_{k=1}^{K} e^{u_k} - x'

[[steps]]
claim = '\log (x a) = \log x + \log a'

[[steps]]
claim = '\sum_{k=1}^{K} \frac{1}{k(k+1)} = 1 - \frac{1}{K+1}'
"""


def _verdicts(tmp_path):
    return [(r.verdict, r.rules) for r in check_text(tmp_path, STEPS, timeout=60.0)]


def test_verdicts_are_the_same_on_a_busy_machine(tmp_path):
    quiet = _verdicts(tmp_path)
    hogs = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(2)]
    try:
        busy = _verdicts(tmp_path)
    finally:
        for hog in hogs:
            hog.kill()
            hog.wait()
    assert busy == quiet


# A part of the corpus of real derivations (benchmarks/corpus/): documents whose steps end in
# every verdict (verified, unknown, refuted), checked as benchmarks/reach.py checks them.
CORPUS_PART = ("en/sigmoid-derivative-heatonresearch", "en/sigmoid-derivative-mikel-mg")


def _corpus_verdicts():
    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location(
        "eqchain_reach_load", root / "benchmarks" / "reach.py"
    )
    reach = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("eqchain_reach_load", reach)  # dataclasses look their module up
    spec.loader.exec_module(reach)
    corpus = root / "benchmarks" / "corpus"
    outcomes = reach.run([corpus / f"{name}.toml" for name in CORPUS_PART], 60.0, reasons=False)
    return [
        (o.document.path.name, s["line"], s["index"], s["eqchain"])
        for o in outcomes
        for s in o.steps
    ]


def test_corpus_verdicts_are_the_same_on_a_busy_machine():
    quiet = _corpus_verdicts()
    assert {v for *_, v in quiet} >= {"verified", "unknown", "refuted"}, quiet
    hogs = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(2)]
    try:
        busy = _corpus_verdicts()
    finally:
        for hog in hogs:
            hog.kill()
            hog.wait()
    assert busy == quiet
