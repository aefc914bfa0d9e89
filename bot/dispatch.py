"""One background task that sleeps until its next due item and is woken early by a change.

The recap runner and the feed runner both work this way (RoboDanny's timer design): what
differs is their loop, so the task's lifecycle lives here once.
"""

from __future__ import annotations

import asyncio
import logging
from typing import ClassVar

__all__ = ["DispatchLoop"]

log = logging.getLogger(__name__)


class DispatchLoop:
    """Own one task running :meth:`_run`; ``wake`` sets the event the loop sleeps on."""

    #: The asyncio task's name, and what the log calls the loop when it dies.
    task_name: ClassVar[str] = "pitwall-dispatch"
    label: ClassVar[str] = "the dispatcher"

    _wake: asyncio.Event
    _task: asyncio.Task[None] | None

    def __init__(self) -> None:
        self._wake = asyncio.Event()
        self._task = None

    def start(self) -> None:
        """Start the dispatch task, unless it is already running."""
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._run(), name=self.task_name)
            self._task.add_done_callback(self._task_ended)

    async def stop(self) -> None:
        """Cancel the dispatch task and wait for it; work in flight stays recorded as pending."""
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)

    def wake(self) -> None:
        """Make the loop look again now: something it waits on was added, changed or removed."""
        self._wake.set()

    def _task_ended(self, task: asyncio.Task[None]) -> None:
        if not task.cancelled() and task.exception() is not None:
            log.error("%s stopped", self.label, exc_info=task.exception())

    async def _run(self) -> None:
        raise NotImplementedError
