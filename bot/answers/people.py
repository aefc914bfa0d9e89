"""People: /who, a profile of someone as the articles give them."""

from __future__ import annotations

import asyncio
import collections
import dataclasses
import itertools
import re
from collections.abc import Callable, Collection
from datetime import date

from bot.answers.lookup import Lookup, Part
from bot.answers.passages import _mentions, forms_of, split_sentences
from bot.answers.quotes import QUOTE_LIMIT
from bot.answers.records import Answer, Found, NotFound, PersonAnswer
from bot.answers.text import clean, normalise, shorten
from bot.models import ArticleSummary, Passage, Person

#: The stories whose sentence giving someone's role a profile cites, newest first: two, so a
#: role one story gives in passing ("Williams team principal James Vowles said") and another
#: states ("said James Vowles, the team principal") both show.
ROLE_STORIES = 2
#: Paragraphs read for a sentence giving someone's role.
ROLE_PASSAGES = 60
#: How many recent role searches choose how the next one reads (see ``People._role_told``).
ROLE_PLAN_MEMORY = 16

__all__ = ["People"]


class People(Part):
    """Who someone is, and what they said."""

    def __init__(self, lookup: Lookup) -> None:
        super().__init__(lookup)
        #: Whether each recent role search found more paragraphs than are read.
        self._role_overflows: collections.deque[bool] = collections.deque(maxlen=ROLE_PLAN_MEMORY)

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
        # The role sentence's search needs none of their quotes: it goes with them, on the
        # other reader, not after them (about 2.5 ms of a /who's 6 at 10,000 articles). Its
        # task is made first: their reported words are a point read, done where they are
        # asked, and would be done before a search started after them was asked.
        names = self.lookup.spellings(full)
        role_told = asyncio.ensure_future(self._role_told(person))
        described, said, told = await asyncio.gather(
            role_told,
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
        return PersonAnswer(
            person,
            tuple(quotes),
            tuple(reported),
            tuple(ordered),
            _role_line(person, described[0].text) if described else "",
            described,
        )

    async def _role_told(self, person: Person) -> tuple[Found, ...]:
        """The sentences giving ``person`` the role their profile holds, verbatim and cited:
        the newest story's first ("Andrea Stella, McLaren's team principal, said ..."), then
        an older story's, one a story. A fan asking "whats stellas job" reads the role in the
        article's own words, not only the card's line."""
        if not person.role or person.role.split()[-1] in _ONE_OF_MANY:
            return ()  # "driver": a word every race story uses near every name
        role = re.compile(rf"(?<!\w){_spaced(person.role)}(?!\w)", re.IGNORECASE)
        # The sentence names them by surname and writes every word of the role: paragraphs
        # holding all of those, not any (any of "team" or "race" is most paragraphs of a big
        # store, every one ranked per /who: 50 ms at 10,000 articles, 500 at 100,000).
        terms = [*normalise(person.name).split()[-1:], *normalise(person.role).split()]
        # Their name, not their aliases: "Red Bull team principal" is also Horner's.
        forms = forms_of(Person(person.name))
        # The sentences come newest story first, so the ranking only chooses which paragraphs
        # are read (the best ``ROLE_PASSAGES``) and orders those of one day and paragraph
        # number. Read unranked (bm25 weighs each word by counting every paragraph holding
        # "team", "principal": three quarters of a search at 10,000 articles), the matches
        # are all of them when no more than that many are found, and the ranking is asked
        # for only when more are found or two sentences tie. Where most searches find more
        # (a big store: nearly every one at 100,000 articles), they are ranked at once.
        recent = self._role_overflows
        ranked = self.store.passages_matching
        if sum(recent) * 2 <= len(recent):
            found = await self.store.passages_holding(terms, limit=ROLE_PASSAGES + 1)
            recent.append(len(found) > ROLE_PASSAGES)
            told = None if recent[-1] else _role_sentences(found, role, forms, ranked=False)
            if told is not None:
                return told
            passages = await ranked(terms, limit=ROLE_PASSAGES, every=True)
        else:
            passages = await ranked(terms, limit=ROLE_PASSAGES, every=True)
            recent.append(len(passages) == ROLE_PASSAGES)
        return _role_sentences(passages, role, forms, ranked=True) or ()


def _role_sentences(
    passages: list[Passage], role: re.Pattern[str], forms: Collection[str], *, ranked: bool
) -> tuple[Found, ...] | None:
    """The first sentence giving the ``role`` beside one of ``forms`` in each of the newest
    ``ROLE_STORIES`` stories among ``passages`` (best first when ``ranked``, which orders
    paragraphs of one day and number). Unranked, None when two such sentences tie, as
    only their ranking orders them."""
    told: dict[str, Found] = {}
    ordered = sorted(passages, key=_day_and_paragraph, reverse=True)
    for _, tied in itertools.groupby(ordered, key=_day_and_paragraph):
        fresh = [
            f for f in map(_role_sentence(role, forms), tied) if f and f.source.slug not in told
        ]
        if len(fresh) > 1 and not ranked:
            return None
        for f in fresh[: ROLE_STORIES - len(told)]:
            told[f.source.slug] = f
        if len(told) == ROLE_STORIES:
            break
    return tuple(told.values())


def _day_and_paragraph(passage: Passage) -> tuple[date, int]:
    """Newest first, then the earlier paragraph first (sorted in reverse); a passage with no
    source last (``date.min``: a date and a number cannot be compared)."""
    return (passage.source.published if passage.source else date.min, -passage.paragraph)


def _role_sentence(
    role: re.Pattern[str], forms: Collection[str]
) -> Callable[[Passage], Found | None]:
    """The first sentence of a passage giving the ``role`` beside one of ``forms``: the role
    beside the name ("Andrea Stella, McLaren's team principal,", "said James Vowles, the
    team principal"), not anywhere in the sentence."""

    def found(passage: Passage) -> Found | None:
        source = passage.source
        if source is None:
            return None
        for a, b in split_sentences(passage.text):
            text = passage.text[a:b].strip()
            m = role.search(text)
            if m and _mentions(text[max(0, m.start() - 60) : m.end() + 60], forms):
                return Found(text, dataclasses.replace(source, paragraph=passage.paragraph))
        return None

    return found


def _spaced(words: str) -> str:
    """``words`` as a pattern any run of blanks between them matches."""
    return r"\s+".join(map(re.escape, words.split()))


def _role_line(person: Person, sentence: str) -> str:
    """Who ``person`` is, said as a fan reads it, from the sentence giving their role:
    "Andrea Stella is McLaren's team principal.", "Tom Ashby is Albon's race engineer."
    (whose role it is, as the sentence writes it: a team's, or a person's he works with).
    With no owner written, the team the profile holds; else the role alone."""
    role = person.role or ""
    owned = re.search(
        rf"(?<![\w'’])(?P<owner>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){{0,2}})(?:['’]s|(?<=s)['’])"
        rf"\s+(?P<role>{_spaced(role)})(?!\w)",
        sentence,
    )
    if owned is not None and owned["owner"].casefold() not in _NOT_OWNERS:
        return f"{person.name} is {owned['owner']}'s {owned['role']}."
    if person.team and role.split()[-1] in _ONE_OF_MANY:
        return f"{person.name} is {_a(person.team)} {person.team} {role}."  # "a McLaren driver"
    if person.team:
        owner = f"{person.team}'" if person.team.endswith("s") else f"{person.team}'s"
        return f"{person.name} is {owner} {role}."
    return f"{person.name} is {_a(role)} {role}."


def _a(word: str) -> str:
    return "an" if word[:1].casefold() in "aeiou" else "a"


#: Roles a team has several of: "a McLaren driver", where a team principal is "McLaren's".
_ONE_OF_MANY = frozenset({"driver", "rider", "co-driver", "navigator", "mechanic"})


#: Capitalised words that may open a sentence before a role, and own nothing.
_NOT_OWNERS = frozenset({"the", "his", "her", "their", "its", "our", "team"})
