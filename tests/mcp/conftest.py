"""One eqchain MCP server per test module, spawned as `python -m eqchain mcp` and driven over
stdio by the SDK's own client. Tests call it synchronously through an anyio portal."""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

pytest.importorskip("mcp", reason="the MCP tests need the mcp package (eqchain[mcp])")

SRC = str(Path(__file__).resolve().parents[2] / "src")
READ_TIMEOUT = 120.0  # seconds: a guard against a hang, far above any expected answer


@dataclass
class Answer:
    """A tool's answer and how long it took to come."""

    result: object  # mcp.types.CallToolResult
    seconds: float

    @property
    def data(self):
        return self.result.structured_content

    @property
    def text(self) -> str:
        return "\n".join(c.text for c in self.result.content if c.type == "text")

    @property
    def is_error(self) -> bool:
        return bool(self.result.is_error)


class Session:
    def __init__(self, portal, client):
        self.portal, self.client = portal, client

    def call(self, tool: str, arguments: dict | None = None) -> Answer:
        started = time.monotonic()
        result = self.portal.call(self.client.call_tool, tool, arguments or {})
        return Answer(result, time.monotonic() - started)

    def start_call(self, tool: str, arguments: dict):
        """Start a call without waiting for it; returns a concurrent.futures.Future."""
        return self.portal.start_task_soon(self.client.call_tool, tool, arguments)

    def list_tools(self):
        return self.portal.call(self.client.list_tools)

    def call_and_cancel(self, tool: str, arguments: dict, after: float) -> None:
        """Start a call and cancel it after ``after`` seconds (the client tells the server)."""
        import anyio

        async def call_then_cancel():
            with anyio.move_on_after(after):
                await self.client.call_tool(tool, arguments)

        self.portal.call(call_then_cancel)

    def list_tools_seconds(self) -> float:
        """How long the server takes to list its tools (the client's cache bypassed)."""
        started = time.monotonic()
        self.portal.call(lambda: self.client.list_tools(cache_mode="bypass"))
        return time.monotonic() - started


@pytest.fixture(scope="module")
def server():
    from anyio.from_thread import start_blocking_portal
    from mcp import Client
    from mcp.client.stdio import StdioServerParameters

    path = os.pathsep.join(p for p in (SRC, os.environ.get("PYTHONPATH")) if p)
    params = StdioServerParameters(
        command=sys.executable,
        args=["-m", "eqchain", "mcp"],
        env={**os.environ, "PYTHONPATH": path},
    )
    with start_blocking_portal() as portal:
        client = Client(params, read_timeout_seconds=READ_TIMEOUT)
        with portal.wrap_async_context_manager(client) as connected:
            yield Session(portal, connected)
