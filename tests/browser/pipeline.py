"""Render eqchain's Markdown the way blogs do, in a real browser: markdown-it (with or without a
math plugin) and KaTeX, from the npm packages in ``tests/browser/node_modules`` (``npm ci`` in
this folder; ``.ci/run`` does it), in headless Chromium (Debian's ``chromium``).

All documents go into ONE page, rendered by one browser start: each document is converted with
the pipeline its flavor is for (:data:`PIPELINES`), then the page writes, per document, the
KaTeX errors, the rows of every display block (KaTeX's MathML ``<mtr>``) and any LaTeX source
left in the text, as JSON in ``<pre id="results">``; ``chromium --dump-dom`` returns it.

Used by ``test_browser.py`` and by ``screenshot.py`` (the README's picture).
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
MODULES = HERE / "node_modules"
NEEDED = (
    MODULES / "katex" / "dist" / "katex.min.js",
    MODULES / "katex" / "dist" / "katex.min.css",
    MODULES / "katex" / "dist" / "contrib" / "auto-render.min.js",
    MODULES / "markdown-it" / "dist" / "markdown-it.min.js",
    MODULES / "markdown-it-texmath" / "texmath.js",
)

# How each flavor's output is read by the renderers it is for. "texmath": markdown-it with
# markdown-it-texmath (a math-aware parser, as GitHub's, Zenn's); "autorender": plain
# markdown-it, then KaTeX's auto-render over the page (a static site without a math plugin);
# "typographer": the same with smart punctuation on (Hugo's goldmark); "kramdown": texmath's
# kramdown delimiters (Jekyll); "fence": ```math fences and $...$ (Qiita); "brackets":
# auto-render with \( \) inline delimiters (MathJax's default).
PIPELINES = {
    "github": ("texmath", "autorender"),
    "katex": ("autorender", "texmath"),
    "zenn": ("texmath",),
    "hugo": ("typographer",),
    "mathjax": ("brackets",),
    "jekyll": ("kramdown",),
    "qiita": ("fence",),
}

BROWSER_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--allow-file-access-from-files",
    "--hide-scrollbars",
)

_SCRIPT = r"""
// KaTeX writes what it cannot read in errorColor (an unknown command) or as .katex-error.
const ERROR_COLOR = "#fe01fe";
const AUTO = {
  autorender: [{left: "$$", right: "$$", display: true}, {left: "$", right: "$", display: false}],
  typographer: [{left: "$$", right: "$$", display: true}, {left: "$", right: "$", display: false}],
  brackets: [{left: "$$", right: "$$", display: true}, {left: "\\(", right: "\\)", display: false}],
};
function converter(pipeline) {
  const md = window.markdownit({html: false, typographer: pipeline === "typographer"});
  const katexOptions = {throwOnError: false, errorColor: ERROR_COLOR};
  if (pipeline === "texmath" || pipeline === "fence") {
    md.use(texmath, {engine: katex, delimiters: "dollars", katexOptions});
  } else if (pipeline === "kramdown") {
    md.use(texmath, {engine: katex, delimiters: "kramdown", katexOptions});
  }
  if (pipeline === "fence") {
    const fence = md.renderer.rules.fence;
    md.renderer.rules.fence = (tokens, idx, options, env, self) => {
      const token = tokens[idx];
      if (token.info.trim() !== "math") return fence(tokens, idx, options, env, self);
      return katex.renderToString(token.content, {...katexOptions, displayMode: true});
    };
  }
  return md;
}
function leftover(section) {
  const copy = section.cloneNode(true);
  copy.querySelectorAll(".katex, .katex-display, code").forEach(e => e.remove());
  const text = copy.textContent;
  const found = text.match(/\\[A-Za-z]+|\$\$|\\\\|\\\(|\\\[/g);
  return found ? found.slice(0, 5) : [];
}
const results = [];
for (const doc of JSON.parse(document.getElementById("docs").textContent)) {
  const section = document.createElement("section");
  section.className = "doc";
  section.id = doc.id;
  section.innerHTML = converter(doc.pipeline).render(doc.markdown);
  document.getElementById("pages").appendChild(section);
  const errors = [];
  if (AUTO[doc.pipeline]) {
    renderMathInElement(section, {
      delimiters: AUTO[doc.pipeline], throwOnError: false, errorColor: ERROR_COLOR,
      errorCallback: (message, err) => errors.push(message + " " + err),
    });
  }
  section.querySelectorAll(".katex-error").forEach(e => errors.push(e.title || e.textContent));
  section.querySelectorAll(".katex [style]").forEach(e => {
    if (e.style.color === "rgb(254, 1, 254)") errors.push("unknown: " + e.textContent);
  });
  const blocks = [...section.querySelectorAll(".katex-display")].map(
    d => d.querySelectorAll("mtr").length);
  results.push({id: doc.id, errors, blocks, leftover: leftover(section)});
}
document.getElementById("results").textContent = JSON.stringify(results);
"""


def available() -> str | None:
    """Why the browser pipeline cannot run here (no chromium, no npm packages), or None."""
    if chromium() is None:
        return "chromium is not installed (apt-get install chromium; .ci/run installs it)"
    missing = [str(p.relative_to(HERE)) for p in NEEDED if not p.exists()]
    if missing:
        return f"npm packages missing ({', '.join(missing)}): run npm ci in tests/browser"
    return None


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def expected_blocks(markdown: str) -> list[int]:
    """The rows of each display block of eqchain's Markdown: the lines of its ``aligned``."""
    return [
        len(body.strip().split("\n"))
        for body in re.findall(r"\\begin\{aligned\}\n(.*?)\n\\end\{aligned\}", markdown, re.S)
    ]


def page(docs: list[dict], style: str = "") -> str:
    """An HTML page that renders ``docs`` (each ``{id, pipeline, markdown}``) when loaded."""

    def src(path: Path) -> str:
        return path.as_uri()

    data = json.dumps(docs).replace("</", "<\\/")
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8">
<link rel="stylesheet" href="{src(NEEDED[1])}">
<style>body {{ font-family: "DejaVu Sans", "Noto Sans CJK JP", sans-serif; margin: 24px;
max-width: 980px; font-size: 15px; line-height: 1.5; }} {style}</style>
<script src="{src(NEEDED[0])}"></script>
<script src="{src(NEEDED[2])}"></script>
<script src="{src(NEEDED[3])}"></script>
<script>var module = undefined;</script>
<script src="{src(NEEDED[4])}"></script>
</head><body>
<div id="pages"></div>
<pre id="results" style="display:none"></pre>
<script id="docs" type="application/json">{data}</script>
<script>{_SCRIPT}</script>
</body></html>
"""


def _run(args: list[str], timeout: float = 180) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory(prefix="eqchain-chromium-") as profile:
        return subprocess.run(
            [chromium(), *BROWSER_FLAGS, f"--user-data-dir={profile}", *args],
            capture_output=True,
            text=True,
            timeout=timeout,
        )


def render(docs: list[dict], folder: Path) -> dict[str, dict]:
    """Render ``docs`` in one headless Chromium; the results by document id (``errors``,
    ``blocks``: rows per display block, ``leftover``: LaTeX left as text)."""
    path = folder / "page.html"
    path.write_text(page(docs), encoding="utf-8")
    proc = _run(["--virtual-time-budget=20000", "--dump-dom", path.as_uri()])
    match = re.search(r'<pre id="results"[^>]*>(.*?)</pre>', proc.stdout, re.S)
    if not match or not match.group(1).strip():
        raise RuntimeError(f"the page gave no results: {proc.stderr[-2000:]}")
    return {r["id"]: r for r in json.loads(html.unescape(match.group(1)))}


def screenshot(markdown: str, pipeline: str, png: Path, width: int = 1000, height: int = 1400):
    """A PNG of ``markdown`` rendered through ``pipeline`` (the top ``height`` pixels)."""
    png = png.resolve()
    with tempfile.TemporaryDirectory(prefix="eqchain-page-") as folder:
        path = Path(folder) / "page.html"
        docs = [{"id": "doc", "pipeline": pipeline, "markdown": markdown}]
        path.write_text(page(docs), encoding="utf-8")
        proc = _run(
            [
                "--virtual-time-budget=20000",
                f"--window-size={width},{height}",
                f"--screenshot={png}",
                path.as_uri(),
            ]
        )
    if not png.exists():
        raise RuntimeError(f"no screenshot: {proc.stderr[-2000:]}")
    return png
