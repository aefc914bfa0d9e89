"""Fans' shorthand for what reports write out, on an invented stewards' story: "the t1 crash"
is the Turn 1 crash (a corner, no word a sentence must hold)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

STORIES = {
    "2031-05-12-invented-stewards": (
        "date 2031-05-12 Orrin penalised after Kestrel Park clash with Tamsin Vale",
        "Petra Orrin will start the next race three places lower after the stewards at "
        "Kestrel Park found her wholly to blame for the collision that ended Tamsin Vale's race.",
        "Orrin dived down the inside at Turn 1 on lap 8 and hit the side of Vale's car.",
        "Vale said she had left plenty of room.",
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented story, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("shorthand"), stories)


async def test_a_turn_written_short_is_the_turn_asked(engine: AnswerEngine) -> None:
    shown = await ask(engine, "whose fault was the t1 crash at kestrel park")
    assert "wholly to blame" in shown
    assert "don't say" not in shown
