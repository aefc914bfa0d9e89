"""What a biography tells of someone, asked in passing: a nickname and what it means, their
car, their first team; and the dispatch of the biography kinds, whose others have modules of
their own (``_wellbeing``, ``_team_people``, ``_ratings``, the layers below this one); the people's
layers (``_relations``, ``_team_of``, ``_people``) build on this class."""

from __future__ import annotations

import re

from bot.answers.passages import (
    Query,
    Scored,
    _mentions,
    forms_of,
)
from bot.answers.records import (
    Answer,
    PassageAnswer,
)
from bot.answers.router._ratings import RatingsRouter
from bot.answers.router._team_people import _ASKS_RUNS, _ASKS_TEAM_PEOPLE
from bot.answers.text import normalise, strip_quotes
from bot.answers.understand import (
    Reading,
)
from bot.models import Person

__all__ = ["BiographyRouter"]


class BiographyRouter(RatingsRouter):
    """What a biography, a tribute or a ratings piece tells of someone."""

    async def _person_asked(self, bare: str, reading: Reading) -> Answer | None:
        """What a biography or a ratings piece tells of someone: a mark, what a nickname
        means, who runs a team now. None when not asked or not told."""
        low = bare.casefold()
        if (m := _ASKS_NICKNAME.match(low)) and (found := await self._nickname_meaning(m)):
            return found
        if m := _ASKS_NICKNAME_OF.match(low):
            who = strip_quotes(next(g for g in m.groups() if g))
            name = (
                reading.people[0] if len(reading.people) == 1
                else self.lookup.resolve_person(re.sub(r"['’]?s$", "", who))
            )  # fmt: skip
            if name is not None and (found := await self._nickname_of(name)) is not None:
                return found  # "whats alonsos nickname", "whats sebastian montoyas nickname"
        if (m := _ASKS_RUNS.match(low)) and (found := await self._runs(m[1])):
            return found
        if (m := _ASKS_TEAM_PEOPLE.match(low)) and (found := await self._drivers_of(m)):
            return found
        if _ASKS_CAR.match(low) and len(reading.people) == 1:
            # "what car does o'ward drive": the sentence giving their car as a report writes
            # it ("O'Ward's No. 5 Arrow McLaren Chevrolet", "in his Toyota Corolla").
            name = reading.people[0]
            query = Query(people=(name,), subject=name, need_written=_CAR_WRITTEN, min_cover=0.0)
            found, _ = await self.passages.find(query)
            if found:
                return PassageAnswer(tuple(self.passages_found(found[:2])), "")
        if _ASKS_FIRST_TEAM.match(low) and len(reading.people) == 1:
            # "what team did hulk start in f1 with": the sentence telling where a career
            # began ("a Formula 1 career that began with Williams in 2010"), naming them.
            name = reading.people[0]
            query = Query(
                people=(name,), subject=name, need_written=_TELLS_FIRST_TEAM, min_cover=0.0
            )
            found, _ = await self.passages.find(query)
            person = self.lookup.index.people.get(name) or Person(name)
            found = [f for f in found if _mentions(f.text, forms_of(person))]
            if found:
                return PassageAnswer(tuple(self.passages_found(found[:2])), "")
        return await self._marks(bare, reading)

    async def _nickname_of(self, name: str) -> Answer | None:
        """Someone's nickname ("whats alonsos nickname"): the sentences of the newest stories
        that write a nickname the articles give them ("El Nano to a generation of Spanish
        fans"), beside their name or the naming verb, cited. An epithet ("the Spaniard") is
        one only where a naming verb gives it; a car number never. None when none is written."""
        person = self.lookup.index.people.get(name)
        if person is None:
            return None
        nicknames = [
            a for a in person.aliases
            if not a.casefold().startswith(("no.", "no ", "#", "car "))
            and a.casefold() not in {w.casefold() for w in person.name.split()}
        ]  # fmt: skip
        shown: list[Scored] = []
        for nickname in nicknames:
            found, _ = await self.passages.find(
                Query(phrases=(normalise(nickname),), min_cover=0.0)
            )
            giving = [
                f for f in found
                if nickname.casefold() in f.text.casefold()
                # "the Spaniard" is an epithet unless a sentence gives it as a name
                and (_GIVES_NAME.search(f.text) or (
                    not nickname.casefold().startswith("the ")
                    and _mentions(f.text, forms_of(person))
                ))
            ]  # fmt: skip
            giving.sort(
                key=lambda f: -f.passage.source.published.toordinal() if f.passage.source else 0
            )
            shown += [f for f in giving[:1] if f.text not in {s.text for s in shown}]
        if not shown:
            return None
        return PassageAnswer(tuple(self.passages_found(shown[:3])), "")

    async def _nickname_meaning(self, m: re.Match[str]) -> Answer | None:
        """Why someone is called what they are ("why did they call him le sorcier"): the
        sentence giving the name ("His mechanics called him 'le Sorcier', the Wizard, for
        fuel strategies ...") says why, as the writer tells it."""
        name = normalise(strip_quotes(next(g for g in m.groups() if g)))
        if not name:
            return None
        found, _ = await self.passages.find(
            Query(phrases=(name,), need_written=_NAMING, min_cover=0.0)
        )
        giving = [f for f in found if name in normalise(f.text) and _NAMING.search(f.text)]
        if not giving:
            return None
        return PassageAnswer(tuple(self.passages_found(giving[:2])), "")


#: "why did they call him X", "why is he called X", "what does X mean", "where does the
#: nickname X come from": the group is the name.
_ASKS_NICKNAME = re.compile(
    r"^why\s+(?:do|did|does|is|was|are|were)\s+(?:\w+\s+){0,2}?"
    r"(?:call|calls|called|nickname|nicknamed|name|named|dub|dubbed)\s+(?:him|her|them|it)?\s*(.+)$"
    r"|^why\s+(?:is|was|are|were)\s+\S+(?:\s+\S+)?\s+(?:called|nicknamed|known\s+as|dubbed)\s+(.+)$"
    r"|^where\s+(?:does|did)\s+(?:the\s+|his\s+|her\s+)?(?:nick)?name\s+(.+?)\s+come\s+from$"
)
#: "whats alonsos nickname", "what is Max's nickname", "what do they call Bezzecchi",
#: "what is Alonso known as": the nickname asked of someone the question names.
_ASKS_NICKNAME_OF = re.compile(
    r"^(?:what(?:['’]?s|\s+is|\s+are)|whats)\s+(.+?)\s+nick\s?names?$"
    r"|^what\s+(?:do|did|does)\s+(?:they|people|fans|you|the\s+\w+)\s+call\s+(.+)$"
    r"|^what\s+(?:is|was)\s+(.+?)\s+(?:known\s+as|nicknamed)$"
)
#: A sentence giving someone a name, "known" and "as" apart too ("Known in the paddock as").
_GIVES_NAME = re.compile(
    r"\b(?:call(?:ed|s)?|nicknamed?|known\b[^.;]{0,40}?\bas|dubbed|christened|named)\b",
    re.IGNORECASE,
)
#: A sentence giving a name: "called him", "nicknamed", "known as", "dubbed".
_NAMING = re.compile(
    r"\b(?:call(?:ed|s)?|nicknamed?|known\s+as|dubbed|christened|named)\b", re.IGNORECASE
)

#: "what car does X drive", "what bike does X ride", "what number does X race".
_ASKS_CAR = re.compile(
    r"^(?:what|which)\s+(?:car|bike|number|machine)\s+(?:does|did|is)\s+.+?\s+"
    r"(?:drive|driving|drives|ride|riding|race|racing|run|running|use|have|in)$"
)
#: A car as a report writes it beside its driver: "No. 5 Arrow McLaren Chevrolet", "#24",
#: "in his Toyota Corolla", "O'Ward's Chevrolet".
_CAR_WRITTEN = re.compile(
    r"\bNo\.?\s*\d+\s+[A-Z]|#\d+\b|\b(?:his|her|their)\s+(?:[A-Z][\w-]+\s+){0,2}[A-Z][\w-]+"
    r"(?=\s+(?:and|to|for|from|in|on|at|,|\.))|\bcar\s+number\s+\d+"
)
#: "what team did X start (in f1) with", "which team did X debut for", "who did X start with".
_ASKS_FIRST_TEAM = re.compile(
    r"^(?:what|which|who)\s+(?:team\s+)?did\s+.+?\s+(?:start|begin|debut)\b.*\b(?:with|for|at)$"
)
#: A sentence telling where a career began: "began with Williams", "made his debut for
#: Sauber", "started out at Minardi".
_TELLS_FIRST_TEAM = re.compile(
    r"\b(?:began|begun|started|start|debut(?:ed)?)\b(?:\s+\w+){0,3}?\s+(?:with|for|at)\s+"
    r"(?:the\s+)?[A-Z]"
)
