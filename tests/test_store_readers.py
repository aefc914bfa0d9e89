"""SQLite reads on reader connections of their own: what they see, and what stays on the
main connection."""

from __future__ import annotations

import asyncio
import sqlite3
import threading

from bot.store import Store
from bot.store.dialect import SqliteDialect
from tests.test_store import make_article


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


def _held_reads(dialect: SqliteDialect) -> tuple[list[str], threading.Event]:
    """Spy on the reader threads' reads, each held until the returned event is set."""
    seen: list[str] = []
    go_on = threading.Event()
    original = dialect._read_on_thread

    def held(sql: str, params: tuple[object, ...]) -> list[object]:
        seen.append(sql)
        assert go_on.wait(10)
        return original(sql, params)

    dialect._read_on_thread = held  # type: ignore[method-assign]
    return seen, go_on


async def test_the_same_read_asked_while_it_runs_is_read_once(store: Store) -> None:
    """A burst of fans asking the same search: the copies asked while it is queued or running
    share its rows instead of each holding a reader for the whole search."""
    dialect = _dialect(store)
    await dialect.execute("CREATE TABLE probe (n INTEGER)")
    await dialect.execute("INSERT INTO probe VALUES (4), (5)")
    seen, go_on = _held_reads(dialect)
    first = asyncio.ensure_future(dialect.all("SELECT n FROM probe WHERE n > ?", (1,)))
    await asyncio.sleep(0.05)
    copies = [
        asyncio.ensure_future(dialect.all("SELECT n FROM probe WHERE n > ?", (1,)))
        for _ in range(3)
    ]
    other = asyncio.ensure_future(dialect.all("SELECT n FROM probe WHERE n > ?", (4,)))
    await asyncio.sleep(0.05)
    go_on.set()
    results = await asyncio.gather(first, *copies, other)
    assert [[r[0] for r in rows] for rows in results] == [[4, 5]] * 4 + [[5]]
    assert len(seen) == 2  # the copies shared the first; other parameters were read
    results[0].clear()  # each caller has a list of its own
    assert [r[0] for r in results[1]] == [4, 5]
    assert await dialect.all("SELECT n FROM probe WHERE n > ?", (1,))  # done: read again
    assert len(seen) == 3


async def test_a_read_asked_after_a_commit_never_shares_an_earlier_one(store: Store) -> None:
    """The same read asked again after a write committed (this process's or another's) is
    read again, not given the rows of the one begun before the write."""
    dialect = _dialect(store)
    await dialect.execute("CREATE TABLE probe (n INTEGER)")
    seen, go_on = _held_reads(dialect)
    before = asyncio.ensure_future(dialect.all("SELECT count(*) FROM probe"))
    await asyncio.sleep(0.05)
    other = sqlite3.connect(dialect.path, isolation_level=None)
    try:
        other.execute("INSERT INTO probe VALUES (1)")  # another process's write, committed
    finally:
        other.close()
    after = asyncio.ensure_future(dialect.all("SELECT count(*) FROM probe"))
    await asyncio.sleep(0.05)
    go_on.set()
    await before
    assert [r[0] for r in await after] == [1]
    assert len(seen) == 2


async def test_a_cancelled_caller_leaves_the_shared_read_to_the_others(store: Store) -> None:
    dialect = _dialect(store)
    seen, go_on = _held_reads(dialect)
    first = asyncio.ensure_future(dialect.all("SELECT 40 + ?", (2,)))
    await asyncio.sleep(0.05)
    copy = asyncio.ensure_future(dialect.all("SELECT 40 + ?", (2,)))
    await asyncio.sleep(0.01)
    first.cancel()
    go_on.set()
    assert [r[0] for r in await copy] == [42]
    assert len(seen) == 1


async def test_the_same_lap_asked_while_it_is_read_is_read_and_converted_once(
    store: Store,
) -> None:
    """Two fans asking the same lap at once: one read and one conversion of its events,
    each caller with a list of its own; another lap is read for itself."""
    await store.replace_article(make_article())
    dialect = _dialect(store)
    seen, go_on = _held_reads(dialect)
    first = asyncio.ensure_future(store.lap_events(lap=12))
    await asyncio.sleep(0.05)
    copy = asyncio.ensure_future(store.lap_events(lap=12))
    other = asyncio.ensure_future(store.lap_events(lap=13))
    await asyncio.sleep(0.05)
    go_on.set()
    found, again, none = await asyncio.gather(first, copy, other)
    assert [e.description for e in found] == ["Ann and Bob collide"]
    assert again == found and again is not found
    assert none == []
    assert len(seen) == 2  # lap 12 once, lap 13 once
