"""Which stories a question points at: by place, race, lap or turn, series, year or "the last
race", and the people they name; the part of a weekend asked and stories told before their race.
The series' stories are in ``_series``, a place's in ``_place_stories``."""

from __future__ import annotations

import re

from bot.answers.passages import (
    forms_of,
    stem,
    stems,
    words_of,
)
from bot.answers.places import place_book
from bot.answers.router._in_team_name import names_outside_teams
from bot.answers.router._kinds import _OWN_RACE
from bot.answers.router._place_stories import _EPRIX, PlaceStoriesRouter
from bot.answers.router._race_reports import asks_classification, race_reports
from bot.answers.router._reading import (
    _WEAK,
    _after_place,
    _before_place,
    _lap_phrases,
    _place_forms,
    _series_named,
)
from bot.answers.router._scope import (
    Scope,
    pre_race_kind,
    race_told,
    scope_asked,
    scope_paragraphs,
    scope_terms,
)
from bot.answers.understand import (
    Reading,
)
from bot.models import Person

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


class StoriesRouter(PlaceStoriesRouter):
    """Which stories a question points at: by place, race, lap or turn, series, year or
    "the last race".
    """

    async def _stories(self, reading: Reading, kinds: set[str]) -> list[str] | None:
        """The stories a question points at by place, race, year or "last race"; None: any."""
        index = self.lookup.index
        allowed: set[str] | None = None
        if reading.year is not None:
            allowed = {a.slug for a in index.articles if a.published.year == reading.year}
        year = None if allowed is None else set(allowed)
        # "the next gp", "who won the last gp": a grand prix is F1's, when the question
        # names no series and no race (a place's own race decides: "the italian gp").
        gp = not reading.places and not _series_named(reading.tokens) and _GP.search(reading.low)
        f1 = await self._series_stories("f1") if gp else set()
        if reading.newest and index.articles:
            newest = index.articles[0].slug
            if reading.people and not f1:
                # "whats martins target this weekend": his weekend, the newest story naming
                # him, when the newest of all is another series' and never names him.
                recent = {a.slug for a in index.articles[:PRE_RACE_SCAN]}
                named = await self._naming(reading.people, recent)
                newest = next((a.slug for a in index.articles if a.slug in named), newest)
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
        in_passing: list[set[str]] = []
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
            if own and reading.people and "blame" in kinds:
                # "did perez blame bottas for the miami sprint tangle": a head-to-head
                # telling the clash in passing answers when no story at Miami names them
                # (a finish told so cost held-out answers: blame only).
                passing = await self._place_stories(words, own_race=False)
                passing |= await self._other_names_stories(others, own_race=False)
                in_passing.append(passing)
            if not slugs and own and not kinds & _RESULT_KINDS:
                # "why did Martin miss Sepang": no story is at the place, so the ones
                # naming it in passing ("the collarbone that kept him out of Sepang") tell
                # what befell someone there; a result there they cannot tell.
                slugs = await self._place_stories(words, own_race=False)
                slugs |= await self._other_names_stories(others, own_race=False)
            if not slugs and not in_passing:
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
            if reading.people:
                # "when was X's F1 debut" after X moved to sportscars: the series is X's
                # career, told in any story naming it (the WEC team's release recalling
                # "made his Formula 1 debut in 2010"), not only the series' own stories;
                # so is a feeder series the store has no story of ("when did X win f3",
                # told by an F1 profile's "he had won the Formula 3 title").
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
            if not named and in_passing:
                passing = set.intersection(*in_passing)
                if year is not None:
                    passing &= year
                named = await self._naming(reading.people, passing)
            allowed = named
        else:
            allowed = at_it
        for at in before_place:
            allowed = (allowed - at) or allowed
        if len(allowed) > 1 and asks_classification(reading, kinds):
            # "who was p2 in singapore": the race's report, not a later analysis there.
            newest = [a.slug for a in index.articles if a.slug in allowed][:PRE_RACE_SCAN]
            reports = await race_reports(newest, self._race_report)
            allowed = reports or allowed
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
                return names_outside_teams(text, forms) or any(a.search(text) for a in alias)

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
        return (await self._race_reading(slug))[0]

    async def _race_report(self, slug: str) -> bool:
        """Whether the story tells its race as run and was not written before it."""
        before, told = await self._race_reading(slug)
        return told and before is None

    async def _race_reading(self, slug: str) -> tuple[str | None, bool]:
        """A story's ``pre_race_kind`` and ``race_told``, from one read of its facts and
        lede, kept per index (a refresh replaces it)."""
        index = self.lookup.index
        if self._pre_race_of[0] is not index:
            self._pre_race_of = (index, {})
        known = self._pre_race_of[1]
        if slug not in known:
            facts = await self.engine.store.facts(slug)
            headline = next((f.value for f in facts if f.key == "headline"), "")
            story = await self.engine.store.article_passages(slug)
            lede = story[0].text if story else ""
            known[slug] = (
                pre_race_kind(headline, [(f.key, f.value) for f in facts], lede),
                race_told(headline, lede),
            )
        return known[slug]
