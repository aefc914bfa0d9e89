"""SQLite's dialect: aiosqlite for statements, reader threads and point reads, FTS5 search.

Everything that is SQLite's own: WAL, PRAGMAs, the writer thread of the write path,
reads on connections of their own (issue 12) and FTS5's bm25, queried as it is fastest.

A package, a module for each part: ``connection`` (the file's connections and their set-up,
the schema version), ``reads`` (where a read runs: reader threads or the loop's own point
reads), ``search`` (FTS5), and ``dialect``, whose :class:`SqliteDialect` puts them together
with the statements, transactions and the synchronous write path.
"""

from __future__ import annotations

from bot.store.dialect.sqlite.connection import READERS
from bot.store.dialect.sqlite.dialect import SqliteDialect

__all__ = ["READERS", "SqliteDialect"]
