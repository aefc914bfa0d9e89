"""Years: as fans type them, and as a story's paragraphs tell them.

Fans type a year in two digits when it is plain from the words around it that a year is
meant: "back in '07", "who won in 84", "the 89 season", "hungary 07". Read as four digits
("2007", "1984"), such a year dates the question the way a written-out year does, and a
number that only happens to stand there ("after 31 laps", "turn 10", "finished in 14th") is
left alone.

A story looking back over many seasons names each year once, where its telling begins ("In
1984 Niki Lauda and Alain Prost had the car to beat."), and the paragraphs after it go on
about that season without repeating it ("The half point came from Monaco."). A year asked
about holds for the paragraph naming it and for the few after it, until a paragraph names
another year: the question "what happened at suzuka in 89" is answered by the 1989
paragraph's sentences, none of which need say "1989".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Protocol

from bot.models import Passage

__all__ = ["CARRIED_PARAGRAPHS", "LOOKED_BACK", "looking_back", "spoken_years", "year_paragraphs"]

#: Paragraphs after the one naming a year that go on about it, at most, when none of them
#: names a year: a story's telling of a season runs a few paragraphs, no further.
CARRIED_PARAGRAPHS = 3

#: Paragraphs naming a year read to find the stories that look back on it, and those stories
#: read whole, at most.
YEAR_PARAGRAPHS = 40
YEAR_STORIES = 6
#: How many years before its own a story must name a year to be looking back on it.
LOOKED_BACK = 2

#: Words after a number that say it counts something, so it is no year ("in 12 laps").
_COUNTED = (
    r"laps?|points?|pts|hours?|h|seconds?|secs?|s|minutes?|mins?|years?|races?|rounds?|"
    r"stages?|drivers?|riders?|teams?|cars?|places?|positions?|spots?|percent|km|miles?|"
    r"mph|kph|kg|m|st|nd|rd|th|of"
)
#: What a two-digit year can never be followed by: a unit, or more of a number ("12.5").
_NOT_AFTER = rf"(?![-:%.,/]?\d)(?!\s*(?:{_COUNTED})\b)"
#: "'07", "’89": an apostrophe standing for the century, as fans and headlines write it.
_ELIDED = re.compile(r"(?<![\w'’‘])['’‘](\d{2})\b")
#: "in 84", "back in 07", "since 09": a preposition of time before the number.
_AFTER_WORD = re.compile(rf"\b(in|since|during)\s+(\d{{2}})\b{_NOT_AFTER}", re.I)
#: "the 84 title", "89 season": the number before a word only a season is.
_BEFORE_WORD = re.compile(
    r"\b(\d{2})(\s+(?:season|title|championship|decider|finale|campaign|crown)\b)", re.I
)
#: A place's name, then the number: "hungary 07", "suzuka 89" (see ``spoken_years``).
_AFTER_NAME = re.compile(rf"\b([a-z]+)\s+(\d{{2}})\b{_NOT_AFTER}", re.I)
#: A year written out in a story's paragraph.
_WRITTEN = re.compile(r"\b(19[0-9]\d|20[0-9]\d)\b")


def _four(digits: str, newest: int) -> str:
    """``digits`` as a year: this century's up to a year past the newest story's, else the
    last century's ("07" -> 2007, "84" -> 1984, with stories of 2026)."""
    short = int(digits)
    return str((2000 if short <= newest % 100 + 1 else 1900) + short)


def spoken_years(text: str, newest: int, places: frozenset[str] = frozenset()) -> str:
    """``text`` with each year typed in two digits written out in four; ``newest`` is the
    year of the newest story, ``places`` the folded names of places (a number after a
    place's name is the year of its race: "brazil 07")."""
    text = _ELIDED.sub(lambda m: _four(m[1], newest), text)
    text = _AFTER_WORD.sub(lambda m: f"{m[1]} {_four(m[2], newest)}", text)
    text = _BEFORE_WORD.sub(lambda m: f"{_four(m[1], newest)}{m[2]}", text)
    return _AFTER_NAME.sub(
        lambda m: f"{m[1]} {_four(m[2], newest)}" if m[1].casefold() in places else m[0], text
    )


def year_paragraphs(paragraphs: Sequence[Passage], year: str) -> frozenset[int]:
    """The paragraphs of one story telling of ``year``: each naming it, and up to
    :data:`CARRIED_PARAGRAPHS` after one naming it alone, until one names another year. A
    paragraph naming several years ("in 2014 and 2016") runs through them, and tells none of
    the next."""
    told: set[int] = set()
    carried = 0
    for p in sorted(paragraphs, key=lambda p: p.paragraph):
        named = set(_WRITTEN.findall(p.text))
        if year in named:
            told.add(p.paragraph)
            carried = CARRIED_PARAGRAPHS if len(named) == 1 else 0
        elif named:
            carried = 0
        elif carried:
            told.add(p.paragraph)
            carried -= 1
    return frozenset(told)


class _Paragraphs(Protocol):
    """What :func:`looking_back` reads of the store."""

    async def passages_matching(
        self, terms: Sequence[str], *, slugs: Sequence[str] | None = None, limit: int = 40
    ) -> list[Passage]: ...

    async def stories_passages(self, slugs: Sequence[str]) -> dict[str, list[Passage]]: ...


async def looking_back(
    store: _Paragraphs,
    year: str,
    slugs: Sequence[str] | None,
    words: Sequence[str] = (),
    naming: Callable[[str], bool] | None = None,
) -> dict[str, frozenset[int]]:
    """The stories among ``slugs`` (None: any) looking back on ``year``, each with its
    paragraphs telling of it (:func:`year_paragraphs`): those naming it whose paragraphs
    holding the question's ``words`` rank first, and with ``naming``, only those with a
    paragraph of the year it holds for (one naming the place asked).

    A story looks back on a year :data:`LOOKED_BACK` or more before its own: last season
    named in today's news ("running wide there in 2025") is a comparison its sentence makes,
    and a year to come ("a seat for 2028") is told in the sentence naming it."""
    found = await store.passages_matching([year, *words], slugs=slugs, limit=YEAR_PARAGRAPHS)
    later = [
        p.source.slug
        for p in found
        if p.source is not None
        and p.source.published.year - int(year) >= LOOKED_BACK
        and year in _WRITTEN.findall(p.text)
    ]
    scopes: dict[str, frozenset[int]] = {}
    candidates = list(dict.fromkeys(later))
    stories = await store.stories_passages(candidates)  # one read, not one per story
    for slug in candidates:
        story = stories.get(slug, [])
        told = year_paragraphs(story, year)
        if naming is None or any(naming(p.text) for p in story if p.paragraph in told):
            scopes[slug] = told
        if len(scopes) == YEAR_STORIES:
            break
    return scopes
