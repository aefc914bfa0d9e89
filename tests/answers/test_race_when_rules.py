"""A past "when" told by the race's place alone: "the floor it first ran in Monza" says when,
as "at the Italian Grand Prix" does (``bot.answers.router._race_when``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import DENIAL, ask, stories_store

STORY = (
    "date 2031-10-20 Lisbon upgrades: Alpine completes its floor",
    "Alpine finished the floor programme it began in Monza, with new edge wings and a "
    "stiffer plank for the kerbs.",
    "Nils Brandt said the car was finally the one the team had drawn in the summer.",
    "Haas said its new beam wing would be used again only in Monaco.",
)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented analysis, ingested through the real ingester."""
    return stories_store(
        tmp_path_factory.mktemp("race_when"), [("2031-10-20-invented-upgrades", "\n\n".join(STORY))]
    )


async def test_a_venue_tells_a_past_when(engine: AnswerEngine) -> None:
    shown = await ask(engine, "when did alpine begin the floor programme")
    assert "Monza" in shown
    assert DENIAL not in shown


async def test_a_venue_of_a_plan_tells_no_past_when(engine: AnswerEngine) -> None:
    # "would be used again only in Monaco" is a plan, not when the wing was brought.
    shown = await ask(engine, "when did haas bring the new beam wing")
    assert "Monaco" not in shown
