"""A rule a fan says was broken, the stewards say was "breached": "what rule did Marsh break"
is answered by "Marsh had breached Article 4" (before, the sentence held "rule" but not the
verb asked, and the answer was a denial above it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.answers.scoring import ask, engine_over, stories_store

STORY = (
    "date 2026-08-30 Stewards drop Marsh five places for the Dunmere clash",
    "Tobin Marsh will start the next race five places back after the stewards found him to "
    "blame for the collision with Oda Lind on lap 12.",
    "The stewards ruled that Marsh had breached Article 4 of the driving code, which forbids "
    "more than one change of direction under braking.",
    "Lind's team said it accepted the decision.",
)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented story, ingested through the real ingester."""
    story = ("2026-08-30-invented-dunmere-stewards", "\n\n".join(STORY))
    return stories_store(tmp_path_factory.mktemp("breach_words"), [story])


async def test_a_rule_broken_is_a_rule_breached(database: Path) -> None:
    """Without the rule: "The articles don't say what rule did marsh break" first."""
    async with engine_over(database) as engine:
        shown = await ask(engine, "what rule did marsh break")
    assert "breached Article 4" in shown
    assert "don't say" not in shown


async def test_a_broken_wrist_is_no_breach(database: Path) -> None:
    """Nothing broke a wrist: the denial stays."""
    async with engine_over(database) as engine:
        shown = await ask(engine, "did lind break her wrist")
    assert shown.startswith("The articles don't say")
