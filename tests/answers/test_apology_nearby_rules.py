""" "Did X say sorry to Y": an apology of X's is made to whom it, or the paragraph before it,
names; a story naming Y only paragraphs away holds no apology to Y, and Y's own story, where X
would not apologise, answers. The stories are invented for the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, engine_over, stories_store

EARLIER = "\n\n".join(
    (
        "date 2030-05-12 Invented Ridge ePrix: Brann Rook sorry after hitting Ossi Vell",
        "Brann Rook hit Ossi Vell at the Ridge hairpin on lap 9 and both cars spun.",
        '"I hit Ossi and I apologise to him and his team," Rook said.',
        "The race was won by Lina Sorel.",
        "Kai Pim was fifth after a quiet afternoon.",
    )
)  # fmt: skip

LATER = "\n\n".join(
    (
        "date 2030-06-20 Invented Lakeside ePrix: Sorel wins again as Rook and Pim collide",
        "Lina Sorel won the invented Lakeside ePrix after Brann Rook hit Kai Pim at the "
        "chicane on lap 14.",
        "Rook would not apologise. He said Pim had braked early to save energy.",
    )
)  # fmt: skip


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented stories, ingested through the real ingester."""
    return stories_store(
        tmp_path_factory.mktemp("apology_nearby"),
        (("2030-05-12-ridge", EARLIER), ("2030-06-20-lakeside", LATER)),
    )


async def test_an_apology_told_away_from_the_one_asked_is_not_to_them(
    engine: AnswerEngine,
) -> None:
    shown = await ask(engine, "did rook say sorry to pim")
    assert "I apologise to him" not in shown
    assert "would not apologise" in shown


async def test_the_apology_beside_the_one_asked_is_still_shown(engine: AnswerEngine) -> None:
    shown = await ask(engine, "did rook say sorry to vell")
    assert "I apologise to him" in shown


ALONE = "\n\n".join(
    (
        "date 2030-05-12 Invented Ridge ePrix: Brann Rook apologises after lap-nine clash",
        "Lina Sorel won the invented Ridge ePrix from Kai Pim, with a late charge in the last "
        "five laps.",
        "The safety car came out twice and the pit lane was closed for a while on lap 20.",
        '"I hit Ossi Vell at the hairpin and I apologise to him and his team," Rook said of '
        "the clash.",
        "Brann Rook finished ninth. Ossi Vell retired.",
    )
)  # fmt: skip


@pytest.fixture(scope="module")
def alone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The one story, by itself."""
    return stories_store(tmp_path_factory.mktemp("apology_alone"), (("2030-05-12-ridge", ALONE),))


async def test_a_story_naming_them_away_from_the_apology_holds_none_to_them(alone: Path) -> None:
    """One story names the one asked about paragraphs away from the apology to another."""
    async with engine_over(alone) as engine:
        shown = await ask(engine, "did rook say sorry to sorel")
        beside = await ask(engine, "did rook say sorry to vell")
    assert "don't say" in shown
    assert "I apologise to him" not in shown
    assert "I apologise to him" in beside
