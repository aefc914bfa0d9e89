"""Whether an apology was accepted: "did Chastain accept Wallace's apology", "did Y forgive
X". Wallace's apology is found as /apology finds it; what Chastain said after it in the same
story answers whether he took it.

Why its own step: the passages find the words "accept" and "apology" in whatever story has
most of them, which may be another apology of the same two people, made the other way round.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from bot.answers.records import ApologyAnswer

if TYPE_CHECKING:
    from bot.answers.engine import AnswerEngine

__all__ = ["reaction_to_apology"]

#: Quotes of the apology's story read for the reaction (a story holds far fewer).
STORY_QUOTES = 10_000


async def reaction_to_apology(
    engine: AnswerEngine, reacting: str, apologiser: str
) -> ApologyAnswer | None:
    """``apologiser``'s newest apology in a story naming ``reacting``, with ``reacting``'s
    first statement after it in its story; None when there is no apology, or ``reacting`` says
    nothing after it there. Their newest apology of all may be to someone else, in a story
    ``reacting`` is not in: an older one, in a story naming them, is the one asked about."""
    if reacting == apologiser:
        return None
    answer = await engine.apology(person=apologiser)
    if not isinstance(answer, ApologyAnswer) or not answer.apology_parts:
        return None
    if not await _names(engine, answer.article.slug, reacting):
        for slug in await engine.apology_stories(apologiser):
            if slug != answer.article.slug and await _names(engine, slug, reacting):
                older = await engine.apology(slug, person=apologiser)
                if isinstance(older, ApologyAnswer) and older.apology_parts:
                    answer = older
                    break
    last = max(p.paragraph for p in answer.apology_parts)
    quotes = await engine.store.quotes(article=answer.article.slug, limit=STORY_QUOTES)
    theirs = [q for q in quotes if q.speaker == reacting and q.paragraph > last]
    if not theirs:
        return None
    first = min(theirs, key=lambda q: (q.paragraph, q.statement, q.part))
    said = sorted((q for q in theirs if q.statement == first.statement), key=lambda q: q.part)
    return dataclasses.replace(answer, reactions=tuple(said), reported=())


async def _names(engine: AnswerEngine, slug: str, person: str) -> bool:
    """Whether the story ``slug`` names ``person``."""
    return person in {p.name for p in await engine.store.article_people(slug)}
