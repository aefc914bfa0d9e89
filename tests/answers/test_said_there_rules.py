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
    # The lede tells the place but not the act: the words there are not about the tangle.
    "2031-09-08-invented-spa-weekend": (
        "date 2031-09-08 Berg and Tamm collide again as Vesta's feud grows",
        'Ole Berg won the Imola sprint on Saturday from pole. "The car was perfect over one '
        'lap and over fifteen," Berg said.',
        "On the opening lap of the Grand Prix the two Vesta cars touched at the first corner, "
        "and Ida Tamm was spun round and dropped to last.",
        '"Tamm left me nowhere to go, she turned in as if I was not there," Berg said.',
        "Berg finished fifth and Tamm 14th.",
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


@pytest.mark.parametrize(
    "question",
    [
        "did berg blame tamm for the imola tangle",
        "did berg blame tamm for the first lap tangle at imola",
    ],
)
async def test_a_place_paragraph_without_the_act_is_not_the_answer(
    engine: AnswerEngine, question: str
) -> None:
    # The lede names the place but tells no touch, nor Tamm: his words there go nowhere first.
    shown = await ask(engine, question)
    assert "Tamm left me nowhere to go" in shown
    assert "perfect over one lap" not in shown.split("Tamm left me")[0]
