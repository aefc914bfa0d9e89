"""Fans' "gps" are grands prix, on an invented profile: counted as the report counts them
("more than 180 grands prix"), and never read as the possessive of someone nicknamed "GP"."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

PROFILE = "\n\n".join(
    (
        "date 2031-09-01 Invented: Lena Quist ends her Formula 1 career after 12 seasons",
        "Lena Quist will leave Formula 1 after this season, having started more than 180 "
        "grands prix since her debut in 2019.",
        "Her race engineer, Gino Paretti, known to the team as GP, will stay at the team.",
        '"She never once missed a briefing," Paretti said.',
    )
)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return stories_store(tmp_path_factory.mktemp("gps"), (("2031-09-01-quist", PROFILE),))


async def test_gps_are_counted_as_grands_prix(engine: AnswerEngine) -> None:
    """ "how many gps has quist done": "more than 180 grands prix", not Paretti's words."""
    shown = await ask(engine, "how many gps has quist done")
    assert "180 grands prix" in shown
    assert not shown.startswith("The articles don't say")
