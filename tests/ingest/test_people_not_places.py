"""A team written as its founders' names, a hospital, a corner or a race mode is no person."""

from __future__ import annotations

import pytest

from bot.ingest.people import discover_people


@pytest.mark.parametrize(
    ("paragraphs", "thing"),
    [
        pytest.param(
            ["Hollis Baird Racing confirmed Tom Ardley for Road America."],
            "Hollis Baird",
            id="team-of-founders",
        ),
        pytest.param(
            [
                "Tom Ardley drives for Hollis Baird Racing.",
                "Nobody in the Hollis Baird garage blamed him.",
            ],
            "Hollis Baird",
            id="team-written-without-racing",
        ),
        pytest.param(
            ["Tom Ardley was taken to Saint Olaf Hospital for checks."],
            "Saint Olaf Hospital",
            id="hospital",
        ),
        pytest.param(["Tom Ardley used Boost Mode on lap 4."], "Boost Mode", id="mode"),
        pytest.param(
            ["Tom Ardley passed two cars at Harbour Square."], "Harbour Square", id="corner"
        ),
    ],
)
def test_a_team_a_place_or_a_thing_is_no_person(paragraphs: list[str], thing: str) -> None:
    """Only the driver is a person; the team, place or thing is not."""
    names = discover_people(paragraphs).names
    assert thing not in names
    assert names == ("Tom Ardley",)


def test_a_team_boss_sharing_the_teams_name_stays_a_person() -> None:
    """ "Hollis Baird Racing" is a team, and its co-owner Jim Baird is still a person, whose
    surname alone now names him."""
    index = discover_people(
        ["Hollis Baird Racing ran Tom Ardley.", "Team co-owner Jim Baird was angry. Baird said so."]
    )
    assert index.names == ("Tom Ardley", "Jim Baird")
    assert index.resolve("Baird") == "Jim Baird"
