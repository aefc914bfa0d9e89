"""A team as the one who blames ("who did Tarvik blame"): its principal's blame, given or
taken for the team, is the team's answer, as a yes/no subject's own act is (the sentence
need not name the team: the principal is one of its people)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

STORY = (
    "date 2031-03-02 Invented: Vell wins at Orrin as a stuck wheel nut costs Kessa the lead",
    "Amos Vell won at Orrin on Saturday after leader Ida Kessa lost twelve seconds when a "
    "wheel nut stuck during her stop in the Tarvik pit box.",
    "Team principal Lio Marsh took the blame for the team.",
    '"The stop is our job and we were too slow, nobody else," Marsh said.',
    "Kessa finished fourth.",
)
OTHER = (
    "date 2031-03-09 Invented: Tarvik bring a new wing to Pellin",
    "Tarvik team principal Lio Marsh said the new rear wing would race at Pellin.",
)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two invented stories: the race, and one naming Marsh as Tarvik's principal."""
    return stories_store(
        tmp_path_factory.mktemp("team_blame"),
        [
            ("2031-03-02-invented-orrin", "\n\n".join(STORY)),
            ("2031-03-09-invented-pellin", "\n\n".join(OTHER)),
        ],
    )


@pytest.mark.parametrize("question", ["who did tarvik blame", "what did tarvik blame"])
async def test_the_principals_blame_is_the_teams(engine: AnswerEngine, question: str) -> None:
    """Without the rule: "The articles don't say who did tarvik blame" above the sentence
    telling Marsh took the blame for the team."""
    shown = await ask(engine, question)
    assert "took the blame for the team" in shown
    assert "don't say" not in shown


async def test_a_team_that_blamed_no_one_named_keeps_the_denial(engine: AnswerEngine) -> None:
    shown = await ask(engine, "did tarvik blame kessa")
    assert "don't say" in shown


async def test_a_blame_on_another_matter_keeps_the_denial(engine: AnswerEngine) -> None:
    """The principal's blame for the stop is no answer on a crash the articles never tell."""
    shown = await ask(engine, "who did tarvik blame for the gearbox failure")
    assert "don't say" in shown
