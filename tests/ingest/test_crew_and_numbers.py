"""A race report's people around a driver and its numbers for them: a relation set off by
commas ("Kamara's crew chief, Rudi Falk,") is an alias a fan asks by, and a car's number is
its driver's however the report ties them ("won the race in the No. 44", "The No. 21
sputtered. Lund said ...")."""

from __future__ import annotations

import pytest

from bot.ingest.cars import car_numbers
from bot.ingest.people import discover_people

REPORT = [
    "Nell Dorsey won the race in the No. 44 Halvorsen Racing Ford, her third win of the year.",
    "Omar Kamara started from the pole in the No. 7 Brisk Motorsports Toyota and led 60 laps.",
    "Kamara's crew chief, Rudi Falk, kept him out under the final caution on Lap 180.",
    "Then the No. 21 sputtered. Pia Lund said the engine starved coming off Turn 4, and she "
    "finished 12th.",
    "Brett Soto, Lund's spotter, had told her to save fuel for ten laps.",
    "Dorsey beat her team-mate in the No. 3 Ford, Cal Ruiz, by a second.",
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "alias"),
    [
        pytest.param("Rudi Falk", "Kamara's crew chief", id="before-the-name"),
        pytest.param("Brett Soto", "Lund's spotter", id="after-the-name"),
    ],
)
def test_a_relation_set_off_by_commas_is_an_alias(name: str, alias: str) -> None:
    """ "Kamara's crew chief, Rudi Falk," and "Brett Soto, Lund's spotter,": the relation is
    what a fan asks for them by ("whos the crew chief for kamara")."""
    person = discover_people(REPORT).get(name)
    assert person is not None
    assert alias in person.aliases


@pytest.mark.parametrize(
    ("name", "number"),
    [
        pytest.param("Nell Dorsey", ("No. 44",), id="won-the-race-in"),
        pytest.param("Omar Kamara", ("No. 7",), id="started-from-the-pole-in"),
        pytest.param("Pia Lund", ("No. 21",), id="the-number-then-the-name"),
    ],
)
def test_a_number_is_its_drivers_however_the_report_ties_them(
    name: str, number: tuple[str, ...]
) -> None:
    """The verbs before "in the No. 44" may be any ("won the race", "started from the pole"),
    and "The No. 21 sputtered. Pia Lund said ..." ties the number no other form does."""
    assert car_numbers(REPORT, discover_people(REPORT)).get(name) == number


def test_a_number_beside_another_person_is_not_the_subjects() -> None:
    """ "Dorsey beat her team-mate in the No. 3": the No. 3 is the team-mate's, never Dorsey's."""
    numbers = car_numbers(REPORT, discover_people(REPORT))
    assert "No. 3" not in numbers.get("Nell Dorsey", ())


OBJECTS = [
    "Ravi Moss finished fourth in the Sandhurst 200 for Keel Racing.",
    "The No. 61 truck coughed out of fuel with two laps left. Ravi Moss swept by for fourth.",
    "Ines Dahl overtook the pace-setter in the No. 15 Toyota on Lap 70 and held on.",
    "Yuri Penn was clipped by the rookie in the No. 33 Ford on Lap 12 and parked.",
]  # fmt: skip


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("Ravi Moss", id="the-number-then-another-drivers-act"),
        pytest.param("Ines Dahl", id="the-number-of-the-one-passed"),
        pytest.param("Yuri Penn", id="the-number-of-the-one-who-hit-him"),
    ],
)
def test_a_number_of_the_sentences_object_is_not_the_subjects(name: str) -> None:
    """A number belongs to the driver whose own act runs up to "in the No. 15", never to
    one who passed it or was hit by it, nor to whoever opens the next sentence ("The No. 61
    ran dry. Moss swept by" is Moss passing the 61)."""
    assert car_numbers(OBJECTS, discover_people(OBJECTS)).get(name) is None
