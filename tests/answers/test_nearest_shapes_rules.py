"""The nearest sentence answers when a careful reader would say it does, each rule on invented
stories: a report's own verb for the question's ("introduced" for "bring", "replaced" for
"changed", "scored points" for "score"), a race as the time something happened, a speed with
its unit for "how fast", a sum of money for "how much did it cost"; "after the new wing" is a
thing, never a place. The honest negative stays when the sentence lacks what was asked:
another turn, another driver, no money."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.answers.router._kinds import _kinds
from bot.answers.understand import read
from tests.answers.scoring import ask, stories_store

STORIES = {
    "2026-11-10-invented-explainer": (
        "date 2026-11-10 Explained: how Halvorsen cured its braking problem, and why the HR7 "
        "is quicker than it was in March",
        "Halvorsen went to the last round fourth in the constructors' table, a place nobody "
        "at the factory expected after the opening races.",
        "What did they change?",
        "There were two changes. The second was a stiffer front wing, introduced at the "
        "Dunmere Grand Prix, which cut the understeer in slow corners.",
        "Did it work?",
        "In the first three races the HR7 was among the slowest cars through the speed "
        "traps. At Ostmark Pia Renner was the fastest driver through the trap at 331 km/h. "
        "Renner scored points in six of the nine races after the new wing arrived.",
        '"The wing was the clever part," said Odo Brandt, the team principal. "The rest was '
        'hard work."',
        "Halvorsen will keep the same front wing for the last three races.",
        '"I am not thinking about the points at all," Renner said on Thursday.',
    ),
    "2026-11-20-invented-preview": (
        "date 2026-11-20 Ostmark preview: Renner and Larsen go to the finale level on points",
        "Pia Renner and Jon Larsen arrive at Ostmark level on 210 points with one race left.",
        "The circuit has one change. The kerb at the exit of Turn 4 has been replaced by a "
        "strip of grass, after drivers kept cutting the corner in 2025.",
        "Larsen's car suffered a loose wheel in practice at the last round, and the team was "
        "fined for it.",
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented stories, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("nearest_shapes"), stories)


async def test_introduced_at_a_race_answers_when_they_brought_it(engine: AnswerEngine) -> None:
    """ "Bring" is "introduced", "new" the act of bringing; the race is the time."""
    shown = await ask(engine, "when did halvorsen bring the new front wing")
    assert "introduced at the Dunmere Grand Prix" in shown
    assert "don't say" not in shown


async def test_replaced_at_the_turn_answers_what_changed(engine: AnswerEngine) -> None:
    """The paragraph's lead-in ("The circuit has one change.") is passed over for the
    sentence naming the turn asked."""
    shown = await ask(engine, "what changed at turn 4")
    assert "replaced by a strip of grass" in shown
    assert "don't say" not in shown


async def test_another_turn_keeps_the_denial(engine: AnswerEngine) -> None:
    shown = await ask(engine, "what changed at turn 7")
    assert "replaced by a strip of grass" not in shown.split("nearest")[0]
    assert "don't say" in shown


async def test_a_speed_with_its_unit_answers_how_fast(engine: AnswerEngine) -> None:
    shown = await ask(engine, "how fast was renner through the speed trap")
    assert "331 km/h" in shown
    assert "don't say" not in shown


async def test_another_drivers_speed_keeps_the_denial(engine: AnswerEngine) -> None:
    shown = await ask(engine, "how fast was larsen through the speed trap")
    assert "don't say" in shown


async def test_scored_points_answers_how_many_times_after_the_new_wing(
    engine: AnswerEngine,
) -> None:
    shown = await ask(engine, "how many times did renner score after the new wing")
    assert "six of the nine races" in shown
    assert "don't say" not in shown


async def test_a_count_of_races_is_no_price(engine: AnswerEngine) -> None:
    """ "How much did it cost" wants money: "the last three races" holds a number only."""
    shown = await ask(engine, "how much did the halvorsen front wing cost")
    assert "don't say" in shown


def test_the_words_after_after_are_a_place_only_when_they_name_one(
    engine: AnswerEngine,
) -> None:
    assert read("how many times did renner score after the new wing", engine.lookup).places == []
    assert "monza" in read("what did renner say after monza", engine.lookup).places


def test_a_wing_is_no_win(engine: AnswerEngine) -> None:
    reading = read("when did halvorsen bring the new front wing", engine.lookup)
    assert "won" not in _kinds(reading)
    assert "won" in _kinds(read("who was the winner", engine.lookup))
