"""A question read: the :class:`Reading` record and :func:`read`, which makes one.

``read`` applies the numbers of ``_numbers``, the places of ``_places`` and the people of
``_people`` to the question's words, and maps what is left through ``_words``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from rapidfuzz import fuzz, process

from bot.answers._fan_forms import NEXT_YEAR, out_of_a_seat, spelt_out
from bot.answers._years import spoken_years
from bot.answers.lookup import Lookup
from bot.answers.places import place_book
from bot.answers.text import normalise, wordset
from bot.answers.understand._numbers import (
    _FIRST_LAP,
    _HEAT,
    _HOUR,
    _LAP,
    _LAST_YEAR,
    _NUMBER_WORDS,
    _ORDINAL,
    _POWER_STAGE,
    _STAGE,
    _THIS_YEAR,
    _TURN,
    _TURN_SHORT,
    _WORD_HEAT,
    _WORD_LAP,
    _WORD_UNIT,
    _YEAR,
    ORDINAL_WORDS,
    SESSIONS,
    car_numbers,
    counted,
)
from bot.answers.understand._people import _people_in, _team_people
from bot.answers.understand._places import (
    _NOT_PLACES,
    _RACE_WORDS,
    _compared,
    _known_place,
    _places_named,
    _series_pair,
    _won_places,
    names_series,
)
from bot.answers.understand._words import (
    _DAY_WORDS,
    _STOP,
    CUES,
    NOT_TYPOS,
    QUESTION_WORDS,
    SERIES,
    SYNONYMS,
)
from bot.models import Person

_RACE_NAME = re.compile(r"\b((?:[a-z]+\s+){0,2}?[a-z]+)\s+(?:gp|grand\s+prix|e-?prix|500)\b")
#: (each word whole: "f2" of "in qatar f2" or "in the f2 feature" is a series, no place "f")
_PLACE = re.compile(
    r"(?=\b(at|in|during|after|from)\s+(?:the\s+)?"
    r"([a-z][a-z'-]*(?![\w'-])(?:\s+[a-z][a-z'-]*(?![\w'-]))?))"
)
#: A clause after "after" ("after he lost the title", "after they crashed"): an event told,
#: its subject a pronoun, never a place.
_CLAUSE_SUBJECT = wordset("he she they i we you it")
#: Someone's own thing after "in" or "at" ("with the title in his hands", "in their car"):
#: never a place, unless the places file knows the words ("at his home race" is no place).
_OWNER_WORDS = wordset("his her their its my your our")
#: A verb's -ing or past form opening the words after "after", "during" or "from" ("after
#: winning baku", "after losing the lead"): the event, and only its object may be a place.
#: A place so spelt (Sebring) is one the places file knows.
_VERB_FORM = re.compile(r"[a-z]{3,}(?:ing|ed)")
_EVENT_AFTER = frozenset({"after", "during", "from"})
#: A place named only to compare with ("like in qatar", "as at monza", "unlike in 2025").
_COMPARED = re.compile(r"\b(like|unlike|as|than)\s+$")
#: "what's X like", "how is X like": "like" asks for a description, comparing nothing.
_DESCRIBES = re.compile(r"^(?:what|whats|what's|wat|how|hows|how's)\b")
#: A yes/no question whether a thing exists ("is there a sprint at yas", "are there any
#: tyre limits", "will there be a shootout"): the thing (group 1) is what a sentence must
#: tell of, even a session's name, which elsewhere only scopes the answer ("who won the
#: sprint"); "There is no sprint this weekend" answers it.
_EXISTS = re.compile(
    r"^(?:is|are|was|were|will|would|wont|isnt|arent)\s+there\s+(?:be\s+|been\s+)?"
    r"(?:(?:a|an|any|some|no|another|still|even)\s+)*(\S+)"
)
#: "the last race", "this weekend": the newest story's race; never "the last race of 2027",
#: that year's closing round (a calendar tells it).
_NEWEST = re.compile(
    r"\b(?:last|latest|most\s+recent|this)\s+(?:race|round|weekend|story|gp)\b"
    r"(?!\s+(?:of|in)\s+(?:the\s+)?\d{4}\b)"
)
_INTENT_WORDS = sorted(
    {w for words in CUES.values() for w in words}
    | set(SYNONYMS)
    | {"happened", "penalty", "apologise", "criticise", "reaction", "react", "finish", "team",
       "role", "drive", "ride", "next", "lap", "turn", "crash", "retire", "blame", "defend"}
)  # fmt: skip


_INTENT_SET = frozenset(_INTENT_WORDS)


@dataclass(slots=True)
class Reading:
    """What a question asks, as far as the words tell.

    ``people`` are full names in the order the question names them; ``words`` the content
    words left once names, places and stop words are set aside (typos mended where they
    are close to a word fans use for a kind of answer), ``extra`` what those words are
    called in articles; ``places`` race or circuit words; ``race_named`` whether they came
    as "<x> GP"; ``lap``/``turn`` numbers asked about.
    """

    text: str
    low: str
    tokens: list[str]
    people: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    year: int | None = None
    newest: bool = False
    lap: int | None = None
    turn: int | None = None
    #: A part of the weekend or event asked about, read the way laps are: an hour of an
    #: endurance race ("hour 17", "the 17th hour"), a rally stage ("SS14", "stage 14"),
    #: the power stage, a session ("q2", "quali", "the sprint", "fp1"; see SESSIONS).
    hour: int | None = None
    stage: int | None = None
    power_stage: bool = False
    session: str | None = None
    #: Which race of a meeting of several ("race two"), as a stage is.
    heat: int | None = None
    team_people: list[str] = field(default_factory=list)
    index_people: dict[str, Person] = field(default_factory=dict)
    #: A name word several stored people share ("kimi", "sebastian") -> their full names:
    #: the question names none of them for sure, so the word stays a word to meet.
    shared_names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: What the question dates itself by ("on sunday", "this year"): hints for the
    #: sentence, never words it must hold.
    dated_by: list[str] = field(default_factory=list)
    #: Words taken for a name only as a typo of it ("verstapen"): the router checks they
    #: are no ordinary word of the articles ("lane" is not Lance, "drives" not Dries).
    guessed: list[tuple[str, str]] = field(default_factory=list)  # (word, name)
    #: A year no story was written in ("who drives for Audi in 2028"): one a sentence must
    #: say, where ``year`` limits the stories to those written in it.
    told_year: str | None = None

    @property
    def asks(self) -> bool:
        """Whether it is phrased as a question at all."""
        return bool(self.tokens) and (self.tokens[0] in QUESTION_WORDS or "?" in self.text)

    @property
    def content(self) -> list[str]:
        """Every word that is not a function word, including those read as a scope ("gp",
        "race", a session): what tells a real question from one with nothing in it."""
        return [t for t in self.tokens if len(t) > 1 and t not in _STOP and not t.isdigit()]


def _mend(word: str) -> str:
    """A typo of a word fans use for a kind of answer, mended ("penalsed" -> "penalised").

    A typo keeps its word's first letter: a word starting with another is a word of its
    own ("ground" is no "round", "slaps" no "laps"); an ordinary word a letter from a cue
    word is itself too ("contract" is no "contact": ``NOT_TYPOS``)."""
    if len(word) < 5 or word in _STOP or word in NOT_TYPOS:
        return word
    found = process.extractOne(word, _INTENT_WORDS, scorer=fuzz.ratio, score_cutoff=84)
    return found[0] if found and found[0][0] == word[0] else word


def read(text: str, lookup: Lookup, words_not_names: frozenset[str] = frozenset()) -> Reading:
    """Read a cleaned question; ``words_not_names`` are never taken as a typo of a name."""
    # "who won in 84", "back in '07": a year typed in two digits, before a car's number is.
    articles = lookup.index.articles
    newest = articles[0].published.year if articles else date.today().year
    spoken = spoken_years(text, newest, place_book().nouns)
    low = normalise(car_numbers(spoken).replace("-", " - ")).replace(" - ", "-")
    low = re.sub(r"\b(\w+) s\b", r"\1s", low)  # "russell s" (from "russell's") -> "russells"
    low = _ORDINAL.sub(lambda m: ORDINAL_WORDS[int(m[1] or m[2])], low)
    # "lap twelve", "the twelfth lap": lap 12, as reports write it ("first lap" stays).
    low = _WORD_LAP.sub(
        lambda m: f"lap {n}" if (n := _NUMBER_WORDS[m[1] or m[2]]) > 1 else m[0], low
    )
    low = _WORD_UNIT.sub(lambda m: f"{m[1] or m[4]} {_NUMBER_WORDS[m[2] or m[3]]}", low)
    low = re.sub(r"\bwarm\s+up\b", "warmup", low)
    low = spelt_out(low)  # "next yr", "penalty pts"
    low = _WORD_HEAT.sub(lambda m: f"race {_NUMBER_WORDS[m[1]]}", low)
    last_year = None
    if (last := _LAST_YEAR.search(low)) and lookup.index.articles and not _YEAR.search(low):
        # "who won mugello last year": the year before the newest story's.
        last_year = lookup.index.articles[0].published.year - 1
        low = low[: last.start()] + low[last.end() :]
    this_year = [m[0].strip() for m in _THIS_YEAR.finditer(low)]
    low = _THIS_YEAR.sub("", low)
    tokens = low.split()
    reading = Reading(
        text, low, tokens, index_people=lookup.index.people, shared_names=lookup.index.ambiguous
    )
    reading.dated_by += [re.sub(r"['’]s$", "", w) for w in this_year]
    if m := _YEAR.search(low):
        reading.year = int(m[1])
        if (
            articles
            and not articles[-1].published.year <= reading.year <= articles[0].published.year
        ):
            # "when does the 2027 season start", "where is Fourmaux driving in 2027": a year
            # no story was written in is what a sentence tells ("for Hyundai in 2027"),
            # never the date of a story; the sentence must say it, whichever story it is in.
            reading.told_year = m[1]
            reading.year = None
    elif last_year is not None:
        reading.year = last_year
    elif (m := NEXT_YEAR.search(low)) and articles:
        # "next year": the year after the newest story's, a hint (see NEXT_YEAR)
        reading.dated_by.append(str(articles[0].published.year + 1))
        rest = low[: m.start()] + low[m.end() :]
        if any(t not in _STOP for t in rest.split()):
            # Its words go when others are left to ask with ("what does it mean for next
            # season" keeps them: a question is never left with none).
            low = rest
            reading.low, reading.tokens = low, low.split()
            tokens = reading.tokens
    reading.newest = bool(_NEWEST.search(low))
    if m := _LAP.search(low):
        reading.lap = int(m[1] or m[2])
    elif _FIRST_LAP.search(low):
        reading.lap = 1
    if m := _TURN.search(low):
        reading.turn = int(m[1])
    if m := _HOUR.search(low):
        reading.hour = int(m[1] or m[2])
    if m := _STAGE.search(low):
        reading.stage = int(m[1] or m[2])
    reading.power_stage = bool(_POWER_STAGE.search(low))
    if m := _HEAT.search(low):
        reading.heat = int(m[1])
    exists = _EXISTS.match(low)
    # "is there a sprint": the session asked to exist is no part of the weekend to read.
    asked = len(low[: exists.start(1)].split()) if exists else None
    reading.session = next(
        (SESSIONS[t] for i, t in enumerate(tokens) if t in SESSIONS and i != asked), None
    )
    # A race's own name ("the italian gp") is a story, never a person's epithet.
    race_words = {w for m in _RACE_NAME.finditer(low) for w in m[0].split()}
    blocked = {i for i, t in enumerate(tokens) if t in race_words}
    # "the italian race", "the aussie round": a race, never "the Italian" rider.
    adjectives = place_book().adjectives
    races = {
        i for i, t in enumerate(tokens[:-1]) if t in adjectives and tokens[i + 1] in _RACE_WORDS
    }
    # "hour 17", "the power stage", "q2": the part of the event asked, never a name
    # ("Twelve Hours" of Sebring, Will Power).
    units = {i for i, t in enumerate(tokens) if t in SESSIONS or _unit_word(t, reading)}
    people, spans = _people_in(
        tokens,
        lookup,
        blocked | races | units | _won_places(tokens) | lookup.team_name_words(tokens),
        words_not_names,
        reading.guessed,
    )
    reading.people = people
    used = set(spans)
    reading.team_people = _team_people(low, lookup, people)
    places: list[str] = []
    for m in _RACE_NAME.finditer(low):
        words = []  # the race's own words: "who won the italian gp" -> "italian"
        for w in reversed(m[1].split()):
            if w in _STOP or w in _NOT_PLACES or w in _INTENT_SET:
                break
            words.insert(0, w)
        if words:
            places.append(" ".join(words) + " grand prix")
    name_words = {tokens[i] for i in spans}
    nouns = place_book().nouns
    # "what was the weather like in qatar": "like" asks what it was, comparing nothing.
    describes = _DESCRIBES.match(low) is not None
    for m in _PLACE.finditer(low):
        words = m[2].split()
        if words[0] in _CLAUSE_SUBJECT:
            continue
        if words[0] in _OWNER_WORDS and not _known_place(words[1:]):
            continue
        if (c := _COMPARED.search(low, 0, m.start())) and not (c[1] == "like" and describes):
            # "is there a stint limit like in qatar": the place compared with, not the
            # one asked about (that is the story the question's words find).
            continue
        if m[1] in _EVENT_AFTER and _VERB_FORM.fullmatch(words[0]) and words[0] not in nouns:
            words = words[1:]
        words = [w for w in words if w not in _STOP and not w.isdigit() and w not in SERIES]
        words = [w for w in words if w not in name_words]
        words = [w for w in words if w not in _NOT_PLACES]
        if m[1] in _EVENT_AFTER and words and not _known_place(words):
            # "how many times did albon score after the new wing": after a thing or an
            # event, not a place, unless the places file knows the words as one ("after
            # monza", "during the austrian round"); "at" and "in" name places it lacks too.
            continue
        if words and not any(words[0] in p for p in places):
            places.append(" ".join(words))
    compared = _compared(tokens, describes)
    places += _places_named(tokens, set(used) | blocked | compared, places)
    reading.places = places
    place_words = {w for p in places for w in p.split()} | {"gp", "eprix", "e-prix", "prix"}
    words: list[str] = []
    for i, token in enumerate(tokens):
        if token.isdigit() and i not in used and counted(tokens, i):
            words.append(token)  # "this 25 lap rule": the figure is what a sentence gives
            continue
        if reading.turn is not None and _TURN_SHORT.fullmatch(token):
            token = "turn"  # "the t1 crash" reads as "the turn 1 crash" does
        possessed = i - 1 in used and tokens[i - 1].endswith("s") and token in _POSSESSED
        possessed = possessed or out_of_a_seat(tokens, i, used)  # "is X out at Y"
        if i in used or (token in _STOP and not possessed) or token.isdigit() or len(token) < 2:
            continue
        if (token in SESSIONS or _unit_word(token, reading)) and i != asked:
            continue  # the part of the weekend asked is a scope, not a word to find
        if token in place_words or names_series(tokens, i) or _series_pair(tokens, i):
            continue
        if token in _DAY_WORDS:
            reading.dated_by.append(token.removesuffix("s"))
            continue
        # A word a headline uses is the articles' own ("rolex"), no typo of "role".
        mended = token if token in lookup.index.article_words else _mend(token)
        words.append(mended)
    reading.words = list(dict.fromkeys(words))
    extra: list[str] = []
    for w in reading.words:
        extra += SYNONYMS.get(w, ())
    reading.extra = [w for w in dict.fromkeys(extra) if w not in reading.words]
    return reading


#: Words otherwise taken for verbs ("stop", "take") that a possessive name makes a noun
#: ("oscars stop": Piastri's pit stop, "max's take"), content the sentence must hold.
_POSSESSED = wordset("stop stops take look")


_UNIT_TOKEN = re.compile(r"(?:ss)?\d+(?:st|nd|rd|th)?")


def _unit_word(token: str, reading: Reading) -> bool:
    """Whether ``token`` is part of an hour or stage the question names ("ss14", "hour")."""
    if reading.hour is not None and (token == "hour" or _UNIT_TOKEN.fullmatch(token)):
        return True
    if reading.stage is not None and (token in ("stage", "ss") or _UNIT_TOKEN.fullmatch(token)):
        return True
    if reading.heat is not None and (token == "race" or token == str(reading.heat)):
        return True
    return reading.power_stage and token in ("power", "stage")
