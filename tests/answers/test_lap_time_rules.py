"""A lap's time asked ("what was X's pole time", "X's lap time in Q2"): a qualifying report
gives it as a figure ("a final lap of 1:21.407"), never with the word "time"; a driver it only
places ("11th, a tenth from the cut") has no time told, and the answer says so. The stories
are invented for the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

STORIES = {
    "2031-05-10-invented-qualifying": (
        "date 2031-05-10 Varga takes pole at Kestrel Park as Orrin falls in Q2",
        "Ilona Varga took pole position at Kestrel Park on Saturday with a final lap of "
        "1:21.407, beating Tamsin Vale by 0.088 seconds.",
        "Q2: the cut",
        "Petra Orrin was 11th, a tenth from the cut, and said her last lap had no front grip "
        "at all.",
        "Q3: the last runs",
        "Varga was third after the first runs, then found the time in the last sector.",
        "Qualifying at Kestrel Park starts at 3pm local time on Saturday, the race at 2pm "
        "on Sunday.",
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented story, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("lap_time"), stories)


async def test_a_pole_time_is_the_lap_figure(engine: AnswerEngine) -> None:
    shown = await ask(engine, "what was varga pole time at kestrel park")
    assert "1:21.407" in shown
    assert "don't say" not in shown
    assert "third after the first runs" not in shown


async def test_a_lap_time_never_told_is_said_so(engine: AnswerEngine) -> None:
    shown = await ask(engine, "orrins lap time in q2")
    assert "don't say" in shown


async def test_a_sessions_time_asked_is_its_hour_not_a_lap(engine: AnswerEngine) -> None:
    """ "the qualifying time" is when the session starts: no lap's figure answers it."""
    shown = await ask(engine, "what is the qualifying time at kestrel park")
    assert "starts at 3pm" in shown
    assert "1:21.407" not in shown
