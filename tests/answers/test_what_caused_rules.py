""" "what caused X" asks X's cause, as "why" does: "what caused the late caution" is told by
"The late caution came out on lap 88, when Rook spun after contact from Barrow", not read as
whom to blame (a sentence of blame words), which "who caused the crash" still asks."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

STORY = (
    "date 2026-08-09 Platt wins at Cedar Hollow after a late caution bunches the field",
    "Jim Platt won the Cedar Hollow 300 on Sunday, holding off Ty Barrow on a two-lap dash.",
    "The late caution came out on lap 88, when Dale Rook spun in Turn 2 after contact from "
    "Barrow's No. 7 Ford.",
    "Rook was unhurt and called the contact a racing incident.",
)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented race report, ingested through the real ingester."""
    return stories_store(
        tmp_path_factory.mktemp("what_caused"),
        [("2026-08-09-invented-cedar-hollow", "\n\n".join(STORY))],
    )


async def test_what_caused_asks_the_cause(engine: AnswerEngine) -> None:
    """Without the rule "caused the" read as blame, and no sentence blamed anyone: "The
    articles don't say what caused the late caution"."""
    shown = await ask(engine, "what caused the late caution")
    assert "Dale Rook spun in Turn 2" in shown
    assert "don't say" not in shown
