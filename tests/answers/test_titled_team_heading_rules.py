"""A technical analysis told team by team, each sub-heading a team's name and a title after a
colon ("Alpine: a sidepod for the heat"), on an invented one: the name before the colon says
whom the section is about, as a bare team name does (``bot.answers._sections``), so its
sentences answer a question naming the team without repeating it, and a question naming one
team is never answered under another team's heading."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import DENIAL, ask, engine_over, stories_store

STORIES = {
    "2031-10-07-invented-upgrades": (
        "date 2031-10-07 Kestrel Park upgrades: what each team brought, and what it was for",
        "Seven teams arrived at Kestrel Park with new parts. This is what each of them brought "
        "and what the teams said about it.",
        "Williams: a quiet garage",
        "Nothing new was fitted. Tomas Verhoek said the car was the same as in July, and "
        "Marta Quill, the team principal, said the next parts would come in Lisbon.",
        "Alpine: a sidepod for the heat",
        "The new sidepods have wider inlets. The aim was to keep the power unit cool on the "
        "long back straight, where the car overheated in July. Emil Jarvik, the reserve "
        "driver, ran them in first practice.",
        "Haas: a diffuser for the bumps",
        "The new diffuser has a stiffer edge. It was designed to stop the car bottoming out "
        "over the kerbs: the cars scrape the ground at Turns 4 and 11 on every lap.",
    ),
    # A race report naming Haas and Williams often, as most of a store's stories do a team's.
    "2031-10-05-invented-race": (
        "date 2031-10-05 Mensah gives Haas its best result of the year at Kestrel Park",
        "Haas driver Kofi Mensah finished fourth at Kestrel Park on Sunday.",
        "Haas had not scored since the summer break, and Williams had not scored since May.",
        "The Haas pit crew changed his tyres in 2.4 seconds on lap 31.",
        "Haas moves up to sixth in the constructors' standings.",
        "Nils Brandt was ninth for Alpine after a slow second stop.",
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented analysis, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("titled_team_heading"), stories)


async def test_a_titled_team_heading_holds_for_its_section(engine: AnswerEngine) -> None:
    shown = await ask(engine, "whos williams team principal")
    assert "Marta Quill" in shown
    assert DENIAL not in shown


async def test_another_titled_teams_section_does_not_answer(engine: AnswerEngine) -> None:
    # Alpine's reserve driver is no answer for Haas: the article does not say.
    shown = await ask(engine, "whos the haas reserve driver")
    assert "Emil Jarvik" not in shown


async def test_a_where_on_a_team_reads_its_section(engine: AnswerEngine) -> None:
    shown = await ask(engine, "where does the haas scrape the ground")
    assert "Turns 4 and 11" in shown
    assert DENIAL not in shown


async def test_a_why_on_a_teams_part_reads_its_purpose(engine: AnswerEngine) -> None:
    # The purpose under the team's heading answers, though it names neither team nor part.
    shown = await ask(engine, "why did alpine bring new sidepods")
    assert "keep the power unit cool" in shown
    assert DENIAL not in shown


async def test_a_why_on_a_team_with_drivers_reads_its_section(engine: AnswerEngine) -> None:
    # Haas's driver is known, so the answer must be about Haas: its heading says it is.
    shown = await ask(engine, "why did haas bring a new diffuser")
    assert "stop the car bottoming out" in shown
    assert DENIAL not in shown


#: A second analysis: a team's section telling what another team did with the same idea.
HARWICK = (
    "date 2031-10-08 Harwick upgrades: what each team fitted, and why",
    "Three teams brought new parts to Harwick. Here is what each fitted.",
    "Lotus: a nose for the slow corners",
    "Lotus fitted a shorter nose to turn in harder at the hairpin.",
    "Sauber tried that idea in Oporto last spring and said it worked well for them, "
    "saving a tenth in the slow corners.",
    "Renault: a lighter rear wing",
    "Renault brought a lighter rear wing for the long back straight.",
)


@pytest.fixture(scope="module")
def harwick(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The second invented analysis, ingested alone."""
    story = ("2031-10-08-invented-harwick", "\n\n".join(HARWICK))
    return stories_store(tmp_path_factory.mktemp("titled_team_other"), [story])


async def test_another_teams_words_under_a_teams_heading_stay_that_teams(harwick: Path) -> None:
    """Under "Lotus: a nose for the slow corners", a sentence naming Sauber tells Sauber's
    view, never Lotus's: without the rule the heading's team was lent to it, and "did lotus
    say the nose worked" was answered yes by Sauber's words."""
    async with engine_over(harwick) as engine:
        shown = await ask(engine, "did lotus say the nose worked")
    assert DENIAL in shown
