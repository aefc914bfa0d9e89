"""What every domain of the store shares: the dialect, and a few words to talk to it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import Any, TypeVar

from bot.store.dialect import Dialect

__all__ = ["StoreBase"]

T = TypeVar("T")


class StoreBase:
    """The connection side of :class:`bot.store.Store`; the domain mixins build on it."""

    _dialect: Dialect
    #: Article writes of this process: with the dialect's data version, the store's version.
    _article_writes: int

    async def _all(self, sql: str, params: Iterable[Any] = ()) -> list[Any]:
        return await self._dialect.all(sql, params)

    async def _point(self, sql: str, params: Iterable[Any] = ()) -> list[Any]:
        """One small indexed read (one article's rows; see ``Dialect.point_read``)."""
        return await self._dialect.point_read(sql, params)

    async def _read_into(
        self, sql: str, params: Iterable[Any], convert: Callable[[list[Any]], T]
    ) -> T:
        """``convert(rows)`` of one read (see ``Dialect.read_into``)."""
        return await self._dialect.read_into(sql, params, convert)

    async def _run(self, sql: str, params: Iterable[Any] = ()) -> int:
        """One statement; how many rows it changed."""
        return await self._dialect.execute(sql, params)

    async def _executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        await self._dialect.executemany(sql, rows)

    async def _write(self, sql: str, params: Sequence[Any] = ()) -> int:
        """One write statement, never inside another coroutine's open transaction."""
        async with self._dialect.lock:
            return await self._dialect.execute(sql, params)

    async def _transaction(self, work: Callable[[], Awaitable[T]]) -> T:
        """Run ``work()`` (a coroutine function) inside one write transaction, alone."""
        async with self._dialect.transaction():
            return await work()
