"""Where an SQLite read runs: reader threads with connections of their own, shared while the
same read is running, or small point reads on the loop's thread (issue 12)."""

from __future__ import annotations

import asyncio
import contextvars
import functools
import re
import sqlite3
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from bot.store.dialect.base import Statement, T
from bot.store.dialect.sqlite.connection import SqliteConnection

__all__ = ["SqliteReads"]


#: Set while the task runs inside :meth:`Dialect.transaction`: its reads stay on its
#: connection, where its uncommitted writes are.
_IN_TRANSACTION: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "pitwall_in_transaction", default=False
)
_WRITE_WORDS = re.compile(r"\b(?:INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER)\b", re.IGNORECASE)


@functools.lru_cache(maxsize=1024)
def _plain_read(sql: str) -> bool:
    """Whether ``sql`` only reads: a SELECT or WITH query naming no writing statement."""
    return sql.lstrip()[:4].upper() in ("SELE", "WITH") and not _WRITE_WORDS.search(sql)


class SqliteReads(SqliteConnection):
    """Plain reads off the main connection: on the readers, or where they are asked."""

    # -- reads on connections of their own (issue 12) -------------------------------------
    # Every statement went through aiosqlite's one thread, in turn: in a burst of commands
    # a lap or a recap (one quick read) waited behind every full-text search queued before
    # it. Plain reads outside a transaction go to a few reader connections instead (WAL lets
    # them read beside the writer; each sees every committed write); writes, PRAGMAs and a
    # transaction's own reads stay on the main connection.

    # A read asked for again while the same one (statement, parameters) is still queued or
    # running, with no commit since it was asked, shares its rows: in a burst of fans'
    # commands the same search comes several times (one word to /quote contains, the same
    # question), and each copy held a reader for the whole search (100 ms at 100,000
    # articles) while every later read queued behind it. No commit between: the database
    # version (``PRAGMA data_version`` on the loop's point-read connection, which moves
    # with every other connection's commit, this process's writer included) is part of
    # the key, so a read asked after a write never gets rows read before it.

    async def _read(self, sql: str, params: tuple[Any, ...]) -> list[Any]:
        readers = self._readers
        if readers is None:  # closed meanwhile: the main connection says so
            return list(await self.db.execute_fetchall(sql, params))
        # Each caller gets a list of its own: one may change what it was given.
        return list(
            await self._shared(readers, (sql, params), lambda: self._read_on_thread(sql, params))
        )

    async def _shared(
        self, readers: ThreadPoolExecutor, asked: tuple[Any, ...], work: Callable[[], T]
    ) -> T:
        """``work()`` on a reader, or the result of the same read (``asked``) queued or
        running since the last commit."""
        try:
            key = (
                *asked,
                int(self._point_conn().execute("PRAGMA data_version").fetchone()[0]),
            )
            running = self._reads.get(key)
        except (sqlite3.Error, TypeError):  # busy; or parameters that are not hashable
            key, running = None, None
        if running is not None:
            return await asyncio.shield(running)
        loop = asyncio.get_running_loop()
        future = loop.run_in_executor(readers, work)
        if key is None:
            return await future
        self._reads[key] = future
        future.add_done_callback(lambda done: self._forget_read(key, done))
        # Shielded: a caller given up on (a cancelled command) leaves the read to the others.
        return await asyncio.shield(future)

    def _forget_read(self, key: tuple[Any, ...], done: asyncio.Future[Any]) -> None:
        if self._reads.get(key) is done:
            del self._reads[key]

    def _read_on_thread(self, sql: str, params: tuple[Any, ...]) -> list[Any]:
        """Run one read on this worker thread's own connection (opened on first use)."""
        conn: sqlite3.Connection | None = getattr(self._reader_local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA busy_timeout = 5000")
            conn.execute("PRAGMA query_only = ON")
            self._reader_local.conn = conn
            self._reader_conns.append(conn)
        return conn.execute(sql, params).fetchall()

    # -- small reads where they are asked (issue 12) --------------------------------------
    # A read of one article's rows (/facts, a recap) takes 0.1-0.5 ms in SQLite, and its trip
    # to a reader thread and back (a queue, a thread to wake, the loop's self-pipe, the GIL
    # each way) cost more than that, and most of its p99 when the machine is busy: the thread
    # waits for a core. Such reads run on the loop's thread, on a connection of their own.
    # One that finds the database busy (a WAL recovery, a checkpoint's restart) does not
    # wait there: busy_timeout is 0, and it goes to the readers as any read does.

    async def point_read(self, sql: str, params: Iterable[Any] = ()) -> list[Any]:
        params = tuple(params)
        if self._db is None or _IN_TRANSACTION.get() or not _plain_read(sql):
            return await self.all(sql, params)
        try:
            return self._point_conn().execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            if exc.sqlite_errorcode & 0xFF not in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
                raise
            return await self.all(sql, params)

    async def point_data_version(self) -> int:
        """``PRAGMA data_version`` on this thread's point-read connection (always the same
        one, so it moves when any other connection commits): no trip to another thread."""
        if self._db is None:
            return await self.data_version()
        return int(self._point_conn().execute("PRAGMA data_version").fetchone()[0])

    async def read_into(
        self, sql: str, params: Iterable[Any], convert: Callable[[list[Any]], T]
    ) -> T:
        # On a reader, the rows are converted where they were read: one trip, and the
        # loop is not held while thousands of records are built. The same read and
        # conversion asked meanwhile shares them, as :meth:`_read` shares rows (a lap's
        # 2,000 events at 100,000 articles: 15-25 ms of a reader): the callers are given
        # the same result, which none may change.
        readers = self._readers
        if readers is None or _IN_TRANSACTION.get() or not _plain_read(sql):
            return await super().read_into(sql, params, convert)
        asked = tuple(params)
        return await self._shared(
            readers, (sql, asked, convert), lambda: convert(self._read_on_thread(sql, asked))
        )

    async def read_then(
        self,
        sql: str,
        params: Sequence[Any],
        then: Callable[[list[Any]], Statement | None],
        key: tuple[Any, ...],
    ) -> list[Any]:
        # Both on one reader, in one trip: a ranked search's ranking, then the winners'
        # rows (``_best``), went to a reader and back twice, each trip a wait for a reader,
        # for the loop to wake and for the GIL (0.2-0.5 ms of a /who's role search).
        readers = self._readers
        if readers is None or _IN_TRANSACTION.get() or not _plain_read(sql):
            return await super().read_then(sql, params, then, key)
        asked = tuple(params)

        def work() -> list[Any]:
            second = then(self._read_on_thread(sql, asked))
            if second is None:
                return []
            return self._read_on_thread(second[0], tuple(second[1]))

        # Each caller gets a list of its own, as from ``_read``.
        return list(await self._shared(readers, (sql, asked, *key), work))

    def _point_conn(self) -> sqlite3.Connection:
        """This thread's point-read connection, opened on first use."""
        conn: sqlite3.Connection | None = getattr(self._point_local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA busy_timeout = 0")
            conn.execute("PRAGMA query_only = ON")
            self._point_local.conn = conn
            self._point_conns.append(conn)
        return conn

    def _close_point_readers(self) -> None:
        for conn in self._point_conns:
            conn.close()
        self._point_conns.clear()
        self._point_local = threading.local()
