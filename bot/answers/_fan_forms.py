"""Forms of a fan's question that mean more than their words: short forms ("next yr",
"penalty pts"), "next year" (a year, not the words "next" and "year"), "is X out" (a seat
lost, where "out" is otherwise a filler). :func:`bot.answers.understand.read` applies them;
kept here so the reading's big module does not grow with each."""

from __future__ import annotations

import re

from bot.answers.text import wordset

__all__ = ["NEXT_YEAR", "asks_in_charge", "out_of_a_seat", "spelt_out"]

#: Fans' short forms of words reports write out: read as the word, so a sentence saying it
#: answers, "next yr" is next year and "gps" are grands prix (never "GP"'s, a nickname's).
#: A Superbike weekend's "SPR" is its Superpole Race (the short Sunday-morning race), never a
#: place "Spr".
_SHORT_FOR = {
    "yr": "year", "yrs": "years", "pts": "points", "pt": "point", "gps": "grands prix",
    "spr": "superpole race",
}  # fmt: skip
_SHORT = re.compile(r"\b(?:yrs?|pts?|gps|spr)\b")

#: "how many races next year", "where is X going next yr": the year after the newest
#: story's, which a sentence on next season's plans names ("will race 24 times in 2027",
#: "left without a seat for 2027"); read as a hint, as a day is, never as the words "next"
#: and "year" (which matched nothing, or the next race).
NEXT_YEAR = re.compile(r"\bnext\s+(?:year|season)s?\b")

#: Verbs that ask whether someone is out (of a seat, a team): "is Lawson out", "is he out at
#: Racing Bulls"; "out of the race", "out of the title fight" are other questions.
_IS_VERBS = wordset("is are was were")


#: "whos in charge at aprilia", "who is in charge of haas": the team's boss, whom a report
#: calls its principal, chief or manager (a boss's words), never the word "charge" ("his late
#: charge to third"). The router reads it first as who runs the team (``_team_people``'s
#: ``_ASKS_RUNS``); this form is the fallback, for the passages, when no sentence there tells it.
_IN_CHARGE = re.compile(r"\bin\s+charge\b(?!\s+of\s+(?:the\s+)?(?:car|bike|strategy|tyres?)\b)")


def asks_in_charge(text: str) -> bool:
    """Whether a question asks who is in charge somewhere ("whos in charge at haas"): a
    boss asked for, never a person called "in charge at haas"."""
    return _IN_CHARGE.search(text.casefold()) is not None


#: "where did X get past Y", "what lap did X get by Y": a pass, which a report words "passed"
#: or "overtook"; read as "overtake" (whose synonyms those are), so the everyday "past" ("in
#: the past", "past winners") is never read as a pass, nor "get by with", "get by on".
_GET_PAST = re.compile(
    r"\b(?:get|gets|got|getting|gotten)\s+(?:past|by(?!\s+(?:with|on|without|in)\b))\b"
)

#: "where did X hold up Y", "was he held up": one car in another's way, which the stewards
#: word "impeded" and a report "caught in traffic behind X"; read as "impede" (whose
#: synonyms those are), so "hold the lead", "held off Y" are never read as a hold-up.
_HOLD_UP = re.compile(r"\b(?:hold|holds|holding|held)\s+up\b")

#: "what was X's best lap (time)": the lap a report calls the "fastest"; read as it, so
#: "best" alone ("who was best at X", "his best result") is never read as the fastest lap.
_BEST_LAP = re.compile(r"\bbest\s+laps?\b")

#: "how close was X to Y", "how close did X get to Q2": a gap, in time, points or places, as
#: "how far" asks it; read as it, so the word "close" is never searched for.
_HOW_CLOSE = re.compile(r"\bhow\s+close\b")


def spelt_out(low: str) -> str:
    """A folded question with fans' short forms written out ("next yr" -> "next year",
    "in charge" -> "boss", "get past" -> "overtake", "hold up" -> "impede", "how close" ->
    "how far", "best lap" -> "fastest lap"; a clipped "min" meets "minimum" in
    passages/_scoring)."""
    low = _HOLD_UP.sub("impede", _GET_PAST.sub("overtake", _HOW_CLOSE.sub("how far", low)))
    low = _BEST_LAP.sub("fastest lap", low)
    return _IN_CHARGE.sub("boss", _SHORT.sub(lambda m: _SHORT_FOR[m[0]], low))


def out_of_a_seat(tokens: list[str], i: int, used: set[int]) -> bool:
    """Whether "out" at ``i`` asks whether the one just named (``used`` holds the name's
    tokens) loses their seat ("is X out", "is X out at Y"): content a sentence must hold
    ("Nobody has told me I'm out", "his contract would not be renewed"), where "out" is
    otherwise a filler ("who took X out")."""
    return (
        tokens[i] == "out"
        and i >= 2
        and tokens[0] in _IS_VERBS
        and i - 1 in used
        and (i + 1 >= len(tokens) or tokens[i + 1] != "of")
    )
