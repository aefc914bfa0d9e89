"""A session asked by a fan's short name is found where a report writes it out: "fp2" is
"second practice" (``router._scope``), so "what happened to X in fp2" reads the paragraph
that tells second practice, not none."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import DENIAL, ask, stories_store

STORY = (
    "date 2031-05-10 Lisbon Friday: Alpine's new wing survives, Castel's car does not",
    "Alpine ran its new rear wing on both cars all day and said the numbers matched the tunnel.",
    "Ruben Castel spun into the barrier at the final chicane in second practice and missed "
    "the last half hour while his mechanics rebuilt the rear of the car.",
    "Nils Brandt was ninth in both sessions.",
)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented Friday report, ingested through the real ingester."""
    return stories_store(
        tmp_path_factory.mktemp("session_words"),
        [("2031-05-10-invented-friday", "\n\n".join(STORY))],
    )


async def test_a_short_session_name_reads_the_written_one(engine: AnswerEngine) -> None:
    shown = await ask(engine, "what happened to castel in fp2")
    assert "spun into the barrier" in shown
    assert DENIAL not in shown
