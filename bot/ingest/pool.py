"""Run CPU-bound ingest work in worker processes, one per core, their logs relayed home.

Building an article (parse, people, attribution) is pure Python, so threads share one core;
a big ingest is spread over processes instead. Workers are spawned, not forked: forking a
process that already runs threads (aiosqlite's, the event loop's helpers) is unsafe. What a
worker logs comes back through a queue and is handled by this process's loggers, so a worker's
warning reads exactly as it would have without workers.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from logging.handlers import QueueHandler, QueueListener
from typing import Any, TypeVar

__all__ = ["map_in_processes"]

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")


class _Relay(logging.Handler):
    """Hand a worker's record to the logger of the same name here, as if logged here."""

    def emit(self, record: logging.LogRecord) -> None:
        logger = logging.getLogger(record.name)
        if logger.isEnabledFor(record.levelno):
            logger.handle(record)


def _start_worker(queue: Any, level: int) -> None:
    root = logging.getLogger()
    root.handlers[:] = [QueueHandler(queue)]
    root.setLevel(level)


def map_in_processes(fn: Callable[[T], R], items: Sequence[T], workers: int) -> list[R]:
    """Return ``[fn(item) for item in items]``, computed in ``workers`` spawned processes.

    Blocking: call it through ``asyncio.to_thread``. ``fn`` must be a module-level function
    and items and results picklable.
    """
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    listener = QueueListener(queue, _Relay())
    listener.start()
    try:
        level = logging.getLogger().getEffectiveLevel()
        with ProcessPoolExecutor(
            workers, mp_context=context, initializer=_start_worker, initargs=(queue, level)
        ) as pool:
            return list(pool.map(fn, items))
    finally:
        # The pool has joined its workers, so everything they logged is in the queue.
        listener.stop()
        queue.close()
        queue.join_thread()
