"""Keep the cyclic garbage collector from holding the event loop while indexes are rebuilt.

CPython's full (generation 2) collection walks every container object the process holds,
with the GIL held, in whichever thread happens to trigger it: the event loop waits the
whole time. A bot holding the answer indexes of 10,000 articles has about 80,000 of them
(a full collection took 60-120 ms on this project's machine; at 100,000 articles, ten
times more), and a refresh builds a whole new index, so full collections came back
during every refresh, each one longer as the new index grew.

While a refresh runs, :func:`long_lived_build` lets only the young generations be
collected (short-lived cycles are still freed as usual, in a few milliseconds), then hands
everything alive to ``gc.freeze``: the indexes, the modules, the register, all of which
live until the next refresh or for good. Later full collections walk only what was made
since. An index that is replaced is still freed by reference counting (it holds no
cycles); the only cost is that a cycle which became garbage after surviving two young
collections, and was not yet collected at the freeze, is never freed: a few objects a
refresh, against hundreds of milliseconds of stall.

The same goes for the GIL: a refresh turns rows into indexes on worker threads, and the loop
waits for the GIL each time it wakes. CPython hands it over every ``sys.getswitchinterval()``
(5 ms), and one wake of the loop may wait several times (the selector, each callback), so a
refresh's threads held a ticking loop 20-30 ms at a time at 10,000 articles. While a refresh
runs, the interval is 1 ms; the threads' own work is a few percent slower.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import gc
import logging
import sys
from collections.abc import Callable, Iterator

__all__ = ["give_back_memory", "long_lived_build", "spare_full_collections"]

log = logging.getLogger(__name__)

#: Refreshes running now (two may overlap: the article watcher's and a moderator's add).
_running = 0
#: The thresholds to put back when the last one ends.
_saved: tuple[int, int, int] | None = None
#: The switch interval to put back when the last one ends.
_saved_switch: float | None = None
#: The GIL switch interval while a refresh runs (see the module's docstring).
SWITCH_INTERVAL = 0.001
#: A generation-2 threshold no refresh reaches: only the young generations are collected.
_NEVER = 1 << 30


@contextlib.contextmanager
def long_lived_build() -> Iterator[None]:
    """Hold off full collections while long-lived objects are built, freeze them after;
    hand the GIL to the loop more often meanwhile."""
    global _running, _saved, _saved_switch
    if _running == 0:
        _saved = gc.get_threshold()
        gc.set_threshold(_saved[0], _saved[1], _NEVER)
        _saved_switch = sys.getswitchinterval()
        sys.setswitchinterval(min(_saved_switch, SWITCH_INTERVAL))
    _running += 1
    try:
        yield
    finally:
        _running -= 1
        if _running == 0 and _saved is not None:
            gc.set_threshold(*_saved)
            _saved = None
            gc.freeze()
        if _running == 0 and _saved_switch is not None:
            sys.setswitchinterval(_saved_switch)
            _saved_switch = None


#: Collections of the middle generation between two full ones in a running bot (CPython's
#: default is 10): see :func:`spare_full_collections`.
FULL_EVERY = 100


def spare_full_collections() -> None:
    """Run full collections ten times less often than CPython would (a running bot's start).

    CPython starts a full collection after ``threshold2`` collections of the middle
    generation once the objects that survived into the old one since the last full one
    exceed a quarter of it. It counts only the old generation, not the frozen objects: in
    a bot whose indexes are frozen (:func:`long_lived_build`) the old generation is the
    bursts' leftovers (paginators, kept answers: 30-40 thousand objects at 100,000
    articles), so under load a full collection came every 2-3 s, each 45-90 ms with the GIL
    held (issue 12: the loop's lag while answering). What a full collection frees is cyclic
    garbage old enough to have left the young generations; the young collections, which
    free nearly all of it, run as before. Cost: such garbage lives up to ten times longer.
    """
    young, middle, full = gc.get_threshold()
    if full < FULL_EVERY:
        gc.set_threshold(young, middle, FULL_EVERY)


#: Objects freed per step when an old index is let go: each step holds the GIL briefly.
_RELEASE_STEP = 2000


def parts_of(index: object) -> list[object]:
    """Hold every element of ``index``'s containers (read only: a reader may still use it).

    Dropping an index frees its hundreds of thousands of objects in one chain of C calls
    that never lets the GIL go: about 11 ms at 10,000 articles and ten times that at
    100,000, on the event loop where the last reference went. With its elements held
    here, the index itself frees only shallow containers; :func:`release` frees the
    elements a step at a time, on a worker thread.
    """
    held: list[object] = []
    names = [*getattr(index, "__slots__", ()), *getattr(index, "__dict__", ())]
    for name in names:
        value = getattr(index, name, None)
        if isinstance(value, dict):
            held.extend(value.keys())
            held.extend(value.values())
        elif isinstance(value, list | tuple | set | frozenset):
            held.extend(value)
    return held


def release(held: list[object]) -> None:
    """Let go of what :func:`parts_of` held, a step at a time (blocking: run in a thread)."""
    while held:
        del held[-_RELEASE_STEP:]


def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, or None where the C library has none (musl, macOS)."""
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None


_TRIM = _malloc_trim()


def give_back_memory() -> None:
    """Hand the C heap's free pages back to the system (blocking: run in a thread).

    A refresh's transient objects (the rows read, the postings being gathered) are freed,
    but glibc keeps the pages they used in its arenas, so the process stayed about 20 MB
    above what it holds at 100,000 articles, and the answers' own allocations came on top
    (issue 12: peak memory through interactions). ``malloc_trim(0)`` returns them.
    """
    if _TRIM is not None:
        try:
            _TRIM(0)
        except (OSError, ctypes.ArgumentError) as exc:  # never a reason to fail a refresh
            log.debug("malloc_trim failed: %s", exc)
