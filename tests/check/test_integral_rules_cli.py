"""The integral rules through the command line, in a derivation file and in a Markdown document:
each valid step verified with its rule, each wrong one refuted with a counterexample, each with a
missing condition unknown naming it (issue 18)."""

from __future__ import annotations

import json

import pytest
from helpers import run_eqchain

# (rule, valid, wrong, missing a condition, what the unknown step names); s and r are
# integration variables; sin(sin s) has no antiderivative SymPy finds, so the rule proves it
CASES = [
    (
        "integral_split_range",
        r"\int_0^2 \sin(\sin s) \, ds = \int_0^1 \sin(\sin s) \, ds + \int_1^2 \sin(\sin s) \, ds",
        r"\int_0^2 e^{-s^4} \, ds = \int_0^1 e^{-s^4} \, ds + \int_1^3 e^{-s^4} \, ds",
        r"\int_{-1}^{1} \frac{1}{s^2} \, ds = \int_{-1}^{0} \frac{1}{s^2} \, ds"
        r" + \int_{0}^{1} \frac{1}{s^2} \, ds",
        "to converge",
    ),
    (
        "integral_substitute",
        r"\int_0^1 2 \sin(\sin(2 s)) \, ds = \int_0^2 \sin(\sin r) \, dr",
        r"\int_0^1 e^{-(2 s)^4} \, ds = \int_0^2 e^{-r^4} \, dr",
        # (a number on the right would make the document's row a given)
        r"\int_0^\infty x e^{-x s} \, ds = a \int_0^\infty e^{-a r} \, dr",
        "\\frac{x}{a} > 0",
    ),
    (
        "integral_by_parts",
        r"\int_0^1 s e^{s} \, ds = e - \int_0^1 e^{s} \, ds",
        r"\int_0^1 s e^{s} \, ds = e + \int_0^1 e^{s} \, ds",
        r"\int_0^1 s \frac{d}{ds} g(s) \, ds = g(1) - \int_0^1 g(s) \, ds",
        "continuous on the range",
    ),
    (
        "integral_differentiate",
        r"\frac{d}{dx} \int_0^1 e^{x s} \, ds = \int_0^1 s e^{x s} \, ds",
        r"\frac{d}{dx} \int_0^1 e^{x s} \, ds = \int_0^1 e^{x s} \, ds",
        r"\frac{d}{dx} \int_0^\infty e^{-a s} \cos(x s) \, ds = "
        r"-\int_0^\infty s e^{-a s} \sin(x s) \, ds",
        "dominated convergence",
    ),
    (
        "antiderivative",
        r"\int x e^{a x} \, dx = \left( \frac{x}{a} - \frac{1}{a^2} \right) e^{a x}",
        r"\int x e^{a x} \, dx = \left( \frac{x}{a} + \frac{1}{a^2} \right) e^{a x}",
        r"\int \frac{1}{a x} \, dx = \frac{\log x}{a}",
        "x > 0",
    ),
    (
        "integral_evaluate",
        r"\int_{-\infty}^{\infty} e^{-\frac{(s - x)^2}{2 a^2}} \, ds = \sqrt{2 \pi} a",
        r"\int_{-\infty}^{\infty} e^{-\frac{(s - x)^2}{2 a^2}} \, ds = \sqrt{\pi} a",
        r"\int_0^\infty e^{-x s} \, ds = \frac{1}{x}",
        "x > 0",  # convergence; x != 0 alone does not give it
    ),
]

TOML_HEAD = """
[symbols]
a = "positive"
x = "real"
g = { function = true }
"""


def _toml() -> str:
    text = TOML_HEAD
    for _rule, *claims, _needed in CASES:
        for claim in claims:
            text += f"\n[[steps]]\nclaim = '{claim}'\n"
    return text


def _markdown() -> str:
    text = "# Integral rules\n\n<!-- eqchain: assume a > 0, x real, g function -->\n"
    for rule, *claims, _needed in CASES:
        text += f"\n## {rule}\n"
        for claim in claims:
            text += f"\n$$\n{claim}\n$$\n"
    return text


@pytest.fixture(scope="module", params=["toml", "md"])
def steps(request, tmp_path_factory):
    path = tmp_path_factory.mktemp("integral_rules") / f"rules.{request.param}"
    path.write_text(_toml() if request.param == "toml" else _markdown(), encoding="utf-8")
    ran = run_eqchain("check", "--format", "json", "--no-cache", "--timeout", "30", path)
    assert ran.returncode == 1  # refuted and unknown steps
    (derivation,) = json.loads(ran.stdout)["derivations"]
    out = [s for s in derivation["steps"] if s["status"] not in ("given", "definition")]
    assert len(out) == 3 * len(CASES), [s["claim"] for s in out]
    return out


@pytest.mark.parametrize("n", range(len(CASES)), ids=[c[0] for c in CASES])
def test_integral_rule_in_both_directions_through_the_cli(steps, n):
    rule, *_claims, needed = CASES[n]
    valid, wrong, missing = steps[3 * n : 3 * n + 3]
    assert valid["status"] == "verified", valid
    assert rule in valid["rules"]
    assert wrong["status"] == "refuted", wrong
    assert wrong["counterexample"] is not None
    assert missing["status"] == "unknown", missing
    assert needed in missing["reason"] and rule in missing["reason"]
