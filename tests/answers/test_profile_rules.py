"""The rules of a magazine profile, on invented ones: a driver is asked by the short forms
fans use for him (the register's nicknames, data not code); the profile's "he" opening a
paragraph stands for the one its headline names; its flashbacks tell a feeder series' title
("when did X win f3") though the store has no story of that series."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

STORIES = {
    "2026-06-02-invented-profile": (
        "date 2026-06-02 Invented profile: Gabriel Bortoleto and a quiet week in Lisbon",
        "Gabriel Bortoleto orders a second coffee on a terrace above the river and checks the "
        "weather for Saturday.",
        '"I like the long corners here more than anyone would guess," he says. "You can '
        'breathe in them."',
    ),
    "2026-06-09-invented-rookie-profile": (
        "date 2026-06-09 Invented profile: Rafael Quintela, the rookie who reads the rain",
        "It is the Thursday before Monaco and Rafael Quintela is late for lunch, which he "
        "apologises for twice.",
        "Patience is the word the engineers use, and the paddock has started to use it too.",
        "---",
        "He was born in Porto Alegre in 2005, and at 11 he left home to race karts in Europe "
        "on his own.",
        "A year earlier than anyone expected, in 2024, he won the Formula 3 title with a small "
        "team.",
    ),
    "2029-07-05-invented-dunmere": (
        "date 2029-07-05 Invented: Larsen's long wait ends at Dunmere",
        "The race began in light rain and the safety car led the first three laps.",
        "His team-mate Odo Brandt crashed at Turn 3 on lap 12.",
        "Jon Larsen took the lead on lap 40 and won by six seconds.",
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented stories, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("profile"), stories)


@pytest.mark.parametrize(
    "question", ["what did gabi say about the long corners", "borto on the corners"]
)
async def test_a_short_form_fans_use_names_the_driver(engine: AnswerEngine, question: str) -> None:
    """ "gabi", "borto": the register's nicknames for Bortoleto name him, as his surname does."""
    shown = await ask(engine, question)
    assert "long corners here" in shown


async def test_a_profiles_he_is_the_one_its_headline_names(engine: AnswerEngine) -> None:
    """ "He was born in Porto Alegre" opens a paragraph after one naming no one: the
    profile's subject, the one person its headline names."""
    shown = await ask(engine, "where was quintela born")
    assert "Porto Alegre" in shown
    assert "don't say" not in shown


async def test_a_feeder_series_title_told_in_another_series_story(engine: AnswerEngine) -> None:
    """ "when did X win f3" with no Formula 3 story: his profile's flashback tells it."""
    shown = await ask(engine, "when did quintela win f3")
    assert "2024" in shown
    assert "don't say" not in shown


async def test_a_paragraph_opening_his_team_mate_is_not_the_headlines(
    engine: AnswerEngine,
) -> None:
    """ "His team-mate Odo Brandt crashed" names another man: only "he"/"she" as the
    paragraph's subject stands for the headline's driver. Without the rule: Brandt's crash
    shown as what happened to Larsen."""
    shown = await ask(engine, "what happened to larsen on lap 12")
    assert shown.startswith("The articles don't say"), shown
