"""Inputs of a given length for the scaling figures of benchmarks/run.py.

``chain_toml(n)``: a derivation file whose one chain has ``n`` simple valid steps,
``S = x^2 = (x + 1)^2 - 2 x - 1 = (x + 2)^2 - 4 x - 4 = ...`` (each row another way of writing
x^2, so each step is an expansion that must be checked). ``markdown_post(m)``: a Markdown post
with ``m`` displayed equations, each an identity ``(a + i)^2 = a^2 + 2 i a + i^2``, with a line of
prose between them. Run as a script, writes one of them: ``python benchmarks/chains.py chain 100``.
"""

from __future__ import annotations

import sys


def chain_toml(n: int) -> str:
    """A TOML derivation: a definition and ``n`` valid steps in one chain."""
    rows = [
        'title = "A chain of simple valid steps"',
        "",
        "[symbols]",
        'x = "real"',
        'S = "real"',
        "",
        "[[steps]]",
        'kind = "definition"',
        "claim = 'S = x^2'",
    ]
    for i in range(1, n + 1):
        rows += ["", "[[steps]]", f"claim = '= (x + {i})^2 - {2 * i} x - {i * i}'"]
    return "\n".join(rows) + "\n"


def markdown_post(m: int) -> str:
    """A Markdown post with ``m`` displayed identities, prose between them."""
    parts = ["# Squares of sums", ""]
    for i in range(1, m + 1):
        parts += [
            f"Expanding the square number {i}:",
            "",
            "$$",
            f"(a + {i})^2 = a^2 + {2 * i} a + {i * i}",
            "$$",
            "",
        ]
    return "\n".join(parts)


if __name__ == "__main__":
    kind, size = sys.argv[1], int(sys.argv[2])
    sys.stdout.write(chain_toml(size) if kind == "chain" else markdown_post(size))
