"""Words of a question as rare as each other are each its rarest: "who brought out the
caution flag", where "brought" and "caution" are each in one paragraph, is answered by the
sentence holding "caution" (before, the first of the two in the question, "brought", was the
one a sentence had to hold, and the answer was a denial above it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.answers.scoring import ask, engine_over, stories_store

STORY = (
    "date 2026-09-14 Carrow wins the Fenmoor 300 from Marsh",
    "Ilse Carrow won the Fenmoor 300 on Sunday, beating Tobin Marsh by 1.2 seconds.",
    "Marsh led until lap 90, when the yellow flag flew for a full-course caution after Piet "
    "Dahl's car stopped on the back straight with a broken driveshaft.",
    "Oda Lind brought home third place after starting 18th, her best result of the year.",
    "The series moves on to Harlow Speedway next weekend.",
)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented story, ingested through the real ingester."""
    story = ("2026-09-14-invented-fenmoor-caution", "\n\n".join(STORY))
    return stories_store(tmp_path_factory.mktemp("rarest_tie"), [story])


async def test_either_of_two_equally_rare_words_holds_the_rarest(database: Path) -> None:
    """Without the rule: "The articles don't say who brought out the caution flag" first."""
    async with engine_over(database) as engine:
        shown = await ask(engine, "who brought out the caution flag")
    assert "Dahl's car stopped" in shown
    assert "don't say" not in shown


async def test_a_word_no_article_holds_still_makes_the_negative(database: Path) -> None:
    """No flag but the yellow flew: "red" is in no article, and the denial stays."""
    async with engine_over(database) as engine:
        shown = await ask(engine, "who brought out the red flag")
    assert shown.startswith("The articles don't say")
