"""Running ``python -m eqchain`` in a subprocess, bounded in time and memory."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

MEMORY = 2 * 1024**3  # bytes of address space a checker process may use
WALL = 90.0  # seconds: a guard against a hang (with --timeout 2 a one-step file needs ~5 s)
STEP_TIMEOUT = "2"


def _limit_memory() -> None:  # runs in the child, before exec
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = MEMORY if hard == resource.RLIM_INFINITY else min(MEMORY, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr

    def show(self) -> str:
        return (
            f"exit {self.code}\n--- stdout\n{self.stdout[-2000:]}\n"
            f"--- stderr\n{self.stderr[-2000:]}"
        )


def check(path: Path, *extra: str, wall: float = WALL, cwd: Path | None = None) -> Run:
    """``eqchain check --no-cache --timeout 2 PATH``; raises subprocess.TimeoutExpired (a
    failure) when it runs longer than ``wall`` seconds."""
    env = {**os.environ, "EQCHAIN_CACHE_DIR": str(path.parent / ".eqchain-cache")}
    env.pop("NO_COLOR", None)
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "eqchain",
            "check",
            "--no-cache",
            "--timeout",
            STEP_TIMEOUT,
            *extra,
            str(path),
        ],
        capture_output=True,
        timeout=wall,
        preexec_fn=_limit_memory,
        env=env,
        cwd=cwd or path.parent,
    )
    return Run(
        proc.returncode,
        proc.stdout.decode("utf-8", "replace"),
        proc.stderr.decode("utf-8", "replace"),
    )
