"""A past "when" told by the race's place alone: "the package it started in Baku" says when
as "at the Azerbaijan Grand Prix" does. In a season's story a venue right after a past verb
and "in" or "at" ("introduced at Monza", "began in Baku"), or after "since", is the race held
there, so it answers "when did X start/bring/first run Y"; a venue after other words ("would
be used again only in Las Vegas") tells a plan, or where, not when something was done."""

from __future__ import annotations

import re
from functools import lru_cache

from bot.answers.places import place_book
from bot.answers.router._needs import _WHEN_TOLD

__all__ = ["when_told"]

#: A verb in the past right before the venue's preposition: "-ed" or a common irregular one.
_PAST = r"(?:\w+ed|began|begun|ran|brought|took|came|went|made|put|fit|won)"


#: A date that closes a time still to come ("has until Friday to decide", "by Monday"): a
#: deadline, which never tells when something was done.
_DEADLINE = r"(?<!\buntil\s)(?<!\bby\s)"


def when_told() -> re.Pattern[str]:
    """What answers a past "when": a date, a race's name, or a venue after a past verb and
    a preposition ("started in Baku") or after "since" ("since Zandvoort"), for the places
    file as it stands; never a deadline's date."""
    return _with_places(place_book().nouns)


@lru_cache(maxsize=4)
def _with_places(nouns: frozenset[str]) -> re.Pattern[str]:
    told = rf"{_DEADLINE}(?:{_WHEN_TOLD.pattern})"
    if not nouns:
        return re.compile(told)
    names = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    return re.compile(rf"{told}|(?:\b{_PAST}\s+(?:at|in)|\bsince)\s+(?:the\s+)?(?:{names})(?!\w)")
