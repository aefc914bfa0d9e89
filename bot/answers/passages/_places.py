"""Places in questions and stories: which places a question asks about, which stories
name so many places that naming one tells nothing, and which sentences name a place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from bot.answers.passages._records import Query, Scored
from bot.answers.passages._words import split_sentences
from bot.answers.places import place_book
from bot.answers.text import normalise
from bot.models import Passage

#: Distinct places a story names (by the places file) that make it a story of many places.
MANY_PLACES = 8


def _place_names() -> re.Pattern[str]:
    """Every name the places file knows, as whole words of a normalised text (built again
    when the file is read again)."""
    book = place_book()
    if _PLACE_PATTERN and _PLACE_PATTERN[0] is book:
        return _PLACE_PATTERN[1]
    names = sorted(book.same, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)")
    _PLACE_PATTERN[:] = [book, pattern]
    return pattern


_PLACE_PATTERN: list[Any] = []


def _asked_places(query: Query) -> frozenset[str]:
    """Every name of the places the question asks about, from the words it is searched by
    (``search_more``: a place's names, word by word; "abu", "dhabi" are one name)."""
    book = place_book()
    words = query.search_more
    out: set[str] = set()
    for size in (1, 2, 3):
        for at in range(len(words) - size + 1):
            name = " ".join(words[at : at + size])
            if name in book.same:
                out |= book.same[name]
    return frozenset(out)


def _crowded_stories(paragraphs: Iterable[Passage], asked: frozenset[str]) -> frozenset[str]:
    """The stories whose paragraphs name :data:`MANY_PLACES` places or more, unless the
    headline is about the place asked (names it, and at most one other place): the
    Monaco report's "the race starts at 3pm" is Monaco's, the calendar's is not."""
    named: dict[str, set[frozenset[str]]] = {}
    headlines: dict[str, str] = {}
    for p in paragraphs:
        if p.source is None:
            continue
        named.setdefault(p.source.slug, set()).update(_places_in(p.text))
        headlines[p.source.slug] = p.source.headline
    out = set()
    for slug, held in named.items():
        if len(held) < MANY_PLACES:
            continue
        told = _places_in(headlines[slug])
        if len(told) <= 2 and any(asked & g for g in told):
            continue
        out.add(slug)
    return frozenset(out)


def _places_in(text: str) -> set[frozenset[str]]:
    """The places a text names, each as every name of it; a nationality ("Italian") or a
    two-letter name ("us") is no place here."""
    book = place_book()
    return {
        book.same[m]
        for m in _place_names().findall(normalise(text))
        if len(m) > 2 and m not in book.adjectives
    }


def _names_place(s: Scored, names: frozenset[str]) -> bool:
    """Whether the sentence is about the place by one of ``names``: it names it, or it names
    no place and the last place its paragraph named before it is that one ("Las Vegas joins
    as a night race. Its promoter said the race would start at 10pm")."""
    spans = split_sentences(s.passage.text)
    for a, b in reversed(spans[: s.position + 1]):
        told = _places_in(s.passage.text[a:b])
        if told:
            return any(names & g for g in told)
    return False


#: A place told as where something is or was: "in our London studio", "at Sepang", "near
#: Concepcion", "in Paris" (the preposition, then a capitalised name). A month or a day
#: after it tells a time ("in February"), a figure a part of the event ("in Q1").
_PLACE_TOLD = re.compile(
    r"\b(?i:in|at|near|outside)\s+(?:(?i:the|our|its|their|his|her)\s+)?"
    r"(?!(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
    r"([A-Z][\w'’-]*[a-z][\w'’-]*)"
)


def tells_place(sentence: str, asked: frozenset[str]) -> bool:
    """Whether a sentence gives a place, other than the one the question names: the shape
    of answer "where" asks for ("where was the podcast recorded": "recorded ... in our
    London studio"), as a turn or a corner is where something happened on a track. A team
    after "at" or "in" ("three seasons at Ferrari", "in Williams colours") is no place, as
    the asked place is none other."""
    from bot.answers.understand import is_team

    if any(
        normalise(m[1]) not in asked and not is_team(m[1]) for m in _PLACE_TOLD.finditer(sentence)
    ):
        return True
    return any(not asked & names for names in _places_in(sentence))
