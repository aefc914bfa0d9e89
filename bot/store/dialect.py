"""Every difference between SQLite and PostgreSQL, in one module.

The domain modules (articles, queries, recaps, feeds) write their SQL once, with ``?``
placeholders, and talk to the database only through a :class:`Dialect`: ``all`` to read,
``execute``/``executemany`` to write, ``transaction`` for several statements that go
together, ``run_sync`` for the article write path (plain synchronous statements on one
connection in a thread: an article is some forty statements, and one trip to a thread is
far cheaper than forty). What the two databases do differently is answered here and
nowhere else: connecting, placeholders, transactions, the schema version, full-text search
and its ranking, and the few statements whose spelling differs.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import functools
import logging
import math
import re
import sqlite3
import threading
from abc import ABC, abstractmethod
from collections.abc import AsyncIterator, Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, LiteralString, Protocol, TypeVar, cast
from urllib.parse import unquote, urlsplit

import aiosqlite

# psycopg is imported where PostgreSQL is used, not here: importing it costs about 0.3 s of
# every start, and a bot on SQLite never needs it (issue 12: start to READY).
if TYPE_CHECKING:
    import psycopg
    from psycopg_pool import AsyncConnectionPool

from bot.errors import StoreError
from bot.store.migrations import Migration
from bot.store.records import QUOTE_COLUMNS, QUOTE_FROM, QUOTE_ORDER
from bot.store.text import index_terms

__all__ = [
    "DatabaseUrl",
    "Dialect",
    "Match",
    "PostgresDialect",
    "SqliteDialect",
    "SyncConnection",
    "is_database_url",
    "pg_failure",
    "redact",
]

log = logging.getLogger(__name__)

T = TypeVar("T")

#: Turning on WAL needs a moment alone with the file: up to 5 s, as for any lock.
_WAL_TRIES, _WAL_PAUSE = 50, 0.1
#: Reader connections (and threads) of an SQLite store: one long search never holds up the
#: quick reads of other commands; more than the machine's two cores would only contend.
READERS = 2
#: Up to this many rows are turned into records on the event loop; more on a worker thread
#: (:meth:`Dialect.read_into`).
CONVERT_ON_LOOP = 200
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


class SyncCursor(Protocol):
    def fetchone(self) -> Any: ...
    def fetchall(self) -> list[Any]: ...


class SyncConnection(Protocol):
    """What the synchronous write path uses: sqlite3's connection API, on either database."""

    @property
    def in_transaction(self) -> bool: ...
    def execute(self, sql: str, params: Sequence[Any] = ..., /) -> SyncCursor: ...
    def executemany(self, sql: str, rows: Iterable[Sequence[Any]], /) -> Any: ...


@dataclass(frozen=True, slots=True)
class Match:
    """A full-text match as SQL: ``FROM <table> <alias>{join} WHERE {where}``, ranked by
    ``rank`` (lower is better, as FTS5's bm25). Params go with ``join``, then ``where``."""

    join: str
    where: str
    rank: str
    join_params: list[Any] = field(default_factory=list)
    where_params: list[Any] = field(default_factory=list)


class Dialect(ABC):
    """One open database: its connections and the SQL that is its own."""

    name: ClassVar[str]
    #: Opens the write transaction of the synchronous write path.
    begin_write: ClassVar[str]
    #: Record a person's role and team in an article, replacing a row already there.
    upsert_article_person: ClassVar[str]
    #: Case-insensitive LIKE.
    like: ClassVar[str]
    #: The errors the driver raises.
    error: ClassVar[type[Exception]]
    #: (person_id, their aliases joined by U+001F) from ``person_aliases``, one row a person.
    joined_aliases: ClassVar[str]

    def __init__(self) -> None:
        # Writes of this process, one at a time: a transaction that awaits between BEGIN and
        # COMMIT (recaps, feeds) must not meet another coroutine's BEGIN or statements.
        self.lock = asyncio.Lock()

    # -- people's folded key (migration people_folded) ---------------------------------
    #: A row when ``people`` has the ``folded`` column (people keyed without case/accents).
    people_folded_probe: ClassVar[str]
    _people_folded: bool = False

    def has_people_folded(self, conn: SyncConnection) -> bool:
        """Whether ``people`` has its folded key (a store older than it writes names only)."""
        if not self._people_folded:  # once there, the column stays: remember a yes
            self._people_folded = conn.execute(self.people_folded_probe).fetchone() is not None
        return self._people_folded

    @property
    @abstractmethod
    def location(self) -> str:
        """Where the store is, fit for a log line or an error message (no password)."""

    def describe(self, exc: BaseException) -> str:
        """The driver's error as one line for a message."""
        return str(exc)

    # -- statements ----------------------------------------------------------------------

    @abstractmethod
    async def all(self, sql: str, params: Iterable[Any] = ()) -> list[Any]:
        """Run one statement and return every row it yields."""

    @abstractmethod
    async def execute(self, sql: str, params: Iterable[Any] = ()) -> int:
        """Run one statement; return how many rows it changed."""

    @abstractmethod
    async def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """Run one statement for each row of parameters."""

    @abstractmethod
    def transaction(self) -> contextlib.AbstractAsyncContextManager[None]:
        """One write transaction, alone: committed on exit, rolled back by an exception.

        Every statement of the task inside it (``all``, ``execute``...) runs in it.
        """

    @abstractmethod
    async def run_sync(self, work: Callable[..., T], *args: Any) -> T:
        """Run ``work(connection, *args)`` on a thread with a synchronous connection."""

    @abstractmethod
    async def close(self) -> None: ...

    async def point_read(self, sql: str, params: Iterable[Any] = ()) -> list[Any]:
        """One small indexed read (one article's rows): where a trip to another thread costs
        more than the read, the dialect may run it where it is asked; else as :meth:`all`."""
        return await self.all(sql, params)

    async def point_data_version(self) -> int:
        """:meth:`data_version`, asked where it is cheapest (see :meth:`point_read`)."""
        return await self.data_version()

    async def read_into(
        self, sql: str, params: Iterable[Any], convert: Callable[[list[Any]], T]
    ) -> T:
        """``convert(rows)`` of one read: many rows are converted on a worker thread."""
        rows = await self.all(sql, params)
        if len(rows) <= CONVERT_ON_LOOP:
            return convert(rows)
        return await asyncio.to_thread(convert, rows)

    # -- schema --------------------------------------------------------------------------

    @abstractmethod
    async def schema_version(self) -> int: ...

    @abstractmethod
    async def apply_migration(self, migration: Migration) -> None:
        """Apply one migration and record its version, in one transaction."""

    @abstractmethod
    async def data_version(self) -> int:
        """A number that moves when another connection commits."""

    @abstractmethod
    async def integrity_check(self) -> str:
        """``ok``, or what is wrong with the database."""

    # -- the synchronous write path ------------------------------------------------------

    @abstractmethod
    def has_intake_columns(self, conn: SyncConnection) -> bool:
        """Whether ``articles`` has the url and text_hash columns (schema 4 on)."""

    def index_article(self, conn: SyncConnection, article_id: int) -> None:  # noqa: B027
        """Index an article's quotes and paragraphs just written, where triggers do not."""

    def articles_changed(self, conn: SyncConnection) -> None:  # noqa: B027
        """Move the data version, in the write's transaction, where the database does not."""

    def index_articles(self, conn: SyncConnection, article_ids: Sequence[int]) -> None:  # noqa: B027
        """Index the articles a batch wrote, in bulk, before it commits, where nothing else
        (triggers, :meth:`index_article`) has."""

    # -- full-text search ----------------------------------------------------------------

    @abstractmethod
    async def match(
        self,
        table: str,
        alias: str,
        terms: Sequence[str],
        *,
        any_term: bool = False,
        prefixes: Sequence[str] = (),
    ) -> Match:
        """Rows of ``table`` (``quotes`` or ``passages``) holding the terms, bm25-ranked.

        ``terms`` are words (never syntax); ``passages`` stem them as their index does.
        ``prefixes`` also match any word starting with them.
        """

    async def ranked_ids(
        self,
        table: str,
        terms: Sequence[str],
        *,
        any_term: bool = False,
        prefixes: Sequence[str] = (),
        limit: int = 100,
    ) -> list[int]:
        """Ids of the ``limit`` best rows of ``table`` for :meth:`match`, best first."""
        match = await self.match(table, "t", terms, any_term=any_term, prefixes=prefixes)
        rows = await self.all(
            f"SELECT t.id FROM {table} t{match.join} WHERE {match.where} "
            f"ORDER BY {match.rank}, t.id LIMIT ?",
            [*match.join_params, *match.where_params, limit],
        )
        return [int(r[0]) for r in rows]

    @abstractmethod
    async def best_quotes(self, terms: Sequence[str], limit: int) -> list[Any]:
        """Rows (``QUOTE_COLUMNS``) of the ``limit`` best quotes holding every term."""

    async def speaker_quotes(self, speaker: str, terms: Sequence[str], limit: int) -> list[Any]:
        """Rows (``QUOTE_COLUMNS``) of the ``limit`` best quotes of ``speaker`` (the exact
        name) holding every term: :meth:`match`'s rank, then the newest article first."""
        match = await self.match("quotes", "q", terms)
        return await self.all(
            f"SELECT {QUOTE_COLUMNS} {QUOTE_FROM}{match.join} WHERE p.name = ? AND {match.where} "
            f"ORDER BY {match.rank}, {QUOTE_ORDER} LIMIT ?",
            [*match.join_params, speaker, *match.where_params, limit],
        )

    @abstractmethod
    async def passage_counts(self, stems: Sequence[str]) -> tuple[int, dict[str, int]]:
        """How many passages there are (near enough), and how many hold each stem."""

    # -- /whosaid's search plan (issue 12): counts from the index, never from a copy -------

    @abstractmethod
    async def quote_term_counts(self, terms: Sequence[str]) -> dict[str, int]:
        """How many quotes hold each word (words as :func:`fts_terms` makes them)."""

    @abstractmethod
    async def quotes_with_prefix(self, prefix: str, cap: int) -> int:
        """How many quotes hold a word starting with ``prefix``, counting no further than
        ``cap``: the caller only asks whether there are few, and a common prefix would
        otherwise cost a pass over most of the index."""

    async def ranked_quote_texts(
        self, terms: Sequence[str], *, any_term: bool, prefixes: Sequence[str], limit: int
    ) -> list[tuple[int, str]]:
        """(id, text) of the ``limit`` best quotes for :meth:`ranked_ids`, best first: the
        ranking and the texts in one round trip (/whosaid scores exactly these texts)."""
        match = await self.match("quotes", "t", terms, any_term=any_term, prefixes=prefixes)
        rows = await self.all(
            f"SELECT t.id, t.text FROM quotes t{match.join} WHERE {match.where} "
            f"ORDER BY {match.rank}, t.id LIMIT ?",
            [*match.join_params, *match.where_params, limit],
        )
        return [(int(r[0]), r[1]) for r in rows]


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
        """Ranking inside FTS5 alone and joining only the winners is several times faster than
        joining every match before sorting (10,000 matches: 7 ms, not 18). Ties at the cut
        are all kept for the final sort; if there are more than fit, one query does it all."""
        query = " ".join(f'"{t}"' for t in terms)
        margin = max(4 * limit, 200)
        top = await self.all(
            "SELECT rowid, bm25(quotes_fts) FROM quotes_fts WHERE quotes_fts MATCH ? "
            "ORDER BY bm25(quotes_fts) LIMIT ?",
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
                "WITH ranked(id, score) AS (SELECT rowid, bm25(quotes_fts) FROM quotes_fts "
                f"WHERE quotes_fts MATCH ?) SELECT {QUOTE_COLUMNS} FROM ranked b "
                "JOIN quotes q ON q.id = b.id JOIN articles a ON a.id = q.article_id "
                "LEFT JOIN people p ON p.id = q.person_id WHERE b.score <= ? "
                "ORDER BY b.score, a.published DESC, q.statement, q.part LIMIT ?",
                (query, cut, limit),
            )
        best = [(r[0], r[1]) for r in top if r[1] <= cut]
        values = ", ".join("(?, ?)" for _ in best)
        return await self.all(
            f"WITH best(id, score) AS (VALUES {values}) SELECT {QUOTE_COLUMNS} FROM best b "
            "JOIN quotes q ON q.id = b.id JOIN articles a ON a.id = q.article_id "
            "LEFT JOIN people p ON p.id = q.person_id "
            "ORDER BY b.score, a.published DESC, q.statement, q.part LIMIT ?",
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


# -- PostgreSQL ------------------------------------------------------------------------------

#: The advisory lock (two-key form: class, object) migrations take, so two processes starting
#: on a new database apply each step once. Shard locks use another class.
MIGRATION_LOCK = (0x50495457, 0)  # "PITW", 0
_MAX_LEXEME = 2046
#: FTS5's bm25 constants.
_K1, _B = 1.2, 0.75
_PASSWORD = re.compile(r"(://[^:/@]*:)[^@]*@")
# libpq also takes the password as a query parameter: postgresql://bot@db/pw?password=...
_PASSWORD_PARAMETER = re.compile(r"(?i)([?&]password=)[^&#]*")


class DatabaseUrl(str):
    """A PostgreSQL URL whose repr hides the password: settings and errors can show it."""

    __slots__ = ()

    def __repr__(self) -> str:
        return repr(redact(self))

    @property
    def redacted(self) -> str:
        return redact(self)


def is_database_url(target: object) -> bool:
    """Whether ``target`` names a PostgreSQL database (a URL) rather than an SQLite file."""
    return isinstance(target, str) and target.startswith(("postgresql://", "postgres://"))


def redact(url: str) -> str:
    """``url`` with its password (if any) replaced by ``***``: fit for logs and errors."""
    return _PASSWORD_PARAMETER.sub(r"\1***", _PASSWORD.sub(r"\1***@", url))


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


def _tsvector(tokens: Sequence[str]) -> str:
    """A tsvector literal holding ``tokens`` at their positions (1-based), as FTS5 keeps them."""
    positions: dict[str, list[int]] = {}
    for i, token in enumerate(tokens[:16383], start=1):
        positions.setdefault(_cut(token), []).append(i)
    return " ".join(f"'{_lexeme(t)}':{','.join(map(str, p[:256]))}" for t, p in positions.items())


def _cut(word: str) -> str:
    """``word`` cut to the longest lexeme PostgreSQL keeps (2 KB; FTS5 has no limit, and no
    real word comes near it)."""
    if len(word) * 4 <= _MAX_LEXEME:
        return word
    return word.encode("utf-8")[:_MAX_LEXEME].decode("utf-8", "ignore")


def _lexeme(word: str) -> str:
    """``word`` quoted for a tsvector or tsquery literal."""
    return _cut(word).replace("\\", "\\\\").replace("'", "''")


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


@dataclass(slots=True)
class _Corpus:
    """What bm25 needs of a whole table: its rows and their words, as of a data version."""

    version: int
    docs: int
    avgdl: float


class PostgresDialect(Dialect):
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

    # -- full-text search ----------------------------------------------------------------

    def _lexemes(self, table: str, words: Sequence[str]) -> list[str]:
        """The index's words for each search word: folded as FTS5 folds, stemmed for passages.

        A word FTS5 would split (``a_b``) gives each of its parts.
        """
        return [_cut(term) for terms in index_terms(table, list(words)) for term in terms]

    async def _hits(self, table: str, queries: Sequence[str]) -> dict[str, int]:
        """How many rows of ``table`` match each one-word tsquery: FTS5's per-phrase count for
        its idf. Kept until articles change (the data version, read in the same trip), since
        the common words of questions come back again and again."""
        cache = self._df.setdefault(table, {})
        if len(cache) > 100_000:  # a bound, for a store whose articles never change
            cache.clear()
        missing = [q for q in dict.fromkeys(queries) if q not in cache]
        counted = await self.all(
            "SELECT (SELECT articles_version FROM pitwall_meta)"
            + "".join(f", (SELECT count(*) FROM {table} WHERE tsv @@ ?::tsquery)" for _ in missing),
            missing,
        )
        version, *found = (int(v) for v in counted[0])
        if version != self._df_version:
            # Articles changed: every count kept may be stale, and those just read are not.
            self._df_version = version
            self._df = {table: dict(zip(missing, found, strict=True))}
            if len(missing) < len(set(queries)):
                return await self._hits(table, queries)
        else:
            cache.update(zip(missing, found, strict=True))
        return self._df[table]

    async def _corpus_of(self, table: str, version: int) -> _Corpus:
        """How many rows ``table`` has and their mean length, recounted when articles change."""
        corpus = self._corpus.get(table)
        if corpus is None or corpus.version != version:
            row = (await self.all(f"SELECT count(*), coalesce(sum(len), 0) FROM {table}"))[0]
            docs = int(row[0])
            corpus = _Corpus(version, docs, float(row[1]) / docs if docs else 1.0)
            self._corpus[table] = corpus
        return corpus

    async def match(
        self,
        table: str,
        alias: str,
        terms: Sequence[str],
        *,
        any_term: bool = False,
        prefixes: Sequence[str] = (),
    ) -> Match:
        """bm25 as FTS5 computes it (k1 1.2, b 0.75, its idf), from the tsvector's positions:
        the same ranks as SQLite, so the same answers."""
        phrases = [(t, False) for t in self._lexemes(table, terms)]
        phrases += [(t, True) for t in self._lexemes(table, prefixes)]
        if not phrases:
            return Match(join="", where="FALSE", rank="0")
        queries = [f"'{_lexeme(t)}'{':*' if prefix else ''}" for t, prefix in phrases]
        tsquery = (" | " if any_term else " & ").join(queries)
        hits = await self._hits(table, queries)
        corpus = await self._corpus_of(table, self._df_version)
        values, params = [], []
        for i, ((term, prefix), query) in enumerate(zip(phrases, queries, strict=True)):
            n = hits[query]
            idf = math.log((corpus.docs - n + 0.5) / (n + 0.5))
            values.append("(?::int, ?::text, ?::float8, ?::boolean)")
            params += [i, term, idf if idf > 0 else 1e-6, prefix]
        # Exact words only (the usual case): an equality the planner can hash, and only the
        # wanted lexemes of each row unnested.
        exact = not any(prefix for _, prefix in phrases)
        on = (
            "u.lexeme = w.term"
            if exact
            else ("u.lexeme = w.term OR (w.prefix AND starts_with(u.lexeme, w.term))")
        )
        # Exact words: the wanted lexemes are weighted A and kept alone (setweight and
        # ts_filter work on the tsvector in C) before unnest builds a row, and a positions
        # array, for each of them: not for every word of every matching row. Every lexeme
        # has positions (_tsvector), so none is dropped; tf is unchanged.
        lateral = (
            "unnest(ts_filter(setweight(t.tsv, 'A', ?::text[]), '{a}'))"
            if exact
            else "unnest(t.tsv)"
        )
        join = (
            f" JOIN (SELECT m.id, -sum(m.idf * m.tf * {_K1 + 1} / (m.tf + {_K1} * "
            f"({1 - _B} + {_B} * m.len / ?::float8))) AS score FROM ("
            "SELECT t.id, t.len, w.i, w.idf, sum(coalesce(array_length(u.positions, 1), 1)) "
            f"AS tf FROM {table} t CROSS JOIN LATERAL {lateral} u "
            f"JOIN (VALUES {', '.join(values)}) w(i, term, idf, prefix) ON {on} "
            "WHERE t.tsv @@ ?::tsquery GROUP BY t.id, t.len, w.i, w.idf) m "
            f"GROUP BY m.id) f ON f.id = {alias}.id"
        )
        if exact:
            params = [[t for t, _ in phrases], *params]
        return Match(
            join=join,
            where="TRUE",
            rank="f.score",
            join_params=[corpus.avgdl, *params, tsquery],
        )

    async def best_quotes(self, terms: Sequence[str], limit: int) -> list[Any]:
        match = await self.match("quotes", "q", terms)
        return await self.all(
            f"SELECT {QUOTE_COLUMNS} {QUOTE_FROM}{match.join} WHERE {match.where} "
            f"ORDER BY {match.rank}, a.published DESC, q.statement, q.part, q.id LIMIT ?",
            [*match.join_params, *match.where_params, limit],
        )

    async def passage_counts(self, stems: Sequence[str]) -> tuple[int, dict[str, int]]:
        rows = await self.all(
            "SELECT (SELECT coalesce(max(id), 0) FROM passages)"
            + "".join(", (SELECT count(*) FROM passages WHERE tsv @@ ?::tsquery)" for _ in stems),
            [f"'{_lexeme(s)}'" for s in stems],
        )
        total, *counts = (int(v) for v in rows[0])
        return total, {s: n for s, n in zip(stems, counts, strict=True) if n}

    async def quote_term_counts(self, terms: Sequence[str]) -> dict[str, int]:
        # The same per-word counts bm25 needs, kept until articles change.
        queries = {t: f"'{_lexeme(_cut(t))}'" for t in terms}
        hits = await self._hits("quotes", list(queries.values())) if queries else {}
        return {t: hits[q] for t, q in queries.items() if hits.get(q)}

    async def quotes_with_prefix(self, prefix: str, cap: int) -> int:
        rows = await self.all(
            "SELECT count(*) FROM (SELECT 1 FROM quotes WHERE tsv @@ ?::tsquery LIMIT ?) s",
            (f"'{_lexeme(_cut(prefix))}':*", cap),
        )
        return int(rows[0][0])


def pg_failure(url: str, exc: BaseException) -> str:
    """One line for a PostgreSQL error met after the store opened; no password in it."""
    return f"the store {redact(url)} failed: {_clean(exc, url)}"


def _clean(exc: BaseException, url: str) -> str:
    """The error's message, first line, with the URL's password (if it appears) hidden."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    password = urlsplit(url).password
    if password:
        text = text.replace(password, "***")
        text = text.replace(unquote(password), "***")
    return redact(text)
