"""Which story answers "why did X crash" as the store grows, on invented stories: of the
stories where X crashed, the newest that gives a cause, not the newest that only says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

STORIES = {
    "2025-10-19-invented-island": (
        "date 2025-10-19 Invented Island report: Marra crashes out of the lead",
        "Lio Marra crashed out of the lead at Turn 3 on lap 5 of the Island Grand Prix.",
        "His team said Marra crashed because his front tyre had dropped below its working "
        "temperature after two laps in the slipstream.",
        "Oren Tull won the race from Pim Sato.",
    ),
    "2026-11-22-invented-finale": (
        "date 2026-11-22 Invented finale report: Sato takes the title",
        "Pim Sato won the title at the season finale on Sunday.",
        "Lio Marra, in his last race for the team, crashed out of fourth place at Turn 4 on lap 6.",
        "Tull finished second.",
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented stories, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("why_story"), stories)


async def test_why_someone_crashed_is_told_by_the_story_giving_a_cause(
    engine: AnswerEngine,
) -> None:
    """The finale only says Marra crashed; the older Island story says why."""
    shown = await ask(engine, "why did marra crash")
    assert "working temperature" in shown
