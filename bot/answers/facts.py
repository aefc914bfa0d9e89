"""Facts and recaps: /facts, /recap and the scheduled recap posts."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from bot.answers._kept import Kept
from bot.answers.apologies import Apologies, apology_strength
from bot.answers.lookup import Lookup, Part
from bot.answers.records import (
    Answer,
    ApologyAnswer,
    FactsAnswer,
    NotFound,
    RecapAnswer,
    RecapStory,
)
from bot.models import ArticleSummary, Fact, LapEvent

__all__ = ["Facts"]

log = logging.getLogger(__name__)

#: /facts answers and recap stories kept until the store changes (each a few dozen records).
KEPT_ARTICLES = 128


class Facts(Part):
    """An article's key facts, and recaps of one or more stories."""

    apologies: Apologies
    #: Facts answers and recap stories by (kind, article), until the store changes: an
    #: article's facts and story change only with it, and fans ask for the newest ones.
    _kept: Kept

    def __init__(self, lookup: Lookup, apologies: Apologies) -> None:
        super().__init__(lookup)
        self.apologies = apologies
        self._kept = Kept(self.store, KEPT_ARTICLES)

    def forget(self) -> None:
        """Drop kept answers: the indexes were rebuilt."""
        self._kept.forget()

    async def facts(self, article: str | None = None) -> Answer:
        """The article's facts in stored order, with editor's notes and its lap events."""
        summary = self.lookup.resolve_article(article)
        if summary is None:
            return self.lookup.article_not_found(article or "")
        return await self._kept.get(("facts", summary), lambda: self._facts(summary))

    async def _facts(self, summary: ArticleSummary) -> Answer:
        facts, notes, events, people = await self.store.article_facts(summary.slug)
        return FactsAnswer(summary, tuple(facts), tuple(notes), tuple(events), tuple(people))

    async def _story(self, summary: ArticleSummary) -> RecapStory:
        return await self._kept.get(("story", summary), lambda: self._read_story(summary))

    async def _read_story(self, summary: ArticleSummary) -> RecapStory:
        # One read: the facts, events and quotes, and what an apology's reactions are looked
        # for in (the people and notes /facts shows are not needed here).
        facts, events, quotes, told = await self.store.article_recap(summary.slug)
        # An apology is a speaker's statement with a part that scores 2 or more: in an
        # article where no attributed quote does, the search (several more reads) finds none.
        apology: Answer | None = None
        if any(q.speaker is not None and apology_strength(q.text) >= 2 for q in quotes):
            apology = await self.apologies.apology_among(summary, quotes, told)
        what: tuple[LapEvent | Fact, ...] = tuple(events) if events else tuple(facts[:3])
        attributed = sorted(
            (q for q in quotes if q.speaker), key=lambda q: (q.kind != "direct", q.paragraph)
        )
        key_quote = attributed[0] if attributed else None
        aftermath: ApologyAnswer | Fact | None = None
        if isinstance(apology, ApologyAnswer):
            aftermath = apology
            if key_quote is not None and key_quote in apology.apology_parts:
                others = [q for q in attributed if q not in apology.apology_parts]
                key_quote = others[0] if others else None
        else:
            aftermath = next((f for f in facts if "aftermath" in f.key.casefold()), None)
        return RecapStory(summary, what, key_quote, aftermath)

    async def recap(self, article: str | None = None) -> Answer:
        """A recap of the newest article, or of the one named."""
        summary = self.lookup.resolve_article(article)
        if summary is None:
            return self.lookup.article_not_found(article or "")
        return RecapAnswer((await self._story(summary),))

    async def recap_of(
        self,
        slugs: Sequence[str],
        *,
        late_by: timedelta | None = None,
        archive: bool = False,
        due_at: datetime | None = None,
    ) -> Answer:
        """The scheduled recap of these stories; late ones say so, old ones say "archive"."""
        stories = []
        for slug in slugs:
            summary = await self.store.article(slug)
            if summary is None:
                log.warning("recap: article %s is not in the store; skipped", slug)
                continue
            stories.append(await self._story(summary))
        if not stories:
            return NotFound("None of the stories for this recap are in the store any more.")
        if late_by is not None and due_at is None:
            due_at = datetime.now(UTC) - late_by
        return RecapAnswer(tuple(stories), late_by, archive, due_at)

    # -- plain English -------------------------------------------------------------------
