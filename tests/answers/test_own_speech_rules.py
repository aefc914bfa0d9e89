"""What X said about a topic X never speaks of is an honest negative: speech told in the first
person is its speaker's, never the person the sentence names ("I told my engineer Castel was
closing" is no word of Castel's), and a team's name standing near every word its driver says
does not make his words about "his team not bringing upgrades"."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

STORY = (
    "date 2031-05-12 My Lisbon: a column from the cockpit",
    "Nils Brandt writes for us after every race. This is his Sunday in Lisbon.",
    "The start was clean and I kept ninth through the first corner. When I saw Ruben Castel "
    "closing on the last lap, I told my engineer to turn the engine up, and we held him off "
    "by a tenth.",
    "Ruben Castel finished tenth, his first points of the year.",
)
#: A race report quoting a driver under his team's name, on nothing of upgrades.
REPORT = (
    "date 2031-05-11 Brandt scores for Alpine in Lisbon as the rain holds off",
    "Nils Brandt finished ninth for Alpine in Lisbon on Sunday.",
    '"The tyres were fine and the car was easy to drive," Brandt said.',
)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented column, ingested through the real ingester."""
    return stories_store(
        tmp_path_factory.mktemp("own_speech"),
        [
            ("2031-05-12-invented-column", "\n\n".join(STORY)),
            ("2031-05-11-invented-report", "\n\n".join(REPORT)),
        ],
    )


async def test_first_person_speech_is_not_the_named_persons(engine: AnswerEngine) -> None:
    shown = await ask(engine, "what did castel say about the last lap")
    assert "I told my engineer" not in shown
    assert "no quote from Ruben Castel" in shown


async def test_a_teams_name_alone_does_not_make_a_quote_about_it(engine: AnswerEngine) -> None:
    # Brandt's words stand under Alpine's name, but nothing of his is about upgrades.
    shown = await ask(engine, "what did brandt say about alpine not bringing upgrades")
    assert "don't say" in shown or "no quote" in shown
