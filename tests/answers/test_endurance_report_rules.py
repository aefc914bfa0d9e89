"""An endurance race told the way such reports tell it, on an invented story: a crew of three
named once and then "the three"; the safety car and a pass, which fans shorten ("the sc",
"get past"); a driver whose name has two particles, whom fans call by its initials; a class
title won by a place that "was enough"."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

STORY = "\n\n".join(
    (
        "date 2031-10-12 Invented: the No. 9 Orla wins the Harlow Six Hours",
        "By Mara Quell",
        "Tobias Renn crossed the line at dusk to win the Harlow Six Hours for the No. 9 Orla "
        "he shares with Ida Solvik and Pim Harte. Two weeks after their win at Kestrel, the "
        "three finished 14.2 seconds ahead of the No. 4 Vantor.",
        "At 3.17pm the No. 31 car of Ulf Brandt stopped at the exit of the pit lane, and race "
        "control sent out the safety car for nine minutes.",
        "In the GT class, Joost van der Meer drove the last two stints. The Dutchman passed the "
        "Vantor of Cosima Lenz at Turn 6 with 20 minutes left.",
        "The GT title went to Vantor all the same. Second place was enough for Lenz and Ada "
        "Brook to win the GT drivers' championship by six points.",
    )
)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return stories_store(tmp_path_factory.mktemp("endurance"), (("2031-10-12-harlow", STORY),))


async def test_the_three_is_the_crew_the_sentence_before_named(engine: AnswerEngine) -> None:
    """ "the three finished 14.2 seconds ahead": the crew the lede named, Renn among them,
    as "the pair" is two people named before."""
    shown = await ask(engine, "how big was renns winning margin")
    assert "14.2 seconds" in shown
    assert not shown.startswith("The articles don't say")


async def test_the_sc_is_the_safety_car(engine: AnswerEngine) -> None:
    """ "the sc": fans' short form of the safety car a report writes out."""
    shown = await ask(engine, "what time did the sc come out")
    assert "3.17pm" in shown


async def test_getting_past_is_a_pass(engine: AnswerEngine) -> None:
    """ "get past": the report's "passed"."""
    shown = await ask(engine, "where did joost van der meer get past lenz")
    assert "Turn 6" in shown
    assert not shown.startswith("The articles don't say")


async def test_initials_count_a_names_particles(engine: AnswerEngine) -> None:
    """ "jvdm": Joost van der Meer by every word's initial, particles too."""
    shown = await ask(engine, "where did jvdm get past lenz")
    assert "Turn 6" in shown
    assert not shown.startswith("The articles don't say")


async def test_a_place_that_was_enough_to_win_the_title_won_it(engine: AnswerEngine) -> None:
    """ "Second place was enough for Lenz and Brook to win the GT drivers' championship": the
    title won, told by the result that won it."""
    shown = await ask(engine, "who won the gt championship")
    assert "enough for Lenz and Ada Brook" in shown
    assert not shown.startswith("The articles don't say")
