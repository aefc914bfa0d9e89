"""What a question's year and a compared place mean, each rule on invented stories: "how was
the 2021 title decided" is told by a newer story recalling 2021 when no story of 2021 tells it;
"is there a stint limit like in qatar" asks about the race ahead, Qatar only its comparison
("what was the weather like in qatar" still asks about Qatar); "the last race of 2027" is that
year's closing round, never the newest story's race."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.answers.understand import read
from tests.answers.scoring import ask, stories_store

STORIES = {
    "2021-04-20-invented-imola": (
        "date 2021-04-20 Invented: Rinn furious with Vey after their Imola collision",
        "Aldo Rinn was furious after a collision with Tomas Vey cost him his first points of "
        "the season at Imola.",
    ),
    "2026-10-14-invented-calendar": (
        "date 2026-10-14 Invented series confirms 20-race 2027 calendar: Dunmere out",
        "The invented series will race 20 times in 2027, starting at Losail on March 7 and "
        "ending at Jerez on December 4.",
    ),
    "2026-11-30-invented-losail": (
        "date 2026-11-30 Five things we learned at Losail: Holm wins as tyres run short",
        "Teo Holm won at Losail on Sunday. After sidewall damage in practice, Pirelli told the "
        "teams that no set could run beyond 25 laps.",
    ),
    "2026-12-01-invented-preview": (
        "date 2026-12-01 Jerez preview: Holm needs fourth, Varga needs a win",
        "Teo Holm arrives at Jerez this weekend four points ahead of Ilja Varga.",
        "It is not the first title decided here. In 2016 Rinn needed only second and held on. "
        "And in 2021 Tomas Vey and Aldo Rinn arrived level on points, and the title was "
        "decided on the last lap after a safety car.",
        "Pirelli's Ugo Marelli said there would be no limit on stint length at Jerez, because "
        "the track is smooth.",
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented stories, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("year_compared"), stories)


async def test_a_year_no_story_of_that_year_tells_is_a_years_sentence(
    engine: AnswerEngine,
) -> None:
    shown = await ask(engine, "how was the 2021 title decided")
    assert "decided on the last lap after a safety car" in shown
    assert "don't say" not in shown


async def test_a_place_compared_with_is_not_the_place_asked(engine: AnswerEngine) -> None:
    shown = await ask(engine, "is there a stint limit like in qatar")
    assert "no limit on stint length" in shown


def test_what_it_was_like_somewhere_still_names_the_place(engine: AnswerEngine) -> None:
    assert read("is there a stint limit like in qatar", engine.lookup).places == []
    assert read("whats the weather like in qatar", engine.lookup).places == ["qatar"]


async def test_the_last_race_of_a_year_is_its_closing_round(engine: AnswerEngine) -> None:
    shown = await ask(engine, "whens the last race of 2027")
    assert "December 4" in shown
