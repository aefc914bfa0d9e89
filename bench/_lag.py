"""Event-loop lag: a ticker task that records how late the loop wakes it.

A helper module for the benchmarks. A coroutine that computes without awaiting holds the
loop: every other interaction, heartbeat and timer waits behind it. The ticker asks to be
woken every ``interval`` seconds; how much later than asked it wakes is the lag a
concurrent interaction would have suffered at that moment. Its maximum is the longest stall.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

from bench._common import percentile

__all__ = ["LoopLag"]

#: How often the ticker asks to wake: fine enough to see a 20 ms stall, cheap enough (a wake
#: costs some microseconds) not to slow what it watches.
INTERVAL = 0.005
#: A lag worth locating: the issue's limit for any stall.
STALL = 0.020


class LoopLag:
    """``async with LoopLag() as lag: ...`` then ``lag.summary()``; ``lag.reset()`` between
    phases, so each phase's maximum is its own."""

    interval: float
    samples: list[float]
    stalls: list[tuple[float, float]]
    _task: asyncio.Task[None] | None
    _since: float

    def __init__(self, interval: float = INTERVAL) -> None:
        self.interval = interval
        self.samples = []
        self.stalls = []
        self._task = None
        self._since = 0.0

    async def __aenter__(self) -> LoopLag:
        self._task = asyncio.create_task(self._tick(), name="bench-loop-lag")
        await asyncio.sleep(0)  # let it take its first reading before the work starts
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _tick(self) -> None:
        loop = asyncio.get_running_loop()
        self._since = loop.time()
        while True:
            due = loop.time() + self.interval
            await asyncio.sleep(self.interval)
            now = loop.time()
            lag = max(0.0, now - due)
            self.samples.append(lag)
            if lag > STALL:
                # When in the phase each stall began: which step held the loop.
                self.stalls.append((round(due - self._since, 3), round(lag * 1000, 1)))

    def reset(self) -> None:
        """Forget what was recorded: the next summary covers only what follows."""
        self.samples = []
        self.stalls = []
        self._since = asyncio.get_running_loop().time()

    def summary(self) -> dict[str, Any]:
        """Ticks, p99 and max lag in ms (what the loop made a waiting task wait), and the
        worst stalls over 20 ms as (seconds into the phase, ms)."""
        worst = sorted(self.stalls, key=lambda s: -s[1])[:5]
        return {
            "ticks": len(self.samples),
            "p99_ms": round(percentile(self.samples, 99) * 1000, 2) if self.samples else None,
            "max_ms": round(max(self.samples) * 1000, 2) if self.samples else None,
            "stalls_over_20ms": len(self.stalls),
            "worst_stalls": worst,
        }
