"""A news story's correction at its foot: "Correction, December 2: An earlier version of this
story said that the team withdrew on Wednesday morning; it told the FIA on Tuesday evening."

The body already carries the corrected facts; the correction repeats each wrong version
beside the right one ("And it said he was three points short of a ban; he is two short"). A
fan asking the fact gets the body's sentence: a correction's sentence leads with the wrong
version, so it answers only when nothing in the body does, and comes after the body's
sentences among the nearest.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.answers.passages._records import Scored

__all__ = ["body_first", "corrects", "demote_corrections", "is_correction"]

#: A correction's paragraph: headed so ("Correction:", "Clarification, May 3:"), or telling
#: what an earlier version of the story said.
_CORRECTION = re.compile(
    r"^\s*(?:Correction|Clarification|Editor['’]s\s+note)\b[^:.]{0,40}:|"
    r"\b(?:an\s+)?earlier\s+version\s+of\s+this\s+(?:story|article|report|piece)\b",
    re.I,
)


def corrects(paragraph: str) -> bool:
    """Whether a paragraph is a correction of the story."""
    return _CORRECTION.search(paragraph) is not None


def is_correction(s: Scored) -> bool:
    """Whether a sentence stands in a correction's paragraph."""
    return corrects(s.passage.text)


#: What a correction's sentence loses against the body's: more than a cue and a name give.
CORRECTION_COST = 10.0


def demote_corrections(scored: Sequence[Scored]) -> None:
    """Rank each correction's sentence below the body's that tell as much (in place)."""
    for s in scored:
        if is_correction(s):
            s.score -= CORRECTION_COST


def body_first(found: Sequence[Scored], *, drop: bool) -> list[Scored]:
    """The sentences with the body's before the correction's (their order kept otherwise);
    with ``drop``, the correction's left out when the body has any."""
    body = [s for s in found if not is_correction(s)]
    if len(body) == len(found):
        return list(found)
    if drop and body:
        return body
    return body + [s for s in found if is_correction(s)]
