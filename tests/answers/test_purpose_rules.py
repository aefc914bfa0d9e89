"""A team's choice is explained by its purpose, not by a cause word: "why did they bring a new
wing" is answered by "The aim was to ...", "designed to ...", which hold no "because"."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import DENIAL, ask, stories_store

STORY = (
    "date 2031-05-12 Lisbon notebook: a wing, a cooler and a quiet Sunday",
    "Alpine brought a new rear wing to Lisbon. The aim was to cut drag on the long run to "
    "the final chicane, where its cars had been the slowest in the field.",
    "The team ran it on both cars from first practice, and Nils Brandt finished ninth.",
    "Williams changed nothing, and its drivers finished 14th and 15th.",
    "Tomas Pell retired on lap 40 with a hydraulics leak.",
    "The goal for Pell on Friday was to learn the new brakes, and he ran them all day.",
)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented notebook, ingested through the real ingester."""
    return stories_store(
        tmp_path_factory.mktemp("purpose"), [("2031-05-12-invented-notebook", "\n\n".join(STORY))]
    )


async def test_a_purpose_answers_why_a_part_was_brought(engine: AnswerEngine) -> None:
    shown = await ask(engine, "why did alpine bring a new rear wing")
    assert "cut drag on the long run" in shown
    assert DENIAL not in shown


async def test_a_purpose_is_no_cause_of_an_event(engine: AnswerEngine) -> None:
    """ "Why did X retire" asks for a cause, not a plan. Without the rule: Friday's goal shown
    as a second answer after the leak."""
    shown = await ask(engine, "why did pell retire")
    assert "hydraulics leak" in shown
    assert "learn the new brakes" not in shown
