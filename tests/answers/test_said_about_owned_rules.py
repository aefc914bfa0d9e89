"""What someone said about another's thing ("what did vale say about orrins move"), on an invented
stewards' story headed by Orrin: the statement whose paragraph holds the thing ("the move, she
said, was ...") is about Orrin's move though the paragraph never names her."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

STORIES = {
    "2031-05-12-invented-stewards": (
        "date 2031-05-12 Orrin penalised after Kestrel Park clash with Tamsin Vale",
        "Petra Orrin will start the next race three places lower after the stewards at "
        "Kestrel Park found her to blame for the collision that ended Tamsin Vale's race.",
        "Orrin dived down the inside at Turn 1 on lap 8 and hit the side of Vale's car.",
        "Team boss Aldo Ferrant called the penalty fair.",
        'Vale was blunt: the move, she said, was "far too ambitious for lap 8".',
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented story, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("said_owned"), stories)


async def test_a_thing_of_the_headline_person_is_theirs(engine: AnswerEngine) -> None:
    shown = await ask(engine, "what did vale say about orrins move")
    assert "far too ambitious" in shown
    assert "no quote" not in shown
