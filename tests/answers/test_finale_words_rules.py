"""A fan's "finale" is the season's last race, which a preview writes as "the last race" or
"the final round": without the word's forms, "when is the finale" found no sentence holding it
and was denied beside the answer (invented story)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

STORY = (
    "date 2031-11-01 Kessel Cup title fight goes to Dunmere",
    "Ada Quill leads Jon Larsen by 12 points with one round left.",
    "The last race of the Kessel Cup season is at Dunmere on December 12, a week after the "
    "test at Vell.",
    "Larsen set the fastest lap in practice on Friday, two tenths clear of Quill.",
)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented story, ingested through the real ingester."""
    return stories_store(
        tmp_path_factory.mktemp("finale"), [("2031-11-01-kessel", "\n\n".join(STORY))]
    )


async def test_the_finale_is_the_last_race(engine: AnswerEngine) -> None:
    shown = await ask(engine, "when is the finale")
    assert "The last race of the Kessel Cup season is at Dunmere on December 12" in shown, shown
    assert "don't say" not in shown, shown


async def test_a_finale_never_told_is_still_denied(engine: AnswerEngine) -> None:
    # A series no story names: its finale is not the Kessel Cup's.
    shown = await ask(engine, "when is the harlow series finale")
    assert "don't say" in shown, shown
