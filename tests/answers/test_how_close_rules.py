""" "How close was X to Y" asks a gap, in time, points or places, as "how far behind" does:
read as "how far", so a sentence giving the margin answers and the word "close" is never
searched for."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

STORY = (
    "date 2030-09-08 Invented: Quarn edges Fendt at Lowmark",
    "Pia Quarn won at Lowmark on Sunday, 0.8 seconds ahead of Idris Fendt after 58 laps.",
    "Fendt missed out on a place in the top three of the standings by two points.",
    "The series heads to Saltrey in two weeks.",
)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented race report, ingested through the real ingester."""
    return stories_store(
        tmp_path_factory.mktemp("how_close"),
        [("2030-09-08-invented-lowmark", "\n\n".join(STORY))],
    )


@pytest.mark.parametrize(
    "question", ["how close was fendt to quarn", "how close did fendt get to quarn"]
)
async def test_how_close_is_a_gap(engine: AnswerEngine, question: str) -> None:
    """Without the rule: "The articles don't say how close was fendt to quarn" above the
    sentence giving the 0.8 seconds."""
    shown = await ask(engine, question)
    assert "0.8 seconds ahead of Idris Fendt" in shown
    assert "don't say" not in shown
