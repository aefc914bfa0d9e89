"""A role alias ("Corvin team principal") is met by a typo of the whole, but never by
another team's name typed in the team's place: "who is morvans team principal" is close to
"corvin team principal" letter by letter, yet asks about Morvan, whose principal the
articles do not name."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

STORY = (
    "date 2031-04-10 Invented: Corvin and Morvan set out their plans at Vannes",
    "Corvin team principal Edda Voss said the car would run a new floor at Vannes.",
    "Morvan will bring nothing new, its engineers said.",
)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented preview, ingested through the real ingester."""
    return stories_store(
        tmp_path_factory.mktemp("team_alias_typo"),
        [("2031-04-10-invented-vannes", "\n\n".join(STORY))],
    )


async def test_another_teams_name_is_no_typo(engine: AnswerEngine) -> None:
    """Without the rule: "Edda Voss is Corvin's team principal" for Morvan's."""
    shown = await ask(engine, "who is morvans team principal")
    assert "Edda Voss is Corvin" not in shown


async def test_a_typo_of_the_team_still_finds_its_principal(engine: AnswerEngine) -> None:
    shown = await ask(engine, "who is corvins team principle")
    assert "Edda Voss" in shown
