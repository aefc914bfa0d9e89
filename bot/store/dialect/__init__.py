"""Every difference between SQLite and PostgreSQL, in one package.

The domain modules (articles, queries, recaps, feeds) write their SQL once, with ``?``
placeholders, and talk to the database only through a :class:`Dialect` (``base``): ``all``
to read, ``execute``/``executemany`` to write, ``transaction`` for several statements that
go together, ``run_sync`` for the article write path (plain synchronous statements on one
connection in a thread: an article is some forty statements, and one trip to a thread is
far cheaper than forty). What the two databases do differently is answered here and
nowhere else (``sqlite``, ``postgres``; ``urls`` for telling them apart): connecting,
placeholders, transactions, the schema version, full-text search and its ranking, and the
few statements whose spelling differs.
"""

from __future__ import annotations

from bot.store.dialect.base import Dialect, Match, SyncConnection
from bot.store.dialect.postgres import PostgresDialect
from bot.store.dialect.sqlite import SqliteDialect
from bot.store.dialect.urls import DatabaseUrl, is_database_url, pg_failure, redact

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
