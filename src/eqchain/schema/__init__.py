"""JSON Schemas of eqchain's machine-readable outputs, shipped with the package."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

REPORT_SCHEMA = "report.schema.json"


def report_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that every ``render_json`` output validates against."""
    text = resources.files(__name__).joinpath(REPORT_SCHEMA).read_text(encoding="utf-8")
    return json.loads(text)
