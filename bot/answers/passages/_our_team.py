""" "We" and "our" in a team member's words: the team they speak for.

"We are 14 points behind the car in front," said by Williams' team principal, tells how far
behind Williams are, though the sentence never names Williams; "We will not protest," said
by Ferrari's, whether Ferrari will. The speaker's team holds for the sentence as its own
words would: the team the speaker's own story gives them, else the one the register of
motorsport people gives them in the story's season (an interview's subject is often never
written as "Williams team principal James Vowles"). Never their newest team: a principal
who has moved since spoke for the team she was with then.

An object "us" gives no team: in "Aston Martin are 11 points behind us" the team is the
one others stand behind, and the sentence read with the team's name as a word of its own
would tell the comparison the wrong way round ("how far behind are Williams").
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from bot.answers.passages._words import stems
from bot.answers.understand import the_register

if TYPE_CHECKING:
    from bot.ingest.register import Register

#: The first person plural as the one acting or having: a speaker talking for the team.
_WE = re.compile(r"\b(?:we|our|ours|we['’](?:re|ve|ll|d))\b", re.I)
#: ... and as the one done to or compared with.
_US = re.compile(r"\bus\b", re.I)


def holds_we(text: str) -> bool:
    """Whether ``text`` says "we" or "our" anywhere: a quote whose story's teams are worth
    reading (its sentences are then asked :func:`says_we` one by one)."""
    return bool(_WE.search(text))


def says_we(text: str) -> bool:
    """Whether ``text`` speaks for a team: "we" or "our", and no object "us"."""
    return holds_we(text) and not _US.search(text)


def our_team(speaker: str, story_team: str | None, sentence: str, year: int) -> frozenset[str]:
    """The stems of the team ``speaker`` speaks for in ``year`` when ``sentence`` (theirs)
    :func:`says_we`; ``story_team`` is the team their story gives them. Nothing otherwise,
    or when the team is not known."""
    if not says_we(sentence):
        return frozenset()
    register = the_register() if not story_team else None
    team = story_team or (_registered_team(register, speaker, year) if register else None)
    return frozenset(stems(team)) if team else frozenset()


@functools.lru_cache(maxsize=1024)
def _registered_team(register: Register, name: str, year: int) -> str | None:
    """The one team ``register`` gives the one person ``name`` names, in season ``year``
    (keyed by the register too: another data directory is another register)."""
    found = register.find(name)
    teams = found[0].team_in(year) if len(found) == 1 else ()
    return teams[0] if len(teams) == 1 else None
