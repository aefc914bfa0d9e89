"""Whether someone is out (of a seat, a team): "is X out", "is X out at Y" asks whether they
are dropped, which a market report tells as a contract "not renewed", a replacement, or their
own "nobody has told me I'm out"; elsewhere "out" is a filler ("who took X out"). The stories
are invented for the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

STORIES = {
    "2031-09-14-invented-race": (
        "date 2031-09-14 Orrin wins at Harlow Bay as Vale fades to fifth",
        "Petra Orrin won at Harlow Bay on Sunday, and Tamsin Vale finished fifth for Apex.",
        "Vale said the car had been difficult all weekend.",
    ),
    "2031-10-30-invented-market": (
        "date 2031-10-30 Market notes: Apex weighs its line-up for 2032",
        "Apex has one seat settled for 2032: Ilse Brandt stays.",
        "Two people at the team told us that Tamsin Vale's contract would not be renewed, and "
        "that the reserve driver was the likeliest to take the car.",
        "Apex declined to comment.",
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented stories, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("out_of_a_seat"), stories)


async def test_is_x_out_asks_whether_they_are_dropped(engine: AnswerEngine) -> None:
    shown = await ask(engine, "is vale out at apex")
    assert "would not be renewed" in shown
    assert "don't say" not in shown
