"""A row continuing a stated condition on new names (red team s44): ``X \\le Y`` then ``\\le 3``
states more of the condition; it was checked as a link of the chain before it, an earlier
display's ``\\sigma = 2``, and verified as ``\\sigma \\le 3``."""

from __future__ import annotations

import json

from helpers import run_eqchain

DOC = r"""# Setup

$$\sigma = 2$$

## A bound

$$
\begin{aligned}
X &\le Y \\
  &\le 3
\end{aligned}
$$

$$
\begin{aligned}
a &= \sigma + 1 \\
  &\le 4
\end{aligned}
$$
"""


def test_a_continued_stated_condition_continues_no_earlier_chain(tmp_path):
    doc = tmp_path / "d.md"
    doc.write_text(DOC, encoding="utf-8")
    steps = json.loads(run_eqchain("check", "--format", "json", str(doc)).stdout)["derivations"][0][
        "steps"
    ]
    by_line = {(s["line"], s["status"]) for s in steps}
    assert (10, "unknown") in by_line
    continued = next(s for s in steps if s["line"] == 10)
    assert "a condition on names written nowhere before" in continued["reason"]
    assert "\\sigma" not in continued["lhs"]
    # a chain after it is checked as before: a = 3 then 3 <= 4
    assert [s["status"] for s in steps if s["line"] in (16, 17)] == ["definition", "verified"]
