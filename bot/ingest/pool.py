"""Run CPU-bound ingest work in worker processes, one per core, their logs relayed home.

Building an article (parse, people, attribution) is pure Python, so threads share one core;
a big ingest is spread over processes instead. Workers are spawned, not forked: forking a
process that already runs threads (aiosqlite's, the event loop's helpers) is unsafe. What a
worker logs comes back through a queue and is handled by this process's loggers, so a worker's
warning reads exactly as it would have without workers. Workers run at a lower priority
than the process that started them: its event loop answers fans, and its store writes what
they build, which is the slower half of an ingest, so it must not wait for a core.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from logging.handlers import QueueHandler, QueueListener
from typing import Any, TypeVar

__all__ = ["iter_in_processes", "map_in_processes"]

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

#: How much nicer (lower priority) than their parent the workers run, where the OS allows.
NICENESS = 5


class _Relay(logging.Handler):
    """Hand a worker's record to the logger of the same name here, as if logged here."""

    def emit(self, record: logging.LogRecord) -> None:
        logger = logging.getLogger(record.name)
        if logger.isEnabledFor(record.levelno):
            logger.handle(record)


def _start_worker(queue: Any, level: int) -> None:
    if hasattr(os, "nice"):  # not on Windows
        os.nice(NICENESS)
    root = logging.getLogger()
    root.handlers[:] = [QueueHandler(queue)]
    root.setLevel(level)


def map_in_processes(fn: Callable[[T], R], items: Sequence[T], workers: int) -> list[R]:
    """Return ``[fn(item) for item in items]``, computed in ``workers`` spawned processes.

    Blocking: call it through ``asyncio.to_thread``. ``fn`` must be a module-level function
    and items and results picklable.
    """
    return list(iter_in_processes(fn, items, workers))


def iter_in_processes(fn: Callable[[T], R], items: Sequence[T], workers: int) -> Iterator[R]:
    """Yield ``fn(item)`` for each item in order, as soon as it and those before it are done.

    The caller can use each result (store it) while the workers compute the next ones.
    Blocking like :func:`map_in_processes`; closing the iterator early cancels what has not
    started and waits for what has.
    """
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    listener = QueueListener(queue, _Relay())
    listener.start()
    try:
        level = logging.getLogger().getEffectiveLevel()
        pool = ProcessPoolExecutor(
            workers, mp_context=context, initializer=_start_worker, initargs=(queue, level)
        )
        try:
            yield from pool.map(fn, items)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
    finally:
        # The pool has joined its workers, so everything they logged is in the queue.
        listener.stop()
        queue.close()
        queue.join_thread()
