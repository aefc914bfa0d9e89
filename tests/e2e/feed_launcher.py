"""Test entry point: run ``bot.cli.main`` with the feed runner on a file-driven fake clock.

Like tests/e2e/clock_launcher.py, for feeds: it sets ``bot.feed_runner.DEFAULT_CLOCK`` (the
runner's ordinary dependency-injection default) to a :class:`FileClock`, so a test makes a
feed due by writing an instant to a file. Environment:

``PITWALL_TEST_CLOCK``
    a file holding an ISO 8601 instant; the test writes it to move time (required).
``PITWALL_TEST_KILL_AT``
    optional announcement step (``pending``, ``sent``, ``done``): the process SIGKILLs
    itself the moment the runner logs that step, so a crash lands exactly there.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from pathlib import Path

from tests.e2e.clock_launcher import FileClock, KillAtStep

__all__ = ["KILL_STEPS", "main"]

#: The runner's DEBUG step lines, in announcing order ("feed step <name> channel=... item=...").
KILL_STEPS = ("pending", "sent", "done")


def main(argv: Sequence[str] | None = None) -> int:
    """Install the fake clock (and the kill point), then run the real CLI."""
    import bot.feed_runner
    from bot.cli import main as cli_main

    bot.feed_runner.DEFAULT_CLOCK = FileClock(Path(os.environ["PITWALL_TEST_CLOCK"]))
    runner_log = logging.getLogger("bot.feed_runner")
    runner_log.setLevel(logging.DEBUG)  # the step lines the tests wait for
    step = os.environ.get("PITWALL_TEST_KILL_AT")
    if step:
        if step not in KILL_STEPS:
            raise SystemExit(f"PITWALL_TEST_KILL_AT must be one of {KILL_STEPS}, got {step!r}")
        killer = KillAtStep(step)
        killer.prefix = f"feed step {step} "
        runner_log.addHandler(killer)
    return cli_main(list(argv) if argv is not None else None)
