""" "How many <noun>" counts the noun in the articles' word for it too: a fan's "new parts" are a
technical list's "components", so "ran to 31 components" answers "how many new parts"."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import DENIAL, ask, stories_store

STORY = (
    "date 2031-05-12 Lisbon upgrades: a long list and a short Sunday",
    "Nine teams arrived in Lisbon with upgrades on their cars, and the list the stewards "
    "publish on Thursdays ran to 31 components, a record for the year.",
    "Alpine's new rear wing was the biggest change, and Nils Brandt finished ninth with it.",
)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented analysis, ingested through the real ingester."""
    return stories_store(
        tmp_path_factory.mktemp("counted_synonym"),
        [("2031-05-12-invented-upgrades", "\n\n".join(STORY))],
    )


async def test_a_count_in_the_articles_word_answers(engine: AnswerEngine) -> None:
    shown = await ask(engine, "how many new parts did the teams bring to lisbon")
    assert "31 components" in shown
    assert DENIAL not in shown
