"""Answers kept until the store changes: the same question, the same store, the same answer.

A helper module for the answer kinds. Fans ask for the same newest story's facts, recap and
the same laps again and again, and each of those answers reads only the store: kept with the
store's version (:meth:`bot.store.Store.version`, which moves with any article written, here
or by another process), an answer is given again only while the version is the one it was
made at.

What is kept is bounded by weight (records, roughly), not by count: every kept record is an
object the cyclic garbage collector walks in each full collection, on the loop, and a lap's
answer at 100,000 articles is thousands of them.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from bot.store import Store

__all__ = ["Kept"]

T = TypeVar("T")


class Kept:
    """The newest answers by key, up to ``budget`` in weight, each with the store version it
    was made at."""

    store: Store
    budget: int
    _kept: OrderedDict[Hashable, tuple[object, Any, int]]
    _weight: int

    def __init__(self, store: Store, budget: int) -> None:
        self.store = store
        self.budget = budget
        self._kept = OrderedDict()
        self._weight = 0

    def forget(self) -> None:
        """Drop everything kept (the indexes some answers draw on were rebuilt)."""
        self._kept.clear()
        self._weight = 0

    async def get(
        self,
        key: Hashable,
        make: Callable[[], Awaitable[T]],
        weight: Callable[[T], int] | None = None,
    ) -> T:
        """``make()``'s result for ``key``, made again once the store's version has moved.

        The version is read before ``make`` reads the store: a change meanwhile leaves the
        result under the older version, which the next call no longer matches.
        """
        version = await self.store.version()
        kept = self._kept.get(key)
        if kept is not None and kept[0] == version:
            self._kept.move_to_end(key)
            result: T = kept[1]
            return result
        made = await make()
        heavy = weight(made) if weight is not None else 1
        if heavy > self.budget:
            return made  # kept, it would push out everything else
        old = self._kept.pop(key, None)
        if old is not None:
            self._weight -= old[2]
        self._kept[key] = (version, made, heavy)
        self._weight += heavy
        while self._weight > self.budget:
            _key, (_version, _made, dropped) = self._kept.popitem(last=False)
            self._weight -= dropped
        return made
