"""People: /who, a profile of someone as the articles give them."""

from __future__ import annotations

import asyncio

from bot.answers.lookup import Part
from bot.answers.quotes import QUOTE_LIMIT
from bot.answers.records import Answer, NotFound, PersonAnswer
from bot.answers.text import clean, shorten
from bot.models import ArticleSummary, Person

__all__ = ["People"]


class People(Part):
    """Who someone is, and what they said."""

    async def who(self, name: str) -> Answer:
        """A profile of the person ``name`` resolves to; unknown → NotFound with close names."""
        full = self.lookup.resolve_person(name)
        if full is None:
            shown = shorten(clean(name, 200)) or "…"
            return NotFound(
                f"Nobody called “{shown}” is named in the articles.",
                self.lookup.suggest_people(name),
            )
        person = self._index.people.get(full) or await self.store.person(full) or Person(full)
        # Independent reads are asked together: they share one trip through the store's
        # queue, where a busy bot's commands otherwise wait a turn per read.
        # A store written before migration 0010 may hold them twice, by two spellings: one
        # person's words, whichever spelling an article used.
        names = self.lookup.spellings(full)
        said, told = await asyncio.gather(
            asyncio.gather(*(self.store.quotes(speaker=n, limit=QUOTE_LIMIT) for n in names)),
            asyncio.gather(*(self.store.reported(speaker=n) for n in names)),
        )
        quotes = [q for part in said for q in part][:QUOTE_LIMIT]
        reported = [r for part in told for r in part]
        articles: dict[str, ArticleSummary] = {}
        by_slug = self._index.by_slug
        for item in [*quotes, *reported]:
            if item.source and item.source.slug not in articles:
                s = item.source
                articles[s.slug] = by_slug.get(s.slug) or ArticleSummary(
                    s.slug, s.published, s.headline
                )
        ordered = sorted(articles.values(), key=lambda a: a.published, reverse=True)
        return PersonAnswer(person, tuple(quotes), tuple(reported), tuple(ordered))
