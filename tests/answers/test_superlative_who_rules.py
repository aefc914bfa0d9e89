"""A who-question over a performance ("who was fastest in practice") is a search for the
one who did it, never a person called "fastest in practice". (A report's "quickest" is not
read as "fastest": "the fastest lap" is no "second-quickest" car.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

STORY = (
    "date 2029-06-15 Invented: Ostrava tops Friday at Greyhaven",
    "Mikkel Ostrava was quickest in Friday practice at Greyhaven with a 1:29.870.",
    "His team-mate Ruth Ambler spun at the Ridge in the second session and lost an hour.",
)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented practice report, ingested through the real ingester."""
    return stories_store(
        tmp_path_factory.mktemp("superlative_who"),
        [("2029-06-15-invented-greyhaven", "\n\n".join(STORY))],
    )


@pytest.mark.parametrize(
    "question", ["who was fastest in practice", "who was the fastest in friday practice"]
)
async def test_who_was_fastest_is_a_search(engine: AnswerEngine, question: str) -> None:
    """Without the rule: "The articles don't name anyone called “fastest in practice”";
    the search shows the sentence on who was quickest (as the answer or the nearest)."""
    shown = await ask(engine, question)
    assert "Ostrava was quickest in Friday practice" in shown
    assert "don't name anyone" not in shown


async def test_a_name_is_still_a_person(engine: AnswerEngine) -> None:
    shown = await ask(engine, "who is ambler")
    assert "Ruth Ambler" in shown
