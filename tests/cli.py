"""One way for every test file to run `begroot`: in this process (typer's CliRunner), or as a real process.

In-process is the default: a command's error paths need no new interpreter and no re-import of begroot
(about a second each). A real process stays where the process is the point: exit codes as the shell sees
them, a broken pipe, signals and kills, environment read at import (BEGROOT_MAX_BYTES), a command that
would block or serve forever should it fail to refuse (`serve`, named pipes), worker processes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Ran:
    """What a command did: the fields of `subprocess.CompletedProcess` the tests read."""

    returncode: int
    stdout: str
    stderr: str


def run(*args: str, env: Mapping[str, str] | None = None, stdin: str | None = None) -> Ran:
    """`begroot ARGS` in this process; an exception that escapes the command is re-raised (a bug)."""
    from typer.testing import CliRunner

    from begroot.cli import app, common

    common.err.cache_clear()  # consoles made for this command, from its environment (COLUMNS), as in a new process
    common.out.cache_clear()
    result = CliRunner().invoke(app, list(args), env=env, input=stdin, catch_exceptions=False)
    return Ran(result.exit_code, result.stdout, result.stderr)


def run_process(
    *args: str, timeout: float = 120, env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`python -m begroot ARGS` as a real process (standard input empty)."""
    return subprocess.run(
        [sys.executable, "-m", "begroot", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
        stdin=subprocess.DEVNULL,
    )
