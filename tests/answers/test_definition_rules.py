"""What a term is, told by the sentence saying the term is a thing: "Corvid Team KRS is the
factory Corvid team ..." answers "whats krs", where the headline and the lede only name it.
Only the fan's own word is defined so: never a synonym ("An appeal is a rarer route" is no
answer to whether a team will protest). The stories are invented for the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

STORIES = {
    "2031-11-03-invented-release": (
        "date 2031-11-03 Corvid Team KRS signs Tamsin Vale for 2032",
        "HARLOW, November 3, 2031 - Corvid Team KRS is pleased to announce that Tamsin Vale "
        "will join its line-up for the 2032 season.",
        "Vale will share the No. 8 car with Ilse Brandt at every round.",
        "Corvid Team KRS is the factory Corvid team in the endurance series, run by the Danish "
        "outfit KRS, founded by Jens Holm in 2011.",
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented story, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("definition"), stories)


async def test_a_term_is_told_by_the_sentence_saying_what_it_is(engine: AnswerEngine) -> None:
    shown = await ask(engine, "whats krs")
    assert "run by the Danish outfit KRS" in shown
    assert shown.index("run by the Danish") < shown.index("pleased to announce")
