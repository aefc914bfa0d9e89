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

from bot.answers.understand import Reading

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
    slugs: Iterable[str], is_report: Callable[[str], Awaitable[bool]]
) -> set[str]:
    """Those of ``slugs`` that ``is_report`` finds tell their race as run (its headline or
    lede says who won, finished or retired: ``race_told``), and were not written before it
    (a preview or a qualifying story): the router's one cached read of each story."""
    return {slug for slug in slugs if await is_report(slug)}
