"""A report headed by its event's name ("WorldSBK Valmora: ...") names no person by it."""

from __future__ import annotations

import pytest

from bot.ingest.people import discover_people


@pytest.mark.parametrize(
    ("headline", "event"),
    [
        pytest.param(
            "WorldSBK Valmora: Dario Venn wins Race 2 as Kai Ostrander starts tenth",
            "WorldSBK Valmora",
            id="worldsbk",
        ),
        pytest.param(
            "Superbike Valmora: Dario Venn wins as Kai Ostrander starts tenth",
            "Superbike Valmora",
            id="superbike",
        ),
    ],
)
def test_a_series_and_its_rounds_place_are_no_person(headline: str, event: str) -> None:
    """The series' name, then its round's place, reads like a first name and a surname but
    is the event's name; the riders around it are still found."""
    names = discover_people(
        ["Dario Venn beat Kai Ostrander by two seconds on Sunday."], headline=headline
    ).names
    assert event not in names
    assert {"Dario Venn", "Kai Ostrander"} <= set(names)
