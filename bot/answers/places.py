"""Places of motorsport as data: which names stand for the same place, and which tell a series.

A fan asks "who won in italy" of a story that says "the Italian Grand Prix at Mugello", or
"who won the supercars race" of one that says only "the Bathurst 1000". The names that stand
for one another (a country, its adjectives, its circuits and their towns, the races they
host) and the series a race or circuit belongs to live in ``data/places/places.toml``, read
once (again when the file changes); nothing here reads the store.
"""

from __future__ import annotations

import logging
import os
import time
import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from bot.answers.text import normalise

__all__ = ["PlaceBook", "place_book", "places_file"]

log = logging.getLogger(__name__)

_REPO_DATA = Path(__file__).resolve().parents[2] / "data"


def places_file() -> Path:
    """The places file: ``$PITWALL_DATA_DIR/places/places.toml`` if present, else the repo's."""
    configured = os.environ.get("PITWALL_DATA_DIR")
    if configured:
        path = Path(configured) / "places" / "places.toml"
        if path.is_file():
            return path
    return _REPO_DATA / "places" / "places.toml"


@dataclass(frozen=True)
class PlaceBook:
    """Names of places (folded, as :func:`normalise` writes them) and what they stand for."""

    #: A place's name -> every name of the same place, itself included.
    same: dict[str, frozenset[str]] = field(default_factory=dict)
    #: A series -> the race and circuit names only that series uses.
    series: dict[str, frozenset[str]] = field(default_factory=dict)
    #: Names a question may use for a place on their own ("monza", "italy"), not adjectives.
    nouns: frozenset[str] = frozenset()
    #: Adjectives of countries ("italian", "aussie"): a place only before "race" or "gp".
    adjectives: frozenset[str] = frozenset()

    def forms(self, name: str) -> frozenset[str]:
        """Every name standing for the place ``name`` names; just ``name`` when unknown."""
        key = normalise(name)
        return self.same.get(key, frozenset({key}))

    def series_names(self, series: str) -> frozenset[str]:
        """The race and circuit names that tell a story is of ``series``."""
        return self.series.get(series, frozenset())

    @classmethod
    def read(cls, raw: dict[str, object]) -> PlaceBook:
        """Build the book from the file's tables (see the file's header for the format)."""
        same: defaultdict[str, set[str]] = defaultdict(set)
        nouns: set[str] = set()
        countries = {str(c["name"]): c for c in _tables(raw, "country")}
        circuits = _tables(raw, "circuit")
        race_hosts: defaultdict[str, set[str]] = defaultdict(set)
        series_of_name: defaultdict[str, set[str]] = defaultdict(set)
        for circuit in circuits:
            for race in _races(circuit):
                race_hosts[normalise(race["name"])].add(str(circuit["name"]))
        by_country: defaultdict[str, set[str]] = defaultdict(set)
        for circuit in circuits:
            own = {str(circuit["name"]), *_strings(circuit, "aliases")}
            if circuit.get("town"):
                own.add(str(circuit["town"]))
            names = {normalise(n) for n in own}
            nouns.update(names)
            races = [r for r in _races(circuit)]
            unique = {
                normalise(r["name"]) for r in races if len(race_hosts[normalise(r["name"])]) == 1
            }
            for name in names:
                same[name].update(names | unique)
            for race in unique:
                same[race].update(names | unique)
            served = {r["series"] for r in races if r.get("series")}
            if len(served) == 1:
                # A town hosts more than racing ("Charlotte", "Phoenix"): only the circuit's
                # own names tell its series.
                town = normalise(str(circuit.get("town", "")))
                for name in names - {town}:
                    series_of_name[name].update(served)
            for race in races:
                if race.get("series"):
                    series_of_name[normalise(race["name"])].add(race["series"])
            by_country[str(circuit.get("country", ""))].update(
                names | {normalise(r["name"]) for r in races}
            )
        adjectives: set[str] = set()
        for name, country in countries.items():
            adjectives.update(normalise(a) for a in _strings(country, "adjectives"))
            own = {name, *_strings(country, "aliases"), *_strings(country, "adjectives")}
            names = {normalise(n) for n in own}
            nouns.update(normalise(n) for n in (name, *_strings(country, "aliases")))
            everything = names | by_country.get(name, set())
            for n in names:
                same[n].update(everything)
        series: defaultdict[str, set[str]] = defaultdict(set)
        for name, served in series_of_name.items():
            if len(served) == 1:
                series[next(iter(served))].add(name)
        return cls(
            {k: frozenset(v | {k}) for k, v in same.items()},
            {k: frozenset(v) for k, v in series.items()},
            # A question names a place by itself only with a name that is no common word.
            frozenset(n for n in nouns if len(n) >= 4 and not n.startswith("the ")),
            frozenset(adjectives),
        )


def _tables(raw: dict[str, object], key: str) -> list[dict[str, object]]:
    found = raw.get(key, [])
    return [t for t in found if isinstance(t, dict)] if isinstance(found, list) else []


def _strings(table: dict[str, object], key: str) -> list[str]:
    found = table.get(key, [])
    return [str(s) for s in found] if isinstance(found, list) else []


def _races(circuit: dict[str, object]) -> list[dict[str, str]]:
    found = circuit.get("races", [])
    if not isinstance(found, list):
        return []
    return [
        {str(k): str(v) for k, v in r.items()} for r in found if isinstance(r, dict) and "name" in r
    ]


_LOADED: dict[Path, tuple[float, PlaceBook]] = {}


#: How long the default places file is trusted before it is looked for and at again: a
#: question asks for the book two or three times, and finding the file and reading its
#: modification time on each ask was 8 % of /ask's CPU (issue 12). An edit shows within this.
RECHECK_S = 2.0
_RECENT: dict[str | None, tuple[float, PlaceBook]] = {}


def place_book(path: Path | None = None) -> PlaceBook:
    """The places file, read once and again only when it changes; empty when unreadable.

    The default file (``places_file``) is looked at again at most every :data:`RECHECK_S`
    seconds, per ``PITWALL_DATA_DIR`` (so pointing that elsewhere takes effect at once).
    """
    if path is not None:
        return _book_at(path)
    folder = os.environ.get("PITWALL_DATA_DIR")
    now = time.monotonic()
    recent = _RECENT.get(folder)
    if recent is not None and now - recent[0] < RECHECK_S:
        return recent[1]
    book = _book_at(places_file())
    _RECENT[folder] = (now, book)
    return book


def _book_at(path: Path) -> PlaceBook:
    """The places file at ``path``, read again only when its modification time moves."""
    try:
        stamp = path.stat().st_mtime
    except OSError:
        return PlaceBook()
    kept = _LOADED.get(path)
    if kept is not None and kept[0] == stamp:
        return kept[1]
    try:
        with path.open("rb") as handle:
            book = PlaceBook.read(tomllib.load(handle))
    except (OSError, tomllib.TOMLDecodeError, KeyError) as exc:
        # The places only widen what a question matches: without them it matches less.
        log.warning("places not used: %s: %s", path, exc)
        book = PlaceBook()
    _LOADED[path] = (stamp, book)
    return book
