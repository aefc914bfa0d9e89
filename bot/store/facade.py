"""The :class:`Store` facade: one object, a mixin per domain, the dialect underneath."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Self

import aiosqlite

from bot.errors import StoreError
from bot.store.articles import ArticlesMixin
from bot.store.dialect import Dialect, PostgresDialect, SqliteDialect, is_database_url
from bot.store.feeds import FeedsMixin
from bot.store.migrations import MIGRATIONS, Migration
from bot.store.queries import QueriesMixin
from bot.store.recaps import RecapsMixin
from bot.store.stories import StoryReadsMixin

__all__ = ["Store"]

log = logging.getLogger(__name__)


class Store(ArticlesMixin, QueriesMixin, RecapsMixin, FeedsMixin, StoryReadsMixin):
    """Pitwall's store; open with ``async with await Store.open(path) as store``.

    Mixins rather than composed per-domain objects: every caller keeps calling
    ``store.quotes(...)`` or ``store.begin_recap_post(...)``, each domain's SQL lives in its
    own module, and all of them share one dialect (the only place SQLite and PostgreSQL
    differ) through :class:`~bot.store._base.StoreBase`.
    """

    def __init__(self, dialect: Dialect) -> None:
        self._dialect = dialect
        self._article_writes = 0

    @classmethod
    async def open(cls, target: Path | str, *, migrate: bool = True) -> Self:
        """Connect, configure and migrate; a database Pitwall cannot use is refused.

        ``target`` is an SQLite file's path, or a ``postgresql://user:password@host:port/db``
        URL (its password never appears in a log line or an error).
        """
        dialect: Dialect
        if is_database_url(target):
            dialect = await PostgresDialect.connect(str(target))
        else:
            dialect = await SqliteDialect.connect(Path(target))
        store = cls(dialect)
        try:
            if migrate:
                await store.migrate()
        except BaseException:
            await dialect.close()
            raise
        return store

    @property
    def dialect(self) -> Dialect:
        return self._dialect

    @property
    def location(self) -> str:
        """Where the store is, for logs and messages: a file's path, or a URL sans password."""
        return self._dialect.location

    @property
    def path(self) -> Path:
        """The SQLite file (SQLite only)."""
        if not isinstance(self._dialect, SqliteDialect):
            raise StoreError("this store is not an SQLite file")
        return self._dialect.path

    @property
    def db(self) -> aiosqlite.Connection:
        """The SQLite connection, for tests that look under the store (SQLite only)."""
        if not isinstance(self._dialect, SqliteDialect):
            raise StoreError("this store is not an SQLite file")
        return self._dialect.db

    async def close(self) -> None:
        await self._dialect.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    async def migrate(self, migrations: Sequence[Migration] = MIGRATIONS) -> int:
        """Apply every migration newer than the database; each one in its own transaction."""
        where = self._dialect.location
        try:
            current = await self.schema_version()
        except self._dialect.error as exc:
            raise StoreError(
                f"{where} is not a usable Pitwall database: {self._dialect.describe(exc)}"
            ) from exc
        latest = migrations[-1].version if migrations else 0
        if current > latest:
            raise StoreError(
                f"{where} has schema version {current}, newer than this Pitwall "
                f"understands ({latest}); upgrade Pitwall or use another PITWALL_DATABASE"
            )
        for migration in migrations:
            if migration.version <= current:
                continue
            log.info("store %s: applying migration %s", where, migration.name)
            try:
                await self._dialect.apply_migration(migration)
            except self._dialect.error as exc:
                # Another process (a second shard starting on a new store) may have applied
                # it first, between our reading the version and taking the write lock.
                if await self.schema_version() >= migration.version:
                    log.info("store %s: %s was applied by another process", where,
                             migration.name)  # fmt: skip
                    continue
                raise StoreError(
                    f"{where}: migration {migration.name} failed: {self._dialect.describe(exc)}"
                ) from exc
        return latest
