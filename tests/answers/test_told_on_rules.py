""" "Dahl had the worst day of the title contenders. A broken exhaust after his second stop
cost him four laps": a narrative sentence naming no one that says he, his or him goes on about
whom the sentence before it opened with, wherever the pronoun stands (before, only a
sentence opening with one did, and "what happened to Dahl" showed the lead alone)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.answers.scoring import ask, engine_over, stories_store

STORY = (
    "date 2026-09-14 Carrow wins the Fenmoor 300 as the title fight tightens",
    "Ilse Carrow won the Fenmoor 300 on Sunday, leading the last 40 laps from Tobin Marsh "
    "and Oda Lind.",
    "Marsh gained two places on the final restart and moved to within nine points of the lead.",
    "Piet Dahl had the worst day of the title contenders. A broken exhaust after his second "
    "stop cost him four laps, and he finished 22nd.",
    "The series moves on to Harlow Speedway next weekend.",
)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented story, ingested through the real ingester."""
    story = ("2026-09-14-invented-fenmoor-300", "\n\n".join(STORY))
    return stories_store(tmp_path_factory.mktemp("told_on"), [story])


async def test_a_pronoun_inside_a_sentence_naming_no_one_carries_the_name(
    database: Path,
) -> None:
    """Without the rule: only "Piet Dahl had the worst day of the title contenders." """
    async with engine_over(database) as engine:
        shown = await ask(engine, "what happened to dahl")
    assert "broken exhaust" in shown


async def test_a_sentence_naming_someone_else_is_not_carried(database: Path) -> None:
    """The exhaust was Dahl's: it tells nothing about Marsh, named a paragraph before (the
    rule carries only within a paragraph, from the sentence just before)."""
    async with engine_over(database) as engine:
        shown = await ask(engine, "what happened to marsh")
    assert "broken exhaust" not in shown


#: A sentence naming two drivers, then one that says "him": whose the slow stop was, the
#: story does not say for sure (here the one beaten's), so it is neither's by the rule.
TWO_NAMED = (
    "date 2026-09-21 Lind wins at Corrow Park",
    "Oda Lind won at Corrow Park on Sunday, a lap ahead of the field.",
    "Rasmus Keel beat Anton Prew to sixth by a second. A fumbled wheel change on lap 50 had "
    "cost him the chance to race for the podium.",
    "Lind led from the start.",
)


@pytest.fixture(scope="module")
def two_named(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The second invented story, ingested alone."""
    story = ("2026-09-21-invented-corrow-park", "\n\n".join(TWO_NAMED))
    return stories_store(tmp_path_factory.mktemp("told_on_two"), [story])


async def test_a_sentence_before_naming_two_people_carries_neither(two_named: Path) -> None:
    """Without the rule: "did keel have a fumbled wheel change" answered yes by the sentence
    saying "him", which is as likely Prew (the one beaten) as Keel."""
    async with engine_over(two_named) as engine:
        shown = await ask(engine, "did keel have a fumbled wheel change")
    assert "The articles don't say" in shown
