"""A fan's "best lap" is the lap a report calls the "fastest": "what was X's best lap time"
is answered by the sentence giving X's fastest lap, not denied above it. "Best" alone is no
fastest lap: "who was best at Y" is never answered by the fastest lap of one who lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

STORY = (
    "date 2031-05-20 Invented: Larne wins at Corrib",
    "Oskar Larne won at Corrib on Sunday from pole, 3.1 seconds ahead of Tilda Renvik.",
    "Renvik set the fastest lap of the race, a 1:18.402 on lap 51, on her way to second.",
    "The series returns at Ballast Point on June 8.",
)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented race report, ingested through the real ingester."""
    return stories_store(
        tmp_path_factory.mktemp("best_lap"),
        [("2031-05-20-invented-corrib", "\n\n".join(STORY))],
    )


@pytest.mark.parametrize(
    "question", ["what was renviks best lap time", "what was renviks best lap"]
)
async def test_best_lap_is_the_fastest(engine: AnswerEngine, question: str) -> None:
    """Without the rule: "The articles don't say what was renviks best lap time" above it."""
    shown = await ask(engine, question)
    assert "1:18.402" in shown
    assert "don't say" not in shown


async def test_best_alone_is_no_fastest_lap(engine: AnswerEngine) -> None:
    """Without the rule ("best" a synonym of "fastest" everywhere): the runner-up's fastest
    lap shown as who was best."""
    shown = await ask(engine, "who was best at corrib")
    assert "1:18.402" not in shown
