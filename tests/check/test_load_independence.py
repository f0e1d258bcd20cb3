"""A verdict does not depend on the machine's load: the rule search is bounded by work (tree
nodes visited), not by seconds, so the same steps get the same verdicts with two CPU-bound
processes running beside the check."""

from __future__ import annotations

import subprocess
import sys

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
