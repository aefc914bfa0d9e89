"""AnswerEngine: the one facade the cogs, the recap runner and ``python -m bot ask`` call.

Each kind of answer lives in its own module (quotes, laps, apologies, people, facts,
passages) over one shared :class:`~bot.answers.lookup.Lookup`; plain questions go through
the router. This class only wires them together, so a question gets the same answer
wherever it is asked.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import datetime, timedelta

from bot.answers._collector import give_back_memory, long_lived_build, parts_of, release
from bot.answers._kept import Kept, records_in
from bot.answers.apologies import Apologies
from bot.answers.facts import Facts
from bot.answers.laps import Laps
from bot.answers.lookup import Lookup, _Index
from bot.answers.people import People
from bot.answers.quotes import Quotes
from bot.answers.records import Answer, Choice, HelpAnswer
from bot.answers.router import Router
from bot.answers.text import MAX_QUESTION
from bot.answers.understand import prepare_reading
from bot.ingest.resolve import default_register
from bot.models import ArticleSummary
from bot.store import Store

__all__ = ["AnswerEngine"]

#: Answers to plain questions kept until the store changes (least recently asked dropped),
#: up to this many records in all: "what happened on lap 32?" is a lap's every event (1,800
#: records at 100,000 articles), and a count of answers let a few dozen laps' records pile up
#: (40 MB, and every full garbage collection walked them: 100 ms stalls; issue 12).
ANSWER_RECORDS = 4000


class AnswerEngine:
    """Answers fans' questions from the store; cheap lookups come from in-memory indexes."""

    store: Store
    lookup: Lookup

    def __init__(self, store: Store) -> None:
        self.store = store
        self.lookup = Lookup(store)
        self._quotes = Quotes(self.lookup)
        self._laps = Laps(self.lookup)
        self._apologies = Apologies(self.lookup)
        self._people = People(self.lookup)
        self._facts = Facts(self.lookup, self._apologies)
        self._router = Router(self)
        self._answers = Kept(store, ANSWER_RECORDS)
        self._passages = self._router.passages

    @property
    def _index(self) -> _Index:
        return self.lookup.index

    async def refresh(self, *, articles: bool = True) -> None:
        """Rebuild the in-memory indexes from the store: at start and after every ingest.

        ``articles`` False keeps the articles' part as it is (see :meth:`Lookup.refresh`):
        a bot's start, which reads the articles after the people.
        """
        old = self.lookup.index
        with long_lived_build():  # no full garbage collection holds the loop meanwhile
            # The register of people (data/people), read once per process: on a thread here,
            # not on the loop at a fan's first /ask (about 0.3 s, issue 12's loop lag), and
            # beside the store's reads (the index's build does not use it): 0.2 s off a start.
            register = asyncio.ensure_future(asyncio.to_thread(default_register))
            try:
                await self.lookup.refresh(articles=articles)
                # What reading a question keeps per index, built here off the loop, not by
                # the first question after the refresh.
                await asyncio.to_thread(prepare_reading, self.lookup)
            finally:
                await register
        self._apologies.forget()
        self._facts.forget()
        self._laps.forget()
        self._answers.forget()
        if self.lookup.index is not old:
            # Free the replaced index off the loop, a step at a time (see parts_of).
            held = await asyncio.to_thread(parts_of, old)
            del old
            await asyncio.to_thread(release, held)
        await asyncio.to_thread(give_back_memory)  # the build's transient pages

    # -- names and articles (autocomplete, resolving) --------------------------------------

    def resolve_person(self, text: str) -> str | None:
        """Full name for a full name, surname, first name, alias or small typo; else None."""
        return self.lookup.resolve_person(text)

    def suggest_people(self, text: str, limit: int = 5) -> tuple[str, ...]:
        """Names close to ``text``, best first, for a "did you mean"."""
        return self.lookup.suggest_people(text, limit)

    def complete_people(self, current: str, limit: int = 25) -> list[Choice]:
        """Autocomplete people."""
        return self.lookup.complete_people(current, limit)

    def complete_articles(self, current: str, limit: int = 25) -> list[Choice]:
        """Autocomplete articles, newest first."""
        return self.lookup.complete_articles(current, limit)

    def resolve_article(self, text: str | None) -> ArticleSummary | None:
        """The article a slug, date or headline words name; None text → the newest."""
        return self.lookup.resolve_article(text)

    # -- the commands ----------------------------------------------------------------------

    async def quote(self, speaker: str | None = None, contains: str | None = None) -> Answer:
        """/quote: quotes by a speaker and/or containing words; neither → a random one."""
        await self.lookup.wait_for_articles()
        return await self._quotes.quote(speaker, contains)

    async def whosaid(self, phrase: str) -> Answer:
        """/whosaid: who said a phrase; never guesses."""
        await self.lookup.wait_for_articles()
        return await self._quotes.whosaid(phrase)

    async def lap(self, number: int) -> Answer:
        """/lap: what happened on lap ``number``."""
        await self.lookup.wait_for_articles()
        return await self._laps.lap(number)

    async def apology(self, article: str | None = None, *, person: str | None = None) -> Answer:
        """/apology: the newest (or the named) apology and the reactions to it."""
        await self.lookup.wait_for_articles()
        return await self._apologies.apology(article, person=person)

    async def apology_stories(self, person: str) -> list[str]:
        """The stories holding ``person``'s apologies, newest first, as /apology finds them."""
        return await self._apologies.apology_stories(person)

    async def who(self, name: str) -> Answer:
        """/who: a profile of someone."""
        await self.lookup.wait_for_articles()
        return await self._people.who(name)

    async def facts(self, article: str | None = None) -> Answer:
        """/facts: an article's key facts."""
        await self.lookup.wait_for_articles()
        return await self._facts.facts(article)

    async def recap(self, article: str | None = None) -> Answer:
        """/recap: a recap of the newest article, or of the one named."""
        await self.lookup.wait_for_articles()
        return await self._facts.recap(article)

    async def recap_of(
        self,
        slugs: Sequence[str],
        *,
        late_by: timedelta | None = None,
        archive: bool = False,
        due_at: datetime | None = None,
    ) -> Answer:
        """The scheduled recap of these stories."""
        await self.lookup.wait_for_articles()
        return await self._facts.recap_of(slugs, late_by=late_by, archive=archive, due_at=due_at)

    def help(self) -> HelpAnswer:
        """What the bot answers, with examples drawn from what is stored."""
        return self._router.help()

    async def ask(self, question: str) -> Answer:
        """/ask and @mentions: a plain question, routed to the answer that fits it.

        Fans ask the same things ("who won?", "what happened on lap 32?"), and an answer only
        changes when the store does: answers are kept per question until it changes.
        """
        await self.lookup.wait_for_articles()  # answers read them (a start's first seconds)
        if self._router.is_random(question):  # "quote": a random one each time
            return await self._router.ask(question)
        key = question.strip().casefold()[:MAX_QUESTION]
        return await self._answers.get(key, lambda: self._router.ask(question), _weight)


def _weight(answer: Answer) -> int:
    """A kept answer's weight: its records, and one for itself."""
    return 1 + records_in(answer)
