"""Answers kept until the store changes: the same question, the same store, the same answer.

A helper module for the answer kinds. Fans ask for the same newest story's facts, recap and
the same laps again and again, and each of those answers reads only the store: kept with the
store's version (:meth:`bot.store.Store.version`, which moves with any article written, here
or by another process), an answer is given again only while the version is the one it was
made at.
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
    """The newest ``size`` answers by key, each with the store version it was made at."""

    store: Store
    size: int
    _kept: OrderedDict[Hashable, tuple[object, Any]]

    def __init__(self, store: Store, size: int) -> None:
        self.store = store
        self.size = size
        self._kept = OrderedDict()

    def forget(self) -> None:
        """Drop everything kept (the indexes some answers draw on were rebuilt)."""
        self._kept.clear()

    async def get(self, key: Hashable, make: Callable[[], Awaitable[T]]) -> T:
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
        self._kept[key] = (version, made)
        self._kept.move_to_end(key)
        if len(self._kept) > self.size:
            self._kept.popitem(last=False)
        return made
