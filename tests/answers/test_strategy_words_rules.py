"""Fans' words for strategy that a strategy story writes otherwise, on invented stories: the
"vsc" is the virtual safety car (never the full safety car of the support race the same
weekend), to "pit" is to stop, and the time a stop loses is what it costs."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

STORIES = {
    "2031-08-03-invented-strategy": (
        "date 2031-08-03 Strategy notes: how the Harlow Bay race was won and lost",
        "Petra Orrin won at Harlow Bay on Sunday, and the race was decided by the calls.",
        "A stop at Harlow Bay costs about 21 seconds, the most of any track this year.",
        "Orrin started on the softs and switched to the hard on lap 21, the first of the "
        "leaders to do so.",
        "Tamsin Vale led the first 20 laps from pole on Sunday.",
        "Vale stopped on lap 24, and that was the race: she came out behind Orrin and "
        "stayed there.",
        "A virtual safety car on lap 44, for debris at the hairpin, let Ines Moll "
        "take fresh softs for almost nothing.",
    ),
    "2031-08-02-invented-support": (
        "date 2031-08-02 Harlow Bay support race: Kai Dorr wins a race of two halves",
        "Kai Dorr won the support race at Harlow Bay on Saturday after the safety car came "
        "out on lap 12, when Ola Brink crashed at Turn 3.",
        "Vale, who had watched from the pit wall, said the track was slippery.",
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented stories, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("strategy"), stories)


async def test_the_vsc_is_the_virtual_safety_car(engine: AnswerEngine) -> None:
    shown = await ask(engine, "what lap was the vsc at harlow bay")
    assert "virtual safety car on lap 44" in shown, shown


async def test_to_pit_is_to_stop(engine: AnswerEngine) -> None:
    shown = await ask(engine, "when did vale pit")
    assert "stopped on lap 24" in shown, shown
    assert "don't say" not in shown, shown
