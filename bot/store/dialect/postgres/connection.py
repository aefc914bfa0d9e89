"""PostgreSQL's connections as the store reads them: ``?`` as ``%s``, rows read by name or
position (:class:`PgRow`, what ``sqlite3.Row`` offers) and the synchronous connection with
sqlite3's shape that the write path runs on."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, LiteralString, cast

from bot.store.dialect.base import SyncCursor

if TYPE_CHECKING:
    import psycopg

__all__ = ["PgRow"]


@functools.lru_cache(maxsize=2048)
def _pg_sql(sql: str) -> LiteralString:
    """SQLite's ``?`` placeholders as psycopg's ``%s`` (a literal ``%`` doubled).

    Typed LiteralString for psycopg: the store's SQL is its own text; values always travel
    as parameters, never inside it.
    """
    return cast(LiteralString, sql.replace("%", "%%").replace("?", "%s"))


class PgRow:
    """A row read by name or position, with ``keys()``: what ``sqlite3.Row`` offers."""

    __slots__ = ("_index", "_values")

    def __init__(self, index: dict[str, int], values: Sequence[Any]) -> None:
        self._index = index
        self._values = values

    def __getitem__(self, key: int | str) -> Any:
        if isinstance(key, str):
            return self._values[self._index[key]]
        return self._values[key]

    def __len__(self) -> int:
        return len(self._values)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._values)

    def keys(self) -> list[str]:
        return list(self._index)

    def __repr__(self) -> str:
        return f"PgRow({dict(zip(self._index, self._values, strict=False))!r})"


def _pg_rows(cursor: Any) -> Callable[[Sequence[Any]], PgRow]:
    """psycopg row factory making :class:`PgRow`; the first of two same-named columns wins."""
    index: dict[str, int] = {}
    for i, column in enumerate(cursor.description or ()):
        index.setdefault(column.name, i)
    return lambda values: PgRow(index, values)


class _PgSync:
    """A psycopg connection with sqlite3's shape, for the synchronous write path."""

    def __init__(self, conn: psycopg.Connection[Any]) -> None:
        self.conn = conn

    @property
    def in_transaction(self) -> bool:
        import psycopg.pq

        return self.conn.info.transaction_status != psycopg.pq.TransactionStatus.IDLE

    def execute(self, sql: str, params: Sequence[Any] = (), /) -> SyncCursor:
        return self.conn.execute(_pg_sql(sql), tuple(params))  # type: ignore[arg-type]

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]], /) -> None:
        with self.conn.cursor() as cursor:
            cursor.executemany(_pg_sql(sql), [tuple(r) for r in rows])  # type: ignore[arg-type]
