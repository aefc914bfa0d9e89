"""Of a place's stories, the race's own report tells its classification: "who was p2 in
singapore", "who dnf'd in singapore".

A place has many stories: the report of its race, and the analyses, columns and previews
written around it (what the teams brought, the tyre strategy). Asked who finished where,
or who won or retired there, with no one named, the newest story that answers is kept; an
analysis mentioning a "second-quickest" car or a part that "came off" someone's car answers
in words but not in fact. The story that tells the race as run (its headline or its
opening says who won, finished or retired; a calendar naming the race does not) and was
not written before it is the one that classifies it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable

from bot.answers.router._scope import race_told
from bot.answers.understand import Reading
from bot.store import Store

__all__ = ["CLASSIFICATION_KINDS", "asks_classification", "race_reports"]

#: Kinds asking the race's classification: who won, where someone finished, who retired.
CLASSIFICATION_KINDS = frozenset({"won", "finish", "retire"})


def asks_classification(reading: Reading, kinds: set[str]) -> bool:
    """Whether the question asks a place's classification with no one named; a count
    ("how many times did his team win le mans") is a tally over years, not one race's."""
    return (
        bool(reading.places)
        and not reading.people
        and bool(kinds & CLASSIFICATION_KINDS)
        and "count" not in kinds
    )


async def race_reports(
    store: Store,
    slugs: Iterable[str],
    pre_race: Callable[[str], Awaitable[str | None]],
) -> set[str]:
    """Those of ``slugs`` that tell their race as run (``race_told``), and were not
    written before it (``pre_race``: a preview or a qualifying story)."""
    found: set[str] = set()
    for slug in slugs:
        facts = await store.facts(slug)
        headline = next((f.value for f in facts if f.key == "headline"), "")
        story = await store.article_passages(slug)
        lede = story[0].text if story else ""
        if race_told(headline, lede) and await pre_race(slug) is None:
            found.add(slug)
    return found
