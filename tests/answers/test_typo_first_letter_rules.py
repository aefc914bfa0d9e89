"""A fan's word that is a word of its own is no typo of a word for a kind of answer: a typo
keeps its first letter ("penalsed" is "penalised"), so "ground" is never mended to "round" (a
round of the season), which would ask the articles for a word the answer does not hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import DENIAL, ask, stories_store

STORY = (
    "date 2031-06-02 Kestrel Park notebook: bumps, kerbs and a late penalty",
    "The track was resurfaced in the winter, but the old bumps came back in the spring rains.",
    "The cars hit the ground at Turn 6 on every lap, and sparks flew from the planks all "
    "afternoon.",
    "Rhys Calder was penalised five seconds for leaving the track at Turn 2.",
)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented notebook, ingested through the real ingester."""
    return stories_store(
        tmp_path_factory.mktemp("typo_first_letter"),
        [("2031-06-02-invented-notebook", "\n\n".join(STORY))],
    )


async def test_a_word_of_its_own_is_no_typo(engine: AnswerEngine) -> None:
    shown = await ask(engine, "where do the cars hit the ground at kestrel park")
    assert "Turn 6" in shown
    assert DENIAL not in shown


async def test_a_typo_is_still_mended(engine: AnswerEngine) -> None:
    shown = await ask(engine, "who got penalsed")
    assert "Rhys Calder" in shown
