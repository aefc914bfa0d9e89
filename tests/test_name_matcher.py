"""NameMatcher finds a person's names in a text exactly where name_pattern does."""

from __future__ import annotations

import pytest

from bot.answers.apologies import NameMatcher, name_pattern
from bot.models import Person

PEOPLE = (
    Person("Max Verstappen", aliases=("Mad Max", "Verstappen's")),
    Person("Zhou Guanyu", aliases=("Zhou",)),
    Person("Sergio Pérez", aliases=("Checo",)),
    Person("Cem Bölükbaşı"),
    Person("Al Bo"),
)
TEXTS = (
    "Verstappen said sorry.",
    "verstappen's move",
    "Verstappens",
    "the Verstappen_team",
    "MAD MAX again",
    "maxverstappen",
    "Max, Verstappen",
    "Zhou.",
    "zhouzhou",
    "(Zhou)",
    "Perez and Pérez",
    "Checo2",
    "Bölükbaşi said it",
    "BÖLÜKBAŞI",
    "Hamılton",
    "",
    "Al Bo",
    "al bo's car",
    "Mad  Max",
)


@pytest.mark.parametrize("person", PEOPLE, ids=lambda p: p.name)
@pytest.mark.parametrize("text", TEXTS)
def test_it_agrees_with_the_pattern(person: Person, text: str) -> None:
    assert NameMatcher(person).search(text) == bool(name_pattern(person).search(text))


def test_it_finds_a_name_and_refuses_a_longer_word() -> None:
    matcher = NameMatcher(PEOPLE[0])
    assert matcher.search("It was Verstappen who said it")
    assert not matcher.search("Verstappenism")


def test_a_persons_pattern_is_compiled_once() -> None:
    """name_pattern is kept per person (compiling it costs about 1 ms): a decorator once slid
    onto the function above it and every recap with an apology compiled the pattern again."""
    person = Person(name="Oskar Lindqvist", aliases=("the Swede",))
    first = name_pattern(person)
    hits = name_pattern.cache_info().hits  # (re's own cache would hand back the same object)
    assert name_pattern(person) is first
    assert name_pattern.cache_info().hits == hits + 1
