"""Everything else, from the passages: outcomes, standings, why, when, where, laps;
or what the articles do not say.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Sequence

from bot.answers._tables import asked_row, asks_row, tables_of
from bot.answers._years import looking_back
from bot.answers.passages import (
    Query,
    Scored,
    _has,
    forms_in_story,
    split_sentences,
    stem,
    words_of,
)
from bot.answers.records import (
    Answer,
    Found,
    LapAnswer,
    NotFound,
    PassageAnswer,
)
from bot.answers.router._nearest import answers_its_kind
from bot.answers.router._people import PeopleRouter
from bot.answers.router._reading import (
    _AGE,
    _AUX,
    _BORN,
    _CAR_NUMBER,
    _CLOCK_ASKED,
    _CLOCK_TEXT,
    _DATE,
    _DRIVER_STANDING_TEXT,
    _DRIVER_TITLE_WON,
    _DURATION_TEXT,
    _LAP_COUNT,
    _LAP_IN_TEXT,
    _MONEY_ASKED,
    _MONEY_TEXT,
    _NEED_CUE,
    _NEXT_RACE,
    _NEXT_TEXT,
    _NUMBER,
    _OPEN,
    _OPENER_ASKED,
    _OTHER_TABLE_ASKED,
    _OWN_RACE,
    _PAST_WHEN,
    _PLACE_FILLER,
    _PODIUM_ASKED,
    _POLE_ASKED,
    _POLE_TEXT,
    _POSITION_TEXT,
    _PREFER_CUE,
    _PREFER_ORDER,
    _RACE_DATE,
    _RACE_LAP_COUNT,
    _SHE,
    _SPEED_ASKED,
    _SPEED_TEXT,
    _SPOKEN,
    _STANDING_TEXT,
    _TITLE_AHEAD,
    _TITLE_ASKED,
    _TITLE_WON,
    _UNIT_IN_TEXT,
    _WHAT_HAPPENED,
    _WHEN_AHEAD,
    _WHEN_TEXT,
    _WHEN_TOLD,
    _WHO_DID,
    _YES_NO,
    _after_place,
    _any_of,
    _event_stems,
    _groups,
    _indirect,
    _kinds,
    _lap_phrases,
    _named_at,
    _place_forms,
)
from bot.answers.router._scope import PRE_RACE_KINDS, Scope, scope_asked, scope_lines
from bot.answers.router._stories import (
    PRE_RACE_SCAN,
    USUAL_SERIES_SCAN,
    headline_series,
    usual_series,
)
from bot.answers.text import normalise
from bot.answers.understand import (
    CUE_PHRASES,
    CUES,
    SERIES_TEXT,
    Reading,
    counted,
    names_series,
)
from bot.models import ArticleSummary, Person

__all__ = ["GeneralRouter"]

#: Stories chosen this few are read for the people of the team a question names.
TEAM_STORIES = 5
#: Stories chosen this few are read whole for who won: "won" proposes no paragraph.
WON_STORIES = 5
#: The newest stories of a series read first for its standings: the table changes with
#: every race, and these tell it as it stands.
STANDINGS_STORIES = 6
#: The nearest sentences read for the answer in other words: the first may be the
#: paragraph's lead-in ("The circuit has one change."), the second the change itself.
NEAREST_READ = 2
#: Stories chosen read for a results list when no sentence answers, at most.
TABLE_STORIES = 3

#: The standings' cue words that tell a table only in context: "ahead" and "behind" beside a
#: number ("12 behind on 338", "31 points behind") or the table ("behind Marquez in the
#: standings"), "standings" as itself. "I was standing behind him in the briefing" ranks
#: nobody, and a stem makes "standing" of "standings".
_STANDING_LOOSE = frozenset({"ahead", "behind", "standings"})
_NUMBER_WORDS = (
    r"\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|a\s+single"
)
_STANDING_PHRASES = (
    "standings",
    rf"re:(?:{_NUMBER_WORDS})(?:\s+(?:points?|pts|places?|positions?|spots?))?\s+"
    r"(?:ahead|behind|clear)\b",
    r"re:(?:ahead|behind)\b[^.;]{0,40}?\b(?:standings|championship|table|points)\b",
)

#: A race still to come, told without the series moving on: "Two races remain, in Qatar on
#: November 29", "The title will be decided at Valencia on November 22".
_AHEAD_TEXT = (
    r"\bremains?\b|\bto\s+come\b|\bwill\s+be\s+(?:decided|held|run|staged)\b|"
    r"\b(?:is|are)\s+(?:scheduled|due|set)\s+(?:for|to)\b|\btakes?\s+place\b"
)

#: A finish told, then changed by the officials: "crossed the line fifth but was penalized",
#: "finished third before being disqualified", "took the flag second, only to be excluded".
_FINISH_CHANGED = re.compile(
    r"\b(?:crossed\s+the\s+line|finished|took\s+the\s+(?:chequered\s+|checkered\s+)?flag|"
    r"was\s+classified)\b[^.;]*?\b(?:but|before|only\s+to|then)\b[^.;]*?\b(?:penali[sz]\w*|"
    r"disqualif\w*|exclu\w*|demoted|dropped|stripped|docked|relegated)",
    re.I,
)


#: A question's opening as fans type it ("whats", "wheres", "is it", "did he"): what reads as
#: a question is never answered with the help text.
_ASKS = re.compile(
    r"^(?:who|what|wat|when|where|why|which|how|whose|whom)(?:s|'s|’s|re|'re)?\b|"
    r"^(?:is|are|was|were|did|does|do|has|have|had|will|would|can|could|should)\b"
)


def _side_by_side(reading: Reading) -> list[str]:
    """The question's content words that stand next to each other ("big one", "cost cap"),
    as phrases a sentence naming the same thing holds."""
    words = set(reading.words)
    tokens = reading.tokens
    return [
        f"{a} {b}"
        for a, b in itertools.pairwise(tokens)
        if a in words and (b in words or b == "one")
    ]


def _first_series(article: ArticleSummary) -> str | None:
    """The series a story's headline names (the first, by name), if any."""
    return min(headline_series(article.headline), default=None)


def _series_asked(reading: Reading) -> bool:
    """Whether the question names a series ("the 2027 motogp opener", "formula e")."""
    return any(names_series(reading.tokens, i) for i in range(len(reading.tokens))) or any(
        _has(reading.low, p) for phrases, _ in SERIES_TEXT.values() for p in phrases
    )


#: "whats nico's car number": the number on the car, which the sentence must give.
_NUMBER_ASKED = re.compile(r"\b(?:car|bike|race)\s+numbers?\b")


def _figures(reading: Reading) -> list[str]:
    """The figures the question gives with their unit ("this 25 lap rule", "a 5 second
    penalty"), as a sentence writes them: "25 laps", "25-lap", "5-second" (never "lap 25")."""
    tokens = reading.tokens
    return [
        rf"re:{t}[ -]?{re.escape(tokens[i + 1].removesuffix('s'))}s?\b"
        for i, t in enumerate(tokens)
        if t.isdigit() and t in reading.words and counted(tokens, i)
    ]


def _denied(answer: Answer) -> bool:
    """Whether ``answer`` says the articles do not answer (with or without the nearest)."""
    return isinstance(answer, NotFound) or (
        isinstance(answer, PassageAnswer) and bool(answer.missing)
    )


class GeneralRouter(PeopleRouter):
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
                return PassageAnswer(tuple(self.passages_found(found)), "")
        if answer.missing and not answer.passages and not groups and not reading.people:
            return NotFound(missing)
        if "finish" in kinds and not answer.missing:
            answer = await self._result_that_stood(answer)
        return answer

    async def _newest_standings(
        self, query: Query, reading: Reading, missing: str
    ) -> PassageAnswer | None:
        """ "who leads the championship", "whats the points gap": the table as the newest
        stories of the series tell it, read before the whole store is searched (where a
        short, older sentence ranks above a preview's long paragraph); None when none of
        them tells it."""
        if not query.newest_first or query.need not in (_STANDING_TEXT, _DRIVER_STANDING_TEXT):
            return None
        articles = self.lookup.index.articles
        chosen = set(query.slugs) if query.slugs is not None else None
        if chosen is None and not _series_asked(reading):
            # No series named: the one the store is mostly about, as a fan who names none
            # means it.
            usual = usual_series([a.headline for a in articles[:USUAL_SERIES_SCAN]])
            chosen = await self._series_stories(usual) if usual else None
        newest = [a.slug for a in articles if chosen is None or a.slug in chosen]
        newest = newest[:STANDINGS_STORIES]
        if not newest:
            return None
        answer = await self.passages.answer(dataclasses.replace(query, slugs=newest), "", missing)
        return None if answer.missing else answer

    def _near_answers(
        self, found: Found, reading: Reading, kinds: set[str], groups: list[tuple[str, ...]],
        query: Query,
    ) -> bool:  # fmt: skip
        """Whether the nearest sentence answers the question's kind (``_nearest``)."""
        index = self.lookup.index
        return answers_its_kind(
            found,
            kinds=kinds,
            groups=groups,
            need=query.need,
            yes_no=_YES_NO.match(reading.low) is not None,
            people=[
                forms_in_story(
                    index.people.get(n) or Person(n),
                    found.source.headline,
                    index.ambiguous,
                    index.people,
                )
                for n in reading.people
            ],
            places=[[" ".join(f) for f in _place_forms(p)] for p in reading.places],
            turn=reading.turn,
            asked=reading.low,
        )

    async def _result_that_stood(self, answer: PassageAnswer) -> PassageAnswer:
        """The first sentence's finish then changed ("crossed the line fifth but was
        penalized"), with the sentence after it, which tells the place that stood ("NASCAR
        dropped the No. 1 Chevrolet to 22nd"), when it is not shown already."""
        first = answer.passages[0]
        if first.quoted or not _FINISH_CHANGED.search(first.text):
            return answer
        story = await self.engine.store.article_passages(first.source.slug)
        passage = next((p for p in story if p.paragraph == first.source.paragraph), None)
        if passage is None:
            return answer
        spans = [passage.text[a:b].strip() for a, b in split_sentences(passage.text)]
        at = next((i for i, t in enumerate(spans) if t == first.text.strip()), None)
        if at is None or at + 1 >= len(spans) or spans[at + 1][:1] in '"“':
            return answer
        after = Found(spans[at + 1], first.source)
        if any(f.text.strip() == after.text for f in answer.passages):
            return answer
        return dataclasses.replace(answer, passages=(first, after, *answer.passages[1:]))

    async def _race_ahead(
        self, reading: Reading, kinds: set[str], groups: list[tuple[str, ...]]
    ) -> Answer | None:
        """ "when is Sebring": the newest schedule line naming the place ("The series moves on
        to Sebring on March 21"), before any sentence recalling a past race there; None
        when no story announces it, and the question is read as any other."""
        if (
            "when" not in kinds
            or kinds & {"next", "lap", "unit"}
            or not reading.places
            or reading.people
            or reading.year is not None
            or reading.session is not None
            or not _WHEN_AHEAD.match(reading.low)
        ):
            return None
        # The place stands after the word moving the series on: "moves on to Sebring", not
        # "After Mugello, the championship moves on to Hungary".
        # A race asked by name ("the french gp") is a line naming that race, never another
        # event at one of its circuits ("the 24 Hours of Le Mans").
        places = "|".join(
            _any_of(
                _place_forms(p)[:1] if p.endswith("grand prix") else _place_forms(p)
            ).removeprefix("re:")
            for p in reading.places
        )
        query = dataclasses.replace(
            self._query(reading, kinds, groups, None),
            # The date is the place's own: after it in its clause ("moves on to Qatar on
            # November 29"), or before it with no other race between ("On March 21 the series
            # heads to Sebring"), never an earlier race's ("Las Vegas on November 21, then
            # Qatar").
            need=re.compile(
                rf"^(?=.*?(?:{_NEXT_TEXT}|{_AHEAD_TEXT})[^.;]*?\b{places})"
                rf"(?=.*?\b(?:{places})\b[^.;]{{0,60}}?(?:{_WHEN_TEXT})|"
                rf".*?(?:{_WHEN_TEXT})(?:(?!\bthen\b|\bfollowed\b|\bbefore\b|\bafter\b)[^.;])*?"
                rf"\b(?:{places}))",
                re.S,
            ),
            hints=(),
            newest_first=True,
        )
        found, _ = await self.passages.find(query)
        if not found:
            return None
        # (no "Race:" line: the story's own race is not the one asked about)
        return PassageAnswer(tuple(self.passages_found(found[:1])), "")

    @staticmethod
    def _not_after_race(reading: Reading, kinds: set[str]) -> frozenset[str]:
        """The stories written before their race ("preview", "qualifying") that cannot
        answer the question: a race's result is only told after it."""
        if kinds & {"points", "next", "when"}:
            return frozenset()  # the standings and the schedule: a preview tells them
        result = kinds & (PRE_RACE_KINDS | {"start"}) or _PODIUM_ASKED.search(reading.low)
        if reading.session is not None or "start" in kinds or scope_asked(reading):
            # "who won the sprint", "who got pole": a qualifying report tells a session.
            return frozenset({"preview"}) if result else frozenset()
        if result:
            return frozenset({"preview", "qualifying"})
        # "who crashed at mugello": the race's own crash, not one a preview recalls.
        if kinds & {"crash", "penalty"} and reading.places and not reading.people:
            return frozenset({"preview"})
        return frozenset()

    async def _before_the_race(
        self, bare: str, reading: Reading, kinds: set[str], groups: list[tuple[str, ...]],
        slugs: list[str], told: dict[str, str | None],
    ) -> Answer:  # fmt: skip
        """Every story asked about was written before its race: say so, and show the
        nearest they come (the standings, last year's winner), cited and dated."""
        newest = next(a for a in self.lookup.index.articles if a.slug == slugs[0])
        what = "a preview" if told.get(newest.slug) == "preview" else "a qualifying report"
        missing = (
            f"The articles don't say {_indirect(bare)}: the newest story about it "
            f"({newest.published.isoformat()}) is {what}, written before the race."
        )
        query = self._query(reading, kinds, groups, slugs)
        _, nearest = await self.passages.find(query)
        return PassageAnswer(tuple(self.passages_found(nearest[:2])), "", missing)

    async def _scoped(
        self, reading: Reading, kinds: set[str], groups: list[tuple[str, ...]], scope: Scope
    ) -> Answer | None:
        """Answer from the paragraphs telling the hour, stage or session asked about."""
        slugs = list(scope)
        query = dataclasses.replace(self._query(reading, kinds, groups, slugs), whole_stories=True)

        def inside(s: Scored) -> bool:
            source = s.passage.source
            return source is not None and s.passage.paragraph in scope.get(source.slug, ())

        answering, nearest = await self.passages.find(query)
        kept = [s for s in answering if inside(s)]
        if not kept:
            # Near enough inside the part asked: naming whom it asks about, holding most of
            # what it asks ("what tyres did Norris use in Q3" is not "Norris was sixth").
            kept = [
                s
                for s in nearest
                if inside(s)
                and (s.named or not reading.people)
                and (not groups or s.cover >= query.min_cover)
            ]
        elif reading.people:
            # "Evans took five points. Solberg took four.": the part's other sentences
            # naming the one asked about tell it too.
            have = {(id(s.passage), s.position) for s in kept}
            kept += [
                s
                for s in nearest
                if inside(s) and s.named and (id(s.passage), s.position) not in have
            ]
        if kept:
            race = await self.passages.race_of(kept)
            return PassageAnswer(
                tuple(self.passages_found(_told_on(reading, kept[:3]))), "", "", race
            )
        if reading.people or (reading.heat is not None and query.need is not None):
            return None  # ("how many laps was race 2": a figure, not race 2's opening)
        # "what happened in hour 17": the paragraph that tells it, from where it names it.
        slug = slugs[0]
        first = min(scope[slug])
        story = await self.engine.store.article_passages(slug)
        passage = next((p for p in story if p.paragraph == first), None)
        if passage is None:
            return None
        lines = scope_lines(reading, passage)
        found = [
            Scored(0.0, passage.text[a:b].strip(), passage, i, i) for i, (a, b) in enumerate(lines)
        ]
        return PassageAnswer(tuple(self.passages_found(found)), "")

    def _query(
        self, reading: Reading, kinds: set[str], groups: list[tuple[str, ...]],
        slugs: list[str] | None,
    ) -> Query:  # fmt: skip
        cues: list[str] = []
        phrases: list[str] = []
        for kind in kinds:
            cues += CUES.get(kind, ())
            phrases += CUE_PHRASES.get(kind, ())
        primary = next((k for k in _NEED_CUE if k in kinds), None)
        # "where is X in the championship": a place in the standings, which must be told.
        standing = primary == "points" and kinds & _OPEN == {"where"}
        if kinds & _OPEN and primary not in ("next", "born", "age") and not standing:
            primary = None
        need: re.Pattern[str] | None = None
        if "lap" in kinds or ("when" in kinds and "next" not in kinds):
            need = _LAP_IN_TEXT if "lap" in kinds else _DATE
            if need is _DATE and _PAST_WHEN.match(reading.low):
                need = _WHEN_TOLD  # "introduced at the Spanish Grand Prix" tells when
        if "when" in kinds and "next" not in kinds and _CLOCK_ASKED.search(reading.low):
            need = _CLOCK_TEXT  # "what time does the race start": "starts at 3pm"
        if "duration" in kinds:
            need = _DURATION_TEXT  # "how long is X out": "six to eight weeks", not a date
        if (
            need is None
            and not kinds & _OPEN
            and _TITLE_ASKED.search(reading.low)
            and not _TITLE_AHEAD.search(reading.low)
        ):
            # "who won the motogp title": "X is the world champion", "takes the title by
            # a single point"; a race won ("won the sprint") is not it.
            need, primary = _TITLE_WON, None
            if not _OTHER_TABLE_ASKED.search(reading.low):
                need = _DRIVER_TITLE_WON  # not "Ford won the manufacturers' title"
        if "unit" in kinds:
            need = _UNIT_IN_TEXT  # "what stage did X roll on": a sentence naming the stage
        if "age" in kinds:
            need = _AGE
        if "born" in kinds:
            need = _BORN
        if {"where", "points"} <= kinds and need is None:
            need = _POSITION_TEXT  # "where is Hamlin in the points": a place in the table
        if "start" in kinds and need is None and _POLE_ASKED.search(reading.low):
            need = _POLE_TEXT  # "who was on pole": "took pole", never "ninth on the grid"
        if "count" in kinds and need is None and _MONEY_ASKED.search(reading.low):
            need = _MONEY_TEXT  # "how much did the wing cost": "$4 million", no other count
        if need is None and _SPEED_ASKED.search(reading.low):
            need = _SPEED_TEXT  # "how fast was X through the trap": "at 347 km/h"
        if "count" in kinds and need is None:
            need = _NUMBER  # "how many fans were there": an answer gives a number
        if "count_laps" in kinds:
            # "how many laps was the race": its length; with someone asked ("how many
            # laps did Larson lead"), the laps they led.
            need = _LAP_COUNT if reading.people else _RACE_LAP_COUNT
        if "next" in kinds and need is None and _NEXT_RACE.search(reading.low):
            # "when's the next nascar race": the closing line giving the next round's date,
            # which a round-up or a feature about the series does not have.
            need = _RACE_DATE
        if (
            need is None
            and "points" in kinds
            and not reading.people
            and not reading.places
            and not kinds & ({"count", "next"} | PRE_RACE_KINDS)
        ):
            # "who leads the cup standings": of the newest stories, the one whose sentence
            # ranks the contenders (with a place named, that place's story tells it).
            need = _STANDING_TEXT
            if not reading.team_people and not _OTHER_TABLE_ASKED.search(reading.low):
                # "who leads the championship": the drivers' table, not "six points ahead
                # in the constructors' championship".
                need = _DRIVER_STANDING_TEXT
        subject = None
        yes_no = _YES_NO.match(reading.low) is not None
        # The one asked about stands right after the verb: "did X ...", "who did X blame",
        # "how did X react"; or after "according to".
        aux = next((i for i, t in enumerate(reading.tokens) if t in _AUX), None)
        if aux is not None:
            subject = next((p for p in reading.people if _named_at(reading, p, aux + 1)), None)
        if "according" in reading.tokens:
            at = reading.tokens.index("according")
            later = [p for p in reading.people if _named_at(reading, p, at + 2)]
            subject = later[0] if later else subject
        told = reading.told_year
        headed = False
        if told and slugs:
            chosen = set(slugs)
            headed = all(told in a.headline for a in self.lookup.index.articles if a.slug in chosen)
        must: list[str] = [told] if told and not headed else []
        hints: list[str] = []
        hints += reading.dated_by  # "where did X finish on sunday": the day helps
        if told is not None and headed:
            hints.append(told)  # the stories' headline gives the year: a hint in a sentence
        # "what lap was the big one", "the cost cap": the question's words side by side are
        # a name the report gives too ("The Big One came on Lap 176").
        hints += _side_by_side(reading)
        hints += _figures(reading)
        if "when" in kinds and reading.session is not None:
            hints.append(reading.session)  # "when is the sprint": the schedule's sprint line
        if kinds & {"when", "where"} and _OPENER_ASKED.search(reading.low):
            # "when is the first race": the sentence saying it, not one dated in its story
            hints.append(
                r"re:(?:first|opening) (?:race|round)\b|season (?:opens|opener|starts|begins)\b"
            )
        if reading.turn is not None:
            (must if not kinds & {"why", "blame"} else hints).append(f"turn {reading.turn}")
        if reading.lap is not None:
            laps = _lap_phrases(reading.lap)
            if len(laps) == 1 and not kinds & {"why", "blame"}:
                must.append(laps[0])
            else:
                hints += laps
        by_car: set[str] = set()
        if _NUMBER_ASKED.search(reading.low):
            must.append(r"re:(?:no\.|#|number) ?\d{1,3}(?!\w)")  # "the No. 20 car"
        if m := _CAR_NUMBER.search(reading.low):
            must.append(rf"re:(?:no\.?|#|number|car) ?{m[1]}(?!\w)")  # "the no 8 toyota"
            # The car's driver was read from its number: the sentence naming the car
            # ("The stewards gave the #59 a penalty") is about them without naming them,
            # in a story that names them.
            by_car = {p for p in reading.people if _drives_car(reading, p, m[1])}
            subject = None if subject in by_car else subject
        if kinds & {"when", "where", "next"}:
            # "when is the French GP": the race is what the sentence must be about.
            for place in reading.places:
                words = [w for w in words_of(place) if w not in ("grand", "prix")]
                forms = _place_forms(place)
                if place.endswith("grand prix") and words:
                    must.append(_any_of(forms) if len(forms) > 1 else " ".join(words))
                else:
                    hints += [_any_of(forms)] if len(forms) > 1 else words
        elif not kinds & _OWN_RACE:
            for place in reading.places:
                # One hint for a place, whichever of its names a sentence uses.
                forms = _place_forms(place)
                hints += [_any_of(forms)] if len(forms) > 1 else forms[0]
        object_people = (bool(_WHO_DID.match(reading.low)) and bool(kinds & _SPOKEN)) or bool(
            by_car
        )
        # "what happened between Norris and Piastri": what passed between them, a touch.
        between = "between" in reading.tokens and len(reading.people) >= 2
        # A place a sentence must name by any of its names is searched for by them all.
        # Elsewhere its own words are searched for, as a hint's are.
        every = bool(kinds & {"when", "where", "next"})
        search_more = [
            w
            for p in reading.places
            for f in (_place_forms(p) if every else _place_forms(p)[:1])
            for w in f
            if w not in _PLACE_FILLER and not w.isdigit()
        ]
        return Query(
            search_more=tuple(dict.fromkeys(search_more)),
            groups=groups,
            people=tuple(reading.people),
            subject=None if object_people else subject,
            object_people=object_people,
            # "next" is every story's own next race: the newest tells it, not the wording.
            asked=tuple(stem(w) for w in reading.words if w not in CUES["next"]),
            cues=tuple(dict.fromkeys(cues)),
            cue_phrases=tuple(dict.fromkeys(phrases)),
            required=tuple(c for c in CUES[primary] if c not in _STANDING_LOOSE)
            if primary == "points"
            else CUES.get(primary, ())
            if primary
            else (),
            required_phrases=(*CUE_PHRASES.get(primary, ()), *_STANDING_PHRASES)
            if primary == "points"
            else CUE_PHRASES.get(primary, ())
            if primary
            else (),
            prefer_cue=bool(kinds & _PREFER_CUE),
            place_asked="where" in kinds,
            prefer=CUES["crash"]
            if between and not kinds
            else CUES.get(next((k for k in _PREFER_ORDER if k in kinds), ""), ())
            if not standing and "next" not in kinds
            else (),
            required_carries=primary == "points",
            prefer_quotes="react" in kinds,
            # What the standings are and where the series goes next change with every race:
            # the newest story that answers tells it, unless the question dates it.
            newest_first=(
                (
                    ("next" in kinds or ("points" in kinds and not kinds & _OPEN) or standing)
                    and not reading.places
                )
                # "the next race after baku": the newest story of that race tells it.
                or ("next" in kinds and any(_after_place(reading, p) for p in reading.places))
                # "who finished second in australia": several races there, the latest
                # that answers, as for a race asked without a place.
                or (len(slugs or ()) > 1 and bool(kinds & _OWN_RACE) and not reading.people)
            )
            and reading.year is None,
            event=_event_stems(reading, kinds, groups, slugs),
            kinds=frozenset(kinds),
            loose=bool(kinds & {"why", "react"}),
            yes_no=yes_no,
            all_people=(yes_no or between) and len(reading.people) >= 2,
            team_people=tuple(reading.team_people),
            need_team=bool(reading.team_people)
            and subject is None
            and bool(kinds & (_SPOKEN | {"retire", "why", "finish"})),
            need_rarest=not kinds and len(groups) >= 2,
            need=need,
            phrases=tuple(must),
            hints=tuple(hints),
            slugs=slugs,
            # A schedule's clock times ("Qualifying is at 10.50am, with the Sprint at 3pm")
            # seldom repeat the place: its stories are read whole.
            whole_stories=(need is _CLOCK_TEXT and slugs is not None)
            # "who won the nascar race": the few stories of the series are read whole, as
            # "won" is too common a word to propose the sentence telling the result.
            # "who won the cup title" too: "champion" and "title" are as common.
            or (
                (primary == "won" or need in (_TITLE_WON, _DRIVER_TITLE_WON))
                and bool(slugs)
                and len(slugs or ()) <= WON_STORIES
            ),
        )

    async def _looked_back(self, query: Query, reading: Reading, year: str) -> Query:
        """``query`` answered from the paragraphs of the stories looking back on ``year``
        (``bot.answers._years``), where a season named once is told over several, in place
        of any sentence that must say the year itself; unchanged when no story does."""
        if not query.groups and not query.hints:
            # "what did kast do in 2021": nothing but the year finds the sentence, which
            # must say it.
            return query
        words = [w for g in query.groups for w in g]
        words += [w for name in query.people for w in words_of(name)]
        scopes = await looking_back(self.engine.store, year, query.slugs, words)
        if not any(scopes.values()) and query.slugs is not None and reading.places:
            # "what happened to hamilton in brazil 2007": the place's stories are of today;
            # a story looking back on the year tells that race where it names the place.
            scopes = await self._looking_back_at(reading, year, words)
        within = {
            slug: told & (query.within or {}).get(slug, told) for slug, told in scopes.items()
        }
        if not any(within.values()):
            return query
        return dataclasses.replace(
            query,
            slugs=[slug for slug, told in within.items() if told],
            within={**(query.within or {}), **within},
            # (the year is no hint: every paragraph kept tells of it, named or not)
            phrases=tuple(p for p in query.phrases if p != year),
        )

    async def _looking_back_at(
        self, reading: Reading, year: str, words: Sequence[str] = ()
    ) -> dict[str, frozenset[int]]:
        """The stories looking back on ``year`` whose paragraphs of it name the place the
        question asks about, each with those paragraphs (``bot.answers._years``)."""
        forms = [_any_of(_place_forms(p)) for p in reading.places]
        return await looking_back(
            self.engine.store,
            year,
            None,
            [*words, *reading.words, *(w for n in reading.people for w in words_of(n))],
            lambda text: any(_has(text.casefold(), f) for f in forms),
        )

    async def _lap(self, number: int, reading: Reading) -> Answer:
        answer = await self.engine.lap(number)
        if isinstance(answer, LapAnswer) and answer.events:
            return answer
        query = Query(phrases=_lap_phrases(number), min_cover=0.0)
        found, _ = await self.passages.find(query)
        if found:
            return PassageAnswer(tuple(self.passages_found(found)), f"Lap {number}")
        laps = ", ".join(str(n) for n in self.lookup.index.laps)
        more = f" Laps with events: {laps}." if laps else ""
        return NotFound(f"The articles don't say what happened on lap {number}.{more}")


def _drives_car(reading: Reading, name: str, number: str) -> bool:
    """Whether the question's car number is how ``name`` was read ("the 59": No. 59's
    driver), the article giving them that car."""
    person = reading.index_people.get(name)
    return person is not None and any(
        normalise(alias) in (f"no {number}", f"no. {number}") for alias in person.aliases
    )


def _told_on(reading: Reading, kept: list[Scored]) -> list[Scored]:
    """Each kept sentence that names the part asked, with the sentences after it that tell
    it ("The rally turned on SS7. Ruiz clipped a rock"), as :func:`scope_lines` reads them:
    a story names the stage once and tells what happened in it next."""
    out: list[Scored] = []
    shown = {(id(s.passage), s.position) for s in kept}
    for s in kept:
        out.append(s)
        lines = scope_lines(reading, s.passage)
        spans = split_sentences(s.passage.text)
        if not lines or s.position >= len(spans) or spans[s.position] != lines[0]:
            continue
        for k, (a, b) in enumerate(lines[1:], start=1):
            if (id(s.passage), s.position + k) not in shown:
                text = s.passage.text[a:b].strip()
                out.append(Scored(s.score, text, s.passage, s.order + k, s.position + k))
    return out
