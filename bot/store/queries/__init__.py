"""The reads answers need, a module per kind: people, quotes, /whosaid's reads, reported
speech, lap events, facts and notes, passages, and articles' rows for the answer index.

:class:`QueriesMixin` gathers them for the :class:`~bot.store.Store` facade, with the few
reads about the store itself (schema version, counts, data version, integrity)."""

from __future__ import annotations

from bot.store.queries.article_rows import ArticleRowsMixin
from bot.store.queries.facts import FactReadsMixin
from bot.store.queries.laps import LapReadsMixin
from bot.store.queries.passages import PassageReadsMixin
from bot.store.queries.people import PeopleReadsMixin
from bot.store.queries.quotes import QuoteReadsMixin
from bot.store.queries.reported import ReportedReadsMixin
from bot.store.queries.whosaid import WhoSaidReadsMixin
from bot.store.records import StoreStats

__all__ = ["QueriesMixin"]


class QueriesMixin(
    PeopleReadsMixin,
    QuoteReadsMixin,
    WhoSaidReadsMixin,
    ReportedReadsMixin,
    LapReadsMixin,
    FactReadsMixin,
    PassageReadsMixin,
    ArticleRowsMixin,
):
    """What the answer engine reads, each a query or two."""

    async def schema_version(self) -> int:
        return await self._dialect.schema_version()

    async def stats(self) -> StoreStats:
        counts = []
        for table in (
            "articles", "people", "quotes", "reported_statements", "lap_events", "facts",
        ):  # fmt: skip
            row = (await self._all(f"SELECT count(*) FROM {table}"))[0]
            counts.append(int(row[0]))
        return StoreStats(*counts, schema_version=await self.schema_version())

    async def version(self) -> tuple[int, int]:
        """A value that changes whenever articles may have changed, here or in another process.

        The database's data version moves when another connection commits; this store's own
        article writes are counted beside it. Answers derived from articles can be kept until
        it moves.
        """
        return await self._dialect.point_data_version(), self._article_writes

    async def integrity_check(self) -> str:
        """The database's own quick check: ``ok``, or what is wrong with it."""
        return await self._dialect.integrity_check()
