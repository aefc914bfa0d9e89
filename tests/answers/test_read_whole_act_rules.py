"""The chosen story read whole (``passages._reading``) takes no sentence telling a yes/no
question's act as someone else's, as the search does not (``passages.act_of_another``):
"His team-mate Ivo Denk crashed at Turn 3", next to the sentence naming Pell, tells Denk's
crash, so it is no answer to "did pell crash" shown above Pell's own sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

STORY = (
    "date 2031-05-11 Invented: Pell's long wait ends at Corran",
    "Rain fell before the start and the safety car led the first two laps.",
    "His team-mate Ivo Denk crashed at Turn 3 on lap 12.",
    "Ari Pell took the lead on lap 40 and won by six seconds.",
)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented race report, ingested through the real ingester."""
    return stories_store(
        tmp_path_factory.mktemp("read_whole_act"),
        [("2031-05-11-invented-corran", "\n\n".join(STORY))],
    )


@pytest.mark.parametrize("question", ["did pell crash", "did ari pell crash at corran"])
async def test_anothers_act_is_not_read_in(engine: AnswerEngine, question: str) -> None:
    """Without the rule: Denk's crash shown first, as the answer, no denial above it."""
    shown = await ask(engine, question)
    assert "Ivo Denk crashed" not in shown or shown.startswith("The articles don't say"), shown


async def test_the_one_acting_still_answers(engine: AnswerEngine) -> None:
    shown = await ask(engine, "did denk crash")
    assert shown.startswith("From the article") and "Ivo Denk crashed" in shown, shown
