"""A document's derivative by the variance, checked end to end: valid verified where sigma is
nonzero, wrong refuted, and without sigma's sign the domain (sigma nonzero) is what it needs."""

from __future__ import annotations

import json

from click.testing import CliRunner

from eqchain.cli import cli


def _steps(tmp_path, equation: str, assume: str | None = None) -> list[dict]:
    doc = tmp_path / "d.md"
    doc.write_text(f"Text.\n\n$$\n{equation}\n$$\n", encoding="utf-8")
    args = ["check", "--no-cache", "--format", "json", str(doc)]
    if assume:
        args += ["--assume", assume]
    out = CliRunner().invoke(cli, args)
    return json.loads(out.output)["derivations"][0]["steps"]


LL = r"-\frac{n}{2} \log \sigma^2 - \frac{S}{2 \sigma^2}"


def test_the_variance_derivative_of_the_gaussian_log_likelihood(tmp_path):
    derivative = rf"\frac{{\partial}}{{\partial \sigma^2}} \left( {LL} \right)"
    right = rf"{derivative} = -\frac{{n}}{{2\sigma^2}} + \frac{{S}}{{2\sigma^4}}"
    wrong = rf"{derivative} = -\frac{{n}}{{2\sigma^2}} + \frac{{S}}{{\sigma^3}}"
    assert [s["status"] for s in _steps(tmp_path, right, "sigma > 0")] == ["verified"]
    assert [s["status"] for s in _steps(tmp_path, wrong, "sigma > 0")] == ["refuted"]
