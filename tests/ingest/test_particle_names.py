"""Names with two particles ("van der Linde") are names, as names with one ("de Vries") are."""

from __future__ import annotations

from bot.ingest.people import discover_people


def test_a_name_with_two_particles_is_found_and_its_first_name_resolves() -> None:
    """ "Joost van der Meer" is one person: the run went on past "van" only when a capital
    followed it, so "der" ended it and the article named nobody."""
    index = discover_people(
        [
            "Then came the calls. Joost van der Meer was first, because he shares the car.",
            "Joost said he was pleased.",
        ]
    )
    assert "Joost van der Meer" in index.names
    assert index.resolve("Joost") == "Joost van der Meer"


def test_particles_not_followed_by_a_name_end_the_run() -> None:
    """ "van der" before a lower-case word is no name's part."""
    index = discover_people(["Lena Quist drove the van der whole way."])
    assert index.names == ("Lena Quist",)
