"""What a moderator should fix in the register's files: :func:`validate` (``bot check``)."""

from __future__ import annotations

from pathlib import Path

from bot.ingest.register.epithets import _ROLE_NOUNS
from bot.ingest.register.lookup import Register
from bot.ingest.register.reading import NATIONALITIES_FILE, TEAMS_FILE
from bot.ingest.register.records import RegisterPerson, _Problems
from bot.ingest.register.vocabulary import fold

__all__ = ["validate"]


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
