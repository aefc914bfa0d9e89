"""Passages (bot/answers/passages/): every paragraph, full-text indexed with stemming, the
general answer's candidates."""

from __future__ import annotations

from collections.abc import Sequence

from bot.models import Passage
from bot.store._base import StoreBase
from bot.store.records import PASSAGE_COLUMNS, passage, passages_by_story
from bot.store.text import FTS_TERM

__all__ = ["PassageReadsMixin"]


class PassageReadsMixin(StoreBase):
    """Paragraphs by search, by story, and the counts that weigh a search's words."""

    async def passages_matching(
        self,
        terms: Sequence[str],
        *,
        slugs: Sequence[str] | None = None,
        limit: int = 40,
        every: bool = False,
    ) -> list[Passage]:
        """Paragraphs holding any of ``terms`` (with ``every``, all of them; stemmed as the
        index stems), best bm25 first. ``every`` when each term must be there for a paragraph
        to serve: any of a common word ("team") is most of the store, all ranked per call."""
        words = [t for t in dict.fromkeys(terms) if FTS_TERM.fullmatch(t)]
        if not words:
            return []
        if slugs is not None and not slugs:
            return []
        rows = await self._dialect.best_passages(
            words, any_term=not every, slugs=slugs, limit=limit
        )
        return [passage(r) for r in rows]

    async def passages_holding(self, terms: Sequence[str], *, limit: int) -> list[Passage]:
        """Up to ``limit`` paragraphs holding every one of ``terms`` (stemmed as the index
        stems), in no order. Unranked: bm25 counts every paragraph holding each term ("team",
        "principal") to weigh them, where reading a surname's few matches costs a quarter of
        that; a caller that needs the best of more than ``limit`` asks
        :meth:`passages_matching`."""
        words = [t for t in dict.fromkeys(terms) if FTS_TERM.fullmatch(t)]
        if not words:
            return []
        return [passage(r) for r in await self._dialect.passages_holding(words, limit)]

    async def passage_counts(self, stems: Sequence[str]) -> tuple[int, dict[str, int]]:
        """How many passages there are, and how many hold each stemmed term."""
        wanted = [t for t in dict.fromkeys(stems) if t][:64]
        return await self._dialect.passage_counts(wanted)

    async def article_passages(self, slug: str) -> list[Passage]:
        """Every paragraph of one article, in order, as passages."""
        return (await self.stories_passages([slug])).get(slug, [])

    async def stories_passages(self, slugs: Sequence[str]) -> dict[str, list[Passage]]:
        """Every paragraph of each of these articles, in order, by slug (the ones stored).

        One read for them all: a search for a name ties its top sentences in up to dozens
        of stories, each read whole to see which is about them; a read each was a trip to
        a reader thread each (0.3 ms, 10 ms of a "who is" at 10,000 articles)."""
        wanted = list(dict.fromkeys(slugs))
        if not wanted:
            return {}
        # The passages built where the rows are read (dozens of stories: about a thousand
        # paragraphs); lists of the caller's own, as a read may be shared.
        found = await self._read_into(
            f"SELECT {PASSAGE_COLUMNS} FROM passages s JOIN articles a ON a.id = s.article_id "
            f"WHERE a.slug IN ({', '.join('?' * len(wanted))}) ORDER BY a.slug, s.paragraph",
            wanted,
            passages_by_story,
        )
        return {slug: list(story) for slug, story in found.items()}
