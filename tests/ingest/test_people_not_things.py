"""People discovery finds people, not teams, makers or stages, and each person once."""

from __future__ import annotations

import pytest

from bot.ingest.people import discover_people


@pytest.mark.parametrize(
    ("paragraph", "thing"),
    [
        pytest.param(
            "Dario Kessler won the Power Stage and five bonus points.", "Power Stage", id="stage"
        ),
        pytest.param(
            "Tom Ardley drove the Manthey Porsche to third.", "Manthey Porsche", id="maker-last"
        ),
        pytest.param(
            "Porsche Penske ran Tom Ardley in the No. 6.", "Porsche Penske", id="maker-first"
        ),
        pytest.param(
            "Triple Eight ran Nolan Keyes for a second year.", "Triple Eight", id="team-number"
        ),
        pytest.param(
            "Nolan Keyes, winner of Kessel's Twelve Hours, came second.",
            "Twelve Hours",
            id="n-hours",
        ),
        pytest.param(
            "Nolan Keyes, 50th behind O'Brady's No. 31 car, stayed out.",
            "O'Brady's No",
            id="apostrophe-name-car-no",
        ),
        pytest.param(
            "Nolan Keyes hit the back of Varga's No. 12 Kessel Ford.", "Kessel Ford", id="car"
        ),
        pytest.param(
            "Nolan Keyes (Blue Harbour Energy Yamaha) was fourth.",
            "Blue Harbour Energy",
            id="sponsor-team",
        ),
        pytest.param(
            "Nolan Keyes thanked Harbour Motors and the freight firm Ridgeway Logistics.",
            "Harbour Motors",
            id="company",
        ),
        pytest.param(
            "Nolan Keyes thanked the freight firm Ridgeway Logistics.",
            "Ridgeway Logistics",
            id="company-2",
        ),
        pytest.param(
            "The team is based in Asheville, North Carolina, where Nolan Keyes lives.",
            "North Carolina",
            id="state",
        ),
        pytest.param(
            "KESSEL, May 3 (Harbour Wire) - Nolan Keyes won on Sunday.", "Harbour Wire", id="wire"
        ),
        pytest.param(
            "Nolan Keyes is the NASCAR Brightwell Pickup Series champion, his first Pickup "
            "Series title.",
            "Brightwell Pickup",
            id="series",
        ),
    ],
)
def test_a_team_or_a_stage_is_no_person(paragraph: str, thing: str) -> None:
    """Capitalised words made of a maker's or a racing word are never a person's name."""
    names = discover_people([paragraph]).names
    assert thing not in names
    assert len(names) == 1


@pytest.mark.parametrize(
    ("paragraphs", "full"),
    [
        pytest.param(
            ["Marco Della Vedova took pole.", "Della Vedova then led every lap."],
            "Marco Della Vedova",
            id="two-word-surname-after",
        ),
        pytest.param(
            ["Van Der Linde crashed early.", "Kelvin Van Der Linde was unhurt."],
            "Kelvin Van Der Linde",
            id="two-word-surname-before",
        ),
    ],
)
def test_a_surname_of_two_words_alone_is_the_same_person(paragraphs: list[str], full: str) -> None:
    """ "Della Vedova" written alone is the one person whose name ends so, not another."""
    index = discover_people(paragraphs)
    assert index.names == (full,)
    assert [m.person for m in index.mentions(paragraphs[1]) if m.kind == "name"] == [full]
