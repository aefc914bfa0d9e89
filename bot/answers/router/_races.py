"""The answers a race's own moment decides: the race still ahead, the stories written
before it, the part of it asked (an hour, a stage, a session), the result that stood, the
standings as the newest stories tell them, and a lap.
"""

from __future__ import annotations

import dataclasses
import re

from bot.answers.passages import (
    Query,
    Scored,
    split_sentences,
)
from bot.answers.records import (
    Answer,
    Found,
    LapAnswer,
    NotFound,
    PassageAnswer,
)
from bot.answers.router._kinds import _EVENTS, _SPOKEN
from bot.answers.router._needs import (
    _DRIVER_STANDING_TEXT,
    _LAP_TIME_TEXT,
    _NEXT_TEXT,
    _STANDING_TEXT,
    _WHEN_AHEAD,
    _WHEN_TEXT,
)
from bot.answers.router._query import QueryRouter, _series_asked
from bot.answers.router._reading import (
    _PODIUM_ASKED,
    _any_of,
    _indirect,
    _lap_phrases,
    _place_forms,
)
from bot.answers.router._scope import (
    NUMBERED_PRACTICE,
    PRE_RACE_KINDS,
    Scope,
    scope_asked,
    scope_lines,
)
from bot.answers.router._series import USUAL_SERIES_SCAN, usual_series
from bot.answers.understand import (
    Reading,
)

__all__ = ["RacesRouter"]

#: The newest stories of a series read first for its standings: the table changes with
#: every race, and these tell it as it stands.
STANDINGS_STORIES = 6

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


class RacesRouter(QueryRouter):
    """The answers a race's own moment decides: the race still ahead, the stories
    written before it, the part of it asked, the result that stood, the standings as the
    newest stories tell them, and a lap."""

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

    @staticmethod
    def _said_of_a_place(reading: Reading, kinds: set[str]) -> bool:
        """Whether what someone said of a place is asked ("who does X blame for only p5",
        "how did X react to P5"): with no race report, a qualifying report answers, as it
        tells its session's places and words; words spoken before a race told after them
        are never about its result."""
        result = kinds & (PRE_RACE_KINDS | {"start"}) or _PODIUM_ASKED.search(reading.low)
        return bool(result and kinds & _SPOKEN)

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
                and (not query.groups or s.cover >= query.min_cover or _tells_need(query, s))
                # "hamiltons lap time in q2": his Q2 sentence holding no time is no answer
                # (only a lap's figure: another need may be met by the sentence before)
                and (query.need is not _LAP_TIME_TEXT or _LAP_TIME_TEXT.search(s.text))
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
        if (
            reading.people
            or (reading.heat is not None and query.need is not None)
            or (reading.session in NUMBERED_PRACTICE and (query.groups or kinds & {*_EVENTS}))
        ):
            # ("how many laps was race 2": a figure, not race 2's opening; "who crashed in
            # fp2": a crash, not whoever topped second practice)
            return None
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


def _tells_need(query: Query, s: Scored) -> bool:
    """Whether a sentence inside the part asked tells what the question needs of whom it asks
    about, with half its words or more: "Venn took the lead from Quiroga on lap 4" answers
    "what lap did venn get past quiroga for the lead in race 2" in other words than a pass's.
    Race 2's section is where that is told; Race 1's "led until lap 9" is outside it."""
    return (
        query.need is not None
        and s.subject
        and s.cover >= query.min_cover / 2
        and query.need.search(s.text) is not None
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
