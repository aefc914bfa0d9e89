"""The passages' query a plain question makes: its cue words, the kind of sentence that
answers it (``need``), the phrases a sentence must hold and the hints that help it; and the
same query read in the stories looking back on a year the question names.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Sequence

from bot.answers._years import looking_back
from bot.answers.passages import (
    Query,
    _has,
    stem,
    words_of,
)
from bot.answers.router._counted import counted_need
from bot.answers.router._groups import _OPENER_ASKED, OUTCOME_ASKED
from bot.answers.router._kinds import (
    _EVENTS,
    _NEED_CUE,
    _OPEN,
    _OWN_RACE,
    _PREFER_CUE,
    _PREFER_ORDER,
    _SPOKEN,
    _event_stems,
)
from bot.answers.router._needs import (
    _BORN,
    _CAR_NUMBER,
    _CLOCK_ASKED,
    _CLOCK_TEXT,
    _DATE,
    _DRIVER_STANDING_TEXT,
    _DRIVER_TITLE_WON,
    _DURATION_TEXT,
    _LAP_COUNT,
    _LAP_IN_TEXT,
    _LAP_TIME_ASKED,
    _LAP_TIME_TEXT,
    _MONEY_ASKED,
    _MONEY_TEXT,
    _NEXT_RACE,
    _NUMBER,
    _OTHER_TABLE_ASKED,
    _PAST_WHEN,
    _POLE_ASKED,
    _POLE_TEXT,
    _POSITION_TEXT,
    _QUALIFIED_ASKED,
    _QUALIFIED_TEXT,
    _RACE_DATE,
    _RACE_LAP_COUNT,
    _SPEED_ASKED,
    _SPEED_TEXT,
    _STANDING_TEXT,
    _TITLE_AHEAD,
    _TITLE_ASKED,
    _TITLE_WON,
    _UNIT_IN_TEXT,
    _WHO_DID,
    LAP_TIME_WORDS,
)
from bot.answers.router._people import PeopleRouter
from bot.answers.router._race_when import when_told
from bot.answers.router._reading import (
    _AUX,
    _PLACE_FILLER,
    _YES_NO,
    _after_place,
    _any_of,
    _lap_phrases,
    _named_at,
    _place_forms,
)
from bot.answers.router._scope import PRE_RACE_KINDS
from bot.answers.router._spans import age_told, span_need
from bot.answers.router._spoke_at import spoke_at, spoke_at_asked
from bot.answers.router._yes_no import turn_of
from bot.answers.text import normalise
from bot.answers.understand import (
    CARDINAL_WORDS,
    CUE_PHRASES,
    CUES,
    PREFER_PHRASES,
    PURPOSE_PHRASES,
    SERIES_TEXT,
    Reading,
    counted,
    names_series,
)

__all__ = ["QueryRouter"]

#: Stories chosen this few are read whole for who won: "won" proposes no paragraph.
WON_STORIES = 5

#: The standings' cue words that tell a table only in context: "ahead" and "behind" beside a
#: number ("12 behind on 338", "31 points behind") or the table ("behind Marquez in the
#: standings"), "standings" as itself. "I was standing behind him in the briefing" ranks
#: nobody, and a stem makes "standing" of "standings".
_STANDING_LOOSE = frozenset({"ahead", "behind", "standings"})
_NUMBER_WORDS = (
    r"\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|a\s+single"
)
_STANDING_PHRASES = (
    "standings",
    rf"re:(?:{_NUMBER_WORDS})(?:\s+(?:points?|pts|places?|positions?|spots?))?\s+"
    r"(?:ahead|behind|clear)\b",
    r"re:(?:ahead|behind)\b[^.;]{0,40}?\b(?:standings|championship|table|points)\b",
)


def _side_by_side(reading: Reading) -> list[str]:
    """The question's content words that stand next to each other ("big one", "cost cap"),
    as phrases a sentence naming the same thing holds."""
    words = set(reading.words)
    tokens = reading.tokens
    return [
        f"{a} {b}"
        for a, b in itertools.pairwise(tokens)
        if a in words and (b in words or b == "one")
    ]


def _series_asked(reading: Reading) -> bool:
    """Whether the question names a series ("the 2027 motogp opener", "formula e")."""
    return any(names_series(reading.tokens, i) for i in range(len(reading.tokens))) or any(
        _has(reading.low, p) for phrases, _ in SERIES_TEXT.values() for p in phrases
    )


#: "whats nico's car number": the number on the car, which the sentence must give.
_NUMBER_ASKED = re.compile(r"\b(?:car|bike|race)\s+numbers?\b")


def _figures(reading: Reading) -> list[str]:
    """The figures the question gives with their unit ("this 25 lap rule", "a 5 second
    penalty"), as a sentence writes them: "25 laps", "25-lap", "5-second", a small one
    spelt too ("three stops" for "3 stop"); never "lap 25"."""
    tokens = reading.tokens
    return [
        rf"re:(?:{t}|{CARDINAL_WORDS.get(int(t), t)})[ -]?"
        rf"{re.escape(tokens[i + 1].removesuffix('s'))}s?\b"
        for i, t in enumerate(tokens)
        if t.isdecimal() and t in reading.words and counted(tokens, i)
    ]


def _team_words(reading: Reading) -> frozenset[str]:
    """The stems of the teams of the team's people a question names ("who did Nissan
    blame": Nissan's), which a sentence of one of theirs holds as their team's word."""
    teams = (p.team for n in reading.team_people if (p := reading.index_people.get(n)))
    return frozenset(stem(w) for team in teams if team for w in normalise(team).split())


def _drives_car(reading: Reading, name: str, number: str) -> bool:
    """Whether the question's car number is how ``name`` was read ("the 59": No. 59's
    driver), the article giving them that car."""
    person = reading.index_people.get(name)
    return person is not None and any(
        normalise(alias) in (f"no {number}", f"no. {number}") for alias in person.aliases
    )


class QueryRouter(PeopleRouter):
    """The passages' query a plain question makes, and the same query read in the
    stories looking back on a year the question names."""

    def _query(
        self, reading: Reading, kinds: set[str], groups: list[tuple[str, ...]],
        slugs: list[str] | None,
    ) -> Query:  # fmt: skip
        cues: list[str] = []
        phrases: list[str] = []
        # Sorted: the cues' order decides what a capped search keeps when words are equally
        # common, and a set's order follows string hashing, which changes per process.
        for kind in sorted(kinds):
            cues += CUES.get(kind, ())
            phrases += CUE_PHRASES.get(kind, ())
        primary = next((k for k in _NEED_CUE if k in kinds), None)
        # "where is X in the championship": a place in the standings, which must be told.
        standing = primary == "points" and kinds & _OPEN == {"where"}
        if kinds & _OPEN and primary not in ("next", "born", "age") and not standing:
            primary = None
        need: re.Pattern[str] | None = None
        if "lap" in kinds or ("when" in kinds and "next" not in kinds):
            need = _LAP_IN_TEXT if "lap" in kinds else _DATE
            if need is _DATE and _PAST_WHEN.match(reading.low):
                need = when_told()  # "introduced at the Spanish Grand Prix", "in Baku"
        if "when" in kinds and "next" not in kinds and _CLOCK_ASKED.search(reading.low):
            need = _CLOCK_TEXT  # "what time does the race start": "starts at 3pm"
        if "duration" in kinds:  # "how long is X out": "six to eight weeks", not a date
            need = span_need(reading.low) or _DURATION_TEXT  # a stop's: "4.8 seconds"
        if (
            need is None
            and not kinds & _OPEN
            and _TITLE_ASKED.search(reading.low)
            and not _TITLE_AHEAD.search(reading.low)
        ):
            # "who won the motogp title": "X is the world champion", "takes the title by
            # a single point"; a race won ("won the sprint") is not it.
            need, primary = _TITLE_WON, None
            if not _OTHER_TABLE_ASKED.search(reading.low):
                need = _DRIVER_TITLE_WON  # not "Ford won the manufacturers' title"
        if "unit" in kinds:
            need = _UNIT_IN_TEXT  # "what stage did X roll on": a sentence naming the stage
        if "age" in kinds:
            need, primary = age_told(reading.low, primary)  # "at 13 he moved"
        if "born" in kinds:
            need = _BORN
        if {"where", "points"} <= kinds and need is None:
            need = _POSITION_TEXT  # "where is Hamlin in the points": a place in the table
        if need is None and _LAP_TIME_ASKED.search(reading.low):
            # "what was X's pole time": the lap's figure, which stands for the word "time"
            need = _LAP_TIME_TEXT
            groups = [g for g in groups if not LAP_TIME_WORDS & set(g)]
        if "start" in kinds and need is None and _POLE_ASKED.search(reading.low):
            need = _POLE_TEXT  # "who was on pole": "took pole", never "ninth on the grid"
        if "start" in kinds and need is None and _QUALIFIED_ASKED.search(reading.low):
            need = _QUALIFIED_TEXT  # "where did X qualify": "qualified seventh"
        if "count" in kinds and need is None and _MONEY_ASKED.search(reading.low):
            need = _MONEY_TEXT  # "how much did the wing cost": "$4 million", no other count
        if need is None and _SPEED_ASKED.search(reading.low):
            need = _SPEED_TEXT  # "how fast was X through the trap": "at 347 km/h"
        if "count" in kinds and need is None:
            need = counted_need(reading.low)  # "how many stops": "two stops", not "lap 30"
        if "count" in kinds and need is None:
            need = _NUMBER  # "how many fans were there": an answer gives a number
        if "count_laps" in kinds:
            # "how many laps was the race": its length; with someone asked ("how many
            # laps did Larson lead"), the laps they led.
            need = _LAP_COUNT if reading.people else _RACE_LAP_COUNT
        if "next" in kinds and need is None and _NEXT_RACE.search(reading.low):
            # "when's the next nascar race": the closing line giving the next round's date,
            # which a round-up or a feature about the series does not have.
            need = _RACE_DATE
        if (
            need is None
            and "points" in kinds
            and not reading.people
            and not reading.places
            and not kinds & ({"count", "next"} | PRE_RACE_KINDS)
        ):
            # "who leads the cup standings": of the newest stories, the one whose sentence
            # ranks the contenders (with a place named, that place's story tells it).
            need = _STANDING_TEXT
            if not reading.team_people and not _OTHER_TABLE_ASKED.search(reading.low):
                # "who leads the championship": the drivers' table, not "six points ahead
                # in the constructors' championship".
                need = _DRIVER_STANDING_TEXT
        subject = None
        yes_no = _YES_NO.match(reading.low) is not None
        turn = turn_of(reading, groups, kinds) if yes_no else None
        # The one asked about stands right after the verb: "did X ...", "who did X blame",
        # "how did X react"; or after "according to".
        aux = next((i for i, t in enumerate(reading.tokens) if t in _AUX), None)
        if aux is not None:
            subject = next((p for p in reading.people if _named_at(reading, p, aux + 1)), None)
        if "according" in reading.tokens:
            at = reading.tokens.index("according")
            later = [p for p in reading.people if _named_at(reading, p, at + 2)]
            subject = later[0] if later else subject
        told = reading.told_year
        headed = False
        if told and slugs:
            chosen = set(slugs)
            headed = all(told in a.headline for a in self.lookup.index.articles if a.slug in chosen)
        must: list[str] = [told] if told and not headed else []
        hints: list[str] = []
        hints += reading.dated_by  # "where did X finish on sunday": the day helps
        if told is not None and headed:
            hints.append(told)  # the stories' headline gives the year: a hint in a sentence
        # "what lap was the big one", "the cost cap": the question's words side by side are
        # a name the report gives too ("The Big One came on Lap 176").
        hints += _side_by_side(reading)
        hints += _figures(reading)
        if "when" in kinds and reading.session is not None:
            hints.append(reading.session)  # "when is the sprint": the schedule's sprint line
        if kinds & {"when", "where"} and _OPENER_ASKED.search(reading.low):
            # "when is the first race": the sentence saying it, not one dated in its story
            hints.append(
                r"re:(?:first|opening) (?:race|round)\b|season (?:opens|opener|starts|begins)\b"
            )
        if reading.turn is not None:
            (must if not kinds & {"why", "blame"} else hints).append(f"turn {reading.turn}")
        if reading.lap is not None:
            laps = _lap_phrases(reading.lap)
            if len(laps) == 1 and not kinds & {"why", "blame"}:
                must.append(laps[0])
            else:
                hints += laps
        by_car: set[str] = set()
        if _NUMBER_ASKED.search(reading.low):
            must.append(r"re:(?:no\.|#|number) ?\d{1,3}(?!\w)")  # "the No. 20 car"
        if m := _CAR_NUMBER.search(reading.low):
            # "the no 8 toyota"; "the number 1" a report writes "the number one" (never
            # "no one", which is nobody).
            spelt = CARDINAL_WORDS.get(int(m[1]))
            words = f"|number {spelt}" if spelt else ""
            must.append(rf"re:(?:(?:no\.?|#|number|car) ?{m[1]}{words})(?!\w)")
            # The car's driver was read from its number: the sentence naming the car
            # ("The stewards gave the #59 a penalty") is about them without naming them,
            # in a story that names them.
            by_car = {p for p in reading.people if _drives_car(reading, p, m[1])}
            subject = None if subject in by_car else subject
        if kinds & {"when", "where", "next"}:
            # "when is the French GP": the race is what the sentence must be about.
            for place in reading.places:
                words = [w for w in words_of(place) if w not in ("grand", "prix")]
                forms = _place_forms(place)
                if place.endswith("grand prix") and words:
                    must.append(_any_of(forms) if len(forms) > 1 else " ".join(words))
                else:
                    hints += [_any_of(forms)] if len(forms) > 1 else words
        elif not kinds & _OWN_RACE:
            for place in reading.places:
                # One hint for a place, whichever of its names a sentence uses.
                forms = _place_forms(place)
                hints += [_any_of(forms)] if len(forms) > 1 else forms[0]
        object_people = (bool(_WHO_DID.match(reading.low)) and bool(kinds & _SPOKEN)) or bool(
            by_car
        )
        # "what happened between Norris and Piastri": what passed between them, a touch.
        between = "between" in reading.tokens and len(reading.people) >= 2
        # A place a sentence must name by any of its names is searched for by them all.
        # Elsewhere its own words are searched for, as a hint's are.
        every = bool(kinds & {"when", "where", "next"})
        search_more = [
            w
            for p in reading.places
            for f in (_place_forms(p) if every else _place_forms(p)[:1])
            for w in f
            if w not in _PLACE_FILLER and not w.isdigit()
        ]
        preferred = next((k for k in _PREFER_ORDER if k in kinds), "")
        query = Query(
            search_more=tuple(dict.fromkeys(search_more)),
            groups=groups,
            people=tuple(reading.people),
            subject=None if object_people else subject,
            object_people=object_people,
            # "next" is every story's own next race: the newest tells it, not the wording.
            # (and a lap time's "time" is its figure: "found the time" is no lap's time)
            asked=tuple(
                stem(w)
                for w in reading.words
                if w not in CUES["next"] and not (need is _LAP_TIME_TEXT and w in LAP_TIME_WORDS)
            ),
            cues=tuple(dict.fromkeys(cues)),
            cue_phrases=tuple(dict.fromkeys(phrases)),
            required=tuple(c for c in CUES[primary] if c not in _STANDING_LOOSE)
            if primary == "points"
            else CUES.get(primary, ())
            if primary
            else (),
            required_phrases=(*CUE_PHRASES.get(primary, ()), *_STANDING_PHRASES)
            if primary == "points"
            else CUE_PHRASES.get(primary, ())
            if primary
            else (),
            prefer_cue=bool(kinds & _PREFER_CUE),
            place_asked="where" in kinds,
            prefer=CUES["crash"]
            if between and not kinds
            else CUES.get(preferred, ())
            if not standing and "next" not in kinds
            else (),
            prefer_phrases=(
                *PREFER_PHRASES.get(preferred, ()),
                *(PURPOSE_PHRASES if preferred == "why" and not kinds & {*_EVENTS} else ()),
            )
            if kinds and not standing and "next" not in kinds
            else (),
            required_carries=primary == "points",
            prefer_quotes="react" in kinds,
            # What the standings are and where the series goes next change with every race:
            # the newest story that answers tells it, unless the question dates it.
            newest_first=(
                (
                    ("next" in kinds or ("points" in kinds and not kinds & _OPEN) or standing)
                    and not reading.places
                )
                # "the next race after baku": the newest story of that race tells it.
                or ("next" in kinds and any(_after_place(reading, p) for p in reading.places))
                # "who finished second in australia": several races there, the latest
                # that answers, as for a race asked without a place.
                or (len(slugs or ()) > 1 and bool(kinds & _OWN_RACE) and not reading.people)
                # "did red bull go for a review in the end": the follow-up tells the end
                or OUTCOME_ASKED.search(reading.low) is not None
            )
            and reading.year is None,
            event=_event_stems(reading, kinds, groups, slugs),
            # "what was X's pole time": the lap's time, never a place on the grid instead
            kinds=frozenset(kinds - {"start"} if need is _LAP_TIME_TEXT else kinds),
            loose=bool(kinds & {"why", "react"}),
            yes_no=yes_no,
            act=frozenset(stem(w) for w in turn.act) if turn else frozenset(),
            act_by=turn.subject if turn else frozenset(),
            act_firm=turn.firm if turn else False,
            all_people=(yes_no or between) and len(reading.people) >= 2,
            team_people=tuple(reading.team_people),
            need_team=bool(reading.team_people)
            and subject is None
            and bool(kinds & (_SPOKEN | {"retire", "why", "finish"})),
            team_words=_team_words(reading) if subject is None and kinds & _SPOKEN else frozenset(),
            need_rarest=not kinds and len(groups) >= 2,
            need=need,
            phrases=tuple(must),
            hints=tuple(hints),
            slugs=slugs,
            # A schedule's clock times ("Qualifying is at 10.50am, with the Sprint at 3pm")
            # seldom repeat the place: its stories are read whole.
            whole_stories=(need is _CLOCK_TEXT and slugs is not None)
            # "who won the nascar race": the few stories of the series are read whole, as
            # "won" is too common a word to propose the sentence telling the result.
            # "who won the cup title" too: "champion" and "title" are as common.
            or (
                (primary == "won" or need in (_TITLE_WON, _DRIVER_TITLE_WON))
                and bool(slugs)
                and len(slugs or ()) <= WON_STORIES
            ),
        )
        # "where was X when he talked about the appeal": where the remark was made
        return spoke_at(query) if spoke_at_asked(reading.low, kinds) else query

    async def _looked_back(self, query: Query, reading: Reading, year: str) -> Query:
        """``query`` answered from the paragraphs of the stories looking back on ``year``
        (``bot.answers._years``), where a season named once is told over several, in place
        of any sentence that must say the year itself; unchanged when no story does."""
        if not query.groups and not query.hints:
            # "what did kast do in 2021": nothing but the year finds the sentence, which
            # must say it.
            return query
        words = [w for g in query.groups for w in g]
        words += [w for name in query.people for w in words_of(name)]
        scopes = await looking_back(self.engine.store, year, query.slugs, words)
        if not any(scopes.values()) and query.slugs is not None and reading.places:
            # "what happened to hamilton in brazil 2007": the place's stories are of today;
            # a story looking back on the year tells that race where it names the place.
            scopes = await self._looking_back_at(reading, year, words)
        within = {
            slug: told & (query.within or {}).get(slug, told) for slug, told in scopes.items()
        }
        if not any(within.values()):
            return query
        return dataclasses.replace(
            query,
            slugs=[slug for slug, told in within.items() if told],
            within={**(query.within or {}), **within},
            # (the year is no hint: every paragraph kept tells of it, named or not)
            phrases=tuple(p for p in query.phrases if p != year),
        )

    async def _looking_back_at(
        self, reading: Reading, year: str, words: Sequence[str] = ()
    ) -> dict[str, frozenset[int]]:
        """The stories looking back on ``year`` whose paragraphs of it name the place the
        question asks about, each with those paragraphs (``bot.answers._years``)."""
        forms = [_any_of(_place_forms(p)) for p in reading.places]
        return await looking_back(
            self.engine.store,
            year,
            None,
            [*words, *reading.words, *(w for n in reading.people for w in words_of(n))],
            lambda text: any(_has(text.casefold(), f) for f in forms),
        )
