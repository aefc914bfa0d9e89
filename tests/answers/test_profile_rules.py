"""The rules of a magazine profile, on an invented one: a driver is asked by the short forms
fans use for him (the register's nicknames, data not code), and the present-tense profile's
"he" stands for its subject."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

STORIES = {
    "2026-06-02-invented-profile": (
        "date 2026-06-02 Invented profile: Gabriel Bortoleto and a quiet week in Lisbon",
        "Gabriel Bortoleto orders a second coffee on a terrace above the river and checks the "
        "weather for Saturday.",
        '"I like the long corners here more than anyone would guess," he says. "You can '
        'breathe in them."',
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented stories, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("profile"), stories)


@pytest.mark.parametrize(
    "question", ["what did gabi say about the long corners", "borto on the corners"]
)
async def test_a_short_form_fans_use_names_the_driver(engine: AnswerEngine, question: str) -> None:
    """ "gabi", "borto": the register's nicknames for Bortoleto name him, as his surname does."""
    shown = await ask(engine, question)
    assert "long corners here" in shown
