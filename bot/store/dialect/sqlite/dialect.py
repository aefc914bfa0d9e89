"""The SQLite dialect itself: connecting and closing, statements and transactions, and the
synchronous write path (with the bulk fill of the FTS5 indexes)."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import aiosqlite

from bot.errors import StoreError
from bot.store.dialect.base import SyncConnection, T
from bot.store.dialect.sqlite.reads import _IN_TRANSACTION, SqliteReads, _plain_read
from bot.store.dialect.sqlite.search import SqliteSearch

__all__ = ["SqliteDialect"]


#: Each FTS5 index the write path fills in bulk: (index, the insert trigger that filled it
#: before the bulk_fts migration, the statement that fills it for the articles ``{ids}``).
_BULK_FTS = (
    (
        "quotes_fts",
        "quotes_ai",
        "INSERT INTO quotes_fts(rowid, text) "
        "SELECT id, text FROM quotes WHERE article_id IN ({ids}) ORDER BY id",
    ),
    (
        "passages_fts",
        "passages_ai",
        "INSERT INTO passages_fts(rowid, text) "
        "SELECT id, text FROM passages WHERE article_id IN ({ids}) ORDER BY id",
    ),
    (
        "events_fts",
        "lap_events_ai",
        "INSERT INTO events_fts(rowid, description, outcome) "
        "SELECT id, description, coalesce(outcome, '') FROM lap_events "
        "WHERE article_id IN ({ids}) ORDER BY id",
    ),
)
#: Article ids bound in one bulk statement (well under SQLite's limit of variables).
_IDS_PER_STATEMENT = 500


class SqliteDialect(SqliteSearch, SqliteReads):
    """SQLite through aiosqlite: one connection for the async statements, WAL so readers
    never wait on the writer, foreign keys on; and one plain sqlite3 connection, opened at
    the first article write, that runs the synchronous write path on its own thread."""

    name = "sqlite"
    begin_write = "BEGIN IMMEDIATE"
    people_folded_probe = "SELECT 1 FROM pragma_table_info('people') WHERE name = 'folded'"
    upsert_article_person = (
        "INSERT OR REPLACE INTO article_people(article_id, person_id, role, team) "
        "VALUES (?, ?, ?, ?)"
    )
    like = "LIKE"
    joined_aliases = (
        "SELECT person_id, group_concat(alias, char(31)) FROM person_aliases GROUP BY person_id"
    )
    error = sqlite3.Error

    @classmethod
    async def connect(cls, path: Path) -> SqliteDialect:
        """Connect and configure; a file that is not a usable database is refused."""
        if path.parent and not path.parent.exists():
            raise StoreError(f"cannot open the store {path}: folder {path.parent} does not exist")
        try:
            db = await aiosqlite.connect(path, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the store {path}: {exc}") from exc
        db.row_factory = aiosqlite.Row
        dialect = cls(path, db)
        try:
            await dialect._configure()
        except BaseException:
            await dialect.close()
            raise
        return dialect

    async def close(self) -> None:
        self._close_point_readers()
        if self._readers is not None:
            readers, self._readers = self._readers, None
            readers.shutdown(wait=True)
            for conn in self._reader_conns:
                conn.close()
            self._reader_conns.clear()
        if self._thread is not None:
            thread, self._thread = self._thread, None
            writer, self._writer = self._writer, None
            if writer is not None:
                await asyncio.get_running_loop().run_in_executor(thread, writer.close)
            thread.shutdown(wait=True)
        if self._db is not None:
            db, self._db = self._db, None
            await db.close()

    # -- statements ----------------------------------------------------------------------

    async def all(self, sql: str, params: Iterable[Any] = ()) -> list[Any]:
        if self._readers is not None and not _IN_TRANSACTION.get() and _plain_read(sql):
            return await self._read(sql, tuple(params))
        # One trip to the connection's thread, not three (execute, fetch, close): under load
        # every trip waits its turn for the thread and for the GIL.
        return list(await self.db.execute_fetchall(sql, tuple(params)))

    async def execute(self, sql: str, params: Iterable[Any] = ()) -> int:
        cursor = await self.db.execute(sql, tuple(params))
        try:
            return cursor.rowcount
        finally:
            await cursor.close()

    async def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        await (await self.db.executemany(sql, rows)).close()

    @contextlib.asynccontextmanager
    async def transaction(self) -> AsyncIterator[None]:
        async with self.lock:
            await self.db.execute("BEGIN IMMEDIATE")
            inside = _IN_TRANSACTION.set(True)  # its reads must see its own writes
            try:
                yield
            except BaseException:
                await self.db.execute("ROLLBACK")
                raise
            finally:
                _IN_TRANSACTION.reset(inside)
            await self.db.execute("COMMIT")

    async def run_sync(self, work: Callable[..., T], *args: Any) -> T:
        """Run ``work`` on the writer connection's own thread, as one queued call.

        A connection of its own rather than aiosqlite's (whose thread and connection are
        private): the write path is plain sqlite3, one trip for a whole batch of articles.
        """
        self.db  # noqa: B018 (raises when closed)
        if self._thread is None:
            self._thread = ThreadPoolExecutor(1, thread_name_prefix="pitwall-store")
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._thread, lambda: work(self._writer_conn(), *args))

    # -- the synchronous write path ------------------------------------------------------

    def has_intake_columns(self, conn: SyncConnection) -> bool:
        # Once there, the columns stay: asked for each article written, so remember a yes.
        if not self._intake_columns:
            self._intake_columns = any(
                row[1] == "text_hash"
                for row in conn.execute("PRAGMA table_info(articles)").fetchall()
            )
        return self._intake_columns

    def index_article(self, conn: SyncConnection, article_id: int) -> None:
        """Copy the article's paragraphs, just written, into passages, in one statement.

        A store older than the bulk_passages migration still has the trigger that copied
        each paragraph as it was written; a store older than passages has no passages.
        """
        if self._passages_trigger:
            found = {
                row[0]
                for row in conn.execute(
                    "SELECT name FROM sqlite_master WHERE name IN "
                    "('passages', 'paragraphs_passages_ai')"
                ).fetchall()
            }
            if found != {"passages"}:
                return
            self._passages_trigger = False  # once gone, it stays gone: ask no more
        conn.execute(
            "INSERT INTO passages(article_id, paragraph, text) "
            "SELECT article_id, idx, text FROM paragraphs WHERE article_id = ? ORDER BY idx",
            (article_id,),
        )

    def index_articles(self, conn: SyncConnection, article_ids: Sequence[int]) -> None:
        """Add the articles' quotes, passages and lap events to their FTS5 indexes, one
        statement per index for the whole batch (see the bulk_fts migration: a row-level
        trigger made FTS5 write a segment per row). A store older than that migration still
        has the insert triggers, which have indexed the rows already; a store older than an
        index's own migration has no such index."""
        found = {
            row[0]: row[1]
            for row in conn.execute(
                "SELECT name, type FROM sqlite_master WHERE name IN "
                "('quotes_fts', 'passages_fts', 'events_fts', "
                "'quotes_ai', 'passages_ai', 'lap_events_ai')"
            ).fetchall()
        }
        wanted = [
            (index, sql)
            for index, trigger, sql in _BULK_FTS
            if index in found and trigger not in found
        ]
        for start in range(0, len(article_ids), _IDS_PER_STATEMENT):
            ids = list(article_ids[start : start + _IDS_PER_STATEMENT])
            marks = ", ".join("?" * len(ids))
            for _, sql in wanted:
                conn.execute(sql.format(ids=marks), ids)
