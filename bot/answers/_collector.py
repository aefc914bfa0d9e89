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
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["long_lived_build"]

#: Refreshes running now (two may overlap: the article watcher's and a moderator's add).
_running = 0
#: The thresholds to put back when the last one ends.
_saved: tuple[int, int, int] | None = None
#: A generation-2 threshold no refresh reaches: only the young generations are collected.
_NEVER = 1 << 30


@contextlib.contextmanager
def long_lived_build() -> Iterator[None]:
    """Hold off full collections while long-lived objects are built; freeze them after."""
    global _running, _saved
    if _running == 0:
        _saved = gc.get_threshold()
        gc.set_threshold(_saved[0], _saved[1], _NEVER)
    _running += 1
    try:
        yield
    finally:
        _running -= 1
        if _running == 0 and _saved is not None:
            gc.set_threshold(*_saved)
            _saved = None
            gc.freeze()
