"""The register of motorsport people shipped as data (data/people/*.toml), and its epithets.

The register never adds a speaker to an article: it only tells whether an epithet an article
uses ("the Dutchman", "the Red Bull driver", "the 23-year-old", "the seven-time world
champion") fits a person the article names, and which single person a nickname ("Checo")
stands for. The format is documented in data/people/README.md.
"""

from __future__ import annotations

import functools
import logging
import re
import tomllib
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeGuard

from bot.errors import IngestError

__all__ = [
    "EPITHET_KINDS",
    "ROLES",
    "SERIES",
    "Register",
    "RegisterPerson",
    "Stint",
    "TitleRecord",
    "fold",
    "validate",
]

log = logging.getLogger(__name__)

NATIONALITIES_FILE = "nationalities.toml"
TEAMS_FILE = "teams.toml"
_SPECIAL_FILES = frozenset({NATIONALITIES_FILE, TEAMS_FILE})

EPITHET_KINDS = ("nationality", "team", "role", "age", "titles")

# Roles a person may hold. A typo in a data file would otherwise silently make every role
# epithet ("the team principal") contradict that person, so unknown roles are reported.
ROLES = frozenset(
    {
        "driver",
        "rider",
        "team principal",
        "team boss",
        "team owner",
        "team manager",
        "team director",
        "ceo",
        "chairman",
        "president",
        "managing director",
        "sporting director",
        "technical director",
        "chief technical officer",
        "engineer",
        "race engineer",
        "crew chief",
        "strategist",
        "advisor",
        "commentator",
        "pundit",
        "presenter",
        "reporter",
        "analyst",
        "journalist",
        "official",
        "race director",
        "steward",
    }
)

# Series a person may race or work in, with the words articles use for them. The values are
# folded forms (see fold()). World championships are the ones "world champion" speaks of.
SERIES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "F1": ("f1", "formula 1", "formula one", "grand prix"),
        "F2": ("f2", "formula 2", "formula two", "fia f2"),
        "GP2": ("gp2",),
        "F3": ("f3", "formula 3", "fia f3"),
        "GP3": ("gp3",),
        "MotoGP": ("motogp",),
        "500cc": ("500cc",),
        "350cc": ("350cc",),
        "Moto2": ("moto2",),
        "250cc": ("250cc",),
        "Moto3": ("moto3",),
        "125cc": ("125cc",),
        "MotoE": ("motoe",),
        "WorldSBK": ("worldsbk", "world superbike", "superbike", "wsbk"),
        "IndyCar": ("indycar", "indy car", "champ car", "cart"),
        "Indy Lights": ("indy lights",),
        "Formula E": ("formula e", "fe"),
        "WEC": ("wec", "world endurance", "endurance"),
        "IMSA": ("imsa",),
        "NASCAR": ("nascar", "cup", "cup series", "nascar cup", "nascar cup series", "sprint cup"),
        "DTM": ("dtm",),
        "Super Formula": ("super formula",),
        "Supercars": ("supercars", "v8 supercars"),
        "WRC": ("wrc", "world rally", "rally"),
        "Extreme E": ("extreme e",),
    }
)
WORLD_SERIES = frozenset(
    {"F1", "MotoGP", "500cc", "350cc", "Moto2", "250cc", "Moto3", "125cc", "WorldSBK", "WEC",
     "WRC", "Formula E"}
)  # fmt: skip

_PERSON_KEYS = frozenset(
    {"name", "short", "nicknames", "nationality", "born", "roles", "series", "titles", "teams"}
)
_STINT_KEYS = frozenset({"team", "from", "to"})
_MIN_YEAR = 1900
_MAX_YEAR = 2100
# A season's title is settled late in the year: before this month an article cannot yet
# speak of the current year's champion (the earliest finale, Formula E's, is in July).
_TITLES_SETTLED_FROM_MONTH = 6
#: The month of each series' last round: from ``_TITLES_SETTLED_FROM_MONTH`` to it, the
#: year's title may or may not be decided (an article in mid-June 2025 must not call Norris,
#: champion that December, "the reigning world champion"); after it, it is. Other series stay
#: undecided to the year's end.
_FINALE_MONTH = {
    "F1": 12,
    "F2": 12,
    "MotoGP": 11,
    "Moto2": 11,
    "Moto3": 11,
    "WEC": 11,
    "WRC": 11,
    "NASCAR": 11,
    "WorldSBK": 10,
    "IndyCar": 9,
    "Formula E": 7,
}


def _settled(series: str, on: date) -> bool | None:
    """Whether ``series``' title of ``on.year`` is decided by ``on``: None while it may be."""
    if on.month < _TITLES_SETTLED_FROM_MONTH:
        return False
    finale = _FINALE_MONTH.get(series)
    return None if finale is None or on.month <= finale else True


# ---------------------------------------------------------------------------------------
# Folding: every comparison is case- and accent-insensitive.

_FOLD_EXTRA = str.maketrans(
    {"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss", "ł": "l",
     "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "ð": "d", "þ": "th", "’": "'", "‘": "'",
     "‐": "-", "‑": "-", "–": "-", "—": "-", ".": " ", ",": " "}
)  # fmt: skip
_SPACES = re.compile(r"[\s\-_]+")


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Fold a name or phrase for comparison: no accents, no case, hyphens and dots as spaces.

    "Jean-Éric Vergne", "jean eric vergne" and "JEAN-ERIC VERGNE" fold alike, so do
    "Räikkönen" and "Raikkonen", "Magnussen" and "Magnußen".
    """
    text = unicodedata.normalize("NFKD", text.translate(_FOLD_EXTRA))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _SPACES.sub(" ", text.casefold()).strip(" '\"")


# ---------------------------------------------------------------------------------------
# Records


@dataclass(frozen=True, slots=True)
class Stint:
    """A team a person belonged to, for whole seasons ``start``..``end`` (inclusive).

    ``end`` is None while the stint goes on (the register says nothing of later moves).
    """

    team: str
    start: int
    end: int | None

    def covers(self, year: int) -> bool:
        return self.start <= year and (self.end is None or year <= self.end)


@dataclass(frozen=True, slots=True)
class TitleRecord:
    """Championships in one series: the seasons won when known, else just how many."""

    series: str
    years: tuple[int, ...] | None
    count: int


@dataclass(frozen=True, eq=False)
class RegisterPerson:
    """One person of the register, as the data files describe them."""

    name: str
    short: tuple[str, ...]
    nicknames: tuple[str, ...]
    nationality: str | None
    demonyms: tuple[str, ...]
    born: int | None
    roles: tuple[str, ...]
    series: tuple[str, ...]
    titles: Mapping[str, int]
    teams: tuple[Stint, ...]
    # Where the person stands in the data, for messages: "f1.toml:12".
    source: str = ""
    title_records: tuple[TitleRecord, ...] = ()
    # The nationality keys that describe this person, most specific first
    # (["English", "British"]): "the Briton" fits an English driver.
    nationality_chain: tuple[str, ...] = ()

    def team_in(self, year: int) -> tuple[str, ...]:
        """Name the teams the person belonged to in season ``year`` (several, or none)."""
        return tuple(dict.fromkeys(s.team for s in self.teams if s.covers(year)))

    def forms(self) -> tuple[str, ...]:
        """Every written form that names this person: full name, short forms, nicknames."""
        return (self.name, *self.short, *self.nicknames)


@dataclass(frozen=True, slots=True)
class _Nationality:
    key: str
    demonyms: tuple[str, ...]
    adjectives: tuple[str, ...]
    part_of: str | None


# A line number, or how to find it: finding lines costs more than reading the data.
_Line = int | None | Callable[[], int | None]


@dataclass
class _Problems:
    """Problems found while reading the data; ``strict`` stops at the first one."""

    strict: bool
    found: list[str] = field(default_factory=list)

    def add(self, path: Path, line: _Line, message: str) -> None:
        if callable(line):
            line = line()  # worked out only when there is a problem to report
        if self.strict:
            raise IngestError(path, line, message)
        self.found.append(f"{path.name}:{line}: {message}" if line else f"{path.name}: {message}")


# ---------------------------------------------------------------------------------------
# Reading the files


class _Lines:
    """Find the line a table or key stands on, so problems point at the file and line."""

    _HEADER = re.compile(r"^\s*\[")
    _PERSON = re.compile(r"^\s*\[\[\s*person\s*\]\]")
    _TABLE = re.compile(r"^\s*\[([^\[\]]+)\]")

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.person_lines = [i + 1 for i, ln in enumerate(self.lines) if self._PERSON.match(ln)]
        self.tables: dict[str, int] = {}
        for i, ln in enumerate(self.lines):
            m = self._TABLE.match(ln)
            if m:
                self.tables.setdefault(re.sub(r"\s+", "", m.group(1)), i + 1)

    def person(self, index: int) -> int | None:
        return self.person_lines[index] if index < len(self.person_lines) else None

    def table(self, header: str) -> int | None:
        return self.tables.get(re.sub(r"\s+", "", header))

    def within(self, start: int | None, needle: str) -> int | None:
        """The first line at or after ``start`` (until the next table) containing needle."""
        if start is None:
            return None
        for i in range(start - 1, len(self.lines)):
            if i >= start and self._HEADER.match(self.lines[i]) and "=" not in self.lines[i]:
                break
            if needle in self.lines[i]:
                return i + 1
        return start


_TOML_LINE = re.compile(r"at line (\d+)")


def _read_toml(path: Path, problems: _Problems) -> tuple[dict[str, Any], _Lines] | None:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        problems.add(path, None, f"cannot read: {exc}")
        return None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = _TOML_LINE.search(str(exc))
        problems.add(path, int(m.group(1)) if m else None, f"not valid TOML: {exc}")
        return None
    return data, _Lines(text)


def _str_list(value: Any) -> tuple[str, ...] | None:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
        return tuple(v.strip() for v in value)
    return None


def _year_ok(value: Any) -> TypeGuard[int]:
    return (
        isinstance(value, int) and not isinstance(value, bool) and _MIN_YEAR <= value <= _MAX_YEAR
    )


def _read_nationalities(folder: Path, problems: _Problems) -> dict[str, _Nationality] | None:
    """The nationalities, or None when the file cannot be read (nothing can be checked)."""
    path = folder / NATIONALITIES_FILE
    if not path.exists():
        return {}
    read = _read_toml(path, problems)
    if read is None:
        return None
    data, lines = read
    found: dict[str, _Nationality] = {}
    for key, table in data.items():
        line = lines.table(key) or lines.table(f'"{key}"')
        if not isinstance(table, dict):
            problems.add(path, line, f"{key}: expected a table with demonyms = [...]")
            continue
        unknown = set(table) - {"demonyms", "adjectives", "part_of"}
        if unknown:
            problems.add(path, line, f"{key}: unknown key(s) {', '.join(sorted(unknown))}")
        demonyms = _str_list(table.get("demonyms", []))
        adjectives = _str_list(table.get("adjectives", []))
        part_of = table.get("part_of")
        if demonyms is None or adjectives is None:
            problems.add(path, line, f"{key}: demonyms and adjectives must be lists of words")
            continue
        if part_of is not None and not isinstance(part_of, str):
            problems.add(path, line, f"{key}: part_of must be a nationality name")
            part_of = None
        found[key] = _Nationality(key, demonyms, adjectives, part_of)
    for nat in found.values():
        if nat.part_of is not None and nat.part_of not in found:
            problems.add(path, lines.table(nat.key), f"{nat.key}: part_of {nat.part_of!r} unknown")
    seen: dict[str, str] = {}
    for nat in found.values():
        for word in (nat.key, *nat.adjectives, *nat.demonyms):
            other = seen.setdefault(fold(word), nat.key)
            if other != nat.key:
                problems.add(
                    path, lines.table(nat.key), f"{word!r} names both {other} and {nat.key}"
                )
    return found


def _read_teams(
    folder: Path, problems: _Problems, bodies: dict[str, tuple[str, ...]] | None = None
) -> dict[str, tuple[str, ...]]:
    """Team name -> its aliases (the name itself included).

    ``bodies``, when given, is filled the same way from the file's ``[bodies."Name"]``
    tables: organisations that speak in statements but field no driver (the FIA, the
    stewards, NASCAR).
    """
    path = folder / TEAMS_FILE
    if not path.exists():
        return {}
    read = _read_toml(path, problems)
    if read is None:
        return {}
    data, lines = read
    teams = data.get("teams", {})
    if not isinstance(teams, dict) or set(data) - {"teams", "bodies"}:
        problems.add(path, 1, 'expected only [teams."Name"] and [bodies."Name"] tables')
        return {}
    found: dict[str, tuple[str, ...]] = {}
    tables = [("teams", name, table) for name, table in teams.items()]
    listed = data.get("bodies", {})
    if isinstance(listed, dict):
        tables += [("bodies", name, table) for name, table in listed.items()]
    for kind, name, table in tables:
        line = lines.table(f'{kind}."{name}"') or lines.table(f"{kind}.{name}")
        aliases = _str_list(table.get("aliases", [])) if isinstance(table, dict) else None
        if aliases is None or set(table) - {"aliases"}:
            problems.add(path, line, f"{name}: expected aliases = [...] only")
            continue
        if kind == "teams":
            found[name] = (name, *aliases)
        elif bodies is not None:
            bodies[name] = (name, *aliases)
    return found


def _read_titles(
    value: Any, path: Path, line: _Line, problems: _Problems
) -> tuple[TitleRecord, ...]:
    if not isinstance(value, dict):
        problems.add(path, line, "titles must be a table, e.g. { F1 = [2021, 2022] }")
        return ()
    records = []
    for series, won in value.items():
        if series not in SERIES:
            problems.add(path, line, f"titles: unknown series {series!r}")
            continue
        if isinstance(won, int) and not isinstance(won, bool) and 0 <= won <= 50:
            records.append(TitleRecord(series, None, won))
        elif isinstance(won, list) and all(_year_ok(y) for y in won):
            if len(set(won)) != len(won) or won != sorted(won):
                problems.add(path, line, f"titles: {series} years must be distinct and ascending")
            records.append(TitleRecord(series, tuple(won), len(won)))
        else:
            problems.add(path, line, f"titles: {series} must be a count or a list of years")
    return tuple(records)


def _read_stints(
    value: Any, born: int | None, path: Path, start_line: int | None, lines: _Lines,
    problems: _Problems,
) -> tuple[Stint, ...]:  # fmt: skip
    if not isinstance(value, list):
        problems.add(path, lines.within(start_line, "teams"), "teams must be a list of tables")
        return ()
    stints = []
    for entry in value:
        team = entry.get("team") if isinstance(entry, dict) else None
        needle = f'"{team}"' if isinstance(team, str) else "teams"

        def line(needle: str = needle) -> int | None:
            return lines.within(start_line, needle)

        if not isinstance(entry, dict) or not isinstance(team, str) or not team.strip():
            problems.add(path, line, 'each team needs { team = "Name", from = YEAR }')
            continue
        if set(entry) - _STINT_KEYS:
            bad = ", ".join(sorted(set(entry) - _STINT_KEYS))
            problems.add(path, line, f"{team}: unknown key(s) {bad}")
        start, end = entry.get("from"), entry.get("to")
        if not _year_ok(start) or (end is not None and not _year_ok(end)):
            problems.add(path, line, f"{team}: from/to must be years")
            continue
        if end is not None and end < start:
            problems.add(path, line, f"{team}: from {start} is after to {end}")
            continue
        if born is not None and start < born + 5:
            problems.add(path, line, f"{team}: from {start} is before the person was 5")
        stints.append(Stint(team.strip(), start, end))
    return tuple(stints)


def _chain(key: str | None, nationalities: Mapping[str, _Nationality]) -> tuple[str, ...]:
    chain: list[str] = []
    while key is not None and key in nationalities and key not in chain:
        chain.append(key)
        key = nationalities[key].part_of
    return tuple(chain)


def _read_people(
    path: Path, nationalities: Mapping[str, _Nationality] | None, problems: _Problems
) -> list[RegisterPerson]:
    """Read one file of people; with ``nationalities`` None, nationalities go unchecked."""
    read = _read_toml(path, problems)
    if read is None:
        return []
    data, lines = read
    if set(data) - {"person"}:
        extra = ", ".join(sorted(set(data) - {"person"}))
        problems.add(path, 1, f"unexpected top-level key(s) {extra}: use [[person]] tables")
    entries = data.get("person", [])
    if not isinstance(entries, list):
        problems.add(path, 1, "person must be an array of tables: [[person]]")
        return []
    people = []
    this_year = date.today().year
    for index, entry in enumerate(entries):
        line = lines.person(index)
        name = entry.get("name") if isinstance(entry, dict) else None
        if not isinstance(name, str) or not name.strip():
            problems.add(path, line, "a person needs a name")
            continue
        name = name.strip()
        assert isinstance(entry, dict)
        unknown = set(entry) - _PERSON_KEYS
        if unknown:
            problems.add(path, line, f"{name}: unknown key(s) {', '.join(sorted(unknown))}")
        lists = {}
        for key in ("short", "nicknames", "roles", "series"):
            got = _str_list(entry.get(key, []))
            if got is None:
                problems.add(path, lines.within(line, key), f"{name}: {key} must be a list of text")
                got = ()
            lists[key] = got
        for role in lists["roles"]:
            if role not in ROLES:
                problems.add(path, lines.within(line, "roles"), f"{name}: unknown role {role!r}")
        for series in lists["series"]:
            if series not in SERIES:
                problems.add(
                    path, lines.within(line, "series"), f"{name}: unknown series {series!r}"
                )
        nationality = entry.get("nationality")
        if nationalities is None:
            nationality = None  # nationalities.toml is broken: reported once, not per person
        elif nationality is not None and (
            not isinstance(nationality, str) or nationality not in nationalities
        ):
            problems.add(
                path, lines.within(line, "nationality"),
                f"{name}: unknown nationality {nationality!r} (not in {NATIONALITIES_FILE})",
            )  # fmt: skip
            nationality = None
        born = entry.get("born")
        if born is not None and not (_year_ok(born) and born <= this_year):
            problems.add(path, lines.within(line, "born"), f"{name}: born must be a past year")
            born = None
        titles = _read_titles(
            entry.get("titles", {}), path, lambda line=line: lines.within(line, "titles"), problems
        )
        stints = _read_stints(entry.get("teams", []), born, path, line, lines, problems)
        known = nationalities or {}
        chain = _chain(nationality, known)
        demonyms = tuple(dict.fromkeys(d for key in chain for d in known[key].demonyms))
        people.append(
            RegisterPerson(
                name=name,
                short=lists["short"],
                nicknames=lists["nicknames"],
                nationality=nationality,
                demonyms=demonyms,
                born=born,
                roles=lists["roles"],
                series=lists["series"],
                titles=MappingProxyType({t.series: t.count for t in titles}),
                teams=stints,
                source=f"{path.name}:{line}" if line else path.name,
                title_records=titles,
                nationality_chain=chain,
            )
        )
    return people


def _people_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.toml") if p.name not in _SPECIAL_FILES)


# ---------------------------------------------------------------------------------------
# Epithets


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


# ---------------------------------------------------------------------------------------
# The register


@dataclass(frozen=True, eq=False)
class Register:
    """The people of data/people/, indexed by every form of their names.

    Build with :meth:`load` (cached per folder and file times) or :meth:`empty`. A register
    compares and hashes by identity, so it can key a cache (its tables are not hashable).
    """

    people: tuple[RegisterPerson, ...]
    _nationalities: Mapping[str, _Nationality]
    _teams: Mapping[str, tuple[str, ...]]
    _by_form: Mapping[str, tuple[RegisterPerson, ...]]
    _by_nickname: Mapping[str, tuple[RegisterPerson, ...]]
    _reader: _EpithetReader
    #: Folded name of a body (the FIA, the stewards, NASCAR) -> its name in teams.toml.
    _bodies: Mapping[str, str] = field(default_factory=dict)

    # Loading --------------------------------------------------------------------------

    @classmethod
    def load(cls, folder: Path) -> Register:
        """Load every file of ``folder``; raise IngestError (file, line) on the first bad entry.

        Ingest asks for the register once per article: the result is kept until a file in
        the folder changes (by name, size or modification time).
        """
        folder = Path(folder)
        key = _folder_key(folder)
        cached = _LOADED.get(key)
        if cached is not None:
            return cached
        register = cls._build(folder, _Problems(strict=True))
        _LOADED.clear()  # one folder at a time in practice; never grow without bound
        _LOADED[key] = register
        log.debug("register: %d people loaded from %s", len(register.people), folder)
        return register

    @classmethod
    def empty(cls) -> Register:
        """A register that knows nobody: every question gets "cannot tell"."""
        return cls._from_parts([], {}, {})

    @classmethod
    def _build(cls, folder: Path, problems: _Problems) -> Register:
        nationalities = _read_nationalities(folder, problems)
        bodies: dict[str, tuple[str, ...]] = {}
        teams = _read_teams(folder, problems, bodies)
        people: list[RegisterPerson] = []
        for path in _people_files(folder):
            people.extend(_read_people(path, nationalities, problems))
        return cls._from_parts(people, nationalities or {}, teams, bodies)

    @classmethod
    def _from_parts(
        cls,
        people: list[RegisterPerson],
        nationalities: Mapping[str, _Nationality],
        teams: Mapping[str, tuple[str, ...]],
        bodies: Mapping[str, tuple[str, ...]] | None = None,
    ) -> Register:
        by_form: dict[str, list[RegisterPerson]] = {}
        by_nickname: dict[str, list[RegisterPerson]] = {}
        for person in people:
            for form in person.forms():
                bucket = by_form.setdefault(fold(form), [])
                if person not in bucket:
                    bucket.append(person)
            for nick in person.nicknames:
                bucket = by_nickname.setdefault(fold(nick), [])
                if person not in bucket:
                    bucket.append(person)
        return cls(
            people=tuple(people),
            _nationalities=MappingProxyType(dict(nationalities)),
            _teams=MappingProxyType(dict(teams)),
            _by_form=MappingProxyType({k: tuple(v) for k, v in by_form.items()}),
            _by_nickname=MappingProxyType({k: tuple(v) for k, v in by_nickname.items()}),
            _reader=_EpithetReader(nationalities, teams, (s.team for p in people for s in p.teams)),
            _bodies=MappingProxyType(
                {
                    fold(alias).removeprefix("the "): name
                    for name, aliases in (bodies or {}).items()
                    for alias in aliases
                }
            ),
        )

    def __len__(self) -> int:
        return len(self.people)

    def __iter__(self) -> Iterator[RegisterPerson]:
        return iter(self.people)

    # Names ----------------------------------------------------------------------------

    def find(self, name: str) -> tuple[RegisterPerson, ...]:
        """Everyone a written name may stand for: full name, short form or nickname.

        Case and accents are ignored ("Perez" finds Sergio Pérez). A surname two people
        share ("Verstappen", "Schumacher") finds all of them.
        """
        key = fold(name)
        found = self._by_form.get(key)
        if found is None and key.startswith("the "):
            found = self._by_form.get(key[4:])
        if found is None and key.endswith(("'s", "'")):  # "Verstappen's"
            found = self._by_form.get(key.removesuffix("'s").removesuffix("'").rstrip())
        return found or ()

    def by_nickname(self, nickname: str) -> RegisterPerson | None:
        """The one person a nickname names ("Checo", "Pecco", "KMag"); None if unknown or shared."""
        key = fold(nickname)
        found = self._by_nickname.get(key)
        if found is None and key.startswith("the "):
            found = self._by_nickname.get(key[4:])
        return found[0] if found is not None and len(found) == 1 else None

    # Organisations (team statements) -----------------------------------------------------

    def organisations(self, phrase: str) -> frozenset[str]:
        """The teams or bodies a phrase names ("the Ducati Lenovo Team", "Red Bull", "the
        stewards"), by their names in teams.toml; empty when it names none.

        A trailing "team" is allowed ("the Haas team"); any other word (a role noun: "the
        Ferrari driver") makes the phrase no organisation.
        """
        key = fold(phrase)
        if key.startswith("the "):
            key = key[4:]
        for candidate in (key, key.removesuffix(" team")):
            if candidate in self._bodies:
                return frozenset({self._bodies[candidate]})
            if candidate in self._reader.teams:
                return self._reader.teams_of(candidate)
        return frozenset()

    def team_names(self, team: str) -> tuple[str, ...]:
        """The other names teams.toml gives a team ("Red Bull Racing", "RBR" for "Red
        Bull"), as written there; empty when it lists none. Answers look for a team in an
        article by any of them."""
        return self._teams.get(team, ())

    # Epithets -------------------------------------------------------------------------

    def epithet_kind(self, epithet: str) -> str | None:
        """Say what an epithet speaks of ("nationality", "team", "role", "age", "titles").

        None when the register does not understand the phrase at all. For a compound
        ("the 23-year-old Dutchman", "the Red Bull driver") the first informative part
        decides: age, then nationality; a team before its role noun.
        """
        checks = self._reader.read(epithet)
        if checks is None:
            return None
        for check in checks:
            if check.kind == "series":
                return "role"  # what someone races in is part of their role
            if check.kind != "role" or check.value:
                return check.kind
        return None

    def describes(self, epithet: str, name: str, on: date) -> bool | None:
        """Tell whether ``epithet`` fits the person called ``name`` on date ``on``.

        True fits, False contradicts, None cannot tell (a name the register does not know,
        a phrase it does not understand, or data it lacks). When ``name`` may be several
        people (a shared surname), the answer is given only when all of them agree.
        """
        checks = self._reader.read(epithet)
        if checks is None:
            return None
        people = self.find(name)
        if not people:
            return None
        verdicts = {self._fits(checks, person, on) for person in people}
        return verdicts.pop() if len(verdicts) == 1 else None

    def describes_person(self, epithet: str, person: RegisterPerson, on: date) -> bool | None:
        """:meth:`describes` for a person already found in the register."""
        checks = self._reader.read(epithet)
        return None if checks is None else self._fits(checks, person, on)

    def _fits(self, checks: tuple[_Check, ...], person: RegisterPerson, on: date) -> bool | None:
        return _combine(self._fit(check, person, on) for check in checks)

    def _fit(self, check: _Check, person: RegisterPerson, on: date) -> bool | None:
        if check.kind == "age":
            if person.born is None:
                return None
            youngest, oldest = check.value if isinstance(check.value, tuple) else (check.value,) * 2
            # Birthdays are not recorded: "the 23-year-old" in 2024 was born in 2000 or 2001.
            return on.year - oldest - 1 <= person.born <= on.year - youngest
        if check.kind == "series":
            return check.value in person.series if person.series else None
        if check.kind == "nationality":
            return self._fit_nationality(check.value, person)
        if check.kind == "role":
            if not check.value:
                return True
            if not person.roles:
                return None
            return any(role in check.value for role in person.roles)
        if check.kind == "team":
            return self._fit_team(check, person, on)
        if check.kind == "titles":
            return _fit_titles(check.value, person, on)
        return None

    def _fit_nationality(self, key: str, person: RegisterPerson) -> bool | None:
        if not person.nationality_chain:
            return None
        if key in person.nationality_chain:
            return True
        # "the Englishman" of someone the register only knows as British: cannot tell.
        if person.nationality_chain[0] in _chain(key, self._nationalities):
            return None
        return False

    def _fit_team(self, check: _Check, person: RegisterPerson, on: date) -> bool | None:
        wanted: frozenset[str] = check.value
        if not person.teams:
            return None

        def is_wanted(stint: Stint) -> bool:
            return bool(self._reader.teams_of(stint.team) & wanted)

        this_year = [s for s in person.teams if s.covers(on.year)]
        if check.former:
            if any(is_wanted(s) for s in this_year):
                # Still there, unless they left during this very season.
                moved = any(s.end == on.year for s in this_year if is_wanted(s)) and any(
                    not is_wanted(s) for s in this_year
                )
                return None if moved else False
            return any(is_wanted(s) and s.start < on.year for s in person.teams)
        if any(is_wanted(s) for s in this_year):
            return True
        if not this_year:
            return None
        # Between seasons a move is news: the old or the new team may still be meant.
        if on.month <= 2 and any(is_wanted(s) for s in person.teams if s.covers(on.year - 1)):
            return None
        if on.month >= 11 and any(is_wanted(s) for s in person.teams if s.covers(on.year + 1)):
            return None
        return False


def _title_range(record: TitleRecord, on: date) -> tuple[int, int]:
    """How many titles the record may count on ``on``: (surely, at most)."""
    if record.years is None:
        return (record.count, record.count)
    before = sum(1 for y in record.years if y < on.year)
    this_year = sum(1 for y in record.years if y == on.year)
    settled = _settled(record.series, on)
    if settled is None:
        return (before, before + this_year)
    return (before + this_year, before + this_year) if settled else (before, before)


def _fit_titles(value: Any, person: RegisterPerson, on: date) -> bool | None:
    (how, n), series, world = value
    if not person.series and not person.title_records:
        return None
    records = list(person.title_records)
    if series is not None:
        records = [r for r in records if r.series == series]
        if not records and series not in person.series:
            return None  # the register does not follow this person in that series
    elif world:
        records = [r for r in records if r.series in WORLD_SERIES]
    undated = any(r.years is None for r in records)
    if how == "any":
        ranges = [_title_range(r, on) for r in records]
        if any(lo > 0 for lo, _ in ranges):
            return True
        # A first title this season that may not be decided yet: cannot tell.
        return None if any(hi > 0 for _, hi in ranges) else False
    if how == "former":
        # An undated count cannot say when; a dated title must come before the article.
        return any(
            r.count > 0 if r.years is None else any(y < on.year for y in r.years) for r in records
        )
    if how == "year":
        if undated:
            return None
        return any(n in (r.years or ()) for r in records)
    if how == "reigning":
        if undated:
            return None
        verdict: bool | None = False
        for r in records:
            years = r.years or ()
            now, last = on.year in years, on.year - 1 in years
            settled = _settled(r.series, on)
            if (now and last) or (settled is False and last) or (settled and now):
                return True
            if settled is None and (now or last):
                verdict = None  # this year's title may or may not have changed hands yet
        return verdict
    # how == "count"
    ranges = [_title_range(r, on) for r in records]
    if series is None and len(ranges) > 1:
        ranges.append((sum(lo for lo, _ in ranges), sum(hi for _, hi in ranges)))
    if n == -1:  # "multiple"
        return any(hi >= 2 for _, hi in ranges)
    if any(lo <= n <= hi for lo, hi in ranges):
        return True
    if undated and any(n < hi for _, hi in ranges):
        return None  # an undated count may be from a later season than the article
    return False


# ---------------------------------------------------------------------------------------
# Cache and validation


_LOADED: dict[tuple[str, tuple[tuple[str, int, int], ...]], Register] = {}


def _folder_key(folder: Path) -> tuple[str, tuple[tuple[str, int, int], ...]]:
    files = []
    try:
        for path in sorted(folder.glob("*.toml")):
            st = path.stat()
            files.append((path.name, st.st_mtime_ns, st.st_size))
    except OSError:
        pass
    return (str(folder.resolve()), tuple(files))


def validate(folder: Path) -> list[str]:
    """Check every file of the register; return problems as "file:line: message".

    Besides what :meth:`Register.load` refuses (bad TOML, unknown keys, nationalities,
    roles or series, impossible years), this reports what load tolerates but a moderator
    should fix: the same person twice, a nickname two people share (it can then name
    nobody), a short form that is someone else's full name, and a team name that is also a
    nationality or role word.
    """
    folder = Path(folder)
    problems = _Problems(strict=False)
    if not folder.is_dir():
        return [f"{folder}: not a folder"]
    if not (folder / NATIONALITIES_FILE).exists():
        problems.add(folder / NATIONALITIES_FILE, None, "missing")
    register = Register._build(folder, problems)
    found = problems.found
    names: dict[str, RegisterPerson] = {}
    listed: dict[str, list[RegisterPerson]] = {}
    for person in register.people:
        same = listed.setdefault(fold(person.name), [])
        # Namesakes are allowed when their birth years tell them apart.
        twin = next(
            (p for p in same if None in (p.born, person.born) or p.born == person.born), None
        )
        if twin is not None:
            found.append(f"{person.source}: {person.name} already listed at {twin.source}")
        same.append(person)
        names.setdefault(fold(person.name), person)
    for person in register.people:
        for form in person.short:
            other = names.get(fold(form))
            if other is not None and fold(other.name) != fold(person.name):
                found.append(
                    f"{person.source}: {person.name}: short form {form!r} is the full name of"
                    f" {other.name} ({other.source})"
                )
    reader = register._reader
    for alias in reader.teams:
        if alias in reader.demonyms or alias in reader.adjectives or alias in _ROLE_NOUNS:
            found.append(
                f"{TEAMS_FILE}: team name {alias!r} is also a nationality or role word:"
                " epithets using it cannot be read"
            )
    for nickname, owners in register._by_nickname.items():
        if len({fold(p.name) for p in owners}) > 1:
            who = ", ".join(f"{p.name} ({p.source})" for p in owners)
            found.append(f"{owners[1].source}: nickname {nickname!r} is shared by {who}")
    return found
