"""Which stories a question points at: by place, race, lap or turn, series, year or
"the last race".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from bot.answers.passages import (
    _has,
    _mentions,
    forms_of,
    split_sentences,
    stem,
    stems,
    words_of,
)
from bot.answers.places import place_book
from bot.answers.router._base import RouterBase
from bot.answers.router._reading import (
    _OWN_RACE,
    _REGISTER_SERIES,
    _WEAK,
    PEOPLE_SCAN,
    _after_place,
    _before_place,
    _lap_phrases,
    _place_forms,
    _series_named,
    the_register,
)
from bot.answers.router._scope import (
    Scope,
    pre_race_kind,
    scope_asked,
    scope_paragraphs,
    scope_terms,
)
from bot.answers.text import normalise
from bot.answers.understand import (
    SERIES_TEXT,
    Reading,
)
from bot.models import Passage, Person

__all__ = ["StoriesRouter"]

#: Stories read for their race, newest first, at most.
PRE_RACE_SCAN = 12
#: Kinds a story tells of a place it only mentions: when a race there is, what comes next.
_MENTION_KINDS = frozenset({"when", "next"})
#: Kinds only a story of the race itself tells: its result, never one a story recalls.
_RESULT_KINDS = frozenset({"won", "finish", "points", "retire", "penalty"})
_FUTURE = re.compile(
    r"\b(?:will|won't|gonna|going\s+to|plans?\s+to|planning|expect(?:s|ed)?\s+to|"
    r"bringing|upcoming|coming\s+up)\b"
)
#: A question about someone's past at a place ("has X won Le Mans before", "did X ever race
#: at Spa"): a story that only recalls the place tells it ("which he won outright in 2015"),
#: as a story of that race there need not.
_CAREER = re.compile(r"^(?:has|have)\b|\bever\b|\bbefore\s*\??$|\bin\s+the\s+past\b")
#: Stories of a race or series read for the people a question names, at most; and the
#: paragraphs searched for their names.
NAMING_SCAN = 50
NAMING_PASSAGES = 400
_GP = re.compile(r"\b(?:gp|grand\s+prix)\b")
#: Formula E's race by name ("the Monaco E-Prix"): no grand prix, whatever its streets.
_EPRIX = re.compile(r"\be-?prix\b", re.I)


#: A sentence naming a place as where someone goes next, not where the story is.
_AHEAD = re.compile(
    r"\b(?:will|shall|next|heads?\s+(?:next\s+)?to|moves?\s+on|returns?\s+(?:to|at)|"
    r"upcoming|travels?\s+to)\b",
    re.IGNORECASE,
)


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


def _told_at(text: str, wanted: set[str] | frozenset[str]) -> bool:
    """Whether some sentence of ``text`` naming the place (every one of ``wanted``, stemmed)
    tells of it as where the story is, not only as where someone goes next ("X will drive
    ... at Portland on August 30" opens an injury story, not a Portland race's)."""
    naming = [text[a:b] for a, b in split_sentences(text) if wanted <= stems(text[a:b])] or [text]
    return any(not _AHEAD.search(sentence) for sentence in naming)


class StoriesRouter(RouterBase):
    """Which stories a question points at: by place, race, lap or turn, series, year or
    "the last race".
    """

    async def _stories(self, reading: Reading, kinds: set[str]) -> list[str] | None:
        """The stories a question points at by place, race, year or "last race"; None: any."""
        index = self.lookup.index
        allowed: set[str] | None = None
        if reading.year is not None:
            allowed = {a.slug for a in index.articles if a.published.year == reading.year}
        # "the next gp", "who won the last gp": a grand prix is F1's, when the question
        # names no series and no race (a place's own race decides: "the italian gp").
        gp = not reading.places and not _series_named(reading.tokens) and _GP.search(reading.low)
        f1 = await self._series_stories("f1") if gp else set()
        if reading.newest and index.articles:
            newest = index.articles[0].slug
            for slug in [a.slug for a in index.articles if a.slug in f1][:PRE_RACE_SCAN]:
                facts = await self.engine.store.facts(slug)
                if any(f.key == "race" for f in facts) and await self._pre_race(slug) is None:
                    newest = slug  # the last grand prix run: a race's story, not a transfer's
                    break
            allowed = {newest} if allowed is None else allowed
        elif f1:
            allowed = f1 if allowed is None else (allowed & f1) or allowed
        # What comes at a place ("when is spa", "what are mclaren bringing to silverstone")
        # is told by the stories that only mention it.
        mentioned = bool(kinds & _MENTION_KINDS) or bool(_FUTURE.search(reading.low))
        career = bool(reading.people) and _CAREER.search(reading.low) is not None
        at_place: list[set[str]] = []
        before_place: list[set[str]] = []
        for place in reading.places:
            words = [w for w in words_of(place) if w not in ("grand", "prix")] or words_of(place)
            race = place.endswith("grand prix") and not kinds & {"when", "where", "next"}
            own = (
                bool(kinds & _OWN_RACE)
                or race
                or ("next" in kinds and _after_place(reading, place))
            ) and not _before_place(reading, place)  # "ahead going into jerez": not its race
            own = own and not career
            # "the italian gp": a story naming that race, not one calling a driver "the
            # Italian" in its opening ("the indy 500" has no such name: its place decides).
            slugs = await self._race_stories(words) if race else set()
            if not slugs:
                slugs = await self._place_stories(words, own_race=own)
            # "in italy" for a story that says "the Italian Grand Prix" or "Mugello".
            # An adjective alone ("italian") is no place: "the Italian teenager" is a driver.
            adjectives = place_book().adjectives
            others = [f for f in _place_forms(place)[1:] if " ".join(f) not in adjectives]
            slugs |= await self._other_names_stories(others, own_race=own)
            if race and not _EPRIX.search(reading.low):
                # "who won the monaco gp": a grand prix, never the E-Prix run in the same
                # streets (Formula E's race is named so, and "gp" never means it).
                slugs -= self._eprix_stories(slugs)
            if not slugs and own and not kinds & _RESULT_KINDS:
                # "why did Martin miss Sepang": no story is at the place, so the ones
                # naming it in passing ("the collarbone that kept him out of Sepang") tell
                # what befell someone there; a result there they cannot tell.
                slugs = await self._place_stories(words, own_race=False)
                slugs |= await self._other_names_stories(others, own_race=False)
            if not slugs:
                return []
            if _before_place(reading, place) and len(slugs) > 1:
                # "the gap before valencia": the stories that name it as still to come,
                # not the one whose headline is that race's, unless that one is its preview
                # ("going into abu dhabi": the preview tells the gap as the race nears).
                wanted = {stem(w) for w in words}
                before_place.append(
                    {
                        a.slug
                        for a in index.articles
                        if a.slug in slugs
                        and wanted <= stems(a.headline)
                        and await self._pre_race(a.slug) != "preview"
                    }
                )
            elif not own and len(slugs) > 1 and not mentioned:
                # A story is AT the place its headline and opening are about, not every
                # place it names ("returns at Spa next", "won here last year").
                at = await self._place_stories(words, own_race=True) if not race else set()
                at |= await self._other_names_stories(others, own_race=True)
                at_place.append(at)
            allowed = slugs if allowed is None else allowed & slugs
        phrases = [f"turn {reading.turn}"] if reading.turn is not None else []
        if reading.lap is not None:
            phrases += _lap_phrases(reading.lap)
        if reading.heat is not None:
            # "race two": the meetings of several races that number them.
            word = {1: "one", 2: "two", 3: "three", 4: "four"}[reading.heat]
            phrases += [f"race {reading.heat}", f"race {word}"]
        if phrases:
            # Only some stories have a "turn 9" or a "lap 17": the question is about those.
            having = await self._stories_with(phrases)
            if having:
                allowed = having if allowed is None else (allowed & having) or allowed
        for series in _series_named(reading.tokens):
            having = await self._series_stories(series)
            if reading.people and having:
                # "when was X's F1 debut" after X moved to sportscars: the series is X's
                # career, told in any story naming it (the WEC team's release recalling
                # "made his Formula 1 debut in 2010"), not only the series' own stories.
                having = having | await self._series_text(series)
            if not having:
                return []  # "who won the supercars race" with no such story: say so
            allowed = having if allowed is None else (allowed & having) or allowed
        if allowed is None:
            return None
        # When some story is at the place, the ones merely mentioning it are not asked
        # about, unless only they name the people asked about ("what did vowles say about
        # baku" is his interview, not the stewards' story from Baku).
        at_it = allowed
        for at in at_place:
            at_it = (at_it & at) or at_it
        if reading.people and (reading.places or _series_named(reading.tokens)):
            # A race or series asked about with someone in it: the stories of that race
            # naming them ("who crashed into albon at silverstone" is not the F2 race
            # there); none naming them cannot answer it.
            named = await self._naming(reading.people, at_it)
            if not named and at_it != allowed:
                named = await self._naming(reading.people, allowed)
            allowed = named
        else:
            allowed = at_it
        for at in before_place:
            allowed = (allowed - at) or allowed
        return [a.slug for a in index.articles if a.slug in allowed]

    async def _naming(self, people: list[str], slugs: set[str]) -> set[str]:
        """Those of ``slugs`` naming every one of ``people`` (in the headline or a
        paragraph, by any form no one else in the articles shares), else those naming any
        of them; all of ``slugs`` when there are too many to read."""
        if not slugs or len(slugs) > NAMING_SCAN:
            return slugs
        index = self.lookup.index
        named: dict[str, set[str]] = {}
        for name in people:
            person = index.people.get(name) or Person(name)
            forms = {f for f in forms_of(person) if len(index.ambiguous.get(f, ())) < 2}
            forms = forms or forms_of(person)
            # An alias is a name as the articles write it ("the Thai", "El Diablo"); a
            # description's words in another case ("the Williams Driver Academy") are not.
            aliases = {a for a in person.aliases if a.casefold() in forms}
            forms -= {a.casefold() for a in aliases}
            alias = [
                re.compile(rf"(?<!\w)(?i:{re.escape(a[:1])}){re.escape(a[1:])}(?!\w)(?! [A-Z])")
                for a in aliases
            ]

            def names(
                text: str, forms: set[str] = forms, alias: list[re.Pattern[str]] = alias
            ) -> bool:
                return _mentions(text, forms) or any(a.search(text) for a in alias)

            words = [
                w
                for f in [*forms, *(a.casefold() for a in aliases)]
                for w in words_of(f)
                if len(w) >= 3 and w not in _WEAK
            ]
            for a in index.articles:
                if a.slug in slugs and names(a.headline):
                    named.setdefault(a.slug, set()).add(name)
            found = await self.engine.store.passages_matching(
                list(dict.fromkeys(words)), slugs=sorted(slugs), limit=NAMING_PASSAGES
            )
            for passage in found:
                if passage.source and names(passage.text):
                    named.setdefault(passage.source.slug, set()).add(name)
        every = {slug for slug, who in named.items() if len(who) == len(set(people))}
        return every or set(named)

    def _eprix_stories(self, slugs: set[str]) -> set[str]:
        """The stories among ``slugs`` whose headline names an E-Prix (Formula E's race)."""
        return {
            a.slug
            for a in self.lookup.index.articles
            if a.slug in slugs and _EPRIX.search(a.headline)
        }

    async def _race_stories(self, words: list[str]) -> set[str]:
        """Stories naming the race "<words> Grand Prix" (or GP) in the headline or opening."""
        name = " ".join(words)
        phrases = [f"{name} grand prix", f"{name} gp"]
        found = await self._stories_with(phrases, lede=True)
        index = self.lookup.index
        having: set[int] | None = None
        for w in words:
            hits = set(index.article_words.get(w, ()))
            having = hits if having is None else having & hits
        for i in having or ():
            headline = index.articles[i].headline.casefold()
            if any(_has(headline, p) for p in phrases):
                found.add(index.articles[i].slug)
        return found

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

    async def _place_stories(self, words: list[str], *, own_race: bool) -> set[str]:
        """Stories that hold every word of a place; with ``own_race``, in headline or lede."""
        index = self.lookup.index
        wanted = {stem(w) for w in words}
        found: set[str] = set()
        # A place that is also someone's name ("Austin" Merritt) is not named by the name.
        named = self._names_with(words)

        def naming(text: str) -> bool:
            for name in named:
                text = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", " ", text, flags=re.I)
            return wanted <= stems(text)

        # Headlines, through the lookup's word postings rather than a pass over every one.
        having: set[int] | None = None
        for w in words:
            hits = set(index.article_words.get(w, ()))
            having = hits if having is None else having & hits
        found.update(
            index.articles[i].slug
            for i in having or ()
            if not named or naming(index.articles[i].headline)
        )
        passages = await self.engine.store.passages_matching(words, limit=400)
        for p in passages:
            if p.source and naming(p.text) and (not own_race or p.paragraph <= 2):
                if own_race and not _told_at(p.text, wanted):
                    continue  # its opening names the place only as where it goes next
                found.add(p.source.slug)
        for word in words:
            if len(word) >= 4:
                found.update(await self.engine.store.notes_mentioning(word))
        return found

    def _names_with(self, words: list[str]) -> list[str]:
        """The people's full names holding a place's one word ("Austin Merritt" for
        "austin"), longest first."""
        if len(words) != 1:
            return []
        word = words[0]
        found = [
            name
            for name in self.lookup.index.people
            if word in normalise(name).split() and len(name.split()) > 1
        ]
        return sorted(found, key=len, reverse=True)

    async def _other_names_stories(self, forms: list[list[str]], *, own_race: bool) -> set[str]:
        """Stories naming a place by any of its other names (each a list of words).

        One search for all of them: each name is looked for by its rarest word, and a name
        no paragraph holds costs nothing more.
        """
        if not forms:
            return set()
        index = self.lookup.index
        found: set[str] = set()
        all_stems = list(dict.fromkeys(stem(w) for f in forms for w in f))
        counts: dict[str, int] = {}
        for at in range(0, len(all_stems), 64):
            counts.update((await self.engine.store.passage_counts(all_stems[at : at + 64]))[1])
        search: list[str] = []
        kept: list[list[str]] = []
        for form in forms:
            if not all(counts.get(stem(w)) for w in form):
                continue  # some word of it is in no paragraph: no story names it so
            kept.append(form)
            search.append(min(form, key=lambda w: counts[stem(w)]))
            having: set[int] | None = None
            for w in form:
                hits = set(index.article_words.get(w, ()))
                having = hits if having is None else having & hits
            found.update(index.articles[i].slug for i in having or ())
        if not kept:
            return found
        wanted = [frozenset(stem(w) for w in f) for f in kept]
        for p in await self.engine.store.passages_matching(search, limit=400):
            if p.source and (not own_race or p.paragraph <= 2):
                have = stems(p.text)
                if any(w <= have and (not own_race or _told_at(p.text, w)) for w in wanted):
                    found.add(p.source.slug)
        return found

    async def _women(self) -> set[str]:
        """People the articles call "she" or "her": the first person named before it."""
        index = self.lookup.index
        if self._women_of is not None and self._women_of[0] is index:
            return self._women_of[1]

        found: set[str] = set()
        forms = [(p.name, forms_of(p)) for p in index.people.values()]
        for p in await self.engine.store.passages_matching(["she", "her"], limit=500):
            low = p.text.casefold()
            m = re.search(r"\b(?:she|her)\b", low)
            if m is None:
                continue
            before = low[: m.start()]
            spots = [
                (before.rfind(f), name)
                for name, fs in forms
                for f in fs
                if re.search(rf"(?<!\w){re.escape(f)}(?!\w)", before)
            ]
            if spots:
                found.add(max(spots)[1])
        self._women_of = (index, found)
        return found

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

    # -- parts of a weekend, and stories told before their race (_scope) -------------------

    #: Stories searched for the part of a weekend asked about, newest first, at most.
    SCOPE_STORIES = 5

    async def _scope(self, reading: Reading, slugs: list[str] | None) -> Scope | None:
        """The paragraphs, by story, that tell the hour, stage or session asked about;
        None when the question names none, empty when no story tells it."""
        if not scope_asked(reading):
            return None
        terms = scope_terms(reading)
        found = await self.engine.store.passages_matching(terms, slugs=slugs, limit=400)
        having = {p.source.slug for p in found if p.source}
        ordered = [a.slug for a in self.lookup.index.articles if a.slug in having]
        scope: Scope = {}
        for slug in ordered:
            story = await self.engine.store.article_passages(slug)
            paragraphs = scope_paragraphs(reading, story)
            if paragraphs:
                scope[slug] = paragraphs
                if len(scope) >= self.SCOPE_STORIES:
                    break
        return scope

    async def _pre_race(self, slug: str) -> str | None:
        """ "preview" or "qualifying" when the story was written before its race; kept
        per index (a refresh replaces it)."""
        index = self.lookup.index
        if self._pre_race_of[0] is not index:
            self._pre_race_of = (index, {})
        known = self._pre_race_of[1]
        if slug not in known:
            facts = await self.engine.store.facts(slug)
            headline = next((f.value for f in facts if f.key == "headline"), "")
            story = await self.engine.store.article_passages(slug)
            lede = story[0].text if story else ""
            known[slug] = pre_race_kind(headline, [(f.key, f.value) for f in facts], lede)
        return known[slug]
