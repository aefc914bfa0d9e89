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

from bot.answers.records import Answer, LapAnswer, PassageAnswer, PersonAnswer, QuotesAnswer

if TYPE_CHECKING:
    from bot.store import Store

__all__ = ["Kept", "keep_rendering", "records_in", "rendering_of"]

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
        for _version, made, _weight in self._kept.values():
            _let_go(made)
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
            _let_go(old[1])
        self._kept[key] = (version, made, heavy)
        _hold(made)
        self._weight += heavy
        while self._weight > self.budget:
            _key, (_version, dropped, light) = self._kept.popitem(last=False)
            self._weight -= light
            _let_go(dropped)
        return made


# -- renderings of kept answers ------------------------------------------------------------
# A kept answer is given again as the same object, so its rendering (a lap's 190 pages at
# 100,000 articles: about 150 ms of CPU) can be kept beside it and made once. Kept by the
# answer's id, which stays the answer's own while a Kept holds it: the rendering goes when
# the last Kept holding the answer lets it go, and nothing else holds the answer's records
# (each one more object that every full garbage collection walks, on the loop).

#: id(answer) -> how many Kept hold it.
_holders: dict[int, int] = {}
#: id(answer) -> its rendering (whatever the caller keeps: packed pages are bytes, which
#: the garbage collector never walks).
_renderings: dict[int, object] = {}


def _hold(answer: object) -> None:
    _holders[id(answer)] = _holders.get(id(answer), 0) + 1


def _let_go(answer: object) -> None:
    left = _holders.get(id(answer), 0) - 1
    if left > 0:
        _holders[id(answer)] = left
    else:
        _holders.pop(id(answer), None)
        _renderings.pop(id(answer), None)


def keep_rendering(answer: object, rendering: object) -> bool:
    """Keep ``rendering`` for as long as a Kept holds ``answer``; False (not kept) if none
    does: an answer made anew each time is never asked for again as the same object."""
    if id(answer) not in _holders:
        return False
    _renderings[id(answer)] = rendering
    return True


def rendering_of(answer: object) -> object | None:
    """What :func:`keep_rendering` kept for ``answer`` (this very object), or None."""
    return _renderings.get(id(answer)) if id(answer) in _holders else None


def records_in(answer: Answer) -> int:
    """How many records an answer shows: what keeping it (and rendering it) costs grows with.

    A lap's events, a person's or a search's quotes and reported statements, a passage
    answer's passages; one for any other answer, whose records are a handful.
    """
    if isinstance(answer, LapAnswer):
        return len(answer.events)
    if isinstance(answer, QuotesAnswer | PersonAnswer):
        return len(answer.quotes) + len(answer.reported)
    if isinstance(answer, PassageAnswer):
        return len(answer.passages)
    return 0
