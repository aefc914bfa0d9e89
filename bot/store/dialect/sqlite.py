"""SQLite's dialect: aiosqlite for statements, reader threads and point reads, FTS5 search.

Everything that is SQLite's own: WAL, PRAGMAs, the writer thread of the write path,
reads on connections of their own (issue 12) and FTS5's bm25, queried as it is fastest.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import functools
import logging
import re
import sqlite3
import threading
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import aiosqlite

from bot.errors import StoreError
from bot.store.dialect.base import Dialect, Match, SyncConnection, T
from bot.store.migrations import Migration
from bot.store.records import PASSAGE_COLUMNS, PASSAGE_ORDER, QUOTE_COLUMNS, QUOTE_ORDER

__all__ = ["READERS", "SqliteDialect"]

log = logging.getLogger(__name__)


#: Turning on WAL needs a moment alone with the file: up to 5 s, as for any lock.
_WAL_TRIES, _WAL_PAUSE = 50, 0.1
#: Reader connections (and threads) of an SQLite store: one long search never holds up the
#: quick reads of other commands; more than the machine's two cores would only contend.
READERS = 2


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


def _fts5(terms: Sequence[str], prefixes: Sequence[str], any_term: bool) -> str:
    parts = [f'"{t}"' for t in terms] + [f'"{p}" *' for p in prefixes]
    return (" OR " if any_term else " AND ").join(parts)


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
#: How far :meth:`SqliteDialect.speaker_quotes` counts a speaker's quotes and the matches
#: to choose its plan, and how many speaker quotes one match costs as much as when the
#: index drives (a seek into quotes and one into articles, against a list entry).
_PLAN_CAP, _MATCH_SEEK_COST = 2048, 8
_SPEAKER_SIDES = (
    "SELECT (SELECT count(*) FROM (SELECT 1 FROM quotes q JOIN people p ON p.id = q.person_id "
    "WHERE p.name = ? LIMIT ?)), "
    "(SELECT count(*) FROM (SELECT 1 FROM quotes_fts WHERE quotes_fts MATCH ? LIMIT ?))"
)
#: Article ids bound in one bulk statement (well under SQLite's limit of variables).
_IDS_PER_STATEMENT = 500


class SqliteDialect(Dialect):
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

    path: Path
    _db: aiosqlite.Connection | None
    _writer: sqlite3.Connection | None
    _thread: ThreadPoolExecutor | None
    _intake_columns: bool
    #: Whether the paragraphs-to-passages insert trigger may still be there (before 0011).
    _passages_trigger: bool
    _readers: ThreadPoolExecutor | None
    _reader_conns: list[sqlite3.Connection]
    _reader_local: threading.local
    _point_conns: list[sqlite3.Connection]
    _point_local: threading.local
    #: The reads queued or running on the readers, by statement, parameters (and the
    #: conversion, for :meth:`read_into`) and version.
    _reads: dict[tuple[Any, ...], asyncio.Future[Any]]

    def __init__(self, path: Path, db: aiosqlite.Connection) -> None:
        super().__init__()
        self.path = path
        self._db = db
        self._writer = None
        self._thread = None
        self._intake_columns = False
        self._passages_trigger = True
        self._readers = None
        self._reader_conns = []
        self._reader_local = threading.local()
        self._point_conns = []
        self._point_local = threading.local()
        self._reads = {}

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

    @property
    def location(self) -> str:
        return str(self.path)

    @property
    def db(self) -> aiosqlite.Connection:
        if self._db is None:
            raise StoreError("the store is closed")
        return self._db

    async def _configure(self) -> None:
        try:
            await self.db.execute("PRAGMA busy_timeout = 5000")
            await self.db.execute("PRAGMA foreign_keys = ON")
            try:
                row = await self._enable_wal()
            except sqlite3.OperationalError as exc:
                if exc.sqlite_errorcode == sqlite3.SQLITE_READONLY_DIRECTORY:
                    raise StoreError(
                        f"cannot read the store {self.path}: its folder is read-only, and SQLite "
                        f"must create {self.path.name}-wal and -shm beside it; make the folder "
                        "writable for this user"
                    ) from exc
                if exc.sqlite_errorcode & 0xFF != sqlite3.SQLITE_READONLY:
                    raise
                # A read-only file or folder can still be answered from; any write fails
                # where it happens, with its own clear error.
                log.warning(
                    "store %s is read-only: answering from it, but nothing can be saved", self.path
                )
                row = None
            if row and str(row[0]).lower() != "wal":
                log.warning("store %s: journal mode is %s, not WAL", self.path, row[0])
            elif row:
                self._readers = ThreadPoolExecutor(READERS, thread_name_prefix="pitwall-read")
            await self.db.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is not a usable Pitwall database: {exc}") from exc

    async def _enable_wal(self) -> Any:
        """Turn on WAL, waiting while another process holds the lock the switch needs.

        SQLite's busy timeout does not cover this switch: two processes opening a new store
        at once (two shards) would otherwise see "database is locked" straight away.
        """
        for _ in range(_WAL_TRIES - 1):
            try:
                return await (await self.db.execute("PRAGMA journal_mode = WAL")).fetchone()
            except sqlite3.OperationalError as exc:
                if exc.sqlite_errorcode & 0xFF != sqlite3.SQLITE_BUSY:
                    raise
            await asyncio.sleep(_WAL_PAUSE)
        return await (await self.db.execute("PRAGMA journal_mode = WAL")).fetchone()

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

    def _writer_conn(self) -> sqlite3.Connection:
        """The writer connection, opened on first use (on its thread: sqlite3's rule)."""
        if self._writer is None:
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA busy_timeout = 5000")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA synchronous = NORMAL")
            self._writer = conn
        return self._writer

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

    # -- schema --------------------------------------------------------------------------

    async def schema_version(self) -> int:
        row = await (await self.db.execute("PRAGMA user_version")).fetchone()
        return int(row[0]) if row else 0

    async def apply_migration(self, migration: Migration) -> None:
        script = (
            f"BEGIN IMMEDIATE;\n{migration.sql}\n"
            f"PRAGMA user_version = {migration.version};\nCOMMIT;"
        )
        try:
            await self.db.executescript(script)
        except sqlite3.Error:
            if self.db.in_transaction:
                await self.db.execute("ROLLBACK")
            raise

    async def data_version(self) -> int:
        # Per connection: it moves when another connection commits, so always the same one.
        rows = await self.db.execute_fetchall("PRAGMA data_version")
        return int(next(iter(rows))[0])

    async def integrity_check(self) -> str:
        """SQLite's own quick check: ``ok``, or what is wrong with the file."""
        try:
            rows = await self.all("PRAGMA quick_check")
        except sqlite3.DatabaseError as exc:
            return str(exc)
        return "; ".join(str(r[0]) for r in rows)

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

    # -- full-text search ----------------------------------------------------------------

    async def match(
        self,
        table: str,
        alias: str,
        terms: Sequence[str],
        *,
        any_term: bool = False,
        prefixes: Sequence[str] = (),
    ) -> Match:
        fts = f"{table}_fts"
        return Match(
            join=f" JOIN {fts} f ON f.rowid = {alias}.id",
            where=f"{fts} MATCH ?",
            rank=f"bm25({fts})",
            where_params=[_fts5(terms, prefixes, any_term)],
        )

    async def ranked_ids(
        self,
        table: str,
        terms: Sequence[str],
        *,
        any_term: bool = False,
        prefixes: Sequence[str] = (),
        limit: int = 100,
    ) -> list[int]:
        # The index alone: no join to the table for rows that are never shown.
        rows = await self.all(
            f"SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH ? "
            f"ORDER BY bm25({table}_fts) LIMIT ?",
            (_fts5(terms, prefixes, any_term), limit),
        )
        return [int(r[0]) for r in rows]

    async def best_quotes(self, terms: Sequence[str], limit: int) -> list[Any]:
        rows = (
            f"SELECT {QUOTE_COLUMNS} FROM b JOIN quotes q ON q.id = b.id "
            "JOIN articles a ON a.id = q.article_id LEFT JOIN people p ON p.id = q.person_id"
        )
        query = " ".join(f'"{t}"' for t in terms)
        return await self._best(
            "quotes", query, rows, "a.published DESC, q.statement, q.part", limit
        )

    async def best_passages(
        self, terms: Sequence[str], *, any_term: bool, slugs: Sequence[str] | None, limit: int
    ) -> list[Any]:
        if slugs is not None:  # ranked among those articles' paragraphs only
            return await super().best_passages(terms, any_term=any_term, slugs=slugs, limit=limit)
        # Any of a name's words ("Kevin" or "Ricciardo") is 1,800 paragraphs at 10,000
        # articles: joined before sorting, 6 ms a search; ranked first, 2 ms.
        rows = (
            f"SELECT {PASSAGE_COLUMNS} FROM b JOIN passages s ON s.id = b.id "
            "JOIN articles a ON a.id = s.article_id"
        )
        return await self._best("passages", _fts5(terms, (), any_term), rows, PASSAGE_ORDER, limit)

    async def _best(self, table: str, query: str, rows: str, order: str, limit: int) -> list[Any]:
        """The ``limit`` best rows of ``table`` for the FTS5 ``query``: ``rows`` (a SELECT from
        ``b(id, score)`` joined to what it shows) ordered by bm25, then ``order``.

        Ranking inside FTS5 alone and joining only the winners is several times faster than
        joining every match before sorting (10,000 matches: 7 ms, not 18). Ties at the cut
        are all kept for the final sort; if there are more than fit, one query does it all.
        The rows and their order are the same as the joined query's."""
        fts = f"{table}_fts"
        margin = max(4 * limit, 200)
        top = await self.all(
            f"SELECT rowid, bm25({fts}) FROM {fts} WHERE {fts} MATCH ? "
            f"ORDER BY bm25({fts}) LIMIT ?",
            (query, margin),
        )
        if not top:
            return []
        cut = top[min(limit, len(top)) - 1][1]
        if len(top) == margin and top[-1][1] <= cut:
            # More ties at the cut than fit: only the matches scoring at the cut or better
            # are joined and sorted (the same first ``limit``); joining every match first
            # took 3-4 times the ranking's own time with a million quotes.
            return await self.all(
                f"WITH b(id, score) AS (SELECT rowid, bm25({fts}) FROM {fts} WHERE {fts} MATCH ?) "
                f"{rows} WHERE b.score <= ? ORDER BY b.score, {order} LIMIT ?",
                (query, cut, limit),
            )
        best = [(r[0], r[1]) for r in top if r[1] <= cut]
        values = ", ".join("(?, ?)" for _ in best)
        return await self.all(
            f"WITH b(id, score) AS (VALUES {values}) {rows} ORDER BY b.score, {order} LIMIT ?",
            [*(v for pair in best for v in pair), limit],
        )

    async def speaker_quotes(self, speaker: str, terms: Sequence[str], limit: int) -> list[Any]:
        """From the smaller side. Driven by the index, every match (180,000 quotes hold
        "lap" at 100,000 articles) was a seek into quotes to test its speaker: 100-230 ms.
        Driven by the speaker, the index still ranks: its matches are tested against the
        speaker's quote ids (a list built once, unary + keeping FTS5 from seeking each id:
        every seek restarts its cursor and bm25 counts the term's matches again) and only
        theirs are ranked and joined: 12-50 ms. A rare word and a speaker quoted thousands
        of times go the other way round (building the list is about 0.5 µs a quote), so two
        counts (each up to ``_PLAN_CAP``, 0.1-0.5 ms together) choose. The rows, scores
        and order are the same either way (bm25 reads the whole index's statistics)."""
        query = _fts5(terms, (), False)
        # On a reader, not as a point read: the index's pages would fill the loop's own
        # connection's page cache too (up to 2 MB more of the bot's memory).
        said, matches = (await self.all(_SPEAKER_SIDES, (speaker, _PLAN_CAP, query, _PLAN_CAP)))[0]
        if matches * _MATCH_SEEK_COST < said:
            return await super().speaker_quotes(speaker, terms, limit)
        return await self.all(
            "WITH ranked(id, score) AS MATERIALIZED (SELECT f.rowid, bm25(quotes_fts) "
            "FROM quotes_fts f WHERE quotes_fts MATCH ? AND +f.rowid IN (SELECT q.id "
            "FROM quotes q JOIN people p ON p.id = q.person_id WHERE p.name = ?)) "
            f"SELECT {QUOTE_COLUMNS} FROM ranked b JOIN quotes q ON q.id = b.id "
            "JOIN articles a ON a.id = q.article_id LEFT JOIN people p ON p.id = q.person_id "
            f"ORDER BY b.score, {QUOTE_ORDER} LIMIT ?",
            (query, speaker, limit),
        )

    async def passage_counts(self, stems: Sequence[str]) -> tuple[int, dict[str, int]]:
        # max(id) is an index lookup where count(*) reads every row; ids are near enough.
        sql = "SELECT '' AS term, coalesce(max(id), 0) AS doc FROM passages"
        # One "term = ?" per term: fts5vocab looks an equality up, but scans for IN (...).
        sql += "".join(
            " UNION ALL SELECT term, doc FROM passages_vocab WHERE term = ?" for _ in stems
        )
        rows = await self.all(sql, stems)
        counts = {r["term"]: int(r["doc"]) for r in rows if r["term"]}
        total = next(int(r["doc"]) for r in rows if not r["term"])
        return total, counts

    async def quote_term_counts(self, terms: Sequence[str]) -> dict[str, int]:
        if not terms:
            return {}
        # One "term = ?" per word: fts5vocab looks an equality up, but scans for IN (...).
        sql = " UNION ALL ".join("SELECT term, doc FROM quotes_vocab WHERE term = ?" for _ in terms)
        return {r["term"]: int(r["doc"]) for r in await self.all(sql, list(terms))}

    async def quotes_with_prefix(self, prefix: str, cap: int) -> int:
        rows = await self.all(
            "SELECT count(*) FROM (SELECT 1 FROM quotes_fts WHERE quotes_fts MATCH ? LIMIT ?)",
            (f'"{prefix}" *', cap),
        )
        return int(rows[0][0])

    async def ranked_quote_texts(
        self, terms: Sequence[str], *, any_term: bool, prefixes: Sequence[str], limit: int
    ) -> list[tuple[int, str]]:
        # Rank inside the index alone (as ranked_ids), then read only the winners' texts:
        # joining first would read the text of every match before the sort. The ranked
        # subquery is the outer loop (a rowid seek per winner), so its order is kept.
        rows = await self.all(
            "SELECT b.id, q.text FROM (SELECT rowid AS id FROM quotes_fts "
            "WHERE quotes_fts MATCH ? ORDER BY bm25(quotes_fts) LIMIT ?) b "
            "CROSS JOIN quotes q ON q.id = b.id",
            (_fts5(terms, prefixes, any_term), limit),
        )
        return [(int(r[0]), r[1]) for r in rows]
