"""Reported speech, and everything said (quotes and reports) in some stories."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.models import Quote, ReportedStatement
from bot.store._base import StoreBase
from bot.store.records import QUOTE_COLUMNS, QUOTE_FROM, quotes_of, source

__all__ = ["ReportedReadsMixin"]


_REPORTED_COLUMNS = (
    "SELECT r.id, r.text, r.paragraph, p.name AS speaker, a.slug, a.headline, a.published, "
    "a.url FROM reported_statements r JOIN articles a ON a.id = r.article_id "
    "JOIN people p ON p.id = r.person_id"
)


def _reported(r: Any) -> ReportedStatement:
    return ReportedStatement(
        r["speaker"], r["text"], r["paragraph"], r["id"], source(r, r["paragraph"])
    )


class ReportedReadsMixin(StoreBase):
    """Statements an article reports rather than quotes, by speaker and article."""

    async def reported(
        self, *, speaker: str | None = None, article: str | None = None
    ) -> list[ReportedStatement]:
        where: list[str] = []
        params: list[Any] = []
        if speaker is not None:
            where.append("p.name = ?")
            params.append(speaker)
        if article is not None:
            where.append("a.slug = ?")
            params.append(article)
        sql = _REPORTED_COLUMNS
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY a.published DESC, r.paragraph"
        # A speaker's or an article's statements are a few indexed rows (at most 16 a
        # speaker at 10,000 articles): read where they are asked (``Dialect.point_read``).
        # On a reader, beside a /who's two longer reads on the two readers, this one
        # waited for a reader to come free (1.3 ms at p50 for a 0.04 ms read).
        read = self._point if where else self._all
        return [_reported(r) for r in await read(sql, params)]

    async def said_in(self, slugs: Sequence[str]) -> tuple[list[Quote], list[ReportedStatement]]:
        """Every quote and reported statement of these articles, in two reads."""
        if not slugs:
            return [], []
        marks = ", ".join("?" * len(slugs))
        # Records built where the rows are read (a search's forty stories: 400 quotes, a
        # few milliseconds of Python the loop would wait for); lists of the caller's own,
        # as a read may be shared (``Dialect.read_into``).
        quotes = await self._read_into(
            f"SELECT {QUOTE_COLUMNS} {QUOTE_FROM} WHERE a.slug IN ({marks}) "
            "ORDER BY q.article_id, q.statement, q.part",
            list(slugs),
            quotes_of,
        )
        told = await self._read_into(
            f"{_REPORTED_COLUMNS} WHERE a.slug IN ({marks}) ORDER BY r.id", list(slugs), _told
        )
        return list(quotes), list(told)


def _told(rows: Sequence[Any]) -> list[ReportedStatement]:
    """Reported statements from rows of ``_REPORTED_COLUMNS``."""
    return [_reported(r) for r in rows]
