"""The register's records: a person, their stints and titles, and the problems reading finds."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from bot.errors import IngestError

__all__ = ["RegisterPerson", "Stint", "TitleRecord"]


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
