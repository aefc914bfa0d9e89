""" "We", "us" and "our" in a team member's words: the team they speak for.

"Aston Martin are 11 points behind us," said by Williams' team principal, tells how far
behind Williams Aston Martin are, though the sentence never names Williams; "We will not
protest," said by Ferrari's, whether Ferrari will. The speaker's team holds for the
sentence as its own words would: the team the articles give them, else the one the
register of motorsport people gives them in the story's season (an interview's subject is
often never written as "Williams team principal James Vowles").
"""

from __future__ import annotations

import functools
import re

from bot.answers.passages._words import stems
from bot.models import Person

#: The first person plural: a speaker talking for the team.
_WE = re.compile(r"\b(?:we|us|our|ours|we['’](?:re|ve|ll|d))\b", re.I)


def our_team(speaker: str, known: Person | None, sentence: str, year: int) -> frozenset[str]:
    """The stems of the team ``speaker`` speaks for in ``year`` when ``sentence`` (theirs)
    says "we", "us" or "our"; nothing otherwise, or when the team is not known."""
    if not _WE.search(sentence):
        return frozenset()
    team = known.team if known is not None and known.team else _registered_team(speaker, year)
    return frozenset(stems(team)) if team else frozenset()


@functools.lru_cache(maxsize=1024)
def _registered_team(name: str, year: int) -> str | None:
    """The one team the register gives the one person ``name`` names, in season ``year``."""
    from bot.ingest.register import Register
    from bot.ingest.resolve import default_register  # the register loads on first use

    register = default_register()
    if not isinstance(register, Register):
        return None
    found = register.find(name)
    teams = found[0].team_in(year) if len(found) == 1 else ()
    return teams[0] if len(teams) == 1 else None
