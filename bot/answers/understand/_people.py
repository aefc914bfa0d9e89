"""The people a question names: by name, alias, nickname or initials, typos tolerated,
and the people of a team it names. Read through the shared :class:`Lookup` and the register;
each index's initials and teams are kept until the index is replaced.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.answers.lookup import Lookup
from bot.answers.places import place_book
from bot.answers.text import normalise, wordset
from bot.answers.understand._places import names_series
from bot.answers.understand._words import _STOP, SERIES

if TYPE_CHECKING:
    from bot.ingest.register import Register


def _people_in(
    tokens: list[str],
    lookup: Lookup,
    blocked: set[int] | None = None,
    not_names: frozenset[str] = frozenset(),
    guessed: list[tuple[str, str]] | None = None,
) -> tuple[list[str], list[int]]:
    """People a question names, longest names first, typos tolerated; and where they stand.

    Words at ``blocked`` positions are not names (they name a race).
    """
    index = lookup.index
    found: list[tuple[int, str]] = []
    used: list[int] = []
    taken: set[int] = set(blocked or ())
    for size in (5, 4, 3, 2, 1):
        for start in range(len(tokens) - size + 1):
            span = range(start, start + size)
            if any(i in taken for i in span):
                continue
            key = " ".join(tokens[start : start + size])
            name = index.exact.get(key)
            if name is None and key.startswith("the ") and size > 1:
                name = index.exact.get(key[4:])
            if name is None and size == 1 and key.endswith("s") and len(key) > 4:
                # "russells"; never a team's own name ("williams" is not William's)
                name = None if is_team(key) else index.exact.get(key[:-1])
            if name is None and size <= 2 and key not in _STOP:
                name = _nickname(key, lookup)  # "bez": fans' word the article never uses
            if name is None and size == 1 and key.endswith("s") and key[:-1] not in _STOP:
                name = _nickname(key[:-1], lookup)  # "bezs lead": the nickname's possessive
            if name is None and size == 1 and len(key) >= 3:
                initials = _by_initials(lookup)  # "afc": Antonio Felix da Costa
                name = initials.get(key) or initials.get(key[:-1] if key.endswith("s") else "")
            if name is None or (size == 1 and (key in _STOP or key in _NOT_NAMES)):
                continue
            if _eventlike(name):
                continue
            if size == 1 and key not in normalise(name).split():
                name = _nickname_of_series(key, name, tokens, lookup)  # "ham": which one?
            found.append((start, name))
            taken.update(span)
    for i, token in enumerate(tokens):
        if i in taken or token in _STOP or len(token) < 4 or token in _NOT_NAMES:
            continue
        if token in lookup.index.name_words or token in place_book().nouns:
            continue  # "australia" is a place, however close to "the Australian"
        if token in not_names:
            continue
        if is_team(token):
            continue  # "williams" is the team, never a typo of William Byron
        name = lookup.resolve_person(token)
        if name is None and token.endswith("s") and len(token) > 5:
            name = lookup.resolve_person(token[:-1])
        if name is not None and not _eventlike(name):
            found.append((i, name))
            taken.add(i)
            if guessed is not None:
                guessed.append((token, name))
    found.sort()
    people = list(dict.fromkeys(name for _, name in found if not _eventlike(name)))
    used.extend(sorted(taken - set(blocked or ())))
    return people, used


#: The last index's people by their initials: (index, initials -> the one name).
_INITIALS: list[tuple[object, dict[str, str]]] = []


def _by_initials(lookup: Lookup) -> dict[str, str]:
    """Three-or-more-letter initials that stand for one stored person ("afc", "kvdl"), per
    index."""
    from bot.answers.passages import initials_of

    index = lookup.index
    if _INITIALS and _INITIALS[0][0] is index:
        return _INITIALS[0][1]
    seen: dict[str, list[str]] = {}
    for name in index.people:
        # A name's particles count for fans too: "kvdl" is Kelvin van der Linde, "svg"
        # Shane van Gisbergen, as "afc" is Antonio Felix da Costa.
        every = "".join(w[0] for w in name.split()).casefold()
        for key in dict.fromkeys((initials_of(name), every)):
            if len(key) >= 3 and key not in _STOP:
                seen.setdefault(key, []).append(name)
    found = {k: names[0] for k, names in seen.items() if len(names) == 1}
    _INITIALS[:] = [(index, found)]
    return found


def the_register() -> Register | None:
    """The register of motorsport people, when it is the real one (it is optional)."""
    from bot.ingest.register import Register
    from bot.ingest.resolve import default_register  # the register loads on first use

    register = default_register()
    return register if isinstance(register, Register) else None


def is_team(word: str) -> bool:
    """Whether the register knows ``word`` as a team's or a body's name."""
    from bot.ingest.resolve import default_register

    return bool(default_register().organisations(word))


def _nickname(key: str, lookup: Lookup) -> str | None:
    """The stored person a register nickname names ("bez" -> Marco Bezzecchi), when the
    articles name them at all; the register alone never adds anyone."""
    from bot.ingest.resolve import default_register

    found = default_register().by_nickname(key)
    if found is None:
        return None
    # The register's protocol types its people loosely: read the two fields they all have.
    forms: tuple[str, ...] = (getattr(found, "name", ""), *getattr(found, "short", ()))
    for form in forms:
        name = lookup.index.exact.get(normalise(form))
        if name is not None:
            return name
    return None


#: Register series -> the question's series names (SERIES values).
_REGISTER_SERIES = {
    "F1": "f1", "MotoGP": "motogp", "IndyCar": "indycar", "NASCAR": "nascar", "WEC": "wec",
    "Formula E": "fe", "Supercars": "supercars", "F1 Academy": "f1academy", "IMSA": "imsa",
    "WorldSBK": "worldsbk", "WRC": "wrc",
}  # fmt: skip


def _nickname_of_series(key: str, name: str, tokens: list[str], lookup: Lookup) -> str:
    """The one a short nickname means when it also starts another stored person's surname
    ("ham": Hamilton in F1, Hamlin in NASCAR): whoever races in the series the question
    names, by the series' name or one of its places; the register's own choice otherwise."""
    if len(key) > 4:
        return name
    rivals = [
        n
        for n in lookup.index.people
        if n != name and any(w.startswith(key) for w in normalise(n).split()[1:])
    ]
    if not rivals:
        return name
    book = place_book()
    asked = {SERIES[t] for i, t in enumerate(tokens) if names_series(tokens, i)}
    text = " ".join(tokens)
    # Its places, by any of their names ("darlington" for Darlington Raceway).
    places = {f for t in tokens if t not in _STOP for f in book.forms(t)}
    for series in _REGISTER_SERIES.values():
        names = book.series_names(series)
        if places & names or any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text) for n in names):
            asked.add(series)
    if not asked:
        return name
    from bot.ingest.resolve import default_register

    register = default_register()
    fitting = []
    for candidate in [name, *rivals]:
        found = register.find(candidate) if hasattr(register, "find") else ()
        races = {_REGISTER_SERIES.get(s) for p in found[:1] for s in getattr(p, "series", ())}
        if races & asked:
            fitting.append(candidate)
    return fitting[0] if len(fitting) == 1 else name


def _team_people(low: str, lookup: Lookup, named: list[str]) -> list[str]:
    """People of a team the question names ("how did Mercedes react?")."""
    found: list[str] = []
    teams = _teams(lookup)
    words = set(low.split())
    for team, people in teams.items():
        first = team.split()[0]
        if first in words and re.search(rf"(?<!\w){re.escape(team)}(?!\w)", low):
            found += [p for p in people if p not in named]
    return sorted(set(found))


def prepare_reading(lookup: Lookup) -> None:
    """Build what reading a question keeps per index (the teams' people, the people's
    initials) for the index just installed, and read the places file if it is not read
    yet. A refresh calls it on a worker thread: built by the first question after the
    refresh instead, each held the event loop 10-15 ms at 10,000 articles (every person's
    name and team normalised; the places' TOML parsed; issue 12)."""
    _teams(lookup)
    _by_initials(lookup)
    place_book()


#: The last index's teams: (index, team -> people); an index is replaced whole on refresh.
_TEAMS: list[tuple[object, dict[str, list[str]]]] = []


def _teams(lookup: Lookup) -> dict[str, list[str]]:
    """Team (normalised) -> its people, built once per index."""
    index = lookup.index
    if _TEAMS and _TEAMS[0][0] is index:
        return _TEAMS[0][1]
    found: dict[str, list[str]] = {}
    for person in index.people.values():
        team = normalise(person.team or "")
        if team:
            found.setdefault(team, []).append(person.name)
    _TEAMS[:] = [(index, found)]
    return found


def _eventlike(name: str) -> bool:
    """A "person" the attribution took from a race's name ("Berlin E-Prix")."""
    last = name.split()[-1].casefold() if name.split() else ""
    return last in ("prix", "e-prix", "gp", "grand", "500") or "grand prix" in name.casefold()


#: Words that must never be read as a name even when an alias holds them.
_NOT_NAMES = wordset(
    "star driver drivers rider boss team champion crash race lap turn penalty points win "
    "won next red bull man old year young gun world mercedes ferrari"
)
