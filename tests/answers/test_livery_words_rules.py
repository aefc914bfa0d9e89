"""A car's colours are its livery: "what colour is the Halvorsen" is answered by "The livery
is mostly green, with gold stripes" (before, "colour" was in no article, weighed most of the
question, and the answer was a denial above the launch story's lede)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.answers.scoring import ask, engine_over, stories_store

LAUNCH = (
    "date 2026-02-03 Halvorsen shows its first car in Aberdeen",
    "Halvorsen unveiled its first car in Aberdeen on Monday night, a machine called the HR-1 "
    "that Jon Larsen and Mika Toivo will race this season.",
    "The livery is mostly green, with gold stripes along the sidepods and the sponsor's name "
    "on the rear wing.",
    "Team principal Odo Brandt said the car had run 400 kilometres at a shakedown in January "
    "without a problem.",
)
RACE = (
    "date 2026-03-01 Carrow wins at Fenmoor on the last of her battery",
    "Ilse Carrow won the Fenmoor E-Prix on Sunday, 0.8 seconds clear of Tobin Marsh.",
    "Marsh said he had saved too much energy in the middle of the race.",
)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented stories, ingested through the real ingester."""
    stories = [
        ("2026-02-03-invented-halvorsen-launch", "\n\n".join(LAUNCH)),
        ("2026-03-01-invented-fenmoor-race", "\n\n".join(RACE)),
    ]
    return stories_store(tmp_path_factory.mktemp("livery_words"), stories)


async def test_a_cars_colour_is_its_livery(database: Path) -> None:
    """Without the rule: "The articles don't say what colour is the halvorsen" first."""
    async with engine_over(database) as engine:
        shown = await ask(engine, "what colour is the halvorsen")
    assert "mostly green" in shown
    assert "don't say" not in shown


async def test_a_helmet_no_article_describes_stays_a_denial(database: Path) -> None:
    """No livery or colour of Marsh's is told: the denial stays."""
    async with engine_over(database) as engine:
        shown = await ask(engine, "what colour is marshs helmet")
    assert shown.startswith("The articles don't say")
