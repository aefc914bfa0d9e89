"""The words a question asks about, each with what articles call it (``_groups``): the
question's own words beyond its kind, its figures and their units, a season's start or end."""

from __future__ import annotations

import re

from bot.answers.router._kinds import _EVENT_EDGE, _KINDS, _NEED_CUE
from bot.answers.router._needs import _CAR_NUMBER, _CLOCK_ASKED
from bot.answers.router._shapes import _TEAM_ROLE
from bot.answers.text import wordset
from bot.answers.understand import (
    CARDINAL_WORDS,
    COUNTED_UNITS,
    CUES,
    QUESTION_WORDS,
    Reading,
)


def _groups(reading: Reading, kinds: set[str]) -> list[tuple[str, ...]]:
    """The question's content words, each with what articles call it."""
    from bot.answers.understand import SYNONYMS

    needed_words = {w for k in kinds & set(_NEED_CUE) for w in CUES.get(k, ())}
    patterns = [p for k, p in _KINDS if k in kinds]
    groups = []
    team_question = bool(_TEAM_ROLE.search(reading.low) or _CAR_NUMBER.search(reading.low))
    edge = not reading.people and _EVENT_EDGE.search(reading.low) is not None
    opener = ("when" in kinds or "where" in kinds) and _OPENER_ASKED.search(reading.low)
    closer = ("when" in kinds or "where" in kinds) and _CLOSER_ASKED.search(reading.low)
    condition = _condition_words(reading.low) if "when" in kinds else frozenset()
    condition |= frozenset(w for m in _WHEN_ONLY.finditer(reading.low) for w in m[0].split())
    for word in reading.words:
        if word in condition:
            continue  # "when would X serve a ban if he gets one": the ban is the event
        if opener and word in ("first", "opening"):
            groups.append((word, "opens", "opener", "starts", "begins"))  # "the season opens"
            continue
        if word in ("opener", "openers") and kinds & {"when", "where"}:
            # "wheres the 2027 opener": the season's first round, "starting in Melbourne"
            groups.append((word, "opens", "opening", "starts", "starting", "begins"))
            continue
        if closer and word in ("last", "final"):
            groups.append((word, *_CLOSER_WORDS))  # "one race is left, at Yas Marina"
            continue
        if edge and word in _SEASON_EDGE:
            groups.append((word, *_SEASON_EDGE[word]))  # "the rally ends in Yanbu"
            continue
        if word.isdecimal() or _counted_unit(word, reading):
            # "this 25 lap rule", "a 5 second penalty": the figure a sentence must give,
            # and its unit (never "second" place); a small figure also as reports spell it
            # ("a 3 stop race": "three stops")
            spelt = CARDINAL_WORDS.get(int(word)) if word.isdecimal() else None
            groups.append((word, spelt) if spelt else (word,))
            continue
        if word in QUESTION_WORDS or word in _GROUP_SKIP:
            continue
        if team_question and word in _DRIVE_WORDS:
            continue
        if word in ("number", "numbers") and _BEYOND_TEAM.search(reading.low):
            continue  # "his car number": the number the sentence must give, not the word
        if word in _CAR_WORDS and _CAR_NUMBER.search(reading.low):
            continue  # "the 60 car": the number names the car, which the phrase asks for
        if "finish" in kinds and re.search(rf"\b{re.escape(word)}\s+up\b", reading.low):
            continue  # "where did X end up": the finish asked for, not the word "end"
        group = (word, *SYNONYMS.get(word, ()))
        if word in _SEASON_EDGE and _SEASON_ASKED.search(reading.low):
            group = (*group, *_SEASON_EDGE[word])
        if word in _POSITIONS and "points" not in kinds:
            groups.append(group)  # "who was third": the position asked is what must show
            continue
        if word == "long" and "duration" in kinds:
            continue  # "how long is X out": the spell asked, which the answer's need holds
        if word == "time" and _CLOCK_ASKED.search(reading.low):
            continue  # "what time is the race": the clock time asked, which the need holds
        if word in _SIZE_WORDS and re.search(rf"\bhow\s+{word}\b", reading.low):
            continue  # "how big is X's lead": a size asked, which the figure tells
        if word in needed_words:
            # the kind's cue already asks for it; a word only a looser kind cues is the
            # question's own ("why did they take the engine penalty": the engine's, not any
            # cause's)
            continue
        if any(p.search(word) for p in patterns):
            continue  # "divebombed" only says the kind (a crash), which its cue asks for
        groups.append((*group, *_shared_surnames(word, reading)))
    return groups


#: "did they go for a review in the end", "did he eventually sign": how a story ended is
#: asked, which its newest telling gives. "did he finally win" is not: "finally" is "at
#: last", the long-awaited first time, which an older story may tell.
OUTCOME_ASKED = re.compile(r"\b(?:in\s+the\s+end|eventually|after\s+all)\b")
#: Words that say when, never what ("end", "finally"): no word of the event asked.
_WHEN_ONLY = re.compile(rf"{OUTCOME_ASKED.pattern}|\bfinally\b")
#: A "when" question's closing condition ("when would he serve a ban if he gets one", "when
#: does he go if it rains"): it restates the event whose time is asked, in words the sentence
#: giving the time need not hold ("Two more would bring a ban, to be served at ...").
_CONDITION = re.compile(r"\b(?:if|unless|in\s+case)\s+(.+)$")


#: A condition that only restates the asked event by a pro-form ("if he gets one", "if he
#: does so", "if that happens"); "if it rains" adds a condition of its own.
_RESTATED = re.compile(r"\b(?:one|so|that|this|then)\b")


def _condition_words(low: str) -> frozenset[str]:
    """The words of a question's closing "if ..." clause, "if" itself among them, when the
    clause only restates the event: a condition of its own ("when would X pit if it rains")
    stays asked, so a past pit stop is no answer to it."""
    m = _CONDITION.search(low)
    return frozenset(m[0].split()) if m and _RESTATED.search(m[1]) else frozenset()


def _shared_surnames(word: str, reading: Reading) -> tuple[str, ...]:
    """The surnames of the people a given name several share stands for ("kimi": Antonelli,
    Raikkonen): a report names a driver by his surname ("two penalty points on Antonelli's
    licence"), never the fan's first name, and the sentence shown names which one it is."""
    names = reading.shared_names.get(word) or reading.shared_names.get(word.removesuffix("s"))
    if not names:
        return ()
    surnames = [n.casefold().split()[-1] for n in names if len(n.split()) > 1]
    return tuple(s for s in dict.fromkeys(surnames) if s != word)


def _counted_unit(word: str, reading: Reading) -> bool:
    """Whether ``word`` is the unit of a figure the question gives ("25 lap": the limit's
    laps, no lap the question is scoped to)."""
    tokens = reading.tokens
    return word in COUNTED_UNITS and any(
        t == word and i > 0 and tokens[i - 1].isdigit() and tokens[i - 1] in reading.words
        for i, t in enumerate(tokens)
    )


#: A season or an event starting or ending, as a schedule line words it ("The 2027 season
#: opens at Donington", "the rally ends in Yanbu"): only when the question asks about a
#: season or an event as a whole ("what tyres did X start on" is a grid, not an opening).
_SEASON_ASKED = re.compile(r"\b(?:season|year|championship|series|rally|calendar|campaign)\b")
_SEASON_EDGE: dict[str, tuple[str, ...]] = {
    "start": ("opens", "begins"), "starts": ("opens", "begins"),
    "begin": ("opens", "starts"), "kick": ("opens", "begins"),
    "end": ("ends", "finale", "concludes", "finishes"),
    "finish": ("ends", "finale", "concludes", "finishes"),
}  # fmt: skip
#: "when is the first race", "where is the season opener": the season's opening round, which
#: a schedule line tells as the season opening ("when the season opens in Melbourne").
_OPENER_ASKED = re.compile(r"\b(?:first|opening)\s+(?:race|round|grand\s+prix|gp|event)\b")
#: "when is the last race", "where's the final round": the season's closing round still to
#: come (never "when was the last race", the newest one run), which a schedule line tells as
#: the finale or the one race left.
_CLOSER_ASKED = re.compile(
    r"^(?:when|where)(?:s|\s+is|\s+will)\b.*\b(?:last|final)\s+(?:race|round|grand\s+prix|gp|event)\b"
)
_CLOSER_WORDS = ("final", "finale", "left", "remaining", "remains", "ends", "closes")
#: Positions: the one a question asks is the answer's content, not only its kind.
_POSITIONS = wordset("second third fourth fifth sixth seventh eighth ninth tenth podium")

#: Words that only say which kind of answer is wanted, never what it is about.
_GROUP_SKIP = wordset(
    "according blame blamed fault faults whose culprit why reason cause react reaction "
    "reacted respond response did anyone defend defended stick stuck stand stood support "
    "supported criticise criticize criticised criticized thank thanked thanks accept "
    "accepted admit admitted finish finished come came place placed position win won "
    "winner first lap turn next when where much many far old age went wrong track circuit "
    "corner position times stage hour session"
)
#: Words that only ask a size after "how" ("how big is the gap"): a number answers it.
_SIZE_WORDS = wordset("big large")
#: Words that only say a number is a car's ("the 60 car", "car number 8").
_CAR_WORDS = wordset("car cars entry no number")
#: Words that only say "whose team" in a question about a team ("who drives for 23XI").
_DRIVE_WORDS = wordset("drive drives driving drove ride rides riding rode")


#: "the title race", "his title hopes": the championship, never a job title; "his car
#: number": the number on the car, which no card of the person gives.
_BEYOND_TEAM = re.compile(
    r"\btitle\s+(?:race|fight|battle|hopes?|chances?|bid|run|contention|picture|decider)\b|"
    r"\b(?:car|bike|race)\s+numbers?\b"
)


def beyond_team(reading: Reading) -> bool:
    """Whether a question the role words match ("car", "title") asks one fact about the
    person that is no team or role: the title race ("is max out of the title race"), the car's
    number ("whats nico's car number"). A passage question about them, never their card.
    (Any other word beyond the role is no sign: "what is X's role at Y", "which team is X with
    next year" ask the card's fact.)"""
    return _BEYOND_TEAM.search(reading.low) is not None
