"""Missing out, as reports tell it: "knocked X out of the title fight by two points", "the
broken wrist that kept her out of the race". A fan asks what X missed ("how many points did X
miss out by"); the report says out, absent, without. The stories are invented for the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

STORIES = {
    "2031-10-05-invented-cutoff": (
        "date 2031-10-05 Orrin wins at Harlow Bay to reach the final four",
        "Petra Orrin won at Harlow Bay on Sunday, and a late caution knocked her team-mate "
        "Tamsin Vale out of the title fight by three points.",
        "Orrin led 140 of the 300 laps.",
        "Vale said the caution came at the worst time.",
    ),
    "2031-10-19-invented-return": (
        "date 2031-10-19 Kestrel Park: Ilse Brandt back with a podium",
        "Ilse Brandt, back from the broken wrist that kept her out of the race at Harlow Bay, "
        "finished third at Kestrel Park on Sunday.",
        "Orrin won again, her fourth win of the year.",
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented stories, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("missed"), stories)


async def test_points_missed_out_by_are_told_as_knocked_out_by(engine: AnswerEngine) -> None:
    shown = await ask(engine, "how many points did vale miss out by")
    assert "by three points" in shown
    assert "don't say" not in shown
