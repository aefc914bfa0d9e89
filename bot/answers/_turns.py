"""Long answers give the event loop back now and then (issue 12: no stall over 20 ms).

An answer computes on the loop's own thread, and only a store read suspends it: between two
reads the loop runs nothing else, not another fan's answer, not the gateway's heartbeat. A
passage search scores every sentence of up to sixty paragraphs in Python, and a question
such as "who is X" runs two or three searches with few reads between them: 20-30 ms at a
time on this project's machine. :class:`Turns` is a clock such a loop checks between its
items: once the answer has held the loop for :data:`TURN` since it last let go, ``await
turns.take()`` lets the loop run whatever is waiting, then the answer goes on where it was.
The answer is the same; each turn taken costs some microseconds, and waits only for the
callbacks that were ready.
"""

from __future__ import annotations

import asyncio
import time

__all__ = ["TURN", "Turns"]

#: How long an answer holds the loop before it lets others run: a quarter of issue 12's
#: 20 ms, so a step between two checks may run past it and still stay under the limit.
TURN = 0.005


class Turns:
    """A clock a long loop of synchronous work checks between items (see the module)."""

    __slots__ = ("_since",)

    def __init__(self) -> None:
        self._since = time.perf_counter()

    async def take(self) -> None:
        """Let the loop run what waits, when this work has held it for ``TURN``."""
        if time.perf_counter() - self._since >= TURN:
            await asyncio.sleep(0)
            self._since = time.perf_counter()
