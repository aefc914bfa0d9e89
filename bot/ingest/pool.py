"""Run CPU-bound ingest work in worker processes, one per core, their logs relayed home.

Building an article (parse, people, attribution) is pure Python, so threads share one core;
a big ingest is spread over processes instead. Workers are spawned, not forked: forking a
process that already runs threads (aiosqlite's, the event loop's helpers) is unsafe. What a
worker logs comes back through a queue and is handled by this process's loggers, so a worker's
warning reads exactly as it would have without workers. Workers run at a lower priority
than the process that started them: its event loop answers fans, and its store writes what
they build, which is the slower half of an ingest, so it must not wait for a core.

The records a worker sends back (``bot.models``' frozen dataclasses: an article, its quotes,
people, facts) travel as their fields in order and are rebuilt by setting their slots: the
dataclasses' own pickling looks up each class's fields again for every record, which was
half the cost of sending an article and of reading it back here.
"""

from __future__ import annotations

import dataclasses
import logging
import multiprocessing
import operator
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from logging.handlers import QueueHandler, QueueListener
from multiprocessing.reduction import ForkingPickler
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


#: What a reducer returns: the function that rebuilds the record, and its arguments.
_Reduced = tuple[Callable[..., object], tuple[type, tuple[object, ...]]]
#: Each record class's slot setters, in its fields' order (filled on first use).
_SETTERS: dict[type, tuple[Callable[[object, object], None], ...]] = {}


def _rebuild(cls: type[T], values: tuple[object, ...]) -> T:
    """A record from its fields' values, as :func:`_record_reducer` sent it."""
    setters = _SETTERS.get(cls)
    if setters is None:
        fields = dataclasses.fields(cls)  # type: ignore[arg-type]  # a bot.models record
        setters = _SETTERS[cls] = tuple(vars(cls)[f.name].__set__ for f in fields)
    record = object.__new__(cls)
    for set_slot, value in zip(setters, values, strict=True):
        set_slot(record, value)
    return record


def _record_reducer(cls: type) -> Callable[[object], _Reduced]:
    """How a worker pickles a record of ``cls``: :func:`_rebuild` and its fields' values."""
    # (every record has several fields: attrgetter of several names gives their tuple)
    values = operator.attrgetter(*(f.name for f in dataclasses.fields(cls)))

    def reduce(record: object) -> _Reduced:
        return _rebuild, (cls, values(record))

    return reduce


def _send_records_as_fields() -> None:
    """Pickle ``bot.models``' slotted dataclasses by their fields in this (worker) process."""
    from bot import models

    for cls in vars(models).values():
        if (
            isinstance(cls, type)
            and dataclasses.is_dataclass(cls)
            and "__slots__" in vars(cls)
            and len(dataclasses.fields(cls)) > 1
        ):
            ForkingPickler.register(cls, _record_reducer(cls))


def _start_worker(queue: Any, level: int) -> None:
    if hasattr(os, "nice"):  # not on Windows
        os.nice(NICENESS)
    _send_records_as_fields()
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
