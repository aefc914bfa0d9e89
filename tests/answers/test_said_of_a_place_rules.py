"""What X said of a place asked over a qualifying report ("who does X blame for only p5"):
a qualifying report, written before the race, tells no race result, but it tells the
session's places and what the drivers said of them, so it answers. The story is invented for
the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

STORY = "\n\n".join(
    (
        "date 2031-07-05 Vale takes pole at Kestrel Park as Orrin qualifies fifth",
        "Tamsin Vale took pole position for the Kestrel Park Grand Prix on Saturday, with "
        "Ilse Brandt second and Petra Orrin fifth after a slide at the Bayside hairpin.",
        "Orrin, fifth, did not dwell on it. \"That was on me, nobody else,\" she said.",
    )
)  # fmt: skip


QUALIFYING = "\n\n".join(
    (
        "date 2030-05-11 Invented Dunmere Grand Prix qualifying: Moreau on pole, Larsen second",
        "Kai Moreau took pole position for the invented Dunmere Grand Prix ahead of Jon Larsen.",
        '"Second is fine, I can win from here tomorrow and the podium is the minimum," Larsen '
        "said.",
    )
)  # fmt: skip

RACE = "\n\n".join(
    (
        "date 2030-05-12 Invented Dunmere Grand Prix: Moreau wins, Larsen fifth after a slow stop",
        "Kai Moreau won the invented Dunmere Grand Prix; Jon Larsen finished fifth after a "
        "slow pit stop.",
        "Pia Renner took the last podium place.",
    )
)  # fmt: skip


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented stories, ingested through the real ingester."""
    return stories_store(
        tmp_path_factory.mktemp("said_of_a_place"),
        (
            ("kestrel", STORY),
            ("2030-05-11-dunmere-qualifying", QUALIFYING),
            ("2030-05-12-dunmere", RACE),
        ),
    )


async def test_blame_for_a_qualifying_place_is_read_in_the_qualifying_report(
    engine: AnswerEngine,
) -> None:
    shown = await ask(engine, "who does petra blame for only p5 at kestrel park")
    assert "written before the race" not in shown
    assert "on me, nobody else" in shown


async def test_a_qualifying_quote_does_not_answer_for_the_race_reported_after_it(
    engine: AnswerEngine,
) -> None:
    """Words spoken before the race are no blame for its result, when the race is told."""
    shown = await ask(engine, "who did larsen blame for p5 at dunmere")
    assert "I can win from here" not in shown
