"""The nearest sentence is the answer when it has the shape the question's kind wants and is
about what was asked, each rule on invented stories: "what time does the race start" is met
by "with the start at 9pm local time" in the story headed by the race's city; "when does X
first drive the car" by X's own dated sentence; "is X doing the test" by X's sentence telling
he will not. The denial stays when the sentence is another person's, lacks a word asked, or
lacks the date a "when" wants; "jr" is part of a name, never a word a sentence must hold."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.answers.records import Found
from bot.answers.router._nearest import answers_its_kind
from bot.answers.router._needs import _BORN
from bot.answers.understand import read
from bot.models import Source
from tests.answers.scoring import ask, stories_store

STORIES = {
    "2026-10-02-invented-calendar": (
        "date 2026-10-02 Invented calendar for 2027: Korvale in, Dunmere out",
        "The invented series will hold 20 rounds in 2027, its organisers said on Friday.",
        '"We have waited ten years for this," said Aldo Pireni, who runs the promotion. '
        "Pireni said tickets go on sale in March and that the race would be held at night, "
        "with the start at 9pm local time, to escape the heat.",
    ),
    "2026-11-12-invented-signing": (
        "date 2026-11-12 Invented sportscar team signs Tomas Brenner for 2027",
        "The invented Falcon sportscar team has signed Tomas Brenner for the 2027 season, "
        "alongside Marek Sollo.",
        "Brenner will drive the Falcon GT for the first time at a private test at Ridgeway "
        "on January 12, followed by a seat fitting at the team's base in February.",
        "Brenner will finish his single-seater career at the Korvale finale on December 4 "
        "and will not take part in the winter tyre test at Ridgeway on December 9.",
        "Born in Lisbon, Brenner moved to Britain as a teenager to race karts.",
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented stories, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("nearest"), stories)


async def test_a_clock_time_in_the_story_of_the_race_answers_what_time(
    engine: AnswerEngine,
) -> None:
    """The sentence never names Korvale, its story's headline does: the time is the answer."""
    shown = await ask(engine, "what time does the korvale race start")
    assert "9pm local time" in shown
    assert "don't say" not in shown


async def test_the_persons_dated_sentence_answers_when(engine: AnswerEngine) -> None:
    shown = await ask(engine, "when does brenner first drive the falcon")
    assert "January 12" in shown
    assert "don't say" not in shown


async def test_the_persons_statement_answers_yes_or_no(engine: AnswerEngine) -> None:
    shown = await ask(engine, "is brenner doing the tyre test")
    assert "will not take part in the winter tyre test" in shown
    assert "don't say" not in shown


async def test_another_persons_date_keeps_the_denial(engine: AnswerEngine) -> None:
    """Sollo is named in the story, but the dated sentence is Brenner's."""
    shown = await ask(engine, "when does sollo first drive the falcon")
    assert "don't say" in shown


async def test_a_word_asked_that_the_sentence_lacks_keeps_the_denial(
    engine: AnswerEngine,
) -> None:
    shown = await ask(engine, "what time does the korvale qualifying start")
    assert "don't say" in shown


def test_when_wants_a_date_not_only_the_kinds_word() -> None:
    """ "Born in Lisbon" tells where, not when: "born" alone is not the answer's shape."""
    source = Source(
        "invented", "Invented sportscar team signs Tomas Brenner", date(2026, 11, 12), 4
    )
    found = Found("Born in Lisbon, Brenner moved to Britain as a teenager to race karts.", source)
    asked = {"groups": [], "yes_no": False, "people": [{"brenner"}], "places": []}
    assert not answers_its_kind(found, kinds={"when", "born"}, need=_BORN, **asked)
    assert answers_its_kind(found, kinds={"where", "born"}, need=_BORN, **asked)


def test_jr_is_part_of_a_name_not_a_word_asked(engine: AnswerEngine) -> None:
    assert "jr" not in read("when was brenner jr born", engine.lookup).words
