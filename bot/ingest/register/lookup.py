"""The :class:`Register`: every person indexed by each form of their name, and what it answers.

Attribution asks it who a name or nickname is, which body a phrase names and whether an
epithet fits a person on a date; loaded once per folder, until a file changes.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import MappingProxyType

from bot.ingest.register.epithets import _Check, _combine, _EpithetReader
from bot.ingest.register.reading import (
    _chain,
    _people_files,
    _read_nationalities,
    _read_people,
    _read_teams,
)
from bot.ingest.register.records import RegisterPerson, Stint, _Nationality, _Problems
from bot.ingest.register.titles import _fit_titles
from bot.ingest.register.vocabulary import fold

__all__ = ["Register"]

log = logging.getLogger(__name__)


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

    def all_team_names(self) -> frozenset[str]:
        """Every name teams.toml writes a team by, its own and its aliases ("Hendrick
        Motorsports", "Red Bull Racing"): attribution reads a team's name in a quotation
        as the team's, never as a person named in it."""
        return frozenset(name for names in self._teams.values() for name in names)

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
