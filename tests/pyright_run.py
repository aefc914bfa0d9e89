"""pytest plugin: pyright (tests/test_typing.py) started as soon as collection ends.

pyright checks bot/ and cogs/ in a Node.js process of its own for some 20 s, on one core,
while the test process waits for it. Started when the run's tests are known (only if the
typing test is among them), it checks in the background, on the core the test process leaves
idle, while the tests before it run; the typing test then reads the finished report. Where
the test runs alone, or the early start failed, it runs pyright itself, as before.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import pytest

__all__ = ["PYRIGHT_TEST", "Early", "command", "environment", "report"]

ROOT = Path(__file__).resolve().parent.parent
#: The typing test's node id: the early start is for it alone.
PYRIGHT_TEST = "tests/test_typing.py::test_pyright_reports_no_errors"
#: How much nicer the background check runs: the test process is the run's critical path.
NICENESS = 10
#: As long as the typing test ever waited for pyright.
TIMEOUT = 300.0

_EARLY = pytest.StashKey["Early"]()


@dataclass
class Early:
    """A pyright started at the end of collection, its output going to a temporary file."""

    process: subprocess.Popen[bytes]
    output: IO[bytes]


def command() -> list[str]:
    """pyright on the project's configuration, resolving imports from this interpreter."""
    return [sys.executable, "-m", "pyright", "--pythonpath", sys.executable]


def environment() -> dict[str, str]:
    """No look-up of the newest release at each run: the pinned, bundled pyright is used."""
    return {**os.environ, "PYRIGHT_PYTHON_IGNORE_WARNINGS": "1"}


def _lower_priority() -> None:
    if hasattr(os, "nice"):
        os.nice(NICENESS)


def pytest_collection_finish(session: pytest.Session) -> None:
    """Start pyright now if the typing test is to run (and pyright is installed)."""
    import importlib.util

    if not any(item.nodeid == PYRIGHT_TEST for item in session.items):
        return
    if importlib.util.find_spec("pyright") is None:
        return  # the test says so itself
    output = tempfile.TemporaryFile()  # noqa: SIM115 - closed by report() or sessionfinish
    try:
        process = subprocess.Popen(
            command(),
            cwd=ROOT,
            env=environment(),
            stdout=output,
            stderr=subprocess.STDOUT,
            preexec_fn=_lower_priority,  # only os.nice, before exec
        )
    except OSError:
        output.close()
        return  # the test runs it in the foreground and reports the failure
    session.config.stash[_EARLY] = Early(process, output)


def report(config: pytest.Config) -> tuple[int, str]:
    """pyright's exit code and report: the early run's, waited for, or a run started now."""
    early = config.stash.get(_EARLY, None)
    if early is None:
        done = subprocess.run(
            command(), cwd=ROOT, env=environment(), capture_output=True, text=True,
            timeout=TIMEOUT, check=False,
        )  # fmt: skip
        return done.returncode, (done.stdout + done.stderr).strip()
    del config.stash[_EARLY]
    try:
        code = early.process.wait(TIMEOUT)
        early.output.seek(0)
        return code, early.output.read().decode("utf-8", errors="replace").strip()
    finally:
        _stop(early)


def _stop(early: Early) -> None:
    if early.process.poll() is None:
        early.process.kill()
        early.process.wait()
    early.output.close()


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Never leave pyright running: a run stopped early (-x, Ctrl-C) kills it."""
    early = session.config.stash.get(_EARLY, None)
    if early is not None:
        del session.config.stash[_EARLY]
        _stop(early)
