"""A sentence answering a question that is a quotation's first half brings the rest of the
quotation, the next sentence, on an invented story: '"The rear tyres went off on the opening
stint.' is shown with 'After that I was a passenger for forty laps," Dunmore said.'"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

STORIES = {
    "2026-07-12-invented-report": (
        "date 2026-07-12 Halvor Dunmore fades to ninth at Kestrel Park",
        "Halvor Dunmore started on pole at Kestrel Park but finished ninth on Sunday, 20 "
        "seconds behind the winner Ansel Brook.",
        '"The rear tyres went off on the opening stint. After that I was a passenger for '
        'forty laps," Dunmore said.',
        "Brook took his second win of the season and leads the standings by 12 points.",
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented story, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("quotehalf"), stories)


async def test_the_rest_of_the_quotation_follows_its_first_half(engine: AnswerEngine) -> None:
    shown = await ask(engine, "what happened to dunmores tyres")
    assert "The rear tyres went off on the opening stint" in shown
    assert "After that I was a passenger for forty laps" in shown
