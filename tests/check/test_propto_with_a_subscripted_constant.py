"""``\\propto`` with respect to \\mu beside a prior mean written \\mu_0.

Found by a red-team helper on a normal-normal conjugate derivation: the TRUE step
``\\exp(-\\frac{M}{2\\sigma^2}(\\mu - \\mu_0)^2) \\propto
\\exp(-\\frac{M\\mu^2 - 2M\\mu_0\\mu}{2\\sigma^2})`` was REFUTED: the other value of \\mu
was put in for the label of the member \\mu_0 too (its counterexample changed \\mu_0), and the
ratio, free of \\mu, was not seen so."""

from __future__ import annotations

from helpers import run_eqchain

HEAD = "# t\n\n<!-- eqchain: assume propto mu, sigma > 0, M > 0 -->\n\n"
LEFT = r"\exp\left(-\frac{M}{2 \sigma^2} (\mu - \mu_0)^2\right)"


def status(tmp_path, right):
    doc = tmp_path / "d.md"
    doc.write_text(HEAD + f"$${LEFT} \\propto {right}$$\n", encoding="utf-8")
    import json

    ran = run_eqchain("check", "--no-cache", "--format", "json", str(doc))
    return json.loads(ran.stdout)["derivations"][0]["steps"][-1]


def test_the_true_step_is_verified(tmp_path):
    right = r"\exp\left(-\frac{M\mu^2 - 2 M \mu_0 \mu}{2 \sigma^2}\right)"
    assert status(tmp_path, right)["status"] == "verified"


def test_a_wrong_step_is_refuted_without_changing_the_prior_mean(tmp_path):
    right = r"\exp\left(-\frac{M\mu^2 + 2 M \mu_0 \mu}{2 \sigma^2}\right)"
    got = status(tmp_path, right)
    assert got["status"] == "refuted"
    assert "prime_0" not in str(got), got
