"""Every derivation in derivations/, published with every ``--flavor``, rendered as blogs render
Markdown (markdown-it, with or without a math plugin, and KaTeX) in headless Chromium: no KaTeX
error, one rendered row per chain row, no LaTeX source left in the text. One browser start for
all of them (see pipeline.py). Skipped only where chromium or the npm packages are missing;
.ci/run installs both."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import pipeline  # noqa: E402

from eqchain.model import Report  # noqa: E402
from eqchain.render.markdown import FLAVORS, render_markdown  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
DERIVATIONS = sorted((ROOT / "derivations").glob("*.toml"))


@pytest.fixture(scope="module")
def reports(request):
    why = pipeline.available()
    if why:
        pytest.skip(why)
    return request.getfixturevalue("flagship_reports")  # the session's one check (conftest.py)


@pytest.fixture(scope="module")
def rendered(reports, tmp_path_factory):
    docs, expected = [], {}
    for name, report in reports.items():
        for lang in ("en", "ja"):
            for flavor in FLAVORS:
                markdown = render_markdown(report, lang, flavor)
                for way in pipeline.PIPELINES[flavor]:
                    doc_id = f"{name}-{lang}-{flavor}-{way}"
                    docs.append({"id": doc_id, "pipeline": way, "markdown": markdown})
                    expected[doc_id] = pipeline.expected_blocks(markdown)
    results = pipeline.render(docs, tmp_path_factory.mktemp("browser"))
    return results, expected


def test_every_flavor_has_a_pipeline():
    assert set(pipeline.PIPELINES) == set(FLAVORS)
    assert "autorender" in pipeline.PIPELINES["github"]  # the default: plain markdown-it too
    assert "texmath" in pipeline.PIPELINES["github"]  # and a math-aware parser


@pytest.mark.parametrize("flavor", list(FLAVORS))
@pytest.mark.parametrize("name", [p.name for p in DERIVATIONS])
def test_flavor_renders_without_error_one_row_per_chain_row(rendered, name, flavor):
    results, expected = rendered
    for lang in ("en", "ja"):
        for way in pipeline.PIPELINES[flavor]:
            doc_id = f"{name}-{lang}-{flavor}-{way}"
            result = results[doc_id]
            assert result["errors"] == [], doc_id
            assert [n for n in result["blocks"] if n] == expected[doc_id], doc_id
            assert result["leftover"] == [], doc_id


def test_the_pipeline_sees_a_broken_chain(tmp_path):
    """The check can fail: ``\\\\`` written raw, as before issue 16, collapses the rows of a
    chain in plain markdown-it, and an unknown command is a KaTeX error."""
    why = pipeline.available()
    if why:
        pytest.skip(why)
    raw = "$$\n\\begin{aligned}\na &= b \\\\\n&= c\n\\end{aligned}\n$$\n"
    broken = "$$\n\\begin{aligned}\na &= \\nosuchcommand{b}\n\\end{aligned}\n$$\n"
    docs = [
        {"id": "raw", "pipeline": "autorender", "markdown": raw},
        {"id": "raw-texmath", "pipeline": "texmath", "markdown": raw},
        {"id": "broken", "pipeline": "texmath", "markdown": broken},
    ]
    results = pipeline.render(docs, tmp_path)
    assert results["raw"]["blocks"] == [1]  # one row where two were written
    assert results["raw-texmath"]["blocks"] == [2]
    assert results["broken"]["errors"]


def test_an_empty_report_renders(tmp_path):
    why = pipeline.available()
    if why:
        pytest.skip(why)
    markdown = render_markdown(Report(()))
    results = pipeline.render([{"id": "e", "pipeline": "texmath", "markdown": markdown}], tmp_path)
    assert results["e"]["errors"] == []
