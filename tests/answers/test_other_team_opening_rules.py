"""A question asking of one team is not answered by a sentence that opens with another
team and never names the one asked: "Haas said the brake wear was far worse" under the
heading "Sauber: brakes" is Haas' word, so "what did sauber say about brake wear" gets the
honest denial, with that sentence as the nearest."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

STORY = (
    "date 2031-09-14 Invented: the midfield's Friday at Varrow Park",
    "Friday at Varrow Park was about set-up work for most of the midfield, with rain due "
    "on Sunday.",
    "Sauber: brakes",
    "Haas said the brake wear was far worse than they had planned for on the long straights.",
    "The session ended under a red flag with four minutes left.",
)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented practice report, ingested through the real ingester."""
    return stories_store(
        tmp_path_factory.mktemp("other_team_opening"),
        [("2031-09-14-invented-varrow-park", "\n\n".join(STORY))],
    )


async def test_another_teams_sentence_is_not_the_answer(engine: AnswerEngine) -> None:
    """Without the rule: Haas' sentence shown as Sauber's answer, no denial above it."""
    shown = await ask(engine, "what did sauber say about brake wear")
    assert shown.startswith("The articles don't say"), shown


async def test_the_team_named_still_answers(engine: AnswerEngine) -> None:
    shown = await ask(engine, "what did haas say about brake wear")
    assert "Haas said the brake wear was far worse" in shown
    assert "don't say" not in shown
