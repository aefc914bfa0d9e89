"""A yes/no on someone's act at a place and session, told by their words there, on an
invented story: "did rask blame lund for the monza sprint tangle" is answered by what Rask
said in the paragraph telling the Monza sprint ("That was a silly dive"), though his words there
name neither Lund nor Monza, never by his words on anything else that name Lund."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

STORIES = {
    "2031-11-20-invented-team-mates": (
        "date 2031-11-20 Rask v Lund: how Halden's drivers compare after 22 rounds",
        "Halden has two drivers under contract for next year and no answer yet to which of "
        "them is quicker.",
        'Jonas Rask said Pia Lund was "the toughest team-mate I have had on a Saturday", and '
        "that he studied her laps every weekend.",
        "The only time they touched was in the Monza sprint in September, when Rask dived "
        "down the inside at the first chicane and spun Lund round. Both finished outside the "
        'points. "That was a silly dive, and I told her so at once," Rask said.',
        "Rask finished the season four points ahead.",
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented story, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("said-there"), stories)


async def test_their_words_where_the_act_is_told_answer(engine: AnswerEngine) -> None:
    shown = await ask(engine, "did rask blame lund for the monza sprint tangle")
    assert "That was a silly dive" in shown
    assert "toughest team-mate" not in shown
