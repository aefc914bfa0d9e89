"""A race report's people around a driver: a relation set off by commas ("Kamara's crew
chief, Rudi Falk,") is an alias a fan asks by."""

from __future__ import annotations

import pytest

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
