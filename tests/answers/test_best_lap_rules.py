"""A fan's "best lap" is the lap a report calls the "fastest" (or "quickest"): "what was
X's best lap time" is answered by the sentence giving X's fastest lap, not denied above it."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

STORY = (
    "date 2031-05-20 Invented: Larne wins at Corrib",
    "Oskar Larne won at Corrib on Sunday from pole, 3.1 seconds ahead of Tilda Renvik.",
    "Larne set the fastest lap of the race, a 1:18.402 on lap 51.",
    "The series returns at Ballast Point on June 8.",
)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented race report, ingested through the real ingester."""
    return stories_store(
        tmp_path_factory.mktemp("best_lap"),
        [("2031-05-20-invented-corrib", "\n\n".join(STORY))],
    )


@pytest.mark.parametrize("question", ["what was larnes best lap time", "what was larnes best lap"])
async def test_best_lap_is_the_fastest(engine: AnswerEngine, question: str) -> None:
    """Without the rule: "The articles don't say what was larnes best lap time" above it."""
    shown = await ask(engine, question)
    assert "1:18.402" in shown
    assert "don't say" not in shown
