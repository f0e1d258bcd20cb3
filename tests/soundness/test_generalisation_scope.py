"""Issue 13, class 2: a generalisation rereads only what it generalises.

After ``\\log L = \\sum_{k=1}^{6} \\log y_k`` is generalised to K, the definition of L (which the
claim uses) is read with K; an unrelated definition whose bound is also 6 keeps its 6, so a claim
about it with K is not verified, and the same claim with 6 is (its twin). The oracle re-judges
every verified step.
"""

from __future__ import annotations

import pytest

from eqchain.check.engine import check_derivation
from eqchain.load.document import load_document
from eqchain.model import Verdict

from .judged import check_file, claims
from .redteam import derivation, summary

S = (
    'K = "integer positive"\n'
    'y = { index = "k", range = "1..K", assume = "positive" }\n'
    't = { index = "k", range = "1..K", assume = "positive" }'
)
DEF = 'kind = "definition"'
GENERALISED = [
    f"L = \\prod_{{k=1}}^{{6}} y_k\n{DEF}",
    '\\log L = \\sum_{k=1}^{6} \\log y_k\nlabel = "a"',
    '\\log L = \\sum_{k=1}^{K} \\log y_k\nby = ["generalize"]\ninstance = { K = 6 }\nof = "a"',
]

# (name, an unrelated definition with the bound 6, a false claim reading it with K, its twin)
CASES = [
    ("sum_of_k", r"S = \sum_{k=1}^{6} k", r"S = \frac{K(K+1)}{2}", "S = 21"),
    ("product_of_k", r"P = \prod_{k=1}^{6} k", "P = K!", "P = 720"),
    ("sum_of_twos", r"Q = \sum_{k=1}^{6} 2", "Q = 2 K", "Q = 12"),
    (
        "sum_of_squares",
        r"T = \sum_{k=1}^{6} k^{2}",
        r"T = \frac{K(K+1)(2K+1)}{6}",
        "T = 91",
    ),
    ("product_of_twos", r"M = \prod_{k=1}^{6} 2", "M = 2^{K}", "M = 64"),
    (
        "sum_of_a_family",
        r"C = \sum_{k=1}^{6} t_k",
        r"C = \sum_{k=1}^{K} t_k",
        r"C = \sum_{k=1}^{6} t_k",
    ),
    (
        "harmonic",
        r"R = \sum_{k=1}^{6} \frac{1}{k}",
        r"R = \sum_{k=1}^{K} \frac{1}{k}",
        r"R = \frac{49}{20}",
    ),
    ("odd_numbers", r"E = \sum_{k=1}^{6} (2k - 1)", "E = K^{2}", "E = 36"),
    ("telescoping", r"F = \prod_{k=1}^{6} \frac{k+1}{k}", "F = K + 1", "F = 7"),
    ("count", r"G = \sum_{k=1}^{6} 1", "G = K", "G = 6"),
    (
        "log_of_a_product_of_a_family",
        r"H = \prod_{k=1}^{6} t_k",
        r"\log H = \sum_{k=1}^{K} \log t_k",
        r"\log H = \sum_{k=1}^{6} \log t_k",
    ),
]


def _file(definition: str, claim: str) -> str:
    return derivation(S, f"{definition}\n{DEF}", *GENERALISED, claim)


@pytest.mark.parametrize(
    ("definition", "bad", "good"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_an_unrelated_definition_is_not_reread(tmp_path, definition, bad, good):
    results = claims(check_file(tmp_path, _file(definition, bad)))
    assert results[-2].verdict is Verdict.VERIFIED, summary(results)  # the generalisation
    assert results[-1].verdict is not Verdict.VERIFIED, summary(results)


@pytest.mark.parametrize(
    ("definition", "bad", "good"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_the_unrelated_definition_keeps_its_bound(tmp_path, definition, bad, good):
    results = claims(check_file(tmp_path, _file(definition, good)))
    assert all(r.verdict is Verdict.VERIFIED for r in results), summary(results)


def test_the_generalised_definition_is_reread(tmp_path):
    text = derivation(S, *GENERALISED, r"L = \prod_{k=1}^{K} y_k")
    results = claims(check_file(tmp_path, text))
    assert all(r.verdict is Verdict.VERIFIED for r in results), summary(results)


def test_in_a_document(tmp_path):
    doc = (
        "$$\nS = \\sum_{k=1}^{6} k\n$$\n\n$$\nL = \\prod_{k=1}^{6} y_k\n$$\n\n"
        "$$\n\\log L = \\sum_{k=1}^{6} \\log y_k\n$$\n\n"
        "$$\n\\log L = \\sum_{k=1}^{K} \\log y_k\n$$\n\n"
        "$$\nS = \\frac{K(K+1)}{2}\n$$\n"
    )
    # (not re-judged: the oracle does not infer a document's definitions)
    path = tmp_path / "d.md"
    path.write_text(doc, encoding="utf-8")
    derivation_ = load_document(str(path), "markdown", assume="y_k > 0, K integer, K > 0")
    results = check_derivation(derivation_, 10.0).results
    assert results[3].verdict is Verdict.VERIFIED, summary(results)  # the generalisation
    assert results[-1].verdict is not Verdict.VERIFIED, summary(results)
