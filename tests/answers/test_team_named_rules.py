"""A question about a team ("why did the halvorsen lose 12 laps") is answered by a sentence
naming the team itself, not only by one naming a person the articles put in that team: the
index may know the team's people from another story (here a Formula E report), while the
sentence that answers names the car ("the Halvorsen lost 12 laps")."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

STORIES = {
    "2026-03-02-invented-eprix": (
        "date 2026-03-02 Renner wins the Ostmark E-Prix for Halvorsen",
        "Halvorsen driver Pia Renner won the Ostmark E-Prix on Sunday, beating Jon Larsen by "
        "1.4 seconds.",
        'Halvorsen team principal Odo Brandt said the car had been "perfect all weekend".',
    ),
    "2025-05-11-invented-endurance": (
        "date 2025-05-11 Vantor wins the Six Hours of Dunmere after a night of crashes",
        "Vantor won the Six Hours of Dunmere on Saturday, two laps clear of the field.",
        "The Halvorsen lost 12 laps in the garage after its gearbox failed in the third hour, "
        "and finished ninth.",
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented stories, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("team_named"), stories)


async def test_the_team_named_answers_for_the_team(engine: AnswerEngine) -> None:
    """Without the rule only a sentence naming Renner counted as about Halvorsen."""
    shown = await ask(engine, "why did the halvorsen lose 12 laps")
    assert "gearbox failed" in shown
    assert "don't say" not in shown
