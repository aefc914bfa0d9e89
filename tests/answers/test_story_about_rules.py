"""A newer story that only mentions a name must not take a question from the older story
that is about it, on invented stories: when the best sentences of the two tie, the story whose
headline names whom (then what) the question asks wins, and the newer one only when both
headlines name it as much."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

#: The older story, about the driver: his move is its headline.
SIGNING = "\n\n".join(
    (
        "date 2026-03-10 Invented endurance: Kestrel Motorsport signs Tor Vandal for its "
        "prototype team",
        "Tor Vandal will race for Kestrel Motorsport in the endurance championship next year, "
        "the team said on Tuesday.",
        "Vandal will drive the Kestrel K9, a car built for the new rules.",
        '"I wanted this seat for years," Vandal said.',
    )
)  # fmt: skip

#: The newer roundup, about every seat: the driver is one line of ten.
ROUNDUP = "\n\n".join(
    (
        "date 2026-03-20 Invented market: who drives where next year, team by team",
        "Nine of the ten teams have named both drivers for next year, and the last seat will "
        "be filled after the final round.",
        "Ada Brisk stays at Orla for a third season, and Leo Quint moves up from the junior "
        "series to partner her.",
        "Tor Vandal will drive a car in endurance racing next year after losing his seat.",
        "Mika Stroud has a contract with Pellan until the end of next year.",
        "Pellan has not named his team-mate, and the team said it would wait for the final "
        "round.",
        "Ivo Renn signed a two-year extension with Corvan in the summer.",
        "Sol Garde moves from Corvan to Orla's junior team, the team said.",
        "Two teams will run rookies, the most since the series began.",
        "The last open seat is at Vey, where three drivers are said to be in the running.",
    )
)  # fmt: skip

#: The older story, about a team's appeal: the ruling on it is its headline.
RULING = "\n\n".join(
    (
        "date 2026-04-05 Invented ruling: stewards reject Falcon's appeal over the Brenner "
        "clash",
        "The stewards have thrown out the appeal Falcon lodged after Sunday's race at Brenner, "
        "and Nils Orbe keeps his penalty.",
        "The stewards rejected Falcon's appeal on Friday, saying the footage it brought was "
        "not new.",
        "Falcon said it was disappointed.",
    )
)  # fmt: skip

#: The newer story, about another driver's penalty: it recalls the appeal in one line.
PENALTY = "\n\n".join(
    (
        "date 2026-04-20 Invented stewards: Piet Haller handed a grid drop for Lisbon after "
        "a collision",
        "Piet Haller will start the Lisbon round five places back after the stewards found "
        "him to blame for a collision with Rui Sado.",
        "His team said it would look at an appeal, the route Falcon took, and lost, after the "
        "Brenner clash.",
        "Haller said he had been ahead at the corner.",
        "Sado, who was running seventh, retired on the spot with a broken front wing.",
        "The stewards said Haller had braked too late and left Sado nowhere to go.",
        "It is the second grid drop of the season for Haller.",
        "The Lisbon round is on May 3.",
        "Sado's team said it accepted the decision.",
    )
)  # fmt: skip


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The four invented stories, ingested through the real ingester."""
    return stories_store(
        tmp_path_factory.mktemp("story-about"),
        (
            ("2026-03-10-vandal-kestrel", SIGNING),
            ("2026-03-20-driver-market", ROUNDUP),
            ("2026-04-05-falcon-appeal", RULING),
            ("2026-04-20-haller-lisbon", PENALTY),
        ),
    )


async def test_the_story_headed_by_the_driver_beats_a_newer_roundup_naming_him(
    engine: AnswerEngine,
) -> None:
    """Asked "what car will vandal drive": the roundup's line on him ties with the signing's,
    but the signing is about him (its headline names him): its car, not the roundup's."""
    shown = await ask(engine, "what car will vandal drive")
    assert "Kestrel K9" in shown
    assert "Invented market" not in shown


async def test_the_story_headed_by_what_is_asked_beats_a_newer_one_recalling_it(
    engine: AnswerEngine,
) -> None:
    """Asked "what happened with falcons appeal": the newer penalty story recalls the appeal
    in one line, but the ruling's headline is that appeal: its sentence answers."""
    shown = await ask(engine, "what happened with falcons appeal")
    assert "rejected Falcon's appeal" in shown or "thrown out the appeal" in shown
    assert "Invented stewards" not in shown
