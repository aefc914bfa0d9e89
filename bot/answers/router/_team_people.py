"""A team's people: who drives for X (the register's season and the sentences naming them beside
the team), who runs X now (a boss's title beside the team's name)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.answers.passages import (
    Scored,
    _mentions,
    split_sentences,
    words_of,
)
from bot.answers.records import (
    Answer,
    PassageAnswer,
)
from bot.answers.router._reading import _BOSS_TITLES, _WEAK, the_register
from bot.answers.router._team_boss import titled_sentences
from bot.answers.router._wellbeing import WellbeingRouter
from bot.answers.text import normalise, strip_quotes
from bot.ingest.text import unaccent

__all__ = ["TeamPeopleRouter"]


class TeamPeopleRouter(WellbeingRouter):
    """A team's people: its drivers, and who runs it now."""

    async def _drivers_of(self, m: re.Match[str]) -> Answer | None:
        """Who drives for a team ("who drives for cadillac", "who are ferraris drivers"):
        its drivers are the register's for the newest story's season, and the people the
        articles give the team whom the register does not place elsewhere then; each is
        shown by the newest sentence naming them beside one of the team's names ("Cadillac
        ... will carry Valtteri Bottas and Sergio Perez"), a sentence naming more of them
        first. A profile's team may be years old ("Perez, Red Bull"): the register says
        who moved. None when the phrase names no team or no sentence tells it."""
        phrase = strip_quotes(next(g for g in m.groups() if g)).strip()
        tried = dict.fromkeys((phrase, re.sub(r"['’]s?$", "", phrase), phrase.removesuffix("s")))
        register = the_register()
        index = self.lookup.index
        # The newest story's season (the index holds its articles newest first).
        year = index.articles[0].published.year if index.articles else None
        teams: frozenset[str] = frozenset()
        names: set[str] = set()
        for asked in tried:
            teams = register.organisations(asked) if register is not None else frozenset()
            # "vantor" for "Vantor Racing": a team's first words name it.
            own = {
                normalise(p.team)
                for p in index.people.values()
                if p.team and f"{normalise(p.team)} ".startswith(f"{normalise(asked)} ")
            }
            if teams or own:
                names = {normalise(asked), *own, *map(normalise, teams)}
                if register is not None:
                    names.update(normalise(t) for team in teams for t in register.team_names(team))
                break
        if not names or year is None:
            return None
        people: dict[str, tuple[str, ...]] = {}
        for rp in register or ():
            if _drives(rp.roles) and set(rp.team_in(year)) & teams:
                people[rp.name] = (rp.name, *rp.short)
        # The people a sentence writes as the team's ("Vantor Racing's Oskar Brandt",
        # "Vantor Racing driver Mika Lund"), and those whose profile gives the team.
        written_as = await self._written_of_team(names)
        for name, person in index.people.items():
            if name in people or not (
                name in written_as or (person.team and normalise(person.team) in names)
            ):
                continue
            if not _drives((person.role or "driver",)):
                continue
            placed = register.find(name) if register is not None else ()
            if len(placed) == 1 and placed[0].teams and not set(placed[0].team_in(year)) & teams:
                continue  # the register has them elsewhere that season
            people[name] = (name,)
        if not people:
            return None
        team_written = re.compile(rf"(?<!\w){_any_of(names)}(?!\w)", re.IGNORECASE)
        forms = {
            name: {
                f.casefold() for w in written for f in (unaccent(w), w.split()[-1]) if len(f) >= 3
            }
            for name, written in people.items()
        }
        told: dict[tuple[str, int, int], tuple[Scored, set[str]]] = {}
        for written in forms.values():
            for p in await self.engine.store.passages_matching(
                [w for f in written for w in words_of(f)], limit=TEAM_PEOPLE_PASSAGES
            ):
                if p.source is None:
                    continue
                for i, (a, b) in enumerate(split_sentences(p.text)):
                    text = p.text[a:b].strip()
                    plain = unaccent(text)
                    if not team_written.search(plain) or not _mentions(plain, written):
                        continue
                    key = (p.source.slug, p.paragraph, i)
                    if key not in told:
                        named = {n for n, fs in forms.items() if _mentions(plain, fs)}
                        told[key] = (Scored(0.0, text, p, p.paragraph, i), named)
        ranked = sorted(
            told.values(),
            key=lambda t: (
                -t[0].passage.source.published.toordinal() if t[0].passage.source else 0,
                -len(t[1]),
                t[0].passage.paragraph,
                t[0].position,
            ),
        )
        shown: list[Scored] = []
        covered: set[str] = set()
        for scored, named in ranked:
            if named - covered:
                shown.append(scored)
                covered |= named
            if covered == set(people) or len(shown) == TEAM_PEOPLE_SHOWN:
                break
        if not shown:
            return None
        return PassageAnswer(tuple(self.passages_found(shown)), "")

    async def _written_of_team(self, names: set[str]) -> set[str]:
        """The people a sentence writes as a team's, by its names (folded): "Vantor
        Racing's Oskar Brandt", "Vantor Racing driver Mika Lund", "Mika Lund (Vantor
        Racing)", each name resolved to the person the articles know."""
        team = f"(?i:{_any_of(names)})"
        person = r"([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)"
        pattern = re.compile(
            rf"\b{team}(?:['’]s?|\s+(?:driver|rider))\s+{person}|{person}\s+\({team}\)"
        )
        words = [w for n in names for w in n.split() if w not in _WEAK]
        found: set[str] = set()
        for p in await self.engine.store.passages_matching(words, limit=TEAM_PEOPLE_PASSAGES):
            for m in pattern.finditer(unaccent(p.text)):
                if name := self.lookup.resolve_person(m[1] or m[2]):
                    found.add(name)
        return found

    async def _runs(self, team: str) -> Answer | None:
        """Who runs a team now ("who runs equipe ferriere now"): the sentence naming someone
        with a boss's title beside the team's name ("His daughter Camille Ferrière, who
        took over as team principal in 2019"), a person's name written in it. The team's
        words are matched with accents dropped on both sides ("Équipe Ferrière"); the newest
        story's sentence first. None when no sentence tells it."""
        words = [w for w in words_of(team) if w not in _WEAK and w != "the"]
        if not words:
            return None

        def runs(text: str) -> bool:
            folded = set(words_of(unaccent(text)))
            return bool(
                folded & _BOSS_TITLES
                and 2 * len(folded & set(words)) >= len(words)
                and _FULL_NAME.search(text)
            )

        found = await titled_sentences(self.engine.store, words, runs, RUNS_PASSAGES)
        if not found:
            return None
        return PassageAnswer(tuple(self.passages_found(found[:2])), "")


#: How many paragraphs naming a team are read for who runs it.
RUNS_PASSAGES = 40
#: A person's name as written: two capitalised words.
_FULL_NAME = re.compile(r"[A-Z][\w'’-]+ [A-Z][\w'’-]+")
#: "who runs X now", "who heads X", "who is in charge of X", "whos in charge at X": the one
#: way a team's boss is asked (``_fan_forms``' "in charge" -> "boss" only serves the passages
#: when no sentence here tells it).
_ASKS_RUNS = re.compile(
    r"^(?:who\s+(?:runs|heads|manages|owns|is\s+(?:running|in\s+charge\s+(?:of|at))|"
    r"took\s+over)|who(?:s|['’]s)\s+in\s+charge\s+(?:of|at))\s+"
    # a team, not a race's order ("who runs second", "who took over the lead")
    r"(?!.*\b(?:lead|leads|championship|standings|race|points|laps?|first|second|third|fastest"
    r"|strongest|quickest|well|best)\b)"
    r"(.+?)(?:\s+(?:now|today|these\s+days|currently|nowadays))?$"
)

#: "who drives for X", "who races for X", "who are X's drivers", "who are the X riders".
_ASKS_TEAM_PEOPLE = re.compile(
    r"^who\s+(?:(?:drives|races|rides|competes)\s+for|(?:is|are)\s+(?:driving|racing|riding)"
    r"\s+for)\s+(?:the\s+)?(.+?)(?:\s+(?:now|this\s+(?:year|season)|these\s+days|currently))?$"
    r"|^who\s+(?:are|r|is)\s+(?:the\s+)?(.+?)\s+(?:drivers|riders|driver\s+line-?up|"
    r"line-?up)(?:\s+(?:now|this\s+(?:year|season)|currently))?$"
)
#: How many paragraphs naming each of a team's drivers are read for the team beside them.
TEAM_PEOPLE_PASSAGES = 60
#: At most this many sentences show a team's drivers.
TEAM_PEOPLE_SHOWN = 4


def _any_of(names: set[str]) -> str:
    """A pattern of any of a team's folded names, its words apart by anything not a word
    ("23xi racing" is "23XI Racing", "vantor racing" is in "Vantor Racing's")."""
    ordered = sorted(names, key=len, reverse=True)
    return "(?:" + "|".join(r"\W+".join(map(re.escape, n.split())) for n in ordered) + ")"


def _drives(roles: Sequence[str]) -> bool:
    """Whether roles make someone one of a team's drivers or riders (not its reserve)."""
    return any(
        r.split()[-1] in ("driver", "rider") and not {"reserve", "test", "former"} & set(r.split())
        for r in (role.casefold() for role in roles)
        if r.split()
    )
