"""PostgreSQL's dialect: a psycopg pool, ``?`` as ``%s``, and bm25 ranked as FTS5 ranks it.

The same answers as SQLite from another engine: tsvectors stand in for FTS5's tables
and triggers, and :meth:`PostgresDialect.match` computes FTS5's bm25 from them.

A package, a module for each part, as ``sqlite`` is: ``connection`` (``?`` as ``%s``, the
rows, the synchronous connection of the write path), ``search`` (tsvectors and bm25), and
``dialect``, whose :class:`PostgresDialect` puts them together with the pool, statements,
transactions, the schema and the write path.
"""

from __future__ import annotations

from bot.store.dialect.postgres.connection import PgRow
from bot.store.dialect.postgres.dialect import MIGRATION_LOCK, PostgresDialect

__all__ = ["MIGRATION_LOCK", "PgRow", "PostgresDialect"]
