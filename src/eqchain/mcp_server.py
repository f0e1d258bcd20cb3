"""``eqchain mcp``: an MCP server over stdio whose tools check derivations and steps.

Built on the official ``mcp`` SDK's low-level :class:`mcp.server.Server`, so that each tool
publishes exactly its input schema (from the argument models below) and its output schema (the
JSON Schema of ``eqchain check --format json``, ``eqchain/schema/report.schema.json``). Tools:

* ``check``: a derivation as Markdown, LaTeX or TOML text -> the report;
* ``check_step``: ``previous`` and ``next`` expressions -> one step of the report;
* ``derive``: a start expression -> the report of the generated, checked chain;
* ``maximize``: objective, variables, constraints, data -> the report of the checked solution;
* ``rules``: the rule table.

Limits, as the command line's: a per-step time limit (``timeout``, default 10 s, at most
:data:`MAX_TIMEOUT`), the input sizes of :data:`LIMITS`, and no input ever executed (the tools
read LaTeX with eqchain's reader; :mod:`eqchain.mcp_tools`). A bad argument or unreadable input
is a tool error (``isError``) with a message. The tools run in a worker process
(:mod:`eqchain.mcp_worker`) that the server replaces when it hangs or dies, so the server keeps
answering.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictInt, ValidationError

from eqchain.mcp_worker import ToolFailure, Worker

MAX_TIMEOUT = 60.0
# Sizes, in UTF-8 bytes: a document as `eqchain check` reads one (a TOML derivation file is
# held to the loader's 2 MB), a formula generously above the reader's 3000 tokens.
LIMITS = {"text": 10_000_000, "formula": 20_000, "assume": 10_000, "arguments": 10_500_000}

INSTRUCTIONS = (
    "eqchain checks mathematical derivations written in LaTeX step by step with SymPy. A step is "
    "'verified' only when proved under the declared assumptions (with the rules that justify "
    "it), 'refuted' with values at which the two sides differ, 'unknown' with the reason (a "
    "missing side condition such as 'log_mul needs a > 0', or the time limit). Declare what "
    "you know (assume: 'a > 0, b > 0, x real'): an undeclared symbol may be complex."
)

Timeout = Annotated[
    float | None,
    Field(
        ge=0.1,
        le=MAX_TIMEOUT,
        description="Time limit for one step, in seconds (as `eqchain check --timeout`); "
        "default 10 (the server's --timeout). A step that runs out of time is 'unknown'.",
    ),
]
Assume = Annotated[
    str | None,
    Field(
        description='Assumptions in the syntax of `eqchain check --assume`, e.g. "a > 0, b >= 0, '
        'x real, K integer"; family members as "y_k > 0". Without one, a symbol may be complex.',
    ),
]
Formula = Annotated[str, Field(min_length=1)]
SymbolsTable = Annotated[
    dict[str, str | dict[str, Any]] | None,
    Field(
        max_length=1000,
        description="A derivation file's [symbols] table as JSON: each name maps to its "
        'assumptions ("positive integer") or, for a family, to {"index": "k", "range": "1..K", '
        '"assume": "positive"}.',
    ),
]


class _Arguments(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CheckArguments(_Arguments):
    text: Annotated[
        str,
        Field(
            description="The derivation: a Markdown or LaTeX document whose displayed equations "
            "($$...$$, \\[...\\], equation/align environments) form the chain, or a TOML "
            "derivation file (see `eqchain check`). Up to 10 MB (TOML: 2 MB).",
        ),
    ]
    format: Annotated[
        Literal["markdown", "latex", "toml"] | None,
        Field(description="The text's format; inferred when omitted."),
    ] = None
    assume: Assume = None
    timeout: Timeout = None


class CheckStepArguments(_Arguments):
    previous: Annotated[
        Formula, Field(description="The expression before the step (LaTeX), e.g. \\log(ab).")
    ]
    next: Annotated[
        Formula, Field(description="The expression after the step (LaTeX), e.g. \\log a + \\log b.")
    ]
    assume: Assume = None
    timeout: Timeout = None


class DeriveArguments(_Arguments):
    expression: Annotated[
        Formula,
        Field(description="The start expression (LaTeX), e.g. \\log \\prod_{k=1}^{K} y_k^{t_k}."),
    ]
    rules: Annotated[
        str,
        Field(description="Rule families to apply, comma-separated (see the rules tool)."),
    ] = "log,sum,prod"
    symbols: SymbolsTable = None
    assume: Annotated[
        str | None,
        Field(description='Plain symbols in --assume syntax, e.g. "a > 0, b > 0".'),
    ] = None
    timeout: Timeout = None


class MaximizeArguments(_Arguments):
    objective: Annotated[
        Formula, Field(description="The objective (LaTeX), e.g. \\sum_{k=1}^{K} t_k \\log y_k.")
    ]
    variables: Annotated[
        list[Formula],
        Field(
            min_length=1,
            max_length=100,
            description='The variables: a family member with its index ("y_k") or plain symbols '
            '(["x", "y"]).',
        ),
    ]
    constraints: Annotated[
        list[Formula],
        Field(
            max_length=100,
            description="Equality constraints (LaTeX), e.g. \\sum_{k=1}^{K} y_k = 1.",
        ),
    ] = []
    data: Annotated[
        dict[str, StrictInt | str | Annotated[list[StrictInt | str], Field(max_length=100_000)]],
        Field(
            max_length=1000,
            description='Values: a number or a list for a family, e.g. {"t": [2, 5, 2, 4, 2, 5]} '
            '(integers, or fractions as text: "1/10"); a list\'s length fixes its upper bound.',
        ),
    ] = {}
    symbols: SymbolsTable = None
    minimize: Annotated[bool, Field(description="Minimise instead of maximise.")] = False
    timeout: Timeout = None


class RulesArguments(_Arguments):
    pass


def _report_schema() -> dict:
    text = resources.files("eqchain").joinpath("schema/report.schema.json").read_text("utf-8")
    return json.loads(text)


def _step_schema(report: dict) -> dict:
    """The report's step, as a schema of its own (its $defs kept for the references)."""
    return {
        "$schema": report["$schema"],
        "title": "eqchain step",
        **report["$defs"]["step"],
        "$defs": report["$defs"],
    }


RULES_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["rules"],
    "properties": {
        "rules": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["name", "statement", "conditions", "family", "en", "ja"],
                "properties": {
                    "name": {"type": "string"},
                    "statement": {"type": "string", "description": "LaTeX"},
                    "conditions": {"type": "array", "items": {"type": "string"}},
                    "family": {"type": "string"},
                    "en": {"type": "string"},
                    "ja": {"type": "string"},
                },
            },
        }
    },
}


@dataclass(frozen=True)
class ToolSpec:
    name: str
    title: str
    description: str
    arguments: type[_Arguments]
    output: str  # "report", "step" or "rules"


TOOLS = {
    t.name: t
    for t in (
        ToolSpec(
            "check",
            "Check a derivation",
            "Check every step of a derivation written as Markdown, LaTeX or TOML text, as "
            "`eqchain check --format json` does: each step verified (with its rules), refuted "
            "(with a counterexample), unknown (with the missing condition or the time limit), "
            "or a given/definition.",
            CheckArguments,
            "report",
        ),
        ToolSpec(
            "check_step",
            "Check one step",
            "Check one step previous = next under the assumptions: the verdict, the rules that "
            "justify it, a counterexample when it is false, or the side condition it is missing "
            "(in 'reason', e.g. 'log_mul needs a > 0, b > 0').",
            CheckStepArguments,
            "step",
        ),
        ToolSpec(
            "derive",
            "Derive from an expression",
            "Apply the rule table to a start expression until no rule applies (as `eqchain "
            "derive`); every generated step is checked. When a rule is blocked by a side "
            "condition, the text says which.",
            DeriveArguments,
            "report",
        ),
        ToolSpec(
            "maximize",
            "Solve a constrained maximum",
            "Solve a constrained maximum (or minimum) with Lagrange multipliers and write the "
            "solution as checked steps: the Lagrangian, stationarity, the point, the multiplier "
            "and the second-order certificate (as `eqchain maximize`).",
            MaximizeArguments,
            "report",
        ),
        ToolSpec(
            "rules",
            "The rule table",
            "The rules eqchain names in its verdicts: name, LaTeX statement, side conditions, "
            "family and meaning in English and Japanese (as `eqchain rules --format json`).",
            RulesArguments,
            "rules",
        ),
    )
}


class ArgumentError(Exception):
    """Arguments that do not fit the tool's schema or limits."""


def validate(spec: ToolSpec, arguments: dict[str, Any]) -> dict[str, Any]:
    """The arguments checked against the size limits, then the tool's schema; ArgumentError
    with a message naming the argument otherwise (never echoing a large value)."""
    _check_sizes(arguments)
    try:
        model = spec.arguments.model_validate(arguments)
    except ValidationError as err:
        problems = []
        for e in err.errors(include_url=False, include_input=False):
            where = ".".join(str(p) for p in e["loc"]) or "arguments"
            problems.append(f"'{where}': {e['msg']}")
        raise ArgumentError(f"invalid arguments for {spec.name}: " + "; ".join(problems)) from None
    return model.model_dump(exclude_none=True)


def _check_sizes(arguments: dict[str, Any]) -> None:
    def size(value) -> int:
        if isinstance(value, str):
            return len(value.encode("utf-8", "surrogatepass"))
        return len(json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogatepass"))

    for name, value in arguments.items():
        if not _is_unicode(value):
            raise ArgumentError(f"argument '{name}' is not valid Unicode text (a lone surrogate)")
    total = sum(size(v) for v in arguments.values())
    if total > LIMITS["arguments"]:
        raise ArgumentError(
            f"arguments too large ({total} bytes; at most {LIMITS['text']} bytes of text)"
        )
    for name, value in arguments.items():
        limit = {"text": "text", "assume": "assume"}.get(name, "formula")
        if name in ("data", "symbols"):
            continue  # bounded by their schema (counts) and the total
        items = value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, str) and size(item) > LIMITS[limit]:
                raise ArgumentError(
                    f"argument '{name}' too large ({size(item)} bytes; the limit is "
                    f"{LIMITS[limit]} bytes)"
                )


def _is_unicode(value) -> bool:
    """Whether every string in ``value`` (keys too) can be written as UTF-8."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return False
        return True
    if isinstance(value, dict):
        return all(_is_unicode(k) and _is_unicode(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_is_unicode(v) for v in value)
    return True


def tool_list() -> list:
    """The tools as MCP tool definitions."""
    import mcp.types as types

    report = _report_schema()
    outputs = {"report": report, "step": _step_schema(report), "rules": RULES_SCHEMA}
    return [
        types.Tool(
            name=spec.name,
            title=spec.title,
            description=spec.description,
            input_schema=spec.arguments.model_json_schema(),
            output_schema=outputs[spec.output],
            annotations=types.ToolAnnotations(
                read_only_hint=True, idempotent_hint=True, open_world_hint=False
            ),
        )
        for spec in TOOLS.values()
    ]


def build_server(worker: Worker, default_timeout: float = 10.0):
    """The low-level MCP server whose tools run in ``worker``."""
    import mcp.types as types
    from mcp.server import Server
    from mcp.shared.exceptions import MCPError

    from eqchain import __version__, mcp_tools

    tools = tool_list()

    async def list_tools(ctx, params) -> types.ListToolsResult:
        return types.ListToolsResult(tools=tools)

    async def call_tool(ctx, params) -> types.CallToolResult:
        spec = TOOLS.get(params.name)
        if spec is None:
            raise MCPError(types.INVALID_PARAMS, f"unknown tool '{params.name}'")
        try:
            arguments = validate(spec, dict(params.arguments or {}))
            timeout = arguments.pop("timeout", default_timeout)
            if spec.name == "rules":  # a table, no SymPy: answered here, even while a check runs
                data = mcp_tools.rules()
            else:
                data = await _in_worker(worker, spec.name, arguments, timeout)
        except (ArgumentError, ToolFailure) as err:
            return _error(str(err))
        except Exception as err:  # noqa: BLE001 - a tool error, never a crashed call
            return _error(f"internal error: {type(err).__name__}: {err}")
        return tool_result(spec.name, data)

    return Server(
        "eqchain",
        version=__version__,
        title="eqchain",
        instructions=INSTRUCTIONS,
        on_list_tools=list_tools,
        on_call_tool=call_tool,
    )


async def _in_worker(worker: Worker, tool: str, arguments: dict, timeout: float):
    """The worker's answer, waited for in a thread; a call the client cancels stops the
    worker instead of occupying it until the answer nobody reads."""
    import threading

    import anyio
    import anyio.to_thread

    cancelled = threading.Event()
    try:
        return await anyio.to_thread.run_sync(
            worker.call, tool, arguments, timeout, cancelled, abandon_on_cancel=True
        )
    except anyio.get_cancelled_exc_class():
        worker.cancel(cancelled)
        raise


def _error(message: str):
    import mcp.types as types

    return types.CallToolResult(
        content=[types.TextContent(type="text", text=message)], is_error=True
    )


def tool_result(name: str, data: dict):
    """The CallToolResult for the data a tool computed: structured, and the same as JSON text
    (for clients that read only text); derive adds what stopped it."""
    import mcp.types as types

    extra = []
    if name == "derive":
        data, stopped = data["report"], data["stopped"]
        if stopped:
            extra.append(types.TextContent(type="text", text=f"stopped: {stopped}"))
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return types.CallToolResult(
        content=[types.TextContent(type="text", text=text), *extra], structured_content=data
    )


def serve_stdio(default_timeout: float = 10.0) -> None:
    """Serve MCP over stdin/stdout until the client closes the connection."""
    import anyio
    from mcp.server.stdio import stdio_server

    worker = Worker()

    async def main() -> None:
        server = build_server(worker, default_timeout)
        async with stdio_server() as (read_stream, write_stream):
            worker.start()  # loads SymPy while the client initialises
            await server.run(read_stream, write_stream, server.create_initialization_options())

    try:
        anyio.run(main)
    finally:
        worker.close()
