"""A best sentence of a few words only announces what the next one tells ("Renner's afternoon
was the opposite."): the next sentence of its paragraph is shown after it, so the answer holds
what happened, not only that something did."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

STORY = (
    "date 2026-09-14 Larsen wins at Dunmere as Renner's title bid stalls",
    "Jon Larsen won the Dunmere Grand Prix on Sunday, his third win of the season.",
    "Pia Renner's afternoon was the opposite. A clutch problem left the Halvorsen on the "
    "grid at the start, and the car was pushed to the pit lane.",
)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented race report, ingested through the real ingester."""
    return stories_store(
        tmp_path_factory.mktemp("short_lead"), [("2026-09-14-invented-dunmere", "\n\n".join(STORY))]
    )


async def test_a_short_lead_in_brings_what_it_announces(engine: AnswerEngine) -> None:
    """Without the rule only "Pia Renner's afternoon was the opposite." was shown."""
    shown = await ask(engine, "how was renners afternoon")
    assert "afternoon was the opposite" in shown
    assert "clutch problem" in shown
