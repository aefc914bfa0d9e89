""" "How many X" is answered by a sentence giving a number that counts X ("two penalty
points"), not by any figure in a sentence sharing the question's words: "how many pit stops
did Larsen make" over a report telling only "a slow stop on lap 30 cost him 4.1 seconds" is
an honest negative."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.answers.router._counted import counted_need
from tests.answers.scoring import ask, stories_store

STORY = (
    "date 2026-10-04 Renner wins the Dunmere Grand Prix from pole",
    "Pia Renner won the Dunmere Grand Prix on Sunday from pole position, 3.2 seconds ahead "
    "of Jon Larsen.",
    "Larsen lost his chance when a slow stop on lap 30 cost him 4.1 seconds.",
    "Tom Okafor was given a five-second penalty and two penalty points for the collision "
    "with Ana Reyes at Turn 6.",
)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented race report, ingested through the real ingester."""
    return stories_store(
        tmp_path_factory.mktemp("counted"), [("2026-10-04-invented-dunmere", "\n\n".join(STORY))]
    )


async def test_no_count_of_stops_is_an_honest_negative(engine: AnswerEngine) -> None:
    """Without the rule any number answered: "lap 30" and "4.1 seconds" were shown."""
    shown = await ask(engine, "how many pit stops did larsen make")
    assert "don't say" in shown


async def test_the_count_of_the_noun_answers(engine: AnswerEngine) -> None:
    shown = await ask(engine, "how many penalty points did okafor get")
    assert "two penalty points" in shown
    assert "don't say" not in shown


def test_the_noun_counted() -> None:
    stops = counted_need("how many pit stops did leclerc make")
    assert stops is not None
    assert stops.search("he made two stops") and stops.search("a one-stop race")
    assert not stops.search("he stopped on lap 19")
    behind = counted_need("how many points behind is weug")  # "behind" is no noun
    assert behind is not None and behind.search("she is 23 points behind")
    assert counted_need("how many times has he won") is None
