"""A past "when" told by the race's place alone: "the package it started in Baku" says when
as "at the Azerbaijan Grand Prix" does. In a season's story a venue named after "in", "at" or
"since" is the race held there, so it answers "when did X start/bring/first run Y"."""

from __future__ import annotations

import re
from functools import lru_cache

from bot.answers.places import place_book
from bot.answers.router._needs import _WHEN_TOLD

__all__ = ["when_told"]


def when_told() -> re.Pattern[str]:
    """What answers a past "when": a date, a race's name, or a venue after a preposition of
    time or place ("since Zandvoort", "in Baku"), for the places file as it stands."""
    return _with_places(place_book().nouns)


@lru_cache(maxsize=4)
def _with_places(nouns: frozenset[str]) -> re.Pattern[str]:
    if not nouns:
        return _WHEN_TOLD
    names = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    return re.compile(
        rf"{_WHEN_TOLD.pattern}|\b(?:at|in|since|from|before|after|until|by)\s+(?:the\s+)?"
        rf"(?:{names})(?!\w)"
    )
