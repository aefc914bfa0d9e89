"""Credit for a sentence holding what the question's kind asks for, told in the sentence's
own terms rather than by the kind's cue words or the people the index knows: a place for
"where", the team itself for a question about a team.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from bot.answers.passages._places import tells_place
from bot.answers.passages._records import Query, Scored
from bot.answers.passages._words import _mentions
from bot.answers.text import normalise
from bot.models import Person

#: What a sentence naming a place gains when "where" is asked (as a cue of the kind would).
PLACE_SHARE = 1.0
#: What a sentence naming the team asked about gains (as naming one of its people does).
TEAM_SHARE = 2.0


def credit_asked(
    query: Query, scored: Iterable[Scored], places: frozenset[str], people: Mapping[str, Person]
) -> None:
    """Mark and credit, in place, the sentences that give the question's kind of answer in
    their own terms.

    "where was the podcast recorded": "recorded ... in our London studio" is the shape of
    answer asked, as "at Turn 3" is (the kind's cue words are only a track's places).
    "why did the porsche lose 14 laps": "the Porsche lost 14 laps" is about the team as a
    sentence naming one of its people is, whichever of them the index knows from another
    story.
    """
    teams = (
        {normalise(p.team) for n in query.team_people if (p := people.get(n)) and p.team}
        if query.need_team
        else set()
    )
    if not (query.place_asked or teams):
        return
    for s in scored:
        if query.place_asked and not s.cue and tells_place(s.text, places):
            s.cue = True
            s.score += PLACE_SHARE
        if teams and not s.team and _mentions(s.text, teams):
            s.team = True
            s.score += TEAM_SHARE
