"""The router for plain questions: what a fan typed -> the kind of answer that fits it.

The commands' own shapes come first, as they always did ("who said ...", "did X apologise",
"what happened on lap N", "who is X", "what did X say", "recap", "facts", "quote from X");
then the kinds fans ask in their own words (who is on which team, did X blame/defend/thank
Y, who was at fault, why, when, where, who won, who got a penalty, the standings), which the
passages answer with the articles' own sentences. A question the articles cannot answer gets
one line saying what they do not say and the nearest thing they do; the help text is only for
input with no question in it.

Each kind is a module of its own, a layer of :class:`Router` (its docstring lists them in
order): which stories (``_series``, ``_place_stories``, ``_stories``), a person's story
(``_wellbeing``, ``_team_people``, ``_ratings``, ``_biography``), people (``_relations``,
``_team_of``, ``_people``), the passages (``_query``, ``_races``, ``_general``) and what was
said (``_who_said``, ``_apology``, ``_said``). A question's words are read by all of them:
its kinds in ``_kinds``, the words it asks about in ``_groups``, and the rest (names,
places, series, how a missing answer restates it) in ``_reading``.
"""

from __future__ import annotations

import dataclasses
import re

from bot.answers._fan_forms import asks_in_charge
from bot.answers._head_to_head import asks_head_to_head, head_to_head
from bot.answers.records import (
    Answer,
    PassageAnswer,
    WhoSaidAnswer,
)
from bot.answers.router._accepted import reaction_to_apology
from bot.answers.router._general import _denied
from bot.answers.router._groups import beyond_team
from bot.answers.router._kinds import _kinds
from bot.answers.router._reading import (
    _ACCEPTS,
    _FACT_WORDS,
    _WH,
    _WH_TYPED,
    _YES_NO,
    FALLBACK_WORDS,
)
from bot.answers.router._said import SaidRouter
from bot.answers.router._shapes import (
    _ADMIT,
    _APOLOGY_WORDS,
    _FACTS,
    _FACTS_ONLY,
    _HELP,
    _LAP_NUMBER,
    _LAP_ONLY,
    _LATEST,
    _LEAD_IN,
    _NTH_LAP,
    _PERSON_ON,
    _QUOTE_FROM,
    _QUOTED,
    _REACTING,
    _REACTION,
    _RECAP,
    _TAKING,
    _TEAM_ROLE,
    _TOLD,
    _TRAILING,
    _VIEW_ASKED,
    _WHAT_HAPPENED,
    _WHAT_SAID,
    _WHO_ASKED,
    _WHO_IS,
    _WHO_SAID,
    _WHO_SAID_ANY,
    _WHY_THINK,
)
from bot.answers.text import clean, normalise, strip_quotes
from bot.answers.understand import (
    Reading,
    read,
)
from bot.answers.understand._places import _known_place
from bot.models import INTERVIEWER

__all__ = ["Router"]


class Router(SaidRouter):
    """Reads a plain question and finds the answer that fits it.

    Each kind of question is a layer of its own module, the one below the next:
    ``_base`` (state, shared reads) < which stories: ``_series`` (a series' stories, a
    round-up's items) < ``_place_stories`` (a place's, a race's by name) < ``_stories`` (the
    stories a question points at) < a person's story: ``_wellbeing`` (health, feelings, a
    death) < ``_team_people`` (who drives for X, who runs X) < ``_ratings`` (a ratings piece's
    marks) < ``_biography`` (nicknames, car, first team; the biography kinds' dispatch) <
    people: ``_relations`` (team-mates, co-drivers, replacements, family) < ``_team_of``
    (someone's team, the newest story's) < ``_people`` (who is X, a role, a boss) <
    ``_query`` (the passages' query) < ``_races`` (a race's moment: still ahead, before it, a
    part of it, a lap) < ``_general`` (the passages) < what was said: ``_who_said`` (who said
    a phrase, who asked, who would not comment) < ``_apology`` (apologies and refusals) <
    ``_said`` (what X said, about Y) < this dispatch.
    """

    def is_random(self, question: str) -> bool:
        """Whether the question asks for a random quote, which must not be kept."""
        bare = _TRAILING.sub("", _LEAD_IN.sub("", clean(question)).strip())
        m = _QUOTE_FROM.match(bare)
        return bool(m) and not strip_quotes(m[1] or m[2] or "")

    async def _count_stories(self, reading: Reading) -> list[str] | None:
        """The stories a head-to-head question points at by its year and its race or
        place, as the router chooses them for any question (None: any). A team "at halden"
        is no place a story is at: only a race or a place the places file knows counts."""
        places = [p for p in reading.places if p.endswith("grand prix") or _known_place(p.split())]
        asked = dataclasses.replace(reading, places=places)
        return await self._stories(asked, _kinds(asked))

    async def ask(self, question: str) -> Answer:
        """Route a plain question to the answer that fits it."""
        text = clean(question)
        while (stripped := _LEAD_IN.sub("", text).strip()) != text:
            text = stripped
        bare = _TRAILING.sub("", text)
        if not bare or _HELP.match(bare):
            return self.help()
        reading = read(bare, self.lookup)
        if reading.guessed and (words := await self._plain_words(reading.guessed)):
            # "who was speeding in the pit lane": "lane" is the articles' own word, no typo
            # of "Lance"; only a word they never use may be a misspelt name.
            reading = read(bare, self.lookup, frozenset(words))
        if not reading.tokens:
            return self.help()

        if m := (_WHO_SAID.match(bare) or _WHO_SAID_ANY.match(bare)):
            phrase = m[m.lastindex or 1] if m.lastindex else ""
            quoted = _QUOTED.search(phrase)
            phrase = (quoted[1] or quoted[2]) if quoted else phrase
            phrase = re.sub(r"^(?:it\s+was|that|it|its|it's)\s+", "", strip_quotes(phrase))
            return await self._who_said(phrase) if phrase.strip() else self.help()

        if (m := _WHO_ASKED.match(bare)) and (found := await self._who_asked(m[1])):
            return found  # "who asked about the safety car": the transcript names the asker

        said = _WHAT_SAID.match(bare)
        if said and _REACTING.search(said[0]) and (found := await self._what_said(
            said[1], said[2], reading
        )):  # fmt: skip
            return found  # "how did Hamilton react to Russell's apology?"
        if (taken := _TAKING.match(bare)) and (found := await self._what_said(
            taken[1], f" to {taken[2]}", reading
        )):  # fmt: skip
            return found  # "how did Browning take the DNF": his reaction to it
        if (
            (view := _VIEW_ASKED.match(bare))
            and self.lookup.resolve_person(view[1])
            and (found := await self._what_said(view[1], f" about {view[2]}", reading))
            # (none of their words on it: a sentence reporting their view may still tell it)
            and not _denied(found)
        ):
            return found  # "did Hadjar agree with his penalty": his words on it
        if (_APOLOGY_WORDS.search(bare) or _ADMIT.search(bare)) and not _QUOTED.search(bare):
            if _ACCEPTS.search(bare):
                # "did Chastain accept Wallace's apology": what Chastain said after it (the
                # one named last made it); failing that, what Chastain made of it; a name
                # the reading missed ("estre") too, never someone else's apology.
                if len(reading.people) == 2 and (
                    taken := await reaction_to_apology(self.engine, *reading.people)
                ):
                    return taken
                return await self._general(bare, reading)
            return await self._apology(bare, reading)

        if _LAP_ONLY.match(bare):
            m = _LAP_NUMBER.search(bare) or _NTH_LAP.search(bare)
            assert m is not None
            return await self._lap(int(m[1]), reading)

        if (relation := await self._relation(bare, reading)) is not None:
            return relation  # "who is Solberg's co-driver", "who replaces Hulkenberg"
        if (wellbeing := await self._wellbeing(bare, reading)) is not None:
            return wellbeing  # "is Bassani hurt", "how is Piastri feeling"
        if (told := await self._person_asked(bare, reading)) is not None:
            return told  # "who got the worst mark", "why did they call him le sorcier"

        if (
            (m := _WHO_IS.match(bare))
            and not _kinds(reading) - {"nickname"}
            and not asks_in_charge(bare)  # "whos in charge at haas": its boss, from the passages
        ):
            found = await self._who_is(strip_quotes(m[1]), reading)
            if found is not None:
                return found

        team_asked = _TEAM_ROLE.search(bare)
        if (
            team_asked
            # "was it a failure on Pecco's bike": a yes/no about the bike, not whose it is
            and not (_YES_NO.match(bare) and team_asked[0].casefold() in ("bike", "car"))
            # "what did Max say about the title fight": his words asked, the title their topic
            and not _WHAT_SAID.match(bare)
            and len(reading.people) == 1
            and not _kinds(reading) - {"finish", "points", "where"}
            # "whats nico's car number", "is max out of the title race": one fact about them
            and not beyond_team(reading)
        ):
            found = await self._team_of(reading.people[0], reading)
            return found or await self.engine.who(reading.people[0])

        if m := _WHAT_SAID.match(bare):
            found = await self._what_said(m[1], m[2], reading)
            if found is not None:
                return found
        if (
            (m := _TOLD.match(bare))
            and self.lookup.resolve_person(m[1])
            and (found := await self._what_said(m[1], m[2], reading))
        ):
            return found
        if (m := _WHY_THINK.match(bare)) and (found := await self._what_said(m[1], m[2], reading)):
            return found
        if (m := _REACTION.match(bare)) and not _WH.match(bare):
            found = await self._what_said(m[1], m[2], reading)
            if found is not None:
                return found
        if (
            (m := _PERSON_ON.match(bare))
            and not _WH.match(bare)
            and not _YES_NO.match(bare)
            # "lawson on lap 23", "max on pole at monza": a moment of their race, not words
            and reading.lap is None
            and reading.turn is None
            and not reading.places
            and self.lookup.resolve_person(m[1])
        ):
            found = await self._what_said(m[1], m[2], reading)
            if found is not None:
                return found

        if _RECAP.search(bare):
            rest = _RECAP.sub(" ", bare)
            return await self.engine.recap(self.lookup.article_named(rest))

        if _LATEST.match(bare):
            return await self.engine.recap(None)
        if _FACTS_ONLY.match(bare):
            return await self.engine.facts(None)
        if _FACTS.search(bare) and not _WHAT_HAPPENED.search(bare):
            rest = _FACTS.sub(" ", bare)
            story = self.lookup.article_named(rest)
            if story is None and (slugs := await self._stories(reading, set())):
                story = slugs[0]
            for word in reading.words if story is None else ():
                if word in _FACT_WORDS:
                    continue
                slugs = sorted(await self._place_stories([word], own_race=True))
                if slugs:
                    ordered = [a.slug for a in self.lookup.index.articles if a.slug in slugs]
                    story = ordered[0]
                    break
            return await self.engine.facts(story)

        if m := _QUOTE_FROM.match(bare):
            target = strip_quotes(m[1] or m[2] or "")
            if not target:
                return await self.engine.quote()
            name = self.lookup.resolve_person(target)
            if name:
                return await self.engine.quote(speaker=name)
            if (several := self._several(target)) is not None:
                return several

        if self.lookup.resolve_person(bare):
            return await self.engine.who(bare)

        quoted = _QUOTED.search(bare)
        if quoted:
            return await self.engine.whosaid(quoted[1] or quoted[2])
        if (
            not reading.people
            and not _WH_TYPED.match(bare)
            and not _YES_NO.match(bare)
            and len(normalise(bare).split()) >= FALLBACK_WORDS
        ):
            # No question word: perhaps a remembered phrase ("the best day of my life").
            found = await self.engine.whosaid(bare)
            # An interviewer's question is nobody's remembered words: the fan asks it too.
            if isinstance(found, WhoSaidAnswer) and found.quote.label != INTERVIEWER:
                return found
        if asks_head_to_head(reading.low) and (
            lines := await head_to_head(
                self.engine.store, self.lookup, reading, await self._count_stories(reading)
            )
        ):
            # "whats the quali head to head": the score line heading its section
            return PassageAnswer(tuple(self.passages_found(lines)), "")
        return await self._general(bare, reading)
