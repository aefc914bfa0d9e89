"""Articles' rows unconverted, for the answer index: all of them, or those written since it
was built."""

from __future__ import annotations

from typing import Any

from bot.store._base import StoreBase

__all__ = ["ArticleRowsMixin"]


class ArticleRowsMixin(StoreBase):
    """Every article's row or id as read, converted by the caller off the event loop."""

    async def article_rows(self) -> list[Any]:
        """Every article's row, newest first, unconverted: :meth:`articles` for a caller that
        turns 100,000 rows into summaries off the event loop (``records.summary``)."""
        return await self._all(
            "SELECT id, slug, published, headline, url FROM articles "
            "ORDER BY published DESC, id DESC"
        )

    # -- what changed in the articles, for the answer index's update (issue 12) -----------
    # A running bot's answer index takes in only the articles written since it was built
    # (bot/answers/lookup/_article_index.py), not every row again (100,000 rows: 25 MB, 0.5 s).

    async def article_rows_since(self, ingested_at: str) -> list[Any]:
        """The rows of :meth:`article_rows` of the articles written (added or edited) at or
        after ``ingested_at`` (an ISO UTC time, as the store writes them), newest first."""
        return await self._all(
            "SELECT id, slug, published, headline, url FROM articles WHERE ingested_at >= ? "
            "ORDER BY published DESC, id DESC",
            (ingested_at,),
        )

    async def article_ids(self) -> list[Any]:
        """Every article's id, each in a one-item row as read (to find those deleted since an
        index was built; 100,000 rows are turned into a set off the event loop)."""
        return await self._all("SELECT id FROM articles")
