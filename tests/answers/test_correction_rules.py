"""A news story corrected at its foot ("Correction, June 12: An earlier version of this story
said ..."), on an invented story: the body's sentence gives each fact, never the correction's
"earlier version" of it, which is the wrong one."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

STORIES = {
    "2031-06-12-invented-protest-withdrawn": (
        "date 2031-06-12 Vantor withdraws Kessling protest, so his ten-second penalty stays",
        "Vantor Racing has withdrawn its protest against Rolf Kessling's ten-second penalty, "
        "the team confirmed on Thursday.",
        "The team told the stewards on Tuesday evening that it would not go ahead.",
        "Kessling now has eight penalty points, four short of a ban.",
        "Correction, June 12: An earlier version of this story said that Vantor told the "
        "stewards on Wednesday morning; the team told them on Tuesday evening. And it said "
        "Kessling was three points short of a ban; he has eight points and is four short.",
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented story, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("correction"), stories)


async def test_the_body_gives_the_fact_not_the_earlier_version(engine: AnswerEngine) -> None:
    shown = await ask(engine, "how many points short of a ban is kessling")
    assert "four short of a ban" in shown.split("\n(")[0]
    assert "three points short" not in shown


async def test_a_when_is_the_bodys_corrected_day(engine: AnswerEngine) -> None:
    shown = await ask(engine, "when did vantor tell the stewards")
    assert "Tuesday evening" in shown
    assert "Wednesday morning" not in shown
