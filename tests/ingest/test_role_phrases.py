"""A role written before a name in lower case that no role noun ends ("said clerk of the
course Jana Kinvig", "circuit president Ivo Marek", "head of endurance racing Marco Ventoli")
is the person's role, as "race director Niels Wittberg" is."""

from __future__ import annotations

import pytest

from bot.ingest.people import discover_people, find_appositives


@pytest.mark.parametrize(
    ("paragraph", "person", "role", "team"),
    [
        pytest.param(
            "The session was stopped for 40 minutes, said clerk of the course Jana Kinvig.",
            "Jana Kinvig",
            "clerk of the course",
            None,
            id="clerk-of-the-course",
        ),
        pytest.param(
            "Clerk of the course Jana Kinvig said the barrier was rebuilt in time.",
            "Jana Kinvig",
            "clerk of the course",
            None,
            id="opening-a-sentence",
        ),
        pytest.param(
            "The trophy was handed over by circuit president Ivo Marek on the podium.",
            "Ivo Marek",
            "circuit president",
            None,
            id="president",
        ),
        pytest.param(
            "The plan was confirmed by Kessel head of endurance racing Marco Ventoli.",
            "Marco Ventoli",
            "head of endurance racing",
            "Kessel",
            id="head-of-with-team",
        ),
        pytest.param(
            "The race was won by Tomas Varga, and race director Niels Wittberg praised it.",
            "Niels Wittberg",
            "race director",
            None,
            id="a-role-noun-still",
        ),
    ],
)
def test_a_role_before_a_name_is_theirs(
    paragraph: str, person: str, role: str, team: str | None
) -> None:
    found = find_appositives([paragraph], discover_people([paragraph]))
    assert [(a.role, a.team) for a in found if a.person == person] == [(role, team)]


def test_a_role_phrase_after_the_name_describes_no_one() -> None:
    """ "the president of nothing" after a name is no descriptor of the name after it."""
    paragraph = "Tomas Varga, the president of nothing, beat Lukas Ostrava at Brno."
    found = find_appositives([paragraph], discover_people([paragraph]))
    assert [a for a in found if a.person == "Lukas Ostrava"] == []


def test_its_role_is_the_role_at_the_body_the_sentence_before_names() -> None:
    """ "The ACO did not ... Its president, Pierre Vallon, called ...": the ACO's president;
    with no body the register knows in the sentence before, no role is guessed."""
    paragraph = (
        "The ACO did not hold his outbursts against him. Its president, Pierre Vallon, "
        "called Varel a friend of the circuit."
    )
    found = find_appositives([paragraph], discover_people([paragraph]))
    assert [(a.role, a.team) for a in found if a.person == "Pierre Vallon"] == [
        ("president", "ACO")
    ]
    unknown = (
        "The club did not hold it against him. Its president, Pierre Vallon, called Varel a friend."
    )
    found = find_appositives([unknown], discover_people([unknown]))
    assert [a for a in found if a.person == "Pierre Vallon"] == []


@pytest.mark.parametrize(
    ("paragraph", "person", "role", "team"),
    [
        pytest.param(
            "Managing director Ana Ruiz took the blame for the team.",
            "Ana Ruiz",
            "managing director",
            None,
            id="opening-a-sentence",
        ),
        pytest.param(
            "The car was fast, and Kessel technical director Ivo Marek said so.",
            "Ivo Marek",
            "technical director",
            "Kessel",
            id="lower-case-with-team",
        ),
        pytest.param(
            "Vantor Racing driver Ivo Marek said the car was fast.",
            "Ivo Marek",
            "driver",
            "Vantor Racing",
            id="a-team-named-racing-keeps-its-name",
        ),
    ],
)
def test_a_role_opener_capitalised_is_no_team(
    paragraph: str, person: str, role: str, team: str | None
) -> None:
    """ "Managing director Ana Ruiz": "Managing" is the role's first word, capitalised by its
    place at the sentence's start, never a team."""
    found = find_appositives([paragraph], discover_people([paragraph]))
    assert [(a.role, a.team) for a in found if a.person == person] == [(role, team)]
