"""A yes/no question's act must fall on whom it asks about: "did Larsen hit Moreau" is not
answered by "Larsen hit Ola Vik's Skoda", which tells the subject and the act but of someone
the question leaves out; the honest "The articles don't say" stands."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

STORY = (
    "date 2026-10-11 Vik out of the Kestrel Rally after a road-section collision",
    "Kai Moreau leads the Kestrel Rally by 20.4 seconds after the first day.",
    "On the road section Jon Larsen hit Ola Vik's Skoda at a junction, and Vik retired on the "
    "spot.",
    "Moreau said he had not seen the collision.",
)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented rally report, ingested through the real ingester."""
    return stories_store(
        tmp_path_factory.mktemp("yes_no_other_person"),
        [("2026-10-11-invented-kestrel-rally", "\n\n".join(STORY))],
    )


async def test_an_act_on_someone_else_keeps_the_denial(engine: AnswerEngine) -> None:
    """Without the rule the collision sentence is shown as the answer, with no denial."""
    shown = await ask(engine, "did larsen hit moreau")
    assert "don't say" in shown


async def test_an_act_on_the_one_asked_answers(engine: AnswerEngine) -> None:
    """The same sentence answers the question it does tell."""
    shown = await ask(engine, "did larsen hit vik")
    assert "Jon Larsen hit Ola Vik" in shown
    assert "don't say" not in shown
