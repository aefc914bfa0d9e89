"""SQLite reads on reader connections of their own: what they see, and what stays on the
main connection."""

from __future__ import annotations

import threading

from bot.store import Store
from bot.store.dialect import SqliteDialect


def _dialect(store: Store) -> SqliteDialect:
    dialect = store._dialect
    assert isinstance(dialect, SqliteDialect)
    return dialect


async def test_plain_reads_run_on_a_reader_thread(store: Store) -> None:
    """A SELECT outside a transaction is answered on a reader connection's thread."""
    dialect = _dialect(store)
    seen: list[str] = []
    original = dialect._read_on_thread

    def spy(sql: str, params: tuple[object, ...]) -> list[object]:
        seen.append(threading.current_thread().name)
        return original(sql, params)

    dialect._read_on_thread = spy  # type: ignore[method-assign]
    assert [tuple(r) for r in await dialect.all("SELECT 1 + ?", (1,))] == [(2,)]
    assert seen and seen[0].startswith("pitwall-read")


async def test_a_committed_write_is_read_at_once(store: Store) -> None:
    await _dialect(store).execute("CREATE TABLE probe (n INTEGER)")
    await _dialect(store).execute("INSERT INTO probe VALUES (7)")
    assert [r[0] for r in await store._all("SELECT n FROM probe")] == [7]


async def test_a_transaction_reads_its_own_uncommitted_writes(store: Store) -> None:
    """Inside a transaction reads stay on its connection, where its writes are; other tasks'
    reads see the last committed state."""
    dialect = _dialect(store)
    await dialect.execute("CREATE TABLE probe (n INTEGER)")
    async with dialect.transaction():
        await dialect.execute("INSERT INTO probe VALUES (1)")
        assert [r[0] for r in await dialect.all("SELECT n FROM probe")] == [1]
    assert [r[0] for r in await dialect.all("SELECT n FROM probe")] == [1]


async def test_writes_through_all_stay_on_the_main_connection(store: Store) -> None:
    """An INSERT ... RETURNING is no plain read: the reader connections are read-only."""
    dialect = _dialect(store)
    await dialect.execute("CREATE TABLE probe (n INTEGER)")
    rows = await dialect.all("INSERT INTO probe VALUES (3) RETURNING n")
    assert [r[0] for r in rows] == [3]
    assert [r[0] for r in await dialect.all("WITH p AS (SELECT n FROM probe) SELECT n FROM p")] == [
        3
    ]


async def test_closing_closes_the_reader_connections(store: Store) -> None:
    dialect = _dialect(store)
    await dialect.all("SELECT 1")
    assert dialect._reader_conns
    await store.close()
    assert dialect._readers is None and not dialect._reader_conns
