"""A pass as fans ask it, "get past", is read as "overtake" (whose synonyms are how reports
word a pass: "passed", "overtook"); the everyday "past" ("in the past", "past winners") is no
pass and reaches no "passed" sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.answers.router._groups import _groups
from bot.answers.router._kinds import _kinds
from bot.answers.understand import read
from tests.answers.scoring import ask, stories_store

STORY = "\n\n".join(
    (
        "date 2033-08-14 Invented: Rheil takes the lead at Carrow and keeps it",
        "Jonas Rheil passed Aldo Maruz at the Loop hairpin on lap 22 and led to the flag.",
        "Maruz had won at Carrow twice before, in 2029 and 2031.",
    )
)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return stories_store(tmp_path_factory.mktemp("get_past"), (("2033-08-14-carrow", STORY),))


async def test_get_past_is_a_pass(engine: AnswerEngine) -> None:
    shown = await ask(engine, "where did rheil get past maruz")
    assert "Loop hairpin" in shown
    assert not shown.startswith("The articles don't say")


async def test_the_everyday_past_is_no_pass(engine: AnswerEngine) -> None:
    """ "the past winners": no word group of a pass ("passed", "overtook") is searched."""
    reading = read("who were the past winners at carrow", engine.lookup)
    words = {w for g in _groups(reading, _kinds(reading)) for w in g}
    assert not words & {"passed", "pass", "overtook"}
    reading = read("where did rheil get past maruz", engine.lookup)
    words = {w for g in _groups(reading, _kinds(reading)) for w in g}
    assert {"passed", "overtook"} <= words
