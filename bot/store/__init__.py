"""The store: the only package with SQL in it, on SQLite or PostgreSQL.

Open it with ``async with await Store.open(path_or_url) as store``. :class:`Store` is a
facade over a mixin per domain, each in its module:

- ``articles``: the write path (a whole article in one transaction) and article reads;
- ``queries``: what answers read, a module per kind (people, quotes, events, facts, passages);
- ``recaps``: recap schedules and posts; ``feeds``: feeds and their announcements;
- ``migrations``: the numbered schema steps, one numbering for both databases;
- ``dialect``: every difference between SQLite and PostgreSQL, and nothing else.

On PostgreSQL: ``PITWALL_DATABASE=postgresql://user:password@host:port/db`` (the settings
hold it as a :class:`DatabaseUrl`, whose repr hides the password), then
``Store.open(settings.database)`` as for a file; the database must exist and its user may
create tables (citext and pg_trgm are created by the first migration: trusted extensions).
``store.location`` names the store without its password. A transaction spanning several
statements is ``async with store.dialect.transaction():`` (every statement of the task
inside it runs on one connection); migrations hold the advisory transaction lock
``MIGRATION_LOCK`` in ``dialect.postgres``, so other advisory locks use another class id.
"""

from __future__ import annotations

from bot.store.articles import StoredArticle
from bot.store.dialect import DatabaseUrl, is_database_url, pg_failure, redact
from bot.store.facade import Store
from bot.store.feeds import Announcement, FeedInfo, FeedItem
from bot.store.migrations import MIGRATIONS, Migration
from bot.store.recaps import RecapAdvance, RecapPost, RecapSchedule
from bot.store.records import StoreStats
from bot.store.text import fts_query, fts_terms, text_hash

__all__ = [
    "MIGRATIONS",
    "Announcement",
    "DatabaseUrl",
    "FeedInfo",
    "FeedItem",
    "Migration",
    "RecapAdvance",
    "RecapPost",
    "RecapSchedule",
    "Store",
    "StoreStats",
    "StoredArticle",
    "fts_query",
    "fts_terms",
    "is_database_url",
    "pg_failure",
    "redact",
    "text_hash",
]
