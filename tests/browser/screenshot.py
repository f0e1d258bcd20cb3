"""The README's picture: a derivation published as Markdown (the default flavor) and rendered
by the browser test's pipeline (plain markdown-it, then KaTeX), as a PNG.

    python tests/browser/screenshot.py derivations/log_likelihood.toml docs/flagship.png
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import pipeline  # noqa: E402


def main(argv: list[str]) -> int:
    from eqchain.api import check_derivations
    from eqchain.load import load
    from eqchain.render.markdown import render_markdown

    source, png = argv[0], Path(argv[1])
    lang = argv[2] if len(argv) > 2 else "en"
    height = int(argv[3]) if len(argv) > 3 else 1400
    why = pipeline.available()
    if why:
        print(why, file=sys.stderr)
        return 2
    markdown = render_markdown(check_derivations(load(source), 30.0), lang)
    pipeline.screenshot(markdown, "autorender", png, width=1000, height=height)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
