"""What someone needs, asked ("what does Brook need"), on an invented title-decider preview:
the sentence the search found, holding the question's words ("If Dunmore wins, Brook needs
third."), is not pushed aside by one next to it that holds none of them and only tells an
event ("Brook took 25 points ... while Dunmore crashed")."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

STORIES = {
    "2031-10-01-invented-decider": (
        "date 2031-10-01 Vallis preview: Brook needs third, Dunmore needs a win and luck",
        "Ansel Brook arrives at Vallis 11 points ahead of Halvor Dunmore with one race left.",
        "If Dunmore wins, Brook needs third. If Dunmore is second, Brook needs seventh.",
        "Brook took 25 of the 26 points on offer at Kestrel Park, winning the race, while "
        "Dunmore crashed out on lap 3.",
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented story, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("conditional"), stories)


async def test_what_someone_needs_is_the_sentence_saying_it(engine: AnswerEngine) -> None:
    shown = await ask(engine, "what does brook need")
    first = shown.split("\n(")[0]
    assert "Brook needs third" in first
    assert "Brook took 25" not in first
