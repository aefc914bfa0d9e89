"""Who is whose parent, as a story says it: "his father, Y", "X's son Y", "Y, son of X", and
"his father" naming no one when one other person of the story shares the surname. Each
becomes a relation fact the answers read back ("who is X's dad"). On invented text."""

from __future__ import annotations

from bot.ingest.people import discover_people
from bot.ingest.relations import FATHER, MOTHER, PARENT, find_relations
from bot.models import Person


def _family(paragraphs: list[str]) -> set[tuple[str, str, str]]:
    index = discover_people(paragraphs)
    people = [Person(p.name, aliases=p.aliases) for p in index.people]
    return {
        (r.key, r.first, r.second)
        for r in find_relations(paragraphs, people)
        if r.key in (FATHER, MOTHER, PARENT)
    }


def test_his_father_named_after_it_is_the_subjects_father() -> None:
    found = _family(
        [
            "Tomas Ortega won his first race at Norda. His father, Ramon Ortega, was in the "
            "garage with Lena Vidal."
        ]
    )
    assert found == {(FATHER, "Ramon Ortega", "Tomas Ortega")}


def test_a_possessive_parent_or_child_word_names_the_pair() -> None:
    assert _family(["Kai Brandt's mother, Ilse Brandt, runs the team Lena Vidal drives for."]) == {
        (MOTHER, "Ilse Brandt", "Kai Brandt")
    }
    assert _family(["Oskar Lind's son Pelle Lind was fastest ahead of Lena Vidal."]) == {
        (PARENT, "Oskar Lind", "Pelle Lind")
    }


def test_son_of_after_a_name_gives_a_parent_of_either_kind() -> None:
    found = _family(
        ["Tomas Ortega, son of the 1998 champion Ramon Ortega, beat Lena Vidal at Norda."]
    )
    assert found == {(PARENT, "Ramon Ortega", "Tomas Ortega")}


def test_an_unnamed_father_is_the_one_other_bearer_of_the_surname() -> None:
    paragraphs = [
        "When Tomas Ortega was nine, his father took him to a kart track near Norda. "
        "Ramon Ortega, a former champion, still keeps the stopwatch.",
        "Lena Vidal was his first rival.",
    ]
    assert _family(paragraphs) == {(FATHER, "Ramon Ortega", "Tomas Ortega")}


def test_an_unnamed_father_is_never_guessed_between_two() -> None:
    """Two other Ortegas, or none: no relation."""
    paragraphs = [
        "When Tomas Ortega was nine, his father took him to a kart track near Norda. "
        "Ramon Ortega and Luis Ortega both raced there.",
    ]
    assert _family(paragraphs) == set()
    assert _family(["When Tomas Ortega was nine, his father took him to meet Lena Vidal."]) == set()
