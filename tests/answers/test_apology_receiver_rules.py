""" "Did X apologise to Y" on invented stories: an apology of X's from a story that never
names Y was made to someone else, and is no answer; with nothing else, the honest negative."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, engine_over, stories_store

OLD = "\n\n".join(
    (
        "date 2024-05-12 Invented Ridge 300: Brann Rook sorry after taking out Ossi Vell",
        "Brann Rook took Ossi Vell out of the invented Ridge 300 at the first corner.",
        '"I apologise to Ossi and his crew, I braked far too late and it was my fault," Rook '
        "said.",
    )
)  # fmt: skip

NEW = "\n\n".join(
    (
        "date 2026-09-20 Invented Lakeside 200: Kai Pim wins after Rook runs wide",
        "Kai Pim won the invented Lakeside 200 after Brann Rook ran wide at the hairpin "
        "while the two fought for the lead.",
        '"I pushed too hard on old tyres and gave it away," Rook said.',
    )
)  # fmt: skip


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return stories_store(
        tmp_path_factory.mktemp("apology_receiver"),
        (("2024-05-12-ridge", OLD), ("2026-09-20-lakeside", NEW)),
    )


@pytest.fixture
async def engine(database: Path) -> AsyncIterator[AnswerEngine]:
    async with engine_over(database) as engine:
        yield engine


async def test_an_apology_to_someone_else_is_no_apology_to_the_one_asked(
    engine: AnswerEngine,
) -> None:
    shown = await ask(engine, "did rook apologise to pim")
    assert "I apologise to Ossi" not in shown
    assert "don't say" in shown


async def test_the_apology_to_the_one_asked_is_still_shown(engine: AnswerEngine) -> None:
    shown = await ask(engine, "did rook apologise to vell")
    assert "I apologise to Ossi" in shown
