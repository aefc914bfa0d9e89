"""How a fan's words resolve to a person as the store grows, on invented people: a name's
particle ("El", "de") is an everyday word and names no one alone, while given names without
the surname ("Juan Carlos" for a father whose son shares the surname) and a surname with its
particle ("de Groot") name the one person they belong to."""

from __future__ import annotations

from typing import cast

from bot.answers.lookup import Lookup, _build_index
from bot.models import Person
from bot.store import Store

#: Invented people: a nickname the store keeps as a name, a rider nicknamed "el toro", a
#: father and son sharing a surname, a surname written with its particle.
PEOPLE = (
    Person("El Maestro"),
    Person("Marco Ruiz", aliases=("El Toro",)),
    Person("Juan Carlos Prieto"),
    Person("Diego Prieto"),
    Person("Lars de Groot"),
)


def _lookup() -> Lookup:
    """A lookup over the invented people only (no store is read)."""
    lookup = Lookup(cast(Store, None))
    lookup.index = _build_index(PEOPLE, None, 0, [], ())
    return lookup


def test_a_name_particle_alone_names_no_one() -> None:
    """ "el" is the first word of "El Maestro" but, alone, Spanish for "the": a question
    about "el toros manager" must not be read as about El Maestro."""
    lookup = _lookup()
    assert lookup.resolve_person("el") is None
    assert lookup.person_in("who is el torros manager") != "El Maestro"
    assert lookup.resolve_person("el toro") == "Marco Ruiz"
    assert lookup.resolve_person("el maestro") == "El Maestro"


def test_given_names_without_the_surname_name_the_father() -> None:
    """ "Prieto" is two people; "Juan Carlos", his given names, is one of them."""
    lookup = _lookup()
    assert lookup.resolve_person("prieto") is None
    assert lookup.index.ambiguous.get("prieto") == ("Diego Prieto", "Juan Carlos Prieto")
    assert lookup.resolve_person("juan carlos") == "Juan Carlos Prieto"
    assert lookup.person_in("what did juan carlos say about his son") == "Juan Carlos Prieto"


def test_a_surname_with_its_particle_names_its_person() -> None:
    """ "de Groot" as a fan writes it, particle and all."""
    lookup = _lookup()
    assert lookup.resolve_person("de groot") == "Lars de Groot"
    assert lookup.resolve_person("groot") == "Lars de Groot"
