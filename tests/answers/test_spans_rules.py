"""How long a moment lasted, how old someone was when something happened, and a fan's filler,
each on invented stories: "how long was X's stop" asks a spell of time ("took 14.2 seconds"),
never the race's laps, and a wait told "until 2029" or "52 races" answers too; "how old was
X when he moved" is told "at 14 he moved", with no word of age; and "gonna" is no word a
sentence must hold for the nearest sentence to answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.answers.router._kinds import _kinds
from bot.answers.understand import read
from tests.answers.scoring import ask, stories_store

STORIES = {
    "2026-08-30-invented-gp": (
        "date 2026-08-30 Invented Grand Prix: Holm wins as a slow stop costs Varga",
        "Teo Holm won the invented Grand Prix on Sunday, 3.1 seconds clear of Ilja Varga.",
        "Varga ran 31 laps on his first set of tyres and led until his only stop.",
        "His stop on lap 32 took 9.6 seconds because the rear-left wheel would not come off, "
        "and he rejoined behind Holm.",
    ),
    "2026-09-02-invented-profile": (
        "date 2026-09-02 The quiet one: Carl Moen, karting and a long road to Formula 2",
        "Carl Moen was born in Bergen in 2003, and at 14 Moen moved to Italy to race karts.",
        "He learned the language from his mechanics, he says, and from losing.",
    ),
    "2026-11-20-invented-rules": (
        "date 2026-11-20 Invented bike rules explained: new engines and less fuel in 2028",
        "Engine capacity falls from 1,000cc to 850cc, and the fuel tank shrinks from 22 "
        "litres to 20.",
        "The factories say the change will cost each of them a season of development.",
    ),
    "2026-10-04-invented-waits": (
        "date 2026-10-04 Sand ends the long wait as Nyberg stays on the bench",
        "Mira Sand won in the rain on Sunday, 52 races after her debut, and said she "
        "had never doubted it would come.",
        "Her team-mate Jon Nyberg will have to wait until 2029 for a full-time seat, the "
        "team said after signing two others.",
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented stories, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("spans"), stories)


def test_how_long_was_a_stop_is_a_spell_of_time(engine: AnswerEngine) -> None:
    """ "how long was X's stop": a time, not laps; "how long was the race" stays its laps."""
    assert "duration" in _kinds(read("how long was vargas stop", engine.lookup))
    assert "count_laps" in _kinds(read("how long was the race", engine.lookup))


async def test_a_stops_length_is_told_in_seconds(engine: AnswerEngine) -> None:
    """The sentence timing the stop answers, never a stint's laps or a denial."""
    shown = await ask(engine, "how long was vargas stop")
    assert "9.6 seconds" in shown
    assert "don't say" not in shown


async def test_an_age_at_a_moment_is_told_by_at(engine: AnswerEngine) -> None:
    """ "how old was X when he moved": "at 14 Moen moved to Italy" answers, without "aged"."""
    shown = await ask(engine, "how old was moen when he moved to italy")
    assert "at 14 Moen moved" in shown
    assert "don't say" not in shown


async def test_a_fans_filler_is_no_word_to_find(engine: AnswerEngine) -> None:
    """ "how big are the new engines gonna be": the capacity's sentence answers (its
    headline saying "new"), as it does for "how big are the new engines"; "gonna" is in no
    report."""
    for question in ("how big are the new engines", "how big are the new engines gonna be"):
        shown = await ask(engine, question)
        assert "850cc" in shown
        assert "don't say" not in shown


@pytest.mark.parametrize(
    ("question", "told"),
    [
        ("how long will nyberg have to wait for a full-time seat", "until 2029"),
        ("how long did sand have to wait for her first win", "52 races after her debut"),
    ],
)
async def test_a_wait_told_in_races_or_years(
    engine: AnswerEngine, question: str, told: str
) -> None:
    """ "how long ... wait": a wait told in races or "until 2029" answers, as a stop's
    seconds do; what a timed question rules out is laps, never years."""
    shown = await ask(engine, question)
    assert told in shown
