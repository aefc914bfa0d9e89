"""The PostgreSQL dialect itself: a psycopg pool for the statements, transactions, the schema
and its migrations, and the synchronous write path (with the tsvectors it fills)."""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import logging
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, cast

from bot.errors import StoreError
from bot.store.dialect.base import SyncConnection, T
from bot.store.dialect.postgres.connection import _pg_rows, _pg_sql, _PgSync
from bot.store.dialect.postgres.search import PostgresSearch, _Corpus, _tsvector
from bot.store.dialect.urls import _clean, redact
from bot.store.migrations import Migration
from bot.store.text import index_terms

# psycopg is imported where PostgreSQL is used, not here: importing it costs about 0.3 s of
# every start, and a bot on SQLite never needs it (issue 12: start to READY).
if TYPE_CHECKING:
    import psycopg
    from psycopg_pool import AsyncConnectionPool

__all__ = ["MIGRATION_LOCK", "PostgresDialect"]

log = logging.getLogger(__name__)


#: The advisory lock (two-key form: class, object) migrations take, so two processes starting
#: on a new database apply each step once. Shard locks use another class.
MIGRATION_LOCK = (0x50495457, 0)  # "PITW", 0


class PostgresDialect(PostgresSearch):
    """PostgreSQL through psycopg 3: an async pool for the statements, and one synchronous
    connection, opened at the first article write, for the write path on its thread.

    Every connection is in autocommit; a transaction is opened explicitly (``transaction``,
    or BEGIN in the write path), so nothing is ever left open by accident.
    """

    name = "postgresql"
    begin_write = "BEGIN"
    people_folded_probe = (
        "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() "
        "AND table_name = 'people' AND column_name = 'folded'"
    )
    # SQLite's REPLACE deletes the row and stores a new one (a new rowid); this keeps the row.
    upsert_article_person = (
        "INSERT INTO article_people(article_id, person_id, role, team) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (article_id, person_id) DO UPDATE SET role = excluded.role, "
        "team = excluded.team"
    )
    like = "ILIKE"
    joined_aliases = (
        "SELECT person_id, string_agg(alias::text, chr(31)) FROM person_aliases GROUP BY person_id"
    )

    def __init__(self, url: str, pool: AsyncConnectionPool[Any]) -> None:
        import psycopg

        PostgresDialect.error = psycopg.Error  # set here: psycopg is imported lazily
        super().__init__()
        self._url = url
        self._pool: AsyncConnectionPool[Any] | None = pool
        self._tx: contextvars.ContextVar[psycopg.AsyncConnection[Any] | None] = (
            contextvars.ContextVar("pitwall_store_tx", default=None)
        )
        self._writer: _PgSync | None = None
        self._thread: ThreadPoolExecutor | None = None
        self._intake_columns = False
        self._corpus: dict[str, _Corpus] = {}
        self._df: dict[str, dict[str, int]] = {}
        self._df_version = -1
        self._tables: set[str] = set()

    @classmethod
    async def connect(cls, url: str, *, max_size: int = 10) -> PostgresDialect:
        """Connect (one connection first, so a wrong URL or password fails with one clear
        line), then open the pool."""
        import psycopg
        from psycopg_pool import AsyncConnectionPool, PoolTimeout

        where = redact(url)
        try:
            first = await psycopg.AsyncConnection.connect(url, connect_timeout=10)
            await first.close()
        except psycopg.Error as exc:
            raise StoreError(f"cannot open the store {where}: {_clean(exc, url)}") from None
        pool: AsyncConnectionPool[Any] = AsyncConnectionPool(
            url,
            min_size=1,
            max_size=max_size,
            kwargs={"autocommit": True, "row_factory": _pg_rows},
            open=False,
            name="pitwall-store",
        )
        try:
            await pool.open(wait=True, timeout=30)
        except (psycopg.Error, PoolTimeout) as exc:
            await pool.close()
            raise StoreError(f"cannot open the store {where}: {_clean(exc, url)}") from None
        return cls(url, pool)

    @property
    def location(self) -> str:
        return redact(self._url)

    def describe(self, exc: BaseException) -> str:
        return _clean(exc, self._url)

    @property
    def pool(self) -> AsyncConnectionPool[Any]:
        if self._pool is None:
            raise StoreError("the store is closed")
        return self._pool

    async def close(self) -> None:
        if self._thread is not None:
            thread, self._thread = self._thread, None
            writer, self._writer = self._writer, None
            if writer is not None:
                await asyncio.get_running_loop().run_in_executor(thread, writer.conn.close)
            thread.shutdown(wait=True)
        if self._pool is not None:
            pool, self._pool = self._pool, None
            await pool.close()

    # -- statements ----------------------------------------------------------------------

    @contextlib.asynccontextmanager
    async def _connection(self) -> AsyncIterator[psycopg.AsyncConnection[Any]]:
        """The task's transaction connection inside ``transaction``, else one from the pool."""
        conn = self._tx.get()
        if conn is not None:
            yield conn
            return
        async with self.pool.connection() as conn:
            yield conn

    async def all(self, sql: str, params: Iterable[Any] = ()) -> list[Any]:
        async with self._connection() as conn:
            cursor = await conn.execute(_pg_sql(sql), tuple(params))
            return await cursor.fetchall() if cursor.description else []

    async def execute(self, sql: str, params: Iterable[Any] = ()) -> int:
        async with self._connection() as conn:
            cursor = await conn.execute(_pg_sql(sql), tuple(params))
            return cursor.rowcount

    async def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        batch = [tuple(r) for r in rows]
        if not batch:
            return
        async with self._connection() as conn, conn.cursor() as cursor:
            await cursor.executemany(_pg_sql(sql), batch)

    @contextlib.asynccontextmanager
    async def transaction(self) -> AsyncIterator[None]:
        async with self.lock, self.pool.connection() as conn, conn.transaction():
            token = self._tx.set(conn)
            try:
                yield
            finally:
                self._tx.reset(token)

    async def run_sync(self, work: Callable[..., T], *args: Any) -> T:
        """Run ``work`` with the synchronous connection, on its own thread."""
        self.pool  # noqa: B018 (raises when closed)
        if self._thread is None:
            self._thread = ThreadPoolExecutor(1, thread_name_prefix="pitwall-store")
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._thread, lambda: work(self._writer_conn(), *args))

    def _writer_conn(self) -> _PgSync:
        import psycopg

        if self._writer is None:
            try:
                conn: psycopg.Connection[Any] = psycopg.Connection.connect(
                    self._url, autocommit=True, row_factory=cast(Any, _pg_rows), connect_timeout=10
                )
            except psycopg.Error as exc:
                raise StoreError(
                    f"cannot open the store {self.location}: {_clean(exc, self._url)}"
                ) from None
            self._writer = _PgSync(conn)
        return self._writer

    # -- schema --------------------------------------------------------------------------

    async def schema_version(self) -> int:
        if (await self.all("SELECT to_regclass('pitwall_schema')"))[0][0] is None:
            return 0
        return int((await self.all("SELECT coalesce(max(version), 0) FROM pitwall_schema"))[0][0])

    async def apply_migration(self, migration: Migration) -> None:
        if migration.postgresql is None:
            raise StoreError(
                f"migration {migration.name} has no PostgreSQL version "
                f"(bot/migrations/postgresql/{migration.name})"
            )
        async with self.lock, self.pool.connection() as conn, conn.transaction():
            await conn.execute("SELECT pg_advisory_xact_lock(%s, %s)", MIGRATION_LOCK)
            await conn.execute(
                "CREATE TABLE IF NOT EXISTS pitwall_schema (version INTEGER PRIMARY KEY, "
                "name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
            )
            cursor = await conn.execute("SELECT coalesce(max(version), 0) FROM pitwall_schema")
            row = await cursor.fetchone()
            if row is not None and int(row[0]) >= migration.version:
                log.info("store %s: %s was applied by another process", self.location,
                         migration.name)  # fmt: skip
                return
            await conn.execute(migration.postgresql.encode("utf-8"))
            await conn.execute(
                "INSERT INTO pitwall_schema(version, name) VALUES (%s, %s)",
                (migration.version, migration.name),
            )

    async def data_version(self) -> int:
        rows = await self.all("SELECT articles_version FROM pitwall_meta")
        return int(rows[0][0]) if rows else 0

    async def integrity_check(self) -> str:
        import psycopg

        try:
            await self.all("SELECT count(*) FROM articles")
        except psycopg.Error as exc:
            return _clean(exc, self._url)
        return "ok"

    # -- the synchronous write path ------------------------------------------------------

    def has_intake_columns(self, conn: SyncConnection) -> bool:
        if not self._intake_columns:
            self._intake_columns = (
                conn.execute(
                    "SELECT 1 FROM information_schema.columns WHERE table_schema = "
                    "current_schema() AND table_name = 'articles' AND column_name = 'text_hash'"
                ).fetchone()
                is not None
            )
        return self._intake_columns

    def index_article(self, conn: SyncConnection, article_id: int) -> None:
        """Give the article's quotes their words, and its paragraphs their passages with
        stems: what SQLite's FTS5 tables and triggers do."""
        quotes = conn.execute(
            "SELECT id, text FROM quotes WHERE article_id = ?", (article_id,)
        ).fetchall()
        terms = index_terms("quotes", [row[1] for row in quotes])
        updates = [
            (_tsvector(words), len(words), row[0]) for row, words in zip(quotes, terms, strict=True)
        ]
        conn.executemany("UPDATE quotes SET tsv = ?::tsvector, len = ? WHERE id = ?", updates)
        if not self._has_table(conn, "passages"):
            return
        paragraphs = conn.execute(
            "SELECT idx, text FROM paragraphs WHERE article_id = ? ORDER BY idx", (article_id,)
        ).fetchall()
        conn.execute("DELETE FROM passages WHERE article_id = ?", (article_id,))
        stems = index_terms("passages", [row[1] for row in paragraphs])
        rows = [
            (article_id, row[0], row[1], _tsvector(words), len(words))
            for row, words in zip(paragraphs, stems, strict=True)
        ]
        conn.executemany(
            "INSERT INTO passages(article_id, paragraph, text, tsv, len) "
            "VALUES (?, ?, ?, ?::tsvector, ?)",
            rows,
        )

    def _has_table(self, conn: SyncConnection, table: str) -> bool:
        """Whether ``table`` exists (a store migrated part way, in tests); once seen, kept."""
        if table not in self._tables:
            if conn.execute("SELECT to_regclass(?)", (table,)).fetchone()[0] is None:
                return False
            self._tables.add(table)
        return True

    def articles_changed(self, conn: SyncConnection) -> None:
        conn.execute("UPDATE pitwall_meta SET articles_version = articles_version + 1")
