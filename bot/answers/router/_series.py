"""Which stories are a series': the words naming it, the people racing in it, and a round-up's
items headed by it; the headlines' usual series."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from bot.answers.passages import (
    _has,
    stem,
    words_of,
)
from bot.answers.places import place_book
from bot.answers.router._base import RouterBase
from bot.answers.router._reading import (
    _REGISTER_SERIES,
    _WEAK,
    PEOPLE_SCAN,
    _series_named,
    the_register,
)
from bot.answers.understand import (
    SERIES_TEXT,
    Reading,
)
from bot.models import Passage

__all__ = ["SeriesRouter"]

#: Stories read for their round-up items, newest first, at most.
ROUND_UP_SCAN = 12
#: A round-up item's head: a label in capitals, a colon, its title ("NASCAR: Stevens
#: suspended for four races"); no sentence in it.
_ITEM_HEAD = re.compile(r"^([A-Z0-9][A-Z0-9 &'’./-]{0,30}):\s+[^.!?]{3,80}$")
#: Item heads a story must have to be a round-up.
ROUND_UP_ITEMS = 2


def round_up_items(story: list[Passage]) -> list[tuple[str, list[int]]]:
    """A round-up's items, each (its label, its paragraphs): the paragraphs under a head
    like "MOTOGP: Acosta to the factory Ducati" down to the next; [] for any other story."""
    items: list[tuple[str, list[int]]] = []
    for p in story:
        head = _ITEM_HEAD.match(p.text.strip())
        if head and head[1].strip() == head[1].strip().upper():
            items.append((head[1].strip(), [p.paragraph]))
        elif items:
            items[-1][1].append(p.paragraph)
    return items if len(items) >= ROUND_UP_ITEMS else []


def _labels(label: str, series: list[str]) -> bool:
    """Whether an item's label names one of ``series`` ("INDYCAR", "F1", "FORMULA E")."""
    low = label.casefold()
    return any(_has(low, phrase) for one in series for phrase in SERIES_TEXT[one][0])


#: The newest stories whose headlines tell which series a store is mostly about.
USUAL_SERIES_SCAN = 500


def headline_series(headline: str) -> set[str]:
    """The series a headline names in its own words ("Formula 1 confirms ...", "... for the
    FIA World Endurance Championship")."""
    low = headline.casefold()
    return {one for one, (phrases, _) in SERIES_TEXT.items() if any(_has(low, p) for p in phrases)}


def usual_series(headlines: Sequence[str]) -> str | None:
    """The series most of these headlines name: the one a fan who names none means."""
    counts = Counter(one for h in headlines for one in headline_series(h))
    return counts.most_common(1)[0][0] if counts else None


class SeriesRouter(RouterBase):
    """Which stories are a series': its words, its people, a round-up's items."""

    async def _stories_with(self, phrases: list[str], *, lede: bool = False) -> set[str]:
        """Stories whose text (with ``lede``, its first two paragraphs) holds any of
        ``phrases`` (case aside; "re:" marks a pattern)."""
        words = list(
            dict.fromkeys(
                w
                for p in phrases
                for w in words_of(re.sub(r"\(.*?\)|\W\?", " ", p.removeprefix("re:")))
                if w not in _WEAK
            )
        )
        # A word most paragraphs hold ("one", "grand") cannot tell the stories apart and
        # would rank the whole store: only the rarer words are searched for.
        total, counts = await self.engine.store.passage_counts([stem(w) for w in words])
        words = [w for w in words if 0 < counts.get(stem(w), 0) <= max(0.05 * total, 400)]
        if not words:
            return set()
        found: set[str] = set()
        for p in await self.engine.store.passages_matching(words, limit=400):
            low = p.text.casefold()
            if lede and p.paragraph > 2:
                continue
            if p.source and any(_has(low, x) for x in phrases):
                found.add(p.source.slug)
        return found

    async def _series_stories(self, series: str) -> set[str]:
        """Stories of a series: those naming it, or using its words when they name none.

        Worked out once per index (a refresh replaces it): the same few series are asked
        about again and again, and each costs a search over the store's paragraphs.
        """
        index = self.lookup.index
        if self._series_of[0] is not index:
            self._series_of = (index, {})
        kept = self._series_of[1].get(series)
        if kept is not None:
            return kept
        found = set(await self._series_text(series))
        # Stories another series' own words name ("IMSA", "WeatherTech") stay theirs,
        # whoever the register says their drivers usually race against; and one whose
        # opening names another series ("won the Rolex 24") is that series' story, even
        # when an epithet later names this one ("the six-time IndyCar champion").
        theirs: set[str] = set()
        own_lede = await self._series_text(series, lede=True)
        for other in SERIES_TEXT:
            if other != series:
                theirs |= await self._series_text(other) - found
                found -= await self._series_text(other, lede=True) - own_lede
        # Wire copy and features often never name the series, and "Grand Prix of Portland"
        # is no F1 race: the people a story names (as the register knows them) tell it.
        newest = [a.slug for a in index.articles[:PEOPLE_SCAN]]
        checked = [a.slug for a in index.articles if a.slug in found][:PEOPLE_SCAN]
        for slug in dict.fromkeys([*checked, *newest]):
            told = await self._people_series(slug)
            if told is None:
                continue
            if told == series:
                if slug not in theirs:
                    found.add(slug)
            elif slug not in own_lede or slug in await self._series_text(told):
                # People who race in several series (a MotoGP rider now in WorldSBK) do
                # not take a story whose opening names this series and not theirs.
                found.discard(slug)
        # A round-up's opening item names one series and its people race in many: it is a
        # story of every series an item of it is headed with ("NASCAR: ...").
        for slug in sorted(await self._series_text(series) - found):
            items = round_up_items(await self.engine.store.article_passages(slug))
            if any(_labels(label, [series]) for label, _ in items):
                found.add(slug)
        self._series_of[1][series] = found
        return found

    async def _series_text(self, series: str, *, lede: bool = False) -> set[str]:
        """Stories whose own words (with ``lede``, their opening paragraphs') name a series,
        its races or circuits; kept per index."""
        index = self.lookup.index
        if self._series_text_of[0] is not index:
            self._series_text_of = (index, {})
        key = f"{series}:lede" if lede else series
        kept = self._series_text_of[1].get(key)
        if kept is not None:
            return kept
        phrases, apart = SERIES_TEXT[series]
        # Its races and circuits, when the story never names the series ("Bathurst 1000").
        named = sorted(place_book().series_names(series))
        found = await self._stories_with([*phrases, *named], lede=lede)
        for other in apart:
            found -= await self._stories_with(list(SERIES_TEXT[other][0]), lede=lede)
        self._series_text_of[1][key] = found
        return found

    async def _people_series(self, slug: str) -> str | None:
        """The series most of a story's people race in, as the register knows them; None
        when the register knows too few of them or they race in different series."""
        index = self.lookup.index
        if self._people_series_of[0] is not index:
            self._people_series_of = (index, {})
        known = self._people_series_of[1]
        if slug in known:
            return known[slug]
        register = the_register()
        votes: dict[str, float] = {}
        for person in await self.engine.store.article_people(slug) if register else ():
            found = register.find(person.name) if register else ()
            if len(found) != 1:
                continue
            ours = {_REGISTER_SERIES[s] for s in found[0].series if s in _REGISTER_SERIES}
            for one in ours:
                votes[one] = votes.get(one, 0.0) + 1 / len(ours)
        told = None
        if votes:
            best, count = max(votes.items(), key=lambda kv: kv[1])
            if count >= 2 and count >= 0.6 * sum(votes.values()):
                told = best
        known[slug] = told
        return told

    # -- a round-up's items: each a story of its own ------------------------------------

    async def _items_asked(
        self, reading: Reading, slugs: list[str] | None
    ) -> dict[str, frozenset[int]] | None:
        """The paragraphs of each round-up among ``slugs`` under the items about the series
        the question names ("NASCAR: Stevens suspended ..."), none when it has no such item;
        None when the question names no series. A round-up names every series it covers,
        but only an item's own paragraphs tell that series' news: "when does the nascar
        season start" is not answered by the IndyCar item's "the season opener"."""
        asked = _series_named(reading.tokens)
        if not asked or not slugs:
            return None
        within: dict[str, frozenset[int]] = {}
        for slug in slugs[:ROUND_UP_SCAN]:
            items = round_up_items(await self.engine.store.article_passages(slug))
            if items:
                within[slug] = frozenset(
                    p for label, paragraphs in items if _labels(label, asked) for p in paragraphs
                )
        return within or None
