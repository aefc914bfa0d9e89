"""A team's crew is no one named: "The crew worked through the night" after a sentence naming
a driver is the mechanics' work, not the driver's. "the three", "the pair" still carry the
drivers the sentence before named (tests/answers/test_endurance_report_rules.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

STORY = "\n\n".join(
    (
        "date 2032-05-03 Invented: Fenn's Corvo survives a night of repairs at Orvel",
        "Nadia Fenn hit the wall at the final chicane in practice on Friday and damaged the "
        "rear of the No. 12 Corvo. The crew worked through the night to rebuild the gearbox.",
        "Fenn started 14th on Saturday and finished sixth.",
    )
)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return stories_store(tmp_path_factory.mktemp("crew"), (("2032-05-03-orvel", STORY),))


@pytest.mark.parametrize(
    "question", ["did fenn rebuild the gearbox", "did nadia fenn work through the night"]
)
async def test_the_crew_is_not_the_driver_named_before(engine: AnswerEngine, question: str) -> None:
    """The crew's night of work is no answer about Fenn: the articles don't say she did."""
    shown = await ask(engine, question)
    assert shown.startswith("The articles don't say")


async def test_the_driver_is_still_answered(engine: AnswerEngine) -> None:
    shown = await ask(engine, "where did fenn finish")
    assert "finished sixth" in shown
