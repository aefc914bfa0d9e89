"""An aim and the weather in a report's words, each rule on invented stories: "whats X aiming
for in 2027" is met by a sentence telling what they want in 2027, in a story the year does not
head (the 2027 calendar's story says nothing of it); "whats the wether gonna be like" (a typo)
by the preview's forecast."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

STORIES = {
    "2026-10-14-invented-calendar": (
        "date 2026-10-14 Invented series confirms 22-race 2027 calendar: Jerez in, Dunmere out",
        "The invented series will race 22 times in 2027, starting at Losail on March 7.",
    ),
    "2026-11-18-invented-explainer": (
        "date 2026-11-18 Explained: how Halvorsen cured its battery problem",
        "Halvorsen will keep the same rear wing for the last three races.",
        "Its engineer Ona Vesk said the lessons would go straight into next year's car. "
        '"In 2027 I want the Halvorsen driver to think about the corner, not the battery," she '
        "said.",
    ),
    "2026-12-01-invented-preview": (
        "date 2026-12-01 Jerez preview: Holm needs fourth, Varga needs a win",
        "Teo Holm arrives at Jerez this weekend four points ahead of Ilja Varga.",
        "The forecast is dry, with about 22 degrees expected for the race.",
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented stories, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("aim_weather"), stories)


async def test_an_aim_for_a_year_is_told_outside_the_stories_it_heads(
    engine: AnswerEngine,
) -> None:
    shown = await ask(engine, "whats halvorsen aiming for in 2027")
    assert "think about the corner" in shown
    assert "don't say" not in shown


async def test_the_weather_misspelt_is_the_forecast(engine: AnswerEngine) -> None:
    shown = await ask(engine, "whats the wether gonna be like")
    assert "The forecast is dry" in shown
