"""The router's rules for series, titles and parts of a meeting, each on invented stories:
series without a grand prix ("btcc", "dakar") scope the story, a place after "won" is the
race and never a person of the same name, a title told the ways a journalist tells it, a
rally-raid's overall lead as its standings, a stage report's "won the stage", and the race
of a meeting of several ("race two") under its own subhead."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.answers.router._groups import _groups
from bot.answers.router._needs import _DRIVER_TITLE_WON, _STANDING_TEXT, _TITLE_WON
from bot.answers.understand import read
from tests.answers.scoring import ask, stories_store

STORIES = {
    "2026-09-27-touring-finale": (
        "date 2026-09-27 Invented touring car finale: Brandt crowned champion by six points",
        "Ollie Brandt won his third British Touring Car Championship title at Croft on Sunday, "
        "beating Kit Mayhew by six points after a collision in race two.",
        "RACE ONE",
        "Mayhew led every lap of the opener and won by 2.2 seconds from Brandt.",
        "RACE TWO",
        "Race two belonged to Fenn Aldous, who won by 0.8 seconds after Brandt and Mayhew "
        "touched at the hairpin.",
        "RACE THREE",
        "Jory Pask won the reverse-grid race from pole, his first win of the year.",
        "Vantor also won the manufacturers' title.",
        "The 2027 season opens at Thruxton on the weekend of April 10 and 11.",
    ),
    "2026-01-10-raid-stage-seven": (
        "date 2026-01-10 Dakar 2026, Stage 7: Brenner takes the lead as Falk breaks down",
        "Tomas Brenner moved into the overall lead of the Dakar Rally on Saturday after a "
        "long seventh stage, while Ivo Falk lost 40 minutes with a broken wheel hub.",
        "Rui Sebastião won the stage by 31 seconds, his first stage win of the rally.",
        "In the trucks Pavel Hrubý won again and leads his class by 19 minutes.",
    ),
    "2026-10-25-austin-invented": (
        "date 2026-10-25 Invented United States Grand Prix: Kestrel wins at COTA",
        "Dario Kestrel won the United States Grand Prix at the Circuit of the Americas on "
        "Sunday, 3.2 seconds clear of Nils Orte.",
    ),
    "2026-11-01-kansas-invented": (
        "date 2026-11-01 Invented Kansas Cup race: Dillon wins",
        "Austin Dillon won the invented Cup Series race at Kansas on Sunday, his first win "
        "of the season.",
        '"That was a long time coming," Dillon said.',
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented stories, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("series"), stories)


@pytest.mark.parametrize(
    "sentence",
    [
        "Brandt won his third British Touring Car Championship title at Croft.",
        "Kerr is champion by two points after the finale.",
        "She was crowned at Sepang after a cautious ride.",
        "He sealed the crown with a race to spare.",
        "Lind successfully defended his title in the last round.",
        "He reached fifth on lap 17 and that was the title.",
    ],
)
def test_a_title_is_decided_in_a_journalists_words(sentence: str) -> None:
    """ "won his third ... title", "champion by two points", "crowned", "sealed the crown",
    "defended his title", "that was the title" all tell a title decided."""
    assert _TITLE_WON.search(sentence.casefold())


@pytest.mark.parametrize(
    "sentence",
    [
        "He took the championship lead for the first time at Motegi.",
        "Ford also won the manufacturers' title.",
    ],
)
def test_a_lead_or_another_table_is_no_drivers_title(sentence: str) -> None:
    """A championship lead is no title won; nor is the makes' title the drivers' one."""
    assert not _DRIVER_TITLE_WON.search(sentence.casefold())


def test_an_overall_lead_is_a_rally_raids_standing() -> None:
    """ "moved into the overall lead" ranks a rally-raid's field without points."""
    assert _STANDING_TEXT.search("brenner moved into the overall lead of the dakar rally.")
    assert not _STANDING_TEXT.search("brenner won the stage by 31 seconds.")


@pytest.mark.parametrize(
    ("question", "expected", "unwanted"),
    [
        ("who won the btcc title", "Brandt", "manufacturers"),
        ("who won the touring cars title", "Brandt", "manufacturers"),
        ("who leads the dakar now", "Brenner", "Kestrel"),
        ("whos leading the dakar", "Brenner", "Dillon"),
    ],
)
async def test_a_series_without_a_grand_prix_picks_its_story(
    engine: AnswerEngine, question: str, expected: str, unwanted: str
) -> None:
    """ "btcc", "touring cars", "dakar" name their series' story, and the drivers' title
    or the overall lead answers, never another table or another series."""
    shown = await ask(engine, question)
    assert expected in shown
    assert unwanted not in shown
    assert "don't say" not in shown


@pytest.mark.parametrize("question", ["who won austin", "who won at austin", "austin winner"])
async def test_a_place_after_won_is_the_race_not_a_person(
    engine: AnswerEngine, question: str
) -> None:
    """ "who won austin" is the race at Austin, never Austin Dillon's story."""
    shown = await ask(engine, question)
    assert "Kestrel" in shown
    assert "Dillon" not in shown


async def test_a_person_called_like_a_place_is_still_a_person(engine: AnswerEngine) -> None:
    """ "what did austin say" still asks Austin Dillon: only a verb of winning makes a race."""
    assert "long time coming" in await ask(engine, "what did austin say")


@pytest.mark.parametrize("question", ["who won stage 7", "who won stage seven of the dakar"])
async def test_a_stage_reports_own_stage_is_the_stage_asked(
    engine: AnswerEngine, question: str
) -> None:
    """A report opening on the seventh stage tells its winner as "won the stage"."""
    shown = await ask(engine, question)
    assert "Sebastião" in shown.split("\n\n")[0] or "Sebastião" in shown.split("(")[0]


async def test_a_class_is_no_place(engine: AnswerEngine) -> None:
    """ "in the trucks" is a class the sentence must name, not a place to find."""
    shown = await ask(engine, "who won in the trucks")
    assert "Hrubý" in shown
    assert "don't say" not in shown


@pytest.mark.parametrize(
    ("question", "expected", "unwanted"),
    [
        ("who won race two", "Aldous", "Mayhew led every lap"),
        ("who won race 1", "Mayhew", "Aldous"),
        ("who won race three", "Pask", "Aldous"),
    ],
)
async def test_the_race_of_a_meeting_is_told_under_its_subhead(
    engine: AnswerEngine, question: str, expected: str, unwanted: str
) -> None:
    """ "race two" is the section under "RACE TWO", not the lede's passing mention."""
    shown = await ask(engine, question)
    assert expected in shown
    assert unwanted not in shown


async def test_a_season_opens_when_it_starts(engine: AnswerEngine) -> None:
    """ "when does the 2027 season start" is told as "the 2027 season opens"."""
    shown = await ask(engine, "when does the 2027 btcc season start")
    assert "April 10" in shown
    assert "don't say" not in shown


def test_a_grid_start_is_no_season_opening(engine: AnswerEngine) -> None:
    """ "what tyres did X start on" keeps "start" to itself: a season "opens", a driver
    does not."""
    grid = read("what tyres did brandt start on", engine.lookup)
    season = read("when does the season start", engine.lookup)
    assert ("start",) in _groups(grid, set()) or all("opens" not in g for g in _groups(grid, set()))
    assert any("opens" in g for g in _groups(season, {"when"}))
