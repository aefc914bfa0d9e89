"""Years long past, each rule on invented stories: a fan types a year in two digits ("in 91",
"back in '03", "the 91 season", "zandvoort 91"), and a retrospective names a year once at the
head of the paragraphs telling that season, which go on about it without repeating it. Last
season named in today's news is no retrospective: its sentence must say the year."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.answers._years import spoken_years, year_paragraphs
from bot.answers.understand import read
from bot.models import Passage
from tests.answers.scoring import ask, stories_store

STORIES = {
    "2026-11-20-invented-arlen-history": (
        "date 2026-11-20 Invented: Arlen Racing has let its team-mates fight for the title "
        "before, and it went badly",
        "Arlen Racing has sent two of its drivers into a title decider before. It happened in "
        "1991 and again in 2003.",
        "In 1991 Piet Haldane and Marc Dorival shared the fastest car on the grid.",
        "The decider was at Zandvoort, where Dorival dived down the inside at Tarzan on lap "
        "33 and both cars ended up in the gravel when Haldane turned in.",
        "Haldane was fined $50,000 for the move and kept his title.",
        "By 2003 the team had two new drivers, Olle Brandt and Sami Ketola.",
        "At Interlagos Brandt's engine failed on lap 12, and Ketola won the championship by "
        "two points.",
    ),
    "2026-09-01-invented-zandvoort": (
        "date 2026-09-01 Invented: Holm wins at Zandvoort on the resurfaced track",
        "The track at Zandvoort was resurfaced after drivers complained about bumps in 2025.",
        "Teo Holm won at Zandvoort on Sunday, three seconds clear of Ilja Varga.",
    ),
    "2026-11-08-invented-interlagos": (
        "date 2026-11-08 Invented: Varga wins at Interlagos in the rain",
        "Ilja Varga won at Interlagos on Sunday after a late downpour.",
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented stories, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("looking_back"), stories)


@pytest.mark.parametrize(
    ("typed", "year"),
    [
        ("what happened in 91", "1991"),
        ("who won back in '03", "2003"),
        ("how did the 91 season end", "1991"),
        ("what happened at zandvoort 91", "1991"),
    ],
)
def test_a_year_typed_in_two_digits_is_read_as_the_year(
    engine: AnswerEngine, typed: str, year: str
) -> None:
    assert read(typed, engine.lookup).told_year == year


@pytest.mark.parametrize(
    "typed",
    ["who led after 31 laps", "who was 3rd in 12 races", "who crashed at turn 10", "car 45"],
)
def test_a_number_that_counts_is_no_year(typed: str) -> None:
    assert spoken_years(typed, 2026, frozenset({"zandvoort"})) == typed


def test_a_paragraph_naming_several_years_carries_none_of_them() -> None:
    lines = [
        "It happened in 1991 and again in 2003.",
        "Nothing more.",
        "In 1991 it rained.",
        "The title went to Zandvoort.",
    ]
    paragraphs = [Passage(text, n) for n, text in enumerate(lines, start=1)]
    assert year_paragraphs(paragraphs, "1991") == frozenset({1, 3, 4})


async def test_a_years_paragraphs_tell_it_without_naming_it(engine: AnswerEngine) -> None:
    shown = await ask(engine, "what happened at zandvoort in 91")
    assert "both cars ended up in the gravel" in shown


async def test_the_title_of_a_year_long_past(engine: AnswerEngine) -> None:
    shown = await ask(engine, "who won the title in 2003")
    assert "Ketola won the championship" in shown
    shown = await ask(engine, "why was haldane fined in 1991")
    assert "fined $50,000 for the move" in shown


async def test_last_season_in_todays_news_is_no_retrospective(engine: AnswerEngine) -> None:
    shown = await ask(engine, "who won at zandvoort in 2025")
    assert "don't say" in shown


async def test_a_place_whose_stories_never_name_them_is_looked_back_on(
    engine: AnswerEngine,
) -> None:
    shown = await ask(engine, "why did brandt retire at interlagos in 03")
    assert "Brandt's engine failed on lap 12" in shown
