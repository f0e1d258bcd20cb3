"""Shared shape of the red-team cases of issue 13: a derivation file (or a document) written as
a few lines, whose last claim is the one under test, and its valid twin."""

from __future__ import annotations


def derivation(symbols: str, *steps: str) -> str:
    """A derivation file: ``symbols`` under [symbols], then one [[steps]] table per step (its
    claim, then more TOML lines)."""
    text = "[symbols]\n" + symbols + "\n"
    for s in steps:
        claim, _, rest = s.partition("\n")
        text += f"[[steps]]\nclaim = '{claim}'\n{rest}\n"
    return text


def document(*equations: str) -> str:
    """A Markdown document with one display equation a paragraph."""
    return "".join(f"Text.\n\n$$\n{e}\n$$\n\n" for e in equations)


def summary(results) -> list:
    return [(r.step.claim, r.verdict.value, r.reason, r.domain) for r in results]
