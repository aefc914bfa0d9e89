"""Reading the register's TOML files into records, with the file and line of each problem.

Strict for ingest (the first bad entry raises), lenient for ``validate`` (every problem
is listed).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeGuard

from bot.ingest.register.records import (
    RegisterPerson,
    Stint,
    TitleRecord,
    _Line,
    _Nationality,
    _Problems,
)
from bot.ingest.register.vocabulary import ROLES, SERIES, fold

__all__ = ["NATIONALITIES_FILE", "TEAMS_FILE"]


NATIONALITIES_FILE = "nationalities.toml"
TEAMS_FILE = "teams.toml"
_SPECIAL_FILES = frozenset({NATIONALITIES_FILE, TEAMS_FILE})


_PERSON_KEYS = frozenset(
    {"name", "short", "nicknames", "nationality", "born", "roles", "series", "titles", "teams"}
)
_STINT_KEYS = frozenset({"team", "from", "to"})
_MIN_YEAR = 1900
_MAX_YEAR = 2100


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
