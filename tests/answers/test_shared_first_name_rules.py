"""A first name several stored people share ("teo": Teo Varga, Teo Lindahl) names none of them
for sure, so it stays a word the answer must meet; reports name a driver by his surname, so
the word is met by either one's surname, and the sentence shown names which one it is. On an
invented stewards' story: "how many penalty points did teo get" is answered by "three penalty
points on Varga's licence"; what no sentence tells of either stays denied."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.answers.understand import read
from tests.answers.scoring import ask, stories_store

STORIES = {
    "2026-08-09-invented-varga-penalty": (
        "date 2026-08-09 Invented: Teo Varga penalised for the Kessel chicane clash",
        "Teo Varga and Teo Lindahl both finished in the points at the invented Kessel race, "
        "but Varga was found wholly to blame for the clash at the chicane on lap 30.",
        "The stewards put three penalty points on Varga's licence, which takes him to nine "
        "over the last 12 months.",
        "Lindahl, who started on the front row, finished fourth.",
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented story, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("shared_first_name"), stories)


async def test_the_shared_first_name_names_nobody_for_sure(engine: AnswerEngine) -> None:
    assert not read("how many penalty points did teo get", engine.lookup).people


async def test_either_ones_surname_meets_the_first_name(engine: AnswerEngine) -> None:
    shown = await ask(engine, "how many penalty points did teo get")
    assert "three penalty points on Varga's licence" in shown
    assert "don't say" not in shown


async def test_what_no_sentence_tells_stays_denied(engine: AnswerEngine) -> None:
    shown = await ask(engine, "how many podiums has teo had")
    assert "don't say" in shown
