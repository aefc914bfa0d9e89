"""A story told team by team under the teams' names as sub-headings (a driver-market roundup),
on an invented one: a heading that is a team's name says whom its section is about, so its
sentences answer a question naming the team without repeating it; a question naming one team
is never answered under another team's heading; the heading itself is no answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import DENIAL, ask, stories_store

STORIES = {
    "2031-11-20-invented-market": (
        "date 2031-11-20 Driver market: who drives where in 2032, and the two seats still open",
        "With two races left, most of next year's grid is known. Here is where each team stands.",
        "Williams",
        "Nothing changes. Tomas Verhoek and Ruben Castel are both under contract until the "
        'end of 2033. "We are the calmest garage in the paddock," said Marta Quill, the '
        "team principal.",
        "Alpine",
        "The second seat is open. Sources at Enstone say the team has offered it to its "
        "reserve driver, Emil Jarvik. The team denied it.",
        "Haas",
        "Kofi Mensah stays for a third season, and the team expects to name his team-mate "
        "in December.",
    ),
    # A race report naming Haas often, as most of a store's stories do a team's name.
    "2031-11-16-invented-race": (
        "date 2031-11-16 Mensah gives Haas its best result of the year at Kestrel Park",
        "Kofi Mensah finished fourth for Haas at Kestrel Park on Sunday.",
        "Haas had not scored since the summer break.",
        "The Haas pit crew changed his tyres in 2.4 seconds on lap 31.",
        "Haas moves up to sixth in the constructors' standings.",
        "It was the first time a Haas car had led a lap since 2029.",
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented roundup, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("team_heading"), stories)


async def test_a_team_heading_holds_for_its_section(engine: AnswerEngine) -> None:
    shown = await ask(engine, "whos williams team principal")
    assert "Marta Quill" in shown
    assert DENIAL not in shown


async def test_another_teams_section_does_not_answer(engine: AnswerEngine) -> None:
    # Alpine's reserve driver is no answer for Haas: the article does not say.
    shown = await ask(engine, "whos the haas reserve driver")
    assert "Emil Jarvik" not in shown


async def test_a_yes_no_on_a_team_reads_its_section(engine: AnswerEngine) -> None:
    shown = await ask(engine, "is the alpine seat open")
    assert "The second seat is open" in shown
    assert DENIAL not in shown
