"""Fans' shorthand for what reports write out, on an invented stewards' story and an invented
market story: "the t1 crash" is the Turn 1 crash (a corner, no word a sentence must hold);
"next yr" is next year, which a report of next season's plans names by its number; "pts"
are points."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

STORIES = {
    "2031-05-12-invented-stewards": (
        "date 2031-05-12 Orrin penalised after Kestrel Park clash with Tamsin Vale",
        "Petra Orrin will start the next race three places lower after the stewards at "
        "Kestrel Park found her wholly to blame for the collision that ended Tamsin Vale's race.",
        "Orrin dived down the inside at Turn 1 on lap 8 and hit the side of Vale's car.",
        "Vale said she had left plenty of room.",
    ),
    "2031-11-20-invented-market": (
        "date 2031-11-20 Market notes: Corvid confirms its line-up as Orrin nears a ban",
        "Tamsin Vale will drive for Corvid Motorsport in 2032, the team confirmed on "
        "Thursday, after four years and two wins at Apex.",
        "Orrin's three new penalty points take her to 11 over the last 12 months, one short "
        "of a race ban.",
        "Apex has not said who takes the seat Vale leaves.",
    ),
    "2031-10-02-invented-calendar": (
        "date 2031-10-02 Series approves its calendar: Harlow Bay returns",
        "The series will hold 19 races in 2032, opening at Harlow Bay on March 7.",
        "Kestrel Park keeps its date in May, and the season again ends in November.",
        "Three races this year were held in the rain.",
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented story, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("shorthand"), stories)


async def test_a_turn_written_short_is_the_turn_asked(engine: AnswerEngine) -> None:
    shown = await ask(engine, "whose fault was the t1 crash at kestrel park")
    assert "wholly to blame" in shown
    assert "don't say" not in shown


async def test_next_yr_is_the_year_after_the_newest_story(engine: AnswerEngine) -> None:
    shown = await ask(engine, "how many races next yr")
    assert "19 races in 2032" in shown
    assert "don't say" not in shown


async def test_pts_are_points(engine: AnswerEngine) -> None:
    shown = await ask(engine, "how many penalty pts is orrin on now")
    assert "11 over the last 12 months" in shown
    assert "don't say" not in shown


async def test_next_season_alone_is_still_a_question(engine: AnswerEngine) -> None:
    """With nothing else to ask with, "next season" keeps its words: never the help text."""
    shown = await ask(engine, "what does it mean for next season")
    assert "I answer from the stored articles" not in shown
