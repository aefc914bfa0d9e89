"""Who said a remembered phrase that names the one it was said about ("who said orrin was never
going to get through there"): the quote says "he" or "she", and the same words said in a story
that never names Orrin are about someone else, however closely they match."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

STORIES = {
    "2031-03-02-invented-feeder": (
        "date 2031-03-02 Lunde wins at Harrow Vale as Brask and Moyle collide",
        "Ivo Lunde won the feature race at Harrow Vale after Kasper Brask and Dane Moyle "
        "touched at the hairpin.",
        '"She was never going to get through there," Brask said of the move.',
    ),
    "2031-05-12-invented-stewards": (
        "date 2031-05-12 Orrin penalised after Kestrel Park clash with Tamsin Vale",
        "Petra Orrin will start the next race three places lower after the stewards at "
        "Kestrel Park found her to blame for the collision that ended Tamsin Vale's race.",
        '"She was never going to get through there. I gave her room and she still hit me," '
        "Vale said.",
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented stories, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("whosaid_named"), stories)


async def test_the_phrase_names_whom_it_was_said_about(engine: AnswerEngine) -> None:
    shown = await ask(engine, "who said orrin was never going to get through there")
    assert shown.split("\n\n")[1].startswith("Tamsin Vale said it"), shown
