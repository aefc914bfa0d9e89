"""Who won a series' title, asked over the few stories of that series ("who won the cup
title"): they are read whole, as for "who won the nascar race". "Title" and "champion" are
words nearly every paragraph of a title fight's stories holds, so in a big store ranking their
paragraphs by those words never proposed the one sentence crowning the champion (a small
store proposes every paragraph: the query the router builds is asserted too). Invented
stories."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.answers.router._groups import _groups
from bot.answers.router._kinds import _kinds
from bot.answers.understand import read
from tests.answers.scoring import ask, stories_store

_DRIVERS = ("Cal Rennick", "Joss Amberly", "Dale Prewitt", "Ray Tolland")
_TRACKS = ("Harlan Speedway", "Cobb Creek", "Mesa Ridge", "Oakfield", "Pine Hollow")


def _title_talk(story: int) -> list[str]:
    """Paragraphs of a NASCAR Cup Series title fight, each rich in "title" and "Cup"."""
    return [
        f"{driver} said the Cup title was still open after {track}, and that his Cup "
        f"team had a title car. The title, he said, would go to whoever kept the car clean "
        f"in the last Cup races of the title fight, and the champion would be the one with "
        f"the fewest mistakes."
        for track in _TRACKS
        for driver in _DRIVERS
    ]


STORIES = {
    "2030-10-20-invented-cup-oakfield": (
        "date 2030-10-20 NASCAR Cup Series: Rennick wins at Oakfield as the title fight tightens",
        "Cal Rennick won the NASCAR Cup Series race at Oakfield on Sunday.",
        *_title_talk(0),
    ),
    "2030-10-27-invented-cup-mesa": (
        "date 2030-10-27 NASCAR Cup Series: Amberly wins at Mesa Ridge, title four set",
        "Joss Amberly won the NASCAR Cup Series race at Mesa Ridge on Sunday.",
        *_title_talk(1),
    ),
    "2030-11-03-invented-cup-finale": (
        "date 2030-11-03 NASCAR Cup Series finale at Pine Hollow: the night it ended",
        "PINE HOLLOW — After 19 seasons in the NASCAR Cup Series, more than 40 wins, two "
        "broken wrists, three crew chiefs, a move across the country and one last restart "
        "that he took on the outside lane with a tyre that had lost its grip ten laps before, "
        "Dale Prewitt finally stands alone at the end of a long night in the desert: the "
        "highest finisher of the four, he is the 2030 Cup champion.",
        *_title_talk(2),
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented stories, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("title_won_whole"), stories)


async def test_who_won_the_title_reads_the_series_stories_whole(engine: AnswerEngine) -> None:
    shown = await ask(engine, "who won the cup title")
    assert "he is the 2030 Cup champion" in shown


async def test_the_title_question_reads_the_series_stories_whole(engine: AnswerEngine) -> None:
    router = engine._router
    reading = read("who won the cup title", engine.lookup)
    kinds = _kinds(reading)
    slugs = await router._stories(reading, kinds)
    assert slugs is not None and len(slugs) == len(STORIES)
    query = router._query(reading, kinds, _groups(reading, kinds), slugs)
    assert query.whole_stories
