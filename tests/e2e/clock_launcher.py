"""Test entry point: run ``bot.cli.main`` with the recap runner on a file-driven fake clock.

Production has no test hooks. The end-to-end tests pass this module as the emulator launcher's
``--entry`` (``tests.e2e.clock_launcher:main``); before handing over to the real CLI it sets
``bot.recaps.runner.DEFAULT_CLOCK``, the runner's ordinary dependency-injection default, to a
:class:`FileClock`. Environment:

``PITWALL_TEST_CLOCK``
    a file holding an ISO 8601 instant; the test writes it to move time (required).
``PITWALL_TEST_KILL_AT``
    optional recap step (``due``, ``pending``, ``sent``, ``done``): the process SIGKILLs
    itself the moment the runner logs that step, so a crash lands exactly there.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

__all__ = ["KILL_STEPS", "FileClock", "KillAtStep", "main", "set_clock"]

log = logging.getLogger(__name__)

#: The runner's DEBUG step lines, in posting order ("recap step <name> channel=... slot=...").
KILL_STEPS = ("due", "pending", "sent", "done")
#: How often a sleeping FileClock re-reads the file.
POLL_SECONDS = 0.05


def set_clock(path: Path, instant: datetime) -> None:
    """Move a FileClock: write ``instant`` atomically, so a reader never sees half a line."""
    tmp = path.with_suffix(".tmp")
    tmp.write_text(instant.astimezone(UTC).isoformat(), encoding="utf-8")
    os.replace(tmp, path)


class FileClock:
    """A clock whose time is whatever instant the test last wrote to a file."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def now(self) -> datetime:
        return datetime.fromisoformat(self.path.read_text(encoding="utf-8").strip()).astimezone(UTC)

    async def sleep_until(self, when: datetime, wake: asyncio.Event) -> None:
        while self.now() < when and not wake.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(wake.wait(), POLL_SECONDS)


class KillAtStep(logging.Handler):
    """SIGKILL this process when the recap runner logs ``recap step <step>``."""

    def __init__(self, step: str) -> None:
        super().__init__(logging.DEBUG)
        self.prefix = f"recap step {step} "

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if message.startswith(self.prefix):
            sys.stderr.write(f"KILLED at {message}\n")
            sys.stderr.flush()
            os.kill(os.getpid(), signal.SIGKILL)


def main(argv: Sequence[str] | None = None) -> int:
    """Install the fake clock (and the kill point), then run the real CLI."""
    import bot.recaps.runner
    from bot.cli import main as cli_main

    bot.recaps.runner.DEFAULT_CLOCK = FileClock(Path(os.environ["PITWALL_TEST_CLOCK"]))
    runner_log = logging.getLogger("bot.recaps")
    runner_log.setLevel(logging.DEBUG)  # the step lines the tests wait for
    step = os.environ.get("PITWALL_TEST_KILL_AT")
    if step:
        if step not in KILL_STEPS:
            raise SystemExit(f"PITWALL_TEST_KILL_AT must be one of {KILL_STEPS}, got {step!r}")
        runner_log.addHandler(KillAtStep(step))
    return cli_main(list(argv) if argv is not None else None)
