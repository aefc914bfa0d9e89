"""Reading an epithet ("the seven-time world champion", "the Red Bull driver") into checks.

Each check (nationality, team, role, age, titles, series) is then tested against a person
by the :class:`Register`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from bot.ingest.register.records import _Nationality
from bot.ingest.register.vocabulary import SERIES, fold

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_MULTIPLES = {"double": 2, "twice": 2, "triple": 3, "quadruple": 4, "multiple": -1}
# Age nouns that give a range of ages rather than one.
_AGE_NOUNS = {"teenager": (13, 19), "teen": (13, 19)}
_FORMER = frozenset({"former", "ex", "one time", "onetime"})
_CHAMPION = frozenset({"champion", "champ", "titleholder"})
# "a Ferrari driver" is someone unnamed, never a way back to a person the article named.
_INDEFINITE = ("a ", "an ")

# Role nouns -> the roles they fit. An empty set: the noun only ends the phrase
# ("the Ferrari man"), it checks nothing and is no epithet on its own.
_BOSS = frozenset(
    {"team principal", "team boss", "team owner", "team manager", "team director", "ceo",
     "chairman", "president", "managing director"}
)  # fmt: skip
_BROADCAST = frozenset({"commentator", "pundit", "presenter", "reporter", "analyst", "journalist"})
_ROLE_NOUNS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "driver": frozenset({"driver"}),
        "rider": frozenset({"rider"}),
        "racer": frozenset({"driver", "rider"}),
        "pilot": frozenset({"driver", "rider"}),
        "boss": _BOSS,
        "team boss": _BOSS,
        "chief": _BOSS,
        "team chief": _BOSS,
        "supremo": _BOSS,
        "team principal": frozenset({"team principal", "team boss"}),
        "principal": frozenset({"team principal", "team boss"}),
        "tp": frozenset({"team principal", "team boss"}),
        "owner": frozenset({"team owner", "chairman"}),
        "team owner": frozenset({"team owner", "chairman"}),
        "ceo": frozenset({"ceo"}),
        "chief executive": frozenset({"ceo"}),
        "team manager": frozenset({"team manager"}),
        "sporting director": frozenset({"sporting director"}),
        "technical director": frozenset({"technical director", "chief technical officer"}),
        "technical chief": frozenset({"technical director", "chief technical officer"}),
        "engineer": frozenset({"engineer", "race engineer", "technical director", "strategist",
                               "chief technical officer"}),
        "race engineer": frozenset({"race engineer"}),
        "crew chief": frozenset({"crew chief"}),
        "strategist": frozenset({"strategist"}),
        "advisor": frozenset({"advisor"}),
        "adviser": frozenset({"advisor"}),
        "commentator": frozenset({"commentator"}),
        "pundit": frozenset({"pundit", "commentator", "analyst"}),
        "analyst": frozenset({"analyst", "pundit"}),
        "presenter": frozenset({"presenter"}),
        "reporter": frozenset({"reporter", "journalist"}),
        "broadcaster": _BROADCAST,
        "race director": frozenset({"race director"}),
        "man": frozenset(),
        "woman": frozenset(),
        "star": frozenset(),
        "ace": frozenset(),
        "youngster": frozenset(),
        "veteran": frozenset(),
        "rookie": frozenset(),
    }
)  # fmt: skip

_AGE = re.compile(r"^(?P<n>\d{1,2}|[a-z]+(?: [a-z]+)?) years? old$")
_TIMES = re.compile(r"^(?P<n>\d{1,2}|[a-z]+) (?:time|times)$")


def _number(text: str) -> int | None:
    """Read "23", "seven", "twenty three" (hyphens are already folded to spaces)."""
    if text.isdigit():
        return int(text)
    words = text.split()
    if len(words) == 1:
        word = words[0]
        return _UNITS.get(word, _TENS.get(word))
    if len(words) == 2 and words[0] in _TENS and words[1] in _UNITS and 0 < _UNITS[words[1]] < 10:
        return _TENS[words[0]] + _UNITS[words[1]]
    return None


@dataclass(frozen=True, slots=True)
class _Check:
    """One thing an epithet says of a person."""

    kind: str  # one of EPITHET_KINDS
    value: Any = None
    former: bool = False
    head: bool = False  # may end the phrase on its own


def _titles_check(words: list[str], series_index: Mapping[str, str]) -> _Check | None:
    """Read a title phrase: "[N-time|reigning|former|2016] [series] [world] champion"."""
    if not words or words[-1] not in _CHAMPION:
        return None
    rest = words[:-1]
    how: tuple[str, int | None] = ("any", None)
    if rest:
        first = rest[0]
        m = _TIMES.match(" ".join(rest[:2])) if len(rest) >= 2 else None
        if m and _number(m.group("n")) is not None:
            how = ("count", _number(m.group("n")))
            rest = rest[2:]
        elif first in _MULTIPLES:
            how = ("count", _MULTIPLES[first])
            rest = rest[1:]
        elif first in ("reigning", "defending", "current"):
            how = ("reigning", None)
            rest = rest[1:]
        elif first in _FORMER:
            how = ("former", None)
            rest = rest[1:]
        elif first.isdigit() and len(first) == 4:
            how = ("year", int(first))
            rest = rest[1:]
    world = bool(rest) and rest[-1] == "world"
    if world:
        rest = rest[:-1]
    series = None
    if rest:
        series = series_index.get(" ".join(rest))
        if series is None:
            return None
    return _Check("titles", (how, series, world), head=True)


class _EpithetReader:
    """Parse an epithet into checks, with the register's nationalities and teams."""

    def __init__(
        self,
        nationalities: Mapping[str, _Nationality],
        teams: Mapping[str, tuple[str, ...]],
        stint_teams: Iterable[str] = (),
    ) -> None:
        self.adjectives: dict[str, str] = {}
        self.demonyms: dict[str, str] = {}
        for nat in nationalities.values():
            for word in (nat.key, *nat.adjectives):
                self.adjectives[fold(word)] = nat.key
            for word in nat.demonyms:
                self.demonyms[fold(word)] = nat.key
        # Folded alias -> the teams it may name ("honda" -> Repsol Honda, LCR Honda...).
        # A team named only in people's stints is its own alias.
        self.teams: dict[str, frozenset[str]] = {}
        self.canonical: dict[str, str] = {fold(name): name for name in teams}
        for name, aliases in teams.items():
            for alias in aliases:
                key = fold(alias)
                self.teams[key] = self.teams.get(key, frozenset()) | {name}
        for name in stint_teams:
            key = fold(name)
            if key not in self.teams:
                self.teams[key] = frozenset({name})
                self.canonical[key] = name
        self.series: dict[str, str] = {}
        for key, words in SERIES.items():
            self.series[fold(key)] = key
            for word in words:
                self.series[word] = key
        self.longest = max(
            len(k.split()) for k in (*self.teams, *self.adjectives, *self.demonyms, *_ROLE_NOUNS)
        )
        self._cache: dict[str, tuple[_Check, ...] | None] = {}

    def teams_of(self, name: str) -> frozenset[str]:
        """The team(s) a stint's team name stands for: itself, or what its alias names."""
        key = fold(name)
        if key in self.canonical:
            return frozenset({self.canonical[key]})
        return self.teams.get(key, frozenset({name}))

    def read(self, epithet: str) -> tuple[_Check, ...] | None:
        text = fold(epithet)
        cached = self._cache.get(text, False)
        if cached is not False:
            return cached  # type: ignore[return-value]
        checks = self._read(text)
        if len(self._cache) < 20000:
            self._cache[text] = checks
        return checks

    def _read(self, text: str) -> tuple[_Check, ...] | None:
        text = re.sub(r"'s$", "", text)
        if text.startswith(_INDEFINITE):
            return None
        text = text.removeprefix("the ")
        words = text.split()
        checks: list[_Check] = []
        former = False
        i = 0
        while i < len(words):
            if words[i] in ("former", "ex") or words[i : i + 2] == ["one", "time"]:
                # "one time" could also be "the one-time champion": both mean former.
                former = True
                i += 2 if words[i] == "one" else 1
                continue
            found = self._component(words, i, former)
            if found is None:
                return None
            check, i = found
            if check.kind == "titles" and former:
                how, series, world = check.value
                if how[0] == "any":
                    check = _Check("titles", (("former", None), series, world), head=True)
            checks.append(check)
            former = False
        if not checks or not checks[-1].head:
            return None
        if all(c.kind == "role" and not c.value for c in checks):
            return None  # "the man", "the star": says nothing of anyone
        return tuple(checks)

    def _component(self, words: list[str], i: int, former: bool) -> tuple[_Check, int] | None:
        # A title phrase runs to "champion": try it first from here.
        for end in range(len(words), i, -1):
            if words[end - 1] in _CHAMPION:
                check = _titles_check(words[i:end], self.series)
                if check is not None:
                    return check, end
        for size in range(min(4, len(words) - i), 0, -1):
            m = _AGE.match(" ".join(words[i : i + size]))
            if m and _number(m.group("n")) is not None:
                return _Check("age", _number(m.group("n")), head=True), i + size
        if words[i] in _AGE_NOUNS:
            return _Check("age", _AGE_NOUNS[words[i]], head=True), i + 1
        for size in range(min(self.longest, len(words) - i), 0, -1):
            phrase = " ".join(words[i : i + size])
            if phrase in self.demonyms:
                return _Check("nationality", self.demonyms[phrase], head=True), i + size
            if phrase in _ROLE_NOUNS:
                return _Check("role", _ROLE_NOUNS[phrase], former, head=True), i + size
            if phrase in self.teams:
                return _Check("team", self.teams[phrase], former), i + size
            if phrase in self.adjectives:
                return _Check("nationality", self.adjectives[phrase]), i + size
            if phrase in self.series:  # "the MotoGP rider", "the former F1 driver"
                return _Check("series", self.series[phrase]), i + size
        return None


def _combine(results: Iterable[bool | None]) -> bool | None:
    """False if anything contradicts, True if everything fits, else None."""
    verdict: bool | None = True
    for result in results:
        if result is False:
            return False
        if result is None:
            verdict = None
    return verdict
