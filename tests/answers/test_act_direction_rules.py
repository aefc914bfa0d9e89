"""Who did an act to whom is read one way (``passages.done_to``), by the passage search and
by the yes/no router alike: "Vesna Orlik was overtaken by Teo Brann" tells Brann passing
Orlik, so it is no yes to "did orlik overtake brann", whichever of the two looks at it."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.answers.passages import done_to, stem
from tests.answers.scoring import ask, stories_store

STORY = (
    "date 2031-05-11 Invented: Brann climbs to fourth at Kellmoor",
    "Teo Brann finished fourth at Kellmoor on Sunday after a busy opening stint.",
    "Vesna Orlik was overtaken by Brann at the Mill chicane on lap 7 and faded to ninth.",
    "The series moves on to Esker Bay in two weeks.",
)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented race report, ingested through the real ingester."""
    return stories_store(
        tmp_path_factory.mktemp("act_direction"),
        [("2031-05-11-invented-kellmoor", "\n\n".join(STORY))],
    )


@pytest.mark.parametrize("question", ["did orlik overtake brann", "did orlik pass brann"])
async def test_a_passive_told_the_other_way_is_no_yes(engine: AnswerEngine, question: str) -> None:
    """Without the rule: the passive sentence shown as the answer, no denial above it (the
    passage search credited Orlik, named first, as the one acting)."""
    shown = await ask(engine, question)
    assert shown.startswith("The articles don't say")


async def test_the_passives_agent_still_answers(engine: AnswerEngine) -> None:
    shown = await ask(engine, "did brann overtake orlik")
    assert "overtaken by Brann" in shown
    assert "don't say" not in shown


def test_one_reading_of_direction() -> None:
    """Before an active verb stands the one acting; before a passive one, or after it
    without "by", the one it is done to."""
    acts = {stem(w) for w in ("overtake", "overtook", "overtaken")}
    orlik = ("vesna orlik", "orlik")
    assert done_to("Vesna Orlik was overtaken by Brann.", acts, orlik)
    assert done_to("Orlik, overtaken by Brann on lap 7, faded.", acts, orlik)
    assert done_to("Brann overtook Orlik on lap 7.", acts, orlik)
    assert not done_to("Orlik overtook Brann on lap 7.", acts, orlik)
    assert not done_to("Brann was overtaken by Orlik.", acts, orlik)
