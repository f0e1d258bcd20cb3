"""No code from input ever runs.

Python (and shell) payloads that would create a marker file go into every field of a derivation
file, and into documents; each file must be refused as invalid (exit 2) or read as inert text,
and the marker must not exist afterwards. The command line runs one file per field (and the
``show`` command, JSON output, a Markdown and a LaTeX document); the in-process loader and checker
run every payload in every field. A static guard keeps ``eval``, ``exec`` and string-parsing
SymPy entry points out of eqchain's source.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from eqchain.api import check_derivations
from eqchain.errors import InputError
from eqchain.load.toml_file import load_toml

from . import cli

SRC = Path(__file__).resolve().parents[2] / "src" / "eqchain"

PAYLOADS = {
    "import": "__import__('os').system('touch {m}')",
    "eval": "eval(\"__import__('os').system('touch {m}')\")",
    "exec": "exec(\"import os; os.system('touch {m}')\")",
    "lambda": "(lambda: __import__('os').system('touch {m}'))()",
    "dunder_walk": "().__class__.__base__.__subclasses__() or __import__('os').system('touch {m}')",
    "format_field": "{{__import__('os').system('touch {m}')}}",
    "shell_substitution": "$(touch {m})",
    "shell_backticks": "`touch {m}`",
    "statement_break": "'); __import__('os').system('touch {m}'); ('",
    "latex_wrapped": "x = \\mathrm{{__import__('os').system('touch {m}')}}",
}
FIELDS = (
    "title",
    "description",
    "symbol_name",
    "assumptions",
    "index",
    "range",
    "claim",
    "rule_name",
    "label",
    "note",
    "where_name",
    "where_value",
    "instance_name",
    "instance_value",
    "of",
)


def _toml_string(text: str) -> str:
    """A TOML basic string holding ``text`` exactly."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def derivation_with(field: str, payload: str) -> str:
    """A small valid derivation with ``payload`` in ``field``."""
    p = _toml_string(payload)
    title = p if field == "title" else '"t"'
    description = f"description = {p}\n" if field == "description" else ""
    symbols = {
        "a": '"positive"',
        "y": '{ index = "k", range = "1..3", assume = "positive" }',
        "K": '"integer positive"',
    }
    if field == "symbol_name":
        symbols[p] = '"real"'
    if field == "assumptions":
        symbols["a"] = p
    if field == "index":
        symbols["y"] = "{ index = " + p + ', range = "1..3" }'
    if field == "range":
        symbols["y"] = '{ index = "k", range = ' + p + " }"
    step = {
        "claim": p if field == "claim" else "'a + a = 2 a'",
        "label": p if field == "label" else '"s1"',
        "by": f"[{p}]" if field == "rule_name" else '["algebra"]',
        "note.en": p if field == "note" else '"a note"',
    }
    if field == "where_name":
        step["where"] = "{ " + p + " = 1 }"
    if field == "where_value":
        step["where"] = "{ a = " + p + " }"
    lines = [f"title = {title}", description, "[symbols]"]
    lines += [f"{k} = {v}" for k, v in symbols.items()]
    lines += ["[[steps]]"] + [f"{k} = {v}" for k, v in step.items()]
    if field in ("instance_name", "instance_value", "of"):
        instance = "{ " + p + " = 6 }" if field == "instance_name" else "{ K = " + p + " }"
        of = p if field == "of" else '"s1"'
        if field == "of":
            instance = "{ K = 6 }"
        lines += [
            "[[steps]]",
            "claim = '\\sum_{k=1}^{K} k = 21'",
            'by = ["generalize"]',
            f"instance = {instance}",
            f"of = {of}",
        ]
    return "\n".join(lines) + "\n"


def _marker(tmp_path: Path, name: str) -> Path:
    return (tmp_path / f"MARKER_{name}").resolve()


def _payload(kind: str, marker: Path) -> str:
    return PAYLOADS[kind].format(m=marker)


@pytest.mark.parametrize("field", FIELDS)
def test_payload_in_each_field_through_the_command_line_does_not_run(tmp_path, field):
    marker = _marker(tmp_path, field)
    path = tmp_path / f"{field}.toml"
    path.write_text(derivation_with(field, _payload("import", marker)), encoding="utf-8")
    run = cli.check(path)
    assert "Traceback" not in run.output, run.show()
    assert run.code in (0, 1, 2), run.show()
    assert not marker.exists(), run.show()


@pytest.mark.parametrize("kind", sorted(PAYLOADS))
@pytest.mark.parametrize("field", FIELDS)
def test_payload_in_each_field_is_refused_or_inert_in_process(tmp_path, field, kind):
    marker = _marker(tmp_path, f"{field}_{kind}")
    path = tmp_path / "d.toml"
    path.write_text(derivation_with(field, _payload(kind, marker)), encoding="utf-8")
    try:
        check_derivations(load_toml(str(path)), timeout=5.0)
    except InputError:
        pass
    assert not marker.exists()


INERT_FIELDS = ("title", "label", "note")


@pytest.mark.parametrize("field", INERT_FIELDS)
def test_payload_in_a_text_field_is_kept_as_text(tmp_path, field):
    marker = _marker(tmp_path, field)
    payload = _payload("import", marker)
    path = tmp_path / "d.toml"
    path.write_text(derivation_with(field, payload), encoding="utf-8")
    (derivation,) = load_toml(str(path))
    step = derivation.steps[0]
    kept = {"title": derivation.title, "label": step.label, "note": step.note("en")}
    assert kept[field] == payload


def test_payloads_in_every_text_field_with_json_output_and_show(tmp_path):
    marker = _marker(tmp_path, "json")
    payload = _payload("import", marker)
    p = _toml_string(payload)
    path = tmp_path / "all.toml"
    path.write_text(
        f'title = {p}\ndescription = {p}\n[symbols]\na = "positive"\n'
        f"[[steps]]\nlabel = {p}\nclaim = 'a + a = 2 a'\nnote.en = {p}\nnote.ja = {p}\n",
        encoding="utf-8",
    )
    runs = [cli.check(path, "--format", "json")]
    runs.append(cli.check(path, "--lang", "ja"))
    for run in runs:
        assert run.code == 0, run.show()
    assert not marker.exists()


def test_payloads_in_a_markdown_document_do_not_run(tmp_path):
    marker = _marker(tmp_path, "md")
    payload = _payload("import", marker)
    doc = tmp_path / "post.md"
    doc.write_text(
        f"---\neqchain-assume: a > 0\n---\n# {payload}\n\n{payload}\n\n"
        f"$$\na + a = 2 a \\tag{{{payload}}}\n$$\n\n$$\n{payload} = 1\n$$\n\n"
        f"<!-- eqchain: assume {payload} -->\n",
        encoding="utf-8",
    )
    run = cli.check(doc)
    assert "Traceback" not in run.output, run.show()
    assert run.code in (0, 1, 2), run.show()
    assert not marker.exists()


def test_payloads_in_a_latex_document_do_not_run(tmp_path):
    marker = _marker(tmp_path, "tex")
    payload = _payload("import", marker)
    doc = tmp_path / "paper.tex"
    doc.write_text(
        f"% eqchain: assume {payload}\n\\documentclass{{article}}\n\\begin{{document}}\n"
        f"{payload}\n\\begin{{equation}}\na + a = 2 a \\text{{{payload}}}\n\\end{{equation}}\n"
        f"\\begin{{align}}\n{payload} &= 1\n\\end{{align}}\n\\end{{document}}\n",
        encoding="utf-8",
    )
    run = cli.check(doc, "--assume", payload)
    assert "Traceback" not in run.output, run.show()
    assert run.code in (0, 1, 2), run.show()
    assert not marker.exists()


# -- static guard ---------------------------------------------------------------------------------

FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__", "parse_expr"}
STRING_PARSERS = {"sympify", "S"}  # SymPy entry points that evaluate a string as Python


def _call_name(node: ast.Call) -> str:
    f = node.func
    if isinstance(f, ast.Name):
        return f.id
    if isinstance(f, ast.Attribute):
        return f.attr
    return ""


def _is_number_literal(node) -> bool:
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        node = node.operand
    return isinstance(node, ast.Constant) and type(node.value) in (int, float)


def _offences(path: Path, root: Path = SRC.parent) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = _call_name(node)
            where = f"{path.relative_to(root)}:{node.lineno}"
            bare = isinstance(node.func, ast.Name)
            if name in FORBIDDEN_CALLS and (bare or name == "parse_expr"):
                out.append(f"{where}: {name}(...)")
            if name in STRING_PARSERS:
                strict = any(
                    k.arg == "strict" and isinstance(k.value, ast.Constant) and k.value.value
                    for k in node.keywords
                )
                literal = node.args and all(_is_number_literal(a) for a in node.args)
                if not strict and not literal:
                    out.append(f"{where}: {name}(...) may parse a string as Python")
            if any(k.arg == "shell" for k in node.keywords):
                out.append(f"{where}: a subprocess with shell=...")
        if isinstance(node, ast.ImportFrom) and node.module and "sympy_parser" in node.module:
            out.append(f"{path.relative_to(root)}:{node.lineno}: imports {node.module}")
    return out


def test_static_guard_no_eval_exec_or_string_sympify_in_the_source():
    files = sorted(SRC.rglob("*.py"))
    assert files
    offences = [o for f in files for o in _offences(f)]
    assert not offences, "\n".join(offences)


def test_static_guard_detects_what_it_forbids(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import sympy as sp\nfrom sympy.parsing.sympy_parser import parse_expr\n"
        "x = eval(s)\nexec(s)\ny = sp.sympify(s)\nz = sp.S(s)\nw = sp.S(1)\n"
        "v = sp.sympify(s, strict=True)\nimport subprocess\nsubprocess.run(s, shell=True)\n",
        encoding="utf-8",
    )
    found = _offences(sample, tmp_path)
    assert len(found) == 6, found
