"""An SQLite file's connections and their set-up: WAL, PRAGMAs, the reader threads' pool,
the writer connection of the write path, and the schema version SQLite keeps itself."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import aiosqlite

from bot.errors import StoreError
from bot.store.dialect.base import Dialect
from bot.store.migrations import Migration

__all__ = ["READERS", "SqliteConnection"]

log = logging.getLogger(__name__)


#: Turning on WAL needs a moment alone with the file: up to 5 s, as for any lock.
_WAL_TRIES, _WAL_PAUSE = 50, 0.1
#: Reader connections (and threads) of an SQLite store: one long search never holds up the
#: quick reads of other commands; more than the machine's two cores would only contend.
READERS = 2


class SqliteConnection(Dialect):
    """The state of an open SQLite store and what sets its connections up; the reads,
    search and statements build on it (:class:`~bot.store.dialect.sqlite.SqliteDialect`)."""

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

    def _writer_conn(self) -> sqlite3.Connection:
        """The writer connection, opened on first use (on its thread: sqlite3's rule)."""
        if self._writer is None:
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA busy_timeout = 5000")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA synchronous = NORMAL")
            self._writer = conn
        return self._writer

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
