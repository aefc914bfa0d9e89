""" "We", "us" and "our" in a team member's words: the team they speak for.

"Aston Martin are 11 points behind us," said by Williams' team principal, tells how far
behind Williams Aston Martin are, though the sentence never names Williams; "We will not
protest," said by Ferrari's, whether Ferrari will. The speaker's team (as the articles and
the register give it) holds for the sentence as its own words would.
"""

from __future__ import annotations

import re

from bot.answers.passages._words import stems
from bot.models import Person

#: The first person plural: a speaker talking for the team.
_WE = re.compile(r"\b(?:we|us|our|ours|we['’](?:re|ve|ll|d))\b", re.I)


def our_team(speaker: Person | None, sentence: str) -> frozenset[str]:
    """The stems of the team ``speaker`` speaks for when ``sentence`` (theirs) says "we",
    "us" or "our"; nothing otherwise."""
    if speaker is None or not speaker.team or not _WE.search(sentence):
        return frozenset()
    return frozenset(stems(speaker.team))
