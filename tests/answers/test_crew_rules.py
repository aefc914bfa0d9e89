"""A race report's crew: a driver's crew chief or spotter named once beside them, asked for
by the driver's name or car number ("whos the crew chief on the 7"), or asked to speak when
the report names no such person; a track's short name ("phx"); "in his hands" no place."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.answers.understand import read
from tests.answers.scoring import ask, stories_store

REPORT = "\n\n".join(
    (
        "date 2026-10-18 Invented Phoenix pickup race: Dorsey wins, Kamara misses out",
        "Nell Dorsey won the race in the No. 44 Halvorsen Racing Ford at Phoenix Raceway on "
        "Saturday, her third win of the year.",
        "Omar Kamara started from the pole in the No. 7 Brisk Motorsports Toyota and led "
        "60 laps.",
        "Kamara's crew chief, Rudi Falk, kept him out under the final caution on Lap 180.",
        '"We gambled on the fuel and it bit us," Falk said.',
        "Then the No. 21 sputtered. Pia Lund said the engine starved coming off Turn 4 on the "
        "last lap, and she finished 12th.",
        '"It was a perfect night for us," Dorsey said.',
    )
)  # fmt: skip


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented report, ingested through the real ingester."""
    return stories_store(tmp_path_factory.mktemp("crew"), (("2026-10-18-phoenix", REPORT),))


async def test_who_is_a_crew_chief_says_whose(engine: AnswerEngine) -> None:
    """ "who is rudi falk": the profile calls him Kamara's crew chief, which only the
    sentence setting it off by commas tells (the sentences under it may be his quotes)."""
    shown = await ask(engine, "who is rudi falk")
    assert "Also called: Kamara's crew chief" in shown


@pytest.mark.parametrize(
    "question", ["whos the crew chief on the 7", "who is the crew chief for kamara"]
)
async def test_the_crew_chief_on_a_car_is_its_drivers(engine: AnswerEngine, question: str) -> None:
    """ "the 7" is Kamara's No. 7 ("started from the pole in the No. 7"), and his crew chief
    is Falk: asked "on the 7" or "for kamara", his profile, not any crew chief's sentence."""
    shown = await ask(engine, question)
    assert shown.startswith("Rudi Falk")


async def test_an_unnamed_crew_chief_said_nothing_the_articles_give(
    engine: AnswerEngine,
) -> None:
    """Dorsey's crew chief is never named or quoted: the articles don't say, never Dorsey's
    own words shown as his."""
    shown = await ask(engine, "what did dorseys crew chief say about the win")
    assert "don't say" in shown
    assert "perfect night" not in shown


async def test_a_tracks_short_name_is_the_track(engine: AnswerEngine) -> None:
    """ "phx" is Phoenix Raceway, as fans write it: the report there answers."""
    shown = await ask(engine, "what happened to lund on the last lap at phx")
    assert "starved" in shown


def test_in_his_hands_is_no_place(engine: AnswerEngine) -> None:
    """ "with the title in his hands" names no place a story must be at."""
    reading = read("how did kamara take it with the title in his hands", engine.lookup)
    assert reading.places == []
