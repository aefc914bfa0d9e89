"""A place's classification is its race report's: on invented stories, an older report of
the race at Suzuka, and a newer analysis of the parts the teams brought there that speaks of
a "second-quickest" car and a wing that "came off" a car; asked who was second or who
retired there, the report answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

STORIES = {
    "2031-04-06-invented-suzuka-report": (
        "date 2031-04-06 Brandt wins the Japanese Grand Prix as Larsen retires from third",
        "Odo Brandt won the Japanese Grand Prix at Suzuka on Sunday by 4.1 seconds from "
        "Teo Vell, with Marta Quill third.",
        "Jon Larsen retired on lap 38 from third place with a hydraulics failure.",
        "Vell finished second for the third race in a row and trails Brandt by 12 points.",
    ),
    "2031-04-20-invented-suzuka-upgrades": (
        "date 2031-04-20 Suzuka upgrades: what the teams brought, and which parts worked",
        "Five teams brought new parts to Suzuka, and not all of them stayed on the cars.",
        "Falcon went from fifth-quickest in the last round to second-quickest, helped by "
        "a new floor edge.",
        "The new rear wing came off Pia Dunmore's car after first practice and never went back on.",
        "Harrow's revised sidepods were the weekend's boldest change.",
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented report and the newer analysis, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("race_report"), stories)


async def test_second_place_comes_from_the_report(engine: AnswerEngine) -> None:
    shown = await ask(engine, "who was p2 in suzuka")
    assert "Teo Vell" in shown or "Vell finished second" in shown
    assert "second-quickest" not in shown


async def test_the_retirement_comes_from_the_report(engine: AnswerEngine) -> None:
    shown = await ask(engine, "who dnf'd at suzuka")
    assert "Larsen retired" in shown
    assert "came off" not in shown
