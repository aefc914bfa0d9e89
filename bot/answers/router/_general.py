"""Everything else, from the passages: outcomes, standings, why, when, where, laps;
or what the articles do not say.
"""

from __future__ import annotations

import dataclasses
import re

from bot.answers._tables import asked_row, asks_row, tables_of
from bot.answers.passages import (
    Query,
    Scored,
    forms_in_story,
)
from bot.answers.records import (
    Answer,
    Found,
    NotFound,
    PassageAnswer,
)
from bot.answers.router._groups import _groups
from bot.answers.router._kinds import _EVENTS, _SPOKEN, _kinds
from bot.answers.router._nearest import answers_its_kind
from bot.answers.router._needs import _DRIVER_STANDING_TEXT, _STANDING_TEXT
from bot.answers.router._query import _series_asked
from bot.answers.router._races import RacesRouter
from bot.answers.router._reading import _PODIUM_ASKED, _SHE, _YES_NO, _indirect, _place_forms
from bot.answers.router._said_there import act_told, paragraphs_there
from bot.answers.router._scope import NUMBERED_PRACTICE, scope_asked
from bot.answers.router._series import USUAL_SERIES_SCAN, headline_series, usual_series
from bot.answers.router._shapes import _WHAT_HAPPENED
from bot.answers.router._stories import PRE_RACE_SCAN
from bot.answers.router._why_nearest import gives_the_why
from bot.answers.router._yes_no import anothers_act, tells_the_act, the_other_way, turn_of
from bot.answers.understand import (
    Reading,
)
from bot.models import ArticleSummary, Person

__all__ = ["GeneralRouter"]

#: Stories chosen this few are read for the people of the team a question names.
TEAM_STORIES = 5
#: The nearest sentences read for the answer in other words: the first may be the
#: paragraph's lead-in ("The circuit has one change."), the second the change itself.
NEAREST_READ = 2
#: Stories chosen read for a results list when no sentence answers, at most.
TABLE_STORIES = 3

#: A question's opening as fans type it ("whats", "wheres", "is it", "did he"): what reads as
#: a question is never answered with the help text.
_ASKS = re.compile(
    r"^(?:who|what|wat|when|where|why|which|how|whose|whom)(?:s|'s|’s|re|'re)?\b|"
    r"^(?:is|are|was|were|did|does|do|has|have|had|will|would|can|could|should)\b"
)


def _first_series(article: ArticleSummary) -> str | None:
    """The series a story's headline names (the first, by name), if any."""
    return min(headline_series(article.headline), default=None)


def _denied(answer: Answer) -> bool:
    """Whether ``answer`` says the articles do not answer (with or without the nearest)."""
    return isinstance(answer, NotFound) or (
        isinstance(answer, PassageAnswer) and bool(answer.missing)
    )


class GeneralRouter(RacesRouter):
    """Everything else, from the passages: outcomes, standings, why, when, where, laps;
    or what the articles do not say.
    """

    async def _general(self, bare: str, reading: Reading) -> Answer:
        """Answer from the articles' sentences, or from a row of their lists when one is
        asked for (the row of the story the sentences chose, or of any when none answers);
        or say what they do not say."""
        answer = await self._general_dated(bare, reading)
        if not asks_row(reading.tokens):
            return answer
        if _denied(answer):
            # (no story chosen: the newest, where the latest results stand)
            slugs = await self._stories(reading, _kinds(reading))
            if slugs is None:
                slugs = [a.slug for a in self.lookup.index.articles[:TABLE_STORIES]]
        elif isinstance(answer, PassageAnswer) and answer.passages:
            slugs = [answer.passages[0].source.slug]
        else:
            return answer
        return await self._listed(reading, slugs) or answer

    async def _listed(self, reading: Reading, slugs: list[str] | None) -> Answer | None:
        """The row of a results list (``bot.answers._tables``) the question asks for, with
        its heading, in the first of ``slugs`` holding one: "who took the
        sprint" is told by "1. Ana Reyes" under the sprint's classification, which no
        sentence need tell (and a sentence split at its "1." tells badly)."""
        wanted = (slugs or [])[:TABLE_STORIES]
        stories = await self.engine.store.stories_passages(wanted)  # one read for them all
        for slug in wanted:
            story = stories.get(slug, [])
            if (found := asked_row(tables_of(story), reading.tokens)) is not None:
                table, row = found
                heading = table.heading
                shown = [
                    Scored(0.0, heading.text.strip(), heading, 0, 0),
                    Scored(0.0, row.text, row.passage, 1, 0),
                ]
                return PassageAnswer(tuple(self.passages_found(shown)), "")
        return None

    async def _general_dated(self, bare: str, reading: Reading) -> Answer:
        """Answer from the articles' sentences, a year no story of it tells as a sentence
        of any story tells it; or say what they do not say."""
        answer = await self._general_once(bare, reading)
        if reading.told_year and _denied(answer):
            # "whats williams aiming for in 2027": the stories headed by the year (the
            # calendar, a signing) do not tell it; any story's sentence telling 2027 may.
            again = await self._general_once(bare, reading, by_headline=False)
            return answer if _denied(again) else again
        if reading.year is None or reading.told_year or not _denied(answer):
            return answer
        # "how was the 2021 title decided": no story of 2021 tells it, so the year is what a
        # sentence of any story tells ("And in 2021 ... the title was decided on the last
        # lap"), as for a year no story was written in.
        told = dataclasses.replace(reading, told_year=str(reading.year), year=None)
        again = await self._general_once(bare, told)
        return answer if _denied(again) else again

    async def _general_once(
        self, bare: str, reading: Reading, *, by_headline: bool = True
    ) -> Answer:
        """Answer from the articles' sentences, or say what they do not say; with
        ``by_headline``, a year no story was written in looks only in the stories it heads."""
        kinds = _kinds(reading)
        missing = f"The articles don't say {_indirect(bare)}."
        groups = _groups(reading, kinds)
        known = await self._known_words([w for g in groups for w in g])
        if (
            not reading.people
            and not reading.places
            and not reading.lap
            and not reading.turn
            and not reading.year
            and not known
            and not kinds
            and not scope_asked(reading)
            # "who is gp" when no one is called GP: its one word is read as the race, but the
            # articles use it, so it is a real question to say they do not answer.
            and not await self._any_known(reading.content)
        ):
            if reading.content and _ASKS.match(reading.low):
                # "whats the wether gonna be like": a question, though none of its words is
                # the articles' (a typo, slang): say they do not answer it; the help text is
                # for what asks nothing.
                return NotFound(missing)
            return self.help()
        slugs = await self._stories(reading, kinds)
        if slugs is None and reading.told_year and not reading.people and by_headline:
            # "which tracks have sprints in 2027": the stories headed by that year (the 2027
            # calendar) tell it in sentences that need not repeat it.
            year = reading.told_year
            articles = self.lookup.index.articles
            headed = [a for a in articles if year in a.headline]
            if (
                kinds & {"when", "where"}
                and not _series_asked(reading)
                and len({*map(_first_series, headed)}) > 1
            ):
                # "wheres the 2027 opener": of the stories of several series headed by the
                # year, the series the store is mostly about, never another series' date
                # unnamed (a WEC release's "five days before the opening race").
                usual = usual_series([a.headline for a in articles[:USUAL_SERIES_SCAN]])
                headed = [a for a in headed if usual in headline_series(a.headline)] or headed
            slugs = [a.slug for a in headed] or None
        if slugs and reading.year is not None and reading.people and not reading.places:
            # "what did sebastian do in 2024": when no story of that year names them, the year
            # is what a sentence of their stories tells ("2024: Formula 3 with Prema").
            named = {
                p.name
                for slug in slugs[:PRE_RACE_SCAN]
                for p in await self.engine.store.article_people(slug)
            }
            if not named & set(reading.people):
                reading.told_year, reading.year = str(reading.year), None
                slugs = await self._stories(reading, kinds)
        if slugs == [] and reading.told_year and reading.places:
            # "why did alonso get a grid pen in hungary 07": no story of that place names
            # him, but one looking back on the year may tell its race there.
            slugs = list(await self._looking_back_at(reading, reading.told_year)) or []
        if slugs == []:
            return NotFound(missing)
        if (ahead := await self._race_ahead(reading, kinds, groups)) is not None:
            return ahead
        if slugs and (before := self._not_after_race(reading, kinds)):
            # A preview or a qualifying report tells no result of its race ("who won at
            # Mugello" is last year's race report, never the preview's "won here last year").
            told = {s: await self._pre_race(s) for s in slugs[:PRE_RACE_SCAN]}
            raced = [s for s in slugs if told.get(s) not in before]
            if not raced and self._said_of_a_place(reading, kinds):
                raced = [s for s in slugs if told.get(s) != "preview"]
            if not raced:
                return await self._before_the_race(bare, reading, kinds, groups, slugs, told)
            slugs = raced
        scope = await self._scope(reading, slugs)
        if scope is not None and not kinds & {"when", "next"}:
            # (a session's time is the schedule's sentence, wherever it stands)
            if not scope:
                # "who won the mugello sprint" when no story tells a sprint there.
                query = self._query(reading, kinds, groups, slugs)
                _, nearest = await self.passages.find(query)
                return PassageAnswer(tuple(self.passages_found(nearest[:2])), "", missing)
            if (scoped := await self._scoped(reading, kinds, groups, scope)) is not None:
                return scoped
            if reading.session in NUMBERED_PRACTICE and (
                reading.people or groups or kinds & {*_EVENTS}
            ):
                # "did larsen crash in fp2", "who crashed in fp2": second practice is told,
                # no crash in it, nothing of him; what the rest of the weekend tells (a crash
                # in first practice, his race) answers another question, so the articles
                # don't say. (A sprint or a Q2 may be told past its paragraphs, in a table
                # or a quote: read on there.)
                query = self._query(reading, kinds, groups, list(scope))
                _, nearest = await self.passages.find(query)
                return PassageAnswer(tuple(self.passages_found(nearest[:2])), "", missing)
        if groups and not reading.people and not set(known) & {w for g in groups for w in g}:
            # "how did newgarden get on at portland": what it asks about is in no article
            # at all, so no sentence can answer it, however near its other words come.
            return NotFound(missing)
        if reading.team_people and slugs and len(slugs) <= TEAM_STORIES:
            # "why did the Porsche lose the lead at Daytona": the IMSA story's Porsche, not
            # the Formula E team of that name whose people it never names. A team's people
            # the chosen stories do not name tell nothing of them.
            named = {p.name for slug in slugs for p in await self.engine.store.article_people(slug)}
            reading.team_people = [p for p in reading.team_people if p in named]
        if not reading.people and _SHE.search(reading.low):
            reading.team_people = sorted(set(reading.team_people) | await self._women())
        if (
            _WHAT_HAPPENED.search(bare)
            and not groups
            and not reading.people
            and not reading.lap
            and not reading.turn
            # "what happened at suzuka in 89": that year's race, not the latest story's lede
            and not reading.told_year
        ):
            if slugs is None and not reading.newest:
                return await self.engine.facts(None)
            chosen = slugs[0] if slugs else self.lookup.index.articles[0].slug
            lede = await self.passages.lede(chosen)
            if lede is not None:
                return lede
        query = self._query(reading, kinds, groups, slugs)
        query.within = await self._items_asked(reading, slugs)  # a round-up's own items
        if reading.told_year in query.phrases:
            query = await self._looked_back(query, reading, reading.told_year)
        if _PODIUM_ASKED.search(reading.low) and not reading.people:
            # "who was on the podium": the story's winner, second and third, wherever its
            # sentences tell them.
            answering, nearest = await self.passages.find(query)
            best = (answering or nearest)[:1]
            source = best[0].passage.source if best else None
            if source is not None and (podium := await self.passages.podium(source.slug)):
                return podium
        answer = await self._newest_standings(query, reading, missing)
        if answer is None:
            answer = await self.passages.answer(query, "", missing)
        if answer.missing and query.need is _DRIVER_STANDING_TEXT:
            # No drivers' table told: a series whose standings are the makes' (WEC) has one.
            query = dataclasses.replace(query, need=_STANDING_TEXT)
            answer = await self.passages.answer(query, "", missing)
        near = next(
            (
                found
                for found in answer.passages[:NEAREST_READ]
                if self._near_answers(found, reading, kinds, groups, query)
            ),
            None,
        )
        if answer.missing and near is not None:
            # The nearest sentence is the answer in other words ("with the start at 8pm
            # local time" for "what time does the race start"): no denial above it.
            return PassageAnswer((near,), "")
        if answer.missing and reading.people and kinds & _SPOKEN:
            # "did Zarco blame Bastianini?": failing the words, what the person said answers.
            spoken = Query(
                groups=groups, people=tuple(reading.people), subject=reading.people[0],
                speaker_only=reading.people[0], slugs=slugs, min_cover=0.0,
            )  # fmt: skip
            found, _ = await self.passages.find(spoken)
            if found:
                # "... for the miami sprint tangle": their words in the paragraph telling it,
                # which need not name the other one asked ("It was a stupid move," he said)
                there = paragraphs_there(
                    await self.engine.store.stories_passages(slugs or []), reading
                )
                if there:
                    spoken.people, spoken.groups, spoken.within = (reading.people[0],), [], there
                    spoken.slugs = list(there)
                    # its words first, then their words elsewhere in a paragraph telling
                    # the act: a place's paragraph may not hold all the words that answer
                    first = (await self.passages.find(spoken))[0]
                    shown, act = {f.text for f in first}, act_told(reading, named=False)
                    rest = [f for f in found if f.text not in shown and act(f.passage.text)]
                    found = [*first, *rest] if first else found
                return PassageAnswer(tuple(self.passages_found(found)), "")
        if answer.missing and not answer.passages and not groups and not reading.people:
            return NotFound(missing)
        if "finish" in kinds and not answer.missing:
            answer = await self._result_that_stood(answer)
        return answer

    def _near_answers(
        self, found: Found, reading: Reading, kinds: set[str], groups: list[tuple[str, ...]],
        query: Query,
    ) -> bool:  # fmt: skip
        """Whether the nearest sentence answers the question's kind (``_nearest``), or,
        asked yes or no, tells its subject's act (``_yes_no``), and not the other way."""
        index = self.lookup.index
        turn = turn_of(reading, groups, kinds) if _YES_NO.match(reading.low) else None
        if turn is not None and tells_the_act(found, turn, index.exact, index.people):
            return True
        if turn is not None and (the_other_way(found.text, turn) or anothers_act(found.text, turn)):
            # "did dahl pass haldor": "Dahl was passed by Haldor" is a no; "did larsen
            # crash": "Brandt crashed out and Larsen finished fourth" another's crash.
            return False
        people = [
            forms_in_story(
                index.people.get(n) or Person(n),
                found.source.headline,
                index.ambiguous,
                index.people,
            )
            for n in reading.people
        ]
        yes_no = _YES_NO.match(reading.low) is not None
        if gives_the_why(
            found, kinds=kinds, groups=groups, people=people, asked=reading.low, yes_no=yes_no
        ):
            return True  # "why did X let Y through": "... let the Finn by, because ..."
        return answers_its_kind(
            found,
            kinds=kinds,
            groups=groups,
            need=query.need,
            yes_no=yes_no,
            people=people,
            places=[[" ".join(f) for f in _place_forms(p)] for p in reading.places],
            turn=reading.turn,
            asked=reading.low,
        )
