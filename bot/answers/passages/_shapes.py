"""The shapes of sentences that scoring, picking and reading all look for.

A live blog's heading ("Lap 33 — "), an opening that leans on the sentence before ("He ...",
"The ...", "the incident"), a subject named late, a sanction and its reason, a sentence that
names no one: one pattern each, shared by every step that asks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.answers.passages._words import _mentions

#: A sanction and its reason: "a drive-through penalty for speeding", "excluded from the
#: results for a technical infringement", "deleted for track limits".
_SANCTION_FOR = re.compile(
    r"\b(?:penalty|penalised|penalized|excluded|disqualified|deleted|reprimand(?:ed)?|"
    r"fined|suspended|banned|drive-through|stop-go|long lap)\b[^.;:]{0,40}?\bfor\s+"
    r"(?!(?:the|his|her|their)\s+(?:team|race|rest|season|weekend|year)\b)\w",
    re.IGNORECASE,
)


#: A live blog entry's heading: "Lap 33 — ", "05:14 GMT — ".
_MARKER = re.compile(r"^(?:lap \d+|\d{1,2}[:.]\d\d(?: [a-z]{2,4})?)\s+[—–-]+\s+", re.I)
#: "The New Zealander took the blame", "The drive-through penalty dropped the Team Penske
#: driver": a sentence that names its subject only by what the one before told. Never "The
#: crew" or "The mechanics": a team's people, no one the sentence before named ("Fenn hit
#: the wall. The crew worked through the night" is no night's work of Fenn's).
_DEFINITE = re.compile(
    r"^The\s+(?!next\b|championship\b|series\b|race\b|stewards\b|crew\b|mechanics\b)\w"
)


#: A crew told back by its number ("the three finished 19.6 seconds ahead", "the trio"): an
#: endurance car's drivers, whom the sentence before named, as "the pair" is two of them.
#: Not "the crew": as often a team's mechanics, whom no sentence before names.
_CREW = r"the\s+(?:pair|three|trio|four|quartet)|all\s+three|both"
#: A subject told after an opening phrase, by pronoun or epithet: "On SS9, the Hyundai
#: driver clipped a bank", "After the restart, he ...": whom the sentence before named.
_LATE_SUBJECT = re.compile(
    r"^(?:[^,.]{2,60},\s+){1,2}"
    rf"(?:he|she|they|{_CREW}|the\s+(?:[A-Z][\w-]*\s+){{1,2}}(?:driver|rider|racer|man|woman))\b"
)
#: A sentence telling what became of an incident the one before it told: "The stewards
#: looked at the incident and took no further action", "Race control reviewed the clash":
#: it is about whom that one named, though it names no one.
_BACK_REFERENCE = re.compile(
    r"\b(?:the|that|this)\s+(?:incident|clash|collision|contact|crash|accident|tangle|"
    r"coming-together|coming together|shunt|lunge|move)\b",
    re.I,
)


_PRONOUN = re.compile(rf"^[\"“‘']?(?:he|she|they|it|his|her|their|{_CREW})\b", re.I)


#: What may open a word before its first letter: quotation marks and brackets.
_OPENERS = "\"'“‘([«"


def _names_no_one(sentence: str) -> bool:
    """Whether a sentence names no one: no capitalised word after its first ("The pass that
    decided the title came on lap 19 of 27."), so it can be about no one but whom the
    sentences around it name."""
    return not any(w.lstrip(_OPENERS)[:1].isupper() for w in sentence.split()[1:])


def _opens_with(text: str, forms: Iterable[str]) -> bool:
    """Whether a sentence names one of ``forms`` in its first three words (its subject).

    The passages' subject test: loose on purpose ("On Saturday Feld ...", "Rui Feld's car
    ..."), as it only weighs a sentence found among many. :func:`bot.answers.reading.opens_with`
    is the strict one (the name first), for a story read whole, where a subject carried on to
    the next sentences must be sure; the router's ``_relations._opens_with_person`` is this
    test plus a pronoun opening."""
    return _mentions(" ".join(text.split()[:3]), forms)
