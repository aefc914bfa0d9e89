"""A driver's career told in a story about something else, each rule on invented stories:
"when was X's F1 debut" after X moved to sportscars is told by the sportscar team's release
recalling "made his Formula 1 debut with Arrow in 2011" (the series asked is X's career, not
only the series' own stories); "has X won <place> before" by a story recalling X's win there,
not only that race's own report; "when is the last race" by the one race left, "X's last race" by
where X's career ends; a year to come by the stories its headline dates, in sentences that need not
repeat it; a year told as when something happened ("in 2011") answers
"when"."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

STORIES = {
    "2026-07-10-invented-f1-seat": (
        "date 2026-07-10 Invented Formula 1 news: Varo signs for Arrow as Kast is left out",
        "Timo Varo will race for Arrow in the Formula 1 World Championship in 2027, the "
        "team said on Friday, leaving Rudi Kast without a seat.",
        "Kast did not speak to the media on Friday.",
    ),
    "2026-11-20-invented-wec-signing": (
        "date 2026-11-20 Invented sportscar team signs Rudi Kast for the World Endurance "
        "Championship",
        "The invented Falcon team has signed Rudi Kast for the 2027 FIA World Endurance "
        "Championship.",
        "He will share the No. 8 car with Ivo Brandt and Sam Okoro in the Hypercar class.",
        "The team will test the car at Ridgeway in January.",
        "The Falcon team won its class at Le Mans in 2024.",
        "Kast made his Formula 1 debut with Arrow in 2011 and scored his first podium at "
        "Valmont six years later.",
    ),
    "2026-06-14-invented-le-mans": (
        "date 2026-06-14 Invented Le Mans 24 Hours: Falcon wins as Orca fades",
        "LE MANS, France - The Falcon team won the Le Mans 24 Hours on Sunday.",
        "Orca led until the 20th hour.",
    ),
    "2026-10-01-invented-gt-signing": (
        "date 2026-10-01 Invented GT team signs Ivo Brandt",
        "The invented Kestrel GT team has signed Ivo Brandt for next season.",
        "Brandt returns to endurance racing after his only start at the Le Mans 24 Hours, "
        "which he won outright at the first attempt in 2019.",
    ),
    "2026-11-29-invented-penultimate-round": (
        "date 2026-11-29 Invented Grand Prix at Korvale: Varo closes in",
        "Timo Varo won at Korvale on Sunday and is four points behind the leader.",
        "One race is left, at Dunmere on December 6, and two drivers can still take the title.",
        "For Lina Sorel's old team-mate Pim Adder, tenth, it was the penultimate race of a career "
        "that ends at Dunmere.",
    ),
    "2026-10-05-invented-calendar": (
        "date 2026-10-05 Invented series confirms its 2031 calendar with four new rounds",
        "The invented series will race 18 times in 2031, its organisers said on Monday.",
        "Four of the weekends will have sprints: Valmont, Korvale, Dunmere and Ridgeway.",
    ),
    "2026-05-03-invented-ledger": (
        "date 2026-05-03 Invented profile: Lina Sorel looks back",
        "Lina Sorel joined the Arrow team as a mechanic in 2009 and became its sporting "
        "director in 2019.",
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented stories, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("career"), stories)


async def test_a_career_in_a_series_is_told_by_a_story_of_another(engine: AnswerEngine) -> None:
    shown = await ask(engine, "when was kasts f1 debut")
    assert "with Arrow in 2011" in shown
    assert "don't say" not in shown


async def test_a_year_told_answers_when(engine: AnswerEngine) -> None:
    shown = await ask(engine, "when did sorel join arrow")
    assert "as a mechanic in 2009" in shown
    assert "don't say" not in shown


async def test_a_past_win_at_a_place_is_told_by_a_story_recalling_it(
    engine: AnswerEngine,
) -> None:
    """The Le Mans report never names Brandt; the GT team's story recalls his win there."""
    shown = await ask(engine, "has brandt won le mans before")
    assert "won outright at the first attempt in 2019" in shown


async def test_the_last_race_to_come_is_the_one_left(engine: AnswerEngine) -> None:
    """ "when is the last race": the season's closing round, told as the one race left."""
    shown = await ask(engine, "when is the last race")
    assert "One race is left, at Dunmere on December 6" in shown
    assert "don't say" not in shown


async def test_someones_last_race_is_where_the_career_ends(engine: AnswerEngine) -> None:
    shown = await ask(engine, "where is adders last race")
    assert "a career that ends at Dunmere" in shown


async def test_a_year_to_come_is_told_by_the_stories_headed_by_it(engine: AnswerEngine) -> None:
    """ "which tracks have sprints in 2031": the 2031 calendar's sentence need not repeat the
    year its headline gives."""
    shown = await ask(engine, "which tracks have sprints in 2031")
    assert "Valmont, Korvale, Dunmere and Ridgeway" in shown
    assert "don't say" not in shown
