"""A press release's closing "About <the team>" block tells what the team is: it answers a
question about the team, and not one about a race its boilerplate happens to name ("has won
the Nordring 12 Hours four times"), which the race's own report answers. On invented
stories."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

#: The race's own report, older.
REPORT = "\n\n".join(
    (
        "date 2026-06-08 Invented endurance: Falk and Moreau take the Nordring 12 Hours",
        "Erik Falk and Luc Moreau drove the No. 4 Vantor to victory in the Nordring 12 Hours "
        "on Sunday, finishing a lap clear of the field.",
        "The pair led for the last three hours after a fast final stop.",
    )
)  # fmt: skip

#: A newer press release whose "About" block names the race in its boilerplate.
RELEASE = "\n\n".join(
    (
        "date 2026-11-15 Invented: Kestrel Racing signs Jonas Lind for 2027",
        "PRESS RELEASE",
        "OSLO, Norway, November 15, 2026 - Kestrel Racing is pleased to announce that Jonas "
        "Lind will join its endurance line-up for 2027.",
        "Lind, 24, will share the No. 9 car with two team-mates to be named in January.",
        '"Jonas is quick and calm," said Anna Berg, Team Principal.',
        "About Kestrel Racing",
        "Kestrel Racing is the endurance team founded by Anna Berg in 2011. The team has won "
        "the Nordring 12 Hours four times and is based in Oslo.",
    )
)  # fmt: skip


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return stories_store(
        tmp_path_factory.mktemp("boilerplate"),
        (("2026-06-08-nordring-12h", REPORT), ("2026-11-15-kestrel-lind", RELEASE)),
    )


async def test_a_race_is_not_answered_from_a_release_boilerplate(engine: AnswerEngine) -> None:
    shown = await ask(engine, "who won the nordring 12 hours")
    assert "Erik Falk and Luc Moreau" in shown
    assert "four times" not in shown


async def test_the_boilerplate_answers_what_the_team_is(engine: AnswerEngine) -> None:
    shown = await ask(engine, "who founded kestrel racing")
    assert "founded by Anna Berg in 2011" in shown
