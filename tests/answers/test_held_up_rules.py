"""Held up, as reports tell it: a fan asks where X held Y up; the stewards' decision says X
"impeded" Y, the session's report that Y was "caught in traffic behind X". The stories are
invented for the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.store import Store
from tests.answers.scoring import ask, stories_store

STORIES = {
    "2031-06-14-invented-qualifying": (
        "date 2031-06-14 Vale on pole at Kestrel Park; Orrin out in Q2",
        "Tamsin Vale took pole position at Kestrel Park on Saturday.",
        "Petra Orrin was out in Q2 in 13th, after she was caught in traffic behind Ilse Brandt "
        "at the Bayside hairpin on her final lap.",
        "Orrin said she had lost three tenths there.",
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented story, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("held_up"), stories)


async def test_held_up_is_caught_in_traffic_behind(engine: AnswerEngine) -> None:
    shown = await ask(engine, "where did brandt hold up orrin")
    assert "caught in traffic behind Ilse Brandt at the Bayside hairpin" in shown
    assert "don't say" not in shown


RACE = (
    "date 2031-06-15 Vale wins at Kestrel Park; Orrin stuck behind Brandt",
    "Tamsin Vale won at Kestrel Park on Sunday ahead of Ilse Brandt and Kara Lund.",
    "Petra Orrin was caught in traffic behind Brandt for most of the second stint and "
    "finished fourth.",
)


@pytest.fixture(scope="module")
def race_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An invented race report where one driver is stuck behind another."""
    return stories_store(
        tmp_path_factory.mktemp("held_up_race"),
        [("2031-06-15-invented-race", "\n\n".join(RACE))],
    )


@pytest.mark.parametrize(
    "question",
    [
        "did orrin hold the lead at kestrel park",
        "did orrin hold off brandt",
    ],
)
async def test_hold_is_no_hold_up(race_database: Path, question: str) -> None:
    """Without the rule: "caught in traffic behind Brandt" shown as a yes: "hold" took
    "traffic" for a synonym. Only "hold up" is a hold-up."""
    async with await Store.open(race_database) as store:
        engine = AnswerEngine(store)
        await engine.refresh()
        shown = await ask(engine, question)
    assert "don't say" in shown
