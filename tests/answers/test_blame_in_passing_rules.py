"""A blame at a place told in passing: on invented stories, an older head-to-head of two
team-mates that recalls, among other races, their clash in the Miami sprint and who blamed
whom, and a newer report of a race in Miami that names neither; asked whether one blamed
the other there, the head-to-head answers, not "The articles don't say"."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

STORIES = {
    "2031-06-20-invented-head-to-head": (
        "date 2031-06-20 Head to head: Larsen and Vell after eight rounds",
        "Eight rounds in, Jon Larsen leads his team-mate Teo Vell 5-3 in qualifying and "
        "4-4 in races.",
        "Larsen has been the stronger starter, gaining places on the opening lap six times.",
        "Vell has been better on worn tyres, and passed Larsen on track twice.",
        "Their one collision came in the Miami sprint, when Vell ran into the back of Larsen "
        "at turn 11, and Larsen blamed Vell for braking far too late.",
        "Vell has scored 58 points to Larsen's 51.",
    ),
    "2032-05-04-invented-miami-report": (
        "date 2032-05-04 Brandt wins in Miami as Quill takes her first podium",
        "Odo Brandt won the Miami Grand Prix on Sunday by 2.4 seconds from Pia Dunmore.",
        "Marta Quill was third, the first podium of her career.",
        "Dunmore's team-mate Ivo Rask finished fifth.",
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented head-to-head and the newer report, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("blame_in_passing"), stories)


async def test_the_head_to_head_tells_the_blame(engine: AnswerEngine) -> None:
    shown = await ask(engine, "did larsen blame vell for the miami sprint crash")
    assert "Larsen blamed Vell" in shown
    assert "don't say" not in shown
