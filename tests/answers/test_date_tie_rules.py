"""A newer story wins a tie on its date only when it answers nearly as well: on invented
stories, an older race report telling in its opening what a fan asks, and a newer column
that comes back to the same race further down, in passing."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

STORIES = {
    "2031-05-04-invented-kestrel-report": (
        "date 2031-05-04 Brandt wins at Kestrel Park as Larsen stalls on the grid",
        "Jon Larsen stalled at the start at Kestrel Park on Sunday and dropped from pole "
        "to 14th, handing the lead to Odo Brandt, who won by 3.2 seconds.",
        "Brandt's team-mate Teo Vell was second and Marta Quill third.",
        "Larsen recovered to sixth.",
    ),
    "2031-05-20-invented-season-column": (
        "date 2031-05-20 Column: five races in, Brandt leads and Larsen is still waiting",
        "Five races into the season, Odo Brandt has won three of them and leads by 31 points.",
        "Teo Vell has been quick on Saturdays but slow on Sundays.",
        "Marta Quill has scored in every race.",
        "Jon Larsen's season has been harder. At the start at Kestrel Park, Larsen stalled "
        "on pole, and he has not been on the podium since.",
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented report and the newer column, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("date_tie"), stories)


async def test_the_older_report_answering_better_wins(engine: AnswerEngine) -> None:
    shown = await ask(engine, "what happened to larsen at the start")
    # The report tells what the stall cost him; the column only recalls it.
    assert "dropped from pole to 14th" in shown
