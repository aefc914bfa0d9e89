"""A short sentence after the one shown that tells how it came out ("It did not work.",
"They left him out."): a report often sets up a move in one sentence and gives its result
in three words, which is what a fan asking "what happened with X" wants. Invented story."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

STORIES = {
    "2031-06-08-invented-report": (
        "date 2031-06-08 Invented report: Orrin holds off Vale at Kestrel Park",
        "Petra Orrin won at Kestrel Park on Sunday by 1.2 seconds from Tamsin Vale.",
        "Vale's crew called her in on lap 30, two laps before Orrin, hoping the early stop "
        "would put her ahead. It did not work.",
        "Orrin said the tyres had lasted better than she expected.",
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented story, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("outcome"), stories)


async def test_the_short_sentence_after_tells_how_it_came_out(engine: AnswerEngine) -> None:
    shown = await ask(engine, "what happened with vales early stop")
    assert "hoping the early stop" in shown, shown
    assert "It did not work." in shown, shown
