"""The words a question keeps for the search, each rule on invented stories: a figure with
its unit ("this 30 lap tyre rule", "a 5 second penalty") is what the sentence must give, as
"30 laps" or "5-second" (never "lap 30", never "second" place); a noun after a possessive name
("kasts stop") is the noun, no verb to drop; a word only a looser kind cues ("engine" for a
why) is the question's own when another kind ("penalty") is the one whose cue the answer needs.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.answers.router._groups import _groups
from bot.answers.router._kinds import _kinds
from bot.answers.understand import read
from bot.store import Store
from tests.answers.scoring import ask, engine_over, stories_store

STORIES = {
    "2026-05-10-invented-tyre-pressure": (
        "date 2026-05-10 Invented Korvale race: Varo wins as Kast's tyre pressure is queried",
        "Rudi Kast passed Timo Varo into the hairpin on lap 30 and held on to the flag.",
        "Afterwards Kast said that the rules are the rules and he would accept the verdict.",
    ),
    "2026-06-21-invented-dunmere-report": (
        "date 2026-06-21 Invented Dunmere race: Varo wins a two-stop race",
        "Timo Varo won at Dunmere on Sunday from pole, six seconds clear of Ivo Brandt.",
        "The supplier had found blistering on Friday and set a maximum of 30 laps on any set "
        "of tyres, so everyone had to stop twice.",
        "Brandt was given a 5-second penalty for leaving the track and gaining an advantage.",
        "Sam Okoro finished second after a clean race.",
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented stories, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("kept_words"), stories)


async def test_a_figure_with_its_unit_is_what_the_sentence_gives(engine: AnswerEngine) -> None:
    """ "this 30 lap tyre rule": the limit of 30 laps, never the pass on lap 30 in the story
    whose headline says tyre and whose sentence says rules."""
    shown = await ask(engine, "whats this 30 lap tyre rule")
    assert "a maximum of 30 laps on any set of tyres" in shown
    assert "on lap 30" not in shown


async def test_the_figure_and_its_unit_are_searched(engine: AnswerEngine) -> None:
    """A number counting a unit is a word of the search; its unit is no position
    ("5 second" is never second place) and no lap the question is scoped to."""
    lookup = engine.lookup
    reading = read("why did brandt get a 5 second penalty", lookup)
    groups = _groups(reading, _kinds(reading))
    assert ("5", "five") in groups  # as reports spell it too ("a five-second penalty")
    assert ("second",) in groups
    reading = read("whats this 30 lap tyre rule", lookup)
    groups = _groups(reading, _kinds(reading))
    assert ("30",) in groups and ("lap",) in groups
    assert reading.lap is None
    # a number with no unit after it stays no word ("the 2 of them")
    assert "2" not in read("did the 2 of them crash", lookup).words


async def test_a_noun_after_a_possessive_name_is_kept(engine: AnswerEngine) -> None:
    """ "kasts stop": Kast's pit stop, no verb "stop" to drop."""
    reading = read("what went wrong at kasts stop", engine.lookup)
    assert reading.people == ["Rudi Kast"]
    assert "stop" in reading.words
    assert "stop" not in read("when did kast stop", engine.lookup).words


async def test_a_word_a_looser_kind_cues_is_the_questions_own(engine: AnswerEngine) -> None:
    """ "why did they take the engine penalty": "engine" (a cause a why would accept) is what
    the fan asks about; "penalty", the cue the answer must hold, is not repeated as a word."""
    reading = read("why did falcon take the engine penalty", engine.lookup)
    groups = [g[0] for g in _groups(reading, _kinds(reading))]
    assert "engine" in groups
    assert "penalty" not in groups


CARD_STORIES = {
    "2026-11-02-invented-title-run-in": (
        "date 2026-11-02 Invented Korvale race: Kast wins and Varo's hopes fade",
        "Rudi Kast won at Korvale for the Falcon team on Sunday.",
        "Timo Varo, the Orca driver, finished ninth and is now 60 points behind Kast with two "
        "races left, so he is mathematically out of the championship.",
        '"I knew it was over in the summer," Varo said.',
    ),
    "2026-11-20-invented-wec-signing": (
        "date 2026-11-20 Invented sportscar team signs Ivo Brandt for the endurance season",
        "The invented Falcon team has signed Ivo Brandt for next season.",
        "Brandt will share the No. 8 car with Sam Okoro in the top class.",
        '"It is the call I was waiting for," Brandt said.',
    ),
}


@pytest.fixture(scope="module")
def card_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    stories = [(slug, "\n\n".join(lines)) for slug, lines in CARD_STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("kept_words_cards"), stories)


@pytest.fixture
async def card_engine(card_database: Path) -> AsyncIterator[AnswerEngine]:
    async with await Store.open(card_database) as store:
        built = AnswerEngine(store)
        await built.refresh()
        yield built


async def test_the_title_race_is_no_job_title(card_engine: AnswerEngine) -> None:
    """ "is varo out of the title race": the sentence telling it, not his card (team, role)."""
    shown = await ask(card_engine, "is varo out of the title race")
    assert "mathematically out of the championship" in shown


async def test_a_car_number_is_the_sentence_giving_it(card_engine: AnswerEngine) -> None:
    """ "whats brandt's car number": the sentence with the car's number, not his card."""
    shown = await ask(card_engine, "whats brandt's car number")
    assert "the No. 8 car" in shown
    # no number told for Kast: a denial, never another's number under his name
    shown = await ask(card_engine, "whats kasts car number")
    assert "don't say" in shown


YEAR_STORIES = {
    "2021-05-09-invented-old-report": (
        "date 2021-05-09 Invented Valmont race: Okoro wins in the rain",
        "Sam Okoro won at Valmont on Sunday after a late safety car.",
        "Ivo Brandt was second.",
    ),
    "2026-10-12-invented-profile": (
        "date 2026-10-12 Invented profile: Rudi Kast, the long way to the top",
        "Rudi Kast has never taken the easy road.",
        "He went back to the Arrow team for 2021 after a lost year and won six races there.",
        "He joins the Falcon team next season.",
    ),
}


@pytest.fixture(scope="module")
def year_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    stories = [(slug, "\n\n".join(lines)) for slug, lines in YEAR_STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("kept_words_year"), stories)


async def test_a_year_in_someones_career_is_told_not_dated(year_database: Path) -> None:
    """ "what did kast do in 2021": no story of 2021 names him, so the year is what his
    profile's sentence tells, not a denial."""
    async with engine_over(year_database) as engine:
        shown = await ask(engine, "what did kast do in 2021")
    assert "back to the Arrow team for 2021" in shown
    assert "don't say" not in shown


async def test_how_someone_got_on_is_their_result(card_engine: AnswerEngine) -> None:
    """ "how did varo get on": his finish, no cause asked (a why would want "because")."""
    reading = read("how did varo get on", card_engine.lookup)
    assert _kinds(reading) == {"finish"}
    assert "why" in _kinds(read("how did varo get a penalty", card_engine.lookup))
    shown = await ask(card_engine, "how did varo get on")
    assert "finished ninth" in shown


SERIES_STORIES = {
    "2026-09-06-invented-f1-korvale": (
        "date 2026-09-06 Invented Formula 1 race at Korvale: Kast wins",
        "Rudi Kast won the Korvale Grand Prix on Sunday.",
    ),
    "2026-09-20-invented-f1-dunmere": (
        "date 2026-09-20 Invented Formula 1 race at Dunmere: Varo wins",
        "Timo Varo won the Dunmere Grand Prix on Sunday.",
    ),
    "2026-10-05-invented-f1-calendar": (
        "date 2026-10-05 Formula 1 confirms its invented 2031 calendar",
        "Formula 1 will race 22 times in 2031, starting at Valmont on March 9 and ending at "
        "Dunmere on November 30.",
    ),
    "2026-11-10-invented-wec-signing": (
        "date 2026-11-10 Invented sportscar team signs Ivo Brandt for the 2031 FIA World "
        "Endurance Championship",
        "The invented Falcon team has signed Ivo Brandt for its endurance season.",
        "He will test at Ridgeway on February 2 and 3, 2031, five days before the opening race.",
    ),
}


@pytest.fixture(scope="module")
def series_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    stories = [(slug, "\n\n".join(lines)) for slug, lines in SERIES_STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("kept_words_series"), stories)


async def test_a_season_asked_with_no_series_is_the_usual_series(series_database: Path) -> None:
    """ "when does the 2031 season start": the series most stories are about, never the
    other series' release's date told without naming its series."""
    async with engine_over(series_database) as engine:
        shown = await ask(engine, "when does the 2031 season start")
        assert "starting at Valmont on March 9" in shown
        assert "five days before the opening race" not in shown
        # a series named is that series' story
        shown = await ask(engine, "when does brandts 2031 wec season start")
        assert "five days before the opening race" in shown


async def test_the_opener_is_where_the_season_starts(series_database: Path) -> None:
    """ "wheres the 2031 opener": the season "starting at Valmont", not a denial."""
    async with engine_over(series_database) as engine:
        shown = await ask(engine, "wheres the 2031 opener")
    assert "starting at Valmont on March 9" in shown
    assert "don't say" not in shown
