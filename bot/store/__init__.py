"""The store: the only package with SQL in it, on SQLite or PostgreSQL.

Open it with ``async with await Store.open(path_or_url) as store``. :class:`Store` is a
facade over a mixin per domain, each in its module:

- ``articles``: the write path (a whole article in one transaction) and article reads;
- ``queries``: what answers read (people, quotes, events, facts, passages);
- ``recaps``: recap schedules and posts; ``feeds``: feeds and their announcements;
- ``migrations``: the numbered schema steps, one numbering for both databases;
- ``dialect``: every difference between SQLite and PostgreSQL, and nothing else.
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
