"""An act only weighed ("we should appeal", "they could protest") is no yes to "will X" or
"did X" (``passages.act_only_hedged``); it still answers "could X" and "would X", and a
sentence saying what was decided ("we could protest, but we will not") still answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.answers.passages import act_only_hedged, stem
from tests.answers.scoring import ask, stories_store

STORY = (
    "date 2031-06-08 Invented: Harwick penalty row",
    "Teo Vance finished seventh for Brightline after a ten-second penalty for a late lunge "
    "at the Spinney.",
    'Brightline team principal Ada Korr said: "We think we should appeal the penalty, it '
    'was harsh on Teo."',
    'Tessaro boss Mel Ruan said: "We could protest the result, but we will not."',
)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented penalty story, ingested through the real ingester."""
    return stories_store(
        tmp_path_factory.mktemp("hedged_act"),
        [("2031-06-08-invented-harwick", "\n\n".join(STORY))],
    )


@pytest.mark.parametrize("question", ["will brightline appeal", "did brightline appeal"])
async def test_a_should_is_no_yes(engine: AnswerEngine, question: str) -> None:
    """Without the rule: the principal's "we should appeal" shown as the answer."""
    shown = await ask(engine, question)
    assert shown.startswith("The articles don't say"), shown
    assert "We think we should appeal" in shown  # still the nearest


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("could brightline appeal", "We think we should appeal"),
        ("will tessaro protest", "but we will not"),
    ],
)
async def test_weighed_or_decided_still_answers(
    engine: AnswerEngine, question: str, expected: str
) -> None:
    shown = await ask(engine, question)
    assert expected in shown, shown
    assert "don't say" not in shown, shown


def test_one_reading_of_a_weighed_act() -> None:
    appeal = {stem("appeal")}
    assert act_only_hedged("We think we should appeal.", appeal)
    assert act_only_hedged("They might well appeal this.", appeal)
    assert not act_only_hedged("We will appeal.", appeal)
    assert not act_only_hedged("We could appeal, but we won't.", appeal)
    assert not act_only_hedged("The team appealed on Monday.", appeal)
    assert not act_only_hedged("Nobody mentioned it.", appeal)
