"""Someone's team as the articles tell it: beyond the profile (crew chief, car), in a year to
come, or newer than the profile's (a newer story, or the register's season)."""

from __future__ import annotations

import re

from bot.answers.passages import (
    Query,
    _mentions,
    forms_of,
)
from bot.answers.records import (
    Answer,
    PassageAnswer,
)
from bot.answers.router._reading import _TEAM_WORDS, _TEAMISH, _register_teams, the_register
from bot.answers.router._relations import RelationsRouter
from bot.answers.router._team_people import _any_of
from bot.answers.text import normalise
from bot.answers.understand import (
    SYNONYMS,
    Reading,
)
from bot.models import Person

__all__ = ["TeamOfRouter"]

#: The newest stories after the one a card's team comes from that are read for a newer team.
NEWER_STORIES = 3


class TeamOfRouter(RelationsRouter):
    """Someone's team, car, team-mates or crew, the newest story's."""

    async def _team_of(self, name: str, reading: Reading) -> Answer | None:
        """Someone's team, car, team-mates or crew as the article's sentences tell it, when
        the question asks more than the profile holds: words beyond "team" ("crew chief",
        "team-mates", "car"), or a team the articles never gave them."""
        extra = [w for w in reading.words if w not in _TEAM_WORDS]
        person = self.lookup.index.people.get(name)
        if not extra and reading.told_year and (found := await self._team_in(name, reading)):
            return found  # "what team is montoya going to in 2027"
        if not extra and person is not None and person.team:
            return await self._newer_team(person)
        if not extra and person is None:
            return None

        for team in _register_teams(name) if not extra else ():
            # The article never says "X drives for Y", but names the team the register
            # gives them beside them ("the Penske's front wing ... and McLaughlin had to
            # pit", "thank you to Trackhouse"): that sentence tells it, cited. Their
            # newest team first; a sentence must name them itself, or be theirs.
            named = Query(
                people=(name,),
                subject=name,
                hints=tuple(t.casefold() for t in team),
                need_written=re.compile("|".join(rf"\b{re.escape(t)}\b" for t in team)),
                min_cover=0.0,
            )
            found, _ = await self.passages.find(named)
            forms = forms_of(person) if person else {name.casefold()}
            found = [f for f in found if f.speaker == name or _mentions(f.text, forms)]
            if found:
                return PassageAnswer(tuple(self.passages_found(found)), "")
        query = Query(
            groups=[(w, *SYNONYMS.get(w, ())) for w in extra],
            people=(name,),
            subject=name,
            need_written=None if extra else _TEAMISH,
            min_cover=1.0,
        )
        found, _ = await self.passages.find(query)
        if not found:
            return None
        return PassageAnswer(tuple(self.passages_found(found)), "")

    async def _team_in(self, name: str, reading: Reading) -> Answer | None:
        """Someone's team in a year no story was written in ("what team is Montoya going to
        in 2027"): the newest sentence naming them that writes that year and a team's words
        ("Haas confirmed on Monday that Montoya, 21, will race for the team in 2027"), cited.
        None when no sentence tells it."""
        year = reading.told_year or ""
        query = Query(
            people=(name,), subject=name, newest_first=True, min_cover=0.0,
            need_written=re.compile(rf"(?<!\d){re.escape(year)}(?!\d)"),
        )  # fmt: skip
        found, _ = await self.passages.find(query)
        person = self.lookup.index.people.get(name) or Person(name)
        forms = forms_of(person)
        told = [
            f for f in found
            if _mentions(f.text, forms) and (_TEAMISH.search(f.text) or "team" in f.text.casefold())
        ]  # fmt: skip
        if not told:
            return None
        return PassageAnswer(tuple(self.passages_found(told[:1])), "")

    async def _newer_team(self, person: Person) -> Answer | None:
        """The newest sentence giving ``person`` a team other than the one their profile
        holds ("Carlos Sainz fifth for Williams" after a story had him at Ferrari): teams
        change, and the newest story tells the team now. None: the profile's team stands."""
        newer = await self.engine.store.stories_after_team(person.name, limit=NEWER_STORIES)
        if not newer:
            return None  # no story after the one their profile's team comes from
        written = _TeamWritten(forms_of(person))
        if not written.forms:
            return None
        query = Query(
            people=(person.name,), subject=person.name, need_written=written, newest_first=True,
            min_cover=0.0, slugs=newer, whole_stories=True,
        )  # fmt: skip
        found, _ = await self.passages.find(query)
        held = normalise(person.team or "")
        # Their name's words, not their aliases': "Halden Motorsport driver" holds a team's
        # word that a new team shares ("Corran Motorsport").
        own = set(normalise(person.name).split())
        for f in found:
            for told in written.teams(f.text):
                words = set(normalise(told).split())
                if not words or words & own or normalise(told) in held or held in normalise(told):
                    continue  # "for Nick Cassidy's ...": a name, not a team
                return PassageAnswer(tuple(self.passages_found([f])), "")
        return await self._register_newer(person, newer)

    async def _register_newer(self, person: Person, newer: list[str]) -> Answer | None:
        """The newer team as a newer story shows it in passing ("Isack Hadjar put the
        second Red Bull sixth"), when the register gives them, in that story's season, a team
        other than the one their profile's older story does: the newest sentence of those
        stories naming them beside that team's names, dated by its citation. None when the
        register agrees with the profile, does not know them, or no sentence shows it."""
        register = the_register()
        found = register.find(person.name) if register is not None else ()
        stories = [self.lookup.resolve_article(slug) for slug in newer]  # by slug, no scan
        dates = {a.slug: a.published for a in stories if a is not None and a.slug in newer}
        if register is None or len(found) != 1 or not dates:
            return None
        held = normalise(person.team or "")
        teams = {
            normalise(name)
            for team in found[0].team_in(max(dates.values()).year)
            for name in (team, *register.team_names(team))
        }
        if not teams or held in teams:
            return None
        query = Query(
            people=(person.name,), subject=person.name, min_cover=0.0, slugs=newer,
            whole_stories=True, newest_first=True,
            need_written=re.compile(rf"(?<!\w){_any_of(teams)}(?!\w)", re.IGNORECASE),
        )  # fmt: skip
        told, _ = await self.passages.find(query)
        forms = forms_of(person)
        told = [f for f in told if _mentions(f.text, forms)]
        if not told:
            return None
        # The older story's own words for the team the profile holds, dated too: a fan
        # asking of that story's race meant that team ("Racing Bulls driver Isack Hadjar").
        query = Query(
            people=(person.name,), subject=person.name, min_cover=0.0, newest_first=True,
            need_written=re.compile(rf"(?<!\w){_any_of({held})}(?!\w)", re.IGNORECASE),
        )  # fmt: skip
        older, _ = await self.passages.find(query)
        older = [
            f for f in older
            if f.passage.source and f.passage.source.slug not in dates and _mentions(f.text, forms)
        ]  # fmt: skip
        return PassageAnswer(tuple(self.passages_found([*told[:1], *older[:1]])), "")


#: A team as a sentence writes it: one or two capitalised words ("Williams", "Red Bull").
_TEAM = r"([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)"
#: After a name: "Sainz's Williams", "Sainz, fifth for Williams".
_TEAM_AFTER = re.compile(rf"['’]s\s+{_TEAM}|,?\s+\w+\s+for\s+{_TEAM}")
#: Before a name: "for Williams, Sainz", "the Williams driver Sainz", "Williams's Carlos Sainz".
_TEAM_BEFORE = re.compile(
    rf"(?:\b(?:for|with)\s+{_TEAM}\s*,?\s+|\b{_TEAM}\s+(?:driver|rider)\s+|\b{_TEAM}['’]s?\s+)$"
)
_WORD_CHAR = re.compile(r"\w")


class _TeamWritten:
    """Where a sentence gives someone a team beside their name ("Sainz's Williams", "for
    Williams, Sainz", "Williams driver Sainz"): the team patterns are compiled once and
    the person's names found by plain search, as a pattern of their names cost ~10 ms to
    compile for every person asked about. Passed to a query as ``need_written``."""

    def __init__(self, forms: set[str]) -> None:
        self.forms = sorted((f for f in forms if len(f) > 3), key=len, reverse=True)

    def search(self, text: str, /) -> bool:
        """Whether the sentence gives the person a team anywhere."""
        return bool(self.teams(text))

    def teams(self, text: str) -> list[str]:
        """The teams written beside the person's names, in the sentence's order."""
        low = text.lower()
        if len(low) != len(text):  # a letter whose lower case is longer: offsets differ
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        # One team phrase told beside two forms of the name ("Carlos Sainz", "Sainz") once.
        found: dict[tuple[int, int], tuple[int, str]] = {}
        for form in self.forms:
            at = low.find(form)
            while at >= 0:
                end = at + len(form)
                if at == 0 or not _WORD_CHAR.match(low[at - 1]):
                    if m := _TEAM_AFTER.match(text, end):
                        found[m.span()] = (at, next(g for g in m.groups() if g))
                    elif (end == len(low) or not _WORD_CHAR.match(low[end])) and (
                        m := _TEAM_BEFORE.search(text, 0, at)
                    ):
                        found[m.span()] = (m.start(), next(g for g in m.groups() if g))
                at = low.find(form, at + 1)
        return [team for _, team in sorted(found.values())]
